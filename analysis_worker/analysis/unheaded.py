"""Jobs and schools printed where no heading of their kind was read.

A heading the text layer does not give as words (drawn as a picture, set in a label
column read elsewhere, worded as no template dictionary words it) leaves its entries in
whatever section came before them: the name's block, the summary, a sidebar's skills,
the jobs. An entry there with a date range and a job title is a job; one with a degree
and a school's name is a school.
"""

from __future__ import annotations

from collections.abc import Sequence

from common.proto.resume.v1 import resume_pb2

from .education import find_degree, names_institution, parse_education
from .experience import parse_experience, title_score
from .sections import OTHER, TOP, Section

# Sections that can hold the entries of a heading not read: those before the entries'
# section in templates, and those without dated entries of their own.
_HOLDERS = {TOP, OTHER, "summary", "contact", "skills", "languages", "interests"}


def unheaded_jobs(sections: Sequence[Section], candidate: str) -> list[resume_pb2.Experience]:
    """The jobs among the lines of the sections that can hold them, in order; `candidate`
    is the resume's name (see parse_experience)."""
    return [job for section in sections if section.kind in _HOLDERS | {"education"}
            for job in parse_experience(section.lines, candidate) if _is_job(job)]


def unheaded_schools(sections: Sequence[Section]) -> list[resume_pb2.Education]:
    """The schools among the lines of the sections that can hold them, the jobs' included."""
    return [school for section in sections if section.kind in _HOLDERS | {"experience"}
            for school in parse_education(section.lines)
            if school.degree_level and names_institution(school.institution) and (school.start or school.end)]


def is_school(job: resume_pb2.Experience) -> bool:
    """Whether a job read from an experience section is a school's entry: a degree, a
    school's name, and no title's words."""
    return title_score(job.title) <= 0 and any(find_degree(part) for part in (job.title, job.company)) \
        and any(names_institution(part) for part in (job.title, job.company, job.location))


def _is_job(job: resume_pb2.Experience) -> bool:
    # A school's entry has dates too; its degree ("Master of Engineering") is no title.
    return bool(job.start) and title_score(job.title) > 0 and not any(
        find_degree(part) for part in (job.title, job.company))
