"""Where two columns of a PDF page part, found among the runs of its plain pass: whether
lines align on a column edge, and which band across the page the runs leave free.

The runs are placed on the page by their fonts' advance widths and measured in bands:
candidate gutters 1% of the page wide, starting every 0.5% from 25% to 74.5% of its
width. Positions are counted in half percents from 25%, so that band i covers [i, i + 2)."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass

import pypdf

from analysis_worker.extraction.pdf_runs import PlainRun

BANDS = 100
# Runs whose baselines are this close (points) stand on one line.
_SAME_BASELINE = 1.5
# Runs whose ends are this close (bands) are set flush right: measured without kerning,
# the ends of text aligned on one edge come within a point or two of each other.
_FLUSH = 1.5
# A page head holds at most this share of the page's characters; below a head that far
# down, a gutter is crossed by at most this share of them.
_HEAD_SHARE = 0.25
_CLEAR = 0.01


@dataclass(frozen=True)
class Placed:
    """A run with its extent across the page, in band positions."""
    start: float
    end: float
    run: PlainRun

    def bands(self) -> tuple[int, int]:
        """The first and last band the run crosses (first > last when it crosses none)."""
        return max(0, math.floor(self.start) - 1), min(BANDS - 1, math.ceil(self.end) - 1)


def has_column_edge(page: pypdf.PageObject, runs: list[PlainRun]) -> bool:
    """Whether a quarter of the page's text lines start at one x (within 1% of the page
    width) in its middle half, and a quarter start well left of it (5% of the width,
    more than a bullet's indent). A sidebar beside a main column does; right-aligned
    dates, centred titles and a sparse column of dates beside the text do not. These
    bounds are looser than gutter_band's. Rotated pages, and pages with a damaged box,
    pass on to the layout rendering."""
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


def _first_band_with_text_left(placed: list[Placed]) -> int:
    """The first band with some of the line's text wholly left of it: past its runs' earliest end."""
    return min(BANDS, max(0, math.ceil(min(p.end for p in placed))))


def gutter_band(lines: dict[int, list[Placed]]) -> int | None:
    """The leftmost band that runs holding 97% of the page's characters leave free, with
    text left of it on a quarter of the lines and right of it on a quarter: two columns
    of running text. The lines of two columns seldom share a baseline, so each side is
    counted on its own; crossing text is counted in characters, since a name or heading
    set large across both columns is a line but few characters. Right-aligned dates
    beside entry titles leave the band crossed by the lines below them. A page head set
    across both columns above them (the name, a label) can be more than 3% of a short
    page: where no band passes, the band it leaves least crossed below that head is the
    gutter, when it is crossed as little. Below 20 baselines (ten lines of two columns) a
    page holds too little to tell."""
    count = len(lines)
    if count < 20:
        return None
    total = sum(len(p.run.text) for line in lines.values() for p in line)
    # Per band, the characters of the runs that cross it, and the lines with text left of
    # it and right of it, as differences between neighbouring bands: one pass over the runs.
    crossed, on_left, on_right = ([0] * (BANDS + 2) for _ in range(3))
    for placed in lines.values():
        for p in placed:
            first, last = p.bands()
            if first <= last:
                crossed[first] += len(p.run.text)
                crossed[last + 1] -= len(p.run.text)
        on_left[_first_band_with_text_left(placed)] += 1
        right_to = min(BANDS, math.floor(max(p.start for p in placed)) - 1)
        if right_to > 0:
            on_right[0] += 1
            on_right[right_to] -= 1
    crossing = lefts = rights = 0
    sided: list[int] = []  # the bands with text on both sides on enough lines
    free: list[int] = []  # those of them that runs leave free
    for band in range(BANDS):
        crossing, lefts, rights = crossing + crossed[band], lefts + on_left[band], rights + on_right[band]
        if min(lefts, rights) >= 0.25 * count:
            (free if crossing <= 0.03 * total else sided).append(band)
    if free:
        # Bands left of them that only a page head crosses are free too.
        headed = [band for band in sided if band < free[0]
                  and _crossing_below(lines, band, columns_top(lines, band)) <= 0.03 * total]
        return _column_start(lines, headed + free)
    quarter = _first_quarter_end(lines, total)
    crossings = [(found, band) for band in sided
                 if (found := _crossed_below_head(lines, band, total, quarter)) is not None]
    return min(crossings)[1] if crossings else None


def _crossed_below_head(lines: dict[int, list[Placed]], band: int, total: int, quarter: float) -> int | None:
    """The characters of the runs that cross `band` below the page head, where they are few
    (3% of the page's `total`); None where they are more. Where no band is free, a row of
    cells in the page's first quarter of text (above `quarter`: the phone, the email and
    the city under icons across the page) may head the page too, though its cells at both
    sides of the band seem to begin the columns: below it, next to nothing may cross the band."""
    top = columns_top(lines, band)
    crossing = _crossing_below(lines, band, top)
    if crossing <= 0.03 * total:
        return crossing
    below_row = _crossing_below(lines, band, min(top, quarter))
    return below_row if below_row <= _CLEAR * total else None


def _column_start(lines: dict[int, list[Placed]], free: list[int]) -> int:
    """The first band of the first stretch of free bands, or of a later one when all the
    text between them stands beside text left of the first: dates right-aligned at the main
    column's edge leave a stretch free beside the lines they date, but they are that
    column's. Stretches with no text between them, parted by a line that crosses both (a
    footer), are one."""
    stretches = [[free[0]]]
    for band in free[1:]:
        if band == stretches[-1][-1] + 1:
            stretches[-1].append(band)
        else:
            stretches.append([band])
    placed = [p for line in lines.values() for p in line]
    start = stretches[0][0]
    for stretch, following in itertools.pairwise(stretches):
        left = [p.run.y for p in placed if p.bands()[1] < start]
        between = [p for p in placed if p.bands()[0] > stretch[-1] and p.bands()[1] < following[0]]
        if not between:
            continue
        # On a line: within a third of the run's size, as text_lines joins runs (dates set
        # smaller than their title, centred on it).
        if not all(any(abs(p.run.y - y) <= p.run.size / 3 for y in left) for p in between):
            return start
        start = following[0]
    return start


def flush_right_beside(lines: dict[int, list[Placed]], band: int) -> bool:
    """Whether all the text right of `band` is set flush right, each run on the baseline
    of text left of it: an entry's title, dates or place at the right end of its lines,
    not a column (a column's lines start at one edge, and seldom all share the other's
    baselines)."""
    placed = [p for line in lines.values() for p in line]
    right = [p for p in placed if p.bands()[0] > band]
    left = [p.run.y for p in placed if p.bands()[1] < band]
    if not right:
        return False
    ends, starts = [p.end for p in right], [p.start for p in right]
    return max(ends) - min(ends) <= _FLUSH < (max(starts) - min(starts)) / 2 \
        and all(any(abs(p.run.y - y) <= _SAME_BASELINE for y in left) for p in right)


def _crossing_below(lines: dict[int, list[Placed]], band: int, top: float) -> int:
    """The characters of the runs that cross `band` from `top` down (where both columns
    have begun: columns_top): a page head across both columns above them (the name, a
    label, a summary) is no column's."""
    return sum(len(p.run.text) for line in lines.values() for p in line
               if p.bands()[0] <= band <= p.bands()[1] and p.run.y <= top)


def _first_quarter_end(lines: dict[int, list[Placed]], total: int) -> float:
    """The baseline under the lines that hold the first quarter of the page's `total` characters."""
    held = 0
    for y in sorted(lines, reverse=True):
        held += sum(len(p.run.text) for p in lines[y])
        if held >= _HEAD_SHARE * total:
            return y - 1
    return -math.inf


# Runs of one line closer than this (in bands, 1% of the page's width: a word space or
# two, less than any gutter) are one piece of text.
_CONTINUES = 2


def pieces(line: list[Placed]) -> list[list[Placed]]:
    """A line's runs left to right in pieces of text: runs a word space or two apart, or
    overlapping (kerning and ligatures the widths lack), are one piece."""
    ordered = sorted(line, key=lambda p: p.start)
    found = [[ordered[0]]]
    for before, p in itertools.pairwise(ordered):
        if p.start - before.end < _CONTINUES:
            found[-1].append(p)
        else:
            found.append([p])
    return found


def starts_right(piece: list[Placed], cut: float) -> bool:
    """Whether most of the piece's characters are in runs starting at `cut` or right of
    it: a line of a narrow column may end past a gutter's first band in runs of its own,
    and a heading's icon may stand left of the band its words start right of."""
    rightward = sum(len(p.run.text) if p.start >= cut else -len(p.run.text) for p in piece)
    return rightward > 0 or rightward == 0 and piece[0].start >= cut


def columns_top(lines: dict[int, list[Placed]], band: int) -> float:
    """The baseline from which the columns beside `band` have both begun: the lower of the
    tops of the text right of it and of the text left of it that stops short of the right
    column's start (a line across both, a summary, is neither column's). Text right of it
    is a piece of text (`pieces`) that starts right of it: web addresses in a row after a
    separator continue a line across both, and begin no column."""
    placed = [p for line in lines.values() for p in line]
    # A run crosses no band left of its start's band: right of `band` from band + 2 on.
    right = [p for line in lines.values() for piece in pieces(line) if starts_right(piece, band + 2) for p in piece]
    if not right:
        return math.inf
    inner = min(p.start for p in right)
    return min(max(p.run.y for p in right),
               max((p.run.y for p in placed if p.start < band and p.end <= inner), default=math.inf))


# A form's labels come back entry after entry: this share of them, at least, repeat another.
_REPEATED = 0.3
# A column of labels stands on the lines of what they label (this share of them, at
# least, share a baseline with the other column), and the content stream shows each
# beside its value (fewer than this share of the label changes follow each other
# without the other column between them).
_ALIGNED = 0.4
_TOGETHER = 0.5


def labels_repeat(texts: list[str]) -> bool:
    """Whether these texts come back as a form's labels do, entry after entry: at least
    _REPEATED of them repeat another ("Dates", "Occupation or position held")."""
    counts = Counter(texts)
    return sum(1 for text in texts if counts[text] > 1) >= _REPEATED * len(texts)


def labels_beside(lines: dict[int, list[Placed]], gutter: int) -> bool:
    """Whether the left column holds labels of the right one's lines, which the content
    stream shows beside them, row by row: then its order is the reading order, and reading
    column by column would part every label from what it labels. Labels repeat (a form's
    "Dates", "Occupation or position held") or are narrower than what they label (headings
    and dates on the lines they head); two columns of running text written row by row are
    neither. A sidebar is drawn whole, and shares baselines with the flow by chance."""
    cut = gutter + 1
    labels = {y: " ".join(p.run.text.strip() for p in placed if p.start < cut) for y, placed in lines.items()}
    labels = {y: text for y, text in labels.items() if text}
    right = {y for y, placed in lines.items() if any(p.start >= cut for p in placed)}
    if not labels or not (labels_repeat(list(labels.values())) or _narrower(lines, cut)):
        return False
    if sum(1 for y in labels if any(abs(y - other) <= 1 for other in right)) < _ALIGNED * len(labels):
        return False
    stream = sorted((p for placed in lines.values() for p in placed), key=lambda p: p.run.chunk)
    sides = [round(p.run.y) if p.start < cut else None for p in stream]
    changes = together = 0
    for before, after in itertools.pairwise(sides):
        if after is not None and before != after:
            changes += 1
            together += before is not None
    return changes >= 3 and together < _TOGETHER * changes


def _narrower(lines: dict[int, list[Placed]], cut: int) -> bool:
    """Whether the text left of `cut` spans less than half the width of the text right of
    it, as labels do beside what they label; two columns of running text are alike."""
    placed = [p for line in lines.values() for p in line]
    left = [p for p in placed if p.start < cut]
    right = [p for p in placed if p.start >= cut]
    return bool(left and right) and max(p.end for p in left) - min(p.start for p in left) < \
        (max(p.end for p in right) - min(p.start for p in right)) / 2


def free_band(lines: dict[int, list[Placed]]) -> int | None:
    """The first band free of text on 90% of the lines, with text left of it and right
    of it on a fifth of them each: what pdf_columns' _find_gutter needs of the layout
    rendering (a blank column three characters wide on 97% of its lines, both sides
    holding text on many), loosened, since run widths come from the fonts' advance widths
    without kerning. Lines aligned on an edge without such a band (a date column touching
    the text, headings across the page) are common, and their layout rendering would find
    no gutter."""
    # Per band, how many lines text crosses, and how many hold text left and right of it,
    # as differences between neighbouring bands: one pass over the runs, not one per band.
    crossed, on_left, on_right = ([0] * (BANDS + 1) for _ in range(3))
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
        right_of = min(BANDS - 1, math.floor(max(p.start for p in placed)) - 2)
        if right_of >= 0:
            on_right[0] += 1
            on_right[right_of + 1] -= 1
    count, crossing, lefts, rights = len(lines), 0, 0, 0
    for band in range(BANDS):
        crossing, lefts, rights = crossing + crossed[band], lefts + on_left[band], rights + on_right[band]
        if count - crossing >= 0.9 * count and min(lefts, rights) >= 0.2 * count:
            return band
    return None
