"""The labeled set: each case is a resume file and what a careful reader finds in it.

Two sources: the RenderCV PDFs with their YAML (../shared/fixtures/rendercv) and the
truths in truth/*.json, each rendered in the layouts its "renderings" names. Everything
is rendered in memory on each run (a few seconds), so no generated file is stored, except
the conversions by LibreOffice to other formats in formats/ (convert_formats.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.labeled.content import resume_of
from tests.labeled.render_docx import render_docx
from tests.labeled.render_pdf import render_pdf

TRUTH = Path(__file__).resolve().parent / "truth"
# The DOCX renderings converted by LibreOffice to other formats (convert_formats.py).
CONVERTED = Path(__file__).resolve().parent / "formats"
RENDERCV = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "rendercv"

_DEGREES = {"PhD": "doctorate", "MS": "master", "BS": "bachelor"}
# The YAML lists only its skills section; these skills are named in its highlights,
# projects and publications ("sparse attention mechanism", "LLM inference kernels",
# "applied AI"), as read by a person. Words that only occur in passing ("GitHub stars",
# "open-source library", "learning algorithms") are not claims of a skill.
_RENDERCV_SKILLS_IN_TEXT = [
    "Reinforcement Learning", "Self-Supervised Learning", "Transformers", "Large Language Models",
    "Model Quantization", "Pruning", "Neural Networks", "Attention Mechanisms", "Mixture of Experts",
    "Azure Cognitive Services", "Machine Learning", "Artificial Intelligence", "Edge AI",
]
_PROFILE_HOSTS = {"LinkedIn": "https://linkedin.com/in/", "GitHub": "https://github.com/"}


@dataclass(frozen=True)
class Case:
    """A resume file and the fields expected from it (see tests/accuracy/evaluate.py for their form)."""
    name: str  # "<truth file stem>/<format>:<layout>" or the fixture's file name
    person: str  # whom the resume describes: the evaluation's split keeps each person on one side
    file_name: str
    content: bytes
    expected: dict[str, Any]


def expected_of(truth: dict[str, Any]) -> dict[str, Any]:
    skills = [skill for items in truth["skills"].values() for skill in items] + truth["skills_mentioned"]
    return {
        "name": truth["name"],
        "emails": [truth["email"]],
        "phones": [truth["phone_e164"]] if truth["phone_e164"] else [],  # "": the template prints none
        "links": truth["links"],
        "location": truth["location"],
        "experience": [{key: job[key] for key in ("title", "company", "start", "end")}
                       for job in truth["experience"]],
        "education": [{"institution": school["institution"], "level": school["level"], "end": school["end"]}
                      for school in truth["education"]],
        "skills": skills,
        "skills_complete": truth.get("skills_complete", True),
    }


def generated_cases() -> list[Case]:
    cases = []
    for index, path in enumerate(sorted(TRUTH.glob("*.json"))):
        truth = json.loads(path.read_text(encoding="utf-8"))
        resume = resume_of(truth, index)
        for rendering in truth["renderings"]:
            kind, layout = rendering.split(":")
            content = render_pdf(resume, layout) if kind == "pdf" else render_docx(resume, layout)
            cases.append(Case(f"{path.stem}/{rendering}", path.stem, f"{path.stem}.{kind}", content,
                              expected_of(truth)))
    return cases


def converted_cases(extension: str) -> list[Case]:
    """The files of CONVERTED with this extension ("odt", "rtf", "doc", "html", "txt")."""
    cases = []
    for path in sorted(CONVERTED.glob(f"*.{extension}")):
        stem, layout = path.name.split(".")[:2]
        truth = json.loads((TRUTH / f"{stem}.json").read_text(encoding="utf-8"))
        cases.append(Case(f"{stem}/{extension}:{layout}", stem, path.name, path.read_bytes(), expected_of(truth)))
    return cases


def _date(value: Any) -> str:
    return "present" if value == "present" else str(value or "")


def rendercv_cases() -> list[Case]:
    cases = []
    for path in sorted(RENDERCV.glob("*.pdf")):
        cv = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))["cv"]
        sections = cv["sections"]
        links = [cv["website"]] + [_PROFILE_HOSTS[network["network"]] + network["username"]
                                   for network in cv["social_networks"]]
        expected = {
            "name": cv["name"], "emails": [cv["email"]], "phones": [], "links": links, "location": cv["location"],
            "experience": [{"title": job["position"], "company": job["company"], "start": _date(job["start_date"]),
                            "end": _date(job["end_date"])} for job in sections["experience"]],
            "education": [{"institution": school["institution"], "level": _DEGREES[school["degree"]],
                           "end": _date(school["end_date"])} for school in sections["education"]],
            "skills": [item.strip() for row in sections["skills"] for item in row["details"].split(",")]
                      + _RENDERCV_SKILLS_IN_TEXT,
        }
        # One person in nine layouts: keyed by the person, they all fall on one side.
        cases.append(Case(path.name, f"rendercv:{cv['name']}", path.name, path.read_bytes(), expected))
    return cases


def labeled_cases() -> list[Case]:
    return rendercv_cases() + generated_cases()
