"""The runs of text that pypdf's plain pass shows on a PDF page, and where each stands in
the text the pass returns."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from analysis_worker.extraction.stream_order import estimated_right


@dataclass(frozen=True)
class PlainRun:
    """A run of text as the plain pass met it: where it starts on the page, what its
    width needs (computed only for the few pages that may have columns), and which of
    the pass's chunks of text it is."""
    x: float
    y: float
    text: str
    font: Any
    size: float  # the font size times the text's horizontal scale on the page
    chunk: int


# Icon fonts whose text layer names their glyphs or maps them to letters
# ("map-marker-alt", MarVoSym's "T" before a phone): their text is an icon, whatever it reads.
_ICON_FONT = re.compile(r"awesome|marvosym|octicon|academicons|fontello|glyphicons|ionicons|icomoon|"
                        r"material-?(?:design-?)?icons|bootstrap-?icons", re.IGNORECASE)


class IconFonts:
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


# Letter-spaced text (tracked display type, "+ 4 5  2 0"): characters one space apart.
_SPACED_END = re.compile(r"(?:^|\s)\S(?: \S)+ ?$")
_SPACED_START = re.compile(r"^ ?\S(?: \S){2,}(?:\s|$)")


def with_word_gaps(chunks: list[str]) -> list[str]:
    """The chunks with a word gap of letter-spaced text (two spaces) between two
    letter-spaced chunks that pypdf parted by one space ("+ 4 5  2 0  4 0" / " J A N E @ ..."):
    there a space parts letters, and the two would read as one word."""
    widened, before = [], ""
    for chunk in chunks:
        spaced = _SPACED_START.match(chunk) and _SPACED_END.search(before) \
            and not (before.endswith(" ") and chunk.startswith(" "))
        widened.append(" " + chunk if spaced else chunk)
        before = chunk.rsplit("\n", 1)[-1] if "\n" in chunk or chunk.strip() else before
    return widened


# pypdf's plain pass starts a line where the text moves down by most of a line, measured
# from the last run that began one: a label set beside the middle of two lines (a heading
# centred on its entry's first two lines) makes the second line look as high as the first.
_LINE_STEP = 0.8  # of the smaller of two runs' sizes, as pypdf's own step
_APART = 2.0  # ems of a run between its end and the run drawn before it, at its right


def with_line_breaks(chunks: list[str], runs: list[PlainRun], plain: str, starts: list[int]) -> list[str]:
    """The chunks with a line break before each run that pypdf kept on the line of the run
    before it although their baselines are a line or more apart, or although it ends well
    left of where that run begins: a line's right part (its dates, set flush right) drawn
    before its left part, which pypdf glues to it ("Jun 2017Rutgers University"); a list's
    marker drawn after its item stands just before it. `starts`: where each chunk begins
    in `plain`."""
    broken = list(chunks)
    for before, run in itertools.pairwise(runs):
        chunk = chunks[run.chunk]
        lead = len(chunk) - len(chunk.lstrip("\n"))
        if lead or "\n" in plain[starts[before.chunk]:starts[run.chunk]]:
            continue
        below = abs(run.y - before.y) > _LINE_STEP * min(run.size, before.size)
        if below or estimated_right(run) + _APART * run.size < before.x:
            broken[run.chunk] = "\n" + chunk.lstrip(" ")
    return broken


def with_chunks(plain: str, shown: list[str], chunks: list[str], starts: list[int]) -> tuple[str, list[int]]:
    """The plain text with the chunks pypdf wrote (`shown`, beginning at `starts`) replaced
    by `chunks` (where icon fonts' text is ICON, word gaps are widened), and where each
    chunk now begins."""
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


def chunk_starts(plain: str, chunks: list[str]) -> list[int] | None:
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
