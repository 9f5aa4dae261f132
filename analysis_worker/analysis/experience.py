"""Work experience entries and the total years they cover."""

from __future__ import annotations

from datetime import date

from common.proto.resume.v1 import resume_pb2

from .dates import month_index, today_index
from .entries import group_entries, header_fields, name_from_places
from .roles import TITLE_WORDS, words_of

_COMPANY_WORDS = {
    "inc", "llc", "ltd", "limited", "corp", "corporation", "company", "co", "gmbh", "ag", "sa", "plc", "technologies",
    "labs", "lab", "group", "bank", "university", "college", "institute", "hospital", "agency", "studio", "studios",
    "solutions", "systems", "research", "foundation", "ventures", "capital", "partners", "consulting", "ai",
}


def _title_score(part: str) -> int:
    # Comparing how many title words each part holds tells "Nexus AI, CTO" from
    # "CTO, Nexus AI", whichever order the template uses.
    words = words_of(part)
    pieces = set(words) | {piece for word in words for piece in word.split("-")}
    # A title word outweighs a company word: "Research Scientist" is a title.
    return 2 * len(pieces & TITLE_WORDS) - len(pieces & _COMPANY_WORDS)


def parse_experience(lines: list[str], candidate: str = "") -> list[resume_pb2.Experience]:
    """Entries of an experience section; `candidate` is the resume's name, which pages
    laid out in columns can print among the entries and which is never an employer."""
    result = []
    for entry in group_entries(lines):
        parts, locations = header_fields(entry, split_at=True)
        parts = [part for part in parts if part.casefold() != candidate.casefold()]
        if not parts or (entry.span is None and not entry.highlights):
            continue
        scores = [_title_score(part) for part in parts]
        title_index = max(range(len(parts)), key=lambda i: scores[i])
        title = parts[title_index] if scores[title_index] > 0 or len(parts) > 1 else ""
        others = [part for i, part in enumerate(parts) if i != title_index or not title]
        company = others[0] if others else name_from_places(locations)
        span = entry.span
        result.append(resume_pb2.Experience(
            title=title,
            company=company,
            location=locations[0] if locations else "",
            start=span.start if span else "",
            end=span.end if span else "",
            current=span.current if span else False,
            highlights=entry.highlights,
        ))
    return result


def total_years(experience: list[resume_pb2.Experience], today: date) -> float:
    """Years covered by the date ranges, overlaps counted once, open ranges ending today."""
    ranges = []
    for item in experience:
        start = month_index(item.start, end=False)
        end = today_index(today) if item.current else month_index(item.end, end=True)
        if start is not None and end is not None and end >= start:
            ranges.append((start, end))
    months = 0
    reach = -1
    for start, end in sorted(ranges):
        if end > reach:
            months += end - max(start, reach + 1) + 1
            reach = end
    return round(months / 12, 1)
