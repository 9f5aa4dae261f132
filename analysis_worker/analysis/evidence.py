"""Where each value of an analysis was read: the line of the resume that shows it.

The analysis reads values from its own working text (normalised, columns joined, fields
split), so each value is found again afterwards among the lines the extraction kept, with
their page, place and type where the format has them. A value is looked for where its
neighbours were found: an entry's company after the previous entry's, its dates beside
its title, so that a name written twice is placed where it was read."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from common.proto.resume.v1 import resume_pb2

from ..document import PAGE_SEPARATOR, ExtractedDocument, StyledLine
from .phones import digits_of
from .skills import skills_in_lines

# An entry's dates are looked for this many lines before and after its title or company.
_DATES_BEFORE, _DATES_AFTER = 2, 6
# A phone is found by its last digits, the number written with or without its country code.
_PHONE_DIGITS = 8
# A link is found by its address, else by its last path part when that is at least this long
# (an icon and the user name: "github.com/jdoe" shown as "jdoe").
_SHORTEST_HANDLE = 3
_NOT_ALNUM = re.compile(r"[\W_]+")
_PRESENT = re.compile(r"\d{4}\s*[–—-]\s*[^\W\d_]", re.UNICODE)


@dataclass(frozen=True)
class Place:
    """A line of the resume: its text, and on a page where the format has pages."""
    text: str
    page: int  # from 1; 0 without pages
    styled: StyledLine | None  # the line's place and type, where the format tells them


@dataclass(frozen=True)
class Found:
    """One value of the analysis and the line it was read from (None where no line shows it)."""
    field: str  # the value's path in the ResumeAnalysis, e.g. "experience[2].company"
    kind: str  # "name", "email", "phone", "link", "location", "title", "company", "date", "institution", "skill"
    value: str
    place: Place | None
    entry: int = -1  # the index of the value's experience or education entry or skill, -1 for others


def key(text: str) -> str:
    """Text compared without case, accents' encoding, punctuation or spacing."""
    return _NOT_ALNUM.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


class _Lines:
    """The document's lines, searchable by key from a given line on."""

    def __init__(self, document: ExtractedDocument) -> None:
        if document.lines:
            self.places = [Place(line.text.strip(), line.page, line) for line in document.lines]
        else:
            paged = document.format == "pdf"
            self.places = [Place(line, number + 1 if paged else 0, None)
                           for number, page in enumerate(document.text.split(PAGE_SEPARATOR))
                           for line in page.splitlines() if line.strip()]
        self._keys = [f" {key(place.text)} " for place in self.places]
        self._unspaced = [text.replace(" ", "") for text in self._keys]
        self._digits: list[str] | None = None
        self._folded: list[str] | None = None

    def find(self, value: str, start: int = 0, near: int | None = None, alone: bool = False) -> int | None:
        """The line that shows the value, as whole words or, where the text layer lost its
        spaces, as letters: the one nearest `near` when given, else the first from `start`,
        else the first; with `alone`, first of all a line that shows nothing else."""
        matches = self._matches(value)
        if not matches:
            return None
        if alone:
            wanted = f" {key(value)} "
            matches = [index for index in matches if self._keys[index] == wanted] or matches
        if near is not None:
            return min(matches, key=lambda index: abs(index - near))
        return next((index for index in matches if index >= start), matches[0])

    def find_literal(self, text: str) -> int | None:
        """The first line that holds the text as written, but for case."""
        if self._folded is None:
            self._folded = [place.text.casefold() for place in self.places]
        wanted = text.casefold()
        return next((index for index, line in enumerate(self._folded) if wanted in line), None)

    def _matches(self, value: str) -> list[int]:
        wanted = key(value)
        if not wanted:
            return []
        for pattern, keys in ((f" {wanted} ", self._keys), (wanted.replace(" ", ""), self._unspaced)):
            matches = [index for index, text in enumerate(keys) if pattern in text]
            if matches:
                return matches
        return []

    def find_phone(self, phone: str) -> int | None:
        """The first line that holds the phone's last digits, with or without its country code."""
        if self._digits is None:
            self._digits = [digits_of(place.text) for place in self.places]
        digits = digits_of(phone)[-_PHONE_DIGITS:]
        return next((index for index, line in enumerate(self._digits) if digits and digits in line), None)

    def place(self, index: int | None) -> Place | None:
        return None if index is None else self.places[index]


def located(result: resume_pb2.ResumeAnalysis, document: ExtractedDocument) -> list[Found]:
    """Every value of the analysis that evidence is given for, in the order of
    ResumeAnalysis.evidence, each with the line it was read from."""
    lines = _Lines(document)
    contact = result.contact
    found = [Found("contact.name", "name", contact.name, lines.place(lines.find(contact.name, alone=True)))
             ] if contact.name else []
    found += [Found(f"contact.emails[{n}]", "email", email, lines.place(lines.find(email)))
              for n, email in enumerate(contact.emails)]
    found += [Found(f"contact.phones[{n}]", "phone", phone, lines.place(lines.find_phone(phone)))
              for n, phone in enumerate(contact.phones)]
    found += [Found(f"contact.links[{n}]", "link", link.url, lines.place(_link_line(lines, link.url)))
              for n, link in enumerate(contact.links)]
    if contact.location:
        found.append(Found("contact.location", "location", contact.location,
                           lines.place(lines.find(contact.location))))
    found += _experience(lines, result.experience)
    cursor = 0
    for n, school in enumerate(result.education):
        if school.institution:
            index = lines.find(school.institution, cursor)
            cursor = cursor if index is None else index + 1
            found.append(Found(f"education[{n}].institution", "institution", school.institution,
                               lines.place(index), n))
    first_lines = skills_in_lines([place.text for place in lines.places], {skill.name for skill in result.skills})
    found += [Found(f"skills[{n}]", "skill", skill.name, lines.place(first_lines.get(skill.name)), n)
              for n, skill in enumerate(result.skills)]
    return found


def _experience(lines: _Lines, experience: Sequence[resume_pb2.Experience]) -> list[Found]:
    found: list[Found] = []
    cursor = 0
    for n, job in enumerate(experience):
        # A company's name is rarer than a title, which a header or summary may repeat.
        company = lines.find(job.company, cursor) if job.company else None
        title = lines.find(job.title, cursor, near=company) if job.title else None
        anchors = [index for index in (title, company) if index is not None]
        if job.title:
            found.append(Found(f"experience[{n}].title", "title", job.title, lines.place(title), n))
        if job.company:
            found.append(Found(f"experience[{n}].company", "company", job.company, lines.place(company), n))
        anchor = min(anchors) if anchors else cursor
        for part, value in (("start", job.start), ("end", job.end)):
            if value or (part == "end" and job.current):
                index = _date_line(lines, job, value[:4], anchor)
                found.append(Found(f"experience[{n}].{part}", "date", value or "present", lines.place(index), n))
        cursor = anchor + 1 if anchors else cursor
    return found


def _date_line(lines: _Lines, job: resume_pb2.Experience, year: str, anchor: int) -> int | None:
    """The line beside an entry's title that shows its range ("2019 – 2021", "2021 – Present"),
    else its year (`year`, empty for "present"): the nearest after the title, else before."""
    order = [*range(anchor, min(anchor + _DATES_AFTER, len(lines.places))),
             *range(anchor - 1, max(anchor - _DATES_BEFORE, 0) - 1, -1)]
    end = job.end[:4]

    def shows_range(text: str) -> bool:
        return job.start[:4] in text and (end in text if end else bool(_PRESENT.search(text)))

    def shows_year(text: str) -> bool:
        return bool(year) and year in text

    for shows in (shows_range, shows_year):
        index: int | None = next((index for index in order if shows(lines.places[index].text)), None)
        if index is not None:
            return index
    return None


def _link_line(lines: _Lines, url: str) -> int | None:
    """The line that shows a link's address; else its handle ("jdoe" of github.com/jdoe)
    beside an icon; else its site's name ("LinkedIn") as a label."""
    address = re.sub(r"^[a-z]+:(?://)?(?:www\.)?", "", url.strip(), flags=re.IGNORECASE).rstrip("/")
    host, _, path = address.partition("/")
    handle = path.rsplit("/", 1)[-1]
    index = lines.find(address)
    if index is None and len(handle) >= _SHORTEST_HANDLE:
        index = lines.find_literal(handle)
    if index is None and path:
        index = lines.find(host.rsplit(".", 2)[-2] if host.count(".") else host)
    return index
