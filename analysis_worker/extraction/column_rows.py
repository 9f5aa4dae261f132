"""A PDF page's placed runs gathered into lines of text in reading order: top to bottom,
or the left column's lines and then the right one's."""

from __future__ import annotations

import itertools

from analysis_worker.extraction.column_bands import Placed, columns_top
from analysis_worker.extraction.pdf_runs import PlainRun

# A line: its pieces of text left to right, each with the run that shows it.
Row = list[tuple[str, PlainRun]]
# A column of keys (headings, dates, labels) beside the blocks they head stands far
# sparser than the text beside it: its lines this many times further apart at the median.
# A sidebar's lines follow each other as closely as the main column's. Keys standing on
# the baselines of the lines they head (dates and labels beside an entry's first line) are
# keys when half of them do, at a lesser sparseness: a form's labels come in runs
# as close as its text ("Address", "Phone", "Email").
_SPARSER = 2.0
_SPARSER_ALIGNED = 1.5
_ALIGNED = 0.5
# Lines of a block follow each other at most this many times the column's usual step.
_BLOCK_STEP = 1.5


def columns_rows(lines: dict[int, list[Placed]], gutter: int, plain: str, starts: list[int]) -> list[Row]:
    """The lines of a page head set across both columns (the name, a summary), then the
    left column's lines and the right one's, top to bottom, each as its pieces of text with
    their runs: a run belongs to the column it starts in."""
    cut = gutter + 1
    placed = [p for line in lines.values() for p in line]
    top = columns_top(placed, gutter)
    head = [p for p in placed if p.run.y > top]
    if not any(p.bands()[0] <= gutter <= p.bands()[1] for p in head):
        head = []
    body = [p for p in placed if p.run.y <= top] if head else placed
    left = text_lines([p for p in body if p.start < cut], plain, starts)
    right = text_lines([p for p in body if p.start >= cut], plain, starts)
    keyed = _keyed_if_sparse(left, right, 3)
    return text_lines(head, plain, starts) + (keyed if keyed is not None else left + right)


def keyed_rows(lines: dict[int, list[Placed]], gutter: int, plain: str, starts: list[int]) -> list[Row] | None:
    """The lines of a page whose keys stand left of `gutter` beside the flow, each key
    before the block it stands beside; None when the keys are not sparser than the flow.
    Two keys are enough: a label column may hold only two headings on a page."""
    cut = gutter + 1
    placed = [p for line in lines.values() for p in line]
    left = text_lines([p for p in placed if p.start < cut], plain, starts)
    right = text_lines([p for p in placed if p.start >= cut], plain, starts)
    return _keyed_if_sparse(left, right, 2)


def _keyed_if_sparse(keys: list[Row], lines: list[Row], fewest: int) -> list[Row] | None:
    """`keys` read beside `lines` (see _keyed) when there are `fewest` of them at least and
    they stand sparser than the lines (see _SPARSER); None otherwise."""
    step = _median_step(lines)
    if len(keys) < fewest or len(lines) < 3 or not step:
        return None
    sparser = _median_step(keys) / step
    if sparser >= _SPARSER or sparser >= _SPARSER_ALIGNED and _aligned_share(keys, lines) >= _ALIGNED:
        return _keyed(keys, lines, step)
    return None


def _aligned_share(keys: list[Row], lines: list[Row]) -> float:
    """The share of `keys` that stand on the baseline of one of `lines`."""
    baselines = [_baseline(row) for row in lines]
    return sum(1 for key in keys if _on_a_baseline(key, baselines)) / len(keys)


def _baseline(row: Row) -> float:
    return max(run.y for _, run in row)


def _on_a_baseline(row: Row, baselines: list[float]) -> bool:
    """Whether the row stands on one of `baselines`, to the point."""
    return any(abs(_baseline(row) - y) <= 1 for y in baselines)


def _median_step(rows: list[Row]) -> float:
    """The usual distance between the baselines of consecutive lines, top to bottom."""
    steps = sorted(_baseline(above) - _baseline(below) for above, below in itertools.pairwise(rows))
    return steps[len(steps) // 2] if steps else 0.0


def _keyed(keys: list[Row], lines: list[Row], step: float) -> list[Row]:
    """The lines in blocks (parted by a gap wider than their usual step, or by a key on a
    line's baseline: a key heads the line it stands beside), each after the keys that stand
    beside it: a section's heading, an entry's dates. A key belongs to the first block that
    reaches down to it."""
    heads = [_baseline(key) for key in keys]
    blocks: list[list[Row]] = []
    for row in lines:
        close = bool(blocks) and _baseline(blocks[-1][-1]) - _baseline(row) <= _BLOCK_STEP * step
        if close and not _on_a_baseline(row, heads):
            blocks[-1].append(row)
        else:
            blocks.append([row])
    read: list[Row] = []
    waiting = iter(keys)
    key = next(waiting, None)
    for block in blocks:
        bottom = _baseline(block[-1]) - step / 2
        while key is not None and _baseline(key) >= bottom:
            read.append(key)
            key = next(waiting, None)
        read += block
    return read + ([key] if key is not None else []) + list(waiting)


def text_lines(placed: list[Placed], plain: str, starts: list[int]) -> list[Row]:
    """Runs whose baselines lie within a third of their size of a line's are on it (a
    superscript, an icon font), left to right. Between two runs that follow each other in
    the plain text goes what pypdf put there (a space, or nothing inside a word set in two
    fonts), since it measures the gap with the kerning the fonts' widths lack; between
    others, a space."""
    rows: list[list[Placed]] = []
    for p in sorted(placed, key=lambda p: -p.run.y):
        if rows and rows[-1][0].run.y - p.run.y <= p.run.size / 3:
            rows[-1].append(p)
        else:
            rows.append([p])
    lines = []
    for row in rows:
        row.sort(key=lambda p: p.start)
        pieces = []
        for before, after in itertools.zip_longest(row, row[1:]):
            if after is None:
                pieces.append((before.run.text, before.run))
                continue
            end = starts[before.run.chunk] + len(before.run.text)
            glued = starts[after.run.chunk] == end
            pieces.append((before.run.text + ("" if glued else " "), before.run))
        if "".join(text for text, _ in pieces).strip():
            lines.append(pieces)
    return lines
