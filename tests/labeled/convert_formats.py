"""Writes tests/labeled/formats/: each labeled resume's first DOCX rendering converted by
LibreOffice to ODT, RTF, DOC, HTML and TXT, for the tests of those formats (CI has no
LibreOffice, so the files are committed). Run again after changing a truth or a layout:

    PYTHONPATH=$PWD .venv/bin/python -m tests.labeled.convert_formats
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.labeled.cases import TRUTH
from tests.labeled.content import resume_of
from tests.labeled.render_docx import render_docx

FORMATS = Path(__file__).resolve().parent / "formats"
# LibreOffice's filter for each format; TXT as UTF-8 with a byte-order mark.
FILTERS = {"odt": "odt", "rtf": "rtf", "doc": "doc:MS Word 97", "html": "html:HTML (StarWriter)",
           "txt": "txt:Text (encoded):UTF8"}


def docx_renderings() -> dict[str, bytes]:
    """Each truth's first DOCX rendering by "<stem>.<layout>"."""
    files = {}
    for index, path in enumerate(sorted(TRUTH.glob("*.json"))):
        truth = json.loads(path.read_text(encoding="utf-8"))
        layouts = [rendering.split(":")[1] for rendering in truth["renderings"] if rendering.startswith("docx:")]
        if layouts:
            files[f"{path.stem}.{layouts[0]}"] = render_docx(resume_of(truth, index), layouts[0])
    return files


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not on PATH")
    FORMATS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        sources = []
        for name, content in docx_renderings().items():
            source = Path(work) / f"{name}.docx"
            source.write_bytes(content)
            sources.append(str(source))
        for extension, conversion in FILTERS.items():
            subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", conversion, "--outdir", str(FORMATS), *sources],
                           check=True, capture_output=True, timeout=600)
            print(f"{extension}: {len(list(FORMATS.glob(f'*.{extension}')))} files")


if __name__ == "__main__":
    main()
