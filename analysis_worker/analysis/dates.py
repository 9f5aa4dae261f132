"""Dates as resumes write them: "Sept 2018 – May 2023", "2019-06", "06/2019",
"Summer 2022", "2021", "Present"; normalised to "YYYY-MM" or "YYYY". Month names,
"present" words and connectors of the other languages come from languages.py ("März 2020
bis heute", "janv. 2019 – aujourd'hui", "desde 2020")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .languages import DURATION_MONTHS, DURATION_YEARS, PRESENT_WORDS, SINCE_WORDS, TO_WORDS, alternation
from .languages import MONTHS as FOREIGN_MONTHS
from .prose import is_prose

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Academic terms: the month the term usually starts in (US calendar).
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 1}

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          rf"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|{alternation(list(FOREIGN_MONTHS))})\.?")
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
# Lookarounds keep years out of DOIs, version numbers and patent numbers.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH_YEAR_IN_FIGURES = rf"{_YEAR}[-/.]{_NUM_MONTH}|{_NUM_MONTH}[-/.]{_YEAR}"
# A day's date, day or month first ("01/03/2024"), one separator throughout.
_DAY_DATE_IN_FIGURES = rf"{_DAY}/{_DAY}/{_YEAR}|{_DAY}\.{_DAY}\.{_YEAR}|{_DAY}-{_DAY}-{_YEAR}"
_DATE = (rf"(?<![\w./])(?:(?:{_MONTH}|{_SEASON}),?\s*(?:de\s+)?(?:{_YEAR}|['’]\d\d)"  # "enero de 2020"
         rf"|{_YEAR}[-\s]{_MONTH}(?![a-z])"  # the year first: "2023-Sep", "2023 September"
         rf"|{_YEAR}-{_NUM_MONTH}-(?:0[1-9]|[12]\d|3[01])"  # ISO day dates ("2023-08-01") keep their month
         rf"|{_DAY_DATE_IN_FIGURES}"
         # Not followed by another number ("2019-5", "1.2.3"), but a date may follow a
         # hyphen: "2019-2021" and, closed up as OCR reads it, "03/2021-07/2024" and
         # "01/11/2021-01/12/2023" are ranges.
         rf"|{_MONTH_YEAR_IN_FIGURES}|{_YEAR})"
         rf"(?![\w/]|\.\d|-(?!(?:{_DAY_DATE_IN_FIGURES}|{_MONTH_YEAR_IN_FIGURES}|{_YEAR})(?![\w/])\b)\d)")
_PRESENT = rf"(?:{alternation(PRESENT_WORDS)}|present|current(?:ly)?|now|today|ongoing|date)\b"
# Letter-spaced small capitals come out of some text layers as "T O 2021" or, closed up
# with the next word, "TOPRESENT": the connector is still "to" before a date.
_TO = rf"\bto\b|\bt\s?o(?=\s*(?:{_DATE}|{_PRESENT}))|\b(?:{alternation(TO_WORDS)})\b"
_RANGE = re.compile(
    rf"(?P<start>{_DATE})\s*(?:[-–—−]+>?|[→~]|{_TO}|\buntil\b|\btill\b|\bthrough\b)\s*(?P<end>{_DATE}|{_PRESENT})"
    rf"|\b(?:since|{alternation(SINCE_WORDS)})\s+(?P<since>{_DATE})"
    # A start and a dash closing the line: a range still open ("2023-08-01 —").
    rf"|(?P<open>{_DATE})\s*[-–—]+\s*$", re.IGNORECASE)
_SINGLE = re.compile(_DATE, re.IGNORECASE)
_PRESENT_RE = re.compile(_PRESENT, re.IGNORECASE)
# "3 years", "2 yrs 4 mos", in words as date libraries write one ("a month"), and in the
# other languages ("4 ans 5 mois").
_MONTHS_SPENT = rf"months?|mos?|{alternation(DURATION_MONTHS)}"
_DURATION = re.compile(rf"\(?\b(?:\d+|an?)\s+(?:years?|yrs?|{alternation(DURATION_YEARS)}|{_MONTHS_SPENT})"
                       rf"(?:,?\s+\d+\s+(?:{_MONTHS_SPENT}))?\b\)?", re.IGNORECASE)
_PARTS = re.compile(r"[^\W\d_]+|\d+", re.IGNORECASE)


@dataclass(frozen=True)
class DateSpan:
    start: str  # "YYYY-MM", "YYYY" or ""
    end: str
    current: bool
    begin: int  # character offsets of the match in the line
    stop: int


def parse_date(raw: str) -> str:
    """"Sept 2018" -> "2018-09", "06/2019" -> "2019-06", "2021" -> "2021"; "" when unreadable."""
    numeric = _DAY_DATE.fullmatch(raw.strip())
    if numeric:
        return f"{numeric.group(3)}-{_month_of_day_date(int(numeric.group(1)), int(numeric.group(2))):02d}"
    parts = _PARTS.findall(raw.lower())
    month = 0
    year = ""
    for part in parts:
        if part.isdigit():
            if len(part) == 4:
                year = part
            elif month and not year and len(part) == 2:  # "Jan '18"
                year = ("20" if int(part) < 50 else "19") + part
            elif 1 <= int(part) <= 12 and not month:  # "2023-08-01": the day comes after
                month = int(part)
        elif part in FOREIGN_MONTHS:
            month = FOREIGN_MONTHS[part]
        elif part[:3] in _MONTHS:
            month = _MONTHS[part[:3]]
        elif part in _SEASONS:
            month = _SEASONS[part]
    if not year:
        return ""
    return f"{year}-{month:02d}" if month else year


_DAY_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def _month_of_day_date(first: int, second: int) -> int:
    """The month of a date written with its day: the number that cannot be a month's is
    the day; resumes date their entries by the month, and exporters write its first day
    ("01/03/2024" is March in day-first writing, "03/01/2024" in month-first); else the
    day comes first, as most of the world writes it."""
    if first > 12 or (first == 1 and second != 1):
        return second
    if second > 12 or second == 1:
        return first
    return second


# Entry grouping asks about the same lines several times; the answer depends on the line only.
@lru_cache(maxsize=4096)
def find_span(line: str) -> DateSpan | None:
    """The date range of a line, or a single date written at either end of it
    (a date column); None when the line carries no such date."""
    match = _RANGE.search(line)
    if match:
        opened = match.group("since") or match.group("open")
        if opened:
            return DateSpan(parse_date(opened), "", True, match.start(), match.end())
        end_raw = match.group("end")
        current = bool(_PRESENT_RE.fullmatch(end_raw.strip()))
        return DateSpan(parse_date(match.group("start")), "" if current else parse_date(end_raw), current,
                        match.start(), match.end())
    stripped = line.strip(" \t|,–—-()")
    for single in _SINGLE.finditer(stripped):
        if single.start() == 0 or single.end() == len(stripped):
            value = parse_date(single.group())
            offset = line.find(single.group())
            return DateSpan(value, value, False, offset, offset + len(single.group()))
    # A month and year in figures is a date wherever it stands, as in a table's row read
    # as one line ("Bachelor in Physics — 06-2018 Ohio State University"); not in a sentence.
    numeric = _NUMERIC_MONTH.search(line)
    if numeric and not is_prose(line):
        value = parse_date(numeric.group())
        return DateSpan(value, value, False, numeric.start(), numeric.end())
    return None


_NUMERIC_MONTH = re.compile(rf"(?<![\w./-])(?:{_MONTH_YEAR_IN_FIGURES})(?![\w/.-])")


# What a date column holds: dates, month names, "Present" and the dashes between them.
_DATE_PIECES = re.compile(rf"(?:{_DATE}|{_MONTH}|{_PRESENT}|[-–—]|\s)+", re.IGNORECASE)
# A range cut short: ending in a dash ("10/2021–") or a month whose year follows ("Aug").
_CUT_SHORT = re.compile(rf"(?:[-–—]|(?<![\w/.]){_MONTH})\s*$", re.IGNORECASE)


# The rest of a range set on lines of its own: "August 2022" / "— Present".
_OPENS_WITH_DASH = re.compile(r"\s*[-–—]")


def _is_date_piece(line: str) -> bool:
    return bool(line.strip()) and _DATE_PIECES.fullmatch(line) is not None


# A range cut short at the start of a line, before the entry's text beside the date
# column: "12/2017 - Senior Data Scientist", "10/2021 - Pre- Machine Learning Engineer".
_OPEN_BESIDE = re.compile(rf"^(?P<range>{_DATE}\s*[-–—])\s*(?:(?P<part>[^\W\d_]+)-\s)?\s*(?P<rest>\S.*)$",
                          re.IGNORECASE)
# What the next line starts with: the range's end, or the rest of a word hyphenated there.
_END_BESIDE = re.compile(rf"^(?P<end>{_DATE}|[^\W\d_]+)\s+(?P<rest>\S.*)$", re.IGNORECASE)


def join_wrapped_dates(lines: list[str]) -> list[str]:
    """Lines with date ranges that a narrow date column wrapped put back together:
    "Aug", "2023–Present" is "Aug 2023–Present"; "Oct", "2020–Aug", "2023" is
    "Oct 2020–Aug 2023"; "10/2021–", "Present" is "10/2021–Present"; "August 2022",
    "— Present" is "August 2022 — Present". A column read into the lines beside it
    leaves its pieces at their starts: "12/2017 - Senior Data Scientist", "07/2021
    Stellaris Bank" is "12/2017 - 07/2021 Senior Data Scientist",
    "Stellaris Bank"; "10/2021 - Pre- Engineer", "sent Acme" is "10/2021 - Present Engineer".
    A range floated at the right of two lines leaves its end on the second: "Acme 2021-11-01",
    "— Present" and "School 2012-09-01", "Master — 2014-06-01" have their ranges on the first;
    so does one cut after its dash: "Acme, 12/2021 -", "04/2023"."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        beside = _range_beside(previous, line) or _range_reversed(previous, line) or _range_stacked(previous, line)
        tail = _RANGE_TAIL.search(line) if _ends_with_start(previous) else None
        cut = _RANGE_END_OPENING.match(line) if _RANGE_CUT.search(previous) else None
        if beside:
            joined[-1:] = beside
        elif cut:
            joined[-1] = f"{previous.rstrip()} {cut.group('end')}"
            if cut.group("rest"):
                joined.append(cut.group("rest"))
        elif tail:
            joined[-1] = f"{previous.rstrip()} – {tail.group('end')}"
            if line[:tail.start()].strip():
                joined.append(line[:tail.start()])
        elif _is_date_piece(line) and _is_date_piece(previous) and (
                _CUT_SHORT.search(previous) or _OPENS_WITH_DASH.match(line)):
            separator = "" if previous.rstrip()[-1] in "-–—" else " "
            joined[-1] = previous.rstrip() + separator + line.strip()
        else:
            joined.append(line)
    return joined


# A range cut after its dash at the end of a line of text ("Acme, 12/2021 -"), and the end
# that opens the next line ("04/2023", "Present").
_RANGE_CUT = re.compile(rf"\S\s+{_DATE}\s*[-–—]\s*$", re.IGNORECASE)
_RANGE_END_OPENING = re.compile(rf"^\s*(?P<end>{_DATE}|{_PRESENT})\s*(?P<rest>.*)$", re.IGNORECASE)
# The end of a range at the end of a line: "— Present", "Master — 2014-06-01".
_RANGE_TAIL = re.compile(rf"(?:^|\s)[-–—]+\s*(?P<end>{_DATE}|{_PRESENT})\s*$", re.IGNORECASE)


# A date (or "Present") opening a line, before the entry's text beside a date column.
_LEADING_DATE = re.compile(rf"^\s*(?P<date>{_DATE}|{_PRESENT})(?:\s+|(?=[\ue000-\uf8ff]))(?P<rest>\S.*)$",
                           re.IGNORECASE)


def _range_reversed(previous: str, line: str) -> list[str]:
    """[previous, line] with a range whose end opens `previous` and whose start opens
    `line`: a date column that sets the end above the start, each beside a line of the
    entry ("Present Operations Manager, Acme" / "10/2022 Set up reporting"); [] else."""
    above, below = _LEADING_DATE.match(previous), _LEADING_DATE.match(line)
    opening = find_span(previous)  # None for "Present", else the date that opens the line
    if above is None or below is None or opening is not None and (opening.end != opening.start or opening.begin > 0):
        return []
    start, end = find_span(below.group("date")), above.group("date")
    # Below the entry's first line comes its description: a sentence, or a bullet's icon.
    if start is None or start.start != start.end or not (is_prose(below.group("rest"))
                                                          or below.group("rest") >= "\ue000"):
        return []
    later = _PRESENT_RE.fullmatch(end) or (month_index(parse_date(end), end=True) or 0) > (
        month_index(start.start, end=False) or 0)
    if not later:
        return []
    return [f"{below.group('date')} - {end} {above.group('rest')}", below.group("rest")]


def _range_stacked(previous: str, line: str) -> list[str]:
    """[previous] with the range whose start opens `previous` and whose end is `line`, a
    later date or "Present" alone: a date column that stacks a range, the start beside the
    entry's first line and the end below it ("2015 Technical University" / "2018",
    "05/2023 Lead Engineer" / "Present", as a scan that lost the dash reads it); [] else.
    A month alone is left to the other joins: "Aug 2019 Engineer" / "Dec" is a wrapped range."""
    opening, below = _LEADING_DATE.match(previous), _LONE_END.fullmatch(line.strip())
    if opening is None or below is None or _OPENS_WITH_DASH.match(opening.group("rest")):
        return []  # "Jan 2018 – Aug" / "2021" is a range wrapped inside its end
    start = find_span(opening.group("date"))
    if start is None or start.current or start.start != start.end:
        return []
    if not _PRESENT_RE.fullmatch(line.strip()):
        end = find_span(line)
        if end is None or end.start != end.end or \
                (month_index(end.start, end=True) or 0) <= (month_index(start.start, end=False) or 0):
            return []
    return [f"{opening.group('date')} - {line.strip()} {opening.group('rest')}"]


_LONE_END = re.compile(f"{_DATE}|{_PRESENT}", re.IGNORECASE)


def _ends_with_start(line: str) -> bool:
    """Whether the line ends with a date alone, no range: the start of one floated beside it."""
    span = find_span(line)
    return span is not None and span.start == span.end and not line[span.stop:].strip() and span.begin > 0


def _range_beside(previous: str, line: str) -> list[str]:
    """[previous, line] with the end of the range that opens `previous` taken from the
    start of `line`; [] when they do not hold a range wrapped beside text. A date alone
    above a line that starts with a later one is a timeline's bar: its start above, its
    end below ("2021" / "2024 Senior Data Scientist")."""
    opened, ending, span = _OPEN_BESIDE.match(previous.strip()), _END_BESIDE.match(line.strip()), find_span(previous)
    if ending is None or span is None or span.current or span.end != span.start:
        return []
    if opened is None:
        end_span = find_span(ending.group("end"))
        if not _is_date_piece(previous) or end_span is None or (month_index(end_span.start, end=False) or 0) \
                < (month_index(span.start, end=False) or 0):
            return []
        return [f"{previous.strip()} - {ending.group('end')} {ending.group('rest')}"]
    end = (opened.group("part") or "") + ending.group("end")
    if not re.fullmatch(f"{_DATE}|{_PRESENT}", end, re.IGNORECASE):
        return []
    return [f"{opened.group('range')} {end} {opened.group('rest')}", ending.group("rest")]


def strip_dates(line: str) -> str:
    """The line without its date span and durations such as "2 years 10 months"."""
    span = find_span(line)
    if span:
        line = line[:span.begin] + " " + line[span.stop:]
    return _DURATION.sub(" ", line)


def is_duration(line: str) -> bool:
    return bool(_DURATION.fullmatch(line.strip()))


def month_index(value: str, *, end: bool) -> int | None:
    """Months since year 0; a bare year counts from January, or to December when it ends a range."""
    if not value:
        return None
    year, _, month = value.partition("-")
    return int(year) * 12 + (int(month) if month else (12 if end else 1)) - 1


def today_index(today: date) -> int:
    return today.year * 12 + today.month - 1
