"""Bounds and checks that PDF and DOCX extraction share."""

from __future__ import annotations

import re

from analysis_worker.document import DocumentWarning, ExtractionError
from common.proto.resume.v1 import resume_pb2

# Ten times the densest real resumes: bounds the memory and time of the analysis.
MAX_TEXT_CHARS = 1_000_000


# Share of replacement / private-use glyphs above which the text is unusable:
# a few private-use icons (e.g. Font Awesome in contact lines) are normal.
GARBLED_RATIO = 0.05

_GARBLED = re.compile("[\ufffd\ue000-\uf8ff]")


def check_text_length(length: int) -> None:
    if length > MAX_TEXT_CHARS:
        raise ExtractionError(
            f"The document holds more than {MAX_TEXT_CHARS:,} characters of text, far more than a resume; "
            "upload the resume alone.")


def garbled_warning(text: str) -> list[DocumentWarning]:
    visible = len("".join(text.split()))
    bad = len(_GARBLED.findall(text))
    if visible and bad / visible > GARBLED_RATIO:
        return [(resume_pb2.WARNING_CODE_GARBLED_TEXT,
                 f"{bad / visible:.0%} of the characters could not be decoded; the fonts of the file "
                 "lack a Unicode mapping, so parts of the resume may be missing from the analysis.")]
    return []
