"""How likely each value of an analysis is to be right.

One logistic model per kind of value (name, email, company, skill, ...) over features of
the value, of the line it was read from and of the document. The weights are package data
(data/confidence.json), fitted by tests/accuracy/confidence.py on the development sets and
checked on template families never used to fit them (README, "Evidence")."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass
from functools import cache
from importlib import resources

from common.proto.resume.v1 import resume_pb2

from ..document import ExtractedDocument
from .education import find_degree, names_institution
from .evidence import Found, key
from .names import is_name
from .roles import is_job_title, is_title_word, words_of
from .skills import canonical_skill

FEATURES = (
    "bias", "unplaced", "bold", "italic", "larger", "smaller", "whole_line", "share_of_line", "words", "capitals",
    "digits", "title_word", "job_title", "school_word", "degree", "name_like", "is_skill", "entry_dated",
    "entry_complete", "entry_index", "later_page", "no_layout", "ocr", "reading_order", "skills_section",
    "experience_source", "months_used",
)


@dataclass(frozen=True)
class Context:
    """What is known of the whole document."""
    body_size: float  # the size most lines are set in, 0 without layout
    no_layout: bool
    ocr: bool
    reading_order: bool  # extraction warned that the reading order may be wrong

    @classmethod
    def of(cls, document: ExtractedDocument) -> Context:
        codes = {code for code, _ in document.warnings}
        sizes = [line.size for line in document.lines]
        return cls(statistics.median(sizes) if sizes else 0.0, not document.lines,
                   resume_pb2.WARNING_CODE_OCR_USED in codes, resume_pb2.WARNING_CODE_READING_ORDER in codes)


def features(found: Found, result: resume_pb2.ResumeAnalysis, context: Context) -> list[float]:
    """The value's features, in the order of FEATURES."""
    place = found.place
    styled = place.styled if place else None
    value_key, line_key = key(found.value), key(place.text) if place else ""
    words = found.value.split()
    letters = [ch for ch in found.value if ch.isalpha()]
    ratio = styled.size / context.body_size if styled and context.body_size else 1.0
    dated = complete = False
    if found.kind in ("title", "company", "date"):
        job = result.experience[found.entry]
        dated, complete = bool(job.start), bool(job.title and job.company)
    elif found.kind == "institution":
        school = result.education[found.entry]
        dated, complete = bool(school.end or school.start), bool(school.degree)
    skill = result.skills[found.entry] if found.kind == "skill" else None
    return [
        1.0,
        float(place is None),
        float(bool(styled and styled.bold)),
        float(bool(styled and styled.italic)),
        max(math.log(ratio), 0.0),
        max(-math.log(ratio), 0.0),
        float(bool(line_key) and value_key == line_key),
        len(value_key) / len(line_key) if line_key else 0.0,
        math.log1p(len(words)),
        float(bool(letters) and all(ch.isupper() for ch in letters)),
        float(any(ch.isdigit() for ch in found.value)),
        float(any(is_title_word(word) for word in words_of(found.value))),
        float(is_job_title(found.value)),
        float(names_institution(found.value)),
        float(find_degree(found.value) is not None),
        float(is_name(words)),
        float(canonical_skill(found.value) is not None),
        float(dated),
        float(complete),
        math.log1p(max(found.entry, 0)),
        float(bool(place and place.page > 1)),
        float(context.no_layout),
        float(context.ocr),
        float(context.reading_order),
        float(bool(skill and resume_pb2.SKILL_SOURCE_SKILLS_SECTION in skill.sources)),
        float(bool(skill and resume_pb2.SKILL_SOURCE_EXPERIENCE in skill.sources)),
        math.log1p(skill.months_used) if skill else 0.0,
    ]


@cache
def model_weights() -> dict[str, list[float]]:
    model = json.loads(resources.files(__package__).joinpath("data/confidence.json").read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURES:
        raise RuntimeError("data/confidence.json was fitted on other features: refit it (tests/accuracy/confidence.py)")
    weights: dict[str, list[float]] = model["weights"]
    return weights


def confidence(found: Found, result: resume_pb2.ResumeAnalysis, context: Context) -> float:
    """The probability that the value is right, rounded to two decimals."""
    score = sum(w * x for w, x in zip(model_weights()[found.kind], features(found, result, context), strict=True))
    return round(1 / (1 + math.exp(-max(min(score, 30.0), -30.0))), 2)


def scored_evidence(found: list[Found], result: resume_pb2.ResumeAnalysis,
                    context: Context) -> list[resume_pb2.Evidence]:
    """The Evidence messages of the located values."""
    messages = []
    for item in found:
        message = resume_pb2.Evidence(field=item.field, confidence=confidence(item, result, context))
        if item.place is not None:
            message.text, message.page = item.place.text, item.place.page
            if (styled := item.place.styled) is not None:
                # The line's box from its baseline: type rises about an em above it, descends a quarter below.
                size = max(span.size for span in styled.spans)
                message.box.CopyFrom(resume_pb2.Box(left=styled.left, top=round(styled.top - size, 1),
                                                    right=styled.right, bottom=round(styled.top + size / 4, 1)))
        messages.append(message)
    return messages
