"""How a PDF's text is set: the face of its fonts and the spans of its lines.

A resume shows its structure by type more than by words: the name large at the top,
headings bold or in capitals, titles bold and employers italic. The text layer keeps
that in the fonts' names and descriptors, which are read here once per font."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from typing import Any, Protocol

from pypdf.generic._font import Font  # pypdf's font metrics (word_gaps relies on them too)

from analysis_worker.document import Span, StyledLine

# Bold faces by name: "Roboto-Bold", "SourceSansPro-Semibold", "LMRoman10-Bold", "Lato-Black",
# Computer Modern and EC bold extended ("CMBX10", "SFBX1000", "ecbx"), Word's "Arial,Bold".
_BOLD = re.compile(r"bold|black|heavy|semibd|demi|extrabd|ultrab|^(?:cm|ec|sf|lm|t1)\w*bx|^cmb\d|,bold", re.I)
_ITALIC = re.compile(r"italic|oblique|slanted|^(?:cm|ec|sf)(?:ti|sl|it)|-it$|,italic", re.I)
_FORCE_BOLD = 1 << 18
_ITALIC_FLAG = 1 << 6


class Run(Protocol):
    """A piece of text the content stream shows at one place, in one font."""
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def text(self) -> str: ...
    @property
    def font(self) -> Any: ...
    @property
    def size(self) -> float: ...
    @property
    def chunk(self) -> int: ...


def font_face(font: Any) -> tuple[bool, bool]:
    """(bold, italic) of a PDF font resource, from its PostScript name (subset prefix
    dropped) and its descriptor's weight, flags and italic angle; (False, False) for a
    font that tells nothing (Type 3, damaged)."""
    try:
        font = font.get_object()
        name = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
        descriptor = font.get("/FontDescriptor")
        if descriptor is None and "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        flags = int(descriptor.get("/Flags", 0))
        bold = bool(_BOLD.search(name)) or float(descriptor.get("/FontWeight", 400)) >= 600 \
            or bool(flags & _FORCE_BOLD)
        italic = bool(_ITALIC.search(name)) or bool(flags & _ITALIC_FLAG) \
            or float(descriptor.get("/ItalicAngle", 0)) != 0
    except Exception:  # noqa: BLE001 - a damaged font dictionary tells nothing of its face
        return False, False
    return bold, italic


class Faces:
    """font_face and the advance widths of each font resource, read once per page's fonts."""

    def __init__(self) -> None:
        self._faces: dict[int, tuple[bool, bool]] = {}
        self._metrics: dict[int, _Widths | None] = {}

    def __call__(self, font: Any) -> tuple[bool, bool]:
        key = id(font)
        if key not in self._faces:
            self._faces[key] = font_face(font) if font is not None else (False, False)
        return self._faces[key]

    def width(self, run: Run) -> float | None:
        """The run's advance width in points, without kerning; None in a font pypdf cannot
        measure (damaged, or no font at all)."""
        key = id(run.font)
        if key not in self._metrics:
            try:
                self._metrics[key] = _Widths(Font.from_font_resource(run.font)) if run.font is not None else None
            except Exception:  # noqa: BLE001 - a damaged font dictionary cannot be measured
                self._metrics[key] = None
        widths = self._metrics[key]
        return widths.of(run.text) / 1000 * run.size if widths is not None else None


class _Widths:
    """A font's advance widths (thousandths of an em) by the character each glyph shows.
    pypdf keys them by character code, which is the character itself only in a standard
    encoding: subset fonts number their glyphs 1, 2, 3... (LibreOffice, browsers, Typst,
    WeasyPrint), and their ToUnicode map tells what each shows. Measured by code, their
    text came out a tenth to a half wider than it is."""

    def __init__(self, font: Font) -> None:
        self._default = float(font.character_widths.get("default", 0))
        self._by_character: dict[str, float] = {}
        for code, width in font.character_widths.items():
            shown = font.character_map.get(code, code)
            if code != "default" and isinstance(shown, str) and len(shown) == 1:
                self._by_character.setdefault(shown, float(width))

    def of(self, text: str) -> float:
        return sum(self._by_character.get(character, self._default) for character in text)


def styled_line(pieces: Sequence[tuple[str, Run]], page: int, page_top: float, faces: Faces) -> StyledLine | None:
    """A line from its pieces of text in order, each with the run it was shown by; None
    without any."""
    if not pieces:
        return None
    gaps = [0.0] + [_gap(faces, before, run) for (_, before), (_, run) in itertools.pairwise(pieces)]
    spans = tuple(Span(text, round(run.size, 1), *faces(run.font), gap)
                  for (text, run), gap in zip(pieces, gaps, strict=True))
    top = max(run.y for _, run in pieces)
    left = min(run.x for _, run in pieces)
    last = max((run for _, run in pieces), key=lambda run: run.x)
    width = faces.width(last)
    # A font that cannot be measured is taken at half an em a character, a text face's mean.
    right = last.x + (width if width is not None else len(last.text) * last.size / 2)
    return StyledLine("".join(text for text, _ in pieces).strip(), page, round(page_top - top, 1), round(left, 1),
                      round(right, 1), spans)


def _gap(faces: Faces, before: Run, run: Run) -> float:
    """The blank between two runs of a line in ems of the second; 0 where the first cannot
    be measured or the second does not stand to its right."""
    width = faces.width(before)
    return round(max(run.x - before.x - width, 0.0) / run.size, 2) if width is not None and run.size > 0 else 0.0


def plain_lines(plain: str, runs: Sequence[Run], starts: Sequence[int], page: int, page_top: float,
                faces: Faces) -> list[StyledLine]:
    """The styled lines of a page's plain text, whose chunks begin at `starts`
    (run.chunk indexes it): a run's span is its text up to the next run's on its line."""
    breaks = [index for index, ch in enumerate(plain) if ch == "\n"]
    line_ends = [*breaks, len(plain)]
    by_line: dict[int, list[Run]] = {}
    for run in runs:
        by_line.setdefault(bisect.bisect_left(breaks, starts[run.chunk]), []).append(run)
    found = []
    for number, line_runs in sorted(by_line.items()):
        line_runs.sort(key=lambda run: starts[run.chunk])
        ends = [starts[run.chunk] for run in line_runs[1:]] + [line_ends[number]]
        pieces = [(plain[starts[run.chunk]:end], run) for run, end in zip(line_runs, ends, strict=True)]
        line = styled_line(pieces, page, page_top, faces)
        if line is not None and line.text:
            found.append(line)
    return found
