"""The template families: real resume templates from several toolchains, each filled with
fictional people (tests/corpus/people.py) by a script here and stored with the truths the
people give. See README.md here for what each family is and under which licence.

Which families are held out was decided when the list was made, before any of them was
rendered or any heuristic was changed for them, and is not to be changed: the held-out
families' files are measured by `make evaluate` ("unseen families") and never looked at,
their people come from the never-inspected pools ("unseen" population), and nobody reads
their mismatches. The development families' people come from the first population's pools.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.corpus import build as rendered
from tests.corpus.people import person

HERE = Path(__file__).resolve().parent
FILES, TRUTHS = HERE / "files", HERE / "truth"
# People per family, and the conventions they follow in turn.
PEOPLE = 5
_CONVENTIONS = ("us", "eu", "in", "us", "eu")


@dataclass(frozen=True)
class Family:
    name: str
    toolchain: str  # latex, typst, html-chromium, html-weasyprint, office, dtp
    held_out: bool = False


FAMILIES = (
    # LaTeX: classes from TeX Live and template repositories.
    Family("latex-awesomecv", "latex"),
    Family("latex-jake", "latex"),
    Family("latex-deedy", "latex"),
    Family("latex-europecv", "latex"),
    Family("latex-simplecv", "latex"),
    Family("latex-sb2nov", "latex"),
    Family("latex-altacv", "latex", held_out=True),
    Family("latex-curve", "latex", held_out=True),
    # Typst templates compiled by the typst package.
    Family("typst-basic", "typst"),
    Family("typst-moderncv", "typst"),
    Family("typst-simpletechnical", "typst"),
    Family("typst-brilliant", "typst"),
    Family("typst-imprecv", "typst", held_out=True),
    Family("typst-vantage", "typst", held_out=True),
    # HTML/CSS templates printed by Chromium and by WeasyPrint.
    Family("chromium-stackoverflow", "html-chromium"),
    Family("chromium-paper", "html-chromium"),
    Family("chromium-class", "html-chromium"),
    Family("chromium-onepage", "html-chromium", held_out=True),
    Family("weasyprint-spartan", "html-weasyprint"),
    Family("weasyprint-actual", "html-weasyprint"),
    Family("weasyprint-professional", "html-weasyprint", held_out=True),
    # Word/LibreOffice layouts kept as DOCX and exported to PDF by LibreOffice.
    Family("office-sidebar", "office"),
    Family("office-banded", "office"),
    Family("office-tabular", "office", held_out=True),
    # Desktop publishing: each block in its own text frame (Scribus).
    Family("dtp-frames", "dtp"),
    Family("dtp-columns", "dtp", held_out=True),
    # Added later, at the end: a family's people follow its place in this list, so
    # the families above keep theirs (and their stored files stay reproducible).
    Family("chromium-autumn", "html-chromium"),
    Family("chromium-mocha-responsive", "html-chromium"),
    Family("weasyprint-sceptile", "html-weasyprint"),
    Family("typst-neatcv", "typst"),
    Family("typst-modernresume", "typst"),
    Family("latex-europasscv", "latex"),
    Family("latex-moderntimeline", "latex"),
    Family("latex-pascv", "latex"),
    Family("latex-currvita", "latex"),
    Family("latex-readablecv", "latex"),
    Family("typst-grotesk", "typst"),
    Family("typst-modernercv", "typst"),
    Family("chromium-kwan", "html-chromium"),
    Family("weasyprint-eloquent", "html-weasyprint"),
    Family("chromium-cora", "html-chromium"),
    Family("latex-twentyseconds", "latex"),
    Family("latex-harnoncv", "latex"),
    Family("typst-vercanard", "typst"),
    Family("typst-minimalcv", "typst"),
    Family("chromium-rocketspacer", "html-chromium"),
    Family("weasyprint-direct", "html-weasyprint"),
    Family("chromium-minyma", "html-chromium"),
    Family("latex-friggeri", "latex"),
    Family("latex-yaac", "latex"),
    Family("typst-chicv", "typst"),
    Family("typst-attractive", "typst"),
    Family("chromium-simple-red", "html-chromium"),
    Family("weasyprint-dinesh", "html-weasyprint"),
    Family("latex-limecv", "latex"),
    Family("typst-linkedcv", "typst"),
    Family("chromium-orbit", "html-chromium"),
    Family("weasyprint-slick", "html-weasyprint"),
    Family("office-textboxes", "office"),
    Family("office-columns", "office"),
    Family("dtp-timeline", "dtp"),
    Family("chromium-elegant", "html-chromium"),
    Family("weasyprint-macchiato", "html-weasyprint"),
    Family("chromium-kendall", "html-chromium"),
    Family("latex-latexcv-sidebar", "latex"),
    Family("latex-latexcv-twocolumn", "latex"),
    Family("typst-modernpro", "typst"),
    Family("chromium-even", "html-chromium"),
    Family("weasyprint-straightforward", "html-weasyprint"),
    Family("typst-pesha", "typst"),
    Family("typst-clickworthy", "typst"),
    Family("latex-tccv", "latex"),
    Family("latex-gradstudentresume", "latex"),
    Family("chromium-lucide", "html-chromium"),
    Family("chromium-spartacus", "html-chromium"),
    Family("weasyprint-short", "html-weasyprint"),
    Family("weasyprint-papirus", "html-weasyprint"),
    Family("chromium-classy", "html-chromium"),
    Family("weasyprint-jacrys", "html-weasyprint"),
    Family("chromium-crisp", "html-chromium"),
    Family("weasyprint-flat", "html-weasyprint"),
    Family("chromium-github", "html-chromium"),
    Family("weasyprint-fresh", "html-weasyprint"),
    Family("chromium-full", "html-chromium"),
    Family("weasyprint-compact", "html-weasyprint"),
    Family("chromium-caffeine", "html-chromium"),
    Family("weasyprint-relaxed", "html-weasyprint"),
    Family("chromium-pumpkin", "html-chromium"),
    Family("latex-mcdowell", "latex"),
    Family("typst-resumeng", "typst"),
    Family("chromium-smart", "html-chromium"),
    Family("weasyprint-msresume", "html-weasyprint"),
    # A second held-out draw, chosen after the first had been measured many times.
    Family("latex-billryan", "latex", held_out=True),
    Family("typst-bamboovir", "typst", held_out=True),
    Family("weasyprint-apage", "html-weasyprint", held_out=True),
)
BY_NAME = {family.name: family for family in FAMILIES}


def people(family: Family) -> list[tuple[str, dict[str, Any]]]:
    """The family's people as (file stem, JSON Resume document with "meta"), the same on
    every run: held-out families draw from the never-inspected pools."""
    population = "unseen" if family.held_out else "corpus"
    found = []
    offset = PEOPLE * FAMILIES.index(family)  # so that families show different people
    for position, convention in enumerate(_CONVENTIONS[:PEOPLE]):
        index = offset + position
        seed = int.from_bytes(hashlib.sha256(f"{family.name}:{position}".encode()).digest()[:4], "big")
        document = person(index, convention, seed, population)
        found.append((rendered._stem(document, index), document))
    return found


def written_month(value: str, convention: str) -> str:
    """A "YYYY-MM" month (or "present") as people of the convention write it."""
    return rendered._written_month(value, convention)


def save(family: Family, stem: str, document: dict[str, Any], files: dict[str, bytes],
         **shown: Any) -> None:
    """Stores a rendering's files (name -> bytes, e.g. a PDF and its DOCX) and its truth.
    `shown` overrides what the template shows differently from the person's data:
    `location` as printed ("" when not shown) and `links` (the URLs it shows)."""
    (FILES / family.name).mkdir(parents=True, exist_ok=True)
    (TRUTHS / family.name).mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (FILES / family.name / name).write_bytes(content)
    truth = rendered.truth_of(document, family.name, stem, sorted(files)[0])
    truth["files"] = sorted(files)
    truth["family"] = family.name
    truth.update(shown)
    (TRUTHS / family.name / f"{stem}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")


def check(family_name: str) -> tuple[int, int, list[str]]:
    """(files passing, files, problems): pdftotext must show the name, email, every
    company, title and institution of each truth of the family (case and spacing aside)."""
    passed, problems = 0, []
    truths = sorted((TRUTHS / family_name).glob("*.json"))
    for path in truths:
        truth = json.loads(path.read_text(encoding="utf-8"))
        pdf = next(FILES / family_name / name for name in truth["files"] if name.endswith(".pdf"))
        shown = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True).stdout
        text = re.sub(r"\s+", " ", shown.decode("utf-8")).lower()
        wanted = [truth["name"], truth["email"]]
        wanted += [job["company"] for job in truth["experience"]] + [job["title"] for job in truth["experience"]]
        wanted += [school["institution"] for school in truth["education"]]
        missing = [item for item in wanted if re.sub(r"\s+", " ", item).lower() not in text]
        if missing:
            problems.append(f"{path.stem}: missing {missing}")
        else:
            passed += 1
    return passed, len(truths), problems


def report(name: str, note: str = "") -> None:
    """Prints how many of a family's files pass `check`, and what the others miss."""
    passed, total, problems = check(name)
    print(f"{name}: {passed}/{total} files pass the pdftotext check{note}")
    for problem in problems:
        print("  ", problem)


def command_line(description: str, toolchain: str, names: list[str], build: Callable[[list[str]], None]) -> None:
    """The command line of a toolchain's script: the families to render, all by default."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("families", nargs="*", help=f"default: all {toolchain} families ({', '.join(names)})")
    chosen = parser.parse_args().families
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"not {toolchain} families: {unknown}")
    build(chosen)
