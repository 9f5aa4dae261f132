"""A column of keys beside a column of text, read key by key: each section heading, each
entry's dates before the block of lines it stands beside, as the eye reads a page whose
narrow left column holds only headings and dates. Shared by text layers (column_rows) and
OCR (reading_order), whose lines differ only in how their height on the page is read."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from typing import TypeVar

Line = TypeVar("Line")

# A column of keys (headings, dates, labels) beside the blocks they head stands far
# sparser than the text beside it: its lines this many times further apart at the median.
# A sidebar's lines follow each other as closely as the main column's. Keys standing on
# the lines they head (dates and labels beside an entry's first line) are keys when half
# of them do, at a lesser sparseness: a form's labels come in runs as close as its text
# ("Address", "Phone", "Email").
_SPARSER = 2.0
_SPARSER_ALIGNED = 1.5
_ALIGNED = 0.5
# A margin of entries' dates beside entries of a line or two is no sparser than the text
# beside it; it is told by its dates, this many at least (a year each).
_DATED = 3
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# A key stands clear of the lines beside it when none is within this many steps of it.
_CLEAR = 0.75
# Lines of a block follow each other at most this many times the column's usual step.
_BLOCK_STEP = 1.5


def keyed(keys: list[Line], lines: list[Line], fewest: int, height: Callable[[Line], float],
          near: float, text: Callable[[Line], str]) -> list[Line] | None:
    """`keys` and `lines` (each top to bottom) read as one, each key before the block of
    lines it stands beside, when there are `fewest` keys at least and they stand sparser
    than the lines or are a margin of dates; None otherwise. `height` gives a line's height
    on the page (greater is higher), `text` its text, and two lines within `near` of each
    other stand on one line."""
    step = _median_step(lines, height)
    if len(keys) < fewest or len(lines) < 3 or not step:
        return None
    sparser = _median_step(keys, height) / step
    levels = [height(line) for line in lines]
    on_line = [_beside(height(key), levels, near) for key in keys]
    aligned = sum(on_line) / len(keys)
    if sparser >= _SPARSER or sparser >= _SPARSER_ALIGNED and aligned >= _ALIGNED or \
            _dated_margin(keys, on_line, levels, step, height, text):
        return _interleaved(keys, lines, step, height, near)
    return None


def _dated_margin(keys: list[Line], on_line: list[bool], levels: list[float], step: float,
                  height: Callable[[Line], float], text: Callable[[Line], str]) -> bool:
    """Whether the keys (`on_line`: which stand on a line) are a margin of entries' dates:
    each key stands on a line or clear of every line (a heading over a gap), and from the
    first dates to the last, every key but the dates (three at least) stands clear. A
    sidebar at the main column's pitch stands on its lines too, but holds more than dates
    between its dates (a school, a degree)."""
    clear = [all(abs(height(key) - level) > _CLEAR * step for level in levels) for key in keys]
    dated = [index for index, key in enumerate(keys) if _YEAR.search(text(key))]
    return len(dated) >= _DATED and all(on_line[index] for index in dated) and \
        all(on_line[index] or clear[index] for index in range(len(keys))) and \
        all(clear[index] for index in range(dated[0], dated[-1]) if index not in dated)


def _beside(level: float, levels: list[float], near: float) -> bool:
    return any(abs(level - other) <= near for other in levels)


def _median_step(lines: list[Line], height: Callable[[Line], float]) -> float:
    """The usual distance between consecutive lines, top to bottom."""
    steps = sorted(height(above) - height(below) for above, below in itertools.pairwise(lines))
    return steps[len(steps) // 2] if steps else 0.0


def _interleaved(keys: list[Line], lines: list[Line], step: float, height: Callable[[Line], float],
                 near: float) -> list[Line]:
    """The lines in blocks (parted by a gap wider than their usual step, or by a key on a
    line's level: a key heads the line it stands beside), each after the keys that stand
    beside it: a section's heading, an entry's dates. A key belongs to the first block that
    reaches down to it."""
    heads = [height(key) for key in keys]
    blocks: list[list[Line]] = []
    for line in lines:
        close = bool(blocks) and height(blocks[-1][-1]) - height(line) <= _BLOCK_STEP * step
        if close and not _beside(height(line), heads, near):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    read: list[Line] = []
    waiting = iter(keys)
    key = next(waiting, None)
    for block in blocks:
        bottom = height(block[-1]) - step / 2
        while key is not None and height(key) >= bottom:
            read.append(key)
            key = next(waiting, None)
        read += block
    return read + ([key] if key is not None else []) + list(waiting)
