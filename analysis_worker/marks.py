"""Marks over letters (accents, diaereses) that one reading of a text has and another
lacks: OCR reads them again on a page's largest lines (extraction/lost_marks.py), and the
analysis takes them from another line that prints the name (analysis/names.py)."""

from __future__ import annotations

import unicodedata


def bare(text: str) -> str:
    """The text without the marks over its letters ("Anaïs" is "Anais")."""
    return "".join(character for character in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(character))


def marks_added(first: str, second: str) -> str:
    """`first` with the marks `second` has over the letters `first` leaves bare, when the
    two hold the same letters (case aside); `first` otherwise."""
    letters = [character for character in second if not character.isspace()]
    if [bare(character).casefold() for character in letters] != [
            bare(character).casefold() for character in first if not character.isspace()]:
        return first
    marked = iter(letters)
    out = []
    for character in first:
        if character.isspace():
            out.append(character)
            continue
        marks = unicodedata.normalize("NFD", next(marked))[1:]
        out.append(unicodedata.normalize("NFC", character + marks) if bare(character) == character and marks
                   else character)
    return "".join(out)
