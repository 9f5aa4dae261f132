"""Renders a multilingual truth (people.py) into PDF and DOCX layouts.

Layouts:
- "pdf:onecol": one column, fpdf2 core fonts; the title bold with its dates right-aligned,
  the employer and city below, headings in capitals.
- "pdf:europass": the Europass CV as europecv sets it: a left column of labels, dates and
  section names, right-aligned against a rule, beside the content column; the name on the
  line of "personal information", contact rows labelled in the left column.
- "docx:standard": Word headings, "Title, Employer" in bold, a line of city and dates.
- "docx:europass": the Europass layout as a two-column borderless table (as the Word
  template of Europass builds it).

Core fonts with cp1252 cover every character of the six languages' pools.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from fpdf import FPDF

from tests.multilingual.people import POOLS, Pools, written_date, written_span

LAYOUTS = ("pdf:onecol", "pdf:europass", "docx:standard", "docx:europass")

_MARGIN, _WIDTH, _TOP, _BOTTOM = 15.0, 180.0, 15.0, 280.0
_LABEL_WIDTH = 52.0  # the Europass label column
_GAP = 5.0


def _headings(truth: dict[str, Any]) -> dict[str, str]:
    return POOLS[truth["language"]].headings[truth["style"]["headings"]]


def _school_dates(school: dict[str, Any], pools: Pools, style: dict[str, Any], index: int) -> str:
    # Half the people give only the year they graduated.
    if index % 2:
        return written_date(school["end"], pools, style)
    return written_span(school["start"], school["end"], pools, style)


def _skill_lines(truth: dict[str, Any]) -> list[str]:
    return [f"{label}: {', '.join(items)}" for label, items in truth["skills"].items()]


class _Pdf:
    """A cursor over an A4 fpdf2 document that starts a page when one fills up."""

    def __init__(self, family: str) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.core_fonts_encoding = "cp1252"
        self.pdf.set_auto_page_break(False)
        self.pdf.add_page()
        self.family = family
        self.y = _TOP

    def row(self, text: str, *, x: float = _MARGIN, width: float = _WIDTH, style: str = "", size: float = 10,
            right: str = "", left: str = "", left_style: str = "", height: float = 5.2, before: float = 0.0) -> None:
        self.y += before
        if self.y + height > _BOTTOM:
            self.pdf.add_page()
            self.y = _TOP
        if left:  # the Europass label column, right-aligned against the content
            self.pdf.set_font(self.family, left_style, 9)
            self.pdf.set_xy(_MARGIN, self.y)
            self.pdf.cell(_LABEL_WIDTH - _GAP, height, left, align="R")
        self.pdf.set_font(self.family, style, size)
        self.pdf.set_xy(x, self.y)
        self.pdf.cell(width, height, text)
        if right:
            self.pdf.set_font(self.family, "", 10)
            self.pdf.set_xy(x, self.y)
            self.pdf.cell(width, height, right, align="R")
        self.y += height

    def wrapped(self, text: str, *, x: float = _MARGIN, width: float = _WIDTH, indent: str = "") -> None:
        self.pdf.set_font(self.family, "", 10)
        lines = self.pdf.multi_cell(width, 5, text, dry_run=True, output="LINES")
        for number, line in enumerate(lines):
            self.row((indent if number else "") + line.encode("latin-1").decode("cp1252"), x=x, width=width)

    def rule(self, x: float, width: float) -> None:
        self.pdf.line(x, self.y + 1, x + width, self.y + 1)
        self.y += 2

    def output(self) -> bytes:
        return bytes(self.pdf.output())


def _onecol_pdf(truth: dict[str, Any], index: int) -> bytes:
    pools, style, headings = POOLS[truth["language"]], truth["style"], _headings(truth)
    doc = _Pdf(("Helvetica", "Times")[index % 2])
    doc.row(truth["name"], style="B", size=20, height=10)
    doc.row("  |  ".join([truth["email"], truth["phone"], truth["location"]]))

    def heading(kind: str) -> None:
        doc.row(headings[kind].upper(), style="B", size=12, height=8, before=3)

    heading("summary")
    doc.wrapped(truth["summary"])
    heading("experience")
    for job in truth["experience"]:
        doc.row(job["title"], style="B", right=written_span(job["start"], job["end"], pools, style), before=1.5)
        doc.row(f"{job['company']}, {job['location']}", style="I")
        for line in job["highlights"]:
            doc.wrapped(f"• {line}", indent="   ")
    heading("education")
    for school in truth["education"]:
        doc.row(school["degree"], style="B", right=_school_dates(school, pools, style, index), before=1.5)
        doc.row(f"{school['institution']}, {school['location']}", style="I")
    heading("skills")
    for line in _skill_lines(truth):
        doc.wrapped(line)
    heading("languages")
    doc.wrapped(", ".join(truth["languages"]))
    return doc.output()


def _europass_pdf(truth: dict[str, Any], index: int) -> bytes:
    pools, style, labels = POOLS[truth["language"]], truth["style"], POOLS[truth["language"]].europass
    doc = _Pdf(("Helvetica", "Times")[index % 2])
    x, width = _MARGIN + _LABEL_WIDTH, _WIDTH - _LABEL_WIDTH
    doc.row("Curriculum vitae", x=_MARGIN, style="B", size=14, height=8)
    doc.row(truth["name"], x=x, width=width, style="B", size=16, height=9, left=labels["personal"].upper(),
            left_style="B", before=4)
    for label, value in (("address", truth["location"]), ("phone", truth["phone"]), ("email", truth["email"])):
        doc.row(value, x=x, width=width, left=labels[label])

    def section(kind: str) -> None:
        doc.row("", x=x, width=width, left=labels[kind].upper(), left_style="B", before=5)
        doc.rule(x, width)

    section("experience")
    for job in truth["experience"]:
        doc.row(job["title"], x=x, width=width, style="B", before=2,
                left=written_span(job["start"], job["end"], pools, style))
        doc.row(f"{job['company']}, {job['location']}", x=x, width=width)
        for line in job["highlights"]:
            doc.wrapped(f"• {line}", x=x, width=width, indent="   ")
    section("education")
    for school in truth["education"]:
        doc.row(school["degree"], x=x, width=width, style="B", before=2,
                left=_school_dates(school, pools, style, index))
        doc.row(f"{school['institution']}, {school['location']}", x=x, width=width)
    section("skills")
    for line in _skill_lines(truth):
        doc.wrapped(line, x=x, width=width)
    doc.row(", ".join(truth["languages"]), x=x, width=width, left=labels["languages"], before=2)
    return doc.output()


def _standard_docx(truth: dict[str, Any], index: int) -> bytes:
    pools, style, headings = POOLS[truth["language"]], truth["style"], _headings(truth)
    document = Document()
    document.add_paragraph(truth["name"], style="Title")
    document.add_paragraph(" · ".join([truth["location"], truth["phone"], truth["email"]]))
    document.add_heading(headings["summary"], level=1)
    document.add_paragraph(truth["summary"])
    document.add_heading(headings["experience"], level=1)
    for job in truth["experience"]:
        document.add_paragraph().add_run(f"{job['title']}, {job['company']}").bold = True
        document.add_paragraph(f"{job['location']} | {written_span(job['start'], job['end'], pools, style)}")
        for line in job["highlights"]:
            document.add_paragraph(line, style="List Bullet")
    document.add_heading(headings["education"], level=1)
    for school in truth["education"]:
        document.add_paragraph(f"{school['degree']}, {school['institution']}\t"
                               f"{_school_dates(school, pools, style, index)}")
    document.add_heading(headings["skills"], level=1)
    for line in _skill_lines(truth):
        document.add_paragraph(line)
    document.add_heading(headings["languages"], level=1)
    document.add_paragraph(", ".join(truth["languages"]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _europass_docx(truth: dict[str, Any], index: int) -> bytes:
    pools, style, labels = POOLS[truth["language"]], truth["style"], POOLS[truth["language"]].europass
    document = Document()
    table = document.add_table(rows=0, cols=2)

    def row(left: str, *right: str, bold_left: bool = False, bold_right: bool = False) -> None:
        cells = table.add_row().cells
        paragraph = cells[0].paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = paragraph.add_run(left)
        run.bold, run.font.size = bold_left, Pt(9)
        for number, text in enumerate(right):
            target = cells[1].paragraphs[0] if number == 0 else cells[1].add_paragraph()
            target.add_run(text).bold = bold_right and number == 0

    row(labels["personal"].upper(), truth["name"], bold_left=True, bold_right=True)
    for label, value in (("address", truth["location"]), ("phone", truth["phone"]), ("email", truth["email"])):
        row(labels[label], value)
    row(labels["experience"].upper(), bold_left=True)
    for job in truth["experience"]:
        row(written_span(job["start"], job["end"], pools, style), job["title"],
            f"{job['company']}, {job['location']}", *(f"• {line}" for line in job["highlights"]), bold_right=True)
    row(labels["education"].upper(), bold_left=True)
    for school in truth["education"]:
        row(_school_dates(school, pools, style, index), school["degree"],
            f"{school['institution']}, {school['location']}", bold_right=True)
    row(labels["skills"].upper(), *_skill_lines(truth), bold_left=True)
    row(labels["languages"], ", ".join(truth["languages"]))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_RENDERERS = {"pdf:onecol": _onecol_pdf, "pdf:europass": _europass_pdf, "docx:standard": _standard_docx,
              "docx:europass": _europass_docx}


def render(truth: dict[str, Any], layout: str, index: int) -> bytes:
    """The file of one truth in one layout; `index` varies small choices (font, school dates)."""
    return _RENDERERS[layout](truth, index)
