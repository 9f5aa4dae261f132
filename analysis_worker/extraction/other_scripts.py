"""A second reading of OCR lines in the scripts the first recognizer lacks.

PP-OCRv6's recognizer (ocr.py) reads Latin letters, accented ones included, but no
Cyrillic: it reads "Дмитрий Соколов" as a space or drops it as unreadable. It knows Greek
small letters without their accents, and reads Greek capitals as Latin ones and symbols
("Eλνη ∏απαδοπολου", "NANA△ONO'YAOY"), and Cyrillic capitals as the Latin capitals and
digits they look like ("AHHA KY3HELOBA"). What it makes of a line tells which script it
is in, and Tesseract's LSTM models for that script and English (tesseract_lines) read it
again: both names whole at 200 DPI, at some 20-70 ms per line. Where it does not tell
(capitals both scripts share with Latin, or a letter or two read on a long line), each
script's model is read alone and the one Tesseract is surer of decides; such a reading is
taken only on a letter no Latin one looks like, or an address that spells it and not the
Latin reading, for "ANNA KIM" and "TEAM" are Latin capitals too. A reading Tesseract is
unsure of is taken where the page's email address spells it (a surname in a display
face), and the tonos of capitals it drops is put back where the first reading saw it.
The two scripts are not read together, since Tesseract then takes Greek capitals for
Cyrillic ("ЕЛЕМН" for "ΕΛΕΝΗ"); English is read beside each for the Latin words of a
line. Other lines the first recognizer read as Latin text are left as it read them: a
Latin page costs only the regions it could not read (icons, mostly) and its lines of such
capitals ("CONTACT"), a few per cent more (README, OCR).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from analysis_worker.extraction.tesseract_lines import CYRILLIC, CYRILLIC_ALONE, GREEK, GREEK_ALONE, tesseract_reading
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
# Greek and Cyrillic letters, and the Latin letters they look like.
_SHAPES = str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορυχ" "АВЕКМНОРСТУХаеорсух",
                        "ABEZHIKMNOPTYXaikvopux" "ABEKMHOPCTYXaeopcyx")
# The Latin capitals those look like, and digits the first recognizer reads for other capitals
# ("3" for "З", "2" for "Σ").
_LATIN_CAPITALS = frozenset("ABCEHIKMNOPTXYZ0123456789")
# A region this many times as wide as it is high is a line of text.
_LINE = 4
# Letters no Latin one looks like that tell a line of capitals is in another script.
_UNLIKE = 2
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_])\d(?=[^\W\d_])")
# Greek capitals Cyrillic has too, and the symbols the first recognizer reads for
# capitals of both ("∏" for "Π" and "П", "∪" for "Ц").
_SHARED_SIGNS = frozenset("ΓΠΦ∏∪")
# Each script's model read with English's, and alone.
_ALONE = {GREEK: GREEK_ALONE, CYRILLIC: CYRILLIC_ALONE}
_SCRIPTS_ALONE = frozenset(_ALONE.values())
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
    its letters are in that script and Tesseract is sure enough of them, the page's email
    `addresses` (page_addresses) spell its words, or the first reading has the same
    letters; otherwise None (the first reading stands). Where the first reading does not
    tell the script, each is read and the one Tesseract is surer of decides."""
    latin_like, too_few = _latin_like(first), _too_few(first, crop)
    for models in _models(first, readable, latin_like, too_few):
        readings = [(reading, with_tonos(monotonic(reading.text), first))
                    for reading in (tesseract_reading(crop, languages) for languages in models)]
        scripted = [(reading.confidence, text, reading.sure) for reading, text in readings if _in_other_script(text)]
        if not scripted:
            continue
        _, text, sure = max(scripted)
        spelled = _spelled(text, addresses)
        # A model alone reads Latin capitals in its script too.
        if set(models) <= _SCRIPTS_ALONE and not _not_latin(text, first, too_few,
                                                            spelled and not _spelled(first, addresses)):
            continue
        if sure or spelled or _shape(text) == _shape(first):
            return text
    return None


def _in_other_script(text: str) -> bool:
    """Whether most of the text's letters, and _LEAST_LETTERS at least, are Greek or Cyrillic."""
    letters = [character for character in text if character.isalpha()]
    others = sum(map(_other_script, letters))
    return others >= _LEAST_LETTERS and 2 * others > len(letters)


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


def _models(first: str, readable: bool, latin_like: bool, too_few: bool) -> tuple[tuple[str, ...], ...]:
    """The Tesseract models to read the line with, in rounds: the next round is read only
    where none of the last was taken. Greek where the first reading holds a Greek letter
    or a symbol (Greek capitals it has no letter for: "EΛ'ENH", "△∧"); both where it holds
    only capitals or symbols Cyrillic has too ("ΠËTP MOPO3OBA" for "ПЁТР МОРОЗОВА", "∏"
    for "П" as for "Π", "∪" for "Ц"); then, on a line of capitals or of too few characters,
    the same alone, which read the capitals English's model takes for Latin ones ("ΠΑΠΠΆΣ"
    for "NANNAZ"). Each alone where it read capitals Latin shares with both or too few
    characters for the line; Cyrillic where it read nothing; none where it read Latin text.
    Symbols count in a word, alone or among too few characters."""
    signs = set(filter(_other_script, first))
    if _symbol_in_word(first) or _symbols_alone(first) or too_few:
        signs |= set(filter(_is_symbol, first))
    if signs:
        scripts = (GREEK, CYRILLIC) if signs <= _SHARED_SIGNS else (GREEK,)
        if too_few or not any(map(str.islower, first)):
            return scripts, tuple(_ALONE[languages] for languages in scripts)
        return (scripts,)
    if latin_like or too_few:
        return ((GREEK_ALONE, CYRILLIC_ALONE),)
    if not readable or not any(map(str.isalnum, first)):
        return ((CYRILLIC,),)
    return ()


def _too_few(first: str, crop: numpy.ndarray) -> bool:
    """Whether the first reading holds fewer characters than one for every two heights of
    its line ("A" for "Анна Кузнецова" in grey): it read a few letters of another script.
    A region under _LINE heights wide is an icon or a rule, whatever is read there."""
    height, width = crop.shape[:2]
    read = len(first.strip())
    return 0 < read and width > height * max(2 * read, _LINE)


def _latin_like(first: str) -> bool:
    """Whether the first reading is a line of the Latin capitals Greek and Cyrillic ones
    look like ("MAPIA TEOPTIOY" for "ΜΑΡΊΑ ΓΕΩΡΓΊΟΥ"), digits read for letters inside
    words counted among them: a word of _LEAST_LETTERS or more of those alone, and no word
    with more than one character besides them (one is a letter Latin lacks read as another:
    "L" for "Ц" in "AHHA KY3HELOBA"). Few Latin lines are ("CONTACT", "PHONE"; not "MATEO
    QUINTERO")."""
    words = first.split()
    if any(map(str.islower, first)) or any(map(_other_script, first)):
        return False
    return all(len(set(word) - _LATIN_CAPITALS) <= 1 for word in words) and any(
        len(word) >= _LEAST_LETTERS and word[0].isalpha() and set(word) <= _LATIN_CAPITALS for word in words)


def _not_latin(text: str, first: str, too_few: bool, spelled_apart: bool) -> bool:
    """Whether a reading by a Tesseract model alone, of a line of capitals or one the first
    recognizer read as too few characters, is right: capitals both share may be Latin
    ("ANNA KIM", "TEAM", letter-spaced "CONTACT"), and a model alone reads Latin capitals
    in its script. The page's address spells the reading and not the first
    (`spelled_apart`: "ΟΙΚΟΝΟΜΟΥ", "oikonomou"), or the reading holds letters no Latin
    letter looks like: one where the first reading holds too few characters ("Л" of
    "РОМАН КОВАЛЕВ" for "P"), else _UNLIKE, a digit the first read inside a word counted
    as one ("ΓΕΩΡΓΊΟΥ" for "TEOPTIOY", "МОРОЗОВА" for "MOPO3OBA"; not "ИМ ВАККЕ" for "TIM
    BAKKE", "ГОЕ" for "ZOE")."""
    unlike = sum(_other_script(character) and bare(character).translate(_SHAPES) == bare(character)
                 for character in text.upper())
    if too_few:
        return spelled_apart or unlike >= 1
    return spelled_apart or unlike + len(_DIGIT_IN_WORD.findall(first)) >= _UNLIKE


def _shape(text: str) -> str:
    """The text's letters as they look, without marks, case or spaces: Greek and Cyrillic
    letters that look like Latin ones as those ("Αννα" and "Avνα" are alike)."""
    return "".join(bare(text).translate(_SHAPES).casefold().split())


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
