"""Text of DOCX resumes (python-docx): body, tables, text boxes, headers and footers,
read from an archive first unpacked under bounds, since the file is untrusted."""

from __future__ import annotations

import io
import zipfile
import zlib

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from analysis_worker.document import ExtractedDocument, ExtractionError
from analysis_worker.extraction.checks import check_text_length, garbled_warning
from common.proto.resume.v1 import resume_pb2

# All members of the archive together, unpacked.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
# Word XML compresses well (10-30x is usual); beyond this a member is a bomb. Small
# members are left alone: their size is bounded by MAX_UNZIPPED_BYTES anyway.
MAX_ZIP_RATIO = 200
MAX_ZIP_RATIO_FROM_BYTES = 1024 * 1024
MAX_ZIP_ENTRIES = 2000
# lxml needs about 25 times an XML part's size in memory; a resume's document.xml is
# well under 1 MB, media aside.
MAX_XML_PART_BYTES = 10 * 1024 * 1024
_ZIP_CHUNK = 1024 * 1024

_W_P, _W_TBL, _W_TR, _W_TC, _W_SDT, _W_SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt",
                                                                     "w:sdtContent"))
_W_T, _W_TAB, _W_BR, _W_CR, _W_TXBX = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:txbxContent"))
_W_NUMPR, _W_PSTYLE, _W_VAL, _W_TYPE = qn("w:numPr"), qn("w:pStyle"), qn("w:val"), qn("w:type")
_W_RENDERED_BREAK = qn("w:lastRenderedPageBreak")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _unpacked_copy(content: bytes) -> bytes:
    """The archive rewritten uncompressed, each member inflated under a bound; refuses
    archives that unpack to too much and XML parts with a DTD.

    python-docx reads members with ZipFile.read, which inflates a whole member before
    cutting it to the size the header declares: a member that lies about its size
    would take gigabytes first. Reading in chunks stops at the declared size, so
    python-docx is given only bytes that were inflated under this bound."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
            _check_declared_sizes(entries)
            names = [entry.filename for entry in entries]
            # Word only stores or deflates; other methods (bzip2, LZMA) inflate without a bound per chunk.
            methods = {entry.compress_type for entry in entries}
            if len(set(names)) != len(names) or not methods <= {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}:
                raise zipfile.BadZipFile("duplicate member names or an unusual compression method")
            copy = io.BytesIO()
            with zipfile.ZipFile(copy, "w", zipfile.ZIP_STORED) as target:
                for entry in entries:
                    data = _read_member(archive, entry)
                    if _is_xml(entry.filename) and _declares_dtd(data):
                        raise ExtractionError(
                            f"The DOCX file's part {entry.filename} declares a DTD (<!DOCTYPE>), which Word "
                            "never writes and which can smuggle in outside content (XXE), so it was refused; "
                            "save the resume again from Word and upload it.")
                    target.writestr(entry.filename, data)
            return copy.getvalue()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError, zlib.error) as error:
        raise ExtractionError("The DOCX file is not a valid ZIP archive; save it again from Word and upload it.") \
            from error


def _check_declared_sizes(entries: list[zipfile.ZipInfo]) -> None:
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNZIPPED_BYTES or any(
            entry.file_size > MAX_ZIP_RATIO_FROM_BYTES
            and entry.file_size > MAX_ZIP_RATIO * max(entry.compress_size, 1) for entry in entries):
        raise ExtractionError(
            "The DOCX file expands to an unreasonable size when unpacked and was refused; "
            "save the resume again (without embedded media) and upload it.")
    for entry in entries:
        if _is_xml(entry.filename) and entry.file_size > MAX_XML_PART_BYTES:
            raise ExtractionError(
                f"The DOCX file's part {entry.filename} holds {entry.file_size / 2**20:.1f} MB of XML, "
                f"more than the {MAX_XML_PART_BYTES // (1024 * 1024)} MB accepted, so it was refused; "
                "save the resume again from Word and upload it.")


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels"))


def _read_member(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    """The member's bytes, at most its declared size (zipfile checks the CRC at the end)."""
    chunks = []
    with archive.open(entry) as member:
        while chunk := member.read(_ZIP_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def _declares_dtd(xml: bytes) -> bool:
    """Whether an XML part holds a DOCTYPE, in UTF-8 or, with its NUL bytes, UTF-16/32.

    python-docx parses with entity resolution off and lxml never loads DTDs nor
    uses the network, so entities would stay unexpanded anyway; refusing the file
    gives the caller a clear reason instead of a silently altered text."""
    return b"<!DOCTYPE" in xml or b"<!DOCTYPE" in xml.replace(b"\x00", b"")


def extract_docx(content: bytes) -> ExtractedDocument:
    content = _unpacked_copy(content)
    try:
        document = Document(io.BytesIO(content))
        body_lines = list(_block_lines(document.element.body))
        header_lines: list[str] = []
        for section in document.sections:
            for part in (section.header, section.first_page_header, section.even_page_header,
                         section.footer, section.first_page_footer, section.even_page_footer):
                if not part.is_linked_to_previous:
                    header_lines.extend(_block_lines(part._element))
        links = _docx_links(document)
        body = document.element.body
        breaks = max(sum(1 for br in body.iter(_W_BR) if br.get(_W_TYPE) == "page"),
                     sum(1 for p in body.iter(_W_P) if next(p.iter(_W_RENDERED_BREAK), None) is not None))
    except MemoryError:
        raise  # over the process's memory limit: reported as such, not as a damaged file
    except Exception as error:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError... on bad input
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
    warnings: list[tuple[int, str]] = []
    if not text.strip() and not header.strip():
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         "The DOCX file contains no text (perhaps only images); upload a document with real text."))
    warnings.extend(garbled_warning(text))
    # Word does not store a page count we can trust (docProps is often stale), so the
    # pages are counted from explicit and last-rendered page breaks.
    return ExtractedDocument("docx", text, 1 + breaks, header, tuple(warnings), links)


def _block_lines(container: etree._Element):
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
                    yield from _row_lines(row)
        elif child.tag in (_W_SDT, _W_SDT_CONTENT):
            yield from _block_lines(child)


def _row_lines(row: etree._Element):
    cells = [list(_block_lines(cell)) for cell in row if cell.tag == _W_TC]
    cells = [cell for cell in cells if cell]
    # Layout tables put one fact per cell ("Acme Corp" | "2019 – 2021"): one line
    # keeps them together; cells holding whole blocks are read one after the other.
    if all(len(cell) == 1 for cell in cells):
        if cells:
            yield " | ".join(cell[0] for cell in cells)
    else:
        for cell in cells:
            yield from cell


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
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        return False
    style = properties.find(_W_PSTYLE)
    return properties.find(_W_NUMPR) is not None or (
        style is not None and (style.get(_W_VAL) or "").lower().startswith("list"))


def _docx_links(document) -> tuple[str, ...]:
    parts = [document.part]
    for section in document.sections:
        for header_footer in (section.header, section.footer, section.first_page_header,
                              section.first_page_footer, section.even_page_header, section.even_page_footer):
            if not header_footer.is_linked_to_previous:
                parts.append(header_footer.part)
    links = []
    for part in parts:
        for rel in part.rels.values():
            if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK and rel.is_external:
                links.append(rel.target_ref)
    return tuple(dict.fromkeys(links))
