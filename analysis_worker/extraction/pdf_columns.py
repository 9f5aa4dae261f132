"""A PDF page's text in reading order: as its content stream gives it, or column by column
when the page holds two columns of running text that the stream may interleave."""

from __future__ import annotations

import math
import re

import pypdf

from analysis_worker.document import ICON, StyledLine
from analysis_worker.extraction.column_bands import (
    Placed,
    flush_right_beside,
    free_band,
    gutter_band,
    has_column_edge,
    labels_beside,
)
from analysis_worker.extraction.column_rows import Row, columns_rows, keyed_rows, text_lines
from analysis_worker.extraction.form_placement import FormPlacement
from analysis_worker.extraction.layout import Faces, plain_lines, styled_line
from analysis_worker.extraction.pdf_runs import (
    IconFonts,
    PlainRun,
    chunk_starts,
    with_chunks,
    with_line_breaks,
    with_word_gaps,
)
from analysis_worker.extraction.stream_order import (
    drawn_frame_by_frame,
    drawn_out_of_order,
    floats_drawn_first,
    keys_drawn_late,
    stream_lines,
)
from analysis_worker.extraction.word_gaps import cells_parted, parted_cells


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
    gutter but a band beside the edge that a layout rendering could find one in. A column
    of keys painted after the flow beside it is read key by key, each before its block."""
    runs: list[PlainRun] = []
    shown: list[str] = []  # the chunks of text as pypdf wrote them
    chunks: list[str] = []  # the same, an icon font's text replaced by ICON
    icons = IconFonts()

    forms = _forms(page)

    def note_run(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        shown.append(text)
        text = parted_cells(text)
        # A run may begin or end with the line breaks pypdf adds; what follows its first
        # line has no position.
        lead = len(text) - len(text.lstrip("\n"))
        first = text[lead:].split("\n", 1)[0].rstrip()
        if first.strip() and icons(font):
            text, first = text[:lead] + ICON + text[lead + len(first):], ICON
        chunks.append(text)
        if first.strip():
            a, b, c, d, e, f = forms.page_matrix(cm) if forms else cm[:6]
            scale = math.hypot(tm[0] * a + tm[1] * c, tm[0] * b + tm[1] * d)
            runs.append(PlainRun(tm[4] * a + tm[5] * c + e, tm[4] * b + tm[5] * d + f,
                                 first, font, size * scale, len(chunks) - 1))

    plain = page.extract_text(visitor_text=note_run, visitor_operand_before=forms.before if forms else None,
                              visitor_operand_after=forms.after if forms else None) or ""
    starts = chunk_starts(plain, shown)
    plain, shown = cells_parted(plain, shown, starts)
    chunks = with_word_gaps(chunks)
    if starts is not None:
        chunks = with_line_breaks(chunks, runs, plain, starts)
    if starts is not None and chunks != shown:
        plain, starts = with_chunks(plain, shown, chunks, starts)
    if starts is not None:  # each run's place in the text: after the line breaks before it
        starts = [start + len(chunk) - len(chunk.lstrip("\n")) for start, chunk in zip(starts, chunks, strict=True)]
    faces, page_top = Faces(), _page_top(page)
    styled = [] if starts is None else plain_lines(plain, runs, starts, number, page_top, faces)
    # A page of one column drawn out of order is read by its geometry, line by line; so is
    # a page drawn frame by frame, whatever its columns (each column by its geometry).
    edge = has_column_edge(page, runs)
    drawn = stream_lines(runs)
    # What the stream draws out of its reading order: lines between lines drawn before
    # them, or floats at the right of lines drawn after them.
    unordered = drawn_out_of_order(drawn) or floats_drawn_first(drawn)
    geometric = starts is not None and not edge and unordered
    framed = starts is not None and drawn_frame_by_frame(drawn)
    keys = None if starts is None else _keys_drawn_late(page, runs)
    if not edge and not geometric and not framed and keys is None:
        return plain, False, styled
    placed = _placed_lines(page, runs, faces)
    if placed is None or starts is None:
        cut = None if geometric or framed else _layout_columns(page, plain, styled)
        return cut or (plain, False, styled)
    gutter = None if geometric else gutter_band(placed)
    if gutter is not None and (labels_beside(placed, gutter) and keyed_rows(placed, gutter, plain, starts) is None
                               or flush_right_beside(placed, gutter)):
        # Labels too dense to read key by key stay beside what they label, and what is set
        # flush right at the end of its lines on them: read by geometry when the stream's
        # order is the frames'.
        if not framed:
            return plain, False, styled
        gutter = None
    # Lines aligned on an edge without a gutter beside them are floats beside the flow,
    # not a second column: drawn out of order, that page is read by its geometry too.
    geometric = geometric or (gutter is None and (framed or unordered))
    if geometric:
        rows = text_lines([p for line in placed.values() for p in line], plain, starts)
    elif gutter is not None:
        rows = columns_rows(placed, gutter, plain, starts)
    elif keys is not None and (keyed := keyed_rows(placed, keys, plain, starts)) is not None:
        rows = keyed
    elif (band := free_band(placed)) is not None and not flush_right_beside(placed, band):
        # Cut from the layout rendering, or from the runs at that band where it lost text.
        cut = _layout_columns(page, plain, styled)
        if cut is not None:
            return cut
        gutter = band
        rows = columns_rows(placed, gutter, plain, starts)
    else:
        return plain, False, styled
    return _read(rows, gutter is not None, number, page_top, faces)


def _read(rows: list[Row], columns: bool, number: int, page_top: float,
          faces: Faces) -> tuple[str, bool, list[StyledLine]]:
    """The page's text, whether it was read in columns, and its styled lines, from its rows."""
    return ("\n".join(re.sub(r" {2,}", " ", "".join(text for text, _ in row).strip()) for row in rows),
            columns, [line for row in rows if (line := styled_line(row, number, page_top, faces))])


def _keys_drawn_late(page: pypdf.PageObject, runs: list[PlainRun]) -> int | None:
    """The band left of the main column's edge on a page whose column of keys (a label
    column's headings, its dates) was painted after the flow beside it; None on others."""
    try:
        left, width = float(page.mediabox.left), float(page.mediabox.width)
    except Exception:  # noqa: BLE001 - a damaged page box: the stream's order stays
        return None
    edge = keys_drawn_late(runs, left, width) if width > 0 else None
    return None if edge is None else math.floor(_position(edge, left, width)) - 1


def _forms(page: pypdf.PageObject) -> FormPlacement | None:
    """A tracker of the forms the page draws, None when its resources hold no form: then
    every run is placed by pypdf's own matrices, at no cost."""
    try:
        xobjects = page["/Resources"].get_object().get("/XObject")  # type: ignore[union-attr]
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not xobjects or not any(value.get_object().get("/Subtype") == "/Form" for value in xobjects.values()):
            return None
    except Exception:  # noqa: BLE001 - damaged resources: runs placed as pypdf gives them
        return None
    return FormPlacement(xobjects)


def _page_top(page: pypdf.PageObject) -> float:
    try:
        return float(page.mediabox.top)
    except Exception:  # noqa: BLE001 - a damaged page box: lines are placed from a Letter page's top
        return 792.0


def _layout_columns(page: pypdf.PageObject, plain: str,
                    styled: list[StyledLine]) -> tuple[str, bool, list[StyledLine]] | None:
    """Columns cut from pypdf's layout rendering, for pages whose runs cannot be placed or
    leave a band free without a gutter: it costs as much again as the plain pass. The
    plain pass's styled lines stay: a column's line is often a whole line of the plain text.
    None where the rendering lost text (pypdf's layout mode leaves out what forms draw)."""
    layout = page.extract_text(extraction_mode="layout") or ""
    if _letters(layout) < _KEPT * _letters(plain):
        return None  # the layout rendering leaves out text drawn inside forms
    lines = [line for line in layout.splitlines() if line.strip()]
    gutter = _find_gutter(lines)
    if gutter is None:
        return plain, False, styled
    left = [line[:gutter].strip() for line in lines]
    right = [line[gutter:].strip() for line in lines]
    text = "\n".join(re.sub(r" {2,}", " ", part) for part in left + right if part)
    return text, True, styled


# The share of the plain text's letters and figures a layout rendering must keep.
_KEPT = 0.99


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _placed_lines(page: pypdf.PageObject, runs: list[PlainRun], faces: Faces) -> dict[int, list[Placed]] | None:
    """The runs by line (their baselines to the point), each with its extent from the fonts'
    advance widths (without kerning); None when they cannot be placed: on a rotated page,
    with a damaged page box, or in a font pypdf cannot measure."""
    try:
        if page.rotation % 180 != 0:
            return None
        left, width = float(page.mediabox.left), float(page.mediabox.width)
    except Exception:  # noqa: BLE001 - a damaged page box
        return None
    lines: dict[int, list[Placed]] = {}
    for run in runs:
        extent = faces.width(run)
        if extent is None or width <= 0:
            return None
        start = _position(run.x, left, width)
        lines.setdefault(round(run.y), []).append(Placed(start, start + 200 * extent / width, run))
    return lines


def _position(x: float, left: float, width: float) -> float:
    """Where `x` stands across the page in band positions (column_bands)."""
    return 200 * (x - left) / width - 50


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
