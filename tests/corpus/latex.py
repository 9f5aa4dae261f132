"""Renders the corpus people through LaTeX classes from TeX Live: moderncv in three of its
styles, and a plain article-based resume as people write one by hand.

    python -m tests.corpus.latex [--population unseen]

Needs what the tests never need: TeX Live with moderncv and its icon fonts (Debian 12:
`texlive-latex-extra`, `texlive-fonts-extra` for fontawesome5, `texlive-xetex` for the
people whose names are in Cyrillic or Greek script). Writes `*.latex-<style>.pdf` into the
population's files/ and their truths beside the other renderings' (see README.md), and
leaves the other renderings alone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.corpus import build as rendered
from tests.corpus.people import person

STYLES = ("moderncv-classic", "moderncv-banking", "moderncv-casual", "article")
_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
# pdfLaTeX's T1 fonts cover the Latin letters of the pools; other scripts need XeLaTeX
# and a font that has them, as their writers would choose.
_LATIN = re.compile(r"^[\u0000-\u024f\u2013\u2014\u2019]*$")


def _tex(text: str) -> str:
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def _fonts(document: dict[str, Any]) -> list[str]:
    if _LATIN.match(json.dumps(document, ensure_ascii=False)):
        return [r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}"]
    return [r"\usepackage{fontspec}", r"\setmainfont{DejaVu Serif}", r"\setsansfont{DejaVu Sans}"]


def style_of(convention: str, index: int) -> str:
    return STYLES[(index + {"us": 0, "eu": 1, "in": 2}[convention]) % len(STYLES)]


def _dates(start: str, end: str, convention: str) -> str:
    return f"{rendered._written_month(start, convention)}--{rendered._written_month(end, convention)}"


def _place(document: dict[str, Any]) -> str:
    # As the Word layout writes it, and as truth_of gives it for these renderings.
    return rendered._location(document, "latex")


def _handle(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def moderncv(document: dict[str, Any], style: str) -> str:
    """A moderncv source as its template (template.tex of the class) is filled in:
    \\cventry for jobs and schools, \\cvitem for skill groups, highlights as a list."""
    basics, convention = document["basics"], document["meta"]["convention"]
    given, _, family = basics["name"].partition(" ")
    lines = [r"\documentclass[11pt,a4paper,sans]{moderncv}", rf"\moderncvstyle{{{style}}}",
             r"\moderncvcolor{blue}", r"\usepackage[scale=0.77]{geometry}"]
    lines += _fonts(document)
    lines += [rf"\name{{{_tex(given)}}}{{{_tex(family)}}}", rf"\title{{{_tex(basics['label'])}}}",
              rf"\address{{{_tex(_place(document))}}}{{}}{{}}", rf"\phone[mobile]{{{_tex(basics['phone'])}}}",
              rf"\email{{{basics['email']}}}"]
    if basics["url"]:
        lines.append(rf"\homepage{{{basics['url'].split('://', 1)[1]}}}")
    for profile in basics["profiles"]:
        lines.append(rf"\social[{profile['network'].lower()}]{{{_handle(profile['url'])}}}")
    lines += [r"\begin{document}", r"\makecvtitle", r"\section{Profile}", rf"\cvitem{{}}{{{_tex(basics['summary'])}}}",
              r"\section{Experience}"]
    for job in document["work"]:
        items = "".join(rf"\item {_tex(highlight)}" for highlight in job["highlights"])
        lines.append(rf"\cventry{{{_dates(job['startDate'][:7], job['meta_end'], convention)}}}"
                     rf"{{{_tex(job['position'])}}}{{{_tex(job['name'])}}}{{{_tex(job['location'])}}}{{}}"
                     rf"{{\begin{{itemize}}{items}\end{{itemize}}}}")
    lines.append(r"\section{Education}")
    for school in document["education"]:
        years = f"{school['startDate'][:4]}--{school['endDate'][:4]}"
        lines.append(rf"\cventry{{{years}}}{{{_tex(rendered._degree(school))}}}{{{_tex(school['institution'])}}}"
                     r"{}{}{}")
    lines.append(r"\section{Skills}")
    lines += [rf"\cvitem{{{_tex(group['name'])}}}{{{_tex(', '.join(group['keywords']))}}}"
              for group in document["skills"]]
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"


def article(document: dict[str, Any]) -> str:
    """A one-page resume on the article class as people write one without a template:
    a centred name, a contact line, dates pushed right with \\hfill."""
    basics, convention = document["basics"], document["meta"]["convention"]
    email = basics["email"]
    contact = [_tex(_place(document)), _tex(basics["phone"]), rf"\href{{mailto:{email}}}{{{email}}}"]
    contact += [rf"\url{{{url.split('://', 1)[1]}}}" for url in
                ([basics["url"]] if basics["url"] else []) + [profile["url"] for profile in basics["profiles"]]]
    lines = [r"\documentclass[10pt]{article}", r"\usepackage[margin=2cm]{geometry}"]
    lines += _fonts(document)
    lines += [r"\usepackage{enumitem}", r"\usepackage[hidelinks]{hyperref}", r"\pagestyle{empty}",
              r"\setlength{\parindent}{0pt}", r"\begin{document}",
              rf"\begin{{center}}{{\LARGE\bfseries {_tex(basics['name'])}}}\\[4pt]"
              + r" $\cdot$ ".join(contact) + r"\end{center}",
              r"\section*{Summary}", _tex(basics["summary"]), r"\section*{Experience}"]
    for job in document["work"]:
        lines += [rf"\textbf{{{_tex(job['position'])}}} \hfill "
                  rf"{_dates(job['startDate'][:7], job['meta_end'], convention).replace('--', ' -- ')}\\",
                  rf"\textit{{{_tex(job['name'])}}}, {_tex(job['location'])}",
                  r"\begin{itemize}[nosep]" + "".join(rf"\item {_tex(h)}" for h in job["highlights"])
                  + r"\end{itemize}", ""]
    lines.append(r"\section*{Education}")
    for school in document["education"]:
        lines += [rf"\textbf{{{_tex(school['institution'])}}} \hfill "
                  rf"{school['startDate'][:4]} -- {school['endDate'][:4]}\\", _tex(rendered._degree(school)), ""]
    lines.append(r"\section*{Skills}")
    lines += [rf"\textbf{{{_tex(group['name'])}:}} {_tex(', '.join(group['keywords']))}\\"
              for group in document["skills"]]
    lines.append(r"\end{document}")
    return "\n".join(lines) + "\n"


def compile_pdf(source: str, pdf: Path, work: Path) -> None:
    engine = "pdflatex" if _LATIN.match(source) else "xelatex"
    tex = work / f"{pdf.stem}.tex"
    tex.write_text(source, encoding="utf-8")
    # A fixed date in the files, so that a rebuild gives the same bytes.
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600", "FORCE_SOURCE_DATE": "1"}
    # Relative names: the engines write the paths they are given into the file.
    subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", tex.name],
                   cwd=work, check=True, capture_output=True, timeout=300, env=environment)
    shutil.copy(tex.with_suffix(".pdf"), pdf)


def build(population: str = "corpus") -> None:
    output = rendered._OUTPUT[population]
    files, truths = output / "files", output / "truth"
    for path in [*files.glob("*.latex-*.pdf"), *truths.glob("*.latex-*.json")]:
        path.unlink()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for convention, count in rendered._PEOPLE[population].items():
            for index in range(count):
                document = person(index, convention, rendered.hash_seed(convention, index, population), population)
                stem, style = rendered._stem(document, index), style_of(convention, index)
                renderer = f"latex-{style.removeprefix('moderncv-')}"
                file_name = f"{stem}.{renderer}.pdf"
                source = article(document) if style == "article" else moderncv(document, style.split("-")[1])
                compile_pdf(source, files / file_name, work)
                truth = rendered.truth_of(document, renderer, stem, file_name)
                (truths / f"{stem}.{renderer}.json").write_text(
                    json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--population", choices=sorted(rendered._OUTPUT), default="corpus")
    build(parser.parse_args().population)
    rendered.check_disjoint()
