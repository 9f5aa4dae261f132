"""Text extraction from PDF and DOCX resumes.

Everything here runs on untrusted bytes: any failure to parse is reported as an
ExtractionError with a sentence the API caller can act on, never as the parser's
own exception type.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass

import pypdf
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from common import file_types
from common.proto.resume.v1 import resume_pb2

PAGE_SEPARATOR = "\n\f\n"

# Resumes are small; anything far bigger is a mistake or an attack.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
# Word XML compresses well (10-30x is usual); beyond this the archive is a bomb.
MAX_ZIP_RATIO = 200
MAX_ZIP_ENTRIES = 2000

# Share of replacement / private-use glyphs above which the text is unusable:
# a few private-use icons (e.g. Font Awesome in contact lines) are normal.
GARBLED_RATIO = 0.05

_GARBLED = re.compile("[\ufffd\ue000-\uf8ff]")
_DIGITS = re.compile(r"\d+")


class ExtractionError(Exception):
    """The file cannot be analysed, whatever the number of retries (corrupt, encrypted,
    unsupported, too large). Message is a clear, actionable English sentence for the API caller."""


@dataclass(frozen=True)
class ExtractedDocument:
    format: str  # "pdf" or "docx"
    text: str  # body text in reading order, pages separated by "\n\f\n"
    pages: int
    header_text: str  # text found only in page headers/footers
    warnings: tuple[tuple[int, str], ...]  # (resume_pb2.WarningCode value, message)
    # Link targets (PDF URI annotations, DOCX hyperlinks) in document order: résumé
    # templates often show an icon and a user name while the URL lives only here.
    links: tuple[str, ...] = ()


def detect_format(content: bytes, mime_type: str = "", file_name: str = "") -> str:
    """Returns "pdf" or "docx" from the magic bytes; refuses other types and a
    mime_type that contradicts the bytes."""
    if not content:
        raise ExtractionError("The file is empty; upload the resume again.")
    name = f" '{file_name}'" if file_name else ""
    sniffed = file_types.sniff(content)
    if sniffed == "pdf":
        found = "pdf"
    elif sniffed == "zip":
        names = _zip_names(content)
        if names is None:
            raise ExtractionError(
                f"The file{name} is not a valid ZIP archive, so not a readable DOCX (it may be truncated); "
                "save it again from Word and upload it.")
        if "word/document.xml" not in names:
            raise ExtractionError(
                f"The file{name} is a ZIP archive but not a Word document; upload a PDF or DOCX resume.")
        found = "docx"
    elif content.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExtractionError(
            f"The file{name} is a legacy Word (.doc) document, which is not supported; "
            "save it as DOCX or PDF and upload it again.")
    else:
        raise ExtractionError(f"The file{name} is neither a PDF nor a DOCX document; upload a PDF or DOCX resume.")

    try:
        declared = file_types.declared_kind(mime_type)
    except file_types.UnsupportedType as error:
        raise ExtractionError(f"The declared type {error}.") from None
    if declared and declared != found:
        raise ExtractionError(
            f"The declared type '{mime_type}' does not match the content of the file{name}, "
            f"which is a {found.upper()}; send the correct mime_type or leave it empty.")
    return found


def extract(content: bytes, mime_type: str = "", file_name: str = "", *, max_pages: int = 50) -> ExtractedDocument:
    """Extracts the text of a PDF or DOCX resume."""
    if len(content) > MAX_FILE_BYTES:
        raise ExtractionError(
            f"The file is {len(content) // (1024 * 1024)} MB; resumes larger than "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB are not accepted.")
    if detect_format(content, mime_type, file_name) == "pdf":
        return _extract_pdf(content, max_pages)
    return _extract_docx(content)


def _zip_names(content: bytes) -> list[str] | None:
    """The names in a ZIP archive, or None when it is not a readable archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def _garbled_warning(text: str) -> list[tuple[int, str]]:
    visible = len("".join(text.split()))
    bad = len(_GARBLED.findall(text))
    if visible and bad / visible > GARBLED_RATIO:
        return [(resume_pb2.WARNING_CODE_GARBLED_TEXT,
                 f"{bad / visible:.0%} of the characters could not be decoded; the fonts of the file "
                 "lack a Unicode mapping, so parts of the resume may be missing from the analysis.")]
    return []


# ---------------------------------------------------------------- PDF


def _extract_pdf(content: bytes, max_pages: int) -> ExtractedDocument:
    warnings: list[tuple[int, str]] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            if reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
                raise ExtractionError(
                    "The PDF is encrypted with a password; remove the password protection and upload it again.")
            warnings.append((resume_pb2.WARNING_CODE_ENCRYPTED,
                             "The PDF is encrypted (it opened without a password); some applicant "
                             "tracking systems cannot read encrypted files."))
        total = len(reader.pages)
        pages_text: list[str] = []
        links: list[str] = []
        two_column_pages: list[int] = []
        for number, page in enumerate(reader.pages[:max_pages], start=1):
            text, columns = _pdf_page_text(page)
            if columns:
                two_column_pages.append(number)
            pages_text.append(text)
            links.extend(_pdf_page_links(page))
    except ExtractionError:
        raise
    except Exception as error:  # pypdf raises many types (and plain ValueError/KeyError) on bad input
        raise ExtractionError(
            "The PDF is damaged or truncated and cannot be read; export it again and upload the new file.") from error
    if total == 0:
        raise ExtractionError("The PDF has no pages; export it again and upload the new file.")

    if total > max_pages:
        warnings.append((resume_pb2.WARNING_CODE_TOO_MANY_PAGES,
                         f"The PDF has {total} pages; only the first {max_pages} were analysed."))
    if two_column_pages:
        warnings.append((resume_pb2.WARNING_CODE_READING_ORDER,
                         f"Page(s) {', '.join(map(str, two_column_pages))} use several columns; they were read "
                         "column by column, which may mix up the order of some lines."))
    body, header = _split_running_lines(pages_text)
    if not body.strip():
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         "The PDF has no text layer (it is probably a scan or an image); "
                         "export it from the original document or run OCR on it."))
    warnings.extend(_garbled_warning(body))
    return ExtractedDocument("pdf", body, total, header, tuple(warnings), tuple(dict.fromkeys(links)))


def _pdf_page_text(page: pypdf.PageObject) -> tuple[str, bool]:
    """Returns the page text and whether it was read as two columns.

    Plain extraction follows the content stream, which is the order the authoring
    tool wrote the text in and is right for most resumes (including side columns of
    dates). When the page visibly has two columns of running text, the content stream
    may interleave them, so the layout rendering is cut at the gutter instead."""
    plain = page.extract_text() or ""
    layout = page.extract_text(extraction_mode="layout") or ""
    lines = [line for line in layout.splitlines() if line.strip()]
    gutter = _find_gutter(lines)
    if gutter is None:
        return plain, False
    left = [line[:gutter].strip() for line in lines]
    right = [line[gutter:].strip() for line in lines]
    text = "\n".join(re.sub(r" {2,}", " ", part) for part in left + right if part)
    return text, True


def _find_gutter(lines: list[str]) -> int | None:
    """A character column, away from the page edges, that is blank on nearly every
    line while both sides hold text on many lines."""
    if len(lines) < 10:
        return None
    width = max(len(line) for line in lines)
    for column in range(int(width * 0.25), int(width * 0.75)):
        blank = sum(1 for line in lines if line[column - 1:column + 2].strip() == "")
        if blank < 0.97 * len(lines):
            continue
        both = sum(1 for line in lines if line[:column].strip() and line[column:].strip())
        left_only = sum(1 for line in lines if line[:column].strip() and not line[column:].strip())
        right_only = sum(1 for line in lines if line[column:].strip() and not line[:column].strip())
        # Right-aligned dates beside entry titles also leave a gap, but only on a few
        # lines; real columns fill both sides on a good share of the page.
        if both >= 0.3 * len(lines) and left_only + both >= 0.5 * len(lines) \
                and right_only + both >= 0.5 * len(lines):
            return column
    return None


def _pdf_page_links(page: pypdf.PageObject) -> list[str]:
    links = []
    annotations = page.get("/Annots")
    for annotation in annotations.get_object() if annotations is not None else []:
        action = annotation.get_object().get("/A")
        uri = action.get_object().get("/URI") if action else None
        if isinstance(uri, (str, bytes)):
            links.append(uri.decode("latin-1") if isinstance(uri, bytes) else str(uri))
    return links


def _split_running_lines(pages: list[str]) -> tuple[str, str]:
    """Moves lines repeated at the top or bottom of every page (running heads and
    footers such as "Jane Doe – 1/2") out of the body; page numbers are ignored when
    comparing."""
    split = [page.splitlines() for page in pages]
    # With one page, or pages of a line or two, a repeated line is content, not a running head.
    if len(pages) < 2 or any(len(lines) < 3 for lines in split):
        return PAGE_SEPARATOR.join(pages), ""
    running: list[str] = []
    for edge in (slice(0, 2), slice(-2, None)):
        counts = Counter(key for lines in split for key in {_DIGITS.sub("#", l.strip()) for l in lines[edge]})
        running += [key for key, count in counts.items() if key and count == len(pages)]
    header: list[str] = []
    body_pages = []
    for lines in split:
        edge_index = set(range(2)) | set(range(max(len(lines) - 2, 0), len(lines)))
        kept = []
        for index, line in enumerate(lines):
            if index in edge_index and _DIGITS.sub("#", line.strip()) in running:
                if line.strip() not in header:
                    header.append(line.strip())
            else:
                kept.append(line)
        body_pages.append("\n".join(kept))
    return PAGE_SEPARATOR.join(body_pages), "\n".join(header)


# ---------------------------------------------------------------- DOCX

_W_P, _W_TBL, _W_TR, _W_TC, _W_SDT, _W_SDT_CONTENT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:sdt",
                                                                     "w:sdtContent"))
_W_T, _W_TAB, _W_BR, _W_CR, _W_TXBX = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:txbxContent"))
_W_NUMPR, _W_PSTYLE, _W_VAL, _W_TYPE = qn("w:numPr"), qn("w:pStyle"), qn("w:val"), qn("w:type")
_W_RENDERED_BREAK = qn("w:lastRenderedPageBreak")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _check_zip(content: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ExtractionError("The DOCX file is not a valid ZIP archive; save it again from Word and upload it.") \
            from error
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    if len(entries) > MAX_ZIP_ENTRIES or unpacked > MAX_UNZIPPED_BYTES or unpacked / packed > MAX_ZIP_RATIO:
        raise ExtractionError(
            "The DOCX file expands to an unreasonable size when unpacked and was refused; "
            "save the resume again (without embedded media) and upload it.")


def _extract_docx(content: bytes) -> ExtractedDocument:
    _check_zip(content)
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
    except Exception as error:  # python-docx/lxml raise KeyError, ValueError, XMLSyntaxError... on bad input
        raise ExtractionError("The DOCX file is damaged and cannot be read; save it again from Word and upload it.") \
            from error

    text = "\n".join(body_lines)
    header = "\n".join(dict.fromkeys(line for line in header_lines if line.strip()))
    warnings: list[tuple[int, str]] = []
    if not text.strip() and not header.strip():
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         "The DOCX file contains no text (perhaps only images); upload a document with real text."))
    warnings.extend(_garbled_warning(text))
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
