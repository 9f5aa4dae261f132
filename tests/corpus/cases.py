"""The rendered corpus: resume files made by third-party templates and converters
(see README.md here), stored beside the truths that say what each one shows; and the
unseen population in unseen/, kept apart from both parts of the split."""

from __future__ import annotations

import json
from pathlib import Path

from tests.accuracy.evaluate import CORPUS_PREFIX, UNSEEN_PREFIX
from tests.labeled.cases import Case, expected_of

CORPUS = Path(__file__).resolve().parent


def corpus_cases(directory: Path = CORPUS, prefix: str = CORPUS_PREFIX) -> list[Case]:
    cases = []
    for path in sorted((directory / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        for file_name in truth["files"]:
            # The split key is the rendering (the truth file), not truth["person"]: it was
            # fixed so before any result was seen. A person's two renderings share their
            # content, not their layout, and may fall on different sides.
            cases.append(Case(f"{prefix}{file_name}", path.stem, file_name,
                              (directory / "files" / file_name).read_bytes(), expected_of(truth)))
    return cases


def unseen_cases() -> list[Case]:
    """The second population (unseen/): measured as a whole, never split, never inspected."""
    return corpus_cases(CORPUS / "unseen", UNSEEN_PREFIX)
