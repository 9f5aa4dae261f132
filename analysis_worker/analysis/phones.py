"""Phone numbers as resumes write them, read in E.164 where their digits allow."""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

# A number starts where no word does; a CJK character is OCR's reading of an icon before it.
PHONE = re.compile(r"(?<![/.]|[^\W\u2e80-\u9fff])(?:\+|00)?\(?\d[\d\s().\-–]{5,}\d(?![\w/])")
# The labels of a phone number, in the languages resumes are read in.
PHONE_LABEL = re.compile(r"\b(?:phone|t[eé]l[eé]phone|telefon[eo]?|tel[eé]fono|t[eé]l|mobile?|m[oó]vil|cell|mob)\b",
                         re.IGNORECASE)
_NORTH_AMERICAN = re.compile(r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}")
# Year ranges and dates ("2019-2021", "2022-02-01", "2019/03/15") have a phone's digits.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|^(?:19|20)\d\d([-/.])[01]\d\1[0-3]\d$")


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


def phones_in(text: str, region: str | None) -> list[str]:
    """Every number written where a phone goes, in E.164 when its digits allow one.

    A well-formed number that no carrier uses ("(909) 555-5555", "123-456-7890") is
    still the number the candidate wrote: validity is not a reason to drop it. A
    number without a country code is read in the country of the location, or in the
    North American plan when it has that plan's shape."""
    phones = []
    for match in written_numbers(text):
        raw = match.group().strip()
        number = _parsed(raw, region, north_american=is_north_american(raw))
        phones.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if number
                      else " ".join(raw.split()))
    return list(dict.fromkeys(phones))


def written_numbers(text: str) -> Iterator[re.Match[str]]:
    """The runs of digits of `text` with a phone's length, but year ranges and dates."""
    for match in PHONE.finditer(text):
        raw = match.group().strip()
        if 7 <= len(digits_of(raw)) <= 15 and not _YEAR_RANGE.search(raw):
            yield match


def is_north_american(raw: str) -> bool:
    return bool(_NORTH_AMERICAN.fullmatch(raw))


def _parsed(raw: str, region: str | None, north_american: bool) -> phonenumbers.PhoneNumber | None:
    """The number in the location's country; but a number in the North American shape
    ("607.379.5733") without the trunk prefix its digits would need there (Germany's and
    Britain's "0") or that is no valid number there, and that is a valid North American
    one, is read in that plan: people keep their US or Canadian number when they move.
    Without a location, the North American shape is read in that plan, valid or not."""
    local = _possible(raw, region)
    if north_american and (local is None or not phonenumbers.is_valid_number(local)
                           or not digits_of(raw).startswith(_trunk_prefix(region))):
        american = _possible(raw, "US")
        if american is not None and (local is None or phonenumbers.is_valid_number(american)):
            return american
    return local


def _trunk_prefix(region: str | None) -> str:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    return (metadata.national_prefix or "") if metadata else ""


def _possible(raw: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(raw, None if raw.startswith(("+", "00")) else region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_possible_number(number) else None

