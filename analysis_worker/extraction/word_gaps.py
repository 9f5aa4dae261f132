"""Word gaps in fonts whose subset has no space glyph.

XeLaTeX (xdvipdfmx), Typst and some DTP programs seldom show a space: they move the pen
between words ([(Engineering) -199 (Manager)] TJ), and pypdf (7.x) counts a move as a
word gap when it is at least about half the font's space width. For a CID font it looks
the space up by the code of " " (0x20); when no code of the font maps to a space, it
takes the width of whatever glyph has that code instead (a letter, half an em wide in
many subsets), and the words come out glued: "EngineeringManagerwholikescleargoals".
Such a font is taken for what it is, one without a space glyph, for which pypdf then
uses its default word space (200 thousandths of an em).
"""

from __future__ import annotations

from typing import Any

from pypdf.generic._font import Font

_pypdf_space_char = Font._get_space_char


def _space_char(encoding: str | dict[int, str], character_map: dict[Any, Any]) -> str:
    found = _pypdf_space_char(encoding, character_map)
    if found == " " and character_map.get(" ", " ") != " ":
        return ""  # the code of a space shows another glyph: there is none to measure
    return found


def read_word_gaps() -> None:
    """Has pypdf measure word gaps against its default space in fonts without a space glyph."""
    setattr(Font, "_get_space_char", staticmethod(_space_char))  # noqa: B010 - pypdf's own static method
