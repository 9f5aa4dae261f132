"""Pictures of resume pages as people send them: a page saved as PNG, JPEG, TIFF (one
frame per page) or WebP, and a phone's photo of a printed page (the sheet askew on a
desk, under light falling off across it, JPEG). Made from born-digital PDFs, seeded."""

from __future__ import annotations

import io
import random

import numpy
import pypdfium2
from PIL import Image, ImageFilter

FORMATS = {"png": "PNG", "jpeg": "JPEG", "tiff": "TIFF", "webp": "WEBP"}
EXTENSIONS = {"png": ".png", "jpeg": ".jpg", "tiff": ".tiff", "webp": ".webp"}

NAME, EMAIL = "Marta Kowalska", "marta.kowalska@example.org"


def resume_pdf(pages: int = 1) -> bytes:
    """A short resume whose first page sets the name large; further pages hold a line each."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=24)
    pdf.cell(text=NAME, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for line in [EMAIL, "+48 512 345 678", " ", "EXPERIENCE", "Data Analyst, Contoso Ltd",
                 "March 2019 - June 2023", "Reported weekly sales to the board with SQL and Excel.", " ",
                 "EDUCATION", "Jagiellonian University", "BSc Mathematics, 2015 - 2018"]:
        pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT", h=7)
    for number in range(2, pages + 1):
        pdf.add_page()
        pdf.cell(text=f"Page {number}: references on request.")
    return bytes(pdf.output())


def page_images(pdf: bytes, dpi: int, pages: int = 1) -> list[Image.Image]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [document[index].render(scale=dpi / 72, grayscale=True).to_pil()
                for index in range(min(pages, len(document)))]
    finally:
        document.close()


def picture_file(pages: list[Image.Image], kind: str) -> bytes:
    """The pages saved as one file of `kind` (FORMATS); every page only in a TIFF."""
    out = io.BytesIO()
    extra = {"save_all": True, "append_images": pages[1:], "compression": "tiff_deflate"} if kind == "tiff" else {}
    pages[0].save(out, FORMATS[kind], **extra)
    return out.getvalue()


def photographed(page: Image.Image, seed: int) -> bytes:
    """A phone's photo of the printed page, as JPEG: the sheet smaller than the picture,
    its corners pulled askew on a darker desk, light falling off from one corner to the
    opposite one by half, slightly out of focus, with sensor noise."""
    import cv2

    rng = random.Random(seed)
    sheet = numpy.asarray(page.convert("L"), dtype=numpy.float32)
    height, width = sheet.shape
    canvas = (int(width * 1.3), int(height * 1.25))
    margin_x, margin_y = (canvas[0] - width) / 2, (canvas[1] - height) / 2
    corners = numpy.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=numpy.float32)
    shift = 0.06 * width
    placed = numpy.array([[x + margin_x + rng.uniform(-shift, shift), y + margin_y + rng.uniform(-shift, shift)]
                          for x, y in corners], dtype=numpy.float32)
    warp = cv2.getPerspectiveTransform(corners, placed)
    photo = cv2.warpPerspective(sheet, warp, canvas, flags=cv2.INTER_LINEAR, borderValue=70.0)
    ys, xs = numpy.mgrid[0:canvas[1], 0:canvas[0]]
    light = 1.0 - 0.5 * (xs / canvas[0] + ys / canvas[1]) / 2
    photo = cv2.GaussianBlur(photo * light, (0, 0), 0.8)
    photo += numpy.random.default_rng(seed).normal(0, 4, photo.shape)
    out = io.BytesIO()
    Image.fromarray(photo.clip(0, 255).astype(numpy.uint8)).filter(ImageFilter.SMOOTH).save(out, "JPEG", quality=80)
    return out.getvalue()
