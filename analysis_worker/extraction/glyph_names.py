"""Glyph names read as the Adobe Glyph List specification says, for fonts without a
ToUnicode map, whose text is known only by the names of their glyphs.

pypdf (7.x) looks a name up in the list, or reads `uniXXXX` and `uXXXX` alone, and puts
any other name into the text as it stands: "Scienti/f_ic", "We/four.pnumIT". The rules
of the specification read those too: drop what follows the first period (`.pnum`, `.sc`,
`.alt`), split ligatures at underscores (`f_i`, `T_h`), and read each part as a list name,
`uni` with one or more groups of four hex digits, or `u` with four to six.
https://github.com/adobe-type-tools/agl-specification
"""

from __future__ import annotations

import re

from pypdf import _cmap
from pypdf._codecs import adobe_glyphs

_UNI = re.compile(r"uni((?:[0-9A-Fa-f]{4})+)")
_U = re.compile(r"u([0-9A-Fa-f]{4,6})")


def glyph_text(glyph_name: str) -> str | None:
    """The text a glyph name (as pypdf gives it, "/f_i") stands for; None when no part of
    it is a name the rules know."""
    whole = adobe_glyphs.get(glyph_name)  # pypdf's own entries first (".notdef" among them)
    if whole is not None:
        return whole
    base = glyph_name.removeprefix("/").split(".", 1)[0]
    text = "".join(_component(part) for part in base.split("_"))
    return text or None


def _component(name: str) -> str:
    known = adobe_glyphs.get(f"/{name}")
    if known is not None:
        return known
    if match := _UNI.fullmatch(name):
        digits = match.group(1)
        code_points = [int(digits[start:start + 4], 16) for start in range(0, len(digits), 4)]
        return "".join(map(chr, code_points)) if not any(map(_surrogate, code_points)) else ""
    if match := _U.fullmatch(name):
        code_point = int(match.group(1), 16)
        return chr(code_point) if code_point <= 0x10FFFF and not _surrogate(code_point) else ""
    return ""


def _surrogate(code_point: int) -> bool:
    return 0xD800 <= code_point <= 0xDFFF


def read_glyph_names_fully() -> None:
    """Has pypdf read glyph names by these rules: every font's encoding is built through
    this one function of its, for /Differences and for the encodings of embedded Type 1 fonts."""
    _cmap._glyph_name_to_unicode = glyph_text
