"""Whether a page's content stream draws its lines out of their reading order.

Most authoring tools write a page's text in reading order, and the stream's order is
then the best one: it keeps what a layout placed side by side (a date beside its entry)
together. Browsers do not always: positioned and floated boxes are painted after the
flow, so a template's headings or its entries' title rows can come at the end of the
page, far from the text they head. Such a page shows lines drawn between lines drawn
before them, in the same column: what a page written in reading order never does, even
in two columns (the second column's lines are beside the first's, not between them).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from analysis_worker.extraction.layout import Run

# A line counts as drawn between two others when they overlap it across the page and lie
# within this many of its font sizes above and below it.
_NEAR = 4.0
# A page is out of order when at least this many of its lines, and this share of them,
# are drawn between lines drawn before them.
_MIN_INSERTED = 3
_SHARE = 0.1
# Average advance of a glyph, in font sizes: enough to tell whether two lines overlap
# across the page without measuring fonts.
_GLYPH = 0.5


@dataclass(frozen=True)
class _StreamLine:
    y: float
    left: float
    right: float
    size: float


def drawn_out_of_order(runs: Sequence[Run]) -> bool:
    """Whether lines of `runs` (in the stream's order) are drawn between lines drawn
    before them in the same column, often enough to read the page by its geometry."""
    lines = _stream_lines(runs)
    drawn: list[tuple[float, int]] = []  # (y, index in lines), sorted by y
    inserted = 0
    for index, line in enumerate(lines):
        reach = _NEAR * line.size
        low = bisect.bisect_left(drawn, (line.y - reach, -1))
        high = bisect.bisect_right(drawn, (line.y + reach, len(lines)))
        above = below = False
        for y, other in drawn[low:high]:
            neighbour = lines[other]
            if neighbour.right <= line.left or neighbour.left >= line.right:
                continue
            above |= y > line.y + line.size / 3
            below |= y < line.y - line.size / 3
        inserted += above and below
        bisect.insort(drawn, (line.y, index))
    return inserted >= _MIN_INSERTED and inserted >= _SHARE * len(lines)


def _stream_lines(runs: Sequence[Run]) -> list[_StreamLine]:
    """The runs that follow each other in the stream on one baseline, as lines with their
    extent across the page estimated from their characters."""
    lines: list[_StreamLine] = []
    for run in runs:
        right = run.x + _GLYPH * run.size * len(run.text)
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - run.y) <= max(last.size, run.size) / 3:
            lines[-1] = _StreamLine(last.y, min(last.left, run.x), max(last.right, right), max(last.size, run.size))
        else:
            lines.append(_StreamLine(run.y, run.x, right, run.size))
    return lines
