"""A second reading of OCR lines in the scripts the first recognizer lacks.

PP-OCRv6's recognizer (ocr.py) reads Latin letters, accented ones included, but no
Cyrillic: it reads "Дмитрий Соколов" as a space or drops it as unreadable. It knows Greek
small letters without their accents, and reads Greek capitals as Latin ones and symbols
("Eλνη ∏απαδοπολου", "NANA△ONO'YAOY"). What it makes of a line tells which script it is
in, and Tesseract's LSTM models for that script and English (tesseract_lines) read it
again: both names whole at 200 DPI, at some 20-70 ms per line. A reading Tesseract is
unsure of is taken where the page's email address spells it (a surname in a display
face), and the tonos of capitals it drops is put back where the first reading saw it. The two scripts are not
read together, since Tesseract then takes Greek capitals for Cyrillic
("ЕЛЕМН" for "ΕΛΕΝΗ"); English is read beside each for the Latin words of a line. Lines
the first recognizer read as Latin text are left as it read them: a Latin page costs only
the regions it could not read (icons, mostly), some 1 % more (README, OCR).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from analysis_worker.extraction.tesseract_lines import CYRILLIC, GREEK, tesseract_reading
from analysis_worker.latin_spelling import fold
from analysis_worker.marks import bare

if TYPE_CHECKING:
    import numpy

# An icon beside a line is a region of its own, which Tesseract reads as a letter or two of
# either script ("ТП" for a briefcase, "т" for a phone); a name holds more.
_LEAST_LETTERS = 3
# A word of this many letters, spelled by the page's email address, is the name's.
_SPELLED = 4
# An email address's local part, as the first recognizer reads it.
_ADDRESS = re.compile(r"([\w.+-]+)@[\w-]+\.")
# Greek capital vowels, and the same with the tonos.
_TONOS = str.maketrans("ΑΕΗΙΟΥΩ", "ΆΈΉΊΌΎΏ")
# What a tonos read apart from its capital is read as.
_APOSTROPHES = "'’΄´`"
_APART = re.compile(f"[{_APOSTROPHES}]([ΑΕΗΙΟΥΩΆΈΉΊΌΎΏ])")
# Modern Greek is written with the acute accent and the diaeresis only; the Greek model,
# trained on older text too, reads the smooth or rough breathing over a capital ("Ἐλένη").
_POLYTONIC = dict.fromkeys(map(ord, "\u0313\u0314\u0342\u0345"))


def second_reading(crop: numpy.ndarray, first: str, readable: bool, addresses: Sequence[str]) -> str | None:
    """The line's text as Tesseract reads it in the script the first reading (`first`,
    `readable` when above the first recognizer's score threshold) points to, when most of
    its letters are in that script and Tesseract is sure enough of them or the page's email
    `addresses` (page_addresses) spell its words; otherwise None (the first reading stands)."""
    languages = _script(first, readable)
    if languages is None:
        return None
    reading = tesseract_reading(crop, languages)
    text = with_tonos(monotonic(reading.text), first)
    letters = [character for character in text if character.isalpha()]
    others = sum(map(_other_script, letters))
    if others < _LEAST_LETTERS or 2 * others <= len(letters):
        return None
    return text if reading.sure or _spelled(text, addresses) else None


def page_addresses(texts: Iterable[str]) -> list[str]:
    """The local parts of the email addresses among a page's first readings, as fold
    spells letters: a name in Greek or Cyrillic is spelled in Latin there."""
    return [fold(local) for text in texts for local in _ADDRESS.findall(text)]


def _spelled(text: str, addresses: Sequence[str]) -> bool:
    """Whether an address spells every word of the text, one of them of _SPELLED letters
    at least: Tesseract is less sure of a name in a display face than its reading is right
    ("ΠΑΠΑΔΟΠΟΎΛΟΥ" at 53 of 100)."""
    words = [fold(word) for word in text.split()]
    return any(all(word in address for word in words) and max(map(len, words), default=0) >= _SPELLED
               for address in addresses)


def _script(first: str, readable: bool) -> str | None:
    """Greek where the first reading holds a Greek letter or a symbol in a word (a capital
    it has no letter for), or symbols alone ("△∧": capitals it has no letter for, all);
    Cyrillic where it read nothing; None where it read Latin text."""
    if any(map(_other_script, first)) or _symbol_in_word(first) or _symbols_alone(first):
        return GREEK
    if not readable or not any(map(str.isalnum, first)):
        return CYRILLIC
    return None


def _symbols_alone(text: str) -> bool:
    return any(_is_symbol(character) for character in text) and not any(map(str.isalnum, text))


def with_tonos(text: str, first: str) -> str:
    """The Greek reading with the tonos over capitals that Tesseract reads apart or drops.
    It reads the accent of "Ύ" as a mark of its own before the letter ("ΠΑΠΑΔΟΠΟ΄ΎΛΟΥ"),
    and loses that of "Έ" ("ΕΛΕΝΗ" for "ΕΛΈΝΗ"), which the first reading keeps as an
    apostrophe before the letter ("EΛ'ENH"). A word holds one tonos at most."""
    text = _APART.sub(lambda found: found[1].translate(_TONOS), text)
    marked = [character in _APOSTROPHES for character in first]
    # Each letter of the first reading, and whether an apostrophe stands before it.
    before = [index > 0 and marked[index - 1] for index, character in enumerate(first)
              if not character.isspace() and not marked[index]]
    if len(before) != sum(not character.isspace() for character in text):
        return text
    flags = iter(before)
    words = []
    for word in text.split(" "):
        accents = [next(flags) for character in word if not character.isspace()]
        if bare(word) == word:
            word = "".join(character.translate(_TONOS) if accent else character
                           for character, accent in zip(word, accents, strict=True))
        words.append(word)
    return " ".join(words)


def _symbol_in_word(text: str) -> bool:
    """Whether a symbol ("∏", "△", "∧") stands beside a letter, where a letter should be."""
    return any(_is_symbol(character) and (text[index - 1:index].isalpha() or text[index + 1:index + 2].isalpha())
               for index, character in enumerate(text))


def _is_symbol(character: str) -> bool:
    return unicodedata.category(character) in ("Sm", "So")


def monotonic(text: str) -> str:
    """The text with the marks of polytonic Greek dropped, its letters and accents kept."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_POLYTONIC))


def _other_script(character: str) -> bool:
    return character.isalpha() and unicodedata.name(character, "").startswith(("GREEK", "CYRILLIC"))
