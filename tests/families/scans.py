"""Scans of the template families: each family's first two PDFs (every held-out one) as a
cheap office scanner makes them (tests/labeled/scans.py: tilt, blur, noise, JPEG at
quality 60), at the resolution asked, beside the born-digital files they were made from.
Made in memory on each run; the truths are the originals'."""

from __future__ import annotations

from tests.families.cases import family_cases
from tests.labeled.cases import Case
from tests.labeled.scans import image_pdf, page_images

# Development families' PDFs scanned per family: two of five keep a run of make evaluate
# within minutes (OCR costs seconds a page), and cover every layout.
_DEVELOPMENT_PER_FAMILY = 2


def family_scans(held_out: bool, dpi: int) -> tuple[list[Case], list[Case]]:
    """The born-digital PDFs chosen and their scans at `dpi`, in the same order."""
    chosen: list[Case] = []
    for case in family_cases(held_out):
        taken = sum(1 for other in chosen if other.person == case.person)
        if case.file_name.endswith(".pdf") and (held_out or taken < _DEVELOPMENT_PER_FAMILY):
            chosen.append(case)
    scans = [Case(f"{case.name} (scan)", case.person, case.file_name,
                  image_pdf(page_images(case.content, seed=index, dpi=dpi), dpi), case.expected)
             for index, case in enumerate(chosen)]
    return chosen, scans
