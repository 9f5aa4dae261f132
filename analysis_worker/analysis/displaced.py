"""Employers and schools that the text layer reads outside their sections.

Some two-column templates print each entry's employer or school with its dates in a
right-hand column that extraction reads after the page ("Meghna Pharma 2021-03-01 —
2022-12-01" below the skills), which leaves the entries in their sections with a title
or a degree alone. Such lines are given back, in order, to the entries that lack them.
"""

from __future__ import annotations

from common.proto.resume.v1 import resume_pb2

from .dates import DateSpan, find_span, strip_dates
from .education import find_degree, names_institution
from .places import is_location
from .sections import Section

# Sections that never hold dated entries of their own: a "name date-range" line there
# belongs to an entry printed elsewhere.
_HOSTS = {"skills", "languages", "interests", "contact"}


def displaced_lines(sections: list[Section]) -> list[tuple[str, DateSpan]]:
    """(name, dates) of the lines naming something before a date range that ends them."""
    found = []
    for section in sections:
        if section.kind not in _HOSTS:
            continue
        for line in section.lines:
            span = find_span(line)
            if span is None or not span.start or not (span.end or span.current) or span.start == span.end \
                    or line[span.stop:].strip(" –—-"):
                continue
            name = strip_dates(line).strip(" ,|–—-")
            if name and not is_location(name):
                found.append((name, span))
    return found


def restore_displaced(lines: list[tuple[str, DateSpan]], experience: list[resume_pb2.Experience],
                      education: list[resume_pb2.Education]) -> None:
    """Gives the lines to the jobs without company or dates and to the schools without
    institution or dates, in order; schools left over are entries of their own.

    The column lists the jobs before the schools, as the sections do, so the jobs' lines
    are those before the first one naming a school (a school's name need not: "Kendriya
    Vidyalaya")."""
    first_school = next((i for i, (name, _) in enumerate(lines) if names_institution(name)), len(lines))
    jobs = iter(lines[:first_school])
    for job in experience:
        if not job.company and not job.start and not job.end:
            taken = next(jobs, None)
            if taken is None:
                break
            job.company, span = taken
            job.start, job.end, job.current = span.start, span.end, span.current
    schools = iter(lines[first_school:])
    for school in education:
        if not school.institution and not school.end:
            taken = next(schools, None)
            if taken is None:
                break
            school.institution, span = taken
            school.start, school.end = span.start, span.end
    for name, span in schools:
        if names_institution(name):
            found = find_degree(name)  # "Westview High School" tells its level
            education.append(resume_pb2.Education(
                institution=name, start=span.start, end=span.end,
                degree_level=found[0] if found else resume_pb2.DEGREE_LEVEL_UNSPECIFIED))
