"""Text extraction from PDF, DOCX, DOC, ODT, RTF, HTML and text resumes and from pictures
of their pages.

Everything here runs on untrusted bytes: any failure to parse is reported as an
ExtractionError with a sentence the API caller can act on, never as the parser's
own exception type.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from analysis_worker.document import DEFAULT_OCR, ExtractedDocument, ExtractionError, OcrOptions
from analysis_worker.extraction.checks import MAX_TEXT_CHARS
from analysis_worker.extraction.doc_text import extract_doc
from analysis_worker.extraction.docx_text import extract_docx
from analysis_worker.extraction.html_text import extract_html
from analysis_worker.extraction.image_files import extract_image
from analysis_worker.extraction.odt_text import extract_odt
from analysis_worker.extraction.pdf_text import extract_pdf
from analysis_worker.extraction.plain_text import extract_txt
from analysis_worker.extraction.rtf_text import extract_rtf
from common import file_types
from common.config import FILE_BYTES_CEILING

# The formats without pictures to read by OCR.
_TEXT_FORMATS: dict[str, Callable[[bytes], ExtractedDocument]] = {
    "doc": extract_doc, "odt": extract_odt, "rtf": extract_rtf, "html": extract_html, "txt": extract_txt}

__all__ = ["MAX_TEXT_CHARS", "ExtractedDocument", "ExtractionError", "OcrOptions", "detect_format",
           "extract"]


def detect_format(content: bytes, mime_type: str = "", file_name: str = "") -> str:
    """The file's kind (common.file_types.KINDS) from the magic bytes; refuses other types
    and a mime_type that contradicts the bytes."""
    if not content:
        raise ExtractionError("The file is empty; upload the resume again.")
    name = f" '{file_name}'" if file_name else ""
    found = file_types.sniff(content)
    if found == "zip":
        names = _zip_names(content)
        if names is None:
            raise ExtractionError(
                f"The file{name} is not a valid ZIP archive, so not a readable DOCX (it may be truncated); "
                "save it again from Word and upload it.")
        if "word/document.xml" in names:
            found = "docx"
        elif "content.xml" in names and "mimetype" in names:
            found = "odt"  # an OpenDocument package whose mimetype member is not first, as the format asks
        else:
            raise ExtractionError(
                f"The file{name} is a ZIP archive but not a Word or OpenDocument document; "
                "upload a PDF, DOCX or ODT resume.")
    elif not found:
        picture = file_types.unsupported_picture(content)
        raise ExtractionError(f"The file{name} is {picture}, which is not read; convert it to PNG or JPEG, or upload "
                              "a PDF or DOCX resume." if picture else
                              f"The file{name} is not {file_types.SUPPORTED}; upload the resume as one of them.")

    try:
        declared = file_types.declared_kind(mime_type)
    except file_types.UnsupportedType as error:
        raise ExtractionError(f"The declared type {error}.") from None
    if declared and not file_types.agrees(declared, found):
        raise ExtractionError(
            f"The declared type '{mime_type}' does not match the content of the file{name}, "
            f"which is a {found.upper()}; send the correct mime_type or leave it empty.")
    return found


def extract(
    content: bytes, mime_type: str = "", file_name: str = "", *, max_pages: int = 50, ocr: OcrOptions = DEFAULT_OCR
) -> ExtractedDocument:
    """Extracts the text of a resume: a PDF or DOCX, whose pages and pictures without
    text are read by OCR as `ocr` allows, a DOC, ODT, RTF, HTML or text file, or a
    picture of its pages, read by OCR."""
    if len(content) > FILE_BYTES_CEILING:
        raise ExtractionError(
            f"The file is {len(content) // (1024 * 1024)} MB; resumes larger than "
            f"{FILE_BYTES_CEILING // (1024 * 1024)} MB are not accepted.")
    kind = detect_format(content, mime_type, file_name)
    if kind == "pdf":
        return extract_pdf(content, max_pages, ocr)
    if kind == "docx":
        return extract_docx(content, ocr)
    if kind in _TEXT_FORMATS:
        return _TEXT_FORMATS[kind](content)
    return extract_image(content, kind, ocr)


def _zip_names(content: bytes) -> list[str] | None:
    """The names in a ZIP archive, or None when it is not a readable archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
