"""What a generated resume says, as layout-free blocks both renderers draw.

A truth file (truth/*.json) holds the facts (dates as "YYYY-MM", "YYYY" or "present")
and a style: how dates are written, which heading words the template uses. The same
truth renders into several layouts, so a layout's effect on the analysis shows apart
from the content's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
_SEASONS = {1: "Winter", 3: "Spring", 6: "Summer", 9: "Fall"}
_SUMMARY_HEADINGS = ["Summary", "Profile", "Professional Summary", "About Me", "Objective", "Overview"]
_LANGUAGE_LEVELS = ["native", "fluent", "professional working proficiency", "B2", "conversational"]


def written_date(value: str, style: str) -> str:
    """A truth date as the resume writes it: "Sept 2018", "2019-06", "06/2019", "Summer 2022"..."""
    if value == "present":
        return "Present"
    year, _, month_text = value.partition("-")
    if not month_text or style == "year":
        return year
    month = int(month_text)
    name = _MONTHS[month - 1]
    if style == "season" and month in _SEASONS:
        return f"{_SEASONS[month]} {year}"
    if style == "full":
        return f"{name} {year}"
    if style == "iso":
        return f"{year}-{month:02d}"
    if style == "numeric":
        return f"{month:02d}/{year}"
    short = "Sept" if month == 9 else name[:3]
    if style == "abbr_dot" and len(name) > 4:
        return f"{short}. {year}"
    return f"{short} {year}"


def written_span(start: str, end: str, style: dict[str, Any]) -> str:
    separator = style["date_separator"]
    separator = separator if separator.startswith(" ") else f" {separator} "
    return written_date(start, style["dates"]) + separator + written_date(end, style["dates"])


@dataclass(frozen=True)
class Job:
    title: str
    company: str
    location: str
    dates: str
    highlights: list[str]


@dataclass(frozen=True)
class School:
    institution: str
    degree: str
    location: str
    dates: str
    gpa: str


@dataclass(frozen=True)
class Resume:
    """The text of a generated resume, in the order a reader expects it."""
    index: int  # position in the labeled set: layouts vary small choices by it
    name: str
    email: str
    phone: str
    location: str
    links: list[str]
    headings: dict[str, str]
    summary: str
    jobs: list[Job]
    schools: list[School]
    skills: dict[str, list[str]]
    languages: list[str]
    certifications: list[str] = field(default_factory=list)

    @property
    def summary_heading(self) -> str:
        return _SUMMARY_HEADINGS[self.index % len(_SUMMARY_HEADINGS)]

    def language_line(self) -> str:
        return ", ".join(f"{language} ({_LANGUAGE_LEVELS[(self.index + i) % len(_LANGUAGE_LEVELS)]})"
                         for i, language in enumerate(self.languages))


def shown_link(url: str) -> str:
    """A link as resumes print it: without scheme and "www."."""
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


def resume_of(truth: dict[str, Any], index: int) -> Resume:
    style = truth["style"]
    jobs = [Job(job["title"], job["company"], job["location"], written_span(job["start"], job["end"], style),
                job["highlights"]) for job in truth["experience"]]
    schools = []
    for school in truth["education"]:
        # Half the schools give only the graduation date, as many resumes do.
        dates = written_span(school["start"], school["end"], style) if index % 2 else \
            written_date(school["end"], style["dates"])
        gpa = f"GPA: {school['gpa']}" if school.get("gpa") else ""
        schools.append(School(school["institution"], school["degree"], school["location"], dates, gpa))
    return Resume(index=index, name=truth["name"], email=truth["email"], phone=truth["phone"],
                  location=truth["location"], links=truth["links"], headings=style["headings"],
                  summary=truth["summary"], jobs=jobs, schools=schools, skills=truth["skills"],
                  languages=truth["languages"], certifications=truth["certifications"])
