"""Rebuilds the rendered corpus: files/ and truth/ beside this script, or those of
unseen/ for the second population (see people.py).

    python -m tests.corpus.build --themes DIR [--population unseen]

Needs what the tests never need: Node.js with the JSON Resume themes installed in DIR
(`npm install jsonresume-theme-even jsonresume-theme-flat jsonresume-theme-macchiato
jsonresume-theme-elegant jsonresume-theme-kendall` there), Chromium (`chromium`) and
LibreOffice Writer (`soffice`). The tests read the files this writes; see README.md.
The LaTeX renderings are made by latex.py beside this and left alone here.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pypdf
from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.corpus.people import COUNTRY_NAMES, person, shared, shared_pool_strings

CORPUS = Path(__file__).resolve().parent
THEMES = ("even", "macchiato", "elegant", "kendall", "flat")
# Where each population is written, and how many people of each convention it has (the
# renderings each gets follow from the position).
_OUTPUT = {"corpus": CORPUS, "unseen": CORPUS / "unseen"}
_PEOPLE = {"corpus": {"us": 12, "eu": 12, "in": 8}, "unseen": {"us": 9, "eu": 9, "in": 6}}
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
# Node's import() resolves packages from the working directory's node_modules.
_RENDER_JS = """
const [theme, input, output] = process.argv.slice(1);
const fs = await import("node:fs");
const module = await import(theme);
const render = module.render || module.default?.render;
fs.writeFileSync(output, await render(JSON.parse(fs.readFileSync(input, "utf8"))));
"""
# Stylesheets and scripts from CDNs: dropped so that rendering never reaches a network.
_EXTERNAL = re.compile(r"<link[^>]+href=\"https?://[^>]*>|<script[^>]+src=\"https?://[^>]*>\s*</script>",
                       re.IGNORECASE)


def _stem(document: dict[str, Any], index: int) -> str:
    ascii_name = re.sub(r"[^a-z]+", "_", document["basics"]["email"].split("@")[0].lower()).strip("_")
    return f"{document['meta']['convention']}{index:02d}_{ascii_name}"


def _renderings(convention: str, index: int) -> list[str]:
    theme = THEMES[(index + {"us": 0, "eu": 2, "in": 4}[convention]) % len(THEMES)]
    office = "jobboard" if convention == "in" or (convention == "us" and index % 3 == 0) else "word"
    return [f"html-{theme}", f"docx-{office}"]


# --- what each renderer shows -------------------------------------------------------

def _written_month(value: str, style: str) -> str:
    if value == "present":
        return "Present"
    year, month = int(value[:4]), int(value[5:7])
    return {"us": f"{_MONTHS[month - 1][:3]} {year}", "eu": f"{month:02d}/{year}",
            "in": f"{_MONTHS[month - 1]} {year}"}[style]


def _location(document: dict[str, Any], renderer: str) -> str:
    place = document["basics"]["location"]
    city, region, country = place["city"], place["region"], place["countryCode"]
    if renderer == "html-even":
        return f"{city}, {COUNTRY_NAMES[country]}"
    if renderer == "html-macchiato":
        return " ".join(part for part in (city, region, country) if part)
    if renderer == "html-elegant":
        return ", ".join(part for part in (city, region, country) if part)
    if renderer == "html-kendall":
        return f"{city}, {region} {country}" if region else f"{city}, {country}"
    if renderer == "html-flat":
        return ""
    return f"{city}, {region or COUNTRY_NAMES[country]}"


def _links(document: dict[str, Any], renderer: str, indeed: str) -> list[str]:
    basics = document["basics"]
    profiles = [profile["url"] for profile in basics["profiles"]]
    if renderer == "docx-jobboard":
        return [indeed]
    if renderer == "docx-word":
        return profiles
    return ([basics["url"]] if basics["url"] else []) + profiles


def truth_of(document: dict[str, Any], renderer: str, person_id: str, file_name: str) -> dict[str, Any]:
    basics, meta = document["basics"], document["meta"]
    return {
        "person": person_id,
        "files": [file_name],
        "name": basics["name"],
        "email": basics["email"],
        "phone": basics["phone"],
        "phone_e164": meta["phone_e164"],
        "location": _location(document, renderer),
        "links": _links(document, renderer, _indeed(document)),
        "experience": [{"title": job["position"], "company": job["name"], "location": job["location"],
                        "start": job["startDate"][:7], "end": job["meta_end"], "highlights": job["highlights"]}
                       for job in document["work"]],
        "education": [{"institution": school["institution"], "level": school["meta_level"],
                       "degree": school["studyType"], "start": school["startDate"][:4],
                       "end": school["endDate"][:4]} for school in document["education"]],
        "skills": {group["name"]: group["keywords"] for group in document["skills"]},
        "skills_mentioned": meta["mentioned"],
        "skills_complete": True,
    }


def _indeed(document: dict[str, Any]) -> str:
    slug = "-".join(document["basics"]["email"].split("@")[0].replace(".", " ").title().split())
    return f"https://www.indeed.com/r/{slug}/{hashlib.sha256(slug.encode()).hexdigest()[:16]}"


# --- DOCX layouts -------------------------------------------------------------------

def _hyperlink(paragraph: Any, url: str, text: str) -> None:
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _degree(school: dict[str, Any]) -> str:
    return f"{school['studyType']} in {school['area']}" if school["area"] else school["studyType"]


def word_docx(document: dict[str, Any]) -> bytes:
    """A one-column resume as a word processor's template lays it out: dates on a right
    tab stop, bulleted highlights, skills as "Group: items"."""
    basics, convention = document["basics"], document["meta"]["convention"]
    docx = Document()
    docx.styles["Normal"].font.name = "Liberation Sans"
    docx.styles["Normal"].font.size = Pt(10)
    width = docx.sections[0].page_width - docx.sections[0].left_margin - docx.sections[0].right_margin

    def dated(left: str, dates: str, bold: bool = True) -> None:
        paragraph = docx.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        paragraph.add_run(left).bold = bold
        paragraph.add_run(f"\t{dates}")

    docx.add_heading(basics["name"], level=0)
    contact = docx.add_paragraph(f"{_location(document, 'docx-word')} | {basics['phone']} | {basics['email']}")
    for profile in basics["profiles"]:
        contact.add_run(" | ")
        _hyperlink(contact, profile["url"], profile["url"].split("://", 1)[1].removeprefix("www."))
    docx.add_heading("Profile", level=1)
    docx.add_paragraph(basics["summary"])
    docx.add_heading("Experience", level=1)
    for job in document["work"]:
        dated(job["position"], f"{_written_month(job['startDate'][:7], convention)} – "
                               f"{_written_month(job['meta_end'], convention)}")
        docx.add_paragraph(f"{job['name']}, {job['location']}").runs[0].italic = True
        for highlight in job["highlights"]:
            docx.add_paragraph(highlight, style="List Bullet")
    docx.add_heading("Education", level=1)
    for school in document["education"]:
        dated(school["institution"], f"{school['startDate'][:4]} – {school['endDate'][:4]}")
        docx.add_paragraph(_degree(school))
    docx.add_heading("Skills", level=1)
    for group in document["skills"]:
        paragraph = docx.add_paragraph()
        paragraph.add_run(f"{group['name']}: ").bold = True
        paragraph.add_run(", ".join(group["keywords"]))
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


def jobboard_docx(document: dict[str, Any]) -> bytes:
    """The plain layout job boards export a profile in: one fact per line, dates as
    "June 2016 to Present", descriptions as sentences without bullets."""
    basics = document["basics"]
    docx = Document()
    docx.styles["Normal"].font.name = "Liberation Sans"
    docx.styles["Normal"].font.size = Pt(10)
    current = document["work"][0]
    lines = [basics["name"], f"{current['position']} - {current['name']}", _location(document, "docx-jobboard"),
             basics["email"], basics["phone"], f"Indeed: {_indeed(document)}", "", "WORK EXPERIENCE"]
    for job in document["work"]:
        lines += [job["position"], f"{job['name']} - {job['location']}",
                  f"{_written_month(job['startDate'][:7], 'in')} to {_written_month(job['meta_end'], 'in')}"]
        lines += [highlight + "." for highlight in job["highlights"]]
        lines.append("")
    lines.append("EDUCATION")
    for school in document["education"]:
        lines += [_degree(school), f"{school['institution']} - {basics['location']['city']}",
                  f"{school['startDate'][:4]} to {school['endDate'][:4]}", ""]
    lines.append("SKILLS")
    keywords = [keyword for group in document["skills"] for keyword in group["keywords"]]
    lines.append(", ".join(f"{keyword} ({2 + index % 4} years)" for index, keyword in enumerate(keywords)))
    for line in lines:
        paragraph = docx.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = line.isupper() or line == basics["name"]
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()


# --- renderers ------------------------------------------------------------------------

def _chromium_pdf(html: Path, pdf: Path, work: Path) -> None:
    profile = work / f"chromium-{pdf.stem}"
    profile.mkdir()
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
                    html.as_uri()], check=True, capture_output=True, timeout=120)


def _same_text(old: Path, new: Path) -> bool:
    """Whether two renderings differ only in what the renderers stamp (dates, ids)."""
    def text(path: Path) -> list[str]:
        return [page.extract_text() for page in pypdf.PdfReader(path).pages]
    return old.exists() and text(old) == text(new)


def build(themes: Path, population: str = "corpus") -> None:
    if shared_pool_strings():
        raise ValueError(f"the populations' pools share {sorted(shared_pool_strings())}")
    output = _OUTPUT[population]
    truths = output / "truth"
    truths.mkdir(parents=True, exist_ok=True)
    # The LaTeX renderings are latex.py's to rebuild.
    for path in truths.glob("*.json"):
        if not _is_latex(path):
            path.unlink()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        files = work / "files"
        files.mkdir()
        office: list[Path] = []
        for convention, count in _PEOPLE[population].items():
            for index in range(count):
                document = person(index, convention, hash_seed(convention, index, population), population)
                stem = _stem(document, index)
                for renderer in _renderings(convention, index):
                    file_name = f"{stem}.{renderer}.pdf"
                    if renderer.startswith("html-"):
                        source = work / f"{stem}.json"
                        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
                        html = work / f"{stem}.{renderer}.html"
                        subprocess.run(["node", "--input-type=module", "-e", _RENDER_JS,
                                        f"jsonresume-theme-{renderer[5:]}", str(source), str(html)],
                                       cwd=themes, check=True, timeout=120)
                        html.write_text(_EXTERNAL.sub("", html.read_text(encoding="utf-8")), encoding="utf-8")
                        _chromium_pdf(html, files / file_name, work)
                    else:
                        docx = work / f"{stem}.{renderer}.docx"
                        docx.write_bytes(word_docx(document) if renderer == "docx-word" else jobboard_docx(document))
                        office.append(docx)
                    truth = truth_of(document, renderer, stem, file_name)
                    (truths / f"{stem}.{renderer}.json").write_text(
                        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation={(work / 'office').as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work), *map(str, office)],
                       check=True, capture_output=True, timeout=600)
        for docx in office:
            shutil.copy(docx.with_suffix(".pdf"), files / f"{docx.stem}.pdf")
        # Files whose text did not change are kept as they are, so a rebuild only
        # commits the renderings it changed.
        stored = output / "files"
        stored.mkdir(exist_ok=True)
        for path in stored.glob("*.pdf"):
            if not (files / path.name).exists() and not _is_latex(path):
                path.unlink()
        for path in files.glob("*.pdf"):
            if not _same_text(stored / path.name, path):
                shutil.copy(path, stored / path.name)


def _is_latex(path: Path) -> bool:
    return ".latex-" in path.name


def hash_seed(convention: str, index: int, population: str = "corpus") -> int:
    # The first population keeps the key its files were made with; others get a new one.
    key = f"{convention}:{index}" if population == "corpus" else f"{population}:{convention}:{index}"
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big")


def check_disjoint() -> None:
    """Raises when the stored truths of the two populations share a person, employer or school."""
    def truths(population: str) -> list[dict[str, Any]]:
        return [json.loads(path.read_text(encoding="utf-8"))
                for path in sorted((_OUTPUT[population] / "truth").glob("*.json"))]
    overlap = shared(truths("corpus"), truths("unseen"))
    if overlap:
        raise ValueError(f"the unseen population shares strings with the corpus: {overlap}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--themes", type=Path, required=True, help="folder whose node_modules holds the themes")
    parser.add_argument("--population", choices=sorted(_OUTPUT), default="corpus")
    arguments = parser.parse_args()
    build(arguments.themes, arguments.population)
    check_disjoint()
