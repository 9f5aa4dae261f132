"""The seniority of experience entries: the rank their title names, else junior or mid by
the months of work up to their end; on titles built for each rank and on resumes."""

from __future__ import annotations

import itertools

import pytest

from analysis_worker.analysis.seniority import title_level
from common.proto.resume.v1 import resume_pb2
from tests.unit.test_tenure import read, resume

Level = resume_pb2.SeniorityLevel
RANKS = {
    resume_pb2.SENIORITY_LEVEL_EXECUTIVE: ["Chief", "VP", "Vice President", "Managing Director", "Co-Founder"],
    resume_pb2.SENIORITY_LEVEL_DIRECTOR: ["Director", "Head", "General Manager"],
    resume_pb2.SENIORITY_LEVEL_MANAGER: ["Manager", "Supervisor"],
    resume_pb2.SENIORITY_LEVEL_LEAD: ["Lead", "Principal"],
    resume_pb2.SENIORITY_LEVEL_SENIOR: ["Senior", "Sr."],
    resume_pb2.SENIORITY_LEVEL_JUNIOR: ["Junior", "Graduate", "Trainee"],
    resume_pb2.SENIORITY_LEVEL_INTERN: ["Intern", "Apprentice", "Working Student"],
}
FIELDS = ["Engineering", "Marketing", "Operations", "Data", "Finance"]


def _title(rank: str, field: str) -> str:
    # Rank words stand before the field ("Senior Data ...") or after it ("Marketing Manager").
    trailing = {"Manager", "Supervisor", "Director", "Intern", "Apprentice", "Working Student", "Lead"}
    return f"{field} {rank}" if rank in trailing else f"{rank} {field} Analyst"


@pytest.mark.parametrize(("level", "rank", "field"), [
    (level, rank, field) for level, ranks in RANKS.items() for rank, field in itertools.product(ranks, FIELDS)])
def test_a_title_takes_the_rank_it_names(level: int, rank: str, field: str) -> None:
    assert title_level(_title(rank, field)) == level


@pytest.mark.parametrize(("higher", "lower"), list(itertools.combinations(
    [RANKS[level][0] for level in sorted(RANKS, reverse=True)], 2)))
def test_a_title_naming_two_ranks_takes_the_higher(higher: str, lower: str) -> None:
    # "Senior Engineering Manager" is a manager, "Lead Data Intern" a lead.
    assert title_level(f"{lower} {higher} Engineering") == title_level(f"{higher} Engineering")


@pytest.mark.parametrize("thing", ["Product", "Project", "Program", "Account"])
def test_a_manager_of_a_thing_ranks_by_its_other_words(thing: str) -> None:
    assert title_level(f"{thing} Manager") == resume_pb2.SENIORITY_LEVEL_UNSPECIFIED
    assert title_level(f"Senior {thing} Manager") == resume_pb2.SENIORITY_LEVEL_SENIOR
    assert title_level(f"{thing} Director") == resume_pb2.SENIORITY_LEVEL_DIRECTOR


@pytest.mark.parametrize("title", ["Staff Accountant", "Product Owner", "HR Business Partner", "Software Engineer"])
def test_words_that_rank_only_beside_others_give_no_rank(title: str) -> None:
    assert title_level(title) == resume_pb2.SENIORITY_LEVEL_UNSPECIFIED


def test_titles_without_rank_are_junior_until_two_years_of_work_then_mid() -> None:
    result = read(resume(
        ("Data Analyst, Acme Corp", "Jan 2017 - Dec 2018", ["Reported sales in SQL"]),  # 24 months at its end
        ("Data Analyst, Foo Labs", "Jan 2019 - Jan 2019", ["Built a churn model in Python"]),  # 25
        ("Senior Data Analyst, Bar Inc", "Feb 2019 - Present", ["Led the reporting"]),
        ("Data Analyst, Undated Co", "", ["Wrote queries"])))
    assert [(job.company, job.seniority) for job in result.experience] == [
        ("Acme Corp", resume_pb2.SENIORITY_LEVEL_JUNIOR), ("Foo Labs", resume_pb2.SENIORITY_LEVEL_MID),
        ("Bar Inc", resume_pb2.SENIORITY_LEVEL_SENIOR), ("Undated Co", resume_pb2.SENIORITY_LEVEL_UNSPECIFIED)]
