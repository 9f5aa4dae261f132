"""The seniority of each experience entry, from its title and, where the title says
nothing of rank, from the months of work up to the entry's end.

The title decides when it names a rank, the highest it names: "Senior Engineering
Manager" is a manager, "Lead Data Scientist" a lead. Titles that name a product, project,
programme or account "manager" run those, not people: they take the rank of their other
words ("Senior Product Manager" is senior, "Product Manager" falls to the months). A title
naming no rank is junior until two years of work, mid after that."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeAlias

from common.proto.resume.v1 import resume_pb2

from .roles import words_of
from .tenure import Range, job_range, months_of

Level: TypeAlias = resume_pb2.SeniorityLevel.ValueType

# Rank words, highest rank first; a title takes the first level any of its words name.
_RANKS: tuple[tuple[Level, frozenset[str]], ...] = (
    (resume_pb2.SENIORITY_LEVEL_EXECUTIVE, frozenset({
        "chief", "ceo", "cto", "cfo", "coo", "cio", "ciso", "cpo", "cmo", "cro", "president", "vp", "svp",
        "evp", "founder", "co-founder", "cofounder"})),
    (resume_pb2.SENIORITY_LEVEL_DIRECTOR, frozenset({"director", "head"})),
    (resume_pb2.SENIORITY_LEVEL_MANAGER, frozenset({"manager", "supervisor", "gm"})),
    (resume_pb2.SENIORITY_LEVEL_LEAD, frozenset({"lead", "leader", "principal"})),
    (resume_pb2.SENIORITY_LEVEL_SENIOR, frozenset({"senior", "sr", "snr", "expert"})),
    (resume_pb2.SENIORITY_LEVEL_JUNIOR, frozenset({
        "junior", "jr", "graduate", "trainee", "entry", "assistant", "associate"})),
    (resume_pb2.SENIORITY_LEVEL_INTERN, frozenset({"intern", "internship", "apprentice", "apprenticeship"})),
)
# "Vice President", "Managing Director", "General Manager", "Staff Engineer": two words that
# rank together ("Staff" alone does not: a "Staff Accountant" is no lead).
_PAIRS = {("vice", "president"): resume_pb2.SENIORITY_LEVEL_EXECUTIVE,
          ("managing", "director"): resume_pb2.SENIORITY_LEVEL_EXECUTIVE,
          ("general", "manager"): resume_pb2.SENIORITY_LEVEL_DIRECTOR,
          ("working", "student"): resume_pb2.SENIORITY_LEVEL_INTERN,
          ("staff", "engineer"): resume_pb2.SENIORITY_LEVEL_LEAD,
          ("staff", "software"): resume_pb2.SENIORITY_LEVEL_LEAD,
          ("staff", "data"): resume_pb2.SENIORITY_LEVEL_LEAD}
# What these "managers" manage is a thing, not a team.
_MANAGED_THINGS = frozenset({"product", "project", "program", "programme", "account", "accounts", "portfolio",
                             "community", "content", "case", "property", "relationship"})
# Months of work after which a title without rank is mid-level.
_MID_AFTER_MONTHS = 24


def title_level(title: str) -> Level:
    """The rank a title names; UNSPECIFIED when it names none."""
    words = words_of(title)
    for pair, level in _PAIRS.items():
        if any(pair == (first, second) for first, second in zip(words, words[1:], strict=False)):
            return level
    for level, rank_words in _RANKS:
        if level == resume_pb2.SENIORITY_LEVEL_MANAGER:
            found = [index for index, word in enumerate(words) if word in rank_words]
            if any(index == 0 or words[index - 1] not in _MANAGED_THINGS for index in found):
                return level
        elif rank_words.intersection(words):
            return level
    return resume_pb2.SENIORITY_LEVEL_UNSPECIFIED


def add_seniority(experience: Sequence[resume_pb2.Experience], as_of: date) -> None:
    """Sets each entry's seniority: its title's rank, else junior or mid by the months of
    work up to its end; an undated entry without rank stays unspecified."""
    ranges = [job_range(job, as_of) for job in experience]
    for job, span in zip(experience, ranges, strict=True):
        level = title_level(job.title)
        if level == resume_pb2.SENIORITY_LEVEL_UNSPECIFIED and span is not None:
            worked = months_of(_clipped(ranges, span[1]))
            level = resume_pb2.SENIORITY_LEVEL_MID if worked > _MID_AFTER_MONTHS else resume_pb2.SENIORITY_LEVEL_JUNIOR
        job.seniority = level


def _clipped(ranges: Sequence[Range | None], last: int) -> list[Range]:
    """The ranges' months up to month `last`."""
    return [(start, min(end, last)) for span in ranges if span is not None
            for start, end in [span] if start <= last]
