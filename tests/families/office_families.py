"""Renders the office families: Word documents (DOCX) filled with python-docx and exported
to PDF by LibreOffice Writer, both kept.

    python -m tests.families.office_families [office-sidebar office-banded office-tabular
                                              office-textboxes office-columns]

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
- office-textboxes: no permissively licensed DOCX/ODT template with text boxes was found,
  so the design is this project's own, built on python-docx's default template the way
  Word's text-box resumes are: a dark header band (name, label, email and phone) and a
  tinted sidebar (place, web addresses, skills, languages), left for the 1st, 3rd and
  5th people, right for the others, are floating text boxes anchored to the page in the
  first paragraph (DrawingML `wps:wsp`/`wps:txbx` with its VML `mc:Fallback`, both
  holding the `w:txbxContent`), while profile, experience ("Title" bold with the dates on
  a right tab, "Company, Place" italic, List Bullet highlights) and education flow in
  the body, whose margins keep clear of the boxes.
- office-columns: also this project's own design on python-docx's default template: a
  one-column section (Title name, Subtitle label, contact line, web addresses, summary
  over a rule), then a continuous section of two unequal page columns
  (`w:cols w:num="2" w:equalWidth="0"`) split by a column break: education, skills and
  languages in the narrow column and experience ("Company" bold with the dates on a right
  tab, the title italic with the place on a right tab, List Bullet highlights) in the
  wide one; the narrow column comes first for the 1st, 3rd and 5th people, second for
  the others.
"""

from __future__ import annotations

import copy
import datetime
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Emu, Pt, RGBColor

from tests.families import families

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


# --- office-textboxes: header and sidebar in floating text boxes ---------------------

_EMU_PER_TWIP, _EMU_PER_PT = 635, 12700
# The namespaces a Word text box's run uses (all declared on python-docx's document root too).
_BOX_NAMESPACES = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in (
    ("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    ("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"),
    ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    ("wp14", "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"),
    ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
    ("wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"),
    ("v", "urn:schemas-microsoft-com:vml"),
    ("o", "urn:schemas-microsoft-com:office:office"),
    ("w10", "urn:schemas-microsoft-com:office:word")))


def _text_box(number: int, x: int, y: int, width: int, height: int, fill: str, insets: tuple[int, int, int, int],
              paragraphs: list[Any]) -> Any:
    """A run holding a floating text box as Word 2010+ writes it: a DrawingML shape
    (`wps:wsp` with `wps:txbx`) anchored to the page, "in front of text", and the VML
    fallback with the same `w:txbxContent`. Positions and sizes in EMU from the page's
    top left corner; `paragraphs` (w:p elements) are moved into the box."""
    left, top, right, bottom = insets
    pt = lambda emu: f"{emu / _EMU_PER_PT:g}pt"  # noqa: E731
    shape_type = ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
                  'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
                  '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>') if number == 1 else ""
    run = parse_xml(
        f'<w:r {_BOX_NAMESPACES}><w:rPr><w:noProof/></w:rPr><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251658240 + number * 1024}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{number}" name="Text Box {number}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill>'
        f'<a:ln w="6350"><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx/>'
        f'<wps:bodyPr rot="0" spcFirstLastPara="0" vertOverflow="overflow" horzOverflow="overflow" vert="horz" '
        f'wrap="square" lIns="{left}" tIns="{top}" rIns="{right}" bIns="{bottom}" numCol="1" spcCol="0" '
        f'rtlCol="0" fromWordArt="0" anchor="t" anchorCtr="0" forceAA="0" compatLnSpc="1">'
        f'<a:prstTxWarp prst="textNoShape"><a:avLst/></a:prstTxWarp><a:noAutofit/></wps:bodyPr>'
        f'</wps:wsp></a:graphicData></a:graphic>'
        f'<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
        f'<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
        f'</wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict>{shape_type}'
        f'<v:shape id="Text Box {number}" o:spid="_x0000_s{1025 + number}" type="#_x0000_t202" '
        f'style="position:absolute;margin-left:{pt(x)};margin-top:{pt(y)};width:{pt(width)};height:{pt(height)};'
        f'z-index:{251658240 + number * 1024};visibility:visible;mso-wrap-style:square;'
        f'mso-wrap-distance-left:9pt;mso-wrap-distance-top:0;mso-wrap-distance-right:9pt;'
        f'mso-wrap-distance-bottom:0;mso-position-horizontal:absolute;mso-position-horizontal-relative:page;'
        f'mso-position-vertical:absolute;mso-position-vertical-relative:page;v-text-anchor:top" '
        f'fillcolor="#{fill}" stroked="f" strokeweight=".5pt">'
        f'<v:textbox inset="{pt(left)},{pt(top)},{pt(right)},{pt(bottom)}"/>'
        f'<w10:wrap anchorx="page" anchory="page"/></v:shape></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r>')
    content = OxmlElement("w:txbxContent")
    for paragraph in paragraphs:
        content.append(paragraph)
    run.find(".//{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx").append(content)
    run.find(".//{urn:schemas-microsoft-com:vml}textbox").append(copy.deepcopy(content))
    return run


def _detached(paragraph: Any) -> Any:
    """A paragraph python-docx added to the body, taken out of it (for a text box)."""
    element = paragraph._p
    element.getparent().remove(element)
    return element


def _right_tab(paragraph: Any, position: int) -> None:
    paragraph.paragraph_format.tab_stops.add_tab_stop(Emu(position), WD_TAB_ALIGNMENT.RIGHT)


def _tabbed(docx: Any, text: str, right: str, tab: int, style: str, *, before: float | None = None,
            keep: bool | None = None) -> None:
    """A paragraph of `text` in a style ("bold", "italic") and `right` on a right tab stop;
    spacing before it and keeping it with the next are the style's unless given."""
    paragraph = docx.add_paragraph()
    if before is not None:
        paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.keep_with_next = keep
    _right_tab(paragraph, tab)
    setattr(paragraph.add_run(text), style, True)
    paragraph.add_run(f"\t{right}")


def textboxes_docx(document: dict[str, Any], sidebar_left: bool) -> bytes:
    basics, convention = document["basics"], document["meta"]["convention"]
    docx = Document()
    section = docx.sections[0]
    page_width, page_height = section.page_width, section.page_height
    band_height, side_width, gap = Emu(1325880), Emu(2286000), Emu(365760)  # 1.45 in, 2.5 in, 0.4 in
    section.top_margin = Emu(band_height + gap)
    section.bottom_margin = Emu(548640)
    outer = Emu(548640)  # 0.6 in
    section.left_margin, section.right_margin = ((Emu(side_width + gap), outer) if sidebar_left
                                                 else (outer, Emu(side_width + gap)))
    width = page_width - section.left_margin - section.right_margin
    styles = docx.styles
    styles["Normal"].font.size = Pt(10)
    styles["Normal"].paragraph_format.space_after = Pt(2)
    heading = styles["Heading 1"]
    heading.font.size, heading.font.color.rgb, heading.font.all_caps = Pt(12), RGBColor(0x2E, 0x3B, 0x4E), True
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(10), Pt(4)
    _border(heading.element.get_or_add_pPr(), "bottom", "2E3B4E", 8)
    white, pale, ink = RGBColor(0xFF, 0xFF, 0xFF), RGBColor(0xC9, 0xD3, 0xE0), RGBColor(0x2E, 0x3B, 0x4E)

    def line(text: str = "", size: float = 10, bold: bool = False, color: RGBColor | None = None,
             before: float = 0, after: float = 2) -> Any:
        paragraph = docx.add_paragraph()
        paragraph.paragraph_format.space_before, paragraph.paragraph_format.space_after = Pt(before), Pt(after)
        if text:
            run = paragraph.add_run(text)
            run.font.size, run.bold = Pt(size), bold
            if color is not None:
                run.font.color.rgb = color
        return paragraph

    # The header band: name, label, email and phone.
    header = [line(basics["name"], 26, True, white, after=0), line(basics["label"], 13, False, pale, after=4),
              line(f"{basics['email']}   •   {basics['phone']}", 10, False, white, after=0)]
    header = [_detached(paragraph) for paragraph in header]

    # The sidebar: contact (place, web addresses), skills, languages.
    link_props = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "18")
    link_props.append(size)
    side = [line("Contact", 11, True, ink, after=3), line(_location(document), 9)]
    for _, url in _links(document):
        paragraph = line(after=1)
        _hyperlink(paragraph._p, docx.part, url, _bare(url), link_props)
        side.append(paragraph)
    side.append(line("Skills", 11, True, ink, before=12, after=3))
    for group in document["skills"]:
        side.append(line(group["name"], 9, True, after=0))
        side.append(line(", ".join(group["keywords"]), 9, after=4))
    if document.get("languages"):
        side.append(line("Languages", 11, True, ink, before=12, after=3))
        for language in document["languages"]:
            side.append(line(f"{language['language']} – {language.get('fluency', '')}".rstrip(" –"), 9))
    side = [_detached(paragraph) for paragraph in side]

    # The body: profile, experience, education.
    docx.add_heading("Profile", level=1)
    docx.add_paragraph(basics["summary"])
    docx.add_heading("Experience", level=1)
    for job in document["work"]:
        _tabbed(docx, job["position"], _months(job, convention), width, "bold", before=6, keep=True)
        docx.add_paragraph(f"{job['name']}, {job['location']}").runs[0].italic = True
        for highlight in job["highlights"]:
            docx.add_paragraph(highlight, style="List Bullet")
    docx.add_heading("Education", level=1)
    for school in document["education"]:
        _tabbed(docx, _degree(school), _years(school), width, "bold", before=4)
        docx.add_paragraph(school["institution"]).runs[0].italic = True

    # Both boxes anchored in the first paragraph, as Word keeps them.
    inset = Emu(91440)
    side_x = 0 if sidebar_left else page_width - side_width
    first = docx.element.body.find(qn("w:p"))
    first.insert(1, _text_box(1, 0, 0, page_width, band_height, "2E3B4E",
                              (outer, Emu(320040), outer, inset), header))
    first.insert(2, _text_box(2, side_x, band_height, side_width, page_height - band_height, "EDEFF2",
                              (Emu(320040), Emu(320040), Emu(228600), inset), side))
    docx.core_properties.title = basics["name"]
    return _docx_bytes(docx)


# --- office-columns: a full-width header over a section of two page columns ---------

def columns_docx(document: dict[str, Any], experience_first: bool) -> bytes:
    basics, convention = document["basics"], document["meta"]["convention"]
    docx = Document()
    section = docx.sections[0]
    section.left_margin = section.right_margin = Emu(640080)  # 0.7 in
    section.top_margin = section.bottom_margin = Emu(548640)
    width_twips = int((section.page_width - section.left_margin - section.right_margin) / _EMU_PER_TWIP)
    space_twips, narrow_twips = 432, 3240
    wide_twips = width_twips - narrow_twips - space_twips
    styles = docx.styles
    styles["Normal"].font.size = Pt(10)
    styles["Normal"].paragraph_format.space_after = Pt(2)
    title = styles["Title"]
    title.font.size, title.font.color.rgb, title.font.bold = Pt(28), RGBColor(0x7A, 0x1F, 0x2B), True
    title.paragraph_format.space_after = Pt(0)
    title_pr = title.element.get_or_add_pPr()
    for old in title_pr.findall(qn("w:pBdr")):
        title_pr.remove(old)
    subtitle = styles["Subtitle"]
    subtitle.font.color.rgb, subtitle.font.size = RGBColor(0x55, 0x55, 0x55), Pt(13)
    heading = styles["Heading 1"]
    heading.font.size, heading.font.color.rgb, heading.font.all_caps = Pt(11), RGBColor(0x7A, 0x1F, 0x2B), True
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(10), Pt(3)
    _border(heading.element.get_or_add_pPr(), "bottom", "7A1F2B", 6)

    # Section 1, one column: name, label, contact details, summary.
    docx.add_paragraph(basics["name"], style="Title")
    docx.add_paragraph(basics["label"], style="Subtitle")
    contact = docx.add_paragraph(f"{_location(document)}  ·  {basics['phone']}  ·  {basics['email']}")
    links = docx.add_paragraph()
    for position, (_, url) in enumerate(_links(document)):
        if position:
            links.add_run("  ·  ")
        _hyperlink(links._p, docx.part, url, _bare(url))
    summary = docx.add_paragraph(basics["summary"])
    summary.paragraph_format.space_before = Pt(6)
    _border(summary._p.get_or_add_pPr(), "bottom", "7A1F2B", 12)
    for paragraph in (contact, links):
        paragraph.paragraph_format.space_after = Pt(0)

    # Section 2, continuous, two unequal page columns split by a column break.
    columns = docx.add_section(WD_SECTION.CONTINUOUS)
    cols = columns._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        columns._sectPr.append(cols)
    for child in list(cols):
        cols.remove(child)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), str(space_twips))
    cols.set(qn("w:equalWidth"), "0")
    widths = (wide_twips, narrow_twips) if experience_first else (narrow_twips, wide_twips)
    for position, column_width in enumerate(widths):
        col = OxmlElement("w:col")
        col.set(qn("w:w"), str(column_width))
        if position == 0:
            col.set(qn("w:space"), str(space_twips))
        cols.append(col)
    # python-docx's add_section leaves the break in an empty paragraph: the header's last
    # paragraph carries it instead, as Word writes it.
    break_paragraph = docx.element.body.findall(qn("w:p"))[-1]
    summary._p.get_or_add_pPr().append(break_paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}"))
    docx.element.body.remove(break_paragraph)

    def column_break_heading(text: str, after_break: bool) -> None:
        paragraph = docx.add_heading(level=1)
        if after_break:
            paragraph.add_run().add_break(WD_BREAK.COLUMN)
        paragraph.add_run(text)

    def experience(after_break: bool) -> None:
        column_break_heading("Experience", after_break)
        tab = Emu(wide_twips * _EMU_PER_TWIP)
        for job in document["work"]:
            _tabbed(docx, job["name"], _months(job, convention), tab, "bold", before=6, keep=True)
            _tabbed(docx, job["position"], job["location"], tab, "italic", keep=True)
            for highlight in job["highlights"]:
                docx.add_paragraph(highlight, style="List Bullet")

    def education_and_skills(after_break: bool) -> None:
        column_break_heading("Education", after_break)
        for school in document["education"]:
            paragraph = docx.add_paragraph()
            paragraph.paragraph_format.space_before = Pt(4)
            paragraph.add_run(_degree(school)).bold = True
            paragraph.add_run().add_break()
            paragraph.add_run(school["institution"])
            paragraph.add_run().add_break()
            paragraph.add_run(_years(school)).italic = True
        docx.add_heading("Skills", level=1)
        for group in document["skills"]:
            paragraph = docx.add_paragraph()
            paragraph.add_run(group["name"]).bold = True
            paragraph.add_run().add_break()
            paragraph.add_run(", ".join(group["keywords"]))
        if document.get("languages"):
            docx.add_heading("Languages", level=1)
            for language in document["languages"]:
                docx.add_paragraph(f"{language['language']} – {language.get('fluency', '')}".rstrip(" –"))

    if experience_first:
        experience(False)
        education_and_skills(True)
    else:
        education_and_skills(False)
        experience(True)
    docx.core_properties.title = basics["name"]
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
            for position, (stem, document) in enumerate(people):
                if name == "office-sidebar":
                    content = sidebar_docx(document, work)
                elif name == "office-banded":
                    content = banded_docx(document)
                elif name == "office-tabular":
                    content = tabular_docx(document, work)
                elif name == "office-textboxes":
                    content = textboxes_docx(document, sidebar_left=position % 2 == 0)
                elif name == "office-columns":
                    content = columns_docx(document, experience_first=position % 2 == 1)
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
