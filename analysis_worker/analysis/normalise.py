"""Extracted text brought to one spelling before any heuristic reads it.

Word processors, PDF exporters and HTML templates write the same resume with different
characters: no-break and thin spaces, soft hyphens, the Unicode hyphen, ligatures
("ﬁ"), full-width forms, a dozen bullet shapes, emoji used as icons. The heuristics
are written for plain spaces, "-", "–", "—", "•" and icon glyphs of the Private Use
Area (icon fonts), so everything else is mapped onto those here, in one pass, for
PDF and DOCX alike.
"""

from __future__ import annotations

import re
import unicodedata

from ..document import ICON

# Invisible characters that only carry typesetting hints.
_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f"
# The Unicode hyphen, non-breaking hyphen, figure dash and minus sign are written
# where a keyboard writes "-"; the horizontal bar and two-em dash where it writes "—".
_DASHES = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2043": "-", "\u2212": "-", "\u2015": "—",
           "\u2e3a": "—", "\u2e3b": "—"}
_BULLETS = "▸▹►▻▶▷◦◾◽◼◻⦿⦾❖✦✧★☆➢➣➤➔➜➝➞❯∙⁃‣○●■□▪▫◆◇◘⁌⁍"
# Symbol-font bullets of Word documents land in the Private Use Area at these points.
_PRIVATE_BULLETS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf0e0\uf09f"
# Emoji and pictographs used as contact icons ("📞", "✉", "📍"). Check marks stay:
# they are bullets the entry parser knows.
_ICON_BLOCKS = ((0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x1F300, 0x1FAFF))
_KEPT_SYMBOLS = set("✓✔") | set(_BULLETS)
# Line and paragraph separators, next-line: line breaks in another spelling.
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n", "\u0085": "\n", "\u000b": "\n"}


def _table() -> dict[int, str]:
    table: dict[int, str] = {ord(ch): "" for ch in _DROPPED}
    # A glyph without a Unicode mapping (an icon font's) comes out of some PDFs as NUL
    # or another control character.
    table.update({point: ICON for point in range(0x20) if chr(point) not in "\t\n\r\f\v"})
    table.update({ord(ch): value for ch, value in (_DASHES | _LINE_BREAKS).items()})
    table.update({ord(ch): "•" for ch in _BULLETS + _PRIVATE_BULLETS})
    for first, last in _ICON_BLOCKS:
        table.update({point: ICON for point in range(first, last + 1) if chr(point) not in _KEPT_SYMBOLS})
    return table


_TABLE = _table()
# Word's PDF export separates words with runs that mix a carriage return or a no-break
# space with tabs ("Leo\t\r \xa0Leopard"): such a run is one space, while runs of plain
# spaces and tabs keep their meaning of a column gap.
_MIXED_GAP = re.compile(r"[ \t\xa0]*(?:\r(?!\n)|\xa0[ \t]*\t|\t[ \t]*\xa0)[ \t\xa0\r]*")
_OTHER_SPACE = re.compile(r"[^\S\n\t\f]")
# A soft hyphen beside a hyphen leaves two of them inside a number ("555--5555").
_DOUBLED_HYPHEN = re.compile(r"(?<=\d)-{2,}(?=\d)")
# Icon fonts without a Unicode mapping (Font Awesome in pdfTeX's moderncv) leave the
# glyph's name where the icon is: "/github", "/linkedin-in", "/globe-americas" (with a
# letter or two mis-decoded). Read as words they would be skills and handles.
_GLYPH_NAME = re.compile(r"(?<!\S)/[a-z][^\sA-Z0-9/.:@]*(?=\s)")
# Letter-spaced display type ("J O H N  D O E", "A T H E N S ,  G R E E C E"), placed a
# character at a time: the characters of a word come out one space apart, the words two or
# more. Three characters and four letters or digits at least, so that initials ("J. R. R.")
# and lists of single letters ("C, R", "R & D") are left alone.
_LETTER_SPACED = re.compile(r"(?<!\S)\S(?: \S){2,}(?: {2,}\S(?: \S)*)*(?!\S)")
_LEAST_SPACED = 4


# Small capitals whose text layer maps some glyphs to lower-case letters ("OPERATiONS
# MANAGER", "BACHELOR iN SCiENCE"): words whose lower-case letters stand alone between
# capitals. A line where most words are in capitals, one such word of four letters or
# more with two capitals to each lower-case one among them, is set in capitals.
_WORD = re.compile(r"[^\W\d_]+")
_LINE = re.compile(r"^[^\n]*[A-Z][a-z][A-Z][^\n]*$|^[^\n]*\b[a-z][A-Z]{2}[^\n]*$", re.MULTILINE)


def normalise_text(text: str) -> str:
    """The text with one spelling for spaces, hyphens, dashes, bullets and icons; line
    breaks, tabs and page breaks are kept, since layout is read from them."""
    text = _MIXED_GAP.sub(" ", text.replace("\r\n", "\n"))
    # NFKC spells out ligatures and full-width forms, and turns exotic spaces into spaces.
    text = unicodedata.normalize("NFKC", text.translate(_TABLE))
    text = _GLYPH_NAME.sub(ICON, _DOUBLED_HYPHEN.sub("-", _OTHER_SPACE.sub(" ", text)))
    return _LINE.sub(_capitals, _LETTER_SPACED.sub(_closed_up, text))


def _capitals(line: re.Match[str]) -> str:
    words = _WORD.findall(line.group())
    capitals = [word for word in words if word.isupper() or _is_small_capitals(word)]
    if 2 * len(capitals) <= len(words) or not any(
            len(word) >= 4 and sum(ch.isupper() for ch in word) >= 2 * sum(ch.islower() for ch in word) > 0
            for word in capitals):
        return line.group()
    return _WORD.sub(lambda word: word.group().upper() if _is_small_capitals(word.group()) else word.group(),
                     line.group())


def _is_small_capitals(word: str) -> bool:
    """Capitals with lower-case letters only alone between them ("OPERATiONS", "iN")."""
    return any(ch.isupper() for ch in word) and not re.search(r"[a-z]{2}", word) and \
        sum(ch.isupper() for ch in word) >= sum(ch.islower() for ch in word)


def _closed_up(spaced: re.Match[str]) -> str:
    if sum(ch.isalnum() for ch in spaced.group()) < _LEAST_SPACED:
        return spaced.group()
    return " ".join(word.replace(" ", "") for word in re.split(r" {2,}", spaced.group()))
