"""Renders the office families: Word documents (DOCX) filled with python-docx and exported
to PDF by LibreOffice Writer, both kept.

    python tests/families/office_families.py [office-sidebar office-banded office-tabular]

Needs: LibreOffice Writer 7.4 (Debian 12 `libreoffice-writer`, `soffice` on PATH), whose
`libreoffice-common` package (4:7.4.7-1+deb12u14 here) ships the two templates used, from
LibreOffice core's extras/source/templates/personal/ (MPL-2.0):
/usr/lib/libreoffice/share/template/common/personal/Resume1page.ott and CV.ott; python-docx
(the project's venv); poppler-utils (`pdftotext`) for the check. The templates are turned
into DOCX by LibreOffice at build time and never stored.

- office-sidebar: Resume1page.ott (LibreOffice's "Resume" one-page template): its paragraphs
  (Heading 1 name, bold grey contact lines, grey Heading 3 with rules above and below,
  bold title + company on the next line with the dates right, bulleted list) are cloned
  into a two-cell borderless table whose left cell is a shaded sidebar (contact,
  education, skills), as Word's sidebar resumes build it. The template's own page columns
  and column sections do not survive its DOCX export, hence the table.
- office-banded: no permissive DOCX template with heading bands was found, so it is built
  with python-docx's default template the way Word's banded resumes are: Title with a
  shaded band, Heading 1 with a tinted band and a bottom border, "Title | Company" with
  the dates on a right tab stop, List Bullet highlights.
- office-tabular: CV.ott (LibreOffice's "CV" template, Europass-like): a borderless
  two-column table whose narrow left column holds the section labels, field labels and
  dates, the right column the entries; its rows are cloned and filled.
"""

from __future__ import annotations

import copy
import datetime
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent))

import families  # noqa: E402

COUNTRY_NAMES = families.rendered.COUNTRY_NAMES  # tests/corpus/people.py's, through build.py

TEMPLATES = Path("/usr/lib/libreoffice/share/template/common/personal")
FIXED = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
NAMES = [family.name for family in families.FAMILIES if family.toolchain == "office"]


# --- helpers ------------------------------------------------------------------------

def _soffice(work: Path, target: str, out: Path, sources: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["soffice", f"-env:UserInstallation={(work / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", target, "--outdir", str(out), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)


def _template_docx(name: str, work: Path) -> Path:
    """The LibreOffice template as Word saves it (converted once per build)."""
    target = work / "templates" / f"{name}.docx"
    if not target.exists():
        _soffice(work, "docx:MS Word 2007 XML", target.parent, [TEMPLATES / f"{name}.ott"])
    return target


def _months(job: dict[str, Any], convention: str) -> str:
    return (f"{families.written_month(job['startDate'][:7], convention)} – "
            f"{families.written_month(job['meta_end'], convention)}")


def _years(school: dict[str, Any]) -> str:
    return f"{school['startDate'][:4]} – {school['endDate'][:4]}"


def _degree(school: dict[str, Any]) -> str:
    return f"{school['studyType']} in {school['area']}" if school["area"] else school["studyType"]


def _location(document: dict[str, Any]) -> str:
    place = document["basics"]["location"]
    return f"{place['city']}, {place['region'] or COUNTRY_NAMES[place['countryCode']]}"


def _links(document: dict[str, Any]) -> list[tuple[str, str]]:
    basics = document["basics"]
    found = [("Website", basics["url"])] if basics["url"] else []
    return found + [(profile["network"], profile["url"]) for profile in basics["profiles"]]


def _bare(url: str) -> str:
    return url.split("://", 1)[1]


def _hyperlink(paragraph_element: Any, part: Any, url: str, text: str, rpr: Any = None) -> None:
    relation = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    text_element = OxmlElement("w:t")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph_element.append(link)


def _run(paragraph_element: Any, text: str, rpr: Any = None, bold: bool | None = None,
         breaks_before: int = 0, tab_before: bool = False) -> Any:
    run = OxmlElement("w:r")
    props = copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr")
    if bold is not None:
        for old in props.findall(qn("w:b")):
            props.remove(old)
        b = OxmlElement("w:b")
        if not bold:
            b.set(qn("w:val"), "false")
        props.insert(0, b)
    run.append(props)
    for _ in range(breaks_before):
        run.append(OxmlElement("w:br"))
    if tab_before:
        run.append(OxmlElement("w:tab"))
    if text:
        text_element = OxmlElement("w:t")
        text_element.text = text
        text_element.set(qn("xml:space"), "preserve")
        run.append(text_element)
    paragraph_element.append(run)
    return run


def _empty_clone(prototype: Any) -> Any:
    """A template paragraph without its runs (its paragraph properties kept)."""
    clone = copy.deepcopy(prototype)
    for child in list(clone):
        if child.tag != qn("w:pPr"):
            clone.remove(child)
    return clone


def _fix_dates(docx: Any) -> None:
    props = docx.core_properties
    props.created = props.modified = props.last_printed = FIXED.replace(tzinfo=None)
    props.author = props.last_modified_by = ""
    props.revision = 1


def _docx_bytes(docx: Any) -> bytes:
    """The document's bytes, with fixed dates in its properties and its zip entries."""
    _fix_dates(docx)
    buffer = io.BytesIO()
    docx.save(buffer)
    fixed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=(2025, 1, 1, 0, 0, 0)),
                            source.read(entry.filename), compress_type=zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


def _shade(element_pr: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    element_pr.append(shading)


def _clear_body(docx: Any) -> Any:
    """Removes the template's content, keeps the last section's properties (one column)."""
    body = docx.element.body
    section = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section:
            body.remove(child)
    cols = section.find(qn("w:cols"))
    if cols is not None:
        for child in list(cols):
            cols.remove(child)
        cols.set(qn("w:num"), "1")
        cols.set(qn("w:equalWidth"), "true")
        cols.set(qn("w:space"), "0")
    return body


# --- office-sidebar: LibreOffice's Resume1page.ott ----------------------------------

def sidebar_docx(document: dict[str, Any], work: Path) -> bytes:
    basics, convention = document["basics"], document["meta"]["convention"]
    docx = Document(str(_template_docx("Resume1page", work)))
    paragraphs = [p._p for p in docx.paragraphs]
    by_text = {p.text.split("\n")[0]: p._p for p in docx.paragraphs if p.text.strip()}
    name_proto = by_text["Your Name"]
    contact_proto = by_text["Address Line 1"]
    heading_proto = by_text["Experience"]  # Heading 3 with rules above and below, no column break
    education_proto = by_text["PhD in Egg Engineering"]
    job_proto = by_text["Egg Inspector"]
    bullet_proto = next(p for p in paragraphs if p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None)
    bold_grey = copy.deepcopy(contact_proto.find(f"{qn('w:r')}/{qn('w:rPr')}"))
    # The sidebar is narrower than the template's page column: its lines a size smaller.
    for props, half_points in ((bold_grey, "19"),):
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), half_points)
        props.append(size)
    small = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "19")
    small.append(size)
    name_size = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "30")
    name_size.append(size)
    width = docx.sections[0].page_width - docx.sections[0].left_margin - docx.sections[0].right_margin
    body = _clear_body(docx)

    table = docx.add_table(rows=1, cols=2)
    table.autofit = False
    side_width, main_width = Emu(int(width * 0.40)), Emu(width - int(width * 0.40))
    left, right = table.rows[0].cells
    for cell, cell_width in ((left, side_width), (right, main_width)):
        cell.width = cell_width
        margins = OxmlElement("w:tcMar")
        for edge in ("top", "left", "bottom", "right"):
            margin = OxmlElement(f"w:{edge}")
            margin.set(qn("w:w"), "160" if edge in ("left", "right") else "120")
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        cell._tc.get_or_add_tcPr().append(margins)
    _shade(left._tc.get_or_add_tcPr(), "EEF1F4")
    for column, column_width in zip(table.columns, (side_width, main_width), strict=True):
        column.width = column_width
    for cell in (left, right):
        cell._tc.remove(cell._tc.find(qn("w:p")))

    def add(cell: Any, prototype: Any) -> Any:
        element = _empty_clone(prototype)
        cell._tc.append(element)
        return element

    def heading(cell: Any, text: str) -> None:
        _run(add(cell, heading_proto), text)

    # The sidebar: name, contact lines, education, skills.
    _run(add(left, name_proto), basics["name"], name_size)
    _run(add(left, contact_proto), basics["label"], bold_grey)
    lines = add(left, contact_proto)
    _run(lines, _location(document), bold_grey)
    _run(lines, basics["phone"], bold_grey, breaks_before=1)
    online = add(left, contact_proto)
    _run(online, basics["email"], bold_grey)
    for _, url in _links(document):
        _run(online, "", bold_grey, breaks_before=1)
        _hyperlink(online, docx.part, url, _bare(url), bold_grey)
    heading(left, "Education")
    for school in document["education"]:
        entry = add(left, education_proto)
        _run(entry, _degree(school), small, bold=True)
        _run(entry, school["institution"], small, bold=False, breaks_before=1)
        _run(entry, _years(school), small, bold=False, breaks_before=1)
    heading(left, "Skills")
    for group in document["skills"]:
        entry = add(left, education_proto)
        _run(entry, group["name"], small, bold=True)
        _run(entry, ", ".join(group["keywords"]), small, bold=False, breaks_before=1)

    # The main column: profile and experience.
    heading(right, "Profile")
    _run(add(right, education_proto), basics["summary"], bold=False)
    heading(right, "Experience")
    tab_position = int((main_width - Emu(2 * 160 * 635)) / 635)  # twips, inside the cell margins
    for job in document["work"]:
        entry = add(right, job_proto)
        tabs = OxmlElement("w:tabs")
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), "right")
        tab.set(qn("w:pos"), str(tab_position))
        tabs.append(tab)
        entry.find(qn("w:pPr")).insert(1, tabs)
        _run(entry, job["position"], bold=True)
        _run(entry, _months(job, convention), bold=False, tab_before=True)
        _run(entry, f"{job['name']}, {job['location']}", bold=False, breaks_before=1)
        for highlight in job["highlights"]:
            _run(add(right, bullet_proto), highlight, bold=False)
    body.insert(0, table._tbl)
    return _docx_bytes(docx)


# --- office-banded: Word's built-in styles with heading bands ----------------------

def _border(paragraph_pr: Any, edge: str, color: str, size: int) -> None:
    borders = paragraph_pr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        paragraph_pr.append(borders)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "1")
    line.set(qn("w:color"), color)
    borders.append(line)


def banded_docx(document: dict[str, Any]) -> bytes:
    basics, convention = document["basics"], document["meta"]["convention"]
    docx = Document()
    section = docx.sections[0]
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Emu(720090)
    width = section.page_width - section.left_margin - section.right_margin
    styles = docx.styles
    styles["Normal"].font.size = Pt(10)
    styles["Normal"].paragraph_format.space_after = Pt(2)
    title = styles["Title"]
    title.font.size, title.font.color.rgb, title.font.bold = Pt(26), RGBColor(0xFF, 0xFF, 0xFF), True
    title_pr = title.element.get_or_add_pPr()
    for old in title_pr.findall(qn("w:pBdr")):
        title_pr.remove(old)
    _shade(title_pr, "1F4E79")
    heading = styles["Heading 1"]
    heading.font.size, heading.font.color.rgb, heading.font.all_caps = Pt(12), RGBColor(0x1F, 0x4E, 0x79), True
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(12), Pt(4)
    heading_pr = heading.element.get_or_add_pPr()
    _border(heading_pr, "bottom", "1F4E79", 12)
    _shade(heading_pr, "DEEAF6")
    subtitle = styles["Subtitle"]
    subtitle.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)

    def dated(left_runs: list[tuple[str, bool]], dates: str) -> None:
        paragraph = docx.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        for text, bold in left_runs:
            paragraph.add_run(text).bold = bold
        paragraph.add_run(f"\t{dates}")

    docx.add_paragraph(basics["name"], style="Title")
    docx.add_paragraph(basics["label"], style="Subtitle")
    contact = docx.add_paragraph(f"{_location(document)}  |  {basics['phone']}  |  {basics['email']}")
    for _, url in _links(document):
        contact.add_run("  |  ")
        _hyperlink(contact._p, docx.part, url, _bare(url))
    docx.add_heading("Summary", level=1)
    docx.add_paragraph(basics["summary"])
    docx.add_heading("Experience", level=1)
    for job in document["work"]:
        dated([(job["position"], True), ("  |  ", False), (job["name"], False)], _months(job, convention))
        docx.add_paragraph(job["location"]).runs[0].italic = True
        for highlight in job["highlights"]:
            docx.add_paragraph(highlight, style="List Bullet")
    docx.add_heading("Education", level=1)
    for school in document["education"]:
        dated([(_degree(school), True), ("  |  ", False), (school["institution"], False)], _years(school))
    docx.add_heading("Skills", level=1)
    for group in document["skills"]:
        paragraph = docx.add_paragraph()
        paragraph.add_run(f"{group['name']}: ").bold = True
        paragraph.add_run(", ".join(group["keywords"]))
    docx.core_properties.title = basics["name"]
    return _docx_bytes(docx)


# --- office-tabular: LibreOffice's CV.ott ----------------------------------------

def tabular_docx(document: dict[str, Any], work: Path) -> bytes:
    basics, convention = document["basics"], document["meta"]["convention"]
    docx = Document(str(_template_docx("CV", work)))
    table = docx.tables[0]
    rows = [row._tr for row in table.rows]
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    index = {left: position for position, (left, _) in enumerate(texts) if left}
    section_row, field_row = rows[index["About me"]], rows[index["Name"]]
    blank_row = rows[next(position for position, pair in enumerate(texts) if not any(pair))]
    entry_row = rows[index["Software"]]
    for row in rows:
        table._tbl.remove(row)

    def cell_paragraphs(tr: Any) -> list[Any]:
        return [tc.find(qn("w:p")) for tc in tr.findall(qn("w:tc"))]

    def put(prototype: Any, left: str, right: list[list[tuple[str, bool | None]]] | None = None,
            link: str = "") -> None:
        tr = copy.deepcopy(prototype)
        left_p, right_p = cell_paragraphs(tr)
        left_rpr = left_p.find(f"{qn('w:r')}/{qn('w:rPr')}")
        for child in list(left_p):
            if child.tag != qn("w:pPr"):
                left_p.remove(child)
        if left:
            _run(left_p, left, left_rpr)
        right_tc = right_p.getparent()
        template_p = _empty_clone(right_p)
        right_tc.remove(right_p)
        for line in right if right is not None else [[("", None)]]:
            paragraph = copy.deepcopy(template_p)
            for text, bold in line:
                if text:
                    _run(paragraph, text, bold=bold)
            right_tc.append(paragraph)
        if link:
            paragraph = copy.deepcopy(template_p)
            _hyperlink(paragraph, docx.part, link, _bare(link))
            right_tc.append(paragraph)
        table._tbl.append(tr)

    put(section_row, "About me")
    put(field_row, "Name", [[(basics["name"], None)]])
    put(field_row, "Address", [[(_location(document), None)]])
    put(field_row, "Phone", [[(basics["phone"], None)]])
    put(field_row, "Email", [[(basics["email"], None)]])
    for network, url in _links(document):
        put(field_row, network, [], link=url)
    put(blank_row, "")
    put(section_row, "Experience")
    for job in document["work"]:
        lines = [[(job["position"], True)], [(f"{job['name']}, {job['location']}", None)]]
        lines += [[(f"• {highlight}", None)] for highlight in job["highlights"]]
        put(entry_row, _months(job, convention), lines)
    put(blank_row, "")
    put(section_row, "Education")
    for school in document["education"]:
        put(entry_row, _years(school), [[(f"{_degree(school)} at {school['institution']}", None)]])
    put(blank_row, "")
    put(section_row, "Skills")
    for group in document["skills"]:
        put(entry_row, group["name"], [[(", ".join(group["keywords"]), None)]])
    if document.get("languages"):
        put(blank_row, "")
        put(section_row, "Languages")
        for language in document["languages"]:
            put(entry_row, language["language"], [[(language.get("fluency", ""), None)]])
    docx.core_properties.title = "CV"
    return _docx_bytes(docx)


# --- build and check ------------------------------------------------------------------

def build(names: list[str] | None = None) -> None:
    names = names or NAMES
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        for name in names:
            family = families.BY_NAME[name]
            out = work / name
            out.mkdir()
            people = families.people(family)
            for stem, document in people:
                if name == "office-sidebar":
                    content = sidebar_docx(document, work)
                elif name == "office-banded":
                    content = banded_docx(document)
                elif name == "office-tabular":
                    content = tabular_docx(document, work)
                else:
                    raise ValueError(f"not an office family: {name}")
                (out / f"{stem}.docx").write_bytes(content)
            _soffice(work, "pdf", out, [out / f"{stem}.docx" for stem, _ in people])
            for stem, document in people:
                families.save(family, stem, document, {f"{stem}.docx": (out / f"{stem}.docx").read_bytes(),
                                                       f"{stem}.pdf": (out / f"{stem}.pdf").read_bytes()},
                              location=_location(document),
                              links=[url for _, url in _links(document)])
            families.report(name)


if __name__ == "__main__":
    families.command_line(__doc__.split("\n\n")[0], "office", NAMES, build)
