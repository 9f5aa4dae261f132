"""Text extraction from PDF and DOCX resumes.

Everything here runs on untrusted bytes: any failure to parse is reported as an
ExtractionError with a sentence the API caller can act on, never as the parser's
own exception type.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
import zlib
from collections import Counter

import pypdf
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from analysis_worker.document import ExtractedDocument, ExtractionError
from common import file_types
from common.proto.resume.v1 import resume_pb2

PAGE_SEPARATOR = "\n\f\n"

# Resumes are small; anything far bigger is a mistake or an attack.
MAX_FILE_BYTES = 20 * 1024 * 1024
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
# Longer documents get a warning and only their first pages read (max_pages); far
# longer ones are books or dumps, not resumes, and are refused before any page is read.
MAX_PDF_PAGES = 1000
# Ten times the densest real resumes: bounds the memory and time of the analysis.
MAX_TEXT_CHARS = 1_000_000

# pypdf's own limits (75 MB per stream, 2 M operations per content stream...) suit
# any PDF; a resume's content streams are a few hundred KB at most. Images, the one
# big thing a resume holds, are never decoded for text extraction.
_STREAM_LIMIT = 20 * 1024 * 1024
_PDF_LIMITS = pypdf.get_configuration().with_overwrites(
    maximum_declared_stream_length=MAX_FILE_BYTES,
    array_based_stream_maximum_output_length=_STREAM_LIMIT,
    jbig2_maximum_output_length=_STREAM_LIMIT,
    lzw_maximum_output_length=_STREAM_LIMIT,
    run_length_maximum_output_length=_STREAM_LIMIT,
    zlib_maximum_output_length=_STREAM_LIMIT,
    brotli_maximum_output_length=_STREAM_LIMIT,
    image_maximum_buffer_size=_STREAM_LIMIT,
    stream_decoding_work_maximum_length=3 * _STREAM_LIMIT,
    page_tree_maximum_entries=10 * MAX_PDF_PAGES,
)

# pypdf logs a warning per damaged object: a hostile file would flood the logs with
# thousands of lines, and the failure is reported as an ExtractionError anyway.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Share of replacement / private-use glyphs above which the text is unusable:
# a few private-use icons (e.g. Font Awesome in contact lines) are normal.
GARBLED_RATIO = 0.05

_GARBLED = re.compile("[\ufffd\ue000-\uf8ff]")
_DIGITS = re.compile(r"\d+")


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
        with pypdf.apply_configuration(_PDF_LIMITS):
            reader = pypdf.PdfReader(io.BytesIO(content))
            if reader.is_encrypted:
                # An empty user password only restricts printing or copying: such files
                # are opened and analysed, with a warning, as most PDF viewers do.
                if reader.decrypt("") == pypdf.PasswordType.NOT_DECRYPTED:
                    raise ExtractionError(
                        "The PDF is encrypted with a password; remove the password protection and upload it again.")
                warnings.append((resume_pb2.WARNING_CODE_ENCRYPTED,
                                 "The PDF is encrypted (it opened without a password); some applicant "
                                 "tracking systems cannot read encrypted files."))
            _check_page_count(_declared_page_count(reader))
            total = len(reader.pages)
            _check_page_count(total)
            pages_text: list[str] = []
            links: list[str] = []
            two_column_pages: list[int] = []
            length = 0
            for number, page in enumerate(reader.pages[:max_pages], start=1):
                text, columns = _pdf_page_text(page)
                length += len(text)
                _check_text_length(length)
                if columns:
                    two_column_pages.append(number)
                pages_text.append(text)
                links.extend(_pdf_page_links(page))
    except (ExtractionError, MemoryError):
        raise  # MemoryError is the process's memory limit, reported as such by the caller
    except Exception as error:  # pypdf raises many types (and plain ValueError/KeyError) on bad input
        raise _pdf_error(error) from error
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


def _declared_page_count(reader: pypdf.PdfReader) -> int:
    """The page count the file claims, read before the page tree is walked: a lie is
    caught later by the walk (bounded by page_tree_maximum_entries)."""
    try:
        count = reader.root_object["/Pages"]["/Count"]  # type: ignore[index]
    except Exception:  # noqa: BLE001 - a broken tree fails later, with the reason found then
        return 0
    return count if isinstance(count, int) else 0


def _check_page_count(pages: int) -> None:
    if pages > MAX_PDF_PAGES:
        raise ExtractionError(
            f"The PDF has {pages:,} pages; documents of more than {MAX_PDF_PAGES:,} pages are not "
            "resumes and are refused. Upload the resume alone.")


def _check_text_length(length: int) -> None:
    if length > MAX_TEXT_CHARS:
        raise ExtractionError(
            f"The document holds more than {MAX_TEXT_CHARS:,} characters of text, far more than a resume; "
            "upload the resume alone.")


def _pdf_error(error: Exception) -> ExtractionError:
    """The sentence for a PDF pypdf could not read, as specific as the cause allows."""
    causes = [error]
    while causes[-1].__cause__ is not None or causes[-1].__context__ is not None:
        causes.append(causes[-1].__cause__ or causes[-1].__context__)  # type: ignore[arg-type]
        if len(causes) > 20:
            break
    if any(isinstance(cause, RecursionError) for cause in causes):
        return ExtractionError(
            "The PDF's objects are nested too deeply to be read safely, so it was refused; "
            "export it again and upload the new file.")
    if isinstance(error, pypdf.errors.LimitReachedError):
        detail = str(error).rstrip(".")
        if "decompress" in detail.lower() or "decoding" in detail.lower():
            return ExtractionError(
                "The PDF holds compressed data that expands beyond a safe size (a decompression bomb or a "
                "damaged file), so it was refused; export it again and upload the new file.")
        return ExtractionError(
            f"The PDF's structure exceeds a safety limit ({detail}), so it was refused; "
            "export it again and upload the new file.")
    if isinstance(error, pypdf.errors.DependencyError):
        # pypdf needs the `cryptography` package for AES; without it such files cannot be opened.
        return ExtractionError(
            "The PDF is encrypted with AES, which cannot be decrypted here; remove the encryption "
            "and upload it again.")
    return ExtractionError(
        "The PDF is damaged or truncated and cannot be read; export it again and upload the new file.")


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
        counts = Counter(key for lines in split for key in {_DIGITS.sub("#", line.strip()) for line in lines[edge]})
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


def _extract_docx(content: bytes) -> ExtractedDocument:
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
    _check_text_length(len(text))
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
