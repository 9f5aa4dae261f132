"""Telling a sentence from the short lines around it (titles, places, dates, labels)."""

from __future__ import annotations


def is_prose(line: str) -> bool:
    """A sentence (summary, description) rather than a title, place or date line:
    title lines are mostly capitalised words, sentences mostly lower-case ones."""
    words = [word for word in line.split() if word[0].isalpha()]
    if len(words) >= 4 and line.rstrip().endswith("."):
        return True
    return len(words) >= 6 and sum(word[0].islower() for word in words) >= 0.5 * len(words)
