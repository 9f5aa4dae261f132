"""Education entries: institution, degree and its level, field, dates, GPA."""

from __future__ import annotations

import re

from common.proto.resume.v1 import resume_pb2

from .addresses import holds_address
from .dates import find_span, join_wrapped_dates
from .entries import BULLET, Entry, group_entries, grouped_with_dates_apart, header_fields, name_from_places
from .languages import DEGREES as FOREIGN_DEGREES
from .languages import INSTITUTION_WORDS, alternation
from .phones import phones_in
from .skills import skills_in_text

_DEGREE_TYPES = (r"Science|Arts|Engineering|Technology|Business Administration|Fine Arts|Laws|Commerce|Education"
                 r"|Applied Science|Philosophy|Medicine|Public Health|Public Administration|Music|Architecture"
                 r"|Nursing|Social Work")
# Abbreviations are matched with their case ("MS", not "ms"); words in any case.
_LEVELS = [
    (resume_pb2.DEGREE_LEVEL_DOCTORATE,
     rf"Ph\.?\s?D\.?|D\.?Phil\.?|Ed\.?D\.?|J\.D\.|JD|M\.D\.|(?i:doctorate|doctor of (?:{_DEGREE_TYPES}))"),
    (resume_pb2.DEGREE_LEVEL_MASTER,
     rf"MBA|M\.B\.A\.|M\.?Sc\.?|M\.S\.|MS|M\.?Eng\.?|M\.Ed\.?|MEd|MFA|MPH|MPA|MPP|LL\.?M\.?|M\.?Phil\.?|MRes|M\.A\.|MA"
     rf"|M\.?(?i:tech)\.?|MCA|M\.?Com\.?|M\.?Pharm\.?|PGDM|M[A-Z]{{1,4}}(?=\s+in\s+[A-Z])"
     rf"|(?i:master(?:'s|’s|s)?(?: of (?:{_DEGREE_TYPES})| degree)?)"),
    (resume_pb2.DEGREE_LEVEL_BACHELOR,
     rf"B\.?Sc\.?|B\.S\.|BS|B\.A\.|BA|B\.?Eng\.?|B\.E\.|B\.?(?i:tech)\.?|BBA|BFA|B\.?Com\.?|LL\.?B\.?|A\.B\.|S\.B\."
     # Indian degrees, and any "B..." abbreviation followed by its field ("TYBMS in Management
     # Studies": a third-year Bachelor of Management Studies).
     rf"|BCA|BMS|BBM|BMM|BAF|B\.?Pharm\.?|BDS|MBBS|(?:FY|SY|TY)?B[A-Z]{{1,4}}(?=\s+in\s+[A-Z])"
     rf"|(?i:bachelor(?:'s|’s|s)?(?: of (?:{_DEGREE_TYPES})| degree)?)"),
    (resume_pb2.DEGREE_LEVEL_ASSOCIATE,
     rf"A\.A\.S?\.?|A\.S\.|AAS|(?i:associate(?:'s|’s)?(?: of (?:{_DEGREE_TYPES})| degree))"),
    (resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL,
     r"GED|H\.?S\.?C\.?|S\.?S\.?C\.?|PUC|XII|1[02]th|(?i:high school(?: diploma)?|secondary school|a-levels?"
     r"|baccalaureate|abitur|ib diploma|(?:higher|senior) secondary|pre-university|intermediate|matriculation"
     r"|class (?:x|xii|10|12))"),
    (resume_pb2.DEGREE_LEVEL_CERTIFICATE, r"(?i:certificate|diploma|certification|bootcamp)"),
]
# The other languages' degrees (languages.py) beside the English ones of each level.
_LEVEL_NAMES = {resume_pb2.DEGREE_LEVEL_DOCTORATE: "doctorate", resume_pb2.DEGREE_LEVEL_MASTER: "master",
                resume_pb2.DEGREE_LEVEL_BACHELOR: "bachelor", resume_pb2.DEGREE_LEVEL_ASSOCIATE: "associate",
                resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL: "high_school", resume_pb2.DEGREE_LEVEL_CERTIFICATE: "certificate"}
_DEGREES = [(level, re.compile(rf"(?<![\w.])(?:{pattern}|{FOREIGN_DEGREES[_LEVEL_NAMES[level]] or '(?!)'})(?![\w])"))
            for level, pattern in _LEVELS]
# What follows a degree: "in Physics", "of Arts", or the field itself ("MSc Data Science").
_FIELD = re.compile(r"^[\s,:–-]*(?:(?:in|of)\s+)?([A-Z].*)")
_INSTITUTION = re.compile(
    r"\b(?:university|college|institute|institution|school|academy|polytechnic|politecnico|polit[eé]cnica"
    r"|polytechnique|conservatory|seminary"
    rf"|universit[äaàé]t?|universidad|universidade|universiteit|hochschule|lyc[ée]e|gymnasium|[ée]cole"
    rf"|{alternation(INSTITUTION_WORDS)})\b",
    re.IGNORECASE)
_GPA = re.compile(r"\b(?:c?gpa|grade point average)\b\W{0,3}(\d(?:[.,]\d{1,2})?(?:\s*/\s*\d{1,3}(?:[.,]\d{1,2})?)?)",
                  re.IGNORECASE)


# A degree's level, and where the text names it.
Degree = tuple[resume_pb2.DegreeLevel.ValueType, re.Match[str]]


def find_degree(text: str) -> Degree | None:
    """The earliest degree mentioned in the text and its level."""
    best: Degree | None = None
    for level, pattern in _DEGREES:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1].start()):
            best = (level, match)
    return best


def names_institution(text: str) -> bool:
    """Whether the text holds a word that names a school ("University", "Lycée")."""
    return bool(_INSTITUTION.search(text))


def _names_a_school(part: str) -> bool:
    """"St. Mary's High School": a school type after a name is the school's name, not a degree."""
    found = find_degree(part)
    if found is None:
        return False
    level, match = found
    return level == resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL and match.start() > 0 and not part[match.end():].strip()


def is_skill_list(line: str) -> bool:
    """A line of two skills or more and no degree, school or date ("Procurement Logistics
    Inventory Management"): a skills group that a column put among the education lines,
    not a field of study."""
    return not (find_degree(line) or names_institution(line) or find_span(line)) and len(skills_in_text(line)) >= 2


def names_degree_and_school(line: str) -> bool:
    """"Finance, Master, Rutgers University"; not "High School Diploma", whose school word is the degree's."""
    found = find_degree(line)
    return found is not None and names_institution(line[:found[1].start()] + " " + line[found[1].end():])


def _schools(entries: list[Entry]) -> list[Entry]:
    """Entries with each school as one.

    An entry made of bullets alone ("• Statistics Bachelor", "• BSc Physics, Leeds 2015")
    has no title line, so each of its bullets that names a degree is a school of its own.
    An entry whose header has several lines each naming a degree and a school ("Finance,
    Master, Rutgers University") is a column of schools read apart from their dates: each
    line is a school, with the dates it carries. An undated entry of several degree lines
    and several school lines ("Master, Statistics" / "Delft University" / "Bachelor" /
    "Leeds University") is as many schools, each degree with its school."""
    result = []
    for entry in entries:
        whole = [line for line in entry.header if names_degree_and_school(line)]
        if len(whole) > 1:
            result += [Entry(header=[line], span=find_span(line)) for line in whole]
        elif entry.span is None and not entry.highlights and _undated_schools(entry.header):
            result += _undated_schools(entry.header)
        elif entry.header or not any(find_degree(line) for line in entry.highlights):
            result.append(entry)
        else:
            result += [Entry(header=[line], span=find_span(line)) for line in entry.highlights if find_degree(line)]
    return result


def _undated_schools(header: list[str]) -> list[Entry]:
    """The schools of an undated header of two degree lines or more, each with the lines
    beside it: a degree line opens a school when the header starts with one, and a line
    after a degree line does when the header starts with a school; [] for other headers."""
    degrees = [bool(find_degree(line)) and not _names_a_school(line) for line in header]
    if sum(degrees) < 2 or sum(degrees) == len(degrees):
        return []
    found: list[Entry] = []
    for index, (line, degree) in enumerate(zip(header, degrees, strict=True)):
        opens = degree if degrees[0] else not degree and index > 0 and degrees[index - 1]
        if not found or opens:
            found.append(Entry(header=[]))
        found[-1].header.append(line)
    return found


def _schools_after_dates(entries: list[Entry]) -> list[Entry]:
    """Entries with a school named after another school's dates moved to the next entry
    ("Jadavpur University" / "Bachelor" / "2018 – 2022" / "St. Xavier's College" then
    "HSC" / "2016 – 2018"), or made one of its own when the next entry names its school.
    Entry grouping keeps such a line when what follows it (bullets read out of place)
    closes the entry before the next dates do."""
    result: list[Entry] = []
    carried: list[str] = []
    for entry in entries:
        if carried and not any(names_institution(line) for line in entry.header):
            entry = Entry(header=carried + entry.header, highlights=entry.highlights, span=entry.span)
        elif carried:
            result.append(Entry(header=carried))
        carried = []
        dated = next((i for i, line in enumerate(entry.header) if find_span(line)), None)
        if dated is not None and any(names_institution(line) for line in entry.header[:dated + 1]):
            after = next((i for i in range(dated + 1, len(entry.header))
                          if names_institution(entry.header[i]) and not find_degree(entry.header[i])), None)
            if after is not None:
                carried = entry.header[after:]
                entry = Entry(header=entry.header[:after], highlights=entry.highlights, span=entry.span)
        result.append(entry)
    if carried:
        result.append(Entry(header=carried))
    return result


# A narrow column wraps a school's name at a word that joins it ("Delft University of" /
# "Technology", "National Technical University" / "of Athens").
_JOINING = {"of", "and", "for", "the", "de", "di", "du", "der", "la", "&", "at", "in"}


def _unwrapped_names(lines: list[str]) -> list[str]:
    """The lines with a school's name wrapped at a joining word put back on one line, and
    a name set in capitals wrapped before its school word ("NATIONAL TECHNICAL" /
    "UNIVERSITY OF ATHENS")."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        last = previous.rsplit(" ", 1)[-1].lower()
        first = line.split(" ", 1)[0]
        if previous and not BULLET.match(line) and not find_span(line) and not find_span(previous) and (
                (last in _JOINING and line[:1].isupper()) or (first in _JOINING and names_institution(previous))
                or _school_word_wrapped(previous, line)):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _degree_below(entry: Entry, line: str) -> bool:
    """Whether a line after an entry's highlights is the degree of the school the entry
    names without one ("University of Washington 2011 – 2015" / "• Statistics" / "Bachelor")."""
    return bool(entry.header) and bool(find_degree(line)) and not names_institution(line) \
        and not find_span(line) and not any(find_degree(header) for header in entry.header)


def _names(line: str) -> str:
    """What a line of an education entry names: a degree, a school, or something else."""
    if find_degree(line) and not names_degree_and_school(line) and not _names_a_school(line):
        return "degree"
    return "school" if names_institution(line) else ""


def _field_at_school(before: str, after: str) -> bool:
    """"Master Interaction Design at Université Lyon 2", "HSC Science at Kendriya Vidyalaya",
    "High School Diploma at Lincoln High School" and "BSc Physics from Lund University"
    part a degree from its school;
    "University of Texas at Austin" is one name."""
    degree = find_degree(before) is not None
    school_before = names_degree_and_school(before) if degree else names_institution(before)
    return not school_before and (names_institution(after) or (degree and find_degree(after) is None))


def _school_word_wrapped(previous: str, line: str) -> bool:
    """A line opening with a school's word after the start of the school's name, wrapped
    in a narrow column: a line in capitals naming nothing of its own ("NATIONAL
    TECHNICAL" / "UNIVERSITY OF ATHENS"), or the last part of a degree's line
    ("Interaction Design, Bachelor - Aarhus" / "University")."""
    if not _INSTITUTION.match(line) or BULLET.match(previous) or names_institution(previous):
        return False
    if previous.isupper() and line.isupper():
        return not find_degree(previous) and len(previous.split()) <= 4
    parts = _PARTS.split(previous)
    return len(parts) > 1 and parts[-1][:1].isupper() and len(parts[-1].split()) <= 3 \
        and not find_degree(parts[-1]) and all(_KIND_WORD.fullmatch(word) for word in line.split())


# The parts of a degree's line: "Interaction Design, Bachelor - Aarhus".
_PARTS = re.compile(r"\s+[-–—|]\s+|\s*,\s*")
# Words that name a kind of school, not one school: "University", "Institute of Technology".
_KIND_WORD = re.compile(rf"(?i:{_INSTITUTION.pattern}|of|for|and|the|technology|sciences?|arts|engineering"
                        r"|management|business|medicine|law|design|music|&)")


def _holds_contact(text: str) -> bool:
    """Whether the text holds an email, a web address or a phone: a sidebar's contact
    details read into the education section are never a school."""
    return holds_address(text) or bool(phones_in(text, None))


_WORD = re.compile(r"[^\W\d_]{2,}")
_LEADING_ICON = re.compile(r"^\s*[\ue000-\uf8ff]+\s*")


def parse_education(lines: list[str]) -> list[resume_pb2.Education]:
    result = []
    # An icon before a degree (a mortarboard) marks the entry's field, not a bullet.
    lines = [_LEADING_ICON.sub("", line) if find_degree(line) else line for line in lines]
    lines = join_wrapped_dates(_unwrapped_names(lines))
    entries = grouped_with_dates_apart(lines, lambda part: group_entries(part, _degree_below, _names))
    for entry in _schools(_schools_after_dates(entries)):
        parts, locations = header_fields(entry, split_at=_field_at_school)
        if not any(map(find_degree, parts)):
            # A degree set as its school's one bullet ("• Master in Interaction Design").
            parts += [BULLET.sub("", line) for line in entry.highlights[:1] if find_degree(line)]
        degree_level, degree, field = resume_pb2.DEGREE_LEVEL_UNSPECIFIED, "", ""
        degrees: dict[int, Degree] = {}  # by part
        for index, part in enumerate(parts):
            found = find_degree(part)
            if not found:
                continue
            degrees[index] = found
            level, match = found
            if not degree:
                degree_level, degree = level, match.group().strip()
            rest = _FIELD.match(part[match.end():])
            # "PhD Princeton University" puts the institution, not the field, after the degree.
            if rest and not field and not names_institution(rest.group(1)):
                field = rest.group(1).strip()
        # "High School Diploma" holds an institution word too: a part that names a school
        # outright comes first.
        named = [i for i, part in enumerate(parts) if names_institution(part)]
        institution_index = next((i for i in named if i not in degrees or _names_a_school(parts[i])),
                                 named[0] if named else -1)
        hidden = "" if institution_index >= 0 else name_from_places(locations, names_institution)
        if not hidden and institution_index < 0 and not degrees and any(map(_holds_contact, entry.header)):
            continue  # a sidebar's contact details read into the section: no school here
        if not hidden and institution_index < 0:
            # A line of its own beside the degree's line names the school ("HSC, Science" /
            # "Kendriya Vidyalaya"); else the first part that is no degree does.
            alone = [line for line in entry.header if not find_degree(line) and not find_span(line)]
            candidates = [i for i, part in enumerate(parts)
                          if i not in degrees and not _GPA.search(part) and _WORD.search(part)
                          and not _holds_contact(part)]
            institution_index = next((i for i in candidates if len(alone) == 1 and parts[i] in alone[0]),
                                     candidates[0] if candidates else -1)
        institution = parts[institution_index] if institution_index >= 0 else hidden
        if institution_index in degrees and not _names_a_school(institution):
            match = degrees[institution_index][1]  # "PhD Princeton University": the degree column comes first
            institution = (institution[:match.start()] + institution[match.end():]).strip(" ,")
            if not names_institution(institution):  # "PhD in Physics": no institution here
                institution, institution_index = "", -1
        if not field:
            field = next((part for i, part in enumerate(parts)
                          if i != institution_index and i not in degrees and not _GPA.search(part)), "")
        if not institution:
            institution = name_from_places(locations)
        if not institution and not degree:
            continue
        gpa = next((m.group(1).replace(" ", "") for line in entry.header + entry.highlights
                    for m in [_GPA.search(line)] if m), "")
        span = entry.span
        single = span is not None and span.start == span.end and not span.current
        result.append(resume_pb2.Education(
            institution=institution,
            degree=degree,
            degree_level=degree_level,
            field=field,
            # A single date on an education entry is the graduation date.
            start="" if span is None or single else span.start,
            end="" if span is None else span.end,
            gpa=gpa,
            location=locations[0] if locations else "",
        ))
    return result
