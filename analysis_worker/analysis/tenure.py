"""Time in work from the experience entries' date ranges, measured in whole months up to
a reference date: the total, the months in management roles, the months each skill was
used, and the gaps between jobs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from common.proto.resume.v1 import resume_pb2

from .dates import month_index, today_index
from .roles import words_of
from .skills import skills_in_text

# Words of a title that manages people or a function: "Engineering Manager", "Head of
# Data", "Tech Lead", "VP Sales", "Chief of Staff", "CTO". Titles only tell so much: a
# "Product Manager" counts, and a "Principal Engineer" or a "Founder" does not.
MANAGEMENT_WORDS = frozenset({
    "manager", "management", "head", "director", "lead", "leader", "chief", "vp", "svp", "evp", "president",
    "supervisor", "ceo", "cto", "cfo", "coo", "cio", "ciso", "cpo", "cmo", "cro", "gm",
})

Range = tuple[int, int]  # first and last month, as month_index counts them


def job_range(job: resume_pb2.Experience, as_of: date) -> Range | None:
    """The months of an entry, open ranges ending at `as_of`; None when undated or reversed."""
    start = month_index(job.start, end=False)
    end = today_index(as_of) if job.current else month_index(job.end, end=True)
    if start is None or end is None or end < start:
        return None
    return start, end


def merged(ranges: Iterable[Range]) -> list[Range]:
    """The ranges joined where they overlap or touch, in order."""
    result: list[Range] = []
    for start, end in sorted(ranges):
        if result and start <= result[-1][1] + 1:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def months_of(ranges: Iterable[Range]) -> int:
    """Months covered, overlaps counted once."""
    return sum(end - start + 1 for start, end in merged(ranges))


def total_years(experience: Sequence[resume_pb2.Experience], as_of: date) -> float:
    """Years covered by the date ranges, overlaps counted once, open ranges ending at `as_of`."""
    return round(months_of(_ranges(experience, as_of)) / 12, 1)


def management_months(experience: Sequence[resume_pb2.Experience], as_of: date) -> int:
    return months_of(_ranges([job for job in experience if is_management(job.title)], as_of))


def is_management(title: str) -> bool:
    # "Vice President" is two words, each harmless alone ("President" of a club counts anyway).
    words = words_of(title)
    return bool(MANAGEMENT_WORDS.intersection(words)) or "vice" in words


def employment_gaps(experience: Sequence[resume_pb2.Experience], as_of: date,
                    longer_than: int) -> list[resume_pb2.EmploymentGap]:
    """Breaks of more than `longer_than` months between the covered ranges."""
    covered = merged(_ranges(experience, as_of))
    gaps = []
    for (_, reach), (start, _) in zip(covered, covered[1:], strict=False):
        months = start - reach - 1
        if months > longer_than:
            gaps.append(resume_pb2.EmploymentGap(start=_year_month(reach + 1), end=_year_month(start - 1),
                                                 months=months))
    return gaps


def add_skill_experience(skills: Sequence[resume_pb2.Skill], experience: Sequence[resume_pb2.Experience],
                         as_of: date) -> None:
    """Sets each skill's months_used and last_used_year from the dated entries whose title
    or highlights mention it."""
    used: dict[str, list[Range]] = {}
    for job in experience:
        span = job_range(job, as_of)
        if span is None:
            continue
        for name in set(skills_in_text("\n".join([job.title, *job.highlights]))):
            used.setdefault(name, []).append(span)
    for skill in skills:
        ranges = used.get(skill.name, [])
        skill.months_used = months_of(ranges)
        skill.last_used_year = max(end for _, end in ranges) // 12 if ranges else 0


def _ranges(experience: Iterable[resume_pb2.Experience], as_of: date) -> list[Range]:
    return [span for job in experience for span in [job_range(job, as_of)] if span is not None]


def _year_month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
