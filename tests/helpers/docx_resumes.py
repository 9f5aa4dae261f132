"""Renders a resume dictionary into DOCX bytes the way word processors lay resumes out:
contact details in the page header, the summary in a text box, experience as
paragraphs with bulleted highlights, education as a table, skills in a nested table."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

SAMPLE: dict[str, Any] = {
    "name": "Maria Lopez",
    "email": "maria.lopez@example.org",
    "phone": "(512) 555-0143",
    "location": "Austin, TX",
    "linkedin": "https://www.linkedin.com/in/maria-lopez-dev",
    "summary": "Backend engineer with eight years of experience building payment systems in Go and Python.",
    "experience": [
        {"title": "Senior Software Engineer", "company": "Stripe", "location": "Remote",
         "dates": "Mar 2020 – Present",
         "highlights": ["Built a ledger service in Go handling 40k requests per second",
                        "Moved batch jobs from cron to Airflow on k8s"]},
        {"title": "Software Engineer", "company": "Dell Technologies", "location": "Round Rock, TX",
         "dates": "06/2016 – 02/2020",
         "highlights": ["Maintained Django services backed by Postgres",
                        "Introduced unit testing with pytest across four teams"]},
    ],
    "education": [
        {"institution": "The University of Texas at Austin", "degree": "B.S. in Computer Science",
         "dates": "2012 – 2016", "gpa": "3.8/4.0"},
    ],
    "skills": {"Languages": "Go, Python, JS, SQL", "Infrastructure": "Kubernetes, Terraform, AWS"},
    "languages": "English (native), Spanish (fluent)",
    "certifications": ["AWS Certified Solutions Architect – Associate (2021)"],
}


def text_box(paragraph, *lines: str) -> None:
    """Appends a floating text box holding `lines`, written as Word does: DrawingML with
    a VML fallback repeating the same text."""
    paragraphs = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in lines)
    content = f'<w:txbxContent {nsdecls("w")}>{paragraphs}</w:txbxContent>'
    namespaces = (f'{nsdecls("w", "a", "wp")} xmlns:v="urn:schemas-microsoft-com:vml" '
                  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    run = parse_xml(
        f"<w:r {namespaces}><mc:AlternateContent>"
        f'<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r>")
    paragraph._p.append(run)


def hyperlink(paragraph, url: str, text: str) -> None:
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = parse_xml(f'<w:hyperlink {nsdecls("w", "r")} r:id="{rel_id}"><w:r><w:t>{escape(text)}</w:t></w:r>'
                     f'</w:hyperlink>')
    paragraph._p.append(link)


def build_docx(resume: dict[str, Any], *, contact_in_header: bool = True, contact_in_body: bool = True,
               modified: datetime | None = None) -> bytes:
    document = Document()
    # Word writes the time of saving; python-docx would keep its template's (December 2013),
    # which the analysis would take as the day the resume was written.
    document.core_properties.modified = modified or datetime.now(UTC)
    contact = f"{resume['email']} | {resume['phone']} | {resume['location']}"
    if contact_in_header:
        header = document.sections[0].header
        header.paragraphs[0].text = resume["name"]
        header.add_paragraph(contact)

    document.add_paragraph(resume["name"], style="Title")
    if contact_in_body:
        line = document.add_paragraph(contact + " | ")
        hyperlink(line, resume["linkedin"], "LinkedIn")
    else:
        hyperlink(document.add_paragraph(resume["location"] + " | "), resume["linkedin"], "LinkedIn")

    document.add_heading("Summary", level=1)
    text_box(document.add_paragraph(), resume["summary"])

    document.add_heading("Work Experience", level=1)
    for job in resume["experience"]:
        document.add_paragraph(f"{job['title']}, {job['company']} – {job['location']}\t{job['dates']}")
        for highlight in job["highlights"]:
            document.add_paragraph(highlight, style="List Bullet")

    document.add_heading("Education", level=1)
    table = document.add_table(rows=0, cols=2)
    for school in resume["education"]:
        cells = table.add_row().cells
        cells[0].text = f"{school['institution']}, {school['degree']}"
        cells[1].text = school["dates"]
        cells = table.add_row().cells
        cells[0].text = f"GPA: {school['gpa']}"

    document.add_heading("Technical Skills", level=1)
    outer = document.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=0, cols=1)
    for label, items in resume["skills"].items():
        inner.add_row().cells[0].text = f"{label}: {items}"

    document.add_heading("Languages", level=1)
    document.add_paragraph(resume["languages"])
    document.add_heading("Certifications", level=1)
    for certification in resume["certifications"]:
        document.add_paragraph(certification, style="List Bullet")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def table_cell_texts(content: bytes) -> list[str]:
    """Texts of all table cells, nested ones included, as Word stores them."""
    document = Document(io.BytesIO(content))
    return ["".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in document.element.body.iter(qn("w:tc"))]
