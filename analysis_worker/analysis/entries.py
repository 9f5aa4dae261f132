"""Splitting a section (experience, education, projects) into entries.

Templates disagree on where an entry's parts go: the date may sit on the title line,
on its own line before the bullets, or after the bullets (a right-hand column read
last). An entry is therefore built from header lines and bullet highlights, and a
new entry starts when a header line arrives after an entry that is already complete.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .addresses import holds_address
from .dates import DateSpan, find_span, is_duration, strip_dates
from .languages import LEGAL_FORMS
from .places import is_location, split_place
from .prose import is_prose

# Icon fonts' glyphs (the private use area) and pictographs come from here on.
_ICONS = "\ue000"
# A number opening a line is a list's ("1.", "2)"), but not a month written in figures ("01.2023").
BULLET = re.compile(r"^(?:[•◦◆◇▪▫●■□○‣⁃∙·➢►▶➤✓✔*\-–—\ue000-\uf8ff]|\d{1,2}[.)](?!\d))\s*(?=\S)")
# Separators between the parts of a title line: "Acme – Berlin, Germany", "Engineer | Acme",
# "Acme, Berlin; Engineer", "Engineer @Acme",
# icon glyphs, runs of spaces, tabs, and "Engineer at Acme".
_FIELD_SEPARATOR = re.compile(r"\s+[–—|·•@]\s+|\s+@(?=[^\W\d_])|\s+-\s+|[;:]\s+|\t+|\s{3,}|[\ue000-\uf8ff]")
# "Engineer at Acme" separates a title from a company, but "University of Texas at Austin" is one name.
_AT = re.compile(r"\s+(?:at|from)\s+")
_JOINED_ON = re.compile(r"^(?:at|from)\s+(?=\S)")
# The phrase a timeline of events opens an entry's line with: "Joined Acme", "Graduated
# from Lund University", "Finished 1 degree at Lund University".
_EVENT = re.compile(r"^\s*(?:joined|(?:worked|started|studied)\s+at|graduated\s+from"
                    r"|finished\s+(?:\d+\s+)?degrees?\s+at)\s+(?=\S)", re.IGNORECASE)
# Labels some templates print above an entry's bullets: neither a title nor a company.
_LABELS = {"highlights", "responsibilities", "key responsibilities", "duties", "tasks", "description",
           "key achievements"}
# The heads of a table's columns: a row of them ("Qualification Grade Date Institution",
# "Degree | Board / University | Year of Passing | CGPA") heads the entries and is none.
_COLUMN_HEADS = frozenset("""
    qualification degree course examination exam grade cgpa gpa percentage marks score result
    date dates year years period duration from to of passing institution institute school college
    university board specialization specialisation major subject stream company employer
    organisation organization position role title designation location place city""".split())
_WORD = re.compile(r"[^\W\d_]+")
# How many following lines are searched for the date of a next entry.
_LOOKAHEAD = 4
# A wrapped bullet leaves a line filling most of the text width.
_WRAPPED_SHARE = 0.75


@dataclass
class Entry:
    header: list[str] = field(default_factory=list)  # non-bullet lines as written
    highlights: list[str] = field(default_factory=list)
    span: DateSpan | None = None


def _date_alone(line: str) -> DateSpan | None:
    span = find_span(line)
    return span if span is not None and not strip_dates(line).strip(" ,|–—-") else None


def grouped_with_dates_apart(lines: list[str], group: Callable[[list[str]], list[Entry]]) -> list[Entry]:
    """The entries of a section whose dates column was read apart from the entries beside
    it, as a Europass CV's left column is: two or more lines of dates alone open the
    section, and as many entries without dates follow, each put after its dates. An entry
    starts at a line after bullets; without bullets, the entries are taken to be as long
    as each other, when grouping them finds as many. Other sections are grouped as they
    are (`group` groups lines into entries)."""
    count = next((index for index, line in enumerate(lines) if _date_alone(line) is None), len(lines))
    rest = lines[count:]
    if count < 2 or len(rest) < count or any(_date_alone(line) for line in rest):
        return group(lines)
    starts = [index for index, line in enumerate(rest)
              if not _bullet(line) and (index == 0 or _bullet(rest[index - 1]))]
    # Without bullets, the blocks are as long as each other, and the grouping finds as many.
    if len(starts) != count and len(rest) % count == 0 and not any(_bullet(line) for line in rest) \
            and len(group(rest)) == count:
        starts = list(range(0, len(rest), len(rest) // count))
    if len(starts) != count:
        return group(lines)
    ordered = [line for date, start, end in zip(lines[:count], starts, [*starts[1:], len(rest)], strict=True)
               for line in [date, *rest[start:end]]]
    return group(ordered)


def group_entries(lines: list[str], completes: Callable[[Entry, str], bool] | None = None,
                  kind: Callable[[str], str] | None = None) -> list[Entry]:
    """The entries of a section's lines. Where a section's kind knows more than the
    layout does: `completes` tells a line after an entry's highlights that still belongs
    to its header (a school's degree printed below the school's details), and `kind`
    what a header line names (a school, a degree), so that of the lines between an
    entry's dates and the next entry's, the next one takes those from the last line of
    the kind its own first line is."""
    longest = max(map(len, lines), default=0)
    # Entries that open with their dates alone ("2019 - 2021" above "Engineer at Acme")
    # leave no line before a date to open an entry: the line is the end of a bullet.
    first = next((line for line in lines if not _bullet(line)), "")
    dates_lead = find_span(first) is not None and not strip_dates(first).strip(" ,|–—-")
    heads = _head_bullets(lines)
    entries: list[Entry] = []
    current: Entry | None = None
    previous = ""
    in_bullet = False  # the last line went into a highlight
    for index, line in enumerate(lines):
        if line.rstrip(":").lower() in _LABELS or _column_heads(line):
            continue
        bullet = _bullet(line)
        if bullet and line[:1] in heads:
            current = Entry(header=[line[bullet.end():].strip()])
            entries.append(current)
            previous, in_bullet = line, False
            continue
        if bullet:
            if current is None:
                current = Entry()
                entries.append(current)
            current.highlights.append(line[bullet.end():].strip())
            previous, in_bullet = line, True
            continue
        span = find_span(line)
        if in_bullet and current is not None and _continues(
                line, span, previous, current, longest, [] if dates_lead else lines[index + 1:index + 1 + _LOOKAHEAD]):
            current.highlights[-1] = _join(current.highlights[-1], line)
            previous = line
            continue
        # Job-board exports write descriptions as plain sentences after the header,
        # without bullets: they close the header as a bullet would. A sentence before
        # any entry (an introduction, a summary the section shares) opens none.
        if span is None and is_prose(line) and (current is None or current.header):
            if current is not None:
                current.highlights.append(line)
            previous, in_bullet = line, current is not None
            continue
        if current is not None and current.highlights and completes is not None and completes(current, line):
            current.header.append(line)
            previous, in_bullet = line, False
            continue
        meta = span is not None or is_location(line) or is_duration(line)
        if current is None or (span and current.span) or (
                current.highlights and not is_duration(line) and not (current.span is None and meta)):
            carried = _next_entry_lines(current, kind) if span and current and current.span else []
            current = Entry(header=carried)
            entries.append(current)
        current.header.append(line)
        if span and current.span is None:
            current.span = span
        previous, in_bullet = line, False
    return entries


def _head_bullets(lines: list[str]) -> set[str]:
    """The bullets that open entries, not highlights: those that mark two lines or more,
    each right above a line of dates ("• Acme Corp  Berlin" over "Engineer  2019 - 2021",
    the highlights under another bullet or none, as scans lose small ones)."""
    below: dict[str, list[bool]] = {}
    for line, following in itertools.zip_longest(lines, lines[1:], fillvalue=""):
        bullet = _bullet(line)
        if bullet and not line[:1].isdigit():
            rest = line[bullet.end():]
            below.setdefault(line[:1], []).append(
                not _bullet(following) and find_span(following) is not None
                and find_span(rest) is None and not is_prose(rest))
    return {mark for mark, heads in below.items() if len(heads) >= 2 and all(heads)}


def _column_heads(line: str) -> bool:
    words = _WORD.findall(line.lower())
    return len({word for word in words if word not in ("of", "from", "to")}) >= 2 and all(
        word in _COLUMN_HEADS for word in words)


def _next_entry_lines(entry: Entry, kind: Callable[[str], str] | None) -> list[str]:
    """Lines at the end of an entry without highlights that open the next one.

    When an entry's date came after other header lines ("School" / "Degree 2019"), the
    date line closed it, and the header lines that follow ("School 2" before "Degree
    2021") belong to the next entry. A place right after the date stays: it follows its own entry."""
    if entry.highlights:
        return []
    dated = next(i for i, line in enumerate(entry.header) if find_span(line))
    trailing = entry.header[dated + 1:]
    # A place or duration right after the date is this entry's; what follows it opens the next.
    while trailing and (is_location(trailing[0]) or is_duration(trailing[0])):
        trailing = trailing[1:]
    if dated == 0 or not trailing or any(is_location(line) or is_duration(line) for line in trailing):
        return []
    if kind is not None:
        # "Master" / "Industrial Engineering" under "School" / "2016 - 2018" are this
        # entry's: the next one opens at "School 2", as this one opened at its school.
        # Without a line of that kind, it takes as many lines as this one had before its dates.
        opener = kind(entry.header[0])
        trailing = trailing[next((i for i in range(len(trailing) - 1, -1, -1) if kind(trailing[i]) == opener),
                                 max(0, len(trailing) - dated)):]
    del entry.header[len(entry.header) - len(trailing):]
    return trailing


def _bullet(line: str) -> re.Match[str] | None:
    """The bullet opening a line; an icon before an entry's dates ("\uf073 Jan 2020 -
    Present \uf3c5 Berlin") marks them, not a highlight."""
    return None if line[:1] >= _ICONS and find_span(line) else BULLET.match(line)


def _continues(line: str, span: DateSpan | None, previous: str, entry: Entry, longest: int,
               following: list[str]) -> bool:
    """Whether a line after a bullet is the wrapped rest of that bullet."""
    # A place at the end tells a title line, even one starting in lower case ("iFood Berlin, Germany").
    if span or is_location(line) or is_duration(line) or split_place(line) or any(
            is_location(inner) for inner in _PARENTHESISED.findall(line)):
        return False
    if line[0].islower() or previous.rstrip().endswith(("-", ",", "&")) or _ENDS_ON_A_FUNCTION_WORD.search(previous):
        return True
    # A label ("Highlights") comes between an entry's title and its bullets: the line above it is a title.
    if following and following[0].rstrip(":").lower() in _LABELS:
        return False
    if following and is_location(following[0]):  # "Tidewater Media" above "Seattle, WA": a name
        return False
    # After a finished sentence, a line that is not one itself starts the next entry.
    if previous.rstrip().endswith((".", "!", "?")) and not is_prose(line):
        return False
    # Once the entry has its date, a date before the next bullet belongs to the next
    # entry, which this line opens. (Without a date yet, a date ahead closes this entry.)
    if entry.span is not None:
        for next_line in following:
            if _bullet(next_line):
                break
            if find_span(next_line):
                return False
    return len(previous) >= _WRAPPED_SHARE * longest


# No sentence ends on these: a line that does was wrapped ("reviews in" / "Excel").
_ENDS_ON_A_FUNCTION_WORD = re.compile(r"\s(?:in|of|the|a|an|to|for|with|and|or|by|on|at|from|into|via)\s*$")


def _join(text: str, rest: str) -> str:
    if text.endswith("-") and rest[:1].islower():  # "submis-" + "sions"
        return text[:-1] + rest
    return f"{text} {rest}"


def header_fields(entry: Entry, *, split_at: Callable[[str, str], bool] | None = None
                  ) -> tuple[list[str], list[str]]:
    """The (parts, locations) of an entry's title lines, dates and durations removed.

    Parts are split on strong separators, then on commas: "Nexus AI, CTO – Paris, France"
    gives parts ["Nexus AI", "CTO"] and locations ["Paris, France"]."""
    parts: list[str] = []
    locations: list[str] = []
    for line in _places_unwrapped(entry.header):
        if is_prose(line) and not find_span(line):
            break
        segments = _FIELD_SEPARATOR.split(_PARENTHESISED_NAME.sub(r" | \1", strip_dates(_EVENT.sub("", line))))
        if split_at is not None:
            segments = [piece for segment in segments for piece in _split_at(segment, split_at)]
        for segment in segments:
            if holds_address(segment):  # "Indeed: https://www.indeed.com/r/...", a profile, not a name
                continue
            segment = _trimmed(_PARENTHESISED.sub(lambda m: _take_location(m, locations), segment))
            if not segment:
                continue
            place = None if is_location(segment) else split_place(segment)
            if place:  # "Acme Corp Berlin, Germany": a right-aligned place read into the line
                segment = place[0]
                locations.append(place[1])
            if is_location(segment):
                locations.append(segment)
            else:
                parts.extend(_comma_parts(segment))
    return parts, locations


def _trimmed(segment: str) -> str:
    """The segment without the separators and brackets around it, keeping a bracket that
    closes or opens one inside it ("Engineer (Contract)" keeps its ")"), and without the
    word that joins it to the line before ("at Lund University" under "BSc Physics")."""
    trimmed = _JOINED_ON.sub("", segment.strip(" ,;:|–—-()")).strip(" ,;:|–—-()")
    opened = trimmed.count("(") - trimmed.count(")")
    return f"{trimmed})" if opened > 0 else f"({trimmed}" if opened < 0 else trimmed


def _places_unwrapped(header: list[str]) -> list[str]:
    """The header lines with a place wrapped after its comma put back on its line:
    "Engineer at Acme Athens," / "Greece" is "Engineer at Acme Athens, Greece"; so is
    "Engineer at Acme Athens, Dec 2018 – Feb 2022" / "Greece", whose dates a column put
    after the place's first line (the dates are read from the entry, not from here)."""
    lines: list[str] = []
    for line in header:
        previous = strip_dates(lines[-1]).rstrip(" |–—-") if lines else ""
        if previous.endswith(",") and split_place(f"{previous} {strip_dates(line).strip(' |–—-')}"):
            lines[-1] = f"{previous} {line.strip()}"
        else:
            lines.append(line)
    return lines


def _split_at(segment: str, separates: Callable[[str, str], bool]) -> list[str]:
    """The segment cut at each " at " or " from " that `separates` says parts two fields
    ("Engineer at Acme", "BSc Physics from Lund University")."""
    pieces = _AT.split(segment, maxsplit=1)
    if len(pieces) == 2 and separates(*pieces):
        return [pieces[0], *_split_at(pieces[1], separates)]
    return [segment]


_PARENTHESISED = re.compile(r"\(([^()]*)\)")
# A name of two words or more in brackets is a field of its own: "Bachelor in Business
# Administration (Georgia Institute of Technology)", "Engineer (Northwind Traders)".
_NAME_WORD = r"(?:[A-Z][\w.&'’-]*|&|of|and|the|for|de|du|der|di|la)"
_PARENTHESISED_NAME = re.compile(rf"\s*\(({_NAME_WORD}(?:\s+{_NAME_WORD})+)\)")


def _take_location(match: re.Match[str], locations: list[str]) -> str:
    """Removes "(Remote)" or "(Berlin, Germany)" from a title line into `locations`."""
    if is_location(match.group(1)):
        locations.append(match.group(1).strip())
        return " "
    return match.group()


def name_from_places(locations: list[str], accept: Callable[[str], bool] = bool) -> str:
    """A name hidden in a place, for an entry that lacks its company or institution:
    "Acme, Berlin, Germany" reads as a place of three parts, and "Trendyol Amsterdam,
    Netherlands" as a two-word city. The place is left in `locations` without the name."""
    for index, location in enumerate(locations):
        place = split_place(location)
        if place and accept(place[0]):
            locations[index] = place[1]
            return place[0]
    return ""


# Legal forms written after a comma ("Acme, Inc.", "Douro Logística, Lda."), dots optional.
_LEGAL_SUFFIX = re.compile(
    r"(?:inc|llc|ltd|llp|plc|corp|co|gmbh|ag|s\.?a|b\.?v|pty|"
    + "|".join(sorted({re.escape(form.rstrip(".")).replace(r"\.", r"\.?") for form in LEGAL_FORMS}, key=len,
                      reverse=True))
    + r")\.?", re.IGNORECASE)


def _comma_parts(segment: str) -> list[str]:
    parts: list[str] = []
    for piece in segment.split(","):
        piece = piece.strip()
        if not piece:
            continue
        if parts and _LEGAL_SUFFIX.fullmatch(piece):  # "Acme, Inc."
            parts[-1] = f"{parts[-1]}, {piece}"
        else:
            parts.append(piece)
    return parts
