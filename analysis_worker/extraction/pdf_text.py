"""Text of PDF resumes (pypdf), in reading order, with running headers set apart."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

import pypdf

from analysis_worker.document import (
    PAGE_SEPARATOR,
    DocumentWarning,
    ExtractedDocument,
    ExtractionError,
    OcrOptions,
    StyledLine,
)
from analysis_worker.extraction.checks import check_text_length, garbled_warning
from analysis_worker.extraction.glyph_names import read_glyph_names_fully
from analysis_worker.extraction.modified_dates import pdf_modified
from analysis_worker.extraction.pdf_columns import page_text
from analysis_worker.extraction.scanned_pages import needs_ocr, read_scanned_pages, shows_more_than_text
from analysis_worker.extraction.word_gaps import read_word_gaps
from common.config import FILE_BYTES_CEILING, PAGES_CEILING
from common.proto.resume.v1 import resume_pb2

# Longer documents get a warning and only their first pages read (max_pages); those of
# more than PAGES_CEILING pages are books or dumps, not resumes, and are refused before
# any page is read.

# pypdf's own limits (75 MB per stream, 2 M operations per content stream...) suit
# any PDF; a resume's content streams are a few hundred KB at most. Images, the one
# big thing a resume holds, are never decoded for text extraction.
_STREAM_LIMIT = 20 * 1024 * 1024
_PDF_LIMITS = pypdf.get_configuration().with_overwrites(
    maximum_declared_stream_length=FILE_BYTES_CEILING,
    array_based_stream_maximum_output_length=_STREAM_LIMIT,
    jbig2_maximum_output_length=_STREAM_LIMIT,
    lzw_maximum_output_length=_STREAM_LIMIT,
    run_length_maximum_output_length=_STREAM_LIMIT,
    zlib_maximum_output_length=_STREAM_LIMIT,
    brotli_maximum_output_length=_STREAM_LIMIT,
    image_maximum_buffer_size=_STREAM_LIMIT,
    stream_decoding_work_maximum_length=3 * _STREAM_LIMIT,
    page_tree_maximum_entries=10 * PAGES_CEILING,
)

# pypdf logs a warning per damaged object: a hostile file would flood the logs with
# thousands of lines, and the failure is reported as an ExtractionError anyway.
logging.getLogger("pypdf").setLevel(logging.ERROR)
read_glyph_names_fully()
read_word_gaps()

_DIGITS = re.compile(r"\d+")
# A page's number printed at its top or bottom, alone or after the candidate's name:
# "Page 2", "Jane Roe - Page 2 of 3", "Seite 2 von 3", "Página 2", "2/3" alone (a
# date ending a line, "09/2015 - 06/2018", is none). Printed on the later
# pages only, it repeats on no page, yet it is no more content than a running head.
_PAGE_MARK = re.compile(r"\b(?:page|seite|p[áa]gina|p[áa]g\.?)\s*\d{1,2}"
                        r"(?:\s*(?:of|von|de|di|sur|van|/)\s*\d{1,2})?\s*$"
                        r"|^\s*\d{1,2}\s*/\s*\d{1,2}\s*$", re.IGNORECASE)


def extract_pdf(content: bytes, max_pages: int, ocr: OcrOptions) -> ExtractedDocument:
    warnings: list[DocumentWarning] = []
    try:
        # Closing the stream frees pypdf's copy of the file at once: the reader's objects
        # refer to each other, so the reader itself waits for the garbage collector.
        with pypdf.apply_configuration(_PDF_LIMITS), io.BytesIO(content) as stream:
            reader = pypdf.PdfReader(stream)
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
            modified = pdf_modified(reader)
            total = len(reader.pages)
            _check_page_count(total)
            pages_text: list[str] = []
            links: list[str] = []
            styled: list[StyledLine] = []
            two_column_pages: list[int] = []
            scanned_pages: list[int] = []
            length = 0
            for number, page in enumerate(reader.pages[:max_pages], start=1):
                text, columns, page_lines = page_text(page, number)
                styled.extend(page_lines)
                length += len(text)
                check_text_length(length)
                if columns:
                    two_column_pages.append(number)
                pages_text.append(text)
                if needs_ocr(text) and shows_more_than_text(page):
                    scanned_pages.append(number)
                links.extend(_pdf_page_links(page))
    except (ExtractionError, MemoryError):
        raise  # MemoryError is the process's memory limit, reported as such by the caller
    except Exception as error:  # pypdf raises many types (and plain ValueError/KeyError) on bad input
        raise _pdf_error(error) from error
    if total == 0:
        raise ExtractionError("The PDF has no pages; export it again and upload the new file.")
    pages_text, ocr_lines, ocr_warnings = read_scanned_pages(content, pages_text, scanned_pages, ocr)
    # The lines stay in the text's order: a page read by OCR has its lines in place of its text layer's.
    styled = sorted([line for line in styled if line.page not in ocr_lines] +
                    [line for lines in ocr_lines.values() for line in lines], key=lambda line: line.page)
    check_text_length(sum(len(text) for text in pages_text))
    warnings.extend(ocr_warnings)

    if total > max_pages:
        warnings.append((resume_pb2.WARNING_CODE_TOO_MANY_PAGES,
                         f"The PDF has {total} pages; only the first {max_pages} were analysed."))
    if two_column_pages:
        warnings.append((resume_pb2.WARNING_CODE_READING_ORDER,
                         f"Page(s) {', '.join(map(str, two_column_pages))} use several columns; they were read "
                         "column by column, which may mix up the order of some lines."))
    # A text layer holds only the glyphs drawn: a soft hyphen there is a hyphen shown
    # ("grace.kim-park@", as Typst maps it), not the invisible hint of word processors.
    body, header = _split_running_lines([text.replace("\u00ad", "-") for text in pages_text])
    if not body.strip():
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         "The PDF has no text layer and OCR found no text in it (it may be blank, or OCR "
                         "is off); export it from the original document."))
    warnings.extend(garbled_warning(body))
    return ExtractedDocument("pdf", body, total, header, tuple(warnings), tuple(dict.fromkeys(links)), tuple(styled),
                             modified)


def _declared_page_count(reader: pypdf.PdfReader) -> int:
    """The page count the file claims, read before the page tree is walked: a lie is
    caught later by the walk (bounded by page_tree_maximum_entries)."""
    try:
        count = reader.root_object["/Pages"]["/Count"]  # type: ignore[index]
    except Exception:  # noqa: BLE001 - a broken tree fails later, with the reason found then
        return 0
    return count if isinstance(count, int) else 0


def _check_page_count(pages: int) -> None:
    if pages > PAGES_CEILING:
        raise ExtractionError(
            f"The PDF has {pages:,} pages; documents of more than {PAGES_CEILING:,} pages are not "
            "resumes and are refused. Upload the resume alone.")


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
    footers such as "Jane Doe – 1/2") out of the body, page numbers ignored when
    comparing, and the page numbers printed at a page's top or bottom (_PAGE_MARK)."""
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
            if index in edge_index and (_DIGITS.sub("#", line.strip()) in running or _PAGE_MARK.search(line)):
                if line.strip() not in header:
                    header.append(line.strip())
            else:
                kept.append(line)
        body_pages.append("\n".join(kept))
    return PAGE_SEPARATOR.join(body_pages), "\n".join(header)
