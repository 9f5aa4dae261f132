"""What the type of a resume's lines says: which lines are set large (the name), and which
are set like the headings the words give away.

The extracted document carries its lines' style (size, bold, italic, where the page puts
them) where the format has one; the text the heuristics read is normalised, so lines are
matched by their normalised text. Without styles every question here answers "nothing"."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..document import Span, StyledLine
from .dates import find_span
from .entries import BULLET
from .normalise import normalise_text
from .prose import is_prose

# A line set this many times the body's size stands out as display type (a name).
_DISPLAY = 1.3
# A name set on two lines ("JOHN" above "DOE") has its lines this close, in their size.
_STACKED = 1.6
# OCR tells a size from the height of the letters read, which differs by up to this share
# between lines of one size ("MATEUSZ" / "KOWALCZYK"): a lone word, no name by itself,
# stacks with the line under it within that share.
_STACKED_SIZES = 0.1
# Display lines are looked for in the top part of the first page (points).
_TOP_OF_PAGE = 300.0
# Headings, and the titles set like them, are never longer.
_HEADING_LENGTH = 60


@dataclass(frozen=True)
class Look:
    """How a line looks, as far as a heading's style goes."""
    size: float
    bold: bool
    capitals: bool


class Typography:
    def __init__(self, lines: Sequence[StyledLine]) -> None:
        # Lines are found by their letters and digits alone, case folded: the text the
        # heuristics read is normalised, and normalising every styled line again would
        # cost as much as the text's own normalisation.
        self._lines = [line for line in lines if line.text.strip()]
        self._by_key: dict[str, StyledLine] = {}
        for line in self._lines:
            self._by_key.setdefault(_key(line.text), line)
        self._looks: dict[str, Look | None] = {}
        sizes: Counter[float] = Counter()
        for line in self._lines:
            for span in line.spans:
                sizes[span.size] += len(span.text)
        # The size most of the text is set in.
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0

    def style(self, text: str) -> StyledLine | None:
        return self._by_key.get(_key(text))

    def look(self, text: str) -> Look | None:
        if text not in self._looks:
            line = self.style(text)
            self._looks[text] = None if line is None else _look_of(line, text)
        return self._looks[text]

    def display_lines(self) -> list[str]:
        """Text set well above the body's size at the top of the first page, largest
        first: a line's large spans together ("Grace Kim-Park" before "Email: ..." on its
        line), two such lines stacked in the same size as one ("JOHN" / "DOE"), or two lone
        words in any sizes ("Helena" over "BRANDT" set larger), and those on one baseline
        in the same size as one ("Sophie" / "de la Fontaine")."""
        if not self.body_size:
            return []
        large = []
        for line in self._lines:
            if line.page != 1 or line.top > _TOP_OF_PAGE:
                continue
            for size, spans in itertools.groupby(line.spans, lambda span: span.size):
                if size < _DISPLAY * self.body_size:
                    continue
                text = normalise_text("".join(span.text for span in spans)).strip()
                if any(ch.isalpha() for ch in text):
                    large.append((size, line.top, line.left, text))
        found = [(size, top, text) for size, top, _, text in large]
        for (size, top, _, text), (next_size, next_top, _, next_text) in itertools.pairwise(large):
            alike = abs(next_size - size) < 0.5 or (
                len(text.split()) == 1 and abs(next_size - size) <= _STACKED_SIZES * size)
            # Two lone words stacked close are one name whatever their sizes: a given name
            # set smaller than the surname, or the two OCR sizes apart by their letters'
            # ascenders and descenders ("Tomasz" / "Wójcik", one size printed).
            lone = len(text.split()) == len(next_text.split()) == 1
            if (alike or lone) and 0 < next_top - top <= _STACKED * max(size, next_size):
                found.append((max(size, next_size), top, f"{text} {next_text}"))
        # A name set in two fonts on one baseline ("Sophie" light, "de la Fontaine" bold)
        # can come out as two lines, far apart in the text.
        for (size, top), beside in itertools.groupby(sorted(large, key=lambda item: (item[0], round(item[1]), item[2])),
                                                     lambda item: (item[0], round(item[1]))):
            parts = [text for _, _, _, text in beside]
            if len(parts) > 1:
                found.append((size, top, " ".join(parts)))
        # A name stacked on two lines ("PIETER VAN" / "DER BERG") is read whole before its first line.
        return [text for _, _, text in sorted(found, key=lambda item: (-item[0], item[1], -len(item[2])))]

    def unbulleted_headers(self, text: str) -> str:
        """The text with the bullet taken off lines whose words start in bold: templates
        that bullet each entry ("• **Acme Corp**  Berlin") set its header in bold and its
        highlights plain, and a bulleted line is otherwise read as a highlight."""
        lines = text.split("\n")
        for index, line in enumerate(lines):
            marker = BULLET.match(line.strip())
            style = self.style(line) if marker else None
            if marker is None or style is None:
                continue
            words = [span for span in style.spans if any(ch.isalnum() for ch in span.text)]
            # An icon as large as the bold words after it ("\ue000 Statistics") marks a
            # list's item; one well smaller than them is an ornament of the header.
            icon = marker.group().strip() >= "\ue000"
            if words and words[0].bold and (not icon or style.spans[0].size < _ORNAMENT * words[0].size):
                lines[index] = line.strip()[marker.end():]
        return "\n".join(lines)

    def headings_by_look(self, lines: Sequence[str], headings: set[str],
                         may_be_heading: Callable[[str], bool]) -> set[str]:
        """Lines that look as the document's headings do, though their words are not a
        heading's ("Where I have worked", "Life philosophy"): set in a look that at least
        two of the `headings` (the lines whose words are a heading's) share, and that at least twice as many of those
        recognised lines as of others have, so that entry titles set like headings do not
        become headings. `may_be_heading` rules out what cannot be one (dates, sentences).
        Lines longer than a heading or a title can be are not looked at, nor lines printed
        more than once: a resume names each section once, and a label under the name set
        like the headings ("ENGINEERING MANAGER") can be an entry's title too."""
        counts = Counter(lines)
        looks = {line: self.look(line) for line in lines if len(line) <= _HEADING_LENGTH and counts[line] == 1}
        recognised = Counter(look for line, look in looks.items() if look and line in headings)
        others = Counter(look for line, look in looks.items() if look and line not in headings)
        kept = {look for look, count in recognised.items() if count >= 2 and count >= 2 * others[look]}
        return {line for line, look in looks.items()
                if look in kept and line not in headings and may_be_heading(line)}

    def fields(self, line: str) -> str:
        """The line with a field separator (" | ") where its type changes between two runs
        of words: a template sets an entry's title and its employer in two sizes on one
        line ("Lead Software Engineer" and, smaller, "Tidewater Media, Riverside, CA"), or
        the title in bold and the employer with the dates plain ("**Head of Operations**
        Zentrix GmbH, 05/2023 - Present"), or sets them apart, a blank of some ems between
        them (the employer at the left, the title at the right), with no separator in its text. Small capitals
        ("P ROFESSIONAL") and a word set a little smaller ("at") are no such change, nor
        is a face change without dates after it or at a connecting word ("Engineer at
        **Acme**"); bullets and sentences are left alone."""
        style = self.style(line) if not BULLET.match(line) and not is_prose(line) else None
        if style is None:
            return line
        apart = _apart(style)
        if len(apart) > 1 and (parted := _parted(line, apart)) != line:
            return parted
        by_size = _runs(style, lambda span: span.size)
        if len(by_size) == 2:
            (first, before), (second, after) = by_size
            if abs(first - second) >= _FIELD_SIZE_CHANGE * max(first, second):
                return _separated(line, before, after)
        by_weight = _runs(style, lambda span: span.bold)
        if len(by_weight) == 2 and by_weight[0][0] and _YEAR.search(by_weight[1][1]):
            before, after = by_weight[0][1], by_weight[1][1]
            if not _CONNECTED.search(before) and not _CONNECTED.match(after):
                return _separated(line, before, after)
        return line


_Key = TypeVar("_Key")


def _runs(style: StyledLine, key: Callable[[Span], _Key]) -> list[tuple[_Key, str]]:
    """The line's text in runs of spans alike by `key`."""
    return [(value, "".join(span.text for span in spans)) for value, spans in itertools.groupby(style.spans, key)]


def _apart(style: StyledLine) -> list[str]:
    """The line's text in pieces parted by blanks wider than a word gap can stretch."""
    pieces: list[str] = []
    for span in style.spans:
        if pieces and span.gap < _FIELD_GAP:
            pieces[-1] += span.text
        else:
            pieces.append(span.text)
    return pieces


def _parted(line: str, pieces: list[str]) -> str:
    """`line` with " | " before each of the pieces after the first, found at its end in
    turn; pieces without a word join the next (dates opening the line); the line as it is
    where the pieces are not found."""
    texts = [normalise_text(piece).strip() for piece in pieces]
    while len(texts) > 1 and not _WORDS.search(texts[0]):
        texts[:2] = [f"{texts[0]} {texts[1]}"]
    head, tail = line, list[str]()
    for text in reversed(texts[1:]):
        if not text or not head.endswith(text):
            return line
        head = head[:-len(text)].rstrip()
        tail.insert(0, text)
    parted = " | ".join([head, *tail])
    # A range measured apart ("2023-Feb" and "- Present") is one field.
    return parted if _dates(parted) == _dates(line) else line


def _dates(line: str) -> tuple[str, str] | None:
    span = find_span(line)
    return (span.start, span.end) if span else None


def _separated(line: str, before: str, after: str) -> str:
    """`line` with " | " between its two runs of words, when they meet at a space."""
    if not (_WORDS.search(before) and _WORDS.search(after)) or not (before[-1:].isspace() or after[:1].isspace()):
        return line
    pieces = [normalise_text(before).strip(), normalise_text(after).strip()]
    return " | ".join(pieces) if _key(" ".join(pieces)) == _key(line) else line


# A blank this many ems wide parts two fields: a justified line stretches its word gaps
# to an em or so, a tab stop or a right-aligned cell leaves more.
_FIELD_GAP = 3.0
# A run of words this much smaller or larger than the rest of its line is a field of its own.
_FIELD_SIZE_CHANGE = 0.15
_WORDS = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Words that join a title to its employer across a change of face.
_CONNECTED = re.compile(r"(?:\b(?:at|of|in|for|with|and)|[@&,/(-])\s*$|^\s*(?:at|of|in|for|with|and|[@&,/)-])\b", re.I)


# An icon smaller than this share of the words after it decorates them.
_ORNAMENT = 0.75


def _look_of(line: StyledLine, text: str) -> Look:
    """The line's look: its size and weight, and capitals when all the letters of its
    (normalised) text are."""
    return Look(round(line.size), line.bold, text == text.upper() != text.lower())


def _key(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", text.casefold())


_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
