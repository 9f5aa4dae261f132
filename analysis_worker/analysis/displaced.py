"""Entry parts that the text layer reads outside their sections.

Some two-column templates print parts of each entry in a column that extraction reads
apart from the rest: the employer or school with its dates below the skills ("Meghna
Pharma 2021-03-01 — 2022-12-01"), the dates alone beside the contact details, or the
schools after the skills while the education heading stands empty. The entries are
left in their sections with a title or a degree alone, and get those parts back.
"""

from __future__ import annotations

from common.proto.resume.v1 import resume_pb2

from .dates import DateSpan, find_span, strip_dates
from .education import find_degree, names_degree_and_school, names_institution, parse_education
from .places import is_location
from .sections import Section

# Sections that never hold dated entries of their own: a date range there belongs to
# an entry printed elsewhere.
_HOSTS = {"skills", "languages", "interests", "contact"}


def host_lines(sections: list[Section], *kinds: str) -> list[str]:
    """Lines of the sections without entries of their own, and of those of `kinds`, in order."""
    return [line for section in sections if section.kind in _HOSTS or section.kind in kinds for line in section.lines]


def displaced_lines(lines: list[str]) -> list[tuple[str, DateSpan]]:
    """(name, dates) of the lines that end with a date range: the name before it, or ""
    for a range alone."""
    found = []
    for line in lines:
        span = _ends_with_range(line)
        name = _beside_dates(line) if span else ""
        if span and not is_location(name):
            found.append((name, span))
    return found


def _ends_with_range(line: str) -> DateSpan | None:
    """The date range that ends the line (a date column), open or closed; not a single date."""
    span = find_span(line)
    if span is None or not span.start or not (span.end or span.current) or span.start == span.end \
            or line[span.stop:].strip(" –—-"):
        return None
    return span


def restore_displaced(lines: list[tuple[str, DateSpan]], experience: list[resume_pb2.Experience],
                      education: list[resume_pb2.Education]) -> None:
    """Gives the named lines to the jobs without company or dates and to the schools
    without institution or dates, in order; schools left over are entries of their own.
    Ranges alone go to the jobs that have a company but no dates, when there are as
    many of each (more ranges could be schools').

    The column lists the jobs before the schools, as the sections do, so the jobs' lines
    are those before the first one naming a school (a school's name need not: "Kendriya
    Vidyalaya")."""
    named = [(name, span) for name, span in lines if name]
    first_school = next((i for i, (name, _) in enumerate(named) if names_institution(name)), len(named))
    jobs = iter(named[:first_school])
    undated = [job for job in experience if not job.start and not job.end]
    for job in undated:
        if not job.company:
            taken = next(jobs, None)
            if taken is None:
                break
            job.company, span = taken
            job.start, job.end, job.current = span.start, span.end, span.current
    ranges = [span for name, span in lines if not name]
    named_jobs = [job for job in undated if not job.start]
    if ranges and len(ranges) == len(named_jobs):
        for job, span in zip(named_jobs, ranges, strict=True):
            job.start, job.end, job.current = span.start, span.end, span.current
    schools = iter(named[first_school:])
    for school in education:
        if not school.institution and not school.end:
            taken = next(schools, None)
            if taken is None:
                break
            school.institution, span = taken
            school.start, school.end = span.start, span.end
    known = {school.institution for school in education}
    for name, span in schools:
        if names_institution(name) and name not in known:
            found = find_degree(name)  # "Westview High School" tells its level
            education.append(resume_pb2.Education(
                institution=name, start=span.start, end=span.end,
                degree_level=found[0] if found else resume_pb2.DEGREE_LEVEL_UNSPECIFIED))


def displaced_schools(education: list[resume_pb2.Education], lines: list[str]) -> list[resume_pb2.Education]:
    """The schools of an education section, or, when none of its entries names a degree
    or a school, the schools among the lines: a line naming a degree, with the school
    named on it ("Finance, Master, Rutgers University") or on the line before ("Jadavpur
    University" / "B.Tech"), and the dates alone on the lines before those. Nothing
    further is read with them: other entries' lines that the column puts around them
    (a title line whose company is an "Institute") would give the school a wrong name."""
    if any(school.degree_level or names_institution(school.institution) for school in education):
        return education
    found = []
    for index, line in enumerate(lines):
        if not find_degree(line) or _ends_with_range(line):
            continue
        start = index if names_degree_and_school(line) else index - 1
        named = lines[start] if start >= 0 else ""
        if not names_institution(named) or (start < index and names_degree_and_school(named)):
            continue
        for _ in range(2):  # a start and an end
            if start > 0 and _is_date(lines[start - 1]):
                start -= 1
        found += [school for school in parse_education(lines[start:index + 1])
                  if school.degree_level and names_institution(school.institution)]
    return found or education


def _is_date(line: str) -> bool:
    return find_span(line) is not None and not _beside_dates(line)


def _beside_dates(line: str) -> str:
    """What the line holds besides its dates, without the separators around them."""
    return strip_dates(line).strip(" ,|–—-")
