"""OCR boxes levelled by the page's skew and put back into lines and columns, so that a
scan reads like the text layer of a born-digital PDF: one line per printed line, a
column's lines together."""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from analysis_worker.extraction.column_bands import labels_repeat
from analysis_worker.extraction.key_columns import keyed

# Corners of a detected text region, clockwise from the top left, in pixels.
Quad = Sequence[Sequence[float]]

# Regions at least this many times wider than tall give the page's skew by their top edge;
# a short word's region is often an upright rectangle, whatever the skew.
_LONG = 3
# Fewer long regions than this give no skew worth trusting: the page is taken as upright.
_MIN_LONG = 5
# Up to this share of a page's boxes may lie across the gutter between its columns, and
# each side holds text on at least this share of its lines.
_ACROSS = 0.1
_SIDE = 0.25
# Boxes each side holds at least. A sidebar on the left can hold as few as a name over two
# lines and a handful of contact items; on the right, so few are the dates and places of
# entries set flush right on a short page, no column.
_SIDEBAR_BOXES = 6
_COLUMN_BOXES = 10
# Items set beside the other side's lines: this share of them, at least.
_BESIDE = 0.9
# Boxes whose edges lie within this share of the page's width of each other are aligned;
# a side of the page is when this share of its boxes are.
_ALIGNED = 0.01
_FLUSH = 0.7


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


def level(regions: Sequence[tuple[Quad, str]]) -> list[Box]:
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


def assemble(boxes: list[Box], page_width: float) -> list[list[Box]]:
    """The page's lines, each line's boxes left to right: top to bottom, or column by
    column where the boxes leave a gutter. Boxes set across the gutter (the name, a
    heading over both columns) cut the page into bands, each read column by column, or key
    by key beside the other column where its left column holds only keys (headings, dates)."""
    if not boxes:
        return []
    gutter = _find_gutter(boxes, page_width)
    if gutter is None:
        return _lines(boxes)
    # A key stands on a line when their middles lie within a quarter of a text height: a
    # smaller face on the same baseline moves its middle less; within half a height, a
    # sidebar's lines at another pitch would fall on the main column's now and then.
    near = statistics.median(box.height for box in boxes) / 4
    lines = []
    for across, grouped in itertools.groupby(sorted(boxes, key=lambda box: box.middle),
                                             key=lambda box: box.left < gutter < box.right):
        band = list(grouped)
        if across:
            lines += _lines(band)
            continue
        left = _lines([box for box in band if box.right <= gutter])
        right = _lines([box for box in band if box.right > gutter])
        read = keyed(left, right, 3, _height, near, _text)
        lines += read if read is not None else left + right
    return lines


def _text(line: list[Box]) -> str:
    return " ".join(box.text for box in line)


def _height(line: list[Box]) -> float:
    """A line's height on the page, greater the higher it stands (key_columns.keyed)."""
    return -statistics.fmean(box.middle for box in line)


def _lines(boxes: list[Box]) -> list[list[Box]]:
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
    return [sorted(line, key=lambda box: box.left) for line in lines]


def _find_gutter(boxes: list[Box], page_width: float) -> float | None:
    """An x in the middle half of the page with text left of it on a quarter of the lines
    and right of it on a quarter, six boxes left of it and ten right of it at least, and
    few boxes across it (the fewest there are): a sidebar or a second column. The lines
    of two columns seldom share a height, so each side is counted on its own (as for a
    text layer, column_bands.gutter_band): a sidebar shorter than its main column was read
    into it when a third of the lines had to hold both. Dates and places set flush right
    beside entries, or labels flush right against their fields, are no column and stay on
    their lines."""
    if len(boxes) < 20:
        return None
    lines: dict[int, list[Box]] = {}
    height = statistics.median(box.height for box in boxes)
    for box in boxes:
        lines.setdefault(round(box.middle / height), []).append(box)
    step = max(page_width / 200, 1.0)
    best: tuple[int, float] | None = None
    for x in (page_width / 4 + step * index for index in range(int(page_width / 2 / step))):
        across = sum(1 for box in boxes if box.left < x < box.right)
        if across > _ACROSS * len(boxes) or (best and across >= best[0]):
            continue
        left = [box for box in boxes if box.right <= x]
        right = [box for box in boxes if box.left >= x]
        on_left = sum(1 for line in lines.values() if any(box.right <= x for box in line))
        on_right = sum(1 for line in lines.values() if any(box.left >= x for box in line))
        sides = len(left) >= _SIDEBAR_BOXES and len(right) >= _COLUMN_BOXES and \
            min(on_left, on_right) >= _SIDE * len(lines)
        if sides and not _set_flush_right(left, [box for box in boxes if box.right > x], page_width) and \
                not _set_flush_right(right, [box for box in boxes if box.left < x], page_width):
            best = (across, x)
    return best[1] if best else None


def _set_flush_right(side: list[Box], other: list[Box], page_width: float) -> bool:
    """Whether a side's boxes are items set flush right on the lines of the `other` boxes
    (those of the other side and across the gutter), not a column: they end at one x and
    either are a form's labels, which come back entry after entry ("Dates", "Occupation
    or position held"), or nearly all stand beside other text. A sidebar set flush right
    against the gutter shares lines with the main column only here and there. Items of
    one width ("01/2022 - Present") start at one x too, as a column of justified text
    does: those are half as many as the other boxes at most (two columns of one leading
    stand beside each other, box for box)."""
    if not _aligned([box.right for box in side], page_width):
        return False
    if labels_repeat([box.text for box in side]):
        return True
    beside = sum(1 for box in side if any(abs(box.middle - line.middle) <= box.height / 2 for line in other))
    return beside >= _BESIDE * len(side) and \
        (not _aligned([box.left for box in side], page_width) or 2 * len(side) <= len(other))


def _aligned(edges: list[float], page_width: float) -> bool:
    edge = statistics.median(edges)
    return sum(1 for x in edges if abs(x - edge) <= _ALIGNED * page_width) >= _FLUSH * len(edges)
