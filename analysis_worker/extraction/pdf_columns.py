"""A PDF page's text in reading order: as its content stream gives it, or column by column
when the page holds two columns of running text that the stream may interleave."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pypdf

from analysis_worker.document import ICON, StyledLine
from analysis_worker.extraction.layout import Faces, plain_lines, styled_line
from analysis_worker.extraction.stream_order import drawn_out_of_order

try:  # pypdf's font metrics, not part of its public API: without them the layout rendering decides
    from pypdf.generic._font import Font
except ImportError:  # pragma: no cover - a pypdf that moved them
    Font = None


@dataclass(frozen=True)
class _Run:
    """A run of text as the plain pass met it: where it starts on the page, what its
    width needs (computed only for the few pages that may have columns), and which of
    the pass's chunks of text it is."""
    x: float
    y: float
    text: str
    font: Any
    size: float  # the font size times the text's horizontal scale on the page
    chunk: int


def page_text(page: pypdf.PageObject, number: int = 1) -> tuple[str, bool, list[StyledLine]]:
    """Returns the page text, whether it was read as two columns, and its lines with their
    style (for the lines the runs could be traced to; page `number` from 1).

    Plain extraction follows the content stream, which is the order the authoring
    tool wrote the text in and is right for most resumes (including side columns of
    dates). When the page has two columns of running text, the content stream may
    interleave them, so the page is read column by column instead. The columns are found
    among the plain pass's own runs, placed with the fonts' widths, on pages where they
    align on a column edge. pypdf's layout rendering, cut at its gutter, costs as much
    again as the plain pass: it is made only where the runs cannot be placed, or show no
    gutter but a band beside the edge that a layout rendering could find one in."""
    runs: list[_Run] = []
    shown: list[str] = []  # the chunks of text as pypdf wrote them
    chunks: list[str] = []  # the same, an icon font's text replaced by ICON
    icons = _IconFonts()

    def note_run(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        shown.append(text)
        # A run may end with the line break pypdf adds; what follows it has no position.
        first = text.split("\n", 1)[0].rstrip()
        if first.strip() and icons(font):
            text, first = ICON + text[len(first):], ICON
        chunks.append(text)
        if first.strip():
            scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            runs.append(_Run(tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5],
                             first, font, size * scale, len(chunks) - 1))

    plain = page.extract_text(visitor_text=note_run) or ""
    starts = _chunk_starts(plain, shown)
    if icons.seen and starts is not None:
        plain, starts = _with_icons(plain, shown, chunks, starts)
    faces, page_top = Faces(), _page_top(page)
    styled = [] if starts is None else plain_lines(plain, runs, starts, number, page_top, faces)
    # A page of one column drawn out of order is read by its geometry, line by line.
    edge = _has_column_edge(page, runs)
    geometric = starts is not None and not edge and drawn_out_of_order(runs)
    if not edge and not geometric:
        return plain, False, styled
    placed = _placed_lines(page, runs)
    if placed is None or starts is None:
        return (plain, False, styled) if geometric else _layout_columns(page, plain, styled)
    gutter = None if geometric else _gutter(placed)
    if gutter is not None and _labels_beside(placed, gutter):
        return plain, False, styled
    # Lines aligned on an edge without a gutter beside them are floats beside the flow,
    # not a second column: drawn out of order, that page is read by its geometry too.
    geometric = geometric or (gutter is None and drawn_out_of_order(runs))
    if gutter is not None or geometric:
        rows = _text_lines([p for line in placed.values() for p in line], plain, starts) if geometric else \
            _columns_rows(placed, gutter, plain, starts)
        return ("\n".join(re.sub(r" {2,}", " ", "".join(text for text, _ in row).strip()) for row in rows),
                gutter is not None, [line for row in rows if (line := styled_line(row, number, page_top, faces))])
    if not _has_free_band(placed):
        return plain, False, styled
    return _layout_columns(page, plain, styled)


# Icon fonts whose text layer names their glyphs or maps them to letters
# ("map-marker-alt", MarVoSym's "T" before a phone): their text is an icon, whatever it reads.
_ICON_FONT = re.compile(r"awesome|marvosym|octicon|academicons|fontello|glyphicons|ionicons|icomoon|"
                        r"material-?(?:design-?)?icons|bootstrap-?icons", re.IGNORECASE)


class _IconFonts:
    """Whether a font resource is an icon font, read once per font; `seen` once one was."""

    def __init__(self) -> None:
        self._fonts: dict[int, bool] = {}
        self.seen = False

    def __call__(self, font: Any) -> bool:
        key = id(font)
        if key not in self._fonts:
            try:
                name = str(font.get_object().get("/BaseFont", "")) if font is not None else ""
            except Exception:  # noqa: BLE001 - a damaged font dictionary names no icon font
                name = ""
            self._fonts[key] = bool(_ICON_FONT.search(name))
        self.seen |= self._fonts[key]
        return self._fonts[key]


def _with_icons(plain: str, shown: list[str], chunks: list[str], starts: list[int]) -> tuple[str, list[int]]:
    """The plain text with the chunks pypdf wrote (`shown`, beginning at `starts`) replaced
    by `chunks`, where icon fonts' text is ICON, and where each chunk now begins."""
    pieces: list[str] = []
    moved: list[int] = []
    at, length = 0, 0
    for before, after, start in zip(shown, chunks, starts, strict=True):
        gap = plain[at:start]
        moved.append(length + len(gap))
        pieces += [gap, after]
        length += len(gap) + len(after)
        at = start + len(before)
    return "".join(pieces) + plain[at:], moved


def _page_top(page: pypdf.PageObject) -> float:
    try:
        return float(page.mediabox.top)
    except Exception:  # noqa: BLE001 - a damaged page box: lines are placed from a Letter page's top
        return 792.0


def _chunk_starts(plain: str, chunks: list[str]) -> list[int] | None:
    """Where each chunk begins in the plain text, which is the chunks with the spaces and
    line breaks pypdf put between them; None when pypdf changed the text beyond that."""
    starts, at = [], 0
    for chunk in chunks:
        found = plain.find(chunk, at) if chunk else at
        if found < 0 or plain[at:found].strip():
            return None
        starts.append(found)
        at = found + len(chunk)
    return starts


def _layout_columns(page: pypdf.PageObject, plain: str, styled: list[StyledLine]) -> tuple[str, bool, list[StyledLine]]:
    """Columns cut from pypdf's layout rendering, for pages whose runs cannot be placed or
    leave a band free without a gutter: it costs as much again as the plain pass. The
    plain pass's styled lines stay: a column's line is often a whole line of the plain text."""
    layout = page.extract_text(extraction_mode="layout") or ""
    lines = [line for line in layout.splitlines() if line.strip()]
    gutter = _find_gutter(lines)
    if gutter is None:
        return plain, False, styled
    left = [line[:gutter].strip() for line in lines]
    right = [line[gutter:].strip() for line in lines]
    text = "\n".join(re.sub(r" {2,}", " ", part) for part in left + right if part)
    return text, True, styled


def _has_column_edge(page: pypdf.PageObject, runs: list[_Run]) -> bool:
    """Whether a quarter of the page's text lines start at one x (within 1% of the page
    width) in its middle half, and a quarter start well left of it (5% of the width,
    more than a bullet's indent). A sidebar beside a main column does; right-aligned
    dates, centred titles and a sparse column of dates beside the text do not. These
    bounds are looser than _gutter's. Rotated pages, and pages with a damaged box, pass
    on to the layout rendering."""
    try:
        rotated = page.rotation % 180 != 0
        left, width = float(page.mediabox.left), float(page.mediabox.width)
    except Exception:  # noqa: BLE001 - a damaged page box: the layout rendering decides
        return True
    if rotated or width <= 0:
        return True
    lines: dict[int, set[int]] = {}
    for run in runs:
        lines.setdefault(round(run.y), set()).add(round(100 * (run.x - left) / width))
    per_position = Counter(position for positions in lines.values() for position in positions)
    quarter = 0.25 * len(lines)
    return any(
        per_position[edge - 1] + per_position[edge] + per_position[edge + 1] >= quarter
        and sum(1 for positions in lines.values() if min(positions) < edge - 5) >= quarter
        for edge in range(25, 76)
    )


# Candidate gutters: bands 1% of the page wide, starting every 0.5% from 25% to 74.5% of its
# width. Positions are measured in half percents from 25%, so that band i covers [i, i + 2).
_BANDS = 100


@dataclass(frozen=True)
class _Placed:
    """A run with its extent across the page, in band positions."""
    start: float
    end: float
    run: _Run

    def bands(self) -> tuple[int, int]:
        """The first and last band the run crosses (first > last when it crosses none)."""
        return max(0, math.floor(self.start) - 1), min(_BANDS - 1, math.ceil(self.end) - 1)


def _first_band_with_text_left(placed: list[_Placed]) -> int:
    """The first band with some of the line's text wholly left of it: past its runs' earliest end."""
    return min(_BANDS, max(0, math.ceil(min(p.end for p in placed))))


def _placed_lines(page: pypdf.PageObject, runs: list[_Run]) -> dict[int, list[_Placed]] | None:
    """The runs by line (their baselines to the point), each with its extent from the fonts'
    advance widths (without kerning); None when they cannot be placed: on a rotated page,
    with a damaged page box, or in a font pypdf cannot measure."""
    if Font is None:
        return None
    try:
        if page.rotation % 180 != 0:
            return None
        left, width = float(page.mediabox.left), float(page.mediabox.width)
        fonts: dict[int, Any] = {}
        lines: dict[int, list[_Placed]] = {}
        for run in runs:
            if id(run.font) not in fonts:
                fonts[id(run.font)] = Font.from_font_resource(run.font) if run.font is not None else None
            font = fonts[id(run.font)]
            if font is None:
                return None
            start = 200 * (run.x - left) / width - 50
            end = start + 200 * font.get_text_width(run.text) / 1000 * run.size / width
            lines.setdefault(round(run.y), []).append(_Placed(start, end, run))
    except Exception:  # noqa: BLE001 - a damaged page box, fonts pypdf cannot measure
        return None
    return lines


def _gutter(lines: dict[int, list[_Placed]]) -> int | None:
    """The leftmost band that runs holding 97% of the page's characters leave free, with
    text left of it on a quarter of the lines and right of it on a quarter: two columns
    of running text. The lines of two columns seldom share a baseline, so each side is
    counted on its own; crossing text is counted in characters, since a name or heading
    set large across both columns is a line but few characters. Right-aligned dates
    beside entry titles leave the band crossed by the lines below them. Below 20
    baselines (ten lines of two columns) a page holds too little to tell."""
    count = len(lines)
    if count < 20:
        return None
    total = sum(len(p.run.text) for line in lines.values() for p in line)
    # Per band, the characters of the runs that cross it, and the lines with text left of
    # it and right of it, as differences between neighbouring bands: one pass over the runs.
    crossed, on_left, on_right = ([0] * (_BANDS + 2) for _ in range(3))
    for placed in lines.values():
        for p in placed:
            first, last = p.bands()
            if first <= last:
                crossed[first] += len(p.run.text)
                crossed[last + 1] -= len(p.run.text)
        on_left[_first_band_with_text_left(placed)] += 1
        right_to = min(_BANDS, math.floor(max(p.start for p in placed)) - 1)
        if right_to > 0:
            on_right[0] += 1
            on_right[right_to] -= 1
    crossing = lefts = rights = 0
    for band in range(_BANDS):
        crossing, lefts, rights = crossing + crossed[band], lefts + on_left[band], rights + on_right[band]
        if crossing <= 0.03 * total and min(lefts, rights) >= 0.25 * count:
            return band
    return None


# A column of a form's labels: the labels come back entry after entry (this share of its
# lines, at least, repeat another), stand on the lines of what they label (half of them
# at least share a baseline with the other column), and the content stream shows each
# beside its value (fewer than this share of the label changes follow each other
# without the other column between them).
_REPEATED = 0.3
_ALIGNED = 0.4
_TOGETHER = 0.5


def _labels_beside(lines: dict[int, list[_Placed]], gutter: int) -> bool:
    """Whether the left column holds a form's labels of the right one's lines (Europass's
    "Dates", "Occupation or position held", ...), which the content stream already shows
    beside them: then its order is the reading order, and reading column by column would
    part every label from what it labels. A sidebar's lines seldom repeat."""
    cut = gutter + 1
    labels = {y: " ".join(p.run.text.strip() for p in placed if p.start < cut) for y, placed in lines.items()}
    labels = {y: text for y, text in labels.items() if text}
    right = {y for y, placed in lines.items() if any(p.start >= cut for p in placed)}
    counts = Counter(labels.values())
    if not labels or sum(1 for text in labels.values() if counts[text] > 1) < _REPEATED * len(labels) \
            or sum(1 for y in labels if any(abs(y - other) <= 1 for other in right)) < _ALIGNED * len(labels):
        return False
    stream = sorted((p for placed in lines.values() for p in placed), key=lambda p: p.run.chunk)
    sides = [round(p.run.y) if p.start < cut else None for p in stream]
    changes = together = 0
    for before, after in itertools.pairwise(sides):
        if after is not None and before != after:
            changes += 1
            together += before is not None
    return changes >= 3 and together < _TOGETHER * changes


def _has_free_band(lines: dict[int, list[_Placed]]) -> bool:
    """Whether a band is free of text on 90% of the lines, with text left of it and right
    of it on a fifth of them each: what _find_gutter needs of the layout rendering (a
    blank column three characters wide on 97% of its lines, both sides holding text on
    many), loosened, since run widths come from the fonts' advance widths without
    kerning. Lines aligned on an edge without such a band (a date column touching the
    text, headings across the page) are common, and their layout rendering would find
    no gutter."""
    # Per band, how many lines text crosses, and how many hold text left and right of it,
    # as differences between neighbouring bands: one pass over the runs, not one per band.
    crossed, on_left, on_right = ([0] * (_BANDS + 1) for _ in range(3))
    for placed in lines.values():
        merged: list[list[int]] = []
        for first, last in sorted(p.bands() for p in placed):
            if first > last:
                continue
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        for first, last in merged:
            crossed[first] += 1
            crossed[last + 1] -= 1
        on_left[_first_band_with_text_left(placed)] += 1
        right_of = min(_BANDS - 1, math.floor(max(p.start for p in placed)) - 2)
        if right_of >= 0:
            on_right[0] += 1
            on_right[right_of + 1] -= 1
    count, crossing, lefts, rights = len(lines), 0, 0, 0
    for band in range(_BANDS):
        crossing, lefts, rights = crossing + crossed[band], lefts + on_left[band], rights + on_right[band]
        if count - crossing >= 0.9 * count and min(lefts, rights) >= 0.2 * count:
            return True
    return False


def _columns_rows(lines: dict[int, list[_Placed]], gutter: int, plain: str,
                  starts: list[int]) -> list[list[tuple[str, _Run]]]:
    """The left column's lines, then the right one's, top to bottom, each as its pieces
    of text with their runs: a run belongs to the column it starts in."""
    cut = gutter + 1
    placed = [p for line in lines.values() for p in line]
    left = _text_lines([p for p in placed if p.start < cut], plain, starts)
    right = _text_lines([p for p in placed if p.start >= cut], plain, starts)
    step = _median_step(right)
    if len(left) >= 3 and len(right) >= 3 and _median_step(left) >= _SPARSER * step:
        return _keyed(left, right, step)
    return left + right


_Row = list[tuple[str, _Run]]
# A column of keys (headings, dates, labels) beside the blocks they head stands far
# sparser than the text beside it: its lines this many times further apart at the median.
# A sidebar's lines follow each other as closely as the main column's.
_SPARSER = 2.0
# Lines of a block follow each other at most this many times the column's usual step.
_BLOCK_STEP = 1.5


def _baseline(row: _Row) -> float:
    return max(run.y for _, run in row)


def _median_step(rows: list[_Row]) -> float:
    """The usual distance between the baselines of consecutive lines, top to bottom."""
    steps = sorted(_baseline(above) - _baseline(below) for above, below in itertools.pairwise(rows))
    return steps[len(steps) // 2] if steps else 0.0


def _keyed(keys: list[_Row], lines: list[_Row], step: float) -> list[_Row]:
    """The lines in blocks (parted by a gap wider than their usual step), each after the
    keys that stand beside it: a section's heading, an entry's dates. A key belongs to the
    first block that reaches down to it."""
    blocks: list[list[_Row]] = []
    for row in lines:
        if blocks and _baseline(blocks[-1][-1]) - _baseline(row) <= _BLOCK_STEP * step:
            blocks[-1].append(row)
        else:
            blocks.append([row])
    read: list[_Row] = []
    waiting = iter(keys)
    key = next(waiting, None)
    for block in blocks:
        bottom = _baseline(block[-1]) - step / 2
        while key is not None and _baseline(key) >= bottom:
            read.append(key)
            key = next(waiting, None)
        read += block
    return read + ([key] if key is not None else []) + list(waiting)


def _text_lines(placed: list[_Placed], plain: str, starts: list[int]) -> list[list[tuple[str, _Run]]]:
    """Runs whose baselines lie within a third of their size of a line's are on it (a
    superscript, an icon font), left to right. Between two runs that follow each other in
    the plain text goes what pypdf put there (a space, or nothing inside a word set in two
    fonts), since it measures the gap with the kerning the fonts' widths lack; between
    others, a space."""
    rows: list[list[_Placed]] = []
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


def _find_gutter(lines: list[str]) -> int | None:
    """A character column, away from the page edges, that is blank on nearly every
    line while both sides hold text on many lines."""
    if len(lines) < 10:
        return None
    width = max(len(line) for line in lines)
    for column in range(int(width * 0.25), int(width * 0.75)):
        blank = sum(1 for line in lines if line[column - 1:column + 2].strip() == "")
        if blank < 0.97 * len(lines):
            continue
        both = sum(1 for line in lines if line[:column].strip() and line[column:].strip())
        left_only = sum(1 for line in lines if line[:column].strip() and not line[column:].strip())
        right_only = sum(1 for line in lines if line[column:].strip() and not line[:column].strip())
        # Right-aligned dates beside entry titles also leave a gap, but only on a few
        # lines; real columns fill both sides on a good share of the page.
        if both >= 0.3 * len(lines) and left_only + both >= 0.5 * len(lines) \
                and right_only + both >= 0.5 * len(lines):
            return column
    return None
