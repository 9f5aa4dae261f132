"""Which pages of a PDF, or which picture of a DOCX, are read by OCR, and the warnings that say so."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

import pypdf

from analysis_worker.document import DocumentWarning, OcrOptions, StyledLine
from analysis_worker.extraction.ocr import open_image, read_image, render_pdf_pages
from common.proto.resume.v1 import resume_pb2

# A page whose text layer holds fewer visible characters than this is read by OCR when
# it shows more than that text (shows_more_than_text). A scan holds none, and a page whose
# text is drawn as outlines or images keeps at most a few labels (a page number, an icon
# font's glyphs); a born-digital page holds more, unless it is the last lines of a document.
MIN_TEXT_LAYER_CHARACTERS = 100


# Curves a sparse page draws beyond which its text is taken to be drawn as outlines: a
# glyph is a few curves, so a line of outlined text is hundreds; rules, boxes and a few
# icons are far fewer.
OUTLINED_TEXT_CURVES = 200
_CURVES = {b"c", b"v", b"y"}
# Form XObjects nest; a resume's are one or two deep, and a hostile file's may loop.
_MAX_FORM_DEPTH = 4


def needs_ocr(text: str) -> bool:
    return len("".join(text.split())) < MIN_TEXT_LAYER_CHARACTERS


def shows_more_than_text(page: pypdf.PageObject) -> bool:
    """Whether a page draws a picture, or enough curves to be text drawn as outlines.

    A sparse page that does neither is blank, or the last lines of a born-digital
    document on a page of their own: OCR would only read again what its text layer
    holds, at the cost of a second or more and most of a gigabyte of memory. A page
    that cannot be parsed is given to OCR, which decides from its rendering."""
    try:
        return _draws_more_than_text(page.get_contents(), page.get("/Resources"), 0)
    except Exception:  # noqa: BLE001 - pypdf raises many types on damaged pages
        return True


def _draws_more_than_text(contents: pypdf.generic.ContentStream | None, resources: Any, depth: int) -> bool:
    """`resources` is the /Resources entry as the file holds it: whatever object it is, or None."""
    if contents is None or depth > _MAX_FORM_DEPTH:
        return False
    objects = resources.get_object().get("/XObject") if resources is not None else None
    objects = objects.get_object() if objects is not None else {}
    curves = 0
    for operands, operator in contents.operations:
        if operator in _CURVES:
            curves += 1
            if curves >= OUTLINED_TEXT_CURVES:
                return True
        elif operator == b"INLINE IMAGE":
            return True
        elif operator == b"Do" and operands and operands[0] in objects:
            drawn = objects[operands[0]].get_object()
            if drawn.get("/Subtype") == "/Image":
                return True
            if drawn.get("/Subtype") == "/Form" and _draws_more_than_text(
                pypdf.generic.ContentStream(drawn, None), drawn.get("/Resources") or resources, depth + 1
            ):
                return True
    return False


def read_scanned_pages(
    content: bytes, pages_text: list[str], wanted: list[int], options: OcrOptions
) -> tuple[list[str], dict[int, list[StyledLine]], list[DocumentWarning]]:
    """The pages' text with the `wanted` pages (numbers from 1, those without a usable
    text layer) read by OCR, the first options.max_pages of them; the lines of each page
    read; and the warnings naming the pages read and skipped."""
    if not options.enabled or not wanted:
        return pages_text, {}, []
    read, skipped = wanted[:options.max_pages], wanted[options.max_pages:]
    pages = list(pages_text)
    lines = {}
    for number, image in render_pdf_pages(content, read, options.dpi).items():
        ocr_text, ocr_lines = read_image(image, number)
        # A page with a few real characters and more in its images keeps whichever is longer;
        # a blank page stays blank, and is not reported as read.
        if len(ocr_text.strip()) > len(pages[number - 1].strip()):
            pages[number - 1] = ocr_text
            lines[number] = ocr_lines
    used = sorted(lines)
    warnings = []
    if used:
        warnings.append((resume_pb2.WARNING_CODE_OCR_USED,
                         f"Page(s) {_numbers(used)} have no usable text layer and were read by OCR; "
                         "check the analysis, and prefer a PDF exported from the original document."))
    if skipped:
        warnings.append((resume_pb2.WARNING_CODE_OCR_USED,
                         f"Page(s) {_numbers(skipped)} have no usable text layer and were not read: OCR reads "
                         f"at most {options.max_pages} page(s) of a document (OCR_MAX_PAGES)."))
    return pages, lines, warnings


def _numbers(pages: list[int]) -> str:
    """"1, 2, 3" or, for long runs, "6-200"."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and runs[-1][-1] == page - 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


# The largest picture a DOCX may hold for OCR, inflated; a resume's scan is a few MB.
MAX_PICTURE_BYTES = 20 * 1024 * 1024


def read_docx_picture(content: bytes, options: OcrOptions) -> tuple[str, list[StyledLine], list[DocumentWarning]]:
    """The text and lines of the largest picture in a DOCX, for a document whose body is
    that picture, and the warning that says so; ("", [], []) when there is none to read."""
    nothing: tuple[str, list[StyledLine], list[DocumentWarning]] = ("", [], [])
    if not options.enabled:
        return nothing
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            pictures = [entry for entry in archive.infolist()
                        if entry.filename.startswith("word/media/") and 0 < entry.file_size <= MAX_PICTURE_BYTES]
            if not pictures:
                return nothing
            largest = max(pictures, key=lambda entry: entry.file_size)
            with archive.open(largest) as member:
                # The declared size may lie (a zip bomb): never read past the bound.
                data = member.read(MAX_PICTURE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error):
        return nothing  # a damaged picture: the document is analysed as its text is
    image = open_image(data) if len(data) <= MAX_PICTURE_BYTES else None
    if image is None:
        return nothing
    return *read_image(image), [(resume_pb2.WARNING_CODE_OCR_USED,
                                 "The document's text is a picture and was read by OCR; check the analysis, "
                                 "and prefer a document with real text.")]
