"""A PDF page's placed runs gathered into lines of text in reading order: top to bottom,
or the left column's lines and then the right one's."""

from __future__ import annotations

import itertools

from analysis_worker.extraction.column_bands import Placed, columns_top, pieces, starts_right
from analysis_worker.extraction.key_columns import keyed
from analysis_worker.extraction.pdf_runs import PlainRun

# A line: its pieces of text left to right, each with the run that shows it.
Row = list[tuple[str, PlainRun]]


def columns_rows(lines: dict[int, list[Placed]], gutter: int, plain: str, starts: list[int]) -> list[Row]:
    """The lines of a page head set across both columns (the name, a summary), then the
    left column's lines and the right one's, top to bottom, each as its pieces of text with
    their runs: a piece of text belongs to the column most of its characters start in."""
    cut = gutter + 1
    placed = [p for line in lines.values() for p in line]
    top = columns_top(lines, gutter)
    head = [p for p in placed if p.run.y > top]
    if not any(p.bands()[0] <= gutter <= p.bands()[1] for p in head):
        head = []
    body = [kept for line in lines.values() if (kept := [p for p in line if p.run.y <= top])] if head \
        else list(lines.values())
    left, right = _sides(body, cut, plain, starts)
    read = _keyed_if_sparse(left, right, 3)
    return text_lines(head, plain, starts) + (read if read is not None else left + right)


def keyed_rows(lines: dict[int, list[Placed]], gutter: int, plain: str, starts: list[int]) -> list[Row] | None:
    """The lines of a page whose keys stand left of `gutter` beside the flow, each key
    before the block it stands beside; None when the keys are not sparser than the flow.
    Two keys are enough: a label column may hold only two headings on a page."""
    left, right = _sides(list(lines.values()), gutter + 1, plain, starts)
    return _keyed_if_sparse(left, right, 2)


def _sides(lines: list[list[Placed]], cut: int, plain: str, starts: list[int]) -> tuple[list[Row], list[Row]]:
    """The lines of the pieces of text (column_bands.pieces) that start left of band `cut`,
    and of the others; `lines`: the page's runs by baseline, none empty."""
    left: list[Placed] = []
    right: list[Placed] = []
    for line in lines:
        for piece in pieces(line):
            (right if starts_right(piece, cut) else left).extend(piece)
    return text_lines(left, plain, starts), text_lines(right, plain, starts)


def _keyed_if_sparse(keys: list[Row], lines: list[Row], fewest: int) -> list[Row] | None:
    """`keys` read beside `lines` (key_columns.keyed); baselines to the point stand on one line."""
    return keyed(keys, lines, fewest, _baseline, 1.0, _text)


def _text(row: Row) -> str:
    return "".join(text for text, _ in row)


def _baseline(row: Row) -> float:
    return max(run.y for _, run in row)


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
