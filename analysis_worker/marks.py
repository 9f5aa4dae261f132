"""Marks over letters (accents, diaereses) that one reading of a text has and another
lacks: OCR reads them again on a page's largest lines (extraction/lost_marks.py), and the
analysis takes them from another line that prints the name (analysis/names.py)."""

from __future__ import annotations

import unicodedata


def marks_added(first: str, second: str) -> str:
    """`first` with the marks `second` has over the letters `first` leaves bare, when the
    two hold the same letters (case aside); `first` otherwise."""
    letters = [character for character in second if not character.isspace()]
    if [_bare(character).casefold() for character in letters] != [
            _bare(character).casefold() for character in first if not character.isspace()]:
        return first
    marked = iter(letters)
    out = []
    for character in first:
        if character.isspace():
            out.append(character)
            continue
        other = unicodedata.normalize("NFD", next(marked))
        marks = other[1:]
        bare = unicodedata.normalize("NFD", character) == character
        out.append(unicodedata.normalize("NFC", character + marks) if bare and marks else character)
    return "".join(out)


def _bare(character: str) -> str:
    return unicodedata.normalize("NFD", character)[0]
