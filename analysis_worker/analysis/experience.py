"""Work experience entries."""

from __future__ import annotations

from collections.abc import Sequence

from common.proto.resume.v1 import resume_pb2

from .dates import find_span, join_wrapped_dates
from .entries import BULLET, Entry, group_entries, grouped_with_dates_apart, header_fields, name_from_places
from .languages import COMPANY_WORDS as FOREIGN_COMPANY_WORDS
from .roles import is_title_word, words_of
from .skills import skill_row

_COMPANY_WORDS = {
    "inc", "llc", "ltd", "limited", "corp", "corporation", "company", "co", "gmbh", "ag", "sa", "plc", "technologies",
    "labs", "lab", "group", "bank", "university", "college", "institute", "hospital", "agency", "studio", "studios",
    "solutions", "systems", "research", "foundation", "ventures", "capital", "partners", "consulting", "ai",
} | FOREIGN_COMPANY_WORDS


def title_score(part: str) -> int:
    """How much a part of an entry's title line reads as a job title rather than a company."""
    # Comparing how many title words each part holds tells "Nexus AI, CTO" from
    # "CTO, Nexus AI", whichever order the template uses.
    words = words_of(part)
    # Legal forms written with dots ("S.r.l.", "B.V.") read as one word.
    pieces = set(words) | {piece for word in words for piece in word.split("-")} | set(words_of(part.replace(".", "")))
    # A title word outweighs a company word: "Research Scientist" is a title.
    return 2 * sum(map(is_title_word, pieces)) - len(pieces & _COMPANY_WORDS)


def parse_experience(lines: list[str], candidate: str = "",
                     elsewhere: Sequence[str] = ()) -> list[resume_pb2.Experience]:
    """Entries of an experience section; `candidate` is the resume's name, which pages
    laid out in columns can print among the entries and which is never an employer;
    `elsewhere`, the lines of sections without entries (skills, contact), where a caption
    column can be read (see _untitled)."""
    result = []
    lines = join_wrapped_dates(lines)
    entries = grouped_with_dates_apart(lines, group_entries)
    captions: list[list[str]] = []
    if any(_untitled(entry) for entry in entries):
        # Lines of a caption column read apart from their dates and bullets: grouped
        # with them they would take the dates of the entry that follows.
        captioned = {line: parts for line in lines for parts in [_caption(line)] if parts}
        captions = list(captioned.values()) + [parts for line in elsewhere for parts in [_caption(line)] if parts]
        entries = group_entries([line for line in lines if line not in captioned])
    remaining = iter(captions)
    group = ""  # the employer named on a line of its own above its roles, each with its dates
    for entry in entries:
        parts, locations = header_fields(entry, split_at=lambda title, company: True)
        # "Luca Di Stefano CV · January 2025": a running foot that names the candidate.
        named = [part for part in parts if not candidate or not part.casefold().startswith(candidate.casefold())]
        # Without dates, the name with a title under it is the page's header block
        # (name, headline, contact details) read among the entries, not a job.
        if len(named) < len(parts) and entry.span is None:
            continue
        parts = _without_tags(named, entry.header)
        if not parts and entry.span is not None and entry.highlights:
            parts = next(remaining, [])
        if not parts or (entry.span is None and not entry.highlights):
            continue
        scores = [title_score(part) for part in parts]
        title_index = max(range(len(parts)), key=lambda i: scores[i])
        title = parts[title_index] if scores[title_index] > 0 or len(parts) > 1 else ""
        others = [part for i, part in enumerate(parts) if i != title_index or not title]
        company = others[0] if others else name_from_places(locations)
        if title and not company and entry.span is not None:
            company = group
        elif company:
            group = company if _heads_roles(entry, company) else ""
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


def _without_tags(parts: list[str], header: list[str]) -> list[str]:
    """The parts of a header without the row of skill tags printed under the bullets of the
    entry before: two skills or more and no other word, or one skill on a line of its own
    ("Python") where two other parts remain to name the title and the employer (a skill in
    a line, "Intercom, Remote", may name the employer)."""
    skills = {part: skill_row(part) for part in parts}
    parts = [part for part in parts if skills[part] < 2]
    lines = {line.strip() for line in header}
    named = [part for part in parts if part not in lines or not skills[part]]
    return named if len(named) >= 2 else parts


def _heads_roles(entry: Entry, company: str) -> bool:
    """Whether the entry opens with its employer on a line of its own, without dates: the
    way a resume lists several roles at one employer, the roles after the first each a
    title with its dates and no employer ("Acme" / "Lead Engineer  2022 - Present" / ...
    / "Engineer  2019 - 2022")."""
    first = entry.header[0] if entry.header else ""
    return (len(entry.header) > 1 and find_span(first) is None
            and first.strip(" ,;:|–—-").casefold() == company.casefold())


def _untitled(entry: Entry) -> bool:
    """An entry of a date and bullets alone: its title and company are printed in
    another column, which the text layer reads apart ("Head of Growth, Atelier Moreau")."""
    return entry.span is not None and bool(entry.highlights) and not header_fields(entry)[0]


def _caption(line: str) -> list[str] | None:
    """[title, company] of a "Title, Company" line without dates, in the order written."""
    if find_span(line) or BULLET.match(line):
        return None
    parts, _ = header_fields(Entry(header=[line]))
    if len(parts) == 2 and sorted(title_score(part) > 0 for part in parts) == [False, True]:
        return parts
    return None

