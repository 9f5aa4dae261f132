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

from ..document import StyledLine
from .normalise import normalise_text

# A line set this many times the body's size stands out as display type (a name).
_DISPLAY = 1.3
# A name set on two lines ("JOHN" above "DOE") has its lines this close, in their size.
_STACKED = 1.6
# Display lines are looked for in the top part of the first page (points).
_TOP_OF_PAGE = 300.0


@dataclass(frozen=True)
class Look:
    """How a line looks, as far as a heading's style goes."""
    size: float
    bold: bool
    capitals: bool


class Typography:
    def __init__(self, lines: Sequence[StyledLine]) -> None:
        # One pass of normalise_text over all the lines: it costs as much per call as per line.
        texts = normalise_text("\n".join(_one_line(line.text) for line in lines)).split("\n") if lines else []
        self._lines = [line if text == line.text else StyledLine(text, line.page, line.top, line.left, line.spans)
                       for line, text in zip(lines, (text.strip() for text in texts), strict=True) if text]
        self._by_text: dict[str, StyledLine] = {}
        for line in self._lines:
            self._by_text.setdefault(line.text, line)
        sizes: Counter[float] = Counter()
        for line in self._lines:
            for span in line.spans:
                sizes[span.size] += len(span.text)
        # The size most of the text is set in.
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0

    def style(self, text: str) -> StyledLine | None:
        return self._by_text.get(text.strip())

    def look(self, text: str) -> Look | None:
        line = self.style(text)
        if line is None:
            return None
        letters = [ch for ch in line.text if ch.isalpha()]
        return Look(round(line.size), line.bold, bool(letters) and all(ch.isupper() for ch in letters))

    def display_lines(self) -> list[str]:
        """Text set well above the body's size at the top of the first page, largest
        first: a line's large spans together ("Grace Kim-Park" before "Email: ..." on its
        line), and two such lines stacked in the same size as one ("JOHN" / "DOE")."""
        if not self.body_size:
            return []
        large = []
        for line in self._lines:
            if line.page != 1 or line.top > _TOP_OF_PAGE:
                continue
            for size, spans in itertools.groupby(line.spans, lambda span: span.size):
                text = normalise_text("".join(span.text for span in spans)).strip()
                if size >= _DISPLAY * self.body_size and any(ch.isalpha() for ch in text):
                    large.append((size, line.top, text))
        found = list(large)
        for (size, top, text), (next_size, next_top, next_text) in itertools.pairwise(large):
            if abs(next_size - size) < 0.5 and 0 < next_top - top <= _STACKED * size:
                found.append((size, top, f"{text} {next_text}"))
        return [text for _, _, text in sorted(found, key=lambda item: (-item[0], item[1]))]

    def unbulleted_headers(self, text: str, bullet: re.Pattern[str]) -> str:
        """The text with the bullet taken off lines set in bold: templates that bullet each
        entry ("• Acme Corp  Berlin") set its header bold and its highlights plain, and a
        bulleted line is otherwise read as a highlight."""
        lines = text.split("\n")
        for index, line in enumerate(lines):
            marker = bullet.match(line.strip())
            # An icon before a bold word ("\ue000 Statistics") is a label's, not a bullet.
            if marker and marker.group().strip() >= "\ue000":
                marker = None
            style = self.style(line) if marker else None
            if marker and style is not None and style.bold:
                lines[index] = line.strip()[marker.end():]
        return "\n".join(lines)

    def headings_by_look(self, lines: Sequence[str], is_heading: Callable[[str], bool],
                         may_be_heading: Callable[[str], bool]) -> set[str]:
        """Lines that look as the document's headings do, though their words are not a
        heading's ("Where I have worked", "Life philosophy"): set in a look that at least
        two lines `is_heading` recognises share, and that at least twice as many of those
        recognised lines as of others have, so that entry titles set like headings do not
        become headings. `may_be_heading` rules out what cannot be one (dates, sentences)."""
        looks = {line: self.look(line) for line in lines}
        recognised = Counter(look for line, look in looks.items() if look and is_heading(line))
        others = Counter(look for line, look in looks.items() if look and not is_heading(line))
        kept = {look for look, count in recognised.items() if count >= 2 and count >= 2 * others[look]}
        return {line for line, look in looks.items()
                if look in kept and not is_heading(line) and may_be_heading(line)}


def _one_line(text: str) -> str:
    return "".join(" " if ch in _BREAKS else ch for ch in text)


# What normalise_text reads as a line break.
_BREAKS = set("\n\r\v\f\x85\u2028\u2029")
