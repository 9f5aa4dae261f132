"""Marks the first recognizer lost over the letters of a page's largest lines.

At 200 DPI PP-OCRv6 (ocr.py) reads "Anaïs Dupont" as "Anais Dupont" and "ANAÏS" as "ANAIS":
the diaeresis over a narrow letter is a few pixels. On the largest lines of a page, the
name most of all, a lost mark makes another name. Those lines, when they are words of
letters only, are read again by Tesseract's French model (tesseract_lines), which
knows the marks of French and of many other Latin names (ï ë ü é è ê à â ç ô û). A mark it
reads over a letter the first reading left bare is added there; nothing else of its
reading is taken. Its letters must be the first reading's, one for one, and a mark the
first reading has stays (the French model reads "Ó" as "Ô").
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis_worker.extraction.tesseract_lines import FRENCH, tesseract_reading
from analysis_worker.marks import marks_added

if TYPE_CHECKING:
    import numpy

# A region's corners, clockwise from the top left, and its text.
Corners = list[list[float]]
Region = tuple[Corners, str]

# Regions this many times taller than the page's median are its largest lines: a name, a
# large heading. A region's height grows with its type size at about half the rate, plus
# a pad (ocr._REGION): this is type half as large again as the body's or more. One or two
# lines a document, at some 13 ms each.
_TALL = 1.2
# Words of letters (an apostrophe or a hyphen inside), two to five: what a name is.
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?: [^\W\d_]+(?:['’-][^\W\d_]+)*){1,4}")


def with_marks(regions: list[Region], crops: Sequence[numpy.ndarray]) -> list[Region]:
    """The regions, with the marks Tesseract reads over bare letters of the largest ones
    added; `crops`: each region's image."""
    if not regions:
        return regions
    heights = [_height(corners) for corners, _ in regions]
    tall = _TALL * statistics.median(heights)
    marked = []
    for (corners, text), crop, height in zip(regions, crops, heights, strict=True):
        if height >= tall and _WORDS.fullmatch(text.strip()) and (second := tesseract_reading(crop, FRENCH)).sure:
            text = marks_added(text, second.text)
        marked.append((corners, text))
    return marked


def _height(corners: Corners) -> float:
    ys = [y for _, y in corners]
    return max(ys) - min(ys)
