"""Spoken languages with their levels on the CEFR scale (A1 to C2), or native.

Resumes state levels in CEFR codes, in LinkedIn's five proficiencies or in everyday
words; each is mapped to the CEFR level it usually stands for:
- native, mother tongue, first language: native
- bilingual, near-native: C2 (a claim of mastery, though not of a first language)
- full professional proficiency, fluent, proficient, advanced: C1
- professional working proficiency, upper intermediate: B2
- limited working proficiency, intermediate, conversational: B1
- elementary, basic, pre-intermediate: A2
- beginner: A1
A CEFR code written beside a word ("C1, fluent") wins over the word."""

from __future__ import annotations

import re

from common.proto.resume.v1 import resume_pb2

_CEFR = re.compile(r"\b([abc][12])\b", re.IGNORECASE)
# The first that matches decides: longer phrases stand before the words they contain.
_WORDS = [(re.compile(pattern, re.IGNORECASE), level) for pattern, level in (
    (r"near[\s-]*native|\bbilingual\b", "C2"),
    (r"\bnative\b|mother\s*tongue|first\s+language", "native"),
    (r"full\s+professional|\bfluent\b|\bfluency\b|\bproficient\b|\badvanced\b", "C1"),
    (r"professional\s+working|upper[\s-]*intermediate", "B2"),
    (r"pre[\s-]*intermediate|\belementary\b|\bbasic\b", "A2"),
    (r"limited\s+working|\bintermediate\b|\bconversational\b", "B1"),
    (r"\bbeginner\b", "A1"),
)]


def cefr_level(proficiency: str) -> str:
    """"A1" to "C2", "native", or "" for a proficiency that names no level."""
    code = _CEFR.search(proficiency)
    if code:
        return code.group(1).upper()
    return next((level for pattern, level in _WORDS if pattern.search(proficiency)), "")


def language_levels(items: list[tuple[str, str]]) -> list[resume_pb2.SpokenLanguage]:
    """One entry a language, in order, with the first level stated for it."""
    found: dict[str, resume_pb2.SpokenLanguage] = {}
    for name, proficiency in items:
        entry = found.setdefault(name, resume_pb2.SpokenLanguage(name=name))
        if not entry.proficiency and proficiency:
            entry.proficiency, entry.level = proficiency, cefr_level(proficiency)
    return list(found.values())
