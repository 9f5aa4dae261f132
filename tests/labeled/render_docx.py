"""Renders a Resume into DOCX layouts with python-docx.

Layouts: "tables" (contact, entries and skills in layout tables), "header" (name and
contact only in the page header), "textbox" (contact, summary and skills in floating
text boxes) and "plain" (bold paragraphs for headings, contact repeated in the footer).
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocumentType

from tests.helpers.docx_resumes import hyperlink, text_box
from tests.labeled.content import Resume, shown_link

LAYOUTS = ("tables", "header", "textbox", "plain")


def _heading(document: DocumentType, text: str, layout: str) -> None:
    if layout == "plain":  # no heading style: the words alone must tell it is a heading
        document.add_paragraph().add_run(text.upper()).bold = True
    else:
        document.add_heading(text, level=1)


def _bullets(document: DocumentType, items: list[str]) -> None:
    for item in items:
        document.add_paragraph(item, style="List Bullet")


def _links(paragraph, resume: Resume, *, labels: bool) -> None:
    for number, url in enumerate(resume.links):
        if number or paragraph.text:
            paragraph.add_run(" | ")
        label = shown_link(url)
        if labels and ("linkedin.com" in url or "github.com" in url):
            label = "LinkedIn" if "linkedin.com" in url else "GitHub"
        hyperlink(paragraph, url, label)


def _contact(document: DocumentType, resume: Resume, layout: str) -> None:
    items = [resume.email, resume.phone, resume.location]
    if layout == "header":
        header = document.sections[0].header
        header.paragraphs[0].text = resume.name
        _links(header.add_paragraph(" · ".join(items) + " · "), resume, labels=False)
        return
    document.add_paragraph(resume.name, style="Title")
    if layout == "tables":
        cells = document.add_table(rows=1, cols=3).rows[0].cells
        for cell, item in zip(cells, items, strict=True):
            cell.text = item
        _links(document.add_paragraph(), resume, labels=True)
    elif layout == "textbox":
        text_box(document.add_paragraph(), *items, *(shown_link(url) for url in resume.links))
    else:
        _links(document.add_paragraph(" • ".join(items) + " • "), resume, labels=True)
        footer = document.sections[0].footer
        footer.paragraphs[0].text = f"{resume.name} – {resume.email} – {resume.phone}"


def _jobs(document: DocumentType, resume: Resume, layout: str) -> None:
    _heading(document, resume.headings["experience"], layout)
    for job in resume.jobs:
        if layout == "tables":
            table = document.add_table(rows=2, cols=2)
            cells = ((job.company, job.dates), (job.title, job.location))
            for row, (left, right) in zip(table.rows, cells, strict=True):
                row.cells[0].text, row.cells[1].text = left, right
        elif layout == "header":
            document.add_paragraph().add_run(f"{job.title}, {job.company}").bold = True
            document.add_paragraph(f"{job.location} | {job.dates}")
        elif layout == "textbox":
            document.add_paragraph(f"{job.company} — {job.title}\t{job.dates}")
        else:
            document.add_paragraph().add_run(job.title).bold = True
            document.add_paragraph(f"{job.company}, {job.location}")
            document.add_paragraph(job.dates)
        _bullets(document, job.highlights)


def _schools(document: DocumentType, resume: Resume, layout: str) -> None:
    _heading(document, resume.headings["education"], layout)
    for school in resume.schools:
        if layout == "tables":
            table = document.add_table(rows=2, cols=2)
            for row, (left, right) in zip(table.rows, ((school.institution, school.dates),
                                                       (school.degree, school.location)), strict=True):
                row.cells[0].text, row.cells[1].text = left, right
        else:
            document.add_paragraph(f"{school.degree}, {school.institution}\t{school.dates}")
        if school.gpa:
            document.add_paragraph(school.gpa)


def _skills(document: DocumentType, resume: Resume, layout: str) -> None:
    _heading(document, resume.headings["skills"], layout)
    lines = [f"{label}: {', '.join(items)}" for label, items in resume.skills.items()]
    if layout == "tables":
        table = document.add_table(rows=0, cols=2)
        for label, items in resume.skills.items():
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, ", ".join(items)
    elif layout == "textbox":
        text_box(document.add_paragraph(), *lines)
    else:
        for line in lines:
            document.add_paragraph(line)


def render_docx(resume: Resume, layout: str) -> bytes:
    document = Document()
    _contact(document, resume, layout)
    _heading(document, resume.summary_heading, layout)
    if layout == "textbox":
        text_box(document.add_paragraph(), resume.summary)
    else:
        document.add_paragraph(resume.summary)
    _jobs(document, resume, layout)
    _schools(document, resume, layout)
    _skills(document, resume, layout)
    _heading(document, "Languages", layout)
    document.add_paragraph(resume.language_line())
    if resume.certifications:
        _heading(document, "Certifications", layout)
        _bullets(document, resume.certifications)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
