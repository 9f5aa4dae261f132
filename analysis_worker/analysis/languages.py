"""What resumes in German, French, Spanish, Portuguese, Dutch and Italian say in their own
words (data/languages.json): month names, "present" words, range connectors, heading
words, degree names, school, title and company words, a form's field labels; and which
language a resume is written in.

The detector counts the words of each language's stop-word list in the text, each word
weighted by how few languages share it ("de" is French, Spanish, Portuguese and Dutch);
the language with the most weight wins, English when no other language outweighs it.
It needs nothing but the text and runs in well under a millisecond.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

_DATA: dict[str, Any] = json.loads((Path(__file__).parent / "data" / "languages.json").read_text(encoding="utf-8"))
FOREIGN = tuple(code for code in _DATA if not code.startswith("_") and code != "en")
DEFAULT_LANGUAGE = "en"


def _merged(key: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for code in FOREIGN:
        merged.update(_DATA[code][key])
    return merged


def _united(key: str) -> list[str]:
    return sorted({word for code in FOREIGN for word in _DATA[code][key]}, key=lambda word: (-len(word), word))


# Month name or abbreviation (lower case, no dot) -> month number.
MONTHS: dict[str, int] = _merged("months")
PRESENT_WORDS = _united("present")
TO_WORDS = _united("to")
SINCE_WORDS = _united("since")
# Words of a duration ("4 ans 5 mois", "2 Jahre 3 Monate").
DURATION_YEARS = _united("duration_years")
DURATION_MONTHS = _united("duration_months")
HEADING_WORDS: dict[str, str] = _merged("headings")
HEADING_MODIFIERS = frozenset(_united("modifiers"))
HEADING_PHRASES: dict[str, str] = _merged("phrases")
INSTITUTION_WORDS = _united("institutions")
TITLE_WORDS = frozenset(_united("title_words"))
TITLE_SUFFIXES = _united("title_suffixes")
COMPANY_WORDS = frozenset(_united("company_words"))
# Companies' legal forms written with dots ("s.l.", "b.v."), lower case.
LEGAL_FORMS = frozenset(_united("legal_forms"))
# A form's field labels by role ("employer", "position", "other"), every language's, longest first.
FIELD_LABELS: dict[str, list[str]] = {
    role: sorted({label for code in (*FOREIGN, DEFAULT_LANGUAGE) for label in _DATA[code]["field_labels"][role]},
                 key=lambda label: (-len(label), label))
    for role in ("employer", "position", "other")}
# Degree level name -> the languages' patterns, joined.
DEGREES: dict[str, str] = {
    level: "|".join(_DATA[code]["degrees"][level] for code in FOREIGN if level in _DATA[code]["degrees"])
    for level in ("doctorate", "master", "bachelor", "associate", "high_school", "certificate")}


def alternation(words: list[str]) -> str:
    """A regular expression matching any of the words, longest first; spaces match any space."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


def country_of(language: str) -> str | None:
    """The country whose phone plan a resume in this language most likely uses ("de" -> "DE")."""
    return _DATA[language]["country"] if language in FOREIGN else None


# Each stop word weighs 1 / (number of languages listing it).
_LISTS = {code: set(_DATA[code]["stopwords"]) for code in (*FOREIGN, DEFAULT_LANGUAGE)}
_SHARED = Counter(word for words in _LISTS.values() for word in words)
_WEIGHTS = {code: {word: 1 / _SHARED[word] for word in words} for code, words in _LISTS.items()}
_WORD = re.compile(r"[^\W\d_]+")
# Words enough to tell the language; more only cost time.
_SAMPLE_WORDS = 600
# The weight another language needs beyond English's: a few foreign words ("de" in a
# Spanish surname, "und" in a German employer's name) do not make an English resume foreign.
_MARGIN = 3.0


def detect_language(text: str) -> str:
    """ISO 639-1 code of the resume's language: "de", "fr", "es", "pt", "nl", "it" or "en";
    "" for a text without words."""
    words = _WORD.findall(text.lower())[:_SAMPLE_WORDS * 2]
    if not words:
        return ""
    counts = Counter(words[:_SAMPLE_WORDS])
    scores = {code: sum(weight * counts[word] for word, weight in weights.items() if word in counts)
              for code, weights in _WEIGHTS.items()}
    best = max(FOREIGN, key=lambda code: scores[code])
    return best if scores[best] > scores[DEFAULT_LANGUAGE] + _MARGIN else DEFAULT_LANGUAGE
