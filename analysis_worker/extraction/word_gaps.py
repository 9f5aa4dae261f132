"""Word gaps in fonts whose subset has no space glyph, and gaps wider than words.

XeLaTeX (xdvipdfmx), Typst and some DTP programs seldom show a space: they move the pen
between words ([(Engineering) -199 (Manager)] TJ), and pypdf (7.x) counts a move as a
word gap when it is at least about half the font's space width. For a CID font it looks
the space up by the code of " " (0x20); when no code of the font maps to a space, it
takes the width of whatever glyph has that code instead (a letter, half an em wide in
many subsets), and the words come out glued: "EngineeringManagerwholikescleargoals".
Such a font is taken for what it is, one without a space glyph, for which pypdf then
uses its default word space (200 thousandths of an em).

TeX sets a whole line in one TJ, the glue between its cells included: [(Engineer)
-5848 (Quantum Ridge Labs) -9874 (Jun 2023)] TJ puts a title, its employer and the dates
in three cells across the page, which pypdf parts by one space each, as it parts words.
A move of an em or more is marked (_CELL_MARK) and read once the line is whole
(parted_cells): where the line parts other words by spaces, the wide move parts cells
and is written as a tab, which parts fields as a word processor's tab does; where every
gap of the line is that wide, the line is stretched across a narrow column (justified
type in a sidebar) and the move is a word gap.
"""

from __future__ import annotations

from typing import Any

from pypdf._text_extraction._text_extractor import TextExtraction
from pypdf.generic._font import Font

_pypdf_space_char = Font._get_space_char
_pypdf_tj_offset = TextExtraction.process_tj_offset
# Thousandths of an em: a TJ move this wide parts cells, or words stretched across a line.
_CELL_GAP = 1000.0
_CELL_MARK = "\x1f"  # the unit separator: no text layer shows it


def _space_char(encoding: str | dict[int, str], character_map: dict[Any, Any]) -> str:
    found = _pypdf_space_char(encoding, character_map)
    if found == " " and character_map.get(" ", " ") != " ":
        return ""  # the code of a space shows another glyph: there is none to measure
    return found


def _tj_offset(extraction: TextExtraction, offset: float, space_width: float) -> None:
    _pypdf_tj_offset(extraction, offset, space_width)
    if -offset >= _CELL_GAP and extraction.text.endswith(" "):
        extraction.text = extraction.text[:-1] + _CELL_MARK


def parted_cells(text: str) -> str:
    """The text with each _CELL_MARK a tab on lines that part words by spaces too, and a
    space on others; of the same length."""
    if _CELL_MARK not in text:
        return text
    return "\n".join(line.replace(_CELL_MARK, "\t" if " " in line else " ") for line in text.split("\n"))


def cells_parted(plain: str, chunks: list[str], starts: list[int] | None) -> tuple[str, list[str]]:
    """The page's plain text and its chunks (beginning at `starts` in it) with their marks
    read chunk by chunk, as the chunks alone are: a line of TeX is one chunk, and the
    spaces pypdf puts between chunks are no evidence. Without `starts`, line by line."""
    if _CELL_MARK not in plain:
        return plain, chunks
    if starts is None:
        return parted_cells(plain), [parted_cells(chunk) for chunk in chunks]
    pieces, at = [], 0
    for start, chunk in zip(starts, chunks, strict=True):
        pieces += [plain[at:start], parted_cells(chunk)]
        at = start + len(chunk)
    return "".join(pieces) + plain[at:], [parted_cells(chunk) for chunk in chunks]


def read_word_gaps() -> None:
    """Has pypdf measure word gaps against its default space in fonts without a space
    glyph, and mark a move an em wide or more inside a TJ (see parted_cells)."""
    setattr(Font, "_get_space_char", staticmethod(_space_char))  # noqa: B010 - pypdf's own static method
    setattr(TextExtraction, "process_tj_offset", _tj_offset)  # noqa: B010 - pypdf's own method
