"""Text of DOCX resumes: body, tables, text boxes, headers and footers.

The file is untrusted, so the archive is unpacked under bounds (zip_parts), and only
the parts that hold text are parsed, with python-docx's XML parser. Building python-docx's
whole Document would also parse the styles, theme, numbering and settings parts,
which carry no text and took as long as the text itself.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import NamedTuple

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from lxml import etree

from analysis_worker.document import DocumentWarning, ExtractedDocument, ExtractionError, OcrOptions, StyledLine
from analysis_worker.extraction.checks import check_text_length, garbled_warning
from analysis_worker.extraction.modified_dates import docx_modified
from analysis_worker.extraction.scanned_pages import needs_ocr, read_docx_picture
from analysis_worker.extraction.text_documents import row_lines
from analysis_worker.extraction.zip_parts import xml_members
from common.proto.resume.v1 import resume_pb2

_W_P, _W_TBL, _W_TR, _W_TC, _W_SDT, _W_SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt",
                                                                     "w:sdtContent"))
_W_T, _W_TAB, _W_BR, _W_CR, _W_TXBX = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:txbxContent"))
_W_PPR, _W_NUMPR, _W_PSTYLE, _W_VAL, _W_TYPE = qn("w:pPr"), qn("w:numPr"), qn("w:pStyle"), qn("w:val"), qn("w:type")
_W_BODY, _W_SECTPR, _R_ID = qn("w:body"), qn("w:sectPr"), qn("r:id")
_W_HEADER_REFERENCE, _W_FOOTER_REFERENCE = qn("w:headerReference"), qn("w:footerReference")
_W_RENDERED_BREAK = qn("w:lastRenderedPageBreak")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# Headers before footers, each as default, first-page, even-page: python-docx's order.
_REFERENCE_ORDER = {kind: index for index, kind in enumerate(("default", "first", "even"))}


def extract_docx(content: bytes, ocr: OcrOptions) -> ExtractedDocument:
    members = xml_members(content, "DOCX", "Word")
    try:
        package = _relationships(members, "")
        main = next(relationship.target for relationship in package
                    if relationship.type == RELATIONSHIP_TYPE.OFFICE_DOCUMENT and not relationship.external)
        core = next((relationship.target for relationship in package
                     if relationship.type == RELATIONSHIP_TYPE.CORE_PROPERTIES and not relationship.external), "")
        body = parse_xml(members[main]).find(_W_BODY)
        if body is None:
            raise ValueError("the main part has no body")
        body_lines = list(_block_lines(body))
        main_relationships = _relationships(members, main)
        header_parts = _header_and_footer_parts(body, {
            relationship.id: relationship.target for relationship in main_relationships if not relationship.external})
        header_lines = [line for part in header_parts for line in _block_lines(parse_xml(members[part]))]
        links = tuple(dict.fromkeys(
            relationship.target
            for relationships in (main_relationships, *(_relationships(members, part) for part in header_parts))
            for relationship in relationships
            if relationship.type == RELATIONSHIP_TYPE.HYPERLINK and relationship.external))
        breaks = max(sum(1 for br in body.iter(_W_BR) if br.get(_W_TYPE) == "page"),
                     sum(1 for p in body.iter(_W_P) if next(p.iter(_W_RENDERED_BREAK), None) is not None))
    except MemoryError:
        raise  # over the process's memory limit: reported as such, not as a damaged file
    except Exception as error:  # a missing part, a bad reference, lxml's XMLSyntaxError... on bad input
        if isinstance(error, etree.LxmlError) and any(
                entry.type == etree.ErrorTypes.ERR_NO_MEMORY for entry in error.error_log):
            # libxml2 reports a failed allocation as a syntax error ("unknown error").
            raise MemoryError("the XML parser ran out of memory") from error
        if isinstance(error, (etree.XMLSyntaxError, RecursionError)) and "depth" in str(error).lower():
            # libxml2 stops at 256 levels (lxml's huge_tree is off); Word nests a few dozen at most.
            raise ExtractionError(
                "The DOCX file's XML is nested too deeply to be read safely, so it was refused; "
                "save it again from Word and upload it.") from error
        raise ExtractionError("The DOCX file is damaged and cannot be read; save it again from Word and upload it.") \
            from error

    text = "\n".join(body_lines)
    check_text_length(len(text))
    header = "\n".join(dict.fromkeys(line for line in header_lines if line.strip()))
    warnings: list[DocumentWarning] = []
    lines: tuple[StyledLine, ...] = ()  # Word's runs give no place on a page: only a picture's OCR does
    if needs_ocr(text):
        # A resume saved as one picture in a document: its text is in the picture.
        ocr_text, ocr_lines, ocr_warnings = read_docx_picture(content, ocr)
        if len(ocr_text.strip()) > len(text.strip()):
            text, lines = ocr_text, tuple(ocr_lines)
            warnings.extend(ocr_warnings)
    if not text.strip() and not header.strip():
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         "The DOCX file contains no text (perhaps only images); upload a document with real text."))
    warnings.extend(garbled_warning(text))
    # Word does not store a page count we can trust (docProps is often stale), so the
    # pages are counted from explicit and last-rendered page breaks.
    return ExtractedDocument("docx", text, 1 + breaks, header, tuple(warnings), links, lines,
                             docx_modified(members.get(core)))


class _Relationship(NamedTuple):
    id: str
    type: str
    target: str  # a part name, or as written (a URL) when external
    external: bool


def _relationships(members: dict[str, bytes], source: str) -> list[_Relationship]:
    """The relationships of part `source` ("" for the package itself)."""
    directory, base = posixpath.split(source)
    rels = members.get(posixpath.join(directory, "_rels", base + ".rels"))
    if rels is None:
        return []
    found = []
    for relationship in parse_xml(rels).iter(_RELATIONSHIP):
        external = relationship.get("TargetMode") == "External"
        target = relationship.get("Target", "")
        if not external:
            target = posixpath.normpath(posixpath.join("/", directory, target)).lstrip("/")
        found.append(_Relationship(relationship.get("Id", ""), relationship.get("Type", ""), target, external))
    return found


def _header_and_footer_parts(body: etree._Element, targets: dict[str, str]) -> list[str]:
    """The header and footer parts the document's sections refer to, in section order."""
    sections = [child.find(f"{_W_PPR}/{_W_SECTPR}") if child.tag == _W_P else child
                for child in body if child.tag in (_W_P, _W_SECTPR)]
    parts: list[str] = []
    for section in sections:
        if section is None:
            continue
        references = sorted(section.iterchildren(_W_HEADER_REFERENCE, _W_FOOTER_REFERENCE),
                            key=lambda reference: (reference.tag == _W_FOOTER_REFERENCE,
                                                   _REFERENCE_ORDER.get(reference.get(_W_TYPE, ""), 0)))
        for reference in references:
            part = targets[reference.get(_R_ID, "")]
            if part not in parts:
                parts.append(part)
    return parts


def _block_lines(container: etree._Element) -> Iterator[str]:
    """Yields the lines of paragraphs and tables in document order, descending into
    nested tables, content controls and text boxes."""
    for child in container:
        if child.tag == _W_P:
            text, boxes = _paragraph_text(child)
            if text.strip():
                yield ("• " + text.strip()) if _is_list_item(child) else text.strip()
            for box in boxes:
                yield from _block_lines(box)
        elif child.tag == _W_TBL:
            for row in child.iter(_W_TR):
                if row.getparent() is child:
                    yield from row_lines([list(_block_lines(cell)) for cell in row if cell.tag == _W_TC])
        elif child.tag in (_W_SDT, _W_SDT_CONTENT):
            yield from _block_lines(child)


def _paragraph_text(paragraph: etree._Element) -> tuple[str, list[etree._Element]]:
    parts: list[str] = []
    boxes: list[etree._Element] = []

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == _W_T:
                parts.append(child.text or "")
            elif tag == _W_TAB:
                parts.append("\t")
            elif tag in (_W_BR, _W_CR):
                parts.append("\n")
            elif tag == _W_TXBX:
                boxes.append(child)
            elif tag != _MC_FALLBACK:  # the fallback repeats the text box for old readers
                walk(child)

    walk(paragraph)
    return "".join(parts), boxes


def _is_list_item(paragraph: etree._Element) -> bool:
    properties = paragraph.find(_W_PPR)
    if properties is None:
        return False
    style = properties.find(_W_PSTYLE)
    return properties.find(_W_NUMPR) is not None or (
        style is not None and (style.get(_W_VAL) or "").lower().startswith("list"))
