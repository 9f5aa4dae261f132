"""Renders the LaTeX template families (families.FAMILIES, toolchain "latex") with the
fictional people of families.people(): each template's own class or preamble and macros,
filled from the person's JSON Resume document, compiled with TeX Live 2022.

    python -m tests.families.latex_families [--sources DIR] [family ...]

Needs what the tests never need: TeX Live 2022 (Debian 12 packages texlive-latex-extra,
texlive-xetex, texlive-luatex (pas-cv with non-Latin names, YAAC, limecv), texlive-bibtex-extra
(biblatex, which the Friggeri and YAAC classes load), texlive-lang-french (babel's French,
which the YAAC class loads), texlive-fonts-extra for
fontawesome5, roboto, sourcesanspro, lato, fira (limecv) and cm-unicode), fonts-lato and
fonts-roboto-slab (AltaCV under XeLaTeX), fonts-dejavu (europecv and europasscv with
non-Latin names; tccv with Cyrillic ones), fonts-liberation2 (McDowell CV),
fonts-texgyre (TeX Gyre Bonum, which tccv sets under LuaLaTeX; TeX Gyre Termes, billryan's
resume), texlive-plain-generic (nth, which billryan's class loads), fonts-font-awesome (the
FontAwesome.otf that TeX Live's fontawesome package asks for under XeLaTeX and Debian's
texlive-fonts-extra leaves out; billryan's resume), cm-super (Debian's own
package of the T1 Type 1 fonts, without which pdfLaTeX's T1 text is set in bitmap fonts
with no text layer) and poppler-utils (pdftotext, for the check). The TeX Live classes and
packages europecv (08/03/2022), simplecv (v1.6a), curve (v1.16), europasscv (2020-10-31),
moderncv (v2.3.1) with moderntimeline (0.11), pas-cv (v2.01, 2013/11/26), currvita (v0.9i,
1999/09/13, GPL), ReadableCV (3.0, 2021/01/09, LPPL 1.3) and harnon-cv (1.0, 2012, public
domain; Cantarell fonts from the cantarell package, OFL) and gradstudentresume (2015/11/12,
LPPL 1.3; no example, its commands as the class file documents them) come with texlive-latex-extra;
their examples, which the documents here follow, with texlive-latex-extra-doc
(europasscv_en.tex, moderncv's template.tex and the moderntimeline manual, pas-cv's
cv-orion.tex, currvita's cvtest.tex, readablecv's ReadableCV.tex, harnon-cv's sample.tex
and README). The other templates are not kept in this repository: check them out under
DIR (default $LATEX_TEMPLATES, else /tmp/latex-templates), one directory per repository
named "owner+name", at these commits:

    jakegut/resume       3e64a933141a7cda3a328f0743f73a201628a4ba  MIT         preamble of resume.tex
    sb2nov/resume        29293817f92cc4febf6fa14a0f3edf98c01c4db2  MIT         preamble of sourabh_bajaj_resume.tex
    posquit0/Awesome-CV  964f99d3f12a83f403fbc48f8dc4f084b6584eb6  LPPL-1.3c   awesome-cv.cls (the last commit on
                         fontawesome5 and the roboto/sourcesanspro TeX fonts, which TeX Live 2022 has)
    deedy/Deedy-Resume   6d06ba7d8eee5fb8870bb00cb13a777f2083aa18  Apache-2.0  OpenFonts/ class, Lato/Raleway (OFL)
    liantze/AltaCV       91373530c55843533a4de12a29d28896f9b14c0d  LPPL-1.3c   altacv.cls v1.7.4
    spagnuolocarmine/TwentySecondsCurriculumVitae-LaTex
                         f7815bd4d39e39ee58648666937810eb7b4f7836  MIT         twentysecondcv.cls (with Clear
                         Sans (Apache-2.0) and marvosym from TeX Live), as Twenty-Seconds_cv.tex
    depressiveRobot/friggeri-cv-a4
                         aa029260665b96a636f3f3d9663aca75414c4ba0  MIT         friggeri-cv-a4.cls with the fonts
                         it ships (TeX Gyre Heros, GUST; Lato Light, OFL), as cv.tex
    darwiin/yaac-another-awesome-cv
                         31dcdba2e0ead49edd665a7c601d60f555d20341  LPPL-1.3c   yaac-another-awesome-cv.cls v2.3.1
                         with its fonts/ (Source Sans Pro, OFL), as example/cv.tex and its section files
    opieters/limecv      4aefad7dcb8a79fdc84406f3b2f9f31f9096e991  LPPL-1.3c   src/limecv.dtx v0.1.13 (2021/12/01),
                         the source of TeX Live's limecv, which Debian's texlive-latex-extra 2022 leaves
                         out; limecv.cls is generated from it (tex limecv.ins) at each rendering; set by
                         LuaLaTeX with TeX Live's fira (Fira Sans, OFL) and fontawesome5, as
                         examples/mwe-lualatex.tex
    jankapunkt/latexcv   ee0a883af473f166764048c5243b58404bcb1e06  MIT         sidebar/main.tex (Gillius ADF from
                         TeX Live's gillius, GPL-2+ with font exception; fontawesome 4, OFL) and
                         two_column/main.tex (TeX Live's roboto, Apache-2.0), their preambles with
                         bodies as the examples'; Greek or Cyrillic names by LuaLaTeX in DejaVu Sans
    ntd/tccv             c4b5b5de599a4ab01e59b1a88f7c7581c117e368  LPPL-1.3    tccv.cls v1.3.1 (2021/12/16), the
                         upstream of CTAN's tccv, which Debian's TeX Live 2022 does not have; as its
                         examples nicola.en.tex and fausto.en.tex, by LuaLaTeX (TeX Gyre Bonum)
    dnl-blkv/mcdowell-cv b7e2d271c64814ee02b3505b191389c8df614035  MIT         mcdowellcv.cls v1.2.0 (2022/03/18),
                         as McDowell_CV_Template.tex, by LuaLaTeX; the Times New Roman it asks for
                         by name set as Liberation Serif (fonts-liberation2, SIL OFL 1.1), which
                         has Greek and Cyrillic
    billryan/resume      eadc3955cf006254dc8f2419e971fbe3f5bab413  MIT         resume.cls (2015/05/25), as resume.tex,
                         by XeLaTeX; the TeX Gyre Termes it sets (fonts-texgyre, GUST), copied into
                         the fonts/Main/ it names, with Termes' own small capitals instead of the
                         Fontin SmallCaps the repository ships (freeware, not used); TeX Live's
                         fontawesome 4.6.3.1 with fonts-font-awesome; Greek or Cyrillic names in
                         Tempora (TeX Live's tempora, GPL-2+ with font exception)

e.g. `git clone https://github.com/jakegut/resume DIR/jakegut+resume && git -C
DIR/jakegut+resume checkout 3e64a93`. The document bodies follow each template's example
(resume.tex, examples/resume.tex, deedy_resume-openfont.xtx, sample.tex, the class
documentation). People whose data are not all Latin (Greek, Cyrillic names) are set with
XeLaTeX (LuaLaTeX for pas-cv) and a font that has their letters: the template's own where
it has them (Roboto Slab/Lato for AltaCV, Roboto for ReadableCV's headings, Clear Sans
for the Twenty Seconds CV, Cantarell for harnon-cv), Tempora (a Times, as the template's
Termes) for billryan's resume, else CMU (Unicode Computer Modern) or DejaVu.
The files carry a fixed date (SOURCE_DATE_EPOCH=1735689600) and are the same bytes on every
run. After rendering, each family's PDFs are checked: `pdftotext -layout` must hold the
name, email, companies, titles and institutions of the truths (whitespace collapsed,
case-insensitive, ’ read as ').
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.families import families

rendered = families.rendered  # tests/corpus/build.py

SOURCES = Path(os.environ.get("LATEX_TEMPLATES", "/tmp/latex-templates"))
_SPECIAL = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
            "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}
_LATIN = re.compile(r"^[\u0000-\u024f\u2013\u2014\u2019]*$")
_ENVIRONMENT = {**os.environ, "SOURCE_DATE_EPOCH": "1735689600", "FORCE_SOURCE_DATE": "1"}


# --- helpers --------------------------------------------------------------------------

def tex(text: str) -> str:
    return "".join(_SPECIAL.get(ch, ch) for ch in text)


def latin(document: dict[str, Any]) -> bool:
    return bool(_LATIN.match(json.dumps(document, ensure_ascii=False)))


def month(value: str, document: dict[str, Any]) -> str:
    return families.written_month(value, document["meta"]["convention"])


def job_dates(job: dict[str, Any], document: dict[str, Any], dash: str = " -- ") -> str:
    return f"{month(job['startDate'][:7], document)}{dash}{month(job['meta_end'], document)}"


def school_dates(school: dict[str, Any], document: dict[str, Any], dash: str = " -- ") -> str:
    return f"{month(school['startDate'][:7], document)}{dash}{month(school['endDate'][:7], document)}"


def degree(school: dict[str, Any]) -> str:
    return rendered._degree(school)


def place(document: dict[str, Any]) -> str:
    """The default truth location: "City, Region" or "City, Country name"."""
    return rendered._location(document, "latex")


def links(document: dict[str, Any]) -> list[str]:
    basics = document["basics"]
    return ([basics["url"]] if basics["url"] else []) + [profile["url"] for profile in basics["profiles"]]


def bare(url: str) -> str:
    """A URL as people print it: no scheme, no www."""
    return url.split("://", 1)[1].removeprefix("www.").rstrip("/")


def typeset(truth: dict[str, Any]) -> dict[str, Any]:
    """A truth's entries as TeX prints them: an apostrophe typed ' is set as ’."""
    def quotes(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("'", "\u2019")
        return [quotes(item) for item in value] if isinstance(value, list) else value
    return {"experience": [{key: quotes(value) for key, value in job.items()} for job in truth["experience"]],
            "education": [{key: quotes(value) for key, value in school.items()} for school in truth["education"]]}


def handle(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def network(url: str) -> str:
    return "linkedin" if "linkedin.com" in url else "github" if "github.com" in url else "web"


def preamble(path: Path) -> str:
    """A template's preamble: its source up to \\begin{document}."""
    return path.read_text(encoding="utf-8").split(r"\begin{document}", 1)[0]


def unicode_article(source: str, font: str) -> str:
    """A pdfLaTeX article preamble made XeLaTeX-ready for non-Latin names: the pdfTeX-only
    lines go, fontspec and a Unicode Computer Modern (or the given font) come in."""
    source = source.replace(r"\input{glyphtounicode}", "").replace(r"\pdfgentounicode=1", "")
    return after_class(source, r"\usepackage{fontspec}" + font)


def after_class(source: str, line: str) -> str:
    lines = source.splitlines()
    index = next(i for i, text in enumerate(lines) if text.startswith(r"\documentclass"))
    lines.insert(index + 1, line)
    return "\n".join(lines) + "\n"


def article_engine(head: str, document: dict[str, Any]) -> tuple[str, str]:
    """pdfLaTeX as the article templates are made for; T1 (cm-super) when a name has
    accented letters, as their users add; XeLaTeX with CMU for Greek/Cyrillic."""
    text = json.dumps(document, ensure_ascii=False)
    if not latin(document):
        return unicode_article(head, CMU), "xelatex"
    if not text.isascii():
        return after_class(head, r"\usepackage[T1]{fontenc}"), "pdflatex"
    return head, "pdflatex"


CMU = (r"\setmainfont{cmunrm.otf}[BoldFont=cmunbx.otf,ItalicFont=cmunti.otf,"
       r"BoldItalicFont=cmunbi.otf,SmallCapsFont=cmunrm.otf,SmallCapsFeatures={Letters=SmallCaps}]")


def compile_pdf(source: str, work: Path, engine: str, runs: int = 1) -> bytes:
    (work / "resume.tex").write_text(source, encoding="utf-8")
    for _ in range(runs):
        result = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error", "resume.tex"],
                                cwd=work, capture_output=True, timeout=300, env=_ENVIRONMENT)
        if result.returncode:
            log = (work / "resume.log").read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"{engine} failed in {work}:\n" + log[-3000:])
    return (work / "resume.pdf").read_bytes()


# --- jakegut/resume -----------------------------------------------------------------------

def jake(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    basics = document["basics"]
    head = preamble(SOURCES / "jakegut+resume" / "resume.tex")
    head, engine = article_engine(head, document)
    contact = [tex(place(document)), tex(basics["phone"]),
               rf"\href{{mailto:{basics['email']}}}{{\underline{{{tex(basics['email'])}}}}}"]
    contact += [rf"\href{{{url}}}{{\underline{{{tex(bare(url))}}}}}" for url in links(document)]
    body = [r"\begin{document}", r"\begin{center}",
            rf"    \textbf{{\Huge \scshape {tex(basics['name'])}}} \\ \vspace{{1pt}}",
            "    \\small " + " $|$ \n    ".join(contact), r"\end{center}", "",
            r"\section{Summary}", r" \begin{itemize}[leftmargin=0.15in, label={}]",
            rf"    \small{{\item{{{tex(basics['summary'])}}}}}", r" \end{itemize}", "",
            r"\section{Education}", r"  \resumeSubHeadingListStart"]
    body += _school_subheadings(document)
    for job in document["work"]:
        body += [r"    \resumeSubheading", rf"      {{{tex(job['position'])}}}{{{job_dates(job, document)}}}",
                 rf"      {{{tex(job['name'])}}}{{{tex(job['location'])}}}", r"      \resumeItemListStart"]
        body += [rf"        \resumeItem{{{tex(item)}}}" for item in job["highlights"]]
        body += [r"      \resumeItemListEnd"]
    body += [r"  \resumeSubHeadingListEnd", "", r"\section{Technical Skills}",
             r" \begin{itemize}[leftmargin=0.15in, label={}]", r"    \small{\item{"]
    body += [rf"     \textbf{{{tex(group['name'])}}}{{: {tex(', '.join(group['keywords']))}}} \\"
             for group in document["skills"]]
    body += [r"    }}", r" \end{itemize}", r"\end{document}"]
    return compile_pdf(head + "\n".join(body) + "\n", work, engine), {}


def _school_subheadings(document: dict[str, Any]) -> list[str]:
    """The schools as `\\resumeSubheading`s (Jake's template and its ancestor sb2nov's),
    then the start of the experience list."""
    lines = []
    for school in document["education"]:
        lines += [r"    \resumeSubheading", rf"      {{{tex(school['institution'])}}}{{}}",
                  rf"      {{{tex(degree(school))}}}{{{school_dates(school, document)}}}"]
    return lines + [r"  \resumeSubHeadingListEnd", "", r"\section{Experience}", r"  \resumeSubHeadingListStart"]


# --- sb2nov/resume ------------------------------------------------------------------------

def sb2nov(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    basics = document["basics"]
    head = preamble(SOURCES / "sb2nov+resume" / "sourabh_bajaj_resume.tex")
    head, engine = article_engine(head, document)
    urls = links(document)
    name = rf"\Large {tex(basics['name'])}"
    left = [rf"\textbf{{\href{{{basics['url']}}}{{{name}}}}}" if basics["url"] else rf"\textbf{{{name}}}"]
    left += [rf"\href{{{url}}}{{{tex(bare(url))}}}" for url in urls]
    right = [rf"Email: \href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}",
             rf"Mobile: \href{{tel:{document['meta']['phone_e164']}}}{{{tex(basics['phone'])}}}",
             tex(place(document))]
    while len(left) < len(right):
        left.append("")
    while len(right) < len(left):
        right.append("")
    body = [r"\begin{document}", "", r"\begin{tabular*}{\textwidth}{l@{\extracolsep{\fill}}r}"]
    body += [f"  {a} & {b} \\\\" for a, b in zip(left, right, strict=True)]
    body += [r"\end{tabular*}", "", r"\section{Summary}", rf"  \small{{{tex(basics['summary'])}}}", "",
             r"\section{Education}", r"  \resumeSubHeadingListStart"]
    body += _school_subheadings(document)
    for job in document["work"]:
        body += [r"    \resumeSubheading", rf"      {{{tex(job['name'])}}}{{{tex(job['location'])}}}",
                 rf"      {{{tex(job['position'])}}}{{{job_dates(job, document)}}}", r"      \resumeItemListStart"]
        body += [rf"        \item\small{{{tex(item)}}}" for item in job["highlights"]]
        body += [r"      \resumeItemListEnd"]
    body += [r"  \resumeSubHeadingListEnd", "", r"\section{Skills}", r"  \resumeSubHeadingListStart"]
    body += [rf"    \item{{\textbf{{{tex(group['name'])}}}{{: {tex(', '.join(group['keywords']))}}}}}"
             for group in document["skills"]]
    body += [r"  \resumeSubHeadingListEnd", r"\end{document}"]
    return compile_pdf(head + "\n".join(body) + "\n", work, engine), {}


# --- europecv (TeX Live) ------------------------------------------------------------------------

def europecv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """The Europass layout: labels in a right-aligned left column, a rule, values right."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    fonts = ([r"\usepackage[T1]{fontenc}"] if engine == "pdflatex"
             else [r"\usepackage{fontspec}", r"\setmainfont{DejaVu Sans}", r"\setsansfont{DejaVu Sans}"])
    lines = [r"\documentclass[helvetica,english,a4paper]{europecv}", *fonts,
             r"\usepackage[a4paper,top=1.5cm,left=1cm,right=1.5cm,bottom=2cm]{geometry}",
             # The class asks for hyperref at \begin{document}, too late for LaTeX 2022.
             r"\usepackage[hidelinks]{hyperref}", r"\usepackage{graphicx}",
             r"\ecvname{" + tex(basics["name"]) + "}", r"\ecvaddress{" + tex(place(document)) + "}",
             r"\ecvtelephone{" + tex(basics["phone"]) + "}",
             rf"\ecvemail{{\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}}}"]
    if basics["url"]:
        lines.append(rf"\ecvhomepage{{\url{{{basics['url']}}}}}")
    lines += [r"\begin{document}", r"\begin{europecv}", r"\ecvpersonalinfo"]
    lines += [rf"\ecvitem{{{tex(profile['network'])}}}{{\url{{{profile['url']}}}}}" for profile in basics["profiles"]]
    lines += [rf"\ecvitem{{\large Desired employment / Occupational field}}{{\large {tex(basics['label'])}}}",
              r"\ecvsection{Summary}", rf"\ecvitem{{}}{{{tex(basics['summary'])}}}", r"\ecvsection{Work experience}"]
    for job in document["work"]:
        items = "".join(rf"\item {tex(item)} " for item in job["highlights"])
        lines += [rf"\ecvitem{{Dates}}{{{job_dates(job, document)}}}",
                  rf"\ecvitem{{Occupation or position held}}{{\textbf{{{tex(job['position'])}}}}}",
                  rf"\ecvitem{{Main activities and responsibilities}}{{\begin{{itemize}}{items}\end{{itemize}}}}",
                  rf"\ecvitem[15pt]{{Name and address of employer}}{{{tex(job['name'])}, {tex(job['location'])}}}"]
    lines.append(r"\ecvsection{Education and training}")
    for school in document["education"]:
        lines += [rf"\ecvitem{{Dates}}{{{school_dates(school, document)}}}",
                  rf"\ecvitem{{Title of qualification awarded}}{{\textbf{{{tex(degree(school))}}}}}",
                  rf"\ecvitem[15pt]{{Name and type of organisation providing education and training}}"
                  rf"{{{tex(school['institution'])}}}"]
    lines.append(r"\ecvsection{Personal skills and competences}")
    lines += [rf"\ecvitem{{\large {tex(group['name'])}}}{{{tex(', '.join(group['keywords']))}}}"
              for group in document["skills"]]
    lines += [r"\end{europecv}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine, runs=2), {}


# --- simplecv (TeX Live) ------------------------------------------------------------------------

def simplecv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """simplecv as its documentation uses it: the person in the left header, links in the
    right one, "Curriculum Vitae" as the title, dates as topic labels in the margin."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    fonts = ([r"\usepackage[T1]{fontenc}"] if engine == "pdflatex"
             else [r"\usepackage{fontspec}" + CMU,
                r"\setsansfont{cmunss.otf}[BoldFont=cmunsx.otf,ItalicFont=cmunsi.otf,BoldItalicFont=cmunso.otf]"])
    left = [rf"\textbf{{{tex(basics['name'])}}}", tex(place(document)), tex(basics["phone"]),
            rf"\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}"]
    right = [rf"\href{{{url}}}{{{tex(bare(url))}}}" for url in links(document)]
    lines = [r"\documentclass[a4paper,10pt]{simplecv}", *fonts, r"\usepackage[margin=2cm]{geometry}",
             r"\usepackage[hidelinks]{hyperref}", r"\renewcommand{\topicmargin}{0.25\columnwidth}",
             r"\leftheader{" + r"\\".join(left) + "}", r"\rightheader{" + r"\\".join(right) + "}",
             r"\title{Curriculum Vitae}", r"\begin{document}", r"\maketitle",
             r"\section{Profile}", r"\begin{topic}", rf"\item[Position] {tex(basics['label'])}",
             rf"\item[Summary] {tex(basics['summary'])}", r"\end{topic}", r"\section{Experience}", r"\begin{topic}"]
    for job in document["work"]:
        items = "".join(rf"\item {tex(item)} " for item in job["highlights"])
        lines.append(rf"\item[{job_dates(job, document)}] \textbf{{{tex(job['position'])}}}, "
                     rf"{tex(job['name'])}, {tex(job['location'])}"
                     rf"\begin{{itemize}}{items}\end{{itemize}}")
    lines += [r"\end{topic}", r"\section{Education}", r"\begin{topic}"]
    for school in document["education"]:
        lines.append(rf"\item[{school_dates(school, document)}] \textbf{{{tex(degree(school))}}}, "
                     rf"{tex(school['institution'])}")
    lines += [r"\end{topic}", r"\section{Skills}", r"\begin{topic}"]
    lines += [rf"\item[{tex(group['name'])}] {tex(', '.join(group['keywords']))}" for group in document["skills"]]
    lines += [r"\end{topic}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine), {}


# --- posquit0/Awesome-CV ------------------------------------------------------------------------

def social(document: dict[str, Any]) -> dict[str, str]:
    """The profile handles by network ("linkedin", "github")."""
    return {network(profile["url"]): handle(profile["url"]) for profile in document["basics"]["profiles"]}


def awesomecv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """Awesome-CV's resume example: name in light/bold Roboto, a red small-caps position,
    icons with handles in the header, entries with title (bold) left and organisation
    (small caps) below, location and dates right."""
    basics = document["basics"]
    shutil.copy(SOURCES / "posquit0+Awesome-CV" / "awesome-cv.cls", work)
    given, _, surname = basics["name"].partition(" ")
    lines = [r"\documentclass[11pt, a4paper]{awesome-cv}",
             r"\geometry{left=1.4cm, top=.8cm, right=1.4cm, bottom=1.8cm, footskip=.5cm}",
             r"\colorlet{awesome}{awesome-red}", r"\setbool{acvSectionColorHighlight}{true}",
             r"\renewcommand{\acvHeaderSocialSep}{\quad\textbar\quad}",
             rf"\name{{{tex(given)}}}{{{tex(surname)}}}", rf"\position{{{tex(basics['label'])}}}",
             rf"\address{{{tex(place(document))}}}", rf"\mobile{{{tex(basics['phone'])}}}",
             rf"\email{{{basics['email']}}}"]
    if basics["url"]:
        lines.append(rf"\homepage{{{bare(basics['url'])}}}")
    handles = social(document)
    lines += [rf"\{key}{{{tex(handles[key])}}}" for key in ("github", "linkedin") if key in handles]
    lines += [r"\begin{document}", r"\makecvheader[C]",
              rf"\makecvfooter{{\today}}{{{tex(basics['name'])}~~~·~~~Résumé}}{{\thepage}}",
              r"\cvsection{Summary}", "", r"\begin{cvparagraph}", tex(basics["summary"]), r"\end{cvparagraph}",
              r"\cvsection{Work Experience}", "", r"\begin{cventries}"]
    for job in document["work"]:
        items = "\n".join(rf"        \item {{{tex(item)}}}" for item in job["highlights"])
        lines += [r"  \cventry", f"    {{{tex(job['position'])}}}", f"    {{{tex(job['name'])}}}",
                  f"    {{{tex(job['location'])}}}", f"    {{{job_dates(job, document, ' - ')}}}",
                  "    {", r"      \begin{cvitems}", items, r"      \end{cvitems}", "    }"]
    lines += [r"\end{cventries}", r"\cvsection{Education}", "", r"\begin{cventries}"]
    for school in document["education"]:
        lines += [r"  \cventry", f"    {{{tex(degree(school))}}}", f"    {{{tex(school['institution'])}}}",
                  "    {}", f"    {{{school_dates(school, document, ' - ')}}}", "    {}"]
    lines += [r"\end{cventries}", r"\cvsection{Skills}", "", r"\begin{cvskills}"]
    for group in document["skills"]:
        lines += [r"  \cvskill", f"    {{{tex(group['name'])}}}", f"    {{{tex(', '.join(group['keywords']))}}}"]
    lines += [r"\end{cvskills}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, "xelatex"), {}


# --- deedy/Deedy-Resume (OpenFonts) -------------------------------------------------------------

def deedy(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """Deedy's one-page two-column resume: a thin centred name, contacts under it, a narrow
    left column (education, links, skills) and a wide right one (experience), company
    names in bold capitals with "| title" and "dates | place" under them."""
    basics = document["basics"]
    source = SOURCES / "deedy+Deedy-Resume" / "OpenFonts"
    shutil.copy(source / "deedy-resume-openfont.cls", work)
    shutil.copytree(source / "fonts", work / "fonts")
    given, _, surname = basics["name"].partition(" ")
    first = [tex(place(document))]
    if basics["url"]:
        first.insert(0, rf"\href{{{basics['url']}}}{{{tex(bare(basics['url']))}}}")
    second = [rf"\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}", tex(basics["phone"])]
    lines = [r"\documentclass[]{deedy-resume-openfont}", r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}",
             r"\begin{document}", r"\lastupdated",
             rf"\namesection{{{tex(given)}}}{{{tex(surname)}}}{{ \urlstyle{{same}}" + " | ".join(first) + r"\\",
             " | ".join(second), "}", "",
             # Ragged, so that long school names wrap between words in the narrow column.
             r"\begin{minipage}[t]{0.33\textwidth}\raggedright\hyphenpenalty=10000", r"\section{Education}"]
    for school in document["education"]:
        lines += [rf"\subsection{{{tex(school['institution'])}}}", rf"\descript{{{tex(degree(school))}}}",
                  rf"\location{{{school_dates(school, document, ' – ')}}}", r"\sectionsep", ""]
    lines.append(r"\section{Links}")
    lines += [rf"{tex(profile['network'])}:// \href{{{profile['url']}}}{{\bf {tex(handle(profile['url']))}}} \\"
              for profile in basics["profiles"]]
    lines += [r"\sectionsep", "", r"\section{Skills}"]
    for group in document["skills"]:
        lines += [rf"\subsection{{{tex(group['name'])}}}",
                  r" \textbullet{} ".join(tex(keyword) for keyword in group["keywords"]), r"\sectionsep", ""]
    lines += [r"\end{minipage}", r"\hfill", r"\begin{minipage}[t]{0.66\textwidth}", r"\section{Summary}",
              tex(basics["summary"]), r"\sectionsep", "", r"\section{Experience}"]
    for index, job in enumerate(document["work"]):
        lines += [rf"\runsubsection{{{tex(job['name'])}}}", rf"\descript{{| {tex(job['position'])}}}",
                  rf"\location{{{job_dates(job, document, ' – ')} | {tex(job['location'])}}}",
                  # The example's "hacky fix" for the column's first list.
                  r"\vspace{\topsep}" if index == 0 else "", r"\begin{tightemize}",
                  *[rf"\item {tex(item)}" for item in job["highlights"]],
                  r"\end{tightemize}", r"\sectionsep", ""]
    lines += [r"\end{minipage}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, "xelatex"), {}


# --- liantze/AltaCV -----------------------------------------------------------------------------

def altacv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """AltaCV as its sample.tex: an upper-case name, a coloured tagline, icon-led contact
    fields, then paracol columns 0.6/0.4: experience left (title, then company in the accent
    colour, then date and location with icons), summary, skills as tags and education right."""
    basics = document["basics"]
    shutil.copy(SOURCES / "liantze+AltaCV" / "altacv.cls", work)
    engine = "pdflatex" if latin(document) else "xelatex"
    handles = social(document)
    info = [rf"\email{{{basics['email']}}}", rf"\phone{{{tex(basics['phone'])}}}",
            rf"\location{{{tex(place(document))}}}"]
    shown = []
    if basics["url"]:
        info.append(rf"\homepage{{{bare(basics['url'])}}}")
        shown.append("https://" + bare(basics["url"]))
    for key, prefix in (("linkedin", "https://linkedin.com/in/"), ("github", "https://github.com/")):
        if key in handles:
            info.append(rf"\{key}{{{tex(handles[key])}}}")
            shown.append(prefix + handles[key])
    # XeTeX has no \pdfcreationdate, which pdfx (loaded by the class) wants: the fixed date;
    # and Debian ships simpleicons (only used for the X icon) without its OpenType font.
    lines = ([] if engine == "pdflatex" else [r"\edef\pdfcreationdate{\string D:20250101000000+00'00'}",
                                              r"\expandafter\def\csname ver@simpleicons.sty\endcsname{}"])
    lines += [r"\documentclass[10pt,a4paper,withhyper]{altacv}",
             r"\geometry{left=1.25cm,right=1.25cm,top=1.5cm,bottom=1.5cm,columnsep=1.2cm}",
             r"\usepackage{paracol}", r"\iftutex", r"  \setmainfont{Roboto Slab}", r"  \setsansfont{Lato}",
             r"  \renewcommand{\familydefault}{\sfdefault}", r"\else", r"  \usepackage[rm]{roboto}",
             r"  \usepackage[defaultsans]{lato}", r"  \renewcommand{\familydefault}{\sfdefault}", r"\fi",
             r"\definecolor{SlateGrey}{HTML}{2E2E2E}", r"\definecolor{LightGrey}{HTML}{666666}",
             r"\definecolor{DarkPastelRed}{HTML}{450808}", r"\definecolor{PastelRed}{HTML}{8F0D0D}",
             r"\definecolor{GoldenEarth}{HTML}{E7D192}", r"\colorlet{name}{black}", r"\colorlet{tagline}{PastelRed}",
             r"\colorlet{heading}{DarkPastelRed}", r"\colorlet{headingrule}{GoldenEarth}",
             r"\colorlet{subheading}{PastelRed}", r"\colorlet{accent}{PastelRed}", r"\colorlet{emphasis}{SlateGrey}",
             r"\colorlet{body}{LightGrey}", r"\renewcommand{\namefont}{\Huge\rmfamily\bfseries}",
             r"\renewcommand{\personalinfofont}{\footnotesize}",
             r"\renewcommand{\cvsectionfont}{\LARGE\rmfamily\bfseries}",
             r"\renewcommand{\cvsubsectionfont}{\large\bfseries}", r"\renewcommand{\cvItemMarker}{{\small\textbullet}}",
             r"\renewcommand{\cvRatingMarker}{\faCircle}", r"\begin{document}",
             rf"\name{{{tex(basics['name'])}}}", rf"\tagline{{{tex(basics['label'])}}}",
             r"\personalinfo{%", *[f"  {field}" for field in info], "}", r"\makecvheader", r"\columnratio{0.6}",
             r"\begin{paracol}{2}", r"\cvsection{Experience}", ""]
    for index, job in enumerate(document["work"]):
        if index:
            lines += [r"\divider", ""]
        lines += [rf"\cvevent{{{tex(job['position'])}}}{{{tex(job['name'])}}}{{{job_dates(job, document)}}}"
                  rf"{{{tex(job['location'])}}}", r"\begin{itemize}",
                  *[rf"\item {tex(item)}" for item in job["highlights"]], r"\end{itemize}", ""]
    lines += [r"\switchcolumn", "", r"\cvsection{Summary}", "", tex(basics["summary"]), "", r"\cvsection{Skills}", ""]
    for index, group in enumerate(document["skills"]):
        if index:
            lines += [r"\divider\smallskip", ""]
        lines += [rf"\cvsubsection{{{tex(group['name'])}}}",
                  "\n".join(rf"\cvtag{{{tex(keyword)}}}" for keyword in group["keywords"]), ""]
    lines += [r"\cvsection{Education}", ""]
    for index, school in enumerate(document["education"]):
        if index:
            lines += [r"\divider", ""]
        lines += [rf"\cvevent{{{tex(degree(school))}}}{{{tex(school['institution'])}}}"
                  rf"{{{school_dates(school, document)}}}{{}}", ""]
    lines += [r"\end{paracol}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine, runs=2), {"links": shown}


# --- curve (TeX Live) ---------------------------------------------------------------------------

def curve(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """curve as its documentation builds a CV: left and right headers, a centred title,
    one rubric file per section (\\makerubric), entries keyed by dates in the margin."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    fonts = ([r"\usepackage[T1]{fontenc}"] if engine == "pdflatex" else [r"\usepackage{fontspec}" + CMU])
    right = [tex(basics["phone"]), rf"\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}"]
    right += [rf"\href{{{url}}}{{{tex(bare(url))}}}" for url in links(document)]
    rubrics = {
        "summary": [r"\begin{rubric}{Summary}", rf"\text{{{tex(basics['summary'])}}}", r"\end{rubric}"],
        "employment": [r"\begin{rubric}{Employment}"]
        + [rf"\entry*[{job_dates(job, document)}] \textbf{{{tex(job['position'])}}}, {tex(job['name'])}, "
           rf"{tex(job['location'])}." + "".join(rf"\newline -- {tex(item)}" for item in job["highlights"])
           for job in document["work"]] + [r"\end{rubric}"],
        "education": [r"\begin{rubric}{Education}"]
        + [rf"\entry*[{school_dates(school, document)}] \textbf{{{tex(degree(school))}}}"
           rf"\newline {tex(school['institution'])}"
           for school in document["education"]] + [r"\end{rubric}"],
        "skills": [r"\begin{rubric}{Skills}"]
        + [rf"\entry*[{tex(group['name'])}] {tex(', '.join(group['keywords']))}" for group in document["skills"]]
        + [r"\end{rubric}"],
    }
    for name, lines in rubrics.items():
        (work / f"{name}.tex").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [r"\documentclass[skipsamekey,11pt,english,a4paper]{curve}", *fonts,
             r"\usepackage[margin=2cm]{geometry}", r"\usepackage[hidelinks]{hyperref}",
             r"\leftheader{%", rf"  {{\LARGE\bfseries\sffamily {tex(basics['name'])}}}\\[4pt]",
             rf"  {tex(basics['label'])}\\", rf"  {tex(place(document))}}}",
             r"\rightheader{%", "  " + r"\\".join(right) + "}", r"\title{Curriculum Vit\ae}",
             r"\begin{document}", r"\makeheaders[c]", r"\maketitle",
             *[rf"\makerubric{{{name}}}" for name in rubrics], r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine, runs=2), {}


# --- europasscv (TeX Live) ----------------------------------------------------------------------

def europasscv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """The Europass CV of 2013 as the class's example (europasscv_en.tex) fills it: the logo
    and "Curriculum vitae" over a left column of upper-case headings and dates (right-aligned,
    blue), the name and icon-led contacts right of "PERSONAL INFORMATION", each entry a blue
    title beside its dates with the organisation and a dashed list under it, the Europass
    copyright line and its URL in the foot."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    # Under XeLaTeX the class sets TeX Gyre Heros, which has no Greek or Cyrillic.
    fonts = [] if engine == "pdflatex" else [r"\setmainfont{DejaVu Sans}"]
    lines = [r"\documentclass[english,a4paper]{europasscv}", r"\usepackage[english]{babel}", *fonts, "",
             rf"\ecvname{{{tex(basics['name'])}}}", rf"\ecvaddress{{{tex(place(document))}}}",
             rf"\ecvmobile{{{tex(basics['phone'])}}}", rf"\ecvemail{{{basics['email']}}}"]
    # As the example writes them: no scheme (the class links them with http://).
    if basics["url"]:
        lines.append(rf"\ecvhomepage{{{basics['url'].split('://', 1)[1]}}}")
    lines += [rf"\ecv{network(profile['url'])}page{{{profile['url'].split('://', 1)[1]}}}"
              for profile in basics["profiles"]]
    lines += ["", r"\begin{document}", r"  \begin{europasscv}", "", r"  \ecvpersonalinfo", "",
              rf"  \ecvbigitem{{Job applied for}}{{{tex(basics['label'])}}}", "",
              r"  \ecvsection{Personal statement}", rf"  \ecvitem{{}}{{{tex(basics['summary'])}}}", "",
              r"  \ecvsection{Work experience}", ""]
    for job in document["work"]:
        lines += [rf"  \ecvtitle{{{job_dates(job, document)}}}{{{tex(job['position'])}}}",
                  rf"  \ecvitem{{}}{{{tex(job['name'])}, {tex(job['location'])}}}",
                  r"  \ecvitem{}{", r"  \begin{ecvitemize}",
                  *[rf"      \item {tex(item)}" for item in job["highlights"]], r"  \end{ecvitemize}", "  }", ""]
    lines += [r"  \ecvsection{Education and training}", ""]
    for school in document["education"]:
        lines += [rf"  \ecvtitle{{{school_dates(school, document)}}}{{{tex(degree(school))}}}",
                  rf"  \ecvitem{{}}{{{tex(school['institution'])}}}", ""]
    lines += [r"  \ecvsection{Personal skills}"]
    lines += [rf"  \ecvblueitem{{{tex(group['name'])}}}{{{tex(', '.join(group['keywords']))}}}"
              for group in document["skills"]]
    lines += ["", r"  \end{europasscv}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine, runs=2), {}


# --- moderncv with moderntimeline (TeX Live) ----------------------------------------------------

def timeline_date(value: str) -> str:
    """A "YYYY-MM(-DD)" date as moderntimeline takes it: year/month, no leading zero."""
    return f"{int(value[:4])}/{int(value[5:7])}"


def moderntimeline(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """moderncv's template.tex (casual style, blue, sans) with the moderntimeline package's
    entries: the name large at the top right over the title, section headings beside a
    colour bar, a bar per entry in the left column spanning its dates on a time line, the
    start year above it ("Since 2021" for a current position) and the end year below, the
    contact details in the page foot. The entries show years only."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    given, _, surname = basics["name"].partition(" ")
    starts = [entry["startDate"][:4] for entry in document["work"] + document["education"]]
    # The time line's range, its end two years after the files' date so that the "Since"
    # label of a recent position stays in its column, as the documentation advises.
    first, last = int(min(starts)), 2027
    fonts = ([r"\usepackage[utf8]{inputenc}", r"\usepackage[T1]{fontenc}", r"\usepackage{lmodern}"]
             if engine == "pdflatex" else
             # Latin Modern has no Greek or Cyrillic: its Unicode sibling CMU has.
             [r"\usepackage{fontspec}", r"\defaultfontfeatures{Ligatures=TeX}", CMU,
              r"\setsansfont{cmunss.otf}[BoldFont=cmunsx.otf,ItalicFont=cmunsi.otf,BoldItalicFont=cmunso.otf]"])
    lines = [r"\documentclass[11pt,a4paper,sans]{moderncv}", r"\moderncvstyle{casual}", r"\moderncvcolor{blue}",
             r"\usepackage[scale=0.75]{geometry}", "%FOOTSKIP", *fonts, r"\usepackage[english]{babel}",
             rf"\usepackage[firstyear={first},lastyear={last}]{{moderntimeline}}", r"\tlsince{Since~}",
             r"\tltextstart[base]{\scriptsize}", "",
             rf"\name{{{tex(given)}}}{{{tex(surname)}}}", rf"\title{{{tex(basics['label'])}}}",
             rf"\address{{{tex(place(document))}}}{{}}{{}}", rf"\phone[mobile]{{{tex(basics['phone'])}}}",
             rf"\email{{{basics['email']}}}"]
    if basics["url"]:
        lines.append(rf"\homepage{{{bare(basics['url'])}}}")
    lines += [rf"\social[{network(profile['url'])}]{{{tex(handle(profile['url']))}}}" for profile in basics["profiles"]]
    lines += ["", r"\begin{document}", r"\makecvtitle", "", r"\section{Summary}",
              rf"\cvitem{{}}{{{tex(basics['summary'])}}}", "", r"\section{Experience}"]
    for job in document["work"]:
        end = "0" if job["meta_end"] == "present" else timeline_date(job["meta_end"])
        lines += [rf"\tlcventry{{{timeline_date(job['startDate'])}}}{{{end}}}{{{tex(job['position'])}}}"
                  rf"{{{tex(job['name'])}}}{{{tex(job['location'])}}}{{}}{{%", r"\begin{itemize}",
                  *[rf"\item {tex(item)}" for item in job["highlights"]], r"\end{itemize}}"]
    lines += ["", r"\section{Education}"]
    lines += [rf"\tlcventry{{{timeline_date(school['startDate'])}}}{{{timeline_date(school['endDate'])}}}"
              rf"{{{tex(degree(school))}}}{{{tex(school['institution'])}}}{{}}{{}}{{}}"
              for school in document["education"]]
    lines += ["", r"\section{Skills}"]
    lines += [rf"\cvitem{{{tex(group['name'])}}}{{{tex(', '.join(group['keywords']))}}}"
              for group in document["skills"]]
    lines += [r"\end{document}"]
    source = "\n".join(lines) + "\n"
    # The template: "set it to the size given in the warning" (fancyhdr's, for the foot).
    compile_pdf(source, work, engine)
    log = (work / "resume.log").read_text(encoding="utf-8", errors="replace")
    needed = re.search(r"Make it at least ([0-9.]+pt)", log)
    if needed:
        source = source.replace("%FOOTSKIP", rf"\setlength{{\footskip}}{{{needed.group(1)}}}")
    years = [{**entry, "start": entry["start"][:4], "end": entry["end"][:4] if entry["end"] != "present" else "present"}
             for entry in rendered.truth_of(document, "", "", "")["experience"]]
    return compile_pdf(source, work, engine), {"experience": years}


# --- pas-cv (TeX Live) --------------------------------------------------------------------------

def pascv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """pas-cv's "orion" model as its example (cv-orion.tex) fills it: a background drawn by
    TikZ behind the page (a blue band across it with the title in white small capitals, a
    shaded strip down the left), the name and contacts top left and the links top right
    laid over the page, then two minipage columns: education (by the date it ended) and
    skills left, the profile and the positions right, each entry under its dates in blue
    bold small capitals, "Title, Company" in italics without the place. Greek or Cyrillic
    names are set by LuaLaTeX (TikZ's shadings behind the page fail under XeLaTeX)."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "lualatex"
    fonts = [r"\usepackage[T1]{fontenc}"] if engine == "pdflatex" else [r"\usepackage{fontspec}" + CMU]

    def entry(label: str) -> str:
        return rf"{{\bfseries\scshape\color{{blue!50!black}} {label}}}\\"

    def title(text: str) -> str:
        return rf"\CVtitle[color=gray!50!black,bordercolor=cyan]{{\Large\bfseries\scshape {text}}}"

    lines = [r"\documentclass{article}", *fonts, r"\usepackage[english]{babel}",
             r"\usepackage[colorlinks=true,linkcolor=black,urlcolor=black]{hyperref}", r"\usepackage{pas-cv}",
             r"\setlength{\parindent}{0pt}", r"\begin{document}", r"\CVbg[%", r"	modele=orion,%",
             r"	bgcolor=blue!50!black,%", r"	bordercolor=cyan!25!blue!25!white,%",
             rf"	poste={{{tex(basics['label'])}}},%", r"	postesize=\Large,%", r"	postecolor=white]", "",
             r"\infoLeft{%", rf"{{\bfseries\Large\color{{blue!50}} {tex(basics['name'])}}}", r"\vskip 3mm",
             r"\color{gray!50!black}", rf"{tex(place(document))}\\", rf"Tel. {tex(basics['phone'])}\\",
             rf"Email : \href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}", "}", "",
             r"\infoRight{%", "\\\\\n".join(rf"\href{{{url}}}{{{tex(bare(url))}}}" for url in links(document)), "}", "",
             r"\CVmargins", "",
             # Top-aligned, and ragged without hyphens so that names wrap between words.
             r"\begin{minipage}[t]{7cm}\raggedright\hyphenpenalty=10000", title("Education"), "", r"\medskip", ""]
    for index, school in enumerate(document["education"]):
        lines += ([r"\medskip", ""] if index else []) + [
            entry(month(school["endDate"][:7], document)), rf"{tex(degree(school))}\\",
            rf"\emph{{{tex(school['institution'])}}}", ""]
    lines += [r"\bigskip", "", title("Skills"), "", r"\medskip", ""]
    for index, group in enumerate(document["skills"]):
        lines += ([r"\medskip", ""] if index else []) + [entry(tex(group["name"])),
                                                         tex(", ".join(group["keywords"])), ""]
    lines += [r"\end{minipage}", r"\hspace*{1.5cm}", r"\begin{minipage}[t]{11cm}", title("Profile"), "",
              r"\medskip", "", tex(basics["summary"]), "", r"\bigskip", "", title("Experience"), "", r"\medskip", ""]
    for index, job in enumerate(document["work"]):
        lines += ([r"\medskip", ""] if index else []) + [
            entry(job_dates(job, document, " - ")), rf"{tex(job['position'])}, \emph{{{tex(job['name'])}}}\\",
            "\\\\\n".join(tex(item) for item in job["highlights"]), ""]
    lines += [r"\end{minipage}", r"\end{document}"]
    source = "\n".join(lines) + "\n"
    if engine == "lualatex":
        # LuaTeX's file identifier depends on the folder it writes in: one from the source.
        digest = hashlib.md5(source.encode("utf-8")).hexdigest().upper()
        source = rf"\pdfvariable trailerid {{[<{digest}> <{digest}>]}}" + "\n" + source
    truth = rendered.truth_of(document, "", "", "")
    return compile_pdf(source, work, engine, runs=2), {
        "experience": [{**job, "location": ""} for job in truth["experience"]],
        "education": [{**school, "start": ""} for school in truth["education"]]}


# --- currvita (TeX Live) ------------------------------------------------------------------------

def currvita(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """currvita as its example file (cvtest.tex) writes a CV: an article with a "Curriculum
    Vitae" heading, then cvlist rubrics whose bold headings stand in the label column (or
    above it when wider), the name, place and contacts as the first rubric's items, each
    entry keyed by its dates in the left column and written "Company, Place; Title" with
    the highlights as paragraphs under it, skill groups as labels, and the place and date
    of writing at the end. The label column is as wide as the longest label (the
    documentation's \\settowidth{\\cvlabelwidth}), hyphenation off so that names wrap
    between words."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    fonts = [r"\usepackage[T1]{fontenc}"] if engine == "pdflatex" else [r"\usepackage{fontspec}" + CMU]
    jobs = [(job_dates(job, document, "--"), job) for job in document["work"]]
    schools = [(school_dates(school, document, "--"), school) for school in document["education"]]
    labels = [r"88/8888--88/8888", *(dates for dates, _ in jobs + schools),
              *(tex(group["name"]) for group in document["skills"])]
    contact = [rf"Phone:~{tex(basics['phone'])}",
               rf"Email:~\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}"]
    lines = [r"\documentclass[12pt,a4paper]{article}", *fonts, r"\usepackage[english]{babel}",
             r"\usepackage[margin=2cm]{geometry}", r"\usepackage[hidelinks]{hyperref}", r"\usepackage{currvita}",
             r"\tolerance=600", r"\hyphenpenalty=10000", r"\exhyphenpenalty=10000", r"\emergencystretch=2em",
             r"\AtBeginDocument{\settowidth{\cvlabelwidth}{\cvlabelfont\begin{tabular}{@{}l@{}}"
             + r"\\".join(labels) + r"\end{tabular}}}", r"\begin{document}", r"\begin{cv}{Curriculum Vitae}",
             r"  \begin{cvlist}{Personal Details}", rf"  \item {tex(basics['name'])}\\",
             f"    {tex(place(document))}", r"  \item " + "\\\\\n    ".join(contact)]
    urls = links(document)
    if urls:
        lines.append(r"  \item " + "\\\\\n    ".join(rf"\href{{{url}}}{{{tex(bare(url))}}}" for url in urls))
    lines += [r"  \end{cvlist}", r"  \begin{cvlist}{Profile}", rf"  \item {tex(basics['summary'])}",
              r"  \end{cvlist}", r"  \begin{cvlist}{Work Experience}"]
    for dates, job in jobs:
        lines.append(rf"  \item[{dates}] {tex(job['name'])}, {tex(job['location'])}; {tex(job['position'])}")
        lines += [line for item in job["highlights"] for line in ("", f"    {tex(item)}")]
    lines += [r"  \end{cvlist}", r"  \begin{cvlist}{Education}"]
    lines += [rf"  \item[{dates}] {tex(degree(school))}, {tex(school['institution'])}" for dates, school in schools]
    lines += [r"  \end{cvlist}", r"  \begin{cvlist}{Skills}"]
    lines += [rf"  \item[{tex(group['name'])}] {tex(', '.join(group['keywords']))}" for group in document["skills"]]
    # The place of writing; the date is \today, fixed by SOURCE_DATE_EPOCH.
    lines += [r"  \end{cvlist}", rf"  \cvplace{{{tex(basics['location']['city'])}}}", r"\end{cv}", r"\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine), {}


# --- ReadableCV (TeX Live) ----------------------------------------------------------------------

READABLECV_SKILLS, READABLECV_ACHIEVEMENTS = 9, 6  # \addSkills and \roleAchievements take no more


def readablecv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """The ReadableCV class as its example (ReadableCV.tex) fills it: the name in bold
    Roboto and the job title in Roboto Thin top left, the contacts with marvosym icons
    opposite (mobile, email, one web address; the class has no field for an address),
    headings in slate-grey Roboto over a rule, the skills as up to nine bullets in three
    columns without their groups, each role a table of its dates (bold, wrapping in a
    3 cm column) beside the title over the company ("JobFirst", no place), a "Role
    outline" (its first highlight) and "Achievements" (the others), education as
    "dates  Degree (Institution)". Body text in Computer Modern. Greek or Cyrillic names
    are set by XeLaTeX: roboto's OpenType setup with the class's "thin" option asks for a
    RobotoCondensed-Thin that does not exist, so the class is told roboto is loaded and
    the Roboto faces it uses are declared with fontspec (CMU for the body)."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    web = (links(document) or [""])[0]
    keywords = [keyword for group in document["skills"] for keyword in group["keywords"]][:READABLECV_SKILLS]

    def padded(values: list[str], count: int) -> str:
        return "".join(f"{{{tex(value)}}}" for value in values + [""] * (count - len(values)))

    lines = []
    if engine == "xelatex":
        lines += [r"\expandafter\def\csname ver@roboto.sty\endcsname{}",
                  r"\expandafter\def\csname opt@roboto.sty\endcsname{thin}"]
    lines.append(r"\documentclass[a4paper]{ReadableCV}")
    if engine == "xelatex":
        roboto = ("[Extension=.otf,UprightFont=*-Thin,ItalicFont=*-ThinItalic,"
                  "BoldFont=*-Bold,BoldItalicFont=*-BoldItalic]")
        lines += [r"\usepackage{fontspec}" + CMU, r"\setsansfont{Roboto}" + roboto,
                  r"\newfontfamily\robotothin{Roboto}" + roboto, r"\DeclareTextFontCommand{\robotoThin}{\robotothin}"]
    # The class's macros take the next token or paragraph end as an argument the example
    # leaves a blank line for: the blank lines here are the example's.
    lines += [r"\color{black}", r"\begin{document}", r"\setPageColour{white}", r"\setHeaderAlignment{left}",
              r"\setHeadingColours{SlateGray3}", r"\setContactLocation{opposite}",
              rf"\setYourName{{{tex(basics['name'])}}}", rf"\setYourJobTitle{{{tex(basics['label'])}}}",
              rf"\setYourMobileNo{{{tex(basics['phone'])}}}", r"\setYourHomeNo{}",
              rf"\setYourEmailAddr{{{tex(basics['email'])}}}", rf"\setYourWebAddr{{{tex(bare(web)) if web else ''}}}",
              r"\showHeader", r"\setSectionAlignment{left}", r"\newHeading{Personal Profile}", "",
              tex(basics["summary"]), "", r"\newHeading{Core Skills}", "",
              r"\addSkills" + padded(keywords, READABLECV_SKILLS), "", r"\newHeading{Career Summary}", "",
              r"\setJobCompanyOrder{JobFirst}", ""]
    for job in document["work"]:
        outline, *achievements = job["highlights"]
        lines.append(rf"\newRole{{{job_dates(job, document)}}}{{{tex(job['position'])}}}{{{tex(job['name'])}}}"
                     rf"{{{tex(outline)}}}")
        if achievements:
            listed = achievements[:READABLECV_ACHIEVEMENTS]
            lines += ["", r"\roleAchievements" + padded(listed, READABLECV_ACHIEVEMENTS)]
        lines.append("")
    lines += [r"\newHeading{Education}", ""]
    lines += [rf"\newCourse{{{school_dates(school, document)}}}{{{tex(degree(school))}}}"
              rf"{{{tex(school['institution'])}}}{{}}" for school in document["education"]]
    lines.append(r"\end{document}")
    truth = rendered.truth_of(document, "", "", "")
    shown = {"location": "", "links": [web] if web else [],
             "experience": [{**job, "location": "", "highlights": job["highlights"][:1 + READABLECV_ACHIEVEMENTS]}
                            for job in truth["experience"]]}
    if len(keywords) < sum(len(group["keywords"]) for group in document["skills"]):
        kept = set(keywords)
        shown["skills"] = {name: [k for k in words if k in kept] for name, words in truth["skills"].items()}
    return compile_pdf("\n".join(lines) + "\n", work, engine), shown


# --- spagnuolocarmine/TwentySecondsCurriculumVitae-LaTex ----------------------------------------

def avatar(work: Path) -> str:
    """A stand-in profile photo, a grey silhouette drawn by TikZ (the template lays its
    sidebar out under a round photo): the file name of the PDF written in `work`."""
    picture = [r"\documentclass[tikz]{standalone}", r"\begin{document}", r"\begin{tikzpicture}[x=1pt,y=1pt]",
               r"\fill[fill={rgb,255:red,201;green,206;blue,214}] (0,0) rectangle (200,200);",
               r"\fill[white!95!gray] (100,122) circle (38);", r"\fill[white!95!gray] (100,10) ellipse (70 and 60);",
               r"\end{tikzpicture}", r"\end{document}"]
    (work / "avatar.pdf").write_bytes(compile_pdf("\n".join(picture) + "\n", work, "pdflatex"))
    return "avatar.pdf"


def skill_level(keyword: str) -> str:
    """A level on the template's 0-6 scale for a skill bar, the same on every run (the
    people have none): 2.5 to 5.8."""
    return f"{2.5 + int(hashlib.sha256(keyword.encode('utf-8')).hexdigest(), 16) % 34 / 10:.1f}"


def year_span(start: str, end: str, since: str = "since ") -> str:
    """Years as the example writes them: "1863-1865", "since 1865" for a current one."""
    return f"{since}{start[:4]}" if end == "present" else f"{start[:4]}-{end[:4]}"


def twentyseconds(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """The Twenty Seconds CV as its example (Twenty-Seconds_cv.tex) fills it, without the
    icon option: a grey sidebar on the left (a round photo, the name large in blue, the
    job title, marvosym icons in blue circles before the address, phone, web site and
    email, "About me" with the summary, "Skill" with every keyword as a bar on the 0-6
    scale and the scale's footnote), and the main column of sections whose first three
    letters stand in a coloured box ("exp|erience"), each entry a row of years ("2019-2021",
    "since 2022"; the \\twentyitem's "{year}") beside the title, "Company, Place" in small
    type at the right and the highlights under them; education the degree with the school
    as the place; the profile links other than the sidebar's site as short items. Letter
    paper (the class's default). A name too wide for the sidebar in \\Huge (it wraps
    there) is set in \\LARGE, or \\Large, as its owner would. Greek or Cyrillic names are set by
    XeLaTeX, in Clear Sans's TrueType fonts (which have those letters)."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    shutil.copy(SOURCES / "spagnuolocarmine+TwentySecondsCurriculumVitae-LaTex" / "twentysecondcv.cls", work)
    picture = avatar(work)
    urls = links(document)
    site, others = (urls[0], urls[1:]) if urls else ("", [])
    keywords = [keyword for group in document["skills"] for keyword in group["keywords"]]
    # Braces keep a "/" or "," of a skill out of the class's \foreach pairs.
    bars = ",".join(f"{{{{{tex(keyword)}}}/{skill_level(keyword)}}}" for keyword in keywords)
    name = tex(basics["name"])
    lines = [r"\documentclass[]{twentysecondcv}"]
    if engine == "xelatex":
        # The class loads T1 after Clear Sans has set fontspec up: back to Unicode.
        lines.append(r"\usepackage[TU]{fontenc}")
    lines += [r"\begin{document}", "", rf"\profilepic{{{picture}}}",
              # A name wider than the sidebar would wrap in \Huge: set a size smaller.
              r"\newsavebox{\namebox}",
              rf"\cvname{{\sbox{{\namebox}}{{\Huge {name}}}\ifdim\wd\namebox>\linewidth"
              rf"\sbox{{\namebox}}{{\LARGE {name}}}\ifdim\wd\namebox>\linewidth\Large\else\LARGE\fi\fi {name}}}",
              rf"\cvjobtitle{{{tex(basics['label'])}}}", rf"\cvaddress{{{tex(place(document))}}}",
              rf"\cvnumberphone{{{tex(basics['phone'])}}}", rf"\cvmail{{{basics['email']}}}"]
    if site:
        lines.append(rf"\cvsite{{{site}}}")
    lines += ["", r"\aboutme{", "", tex(basics["summary"]), "}", "", rf"\skills{{{bars}}}", "", r"\makeprofile", "",
              r"\section{experience}", r"\begin{twenty}"]
    for job in document["work"]:
        highlights = "".join(rf"\item {tex(item)}" for item in job["highlights"])
        lines += [r"  \twentyitem", f"    {{{year_span(job['startDate'], job['meta_end'])}}}",
                  f"    {{{tex(job['position'])}}}", f"    {{{tex(job['name'])}, {tex(job['location'])}}}",
                  rf"    {{\begin{{itemize}}{highlights}\end{{itemize}}}}"]
    lines += [r"\end{twenty}", "", r"\section{education}", r"\begin{twenty}"]
    for school in document["education"]:
        lines += [r"  \twentyitem", f"    {{{year_span(school['startDate'], school['endDate'])}}}",
                  f"    {{{tex(degree(school))}}}", f"    {{{tex(school['institution'])}}}", "    {}"]
    lines += [r"\end{twenty}", ""]
    if others:
        names = {profile["url"]: profile["network"] for profile in basics["profiles"]}
        lines += [r"\section{profiles}", r"\begin{twentyshort}"]
        lines += [rf"  \twentyitemshort{{{tex(names.get(url, 'Web'))}}}{{\href{{{url}}}{{{tex(bare(url))}}}}}"
                  for url in others]
        lines += [r"\end{twentyshort}", ""]
    lines.append(r"\end{document}")
    truth = rendered.truth_of(document, "", "", "")
    years = [{**job, "start": job["start"][:4], "end": job["end"] if job["end"] == "present" else job["end"][:4]}
             for job in truth["experience"]]
    return compile_pdf("\n".join(lines) + "\n", work, engine), {"links": urls, "experience": years}


# --- harnon-cv (TeX Live) -----------------------------------------------------------------------

def harnoncv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """harnon-cv as its example (sample.tex) and README fill it: the name large top left
    over the email, the web site (typewriter) and the phone, the address block flush right
    (here the place, then the profile links), a rule, the summary as the "recent history"
    between rules, then Cantarell headings: "Experience" as a timeline (the dates in grey
    in a left column, wrapping at the dash when long, a grey bar down the entries), each
    entry "Title, Company" as the sub-header, the place in grey, the highlights as the
    class's timeline bullets; "Education" as a timeline of "Degree, Institution"; "Skills" as
    \\listitem bullets, the group as a callout before its keywords. The class prints a
    stray "l" before the email (a typo in its \\@maketitle, "l\\small\\@youremail"),
    patched out here with etoolbox's \\patchcmd as a user would. A4 (the class's). Greek or
    Cyrillic names are set by XeLaTeX in Cantarell's OpenType fonts."""
    basics = document["basics"]
    engine = "pdflatex" if latin(document) else "xelatex"
    urls = links(document)
    site, others = (urls[0], urls[1:]) if urls else ("", [])
    address = [tex(place(document)), *(rf"\href{{{url}}}{{{tex(bare(url))}}}" for url in others)]
    lines = []
    if engine == "xelatex":
        # The class asks for graphicx with the pdftex driver: loaded first with XeTeX's,
        # that request is taken as met.
        lines += [r"\RequirePackage{graphicx}", r"\expandafter\def\csname opt@graphicx.sty\endcsname{pdftex}"]
    lines.append(r"\documentclass{harnon-cv}")
    if engine == "xelatex":
        # The class loads T1 after Cantarell has set fontspec up: back to Unicode.
        lines.append(r"\usepackage[TU]{fontenc}")
    lines += [r"\makeatletter", r"\patchcmd{\@maketitle}{l\small\@youremail}{\small\@youremail}{}"
              r"{\errmessage{harnon-cv: the email line is not the one patched}}", r"\makeatother", "",
              "\t% personal details", f"\t\\author{{{tex(basics['name'])}}}",
              f"\t\\youremail{{\\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}}}"]
    if site:
        lines.append(f"\t\\yourwebsite{{{site}}}")
    lines += [f"\t\\yournumber{{{tex(basics['phone'])}}}", "\t\\youraddress{" + r"\\".join(address) + "}", "",
              "\t%personal statement", f"\t\\recenthistory{{{tex(basics['summary'])}}}", "",
              "\t\\begin{document}", "", "\t\t\\maketitle", "", "\t\t\\addheadertext{Experience}",
              "\t\t\\starttimeline"]

    def timeline(entries: list[tuple[str, list[str]]]) -> list[str]:
        found = []
        for index, (when, body) in enumerate(entries):
            if index:
                found += ["\t\t\t\\timelinespacer", ""]
            found += [f"\t\t\t\\timelineitem{{{when}}}{{", *[f"\t\t\t\t{line}" for line in body], "\t\t\t}"]
        # The blank line after the timeline, as the example's, lets the heading's space in.
        return found + ["\t\t\\stoptimeline", ""]

    def dates(start: str, end: str) -> str:
        # Each month tied, so that a date wraps in the narrow column at its dash only.
        return f"{month(start[:7], document).replace(' ', '~')} -- {month(end, document).replace(' ', '~')}"

    lines += timeline([(dates(job["startDate"], job["meta_end"]), [
        rf"\addsubheader{{{tex(job['position'])}, {tex(job['name'])}}}",
        rf"{{\color{{lightgrey}}{tex(job['location'])}}}\par",
        *[rf"\addtimelinebullet{{{tex(item)}}}" for item in job["highlights"]]]) for job in document["work"]])
    lines += ["\t\t\\addheadertext{Education}", "\t\t\\starttimeline"]
    lines += timeline([(dates(school["startDate"], school["endDate"][:7]), [
        rf"\addsubheader{{{tex(degree(school))}, {tex(school['institution'])}}}"]) for school in document["education"]])
    lines += ["\t\t\\addheadertext{Skills}", "\t\t\t\\begin{itemize}"]
    lines += [f"\t\t\t\t\\listitem{{{tex(group['name'])}}} {tex(', '.join(group['keywords']))}"
              for group in document["skills"]]
    lines += ["\t\t\t\\end{itemize}", "", "\t\\end{document}"]
    return compile_pdf("\n".join(lines) + "\n", work, engine), {"links": urls}


# --- depressiveRobot/friggeri-cv-a4 -------------------------------------------------------------

def friggeri(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """The Friggeri CV (A4 fork) as its example (cv.tex) fills it, set by XeLaTeX with the
    fonts it ships (TeX Gyre Heros, Lato Light): a dark band across the top of the page
    with the given name in Lato Light run into the surname in bold Heros (a space kept
    between them, "{Marcus\\ }{Whitfield}", as a user does) and the label under it; a
    sidebar left of the main column (the class's aside, one item a line, flush right) with
    "contact" (the place, phone, email and web addresses) and one heading per skill group
    over its keywords; the main column's lower-case headings, their first three letters
    coloured; each entry a year column ("2017--2020", "2022--Now") beside the company in
    bold with the place in light grey at the right, the title in italics under it and
    the highlights as a list; education "Degree" in bold with the school at the right.
    The aside's web addresses are set \\small, and smaller still (to \\tiny) when too wide
    for its 3.6 cm, so that they stay out of the main column. Letters beyond Latin are not
    in the shipped fonts: no person of the family has them."""
    basics = document["basics"]
    source = SOURCES / "depressiveRobot+friggeri-cv-a4"
    shutil.copy(source / "friggeri-cv-a4.cls", work)
    for font in ("Lato-Light.ttf", "texgyreheros-regular.otf", "texgyreheros-bold.otf",
                 "texgyreheros-italic.otf", "texgyreheros-bolditalic.otf"):
        shutil.copy(source / font, work)
    if not latin(document):
        raise ValueError("friggeri: TeX Gyre Heros and the shipped Lato Light have no Greek or Cyrillic")
    given, _, surname = basics["name"].partition(" ")
    urls = links(document)

    def years(start: str, end: str) -> str:
        return f"{start[:4]}--{'Now' if end == 'present' else end[:4]}"

    # Each line of the aside is a line (\obeycr); the addresses are set small, and smaller
    # still when too wide for its 3.6 cm, as users of the template do.
    contact = [tex(place(document)), tex(basics["phone"]), "~",
               rf"\fitaside{{\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}}}"]
    contact += [rf"\fitaside{{\href{{{url}}}{{{tex(bare(url))}}}}}" for url in urls]
    lines = [r"\documentclass[]{friggeri-cv-a4}",
             r"\newcommand{\fitaside}[1]{\sbox0{\small #1}\ifdim\wd0>\linewidth\sbox0{\footnotesize #1}"
             r"\ifdim\wd0>\linewidth\sbox0{\scriptsize #1}\ifdim\wd0>\linewidth\sbox0{\tiny #1}\fi\fi\fi\usebox0}",
             r"\begin{document}", "",
             rf"\header{{{tex(given)}\ }}{{{tex(surname)}}}{{{tex(basics['label'])}}}", "",
             r"\begin{aside}", r"\section{contact}", *contact]
    for group in document["skills"]:
        lines += [rf"\section{{{tex(group['name'].lower())}}}", *(tex(keyword) for keyword in group["keywords"])]
    lines += [r"\end{aside}", "", r"\section{profile}", "", tex(basics["summary"]), "",
              r"\section{experience}", "", r"\begin{entrylist}"]
    for job in document["work"]:
        items = "".join(rf"\item {tex(item)} " for item in job["highlights"])
        lines += [r"\entry", f"{{{years(job['startDate'], job['meta_end'])}}}", f"{{{tex(job['name'])}}}",
                  f"{{{tex(job['location'])}}}",
                  rf"{{\emph{{{tex(job['position'])}}} \\ \begin{{itemize}}{items}\end{{itemize}}}}"]
    lines += [r"\end{entrylist}", "", r"\section{education}", "", r"\begin{entrylist}"]
    for school in document["education"]:
        lines += [r"\entry", f"{{{years(school['startDate'], school['endDate'])}}}", f"{{{tex(degree(school))}}}",
                  f"{{{tex(school['institution'])}}}", "{}"]
    lines += [r"\end{entrylist}", "", r"\end{document}"]
    truth = typeset(rendered.truth_of(document, "", "", ""))
    experience = [{**job, "start": job["start"][:4], "end": job["end"] if job["end"] == "present" else job["end"][:4]}
                  for job in truth["experience"]]
    # The header is a TikZ picture placed by "remember picture": a second run places it.
    return compile_pdf("\n".join(lines) + "\n", work, "xelatex", runs=2), {
        "links": urls, "experience": experience, "education": truth["education"]}


# --- darwiin/yaac-another-awesome-cv ------------------------------------------------------------

def yaac(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """YAAC: Another Awesome CV as its example (example/cv.tex and its section files)
    fills it, with the class's options there (localFont: the Source Sans Pro it ships;
    alternative header; 10pt; compact), set by LuaLaTeX: the given name with the surname
    in bold small capitals, the label in bold blue, the social line of Font Awesome icons
    (LinkedIn and GitHub as "linkedin.com/in/handle", "github.com/handle", a web site by
    its address), phone and email, then the place; sections headed by an icon and the
    name in small capitals over a rule; the summary as a paragraph; skill groups in bold
    as right-aligned labels; each position in a table row pair, the end date ("Present")
    over the start date in bold right-aligned beside a vertical rule, "Title, COMPANY,
    Place" in bold (the company in small capitals), the highlights as \\faAngleRight
    bullets and the skills the highlights mention as outlined tags; education by the
    year it ended, "Degree, Institution"; a footer of the date, "Name - CV" and the page.
    The class loads babel with French as the main language: the document selects
    English, as the example's comment suggests. Source Sans Pro has Greek and Cyrillic;
    a Greek surname in small capitals is printed without its accents (the truth's name
    says so)."""
    basics = document["basics"]
    source = SOURCES / "darwiin+yaac-another-awesome-cv"
    shutil.copy(source / "yaac-another-awesome-cv.cls", work)
    shutil.copytree(source / "fonts", work / "fonts")
    given, _, surname = basics["name"].partition(" ")
    handles = social(document)
    first = []
    shown = []
    if basics["url"]:
        first.append(rf"\website{{{basics['url']}}}{{{tex(bare(basics['url']))}}}")
        shown.append(basics["url"])
    for key, prefix in (("linkedin", "https://www.linkedin.com/in/"), ("github", "https://www.github.com/")):
        if key in handles:
            first.append(rf"\{key}{{{tex(handles[key])}}}")
            shown.append(prefix + handles[key])
    keywords = [keyword for group in document["skills"] for keyword in group["keywords"]]
    lines = [r"\documentclass[localFont,alternative,10pt,compact]{yaac-another-awesome-cv}",
             rf"\name{{{tex(given)}}}{{{tex(surname)}}}", rf"\tagline{{{tex(basics['label'])}}}",
             r"\socialinfo{", "\t" + "\n\t".join(first) + r"\\",
             f"\t\\smartphone{{{tex(basics['phone'])}}}", f"\t\\email{{{basics['email']}}}\\\\",
             f"\t\\address{{{tex(place(document))}}}", "}", "", r"\begin{document}", r"\selectlanguage{english}", "",
             "\t\\makecvheader", "", "\t\\makecvfooter", "\t\t{\\textsc{\\today}}",
             f"\t\t{{\\textsc{{{tex(basics['name'])} - CV}}}}", "\t\t{\\thepage}", "",
             r"\par{", "\t" + tex(basics["summary"]), "}", "", r"\sectionTitle{Skills}{\faTasks}", "",
             "\t\\begin{keywords}"]
    lines += [f"\t\t\\keywordsentry{{{tex(group['name'])}}}{{{tex(', '.join(group['keywords']))}}}"
              for group in document["skills"]]
    lines += ["\t\\end{keywords}", "", r"\sectionTitle{Experience}{\faSuitcase}", r"\begin{experiences}"]
    for index, job in enumerate(document["work"]):
        tags = [keyword for keyword in keywords if any(keyword.casefold() in item.casefold()
                                                       for item in job["highlights"])]
        items = "\n".join(f"                        \\item {tex(item)}" for item in job["highlights"])
        if index:
            lines.append(r"  \emptySeparator")
        lines += [r"  \experience", f"    {{{month(job['meta_end'], document)}}}{{{tex(job['position'])}}}"
                  f"{{{tex(job['name'])}}}{{{tex(job['location'])}}}",
                  f"    {{{month(job['startDate'][:7], document)}}}{{", r"                      \begin{itemize}",
                  items, r"                      \end{itemize}", "                    }",
                  # Braced, so that a "," of a skill stays out of the class's \foreach list.
                  "                    {" + ",".join(f"{{{tex(tag)}}}" for tag in tags) + "}"]
    lines += [r"\end{experiences}", "", r"\sectionTitle{Education}{\faGraduationCap}", "", r"\begin{scholarship}"]
    lines += [f"\t\\scholarshipentry{{{school['endDate'][:4]}}}\n\t\t\t\t\t{{{tex(degree(school))}, "
              f"{tex(school['institution'])}}}" for school in document["education"]]
    lines += [r"\end{scholarship}", "", r"\end{document}"]
    source_text = "\n".join(lines) + "\n"
    # LuaTeX's file identifier depends on the folder it writes in: one from the source.
    digest = hashlib.md5(source_text.encode("utf-8")).hexdigest().upper()
    source_text = rf"\pdfvariable trailerid {{[<{digest}> <{digest}>]}}" + "\n" + source_text
    truth = typeset(rendered.truth_of(document, "", "", ""))
    shown_truth = {"links": shown, "experience": truth["experience"],
                   "education": [{**school, "start": ""} for school in truth["education"]]}
    if re.search("[\u0370-\u03ff]", surname):
        # Greek small capitals carry no accents (tonos): the surname is printed without them.
        bare_surname = unicodedata.normalize("NFC", "".join(
            ch for ch in unicodedata.normalize("NFD", surname) if ch not in "\u0301\u0300\u0342"))
        shown_truth["name"] = f"{given} {bare_surname}"
    return compile_pdf(source_text, work, "lualatex", runs=2), shown_truth


# --- limecv (opieters/limecv, the source of the TeX Live package) ------------------------------

def limecv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """limecv as its example (examples/mwe-lualatex.tex) and its documentation fill it, set
    by LuaLaTeX with the Fira Sans and Fira Mono of TeX Live's fira package (XeLaTeX finds
    fonts by name through fontconfig only, which does not see TeX Live's fonts) and
    fontawesome5: a light green sidebar on the left with the given name over the surname
    (no picture: the documentation allows an empty one) and the label, then "Profile"
    (the summary, centred), "Contact" (Font Awesome icons before the place, phone, email,
    web site and the LinkedIn and GitHub handles, linked to their addresses) and
    "Languages" (unrated: the class's [norating]), each heading between rules; the main
    column's headings with an icon over a green rule, each entry a dot on a time line:
    education first, as in the example, "Degree" in Fira Sans Medium over "Institution.
    Start -- End"; then experience, the title in Fira Sans Medium (the markup command
    the documentation suggests, as \\cvEntry: a command \\cvEducation would clash with the
    class's environment) over "COMPANY, Place. Start -- End" with the company in small
    capitals and the highlights as one paragraph of sentences; last the skills, the
    class's rated grid of two columns (five dots: the first group's keywords at 5, the
    others at 4; the group names are not shown): the class has no skills in its sidebar."""
    basics = document["basics"]
    source = SOURCES / "opieters+limecv" / "src"
    for name in ("limecv.dtx", "limecv.ins"):
        shutil.copy(source / name, work)
    subprocess.run(["tex", "-interaction=batchmode", "limecv.ins"], cwd=work, capture_output=True, check=True,
                   timeout=120, env=_ENVIRONMENT)
    given, _, surname = basics["name"].partition(" ")
    handles = social(document)
    contact = [rf"\cvContactAddress{{{tex(place(document))}}}",
               rf"\cvContactEmail{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}",
               rf"\cvContactPhone{{{tex(basics['phone'])}}}"]
    if basics["url"]:
        contact.append(rf"\cvContactWebsite{{{basics['url']}}}{{{tex(bare(basics['url']))}}}")
    for profile in basics["profiles"]:
        key = network(profile["url"])
        shown = tex(handles[key]) if key != "web" else tex(bare(profile["url"]))
        command = {"linkedin": "Linkedin", "github": "Github"}.get(key, "Website")
        contact.append(rf"\cvContact{command}{{{profile['url']}}}{{{shown}}}")

    def sentences(items: list[str]) -> str:
        return " ".join(tex(item if item.endswith(".") else item + ".") for item in items)

    lines = [r"\documentclass[a4paper]{limecv}", "", "% Defaults used in template design.",
             r"\usepackage[margin=\cvMargin,noheadfoot]{geometry}", "",
             r"\newfontfamily\firaMedium{Fira Sans Medium}",
             r"\NewDocumentCommand{\cvEntry}{mmm}{{\firaMedium #1}\\ #2\IfValueT{#3}{\\ #3}}", "",
             r"\begin{document}", "", r"\begin{cvSidebar}",
             rf"  \cvID{{{tex(given)}}}{{{tex(surname)}}}{{}}{{{tex(basics['label'])}}}", "",
             r"  \begin{cvProfile}", f"    {tex(basics['summary'])}", r"  \end{cvProfile}", "",
             r"  \begin{cvContact}", *(f"    {line}" for line in contact), r"  \end{cvContact}", "",
             r"  \begin{cvLanguages}[norating]"]
    lines += [rf"    \cvLanguage{{{tex(language['language'])} ({tex(language['fluency'].lower())})}}"
              for language in document.get("languages", [])]
    lines += [r"  \end{cvLanguages}", r"\end{cvSidebar}", "", r"\begin{cvMainContent}", "",
              r"  \begin{cvEducation}"]
    for school in document["education"]:
        lines.append(rf"    \cvItem{{\cvEntry{{{tex(degree(school))}}}"
                     rf"{{{tex(school['institution'])}. {school_dates(school, document)}}}{{}}}}")
    lines += [r"  \end{cvEducation}", "", r"  \begin{cvExperience}"]
    for job in document["work"]:
        lines.append(rf"    \cvItem{{\cvEntry{{{tex(job['position'])}}}"
                     rf"{{\textsc{{{tex(job['name'])}}}, {tex(job['location'])}. {job_dates(job, document)}}}"
                     rf"{{{sentences(job['highlights'])}}}}}")
    lines += [r"  \end{cvExperience}", "", r"  \begin{cvSkills}"]
    rated = [(5 if index == 0 else 4, keyword) for index, group in enumerate(document["skills"])
             for keyword in group["keywords"]]
    for first in range(0, len(rated), 2):
        pair = rated[first:first + 2]
        command = r"\cvSkillTwo" if len(pair) == 2 else r"\cvSkillOne"
        lines.append("    " + command + "".join(f"{{{level}}}{{{tex(keyword)}}}" for level, keyword in pair))
    lines += [r"  \end{cvSkills}", "", r"\end{cvMainContent}", "", r"\end{document}"]
    source_text = "\n".join(lines) + "\n"
    # LuaTeX's file identifier depends on the folder it writes in: one from the source.
    digest = hashlib.md5(source_text.encode("utf-8")).hexdigest().upper()
    source_text = rf"\pdfvariable trailerid {{[<{digest}> <{digest}>]}}" + "\n" + source_text
    truth = typeset(rendered.truth_of(document, "", "", ""))
    # The sidebar and the time line are TikZ pictures placed by "remember picture": two runs.
    return compile_pdf(source_text, work, "lualatex", runs=2), {
        "experience": truth["experience"], "education": truth["education"]}


# --- jankapunkt/latexcv (sidebar, two_column) ------------------------------------------------

LATEXCV = "jankapunkt+latexcv"


def _latexcv_preamble(folder: str, document: dict[str, Any]) -> tuple[str, str]:
    """The preamble of the template's main.tex and the engine: pdfLaTeX as the template is
    made for; for names that are not Latin, LuaLaTeX (the transparent package, which the
    sidebar template loads, does nothing under XeTeX) with DejaVu Sans instead of the
    template's Type 1 font (which has no Greek or Cyrillic letters), scaled to 90% to come near its widths."""
    head = preamble(SOURCES / LATEXCV / folder / "main.tex")
    if latin(document):
        return head, "pdflatex"
    for line in (r"\usepackage[utf8]{inputenc}", r"\usepackage[default]{gillius}", r"\usepackage[thin]{roboto}",
                 r"\usepackage[T1]{fontenc}"):
        head = head.replace(line, "")
    return after_class(head, r"\usepackage{fontspec}\setsansfont{DejaVu Sans}[Scale=0.9]"), "lualatex"


def _latexcv_compile(source: str, work: Path, engine: str) -> bytes:
    """Two runs: the transparency of the sidebar template's summary box (and hyperref's
    page labels) are right on the second."""
    if engine == "lualatex":
        # LuaTeX's file identifier depends on the folder it writes in: one from the source.
        digest = hashlib.md5(source.encode("utf-8")).hexdigest().upper()
        source = rf"\pdfvariable trailerid {{[<{digest}> <{digest}>]}}" + "\n" + source
    return compile_pdf(source, work, engine, runs=2)


def _braced_items(items: list[str]) -> str:
    """A \\foreach list of the items, each braced so that its commas stay in it."""
    return ",".join(f"{{{tex(item)}}}" for item in items)


def _header_image(work: Path) -> str:
    """A stand-in for the header photo, a grey silhouette in a wide frame as the example
    crops its photo: the file name of the PDF written in `work`."""
    picture = [r"\documentclass[tikz]{standalone}", r"\begin{document}", r"\begin{tikzpicture}[x=1pt,y=1pt]",
               r"\clip (0,0) rectangle (400,170);",
               r"\fill[fill={rgb,255:red,201;green,206;blue,214}] (0,0) rectangle (400,170);",
               r"\fill[white!95!gray] (200,112) circle (38);", r"\fill[white!95!gray] (200,0) ellipse (70 and 60);",
               r"\end{tikzpicture}", r"\end{document}"]
    (work / "header.pdf").write_bytes(compile_pdf("\n".join(picture) + "\n", work, "pdflatex"))
    return "header.pdf"


def latexcv_sidebar(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """latexcv's "sidebar" template (sidebar/main.tex) as its example fills it, in Gillius
    (A4, 10pt): a main column of 69% on the left and a teal sidebar of a third on the right,
    both boxes a page high. The main column opens with a grey band of the name in
    capitals, a teal bar and "RESUME" (the example's single-word variant; names of more
    than 14 characters a size or two smaller, to fit), then the header
    image (a grey stand-in as wide as the example's cropped photo) with the summary in a
    translucent grey box laid over its lower right; the headings are white capitals on
    teal bands after three grey arrows; "Status" holds the label; each entry of
    "Experience" and "Education" is one tabular row, the title (the degree) in bold on the
    left and "Company, dates" at the right (company in orange, dates in grey; no place),
    a light rule under it, then each highlight after a grey arrow (\\cvlist). The sidebar
    has white centred capital headings over short rules: "Contact" (Font Awesome 4 icons
    before the place, phone, email, web site and profile addresses), one heading per skill
    group with a code icon before each keyword (as the example's "Technologies"), and
    "Languages". The example's star ratings, QR code, hobby icons and licence footer are
    left out. Greek or Cyrillic names are set by LuaLaTeX in DejaVu Sans."""
    basics = document["basics"]
    head, engine = _latexcv_preamble("sidebar", document)
    image = _header_image(work)
    # The band is as wide as the column: a long name in the example's \HUGE would run
    # out of it, so it is set a size smaller, as its owner would.
    # (DejaVu Sans, for names that are not Latin, is wider than Gillius).
    length = len(basics["name"]) * (1 if engine == "pdflatex" else 1.3)
    size = r"\HUGE" if length <= 14 else r"\Huge" if length <= 18 else r"\huge"
    contact = [rf"\icontext{{MapMarker}}{{12}}{{{tex(place(document))}}}{{white}}",
               rf"\icontext{{MobilePhone}}{{12}}{{{tex(basics['phone'])}}}{{white}}",
               rf"\iconemail{{Send}}{{12}}{{{tex(basics['email'])}}}{{{basics['email']}}}{{white}}"]
    for url in links(document):
        icon = {"linkedin": "Linkedin", "github": "Github"}.get(network(url), "MousePointer")
        contact.append(rf"\iconhref{{{icon}}}{{12}}{{{tex(bare(url))}}}{{{url}}}{{white}}")
    lines = [head.rstrip(), "", r"\begin{document}",
             r"\fcolorbox{white}{white}{\begin{minipage}[c][0.95\textheight][t]{0.69\linewidth}", "",
             r"\vspace{-3pt}",
             rf"\colorbox{{bgcol}}{{\makebox[\mpwidth][c]{{{size}{{\textcolor{{white}}"
             rf"{{\uppercase{{{tex(basics['name'])}}}}} }} \textcolor{{sectcol}}{{\rule[-1mm]{{1mm}}{{0.9cm}}}} "
             rf"{size}{{\textcolor{{white}}{{\uppercase{{Resume}}}} }} }}}}", "",
             rf"\includegraphics[width=\linewidth]{{{image}}}", "",
             r"\transparent{0.85}%", r"\vspace{-130pt}", r"\hspace{0.4\linewidth}", r"\colorbox{bgcol}{",
             r"	\parbox{0.5\linewidth}{", r"		\transparent{1}%", r"		\begin{center}",
             rf"		\larrow{{sectcol}}\larrow{{sectcol}}\textcolor{{white}}{{{tex(basics['summary'])}}}",
             r"		\end{center}", "	}", "}", r"\vspace{60pt}", "", r"\cvsection{Status}", "",
             tex(basics["label"]), "", r"\vspace{12pt}", "", r"\cvsection{Experience}", ""]
    for job in document["work"]:
        lines += [rf"\cvevent{{{job_dates(job, document, ' - ')}}}{{{tex(job['position'])}}}{{{tex(job['name'])}}}"
                  rf"{{{_braced_items(job['highlights'])}}}", ""]
    lines += [r"\vspace{12pt}", r"\cvsection{Education}", ""]
    for school in document["education"]:
        lines += [rf"\cvevent{{{school['startDate'][:4]} - {school['endDate'][:4]}}}{{{tex(degree(school))}}}"
                  rf"{{{tex(school['institution'])}}}{{}}", ""]
    lines += [r"\end{minipage}}%",
              r"\fcolorbox{white}{sectcol}{\begin{minipage}[c][0.95\textheight][t]{0.33\linewidth}",
              "", r"\begin{metasection}{Contact}", ""]
    lines += [f"    {line}\\\\[6pt]" for line in contact]
    lines += ["", r"\end{metasection}", ""]
    for group in document["skills"]:
        lines += [rf"\begin{{metasection}}{{{tex(group['name'])}}}", "", r"\textcolor{white}{"]
        lines += [rf"	\icontext{{Code}}{{12}}{{{tex(keyword)}}}{{white}} \\[6pt]" for keyword in group["keywords"]]
        lines += ["}", r"\end{metasection}", ""]
    if document.get("languages"):
        lines += [r"\begin{metasection}{Languages}", "", r"\textcolor{white}{"]
        lines += [rf"	\icontext{{Comment}}{{12}}{{{tex(item['language'])} ({tex(item['fluency'].lower())})}}"
                  r"{white} \\[6pt]"
                  for item in document["languages"]]
        lines += ["}", r"\end{metasection}", ""]
    lines += [r"\end{minipage}}", "", r"\end{document}"]
    truth = typeset(rendered.truth_of(document, "", "", ""))
    return _latexcv_compile("\n".join(lines) + "\n", work, engine), {
        "links": links(document),
        "experience": [{**job, "location": ""} for job in truth["experience"]], "education": truth["education"]}


def latexcv_twocolumn(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """latexcv's "two_column" template (two_column/main.tex) as its example fills it, in
    Roboto Thin (A4, 10pt): the page head (fancyhdr), centred in small type, is the line
    "Name · Label · Place · email (orange, bold) · phone"; then pairs of half-page columns:
    a blue band of the given name and the surname in small capitals with an orange bar
    between them, over the header image (a grey stand-in; the example's QR code left out),
    beside "Summary"; "Status:" (the label) and the first skill group ("Group:" in orange
    after a blue arrow, the keywords beside it) beside the second group and "Languages:";
    "Education" beside "Experience" (the headings white on blue bands after three orange
    arrows), each entry "dates - Company" (or "years - Institution") in orange over the
    title (the degree) in bold and a light rule, then its highlights each in a row after a
    blue arrow. The example's \\cvevent takes exactly two such rows; it is redefined here
    with the same rows, one per highlight (none for a school). A blue band at the foot
    holds the web addresses, "·"-separated. No place of a job is shown."""
    basics = document["basics"]
    head, engine = _latexcv_preamble("two_column", document)
    image = _header_image(work)
    given, surname = basics["name"].split(" ", 1)
    header = [tex(basics["name"]), tex(basics["label"]), tex(place(document)),
              rf"\textcolor{{sectcol}}{{\textbf{{{tex(basics['email'])}}}}}", tex(basics["phone"])]
    groups = document["skills"]
    languages = ", ".join(f"{item['language']} ({item['fluency'].lower()})" for item in document.get("languages", []))

    def meta(label: str, text: str) -> str:
        return rf"\metasection{{{tex(label)}:}}{{{tex(text)}}}"

    def event(when: str, title: str, where: str, items: list[str]) -> str:
        return rf"\cvevent{{{when}}}{{{tex(title)}}}{{{tex(where)}}}{{" + "".join(
            rf"\larrow{{bgcol}} & {tex(item)} \\[2pt]" for item in items) + "}"

    left = [meta("Status", basics["label"])]
    left += [meta(group["name"], ", ".join(group["keywords"])) for group in groups[:1]]
    right = [meta(group["name"], ", ".join(group["keywords"])) for group in groups[1:]]
    if languages:
        right.append(meta("Languages", languages))
    lines = [head.rstrip(), "",
             # The head line of the example, the person's.
             r"\chead{ \small{" + r"  $\cdot$  ".join(header) + "}}",
             # The example's \cvevent with its two fixed highlight rows as a list of rows.
             r"\renewcommand{\cvevent}[4] {", r"\begin{flushleft}", r"\textcolor{sectcol}{#1 - #3}\\",
             r"\textbf{#2}\\[-7pt]", r"\textcolor{softcol}{\hrule}", r"\vspace{\spread}",
             r"\begin{tabular*}{1\linewidth}{p{0.001\linewidth} p{0.9\linewidth}}", "	#4", r"\end{tabular*}",
             r"\end{flushleft}", "}", "", r"\begin{document}", r"\pagestyle{fancy}",
             r"\begin{minipage}[t]{0.485\textwidth}", r"\vspace{\spread}",
             rf"\hspace{{-0.25\linewidth}}\colorbox{{bgcol}}{{\makebox[1.25\linewidth][c]{{\HUGE{{\textcolor{{white}}"
             rf"{{\textsc{{{tex(given)}}}}} }} \textcolor{{sectcol}}{{\rule[-1mm]{{1mm}}{{0.9cm}}}} "
             r"\HUGE{\textcolor{white}"
             rf"{{\textsc{{{tex(surname)}}}}} }} }}}}",
             rf"\hspace{{-0.25\linewidth}}\includegraphics[width=1.2725\linewidth]{{{image}}}",
             r"\normalsize", r"\vspace{20pt}", r"\end{minipage}", r"\hfill",
             r"\begin{minipage}[t]{0.485\textwidth}", r"\vspace{\spread}", r"\cvsection{Summary}\\",
             tex(basics["summary"]) + r"\\[-2pt]", r"\textcolor{softcol}{\hrule}", r"\end{minipage}", "",
             r"\begin{minipage}[t]{0.485\textwidth}", r"\vspace{\spread}", *left, r"\end{minipage}", r"\hfill",
             r"\begin{minipage}[t]{0.485\textwidth}", r"\vspace{5pt}", *right, r"\end{minipage}", "",
             r"\begin{minipage}[t]{0.485\textwidth}", r"\vspace{\spread}", r"\cvsection{Education}"]
    lines += [event(f"{school['startDate'][:4]} - {school['endDate'][:4]}", degree(school), school["institution"], [])
              for school in document["education"]]
    lines += [r"\end{minipage}", r"\hfill", r"\begin{minipage}[t]{0.485\textwidth}", r"\vspace{\spread}",
              r"\cvsection{Experience}"]
    lines += [event(job_dates(job, document, " - "), job["position"], job["name"], job["highlights"])
              for job in document["work"]]
    lines += [r"\end{minipage}", "", r"\null", r"\vspace*{\fill}",
              r"\hspace{-0.25\linewidth}\colorbox{bgcol}{\makebox[1.5\linewidth][c]{\mystrut  "
              + r" $\cdot$ ".join(rf"\textcolor{{white}}{{{tex(bare(url))}}}" for url in links(document)) + "}}",
              r"\end{document}"]
    truth = typeset(rendered.truth_of(document, "", "", ""))
    return _latexcv_compile("\n".join(lines) + "\n", work, engine), {
        "links": links(document),
        "experience": [{**job, "location": ""} for job in truth["experience"]], "education": truth["education"]}


# --- ntd/tccv ---------------------------------------------------------------------------------

def _sentences(items: list[str]) -> str:
    """Highlights as one paragraph of sentences."""
    return " ".join(tex(item if item.endswith(".") else item + ".") for item in items)


def tccv(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """tccv (Two Column Curriculum Vitae) as its examples (nicola.en.tex, fausto.en.tex)
    fill it, set by LuaLaTeX as the README's sample is (`lualatex nicola.en.tex`), 10pt,
    A4 (KOMA-Script's default): the name centred across the page (\\part) over
    the class's "Curriculum Vitae" in italics; then two columns of sections whose words
    the class capitalises (\\ucwords, under LuaTeX), dark red in small capitals over a
    rule: "Profile" (the summary, a paragraph: the examples have none, a user adds it),
    "Work experience" as the eventlist (the dates in small capitals flush right, then
    "Company, Place", then the title large in italics, then the highlights as one
    paragraph of sentences, as the examples describe a position), the \\personal box
    (a yellow box of pifont symbols before the place, phone, email and the web site,
    printed without its scheme), "Profiles" (a factlist: the network in small capitals
    beside the address), "Education" (a yearlist: years in small capitals beside the
    degree in bold, the institution in italics under it), "Communication skills" (the
    languages) and "Software skills" (one factlist item per skill group), as the
    examples name them. The class sets TeX Gyre Bonum under LuaLaTeX; a Cyrillic or Greek
    name (not in Bonum) is set in DejaVu Serif."""
    basics = document["basics"]
    shutil.copy(SOURCES / "ntd+tccv" / "tccv.cls", work)
    site = basics["url"]
    lines = [r"\documentclass[fontsize=10pt]{tccv}", r"\usepackage[english]{babel}"]
    if not latin(document):
        lines.append(r"\setmainfont{DejaVu Serif}")
    lines += ["", r"\begin{document}", "", rf"\part{{{tex(basics['name'])}}}", "",
              r"\section{Profile}", "", tex(basics["summary"]), "", r"\section{Work experience}", "",
              r"\begin{eventlist}", ""]
    for job in document["work"]:
        lines += [rf"\item{{{job_dates(job, document)}}}", f"     {{{tex(job['name'])}, {tex(job['location'])}}}",
                  f"     {{{tex(job['position'])}}}", "", _sentences(job["highlights"]), ""]
    lines += [r"\end{eventlist}", "", r"\personal"]
    if site:
        lines.append(f"    [{tex(bare(site))}]")
    lines += [f"    {{{tex(place(document))}}}", f"    {{{tex(basics['phone'])}}}", f"    {{{basics['email']}}}", ""]
    if basics["profiles"]:
        lines += [r"\section{Profiles}", "", r"\begin{factlist}"]
        lines += [rf"\item{{{tex(profile['network'])}}}{{\href{{{profile['url']}}}{{{tex(bare(profile['url']))}}}}}"
                  for profile in basics["profiles"]]
        lines += [r"\end{factlist}", ""]
    lines += [r"\section{Education}", "", r"\begin{yearlist}", ""]
    for school in document["education"]:
        lines += [rf"\item{{{school['startDate'][:4]} -- {school['endDate'][:4]}}}",
                  f"     {{{tex(degree(school))}}}", f"     {{{tex(school['institution'])}}}", ""]
    lines += [r"\end{yearlist}", ""]
    if document.get("languages"):
        lines += [r"\section{Communication skills}", "", r"\begin{factlist}"]
        lines += [rf"\item{{{tex(item['language'])}}}{{{tex(item['fluency'])}}}" for item in document["languages"]]
        lines += [r"\end{factlist}", ""]
    lines += [r"\section{Software skills}", "", r"\begin{factlist}", ""]
    lines += [rf"\item{{{tex(group['name'])}}}" + "\n     {" + tex(", ".join(group["keywords"])) + "}\n"
              for group in document["skills"]]
    lines += [r"\end{factlist}", "", r"\end{document}"]
    source_text = "\n".join(lines) + "\n"
    # LuaTeX's file identifier depends on the folder it writes in: one from the source.
    digest = hashlib.md5(source_text.encode("utf-8")).hexdigest().upper()
    source_text = rf"\pdfvariable trailerid {{[<{digest}> <{digest}>]}}" + "\n" + source_text
    truth = typeset(rendered.truth_of(document, "", "", ""))
    return compile_pdf(source_text, work, "lualatex", runs=2), {
        "links": links(document), "experience": truth["experience"], "education": truth["education"]}


# --- gradstudentresume (TeX Live) -----------------------------------------------------------

def gradstudentresume(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """gradstudentresume as its class file documents its commands (the package has no
    example document), pdfLaTeX in Computer Modern, 11pt, the class's margins (0.75 in at
    the sides, none above the text; the text laid out for article's letter paper, the page
    A4 as TeX Live's configuration in Debian sets it): the name centred in
    small capitals over labelled lines "Address: Place", "Telephone: ...", "Email: ..."
    (the info environment); headings in small capitals over a rule; "Summary" as a
    paragraph; "Education" as \\undergrad entries (the institution in bold with the dates
    at the right, the degree in italics under it; the school's place, its fourth argument,
    empty: the people's schools have none); "Experience" as desc environments (the title
    in bold with the dates at the right, "Company, Place" in italics under it, the
    highlights bulleted); "Skills" as bullets "Group: keywords" and the languages;
    "Links" (the web site and profile addresses, without scheme, bulleted): the class
    has no place for them in its header. A page number at the foot (its plain style). T1
    (cm-super) when a name has accented letters."""
    basics = document["basics"]
    # The class defines \medspace, which LaTeX has had since 2020 (a math space): the class's
    # \newcommand stops there, unless the kernel's is set aside first, as its users do.
    head, engine = article_engine("\\let\\medspace\\undefined\n\\documentclass[11pt]{gradstudentresume}\n", document)
    lines = [head.rstrip(), "", r"\begin{document}", "",
             rf"\begin{{info}}{{{tex(basics['name'])}}}{{{tex(place(document))}}}{{{tex(basics['phone'])}}}"
             rf"{{\href{{mailto:{basics['email']}}}{{{tex(basics['email'])}}}}}", r"\end{info}", "",
             r"\sectionheading{Summary}", tex(basics["summary"]), "", r"\medspace", "",
             r"\sectionheading{Education}", ""]
    for school in document["education"]:
        lines += [rf"\undergrad{{{tex(school['institution'])}}}{{{school_dates(school, document)}}}"
                  rf"{{{tex(degree(school))}}}{{}}{{}}", "", r"\smallspace", ""]
    lines += [r"\medspace", "", r"\sectionheading{Experience}", ""]
    for job in document["work"]:
        lines += [rf"\begin{{desc}}{{{tex(job['position'])}}}{{{job_dates(job, document)}}}"
                  rf"{{{tex(job['name'])}, {tex(job['location'])}}}"]
        lines += [rf"\item {tex(item)}" for item in job["highlights"]]
        lines += [r"\end{desc}", ""]
    lines += [r"\sectionheading{Skills}", r"\begin{wrapped}"]
    lines += [rf"\item \textbf{{{tex(group['name'])}}}: {tex(', '.join(group['keywords']))}"
              for group in document["skills"]]
    if document.get("languages"):
        lines.append(r"\item \textbf{Languages}: " + tex(", ".join(
            f"{item['language']} ({item['fluency'].lower()})" for item in document["languages"])))
    lines += [r"\end{wrapped}", ""]
    if links(document):
        lines += [r"\medspace", "", r"\sectionheading{Links}", r"\begin{wrapped}"]
        lines += [rf"\item \href{{{url}}}{{{tex(bare(url))}}}" for url in links(document)]
        lines += [r"\end{wrapped}", ""]
    lines.append(r"\end{document}")
    return compile_pdf("\n".join(lines) + "\n", work, engine), {"links": links(document)}


# --- dnl-blkv/mcdowell-cv ---------------------------------------------------------------------

MCDOWELL = "dnl-blkv+mcdowell-cv"
# The class asks fontspec for Times New Roman by name, which no free system has: fontspec's
# configuration file for that name (read from the working folder) sets Liberation Serif
# instead, made with Times New Roman's widths (so the template's line breaks), with Greek
# and Cyrillic letters. It has no small capitals: \textsc prints upper and lower case.
_TIMES_NEW_ROMAN = (r"\defaultfontfeatures[Times New Roman]{Path=/usr/share/fonts/truetype/liberation2/,"
                    r" Extension=.ttf, UprightFont=LiberationSerif-Regular, BoldFont=LiberationSerif-Bold,"
                    r" ItalicFont=LiberationSerif-Italic, BoldItalicFont=LiberationSerif-BoldItalic}")


def _mcdowell_header_lines(rows: list[list[str]], work: Path) -> list[int]:
    """How many lines each subsection header takes: its cells in bold, each in a third of
    the text width as the class's tabu sets them (a table cell's \\parfillskip, not the one
    of parskip's parfill option). The environment's optional argument must say so (its
    content overlaps a second header line otherwise), as a user sees and writes it; a
    measuring run of the class tells."""
    lines = [r"\documentclass[]{mcdowellcv}", r"\newcount\most", r"\newdimen\column", r"\begin{document}",
             r"\column=\dimexpr(\textwidth-6\tabcolsep)/3\relax"]
    for row in rows:
        lines.append(r"\most=1")
        lines += [rf"\setbox0=\vbox{{\hsize=\column\parfillskip=0pt plus 1fil\raggedright\bfseries {cell}\par"
                  r"\ifnum\prevgraf>\most\global\most=\prevgraf\fi}" for cell in row if cell]
        lines.append(r"\typeout{HEADER LINES \the\most}")
    compile_pdf("\n".join([*lines, r"\null", r"\end{document}"]) + "\n", work, "lualatex")  # \null: a page
    log = (work / "resume.log").read_text(encoding="utf-8", errors="replace")
    return [int(count) for count in re.findall(r"^HEADER LINES (\d+)$", log, re.MULTILINE)]


def mcdowell(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """McDowell CV (Gayle L. McDowell's CareerCup design) as its McDowell_CV_Template.tex
    fills it, set by LuaLaTeX as its README builds it, 11pt, the class's default US letter
    paper and 0.75 in side margins, one column: the header a row of three cells, the place
    small at the left (\\address), the name large, bold and letter-spaced in the centre (in
    \\textsc, which the font sets in upper and lower case), the contacts small and
    right-aligned, one a line (\\contacts: phone, email, then the web site and profile addresses without scheme,
    which the example's header has no place for); sections bold over a page-wide rule
    ("Employment", "Education", "Skills"), each entry a row of three bold cells, the
    title at the left, the company centred, the dates at the right, the highlights as
    bullets under it (no place: the example's rows have none, its education row has the
    school's place at the left, which the people's schools do not have: that cell is empty,
    the school centred, the degree a bullet); skills as bullets "**Group:** keywords" with
    semicolons, as the example's bullets of technologies and its bold-labelled bullets of
    awards. No summary: the example (and McDowell's design) has none. Email and addresses
    are kept whole (\\mbox): LuaTeX would hyphenate them in the narrow contacts cell, where
    long ones reach into the right margin instead. The class detects the platform without
    shell escape as "*NIX" and uses its non-Windows spacings. pdftotext reads a letter-spaced
    name with a kerned pair ("Tr", "Yo") as single letters ("P r i s c i l l a Tr a n"):
    poppler joins letters no further apart than 1.3 times the line's closest pair."""
    basics = document["basics"]
    shutil.copy(SOURCES / MCDOWELL / "mcdowellcv.cls", work)
    (work / "TimesNewRoman.fontspec").write_text(_TIMES_NEW_ROMAN + "\n", encoding="utf-8")
    contacts = [tex(basics["phone"]), rf"\mbox{{{tex(basics['email'])}}}"]
    contacts += [rf"\mbox{{{tex(bare(url))}}}" for url in links(document)]
    jobs = [[tex(job["position"]), tex(job["name"]), job_dates(job, document)] for job in document["work"]]
    schools = [["", tex(school["institution"]), school_dates(school, document)] for school in document["education"]]
    counts = iter(_mcdowell_header_lines(jobs + schools, work))

    def subsection(cells: list[str]) -> str:
        count = next(counts)
        return r"\begin{cvsubsection}" + (f"[{count}]" if count > 1 else "") + "".join(f"{{{c}}}" for c in cells)

    lines = [r"\documentclass[]{mcdowellcv}", "", rf"\name{{{tex(basics['name'])}}}",
             rf"\address{{{tex(place(document))}}}", r"\contacts{" + r" \linebreak ".join(contacts) + "}", "",
             r"\begin{document}", "", "\t" + r"\makeheader", "", "\t" + r"\begin{cvsection}{Employment}"]
    for cells, job in zip(jobs, document["work"], strict=True):
        lines += ["\t\t" + subsection(cells), "\t\t\t" + r"\begin{itemize}"]
        lines += ["\t\t\t\t" + rf"\item {tex(item)}" for item in job["highlights"]]
        lines += ["\t\t\t" + r"\end{itemize}", "\t\t" + r"\end{cvsubsection}", ""]
    lines += ["\t" + r"\end{cvsection}", "", "\t" + r"\begin{cvsection}{Education}"]
    for cells, school in zip(schools, document["education"], strict=True):
        lines += ["\t\t" + subsection(cells), "\t\t\t" + r"\begin{itemize}",
                  "\t\t\t\t" + rf"\item {tex(degree(school))}", "\t\t\t" + r"\end{itemize}",
                  "\t\t" + r"\end{cvsubsection}", ""]
    lines += ["\t" + r"\end{cvsection}", "", "\t" + r"\begin{cvsection}{Skills}",
              "\t\t" + r"\begin{cvsubsection}{}{}{}", "\t\t\t" + r"\begin{itemize}"]
    lines += ["\t\t\t\t" + rf"\item \textbf{{{tex(group['name'])}:}} {tex('; '.join(group['keywords']))}"
              for group in document["skills"]]
    lines += ["\t\t\t" + r"\end{itemize}", "\t\t" + r"\end{cvsubsection}", "\t" + r"\end{cvsection}", "",
              r"\end{document}"]
    source_text = "\n".join(lines) + "\n"
    # LuaTeX's file identifier depends on the folder it writes in: one from the source.
    digest = hashlib.md5(source_text.encode("utf-8")).hexdigest().upper()
    source_text = rf"\pdfvariable trailerid {{[<{digest}> <{digest}>]}}" + "\n" + source_text
    truth = typeset(rendered.truth_of(document, "", "", ""))
    return compile_pdf(source_text, work, "lualatex"), {
        "links": links(document), "experience": [{**job, "location": ""} for job in truth["experience"]],
        "education": truth["education"]}


# --- billryan/resume ------------------------------------------------------------------------

BILLRYAN = "billryan+resume"
# The class sets TeX Gyre Termes from its fonts/Main/ folder, with the small capitals of
# Fontin SmallCaps (exljbris' freeware, which the repository ships and no package has):
# TeX Gyre Termes' own small capitals (fonts-texgyre, GUST) instead. Greek and Cyrillic
# names are set in Tempora (TeX Live's tempora, a Times with those letters, GPL-2+ with
# font exception), which has no small capitals: \scshape prints upper and lower case.
_BILLRYAN_SMALL_CAPS = ("SmallCapsFont = Fontin-SmallCaps", "SmallCapsFeatures = {Letters = SmallCaps}")
TEX_GYRE = Path("/usr/share/texmf/fonts/opentype/public/tex-gyre")
_TEMPORA = (r"\setmainfont{Tempora}[Extension=.otf, UprightFont=*-Regular, BoldFont=*-Bold,"
            r" ItalicFont=*-Italic, BoldItalicFont=*-BoldItalic]")


def billryan(document: dict[str, Any], work: Path) -> tuple[bytes, dict[str, Any]]:
    """Bill Ryan's "elegant résumé" (resume.cls) as its English example resume.tex fills
    it, set by XeLaTeX as its Makefile does, 11pt, A4, page numbers off: the name centred,
    huge, in small capitals (\\name); one centred sans-serif line of icons before the email,
    the phone and the LinkedIn user name (\\basicInfo, linked); headings in large small
    capitals after an icon, over a rule; "Education" first, each school a \\datedsubsection
    (the institution in bold, its years at the right), "*Degree* in Area" under it; then
    "Experience", each job "**Company**, Place" with "dates" (the person's convention) at the
    right, the title in italics under it (\\role, its second part, the example's "Manager:
    xxx", left empty), the highlights as bullets; "Skills" as bullets "Group: keywords";
    "Miscellaneous" as the example's bullets "Website: URL", "GitHub: URL", "Languages:
    English - Fluent" (URLs printed in full). The example has no summary, no label and no
    personal place: none here. \\basicInfo is one \\centerline, which does not wrap."""
    basics = document["basics"]
    cls = (SOURCES / BILLRYAN / "resume.cls").read_text(encoding="utf-8")
    (work / "resume.cls").write_text(cls.replace(*_BILLRYAN_SMALL_CAPS), encoding="utf-8")
    (work / "fonts" / "Main").mkdir(parents=True)
    for shape in ("regular", "bold", "italic", "bolditalic"):
        shutil.copy(TEX_GYRE / f"texgyretermes-{shape}.otf", work / "fonts" / "Main")
    info = [rf"\email{{{basics['email']}}}", rf"\phone{{{tex(basics['phone'])}}}"]
    misc = [rf"\item Website: {tex(basics['url'])}"] if basics["url"] else []
    for item in basics["profiles"]:
        if network(item["url"]) == "linkedin":
            info.append(rf"\linkedin[{tex(handle(item['url']))}]{{{item['url']}}}")
        else:
            misc.append(rf"\item {tex(item['network'])}: {tex(item['url'])}")
    if document.get("languages"):
        misc.append(r"\item Languages: " + tex(", ".join(f"{item['language']} - {item['fluency']}"
                                                         for item in document["languages"])))
    lines = ["% !TEX program = xelatex", "", r"\documentclass{resume}"]
    if not latin(document):
        lines.append(_TEMPORA)
    lines += ["", r"\begin{document}", r"\pagenumbering{gobble} % suppress displaying page number", "",
              rf"\name{{{tex(basics['name'])}}}", "", r"\basicInfo{",
              " \\textperiodcentered\\ \n".join(f"  {item}" for item in info) + "}", "",
              r"\section{\faGraduationCap\ Education}"]
    for school in document["education"]:
        area = f" in {tex(school['area'])}" if school["area"] else ""
        lines += [rf"\datedsubsection{{\textbf{{{tex(school['institution'])}}}}}"
                  rf"{{{school['startDate'][:4]} -- {school['endDate'][:4]}}}",
                  rf"\textit{{{tex(school['studyType'])}}}{area}"]
    lines += ["", r"\section{\faUsers\ Experience}"]
    for job in document["work"]:
        lines += [rf"\datedsubsection{{\textbf{{{tex(job['name'])}}}, {tex(job['location'])}}}"
                  rf"{{{job_dates(job, document)}}}", rf"\role{{{tex(job['position'])}}}{{}}", r"\begin{itemize}"]
        lines += [rf"  \item {tex(item)}" for item in job["highlights"]]
        lines += [r"\end{itemize}", ""]
    lines += [r"\section{\faCogs\ Skills}", r"\begin{itemize}[parsep=0.5ex]"]
    lines += [rf"  \item {tex(group['name'])}: {tex(', '.join(group['keywords']))}" for group in document["skills"]]
    lines.append(r"\end{itemize}")
    if misc:
        lines += ["", r"\section{\faInfo\ Miscellaneous}", r"\begin{itemize}[parsep=0.5ex]",
                  *[f"  {item}" for item in misc], r"\end{itemize}"]
    lines += ["", r"\end{document}"]
    truth = typeset(rendered.truth_of(document, "", "", ""))
    return compile_pdf("\n".join(lines) + "\n", work, "xelatex"), {
        "location": "", "links": links(document), "experience": truth["experience"], "education": truth["education"]}


# --- the families -----------------------------------------------------------------------------

RENDERERS: dict[str, Callable[[dict[str, Any], Path], tuple[bytes, dict[str, Any]]]] = {
    "latex-awesomecv": awesomecv,
    "latex-jake": jake,
    "latex-deedy": deedy,
    "latex-sb2nov": sb2nov,
    "latex-europecv": europecv,
    "latex-simplecv": simplecv,
    "latex-altacv": altacv,
    "latex-curve": curve,
    "latex-europasscv": europasscv,
    "latex-moderntimeline": moderntimeline,
    "latex-pascv": pascv,
    "latex-currvita": currvita,
    "latex-readablecv": readablecv,
    "latex-twentyseconds": twentyseconds,
    "latex-harnoncv": harnoncv,
    "latex-friggeri": friggeri,
    "latex-yaac": yaac,
    "latex-limecv": limecv,
    "latex-latexcv-sidebar": latexcv_sidebar,
    "latex-latexcv-twocolumn": latexcv_twocolumn,
    "latex-tccv": tccv,
    "latex-gradstudentresume": gradstudentresume,
    "latex-mcdowell": mcdowell,
    "latex-billryan": billryan,
}


def squash(text: str) -> str:
    # TeX sets ' as a typographic apostrophe: compare them as one.
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def pdf_text(pdf: Path, *options: str) -> str:
    return squash(subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True,
                                 check=True).stdout)


def in_order(words: list[str], text: list[str]) -> bool:
    found = iter(text)
    return all(any(word == token for token in found) for word in words)


def check(family: families.Family) -> tuple[int, int, list[str]]:
    """pdftotext -layout of each file must hold the truth's name, email, companies, titles
    and institutions (whitespace collapsed, case-insensitive). Values missing there are
    looked up as words in order, which tells a value wrapped inside a narrow column (its
    lines interleaved with the other column's by -layout) from a missing one."""
    passed, total, problems = 0, 0, []
    for truth_path in sorted((families.TRUTHS / family.name).glob("*.json")):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        pdf = families.FILES / family.name / next(f for f in truth["files"] if f.endswith(".pdf"))
        text = pdf_text(pdf, "-layout")
        wanted = [truth["name"], truth["email"]]
        wanted += [job[key] for job in truth["experience"] for key in ("company", "title")]
        wanted += [school["institution"] for school in truth["education"]]
        missing = [value for value in wanted if squash(value) not in text]
        total += 1
        if missing:
            wrapped = [value for value in missing if in_order(squash(value).split(), text.split())]
            problems.append(f"{pdf.name}: not in -layout text {missing}"
                            + (f"; its words in order (wrapped in a narrow column, lines interleaved with the"
                               f" other column's): {wrapped}" if wrapped else ""))
        else:
            passed += 1
    return passed, total, problems


TEMPLATE_REPOSITORIES = {"latex-jake": "jakegut+resume", "latex-sb2nov": "sb2nov+resume",
                         "latex-awesomecv": "posquit0+Awesome-CV", "latex-deedy": "deedy+Deedy-Resume",
                         "latex-altacv": "liantze+AltaCV",
                         "latex-twentyseconds": "spagnuolocarmine+TwentySecondsCurriculumVitae-LaTex",
                         "latex-friggeri": "depressiveRobot+friggeri-cv-a4",
                         "latex-yaac": "darwiin+yaac-another-awesome-cv",
                         "latex-limecv": "opieters+limecv",
                         "latex-latexcv-sidebar": LATEXCV, "latex-latexcv-twocolumn": LATEXCV,
                         "latex-tccv": "ntd+tccv", "latex-mcdowell": MCDOWELL,
                         "latex-billryan": BILLRYAN}


def build(names: list[str] | None = None, sources: Path | None = None) -> None:
    global SOURCES
    if sources:
        SOURCES = sources
    names = names or [family.name for family in families.FAMILIES if family.toolchain == "latex"]
    for name in names:
        if name in TEMPLATE_REPOSITORIES and not (SOURCES / TEMPLATE_REPOSITORIES[name]).is_dir():
            sys.exit(f"{name}: no checkout {SOURCES / TEMPLATE_REPOSITORIES[name]} (see the docstring)")
    for name in names:
        family = families.BY_NAME[name]
        if name not in RENDERERS:
            print(f"{name}: no renderer", file=sys.stderr)
            continue
        for folder in (families.FILES / name, families.TRUTHS / name):
            if folder.exists():
                shutil.rmtree(folder)
        for stem, document in families.people(family):
            with tempfile.TemporaryDirectory() as temporary:
                pdf, shown = RENDERERS[name](document, Path(temporary))
            families.save(family, stem, document, {f"{stem}.pdf": pdf}, **shown)
        passed, total, problems = check(family)
        print(f"{name}: {passed}/{total} files pass the pdftotext check")
        for problem in problems:
            print("   ", problem)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, help="template checkouts (default $LATEX_TEMPLATES)")
    parser.add_argument("family", nargs="*", help="families to render (default: all LaTeX families)")
    arguments = parser.parse_args()
    build(arguments.family, arguments.sources)
