"""Jobs printed where no experience heading was read.

A heading the text layer does not give as words (drawn as a picture, set in a label
column read elsewhere, worded as no template dictionary words it) leaves the jobs in
whatever section came before them: the name's block, the summary, a sidebar's skills,
the education. An entry there with a date range and a job title is a job.
"""

from __future__ import annotations

from collections.abc import Sequence

from common.proto.resume.v1 import resume_pb2

from .education import find_degree
from .experience import parse_experience, title_score
from .sections import OTHER, TOP, Section

# Sections that can hold the jobs of a heading not read: those before the experience
# section in templates, and those without dated entries of their own.
_HOLDERS = {TOP, OTHER, "summary", "contact", "skills", "languages", "interests", "education"}


def unheaded_jobs(sections: Sequence[Section], candidate: str) -> list[resume_pb2.Experience]:
    """The jobs among the lines of the sections that can hold them, in order; `candidate`
    is the resume's name (see parse_experience)."""
    return [job for section in sections if section.kind in _HOLDERS
            for job in parse_experience(section.lines, candidate) if _is_job(job)]


def _is_job(job: resume_pb2.Experience) -> bool:
    # A school's entry has dates too; its degree ("Master of Engineering") is no title.
    return bool(job.start) and title_score(job.title) > 0 and not any(
        find_degree(part) for part in (job.title, job.company))
