"""Whether a page's content stream draws its lines out of their reading order.

Most authoring tools write a page's text in reading order, and the stream's order is
then the best one: it keeps what a layout placed side by side (a date beside its entry)
together. Browsers do not always: positioned and floated boxes are painted after the
flow, so a template's headings or its entries' title rows can come at the end of the
page, far from the text they head. Such a page shows lines drawn between lines drawn
before them, in the same column: what a page written in reading order never does, even
in two columns (the second column's lines are beside the first's, not between them).

Desktop publishing goes further: each block is a frame of its own, and the frames are
drawn in the order they were made, often from the bottom of the page up. A page drawn in
reading order climbs back up the page only where a column starts; a page drawn frame by
frame climbs back onto text above, in the same column, again and again.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
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
# A page is drawn frame by frame when at least this many of its lines, and this share of
# them, stand above the line drawn just before them and overlap it across the page. Pages
# drawn in reading order climb back at most a few times (a page's header drawn last, a
# sidebar's top): among the development families, pages that climb 3 times or more do so
# on a tenth of their lines at most, and pages drawn frame by frame on a fifth at least.
_MIN_CLIMBS = 3
_CLIMB_SHARE = 0.15
# A column edge: where this share of the lines start, within this share of the page's width.
_EDGE_LINES = 0.25
_EDGE_WIDTH = 0.01
# Keys are runs that end this share of the page's width left of the edge.
_KEY_MARGIN = 0.02
_MIN_KEYS = 2
# Floats drawn first: this many at least, each within this many points of its line's baseline.
_MIN_FLOATS = 2
_SAME_LINE = 1.5
# Average advance of a glyph, in font sizes: enough to tell whether two lines overlap
# across the page without measuring fonts.
_GLYPH = 0.5


@dataclass(frozen=True)
class StreamLine:
    """Runs the stream shows one after another on one baseline, with their estimated extent."""
    y: float
    left: float
    right: float
    size: float


def drawn_out_of_order(lines: Sequence[StreamLine]) -> bool:
    """Whether `lines` (in the stream's order) are drawn between lines drawn before them in
    the same column, often enough to read the page by its geometry."""
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


def floats_drawn_first(lines: Sequence[StreamLine]) -> bool:
    """Whether the stream opens with floats: lines (two at least) drawn before it first
    climbs back up the page, each on the baseline of a line drawn after it that ends left
    of it (a date or a place floated at the right of its entry's line, painted before the
    flow as WeasyPrint paints floats)."""
    climb = next((index for index in range(1, len(lines))
                  if lines[index].y > lines[index - 1].y + max(lines[index].size, lines[index - 1].size)), 0)
    early, later = lines[:climb], lines[climb:]
    return len(early) >= _MIN_FLOATS and all(
        any(abs(line.y - float_.y) <= _SAME_LINE and line.left < float_.left for line in later) for float_ in early)


def drawn_frame_by_frame(lines: Sequence[StreamLine]) -> bool:
    """Whether the stream's `lines` climb back onto text above, in the same column, often
    enough that their order is the order frames were made in, not the order they are read in."""
    climbs = sum(1 for before, line in zip(lines, lines[1:], strict=False)
                 if line.y > before.y + max(before.size, line.size)
                 and before.right > line.left and before.left < line.right)
    return climbs >= _MIN_CLIMBS and climbs >= _CLIMB_SHARE * len(lines)


def keys_drawn_late(runs: Sequence[Run], left: float, width: float) -> float | None:
    """The x of the main column's edge when a column of keys stands left of it (at least two
    runs ending short of it) and every key was drawn after text of the main column that
    stands below it; None otherwise. `left` and `width`: the page's."""
    lines: dict[int, float] = {}
    for run in runs:
        lines[round(run.y)] = min(lines.get(round(run.y), run.x), run.x)
    starts = Counter(round((x - left) / (_EDGE_WIDTH * width)) for x in lines.values())
    step, count = starts.most_common(1)[0] if starts else (0, 0)
    if count < _EDGE_LINES * len(lines):
        return None
    edge = left + (step - 0.5) * _EDGE_WIDTH * width
    keys = {index for index, run in enumerate(runs) if estimated_right(run) < edge - _KEY_MARGIN * width}
    if len(keys) < _MIN_KEYS:
        return None
    lowest = math.inf  # the lowest baseline of the main column drawn so far
    for index, run in enumerate(runs):
        if run.x >= edge:
            lowest = min(lowest, run.y)
        elif index in keys and lowest >= run.y - run.size:
            return None  # a key drawn before the text beside and below it: in order
    return edge


def stream_lines(runs: Sequence[Run]) -> list[StreamLine]:
    """The runs that follow each other in the stream on one baseline, as lines with their
    extent across the page estimated from their characters."""
    lines: list[StreamLine] = []
    for run in runs:
        right = estimated_right(run)
        last = lines[-1] if lines else None
        if last is not None and abs(last.y - run.y) <= max(last.size, run.size) / 3:
            lines[-1] = StreamLine(last.y, min(last.left, run.x), max(last.right, right), max(last.size, run.size))
        else:
            lines.append(StreamLine(run.y, run.x, right, run.size))
    return lines


def estimated_right(run: Run) -> float:
    """Where a run ends across the page, estimated from its characters."""
    return run.x + _GLYPH * run.size * len(run.text)
