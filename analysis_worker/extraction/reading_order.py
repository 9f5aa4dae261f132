"""OCR boxes levelled by the page's skew and put back into lines and columns, so that a
scan reads like the text layer of a born-digital PDF: one line per printed line, a
column's lines together."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

# Corners of a detected text region, clockwise from the top left, in pixels.
Quad = Sequence[Sequence[float]]

# Regions at least this many times wider than tall give the page's skew by their top edge;
# a short word's region is often an upright rectangle, whatever the skew.
_LONG = 3
# Fewer long regions than this give no skew worth trusting: the page is taken as upright.
_MIN_LONG = 5


@dataclass(frozen=True)
class Box:
    """A piece of text the OCR found, with its bounding box in pixels."""
    left: float
    top: float
    right: float
    bottom: float
    text: str

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


def level(regions: list[tuple[Quad, str]]) -> list[Box]:
    """Boxes of the detected regions, turned by the page's skew so that a printed line's
    boxes share a height. A page scanned a degree askew lowers one end of a line by 35
    pixels at 300 DPI, more than half a text height: a date right-aligned beside "MBA"
    would otherwise become a line of its own."""
    slopes = [(quad[1][1] - quad[0][1]) / (quad[1][0] - quad[0][0]) for quad, _ in regions
              if quad[1][0] - quad[0][0] >= _LONG * max(quad[3][1] - quad[0][1], 1.0)]
    angle = math.atan(statistics.median(slopes)) if len(slopes) >= _MIN_LONG else 0.0
    cos, sin = math.cos(angle), math.sin(angle)
    boxes = []
    for quad, text in regions:
        xs = [x * cos + y * sin for x, y in quad]
        ys = [y * cos - x * sin for x, y in quad]
        boxes.append(Box(min(xs), min(ys), max(xs), max(ys), text))
    return boxes


def assemble(boxes: list[Box], page_width: float) -> str:
    """The page's text: column by column when the boxes leave a gutter, top to bottom,
    each line's boxes left to right."""
    if not boxes:
        return ""
    gutter = _find_gutter(boxes, page_width)
    if gutter is None:
        return "\n".join(_lines(boxes))
    left = [box for box in boxes if box.right <= gutter]
    right = [box for box in boxes if box.right > gutter]
    return "\n".join(_lines(left) + _lines(right))


def _lines(boxes: list[Box]) -> list[str]:
    """Boxes whose vertical middles lie within half a text height of a line's are on
    that line: a tilt of a degree or two keeps a printed line's boxes together."""
    if not boxes:
        return []
    tolerance = statistics.median(box.height for box in boxes) / 2
    lines: list[list[Box]] = []
    for box in sorted(boxes, key=lambda box: box.middle):
        if lines and abs(box.middle - statistics.fmean(b.middle for b in lines[-1])) <= tolerance:
            lines[-1].append(box)
        else:
            lines.append([box])
    return [" ".join(box.text.strip() for box in sorted(line, key=lambda box: box.left)) for line in lines]


def _find_gutter(boxes: list[Box], page_width: float) -> float | None:
    """An x in the middle half of the page that no box crosses, with text on both sides
    of it on at least a third of the lines, and at least ten boxes on each side: a
    sidebar or a second column. Right-aligned dates beside titles fill too few lines."""
    if len(boxes) < 20:
        return None
    lines: dict[int, list[Box]] = {}
    height = statistics.median(box.height for box in boxes)
    for box in boxes:
        lines.setdefault(round(box.middle / height), []).append(box)
    step = max(page_width / 200, 1.0)
    x = page_width / 4
    while x < 3 * page_width / 4:
        if not any(box.left < x < box.right for box in boxes):
            left = sum(1 for box in boxes if box.right <= x)
            right = len(boxes) - left
            both = sum(1 for line in lines.values()
                       if any(box.right <= x for box in line) and any(box.left >= x for box in line))
            if left >= 10 and right >= 10 and both >= len(lines) / 3:
                return x
        x += step
    return None
