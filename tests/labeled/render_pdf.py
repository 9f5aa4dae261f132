"""Renders a Resume into PDF layouts with fpdf2.

Layouts: "classic" (one column, dates right-aligned on the title line), "stacked"
(company and location, then title and dates), "date-column" (dates in a left column
beside each entry, as moderncv does), "sidebar" (contact, skills and languages in a
left sidebar written after the main column, as HTML-to-PDF tools emit it) and
"sidebar-interleaved" (the same page drawn row by row across both columns, as table
layouts emit it, which interleaves the columns in the content stream).

Core fonts with cp1252 keep the files small and need no font file on the machine;
truths whose text cp1252 cannot encode are rendered to DOCX only (see cases.py).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from fpdf import FPDF

from tests.labeled.content import Resume, shown_link

LAYOUTS = ("classic", "stacked", "date-column", "sidebar", "sidebar-interleaved")

_STYLES = {  # style -> (font style, size, line height in mm)
    "name": ("B", 20, 10), "heading": ("B", 12, 8), "bold": ("B", 10, 5.2), "italic": ("I", 10, 5.2),
    "normal": ("", 10, 5.2), "bullet": ("", 10, 5.2),
}
_TOP, _BOTTOM, _MARGIN, _PAGE_WIDTH = 15.0, 280.0, 15.0, 210.0
_DATE_COLUMN = 52.0
_SIDEBAR = 58.0
_GUTTER = 8.0


@dataclass
class Row:
    segments: list[tuple[str, str | None]]  # (text, link target)
    style: str = "normal"
    right: str = ""  # drawn right-aligned on the same line
    left: str = ""  # drawn in the date column
    space_before: float = 0.0


@dataclass
class _Cursor:
    x: float
    width: float
    page: int = 1
    y: float = _TOP
    pending: list[Row] = field(default_factory=list)


def _text(text: str, style: str = "normal", **options) -> Row:
    return Row([(text, None)], style, **options)


def _contact_row(resume: Resume, links_as_labels: bool) -> Row:
    segments: list[tuple[str, str | None]] = [(resume.email, f"mailto:{resume.email}"), (resume.phone, None),
                                              (resume.location, None)]
    for url in resume.links:
        label = shown_link(url)
        if links_as_labels and "linkedin.com" in url:
            label = "LinkedIn"
        segments.append((label, url))
    separated: list[tuple[str, str | None]] = []
    for segment in segments:
        if separated:
            separated.append(("  |  ", None))
        separated.append(segment)
    return Row(separated)


def _heading(text: str) -> Row:
    return _text(text, "heading", space_before=3)


def _bullets(items: list[str]) -> list[Row]:
    return [_text(f"• {item}", "bullet") for item in items]


def _jobs(resume: Resume, layout: str) -> list[Row]:
    rows = [_heading(resume.headings["experience"])]
    for job in resume.jobs:
        if layout == "stacked":
            rows += [_text(job.company, "bold", right=job.location, space_before=1.5),
                     _text(job.title, "italic", right=job.dates)]
        elif layout == "date-column":
            rows += [_text(job.title, "bold", left=job.dates, space_before=1.5),
                     _text(f"{job.company}, {job.location}" if job.location != "Remote" else
                           f"{job.company} (Remote)", "italic")]
        elif layout.startswith("sidebar"):
            rows += [_text(f"{job.title} at {job.company}", "bold", space_before=1.5),
                     _text(f"{job.dates}  |  {job.location}", "italic")]
        else:
            rows.append(_text(f"{job.title} | {job.company} | {job.location}", "bold", right=job.dates,
                              space_before=1.5))
        rows += _bullets(job.highlights)
    return rows


def _schools(resume: Resume, layout: str) -> list[Row]:
    rows = [_heading(resume.headings["education"])]
    for school in resume.schools:
        if layout == "date-column":
            rows += [_text(school.degree, "bold", left=school.dates, space_before=1.5),
                     _text(f"{school.institution}, {school.location}", "italic")]
        else:
            rows += [_text(school.institution, "bold", right=school.location, space_before=1.5),
                     _text(school.degree, "italic", right=school.dates)]
        if school.gpa:
            rows.append(_text(school.gpa))
    return rows


def _skills(resume: Resume, in_sidebar: bool) -> list[Row]:
    rows = [_heading(resume.headings["skills"])]
    for label, items in resume.skills.items():
        if in_sidebar:
            rows += [_text(label, "bold"), _text(", ".join(items))]
        else:
            rows.append(_text(f"{label}: {', '.join(items)}"))
    return rows


def _extras(resume: Resume) -> list[Row]:
    rows = [_heading("Languages"), _text(resume.language_line())]
    if resume.certifications:
        rows += [_heading("Certifications"), *_bullets(resume.certifications)]
    return rows


def _columns(resume: Resume, layout: str) -> list[list[Row]]:
    summary = [_heading(resume.summary_heading), _text(resume.summary)]
    if not layout.startswith("sidebar"):
        return [[_text(resume.name, "name"), _contact_row(resume, layout == "stacked"), *summary,
                 *_jobs(resume, layout), *_schools(resume, layout), *_skills(resume, False), *_extras(resume)]]
    contact = [_heading("Contact"), _text(resume.email), _text(resume.phone), _text(resume.location)]
    contact += [Row([(shown_link(url), url)]) for url in resume.links]
    main = [_text(resume.name, "name"), *summary, *_jobs(resume, layout), *_schools(resume, layout)]
    side = [*contact, *_skills(resume, True), *_extras(resume)]
    return [main, side]


def render_pdf(resume: Resume, layout: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(False)
    pdf.set_title(f"{resume.name} - Resume")
    family = ("Helvetica", "Times")[resume.index % 2]
    pdf.add_page()
    columns = _columns(resume, layout)
    full = _PAGE_WIDTH - 2 * _MARGIN
    if len(columns) == 1:
        cursors = [_Cursor(_MARGIN, full)]
    else:  # the main column on the right of the sidebar
        cursors = [_Cursor(_MARGIN + _SIDEBAR + _GUTTER, full - _SIDEBAR - _GUTTER), _Cursor(_MARGIN, _SIDEBAR)]
    for cursor, rows in zip(cursors, columns, strict=True):
        cursor.pending = [wrapped for row in rows for wrapped in _wrap(pdf, family, row, cursor.width)]
    if layout == "sidebar-interleaved":
        for pair in itertools.zip_longest(*(cursor.pending for cursor in cursors)):
            for cursor, row in zip(cursors, pair, strict=True):
                if row is not None:
                    _draw(pdf, family, cursor, row)
    else:
        for cursor in cursors:
            for row in cursor.pending:
                _draw(pdf, family, cursor, row)
    return bytes(pdf.output())


def _set_font(pdf: FPDF, family: str, style: str) -> None:
    font_style, size, _ = _STYLES[style]
    pdf.set_font(family, font_style, size)


def _wrap(pdf: FPDF, family: str, row: Row, width: float) -> list[Row]:
    """Rows of one line each: a long single-segment row becomes several, bullets keep
    their hanging indent."""
    if len(row.segments) > 1 or row.style == "name":
        return [row]
    _set_font(pdf, family, row.style)
    available = width - (_DATE_COLUMN if row.left else 0) - (pdf.get_string_width(row.right) + 4 if row.right else 0)
    text, link = row.segments[0]
    # The dry run answers in the font's encoding; the drawing calls encode again.
    lines = [line.encode("latin-1").decode("cp1252")
             for line in pdf.multi_cell(available, 5, text, dry_run=True, output="LINES")]
    rows = [Row([(lines[0], link)], row.style, row.right, row.left, row.space_before)]
    for line in lines[1:]:
        rows.append(Row([(("   " if row.style == "bullet" else "") + line, link)], row.style))
    return rows


def _draw(pdf: FPDF, family: str, cursor: _Cursor, row: Row) -> None:
    height = _STYLES[row.style][2]
    cursor.y += row.space_before
    if cursor.y + height > _BOTTOM:
        cursor.page += 1
        cursor.y = _TOP
    while pdf.pages_count < cursor.page:
        pdf.page = pdf.pages_count
        pdf.add_page()
    pdf.page = cursor.page
    x = cursor.x
    if row.left:
        _set_font(pdf, family, "normal")
        pdf.set_xy(x, cursor.y)
        pdf.cell(_DATE_COLUMN - 2, height, row.left)
        x += _DATE_COLUMN
    _set_font(pdf, family, row.style)
    pdf.set_xy(x, cursor.y)
    for text, link in row.segments:
        pdf.cell(pdf.get_string_width(text), height, text, link=link or "")
    if row.right:
        pdf.set_xy(cursor.x, cursor.y)
        pdf.cell(cursor.width, height, row.right, align="R")
    cursor.y += height
