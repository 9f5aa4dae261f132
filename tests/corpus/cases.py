"""The rendered corpus: resume files made by third-party templates and converters
(see README.md here), stored beside the truths that say what each one shows."""

from __future__ import annotations

import json
from pathlib import Path

from labeled.cases import Case, expected_of

from analysis_worker.evaluation import CORPUS_PREFIX

CORPUS = Path(__file__).resolve().parent


def corpus_cases() -> list[Case]:
    cases = []
    for path in sorted((CORPUS / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        for file_name in truth["files"]:
            # The split key is the rendering (the truth file), not truth["person"]: it was
            # fixed so before any result was seen. A person's two renderings share their
            # content, not their layout, and may fall on different sides.
            cases.append(Case(f"{CORPUS_PREFIX}{file_name}", path.stem, file_name,
                              (CORPUS / "files" / file_name).read_bytes(), expected_of(truth)))
    return cases
