"""The multilingual set as evaluation cases: every file of every truth, with the
resume's language beside the fields the evaluation compares (tests/accuracy/multilingual.py)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.labeled.cases import Case, expected_of

HERE = Path(__file__).resolve().parent


def multilingual_cases(part: str) -> list[Case]:
    """The cases of one part, "development" or "held-out" (each truth names its part)."""
    cases = []
    for path in sorted((HERE / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if truth["part"] != part:
            continue
        expected = {**expected_of(truth), "language": truth["language"]}
        for name in truth["files"]:
            # Split by the person (the truth's key): all of a person's layouts fall on one side.
            cases.append(Case(f"multilingual/{name}", f"multilingual:{truth['key']}", name,
                              (HERE / "files" / name).read_bytes(), expected))
    return cases
