"""Text of ODT (OpenDocument text) resumes: paragraphs, headings, lists, tables and text
frames of content.xml, headers and footers of styles.xml.

The archive is unpacked under the same bounds as a DOCX (zip_parts), and its XML parsed
without DTDs, entities or network; libxml2 refuses nesting deeper than 256 levels."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from analysis_worker.document import ExtractedDocument, ExtractionError
from analysis_worker.extraction.text_documents import row_lines, text_document
from analysis_worker.extraction.zip_parts import xml_members

_NAMESPACES = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
}


def _name(qualified: str) -> str:
    prefix, local = qualified.split(":")
    return f"{{{_NAMESPACES[prefix]}}}{local}"


_P, _H, _LIST, _ITEM, _HEADER_ITEM = (_name(n) for n in ("text:p", "text:h", "text:list", "text:list-item",
                                                          "text:list-header"))
_TABLE, _ROW, _CELL = _name("table:table"), _name("table:table-row"), _name("table:table-cell")
_SPACE, _TAB, _BREAK, _PAGE_BREAK = (_name(n) for n in ("text:s", "text:tab", "text:line-break",
                                                       "text:soft-page-break"))
_LINK, _HREF, _COUNT = _name("text:a"), _name("xlink:href"), _name("text:c")
_DRAWING, _DRAW_LINK = f"{{{_NAMESPACES['draw']}}}", _name("draw:a")
# Text that is not on the page: footnotes, comments, deleted text of tracked changes.
_SKIPPED = frozenset(_name(n) for n in ("text:note", "office:annotation", "text:tracked-changes",
                                         "text:sequence-decls", "text:variable-decls", "office:forms"))
_BODY, _MASTER = _name("office:body"), _name("office:master-styles")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                          remove_pis=True)


def extract_odt(content: bytes) -> ExtractedDocument:
    members = xml_members(content, "ODT", "the word processor")
    if "content.xml" not in members:
        raise ExtractionError("The ODT file has no content.xml, so it is damaged; save it again and upload it.")
    links: list[str] = []
    try:
        body = etree.fromstring(members["content.xml"], _PARSER).find(_BODY)
        lines = list(_block_lines(body, links)) if body is not None else []
        styles = etree.fromstring(members["styles.xml"], _PARSER) if "styles.xml" in members else None
        master = styles.find(_MASTER) if styles is not None else None
        header = list(_block_lines(master, links)) if master is not None else []
    except (etree.XMLSyntaxError, ValueError) as error:  # ValueError: a space count that is no number
        if "depth" in str(error).lower():
            raise ExtractionError(
                "The ODT file's XML is nested too deeply to be read safely, so it was refused; "
                "save it again and upload it.") from error
        raise ExtractionError("The ODT file is damaged and cannot be read; save it again and upload it.") from error
    return text_document("odt", "\n".join(lines), header="\n".join(header), links=tuple(dict.fromkeys(links)))


def _block_lines(container: etree._Element, links: list[str]) -> Iterator[str]:
    """The lines of paragraphs, lists and tables in document order; "\\f" after a page break."""
    for child in container:
        tag = child.tag
        if tag in (_P, _H):
            text, boxes, page_break = _paragraph_text(child, links)
            if text.strip():
                yield text
            for box in boxes:
                yield from _block_lines(box, links)
            if page_break:
                yield "\f"
        elif tag in (_ITEM, _HEADER_ITEM):
            for number, line in enumerate(_block_lines(child, links)):
                yield f"• {line}" if number == 0 and tag == _ITEM and line != "\f" else line
        elif tag == _TABLE:
            for row in child.iter(_ROW):
                yield from row_lines([list(_block_lines(cell, links)) for cell in row if cell.tag == _CELL])
        elif tag == _PAGE_BREAK:
            yield "\f"
        elif tag not in _SKIPPED and isinstance(tag, str):
            yield from _block_lines(child, links)


def _paragraph_text(paragraph: etree._Element, links: list[str]) -> tuple[str, list[etree._Element], bool]:
    """The paragraph's text, its text boxes and whether a page ends in it."""
    parts = [paragraph.text or ""]
    boxes: list[etree._Element] = []
    page_break = False

    def walk(element: etree._Element) -> None:
        nonlocal page_break
        for child in element:
            tag = child.tag
            if tag == _SPACE:
                parts.append(" " * min(int(child.get(_COUNT, "1") or 1), 100))
            elif tag == _TAB:
                parts.append("\t")
            elif tag == _BREAK:
                parts.append("\n")
            elif tag == _PAGE_BREAK:
                page_break = True
            elif isinstance(tag, str) and tag.startswith(_DRAWING) and tag != _DRAW_LINK:
                boxes.append(child)  # a frame or shape: its paragraphs are lines of their own
            elif tag not in _SKIPPED and isinstance(tag, str):
                if tag == _LINK and child.get(_HREF, "").lower().startswith(("http://", "https://", "mailto:")):
                    links.append(child.get(_HREF, ""))
                parts.append(child.text or "")
                walk(child)
            parts.append(child.tail or "")

    walk(paragraph)
    return "".join(parts), boxes, page_break
