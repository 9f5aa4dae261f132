"""The template families' renderings as evaluation cases (see families.py and README.md)."""

from __future__ import annotations

import json

from tests.families.families import FAMILIES, FILES, TRUTHS, Family
from tests.labeled.cases import Case, expected_of

FAMILY_PREFIX = "families/"


def family_cases(held_out: bool) -> list[Case]:
    """The renderings of the development families, or of the held-out ones; a case's
    `person` is its family, so that figures can be given per family."""
    return [case for family in FAMILIES if family.held_out == held_out for case in _cases(family)]


def _cases(family: Family) -> list[Case]:
    cases = []
    for path in sorted((TRUTHS / family.name).glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        for file_name in truth["files"]:
            cases.append(Case(f"{FAMILY_PREFIX}{family.name}/{file_name}", family.name, file_name,
                              (FILES / family.name / file_name).read_bytes(), expected_of(truth)))
    return cases
