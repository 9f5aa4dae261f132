"""Scans made from the labeled set: born-digital PDFs rendered to images, tilted by a
degree, blurred, noised and compressed as JPEG at quality 60, then wrapped as
image-only PDFs and as a DOCX holding one picture. The truths are the originals'.

Made in memory on each run, deterministically (seeded noise); rendering takes well
under a second per page, and OCR is what costs time when they are read.
"""

from __future__ import annotations

import io
import random

import docx
import numpy
import pypdfium2
from docx.shared import Inches
from PIL import Image, ImageFilter

from tests.labeled.cases import Case, generated_cases

# Resolution of the simulated scanner: the default of office scanners.
SCAN_DPI = 300
# Every third truth (its first PDF rendering) is scanned: a dozen people, all layouts.
_EVERY = 3


def degrade(page: Image.Image, seed: int) -> bytes:
    """A page image as a cheap scanner makes it, as JPEG bytes."""
    rng = random.Random(seed)
    image = page.convert("L").rotate(rng.choice((-1.0, 1.0)) * rng.uniform(0.8, 1.2), resample=Image.BICUBIC,
                                     expand=False, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.7))
    # Gaussian noise around grey 128, from the seed (Pillow's effect_noise is not seeded).
    grain = numpy.random.default_rng(seed).normal(128, 12, (image.height, image.width))
    image = Image.blend(image, Image.fromarray(grain.clip(0, 255).astype(numpy.uint8)), 0.12)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60)
    return out.getvalue()


def page_images(pdf: bytes, seed: int, dpi: int = SCAN_DPI) -> list[bytes]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [degrade(page.render(scale=dpi / 72).to_pil(), seed + index)
                for index, page in enumerate(document)]
    finally:
        document.close()


def image_pdf(pages: list[bytes], dpi: int = SCAN_DPI) -> bytes:
    """An image-only PDF, one JPEG per page scanned at `dpi`, with no text layer."""
    images = [Image.open(io.BytesIO(page)) for page in pages]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()


def picture_docx(page: bytes) -> bytes:
    """A DOCX whose body is one picture of the page."""
    document = docx.Document()
    document.add_picture(io.BytesIO(page), width=Inches(6.5))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def scan_cases() -> list[Case]:
    """Image-only PDFs (1-3 pages) of every third person, and a one-picture DOCX of
    each of those whose resume fits on one page."""
    cases: list[Case] = []
    seen: list[str] = []
    for case in generated_cases():
        if not case.file_name.endswith(".pdf") or case.person in seen:
            continue
        seen.append(case.person)
        if (len(seen) - 1) % _EVERY:
            continue
        pages = page_images(case.content, seed=len(seen))[:3]
        cases.append(Case(f"scan/{case.name}", case.person, f"{case.person}.pdf", image_pdf(pages), case.expected))
        if len(pages) == 1:
            cases.append(Case(f"scan/{case.person}/docx:picture", case.person, f"{case.person}.docx",
                              picture_docx(pages[0]), case.expected))
    return cases
