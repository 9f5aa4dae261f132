"""Rebuilds the multilingual set: truth/<key>.json and files/<key>.<layout>.{pdf,docx}.

    python -m tests.multilingual.build

The truths are data (people.py draws them from seeded pools); the files are what the
tests read, so that a change of fpdf2 or python-docx does not move the figures unseen.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from tests.multilingual.people import people
from tests.multilingual.render import LAYOUTS, render

HERE = Path(__file__).resolve().parent


def file_name(key: str, layout: str) -> str:
    kind, name = layout.split(":")
    return f"{key}.{name}.{kind}"


# Of each language's people, this many are held out: those whose key hashes lowest. The
# split is written into each truth, fixed before any analysis change.
_HELD_OUT_PER_LANGUAGE = 3


def held_out_keys(keys: list[str]) -> set[str]:
    by_language: dict[str, list[str]] = {}
    for key in keys:
        by_language.setdefault(key[:2], []).append(key)
    return {key for group in by_language.values()
            for key in sorted(group, key=lambda k: hashlib.sha256(k.encode()).hexdigest())[:_HELD_OUT_PER_LANGUAGE]}


def main() -> None:
    for directory in ("truth", "files"):
        shutil.rmtree(HERE / directory, ignore_errors=True)
        (HERE / directory).mkdir()
    everyone = people()
    held_out = held_out_keys([truth["key"] for truth in everyone])
    for index, truth in enumerate(everyone):
        truth["part"] = "held-out" if truth["key"] in held_out else "development"
        truth["files"] = [file_name(truth["key"], layout) for layout in LAYOUTS]
        for layout, name in zip(LAYOUTS, truth["files"], strict=True):
            (HERE / "files" / name).write_bytes(render(truth, layout, index))
        (HERE / "truth" / f"{truth['key']}.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
