"""Telling a sentence from the short lines around it (titles, places, dates, labels)."""

from __future__ import annotations

from .languages import LEGAL_FORMS


def is_prose(line: str) -> bool:
    """A sentence (summary, description) rather than a title, place or date line:
    title lines are mostly capitalised words, sentences mostly lower-case ones."""
    words = [word for word in line.split() if word[0].isalpha()]
    # "Tecnologías Cierzo S.L.": the dot of a company's legal form ends no sentence.
    if len(words) >= 4 and line.rstrip().endswith(".") and words[-1].lower() not in LEGAL_FORMS:
        return True
    return len(words) >= 6 and sum(word[0].islower() for word in words) >= 0.5 * len(words)
