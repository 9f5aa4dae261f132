"""A second reading of OCR lines in the scripts the first recognizer lacks.

PP-OCRv6's recognizer (ocr.py) reads Latin letters, accented ones included, but no
Cyrillic: it reads "Дмитрий Соколов" as a space or drops it as unreadable. It knows Greek
small letters without their accents, and reads Greek capitals as Latin ones and symbols
("Eλνη ∏απαδοπολου", "NANA△ONO'YAOY"). What it makes of a line tells which script it is
in, and Tesseract's LSTM models for that script and English (tesseract_lines) read it
again: both names whole at 200 DPI, at some 20-70 ms per line. The two scripts are not
read together, since Tesseract then takes Greek capitals for Cyrillic
("ЕЛЕМН" for "ΕΛΕΝΗ"); English is read beside each for the Latin words of a line. Lines
the first recognizer read as Latin text are left as it read them: a Latin page costs only
the regions it could not read (icons, mostly), some 1 % more (README, OCR).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from analysis_worker.extraction.tesseract_lines import CYRILLIC, GREEK, tesseract_reading

if TYPE_CHECKING:
    import numpy

# An icon beside a line is a region of its own, which Tesseract reads as a letter or two of
# either script ("ТП" for a briefcase, "т" for a phone); a name holds more.
_LEAST_LETTERS = 3
# Modern Greek is written with the acute accent and the diaeresis only; the Greek model,
# trained on older text too, reads the smooth or rough breathing over a capital ("Ἐλένη").
_POLYTONIC = dict.fromkeys(map(ord, "\u0313\u0314\u0342\u0345"))


def second_reading(crop: numpy.ndarray, first: str, readable: bool) -> str | None:
    """The line's text as Tesseract reads it in the script the first reading (`first`,
    `readable` when above the first recognizer's score threshold) points to, when most of
    its letters are in that script and Tesseract is sure enough of them; otherwise None
    (the first reading stands)."""
    languages = _script(first, readable)
    if languages is None:
        return None
    text = tesseract_reading(crop, languages)
    if text is None:
        return None
    text = monotonic(text)
    letters = [character for character in text if character.isalpha()]
    others = sum(map(_other_script, letters))
    return text if others >= _LEAST_LETTERS and 2 * others > len(letters) else None


def _script(first: str, readable: bool) -> str | None:
    """Greek where the first reading holds a Greek letter or a symbol in a word (a capital
    it has no letter for); Cyrillic where it read nothing; None where it read Latin text."""
    if any(map(_other_script, first)) or _symbol_in_word(first):
        return GREEK
    if not readable or not any(map(str.isalnum, first)):
        return CYRILLIC
    return None


def _symbol_in_word(text: str) -> bool:
    """Whether a symbol ("∏", "△", "∧") stands beside a letter, where a letter should be."""
    return any(unicodedata.category(character) in ("Sm", "So")
               and (text[index - 1:index].isalpha() or text[index + 1:index + 2].isalpha())
               for index, character in enumerate(text))


def monotonic(text: str) -> str:
    """The text with the marks of polytonic Greek dropped, its letters and accents kept."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_POLYTONIC))


def _other_script(character: str) -> bool:
    return character.isalpha() and unicodedata.name(character, "").startswith(("GREEK", "CYRILLIC"))
