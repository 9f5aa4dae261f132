"""Resumes sent as pictures of their pages (PNG, JPEG, TIFF with one page per frame, WebP):
each page is turned upright, flattened when it is a photo of a sheet (photo_pages), and
read by OCR into text and styled lines, as a scanned PDF's pages are."""

from __future__ import annotations

import io

from analysis_worker.document import PAGE_SEPARATOR, ExtractedDocument, ExtractionError, OcrOptions, StyledLine
from analysis_worker.extraction.checks import check_text_length, garbled_warning
from analysis_worker.extraction.ocr import PAGE_SIZE, bounded, read_image
from analysis_worker.extraction.photo_pages import flattened
from common.proto.resume.v1 import resume_pb2

# A picture may declare any size (an image bomb); a phone's photo is 12-50 megapixels.
MAX_PICTURE_PIXELS = 50_000_000


def extract_image(content: bytes, kind: str, ocr: OcrOptions) -> ExtractedDocument:
    """The text of a picture file's pages (frames), at most ocr.max_pages of them."""
    if not ocr.enabled:
        raise ExtractionError(f"The file is a {kind.upper()} picture, and this service reads pictures by OCR, "
                              "which is off (OCR_ENABLED); upload a PDF or DOCX resume.")
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        picture = Image.open(io.BytesIO(content))
        width, height = picture.size
        if width * height > MAX_PICTURE_PIXELS:
            raise ExtractionError(
                f"The picture is {width}x{height} pixels; pictures of more than {MAX_PICTURE_PIXELS // 10**6} "
                "megapixels are not read; send it at a lower resolution (300 DPI is enough for a page).")
        frames = getattr(picture, "n_frames", 1)
        texts: list[str] = []
        lines: list[StyledLine] = []
        for number in range(1, min(frames, ocr.max_pages) + 1):
            picture.seek(number - 1)
            # JPEG decodes at a reduced scale when large: a page needs no more than MAX_PIXELS.
            picture.draft("L", PAGE_SIZE)
            page = flattened(bounded(ImageOps.exif_transpose(picture).convert("L")))
            text, page_lines = read_image(page, number)
            texts.append(text)
            lines.extend(page_lines)
            check_text_length(sum(len(text) for text in texts))
    except Image.DecompressionBombError as error:  # Pillow's own bound, far above MAX_PICTURE_PIXELS
        raise ExtractionError(f"The picture declares more than {MAX_PICTURE_PIXELS // 10**6} megapixels, which are "
                              "not read; send it at a lower resolution (300 DPI is enough for a page).") from error
    except (UnidentifiedImageError, OSError, EOFError, ValueError, SyntaxError) as error:
        raise ExtractionError(f"The {kind.upper()} picture is damaged or truncated and cannot be read; "
                              "save it again and upload the new file.") from error
    body = PAGE_SEPARATOR.join(texts)
    warnings = [(resume_pb2.WARNING_CODE_OCR_USED,
                 f"The file is a picture of {_pages(len(texts))}, read by OCR; check the analysis, and prefer a PDF "
                 "exported from the original document.")]
    if frames > len(texts):
        warnings.append((resume_pb2.WARNING_CODE_OCR_USED,
                         f"The picture holds {frames} pages; OCR reads at most {ocr.max_pages} page(s) of a document "
                         "(OCR_MAX_PAGES), so the others were not read."))
    if not body.strip():
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         "OCR found no text in the picture; send a sharper picture or the original document."))
    warnings.extend(garbled_warning(body))
    return ExtractedDocument(kind, body, frames, "", tuple(warnings), (), tuple(lines))


def _pages(count: int) -> str:
    return "one page" if count == 1 else f"{count} pages"
