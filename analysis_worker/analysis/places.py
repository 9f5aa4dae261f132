"""Recognising a place ("Austin, TX", "Istanbul, Türkiye", "Remote") and its country."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .roles import TITLE_WORDS
from .skills import canonical_skill

_DATA = json.loads((Path(__file__).parent / "data" / "places.json").read_text(encoding="utf-8"))

# Lower-cased region name or code -> ISO 3166 country code.
_REGIONS: dict[str, str] = {}
for _code, _name in _DATA["us_states"].items():
    _REGIONS[_code.lower()] = _REGIONS[_name.lower()] = "US"
for _code, _name in _DATA["canadian_provinces"].items():
    _REGIONS.setdefault(_code.lower(), "CA")
    _REGIONS[_name.lower()] = "CA"
for _name in _DATA["indian_states"]:
    _REGIONS[_name.lower()] = "IN"
for _code, _name in _DATA["australian_states"].items():
    _REGIONS.setdefault(_code.lower(), "AU")  # "WA" stays Washington
    _REGIONS[_name.lower()] = "AU"
_COUNTRIES = {name.lower(): code for name, code in _DATA["countries"].items()}
_REGIONS.update(_COUNTRIES)
# ISO codes as templates print them ("Lyon, FR"); where a code is also a US state's
# ("DE", "IN", "CA"), the state is kept.
_COUNTRY_CODES = set(_COUNTRIES.values())
for _code in _COUNTRY_CODES:
    _REGIONS.setdefault(_code.lower(), _code)

_WORK_MODES = {"remote", "hybrid", "on-site", "onsite", "worldwide", "anywhere"}
_STATE_CODES = {code.lower() for group in ("us_states", "canadian_provinces", "australian_states")
                for code in _DATA[group]}
# A postcode after a state's code: US ("78701", "78701-1234"), Australian ("2000"),
# Canadian ("M5V 2T6"), at the end of the place.
_POSTCODE = re.compile(r"\s+(?:\d{4,5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)$")

# A place printed right after a name with nothing but a space between them ("Acme Corp
# Berlin, Germany": a right-aligned column read into the same line) is told apart by
# taking the city as the last word, extended over words that usually begin or end a
# multi-word city name. Cities outside these patterns ("Menlo Park" is covered,
# "Winston-Salem" too, "Thousand Oaks" not) lose their first words to the name.
_CITY_FIRST_WORDS = {
    "san", "santa", "santo", "são", "sao", "new", "los", "las", "el", "la", "le", "saint", "st", "ste", "fort",
    "port", "mount", "mountain", "palo", "round", "cape", "des", "baton", "boca", "grand", "little", "long", "hong",
    "tel", "buenos", "kuala", "abu", "ann", "salt", "belo", "porto", "rio", "costa", "chapel", "college", "ho", "chi",
    "den", "the", "kansas", "oklahoma", "jersey", "carson", "panama", "mexico", "quebec", "sankt", "bad", "cedar",
    "stony", "menlo", "redwood", "sioux", "coral", "overland", "cherry", "colorado", "palm", "virginia", "north",
    "south", "east", "west", "upper", "lower", "great", "ciudad", "addis", "dar", "hamilton", "silver", "beverly",
}
_CITY_LAST_WORDS = {
    "city", "beach", "springs", "falls", "park", "hill", "hills", "heights", "rapids", "valley", "view", "harbor",
    "harbour", "haven", "island", "bay", "creek", "grove", "lake", "point", "station", "gables", "town", "village",
}
_PLACE_PARTICLES = {"de", "do", "da", "dos", "das", "del", "di", "am", "an", "der", "upon", "on", "sur", "en", "es",
                    "y", "im", "la", "le"}
_CITY_PARTICLES = _PLACE_PARTICLES | {"of"}
_ORGANISATION_WORDS = {
    "university", "college", "institute", "school", "academy", "polytechnic", "universidad", "universidade",
    "université", "universität", "politecnico", "inc", "inc.", "llc", "ltd", "ltd.", "gmbh", "corp", "corp.",
    "corporation", "company", "bank", "hospital", "labs", "technologies", "group", "clinic", "studio", "studios",
}


# A place with its country's code in brackets after it.
_BRACKETED_CODE = re.compile(r"(.+?),?\s*\(([A-Z]{2})\)")


@lru_cache(maxsize=4096)  # asked repeatedly about the same title lines while grouping entries
def is_location(text: str) -> bool:
    """True for "City, Region", "City, Region, Country", a bare country, or a work mode.

    The last part must be a known state, province or country: "Princeton University,
    Computer Science" has the same shape as "Princeton, NJ"."""
    text = text.strip().rstrip(".")
    lowered = text.lower()
    if lowered in _WORK_MODES or lowered in _COUNTRIES:
        return True
    coded = _BRACKETED_CODE.fullmatch(text)
    if coded and coded.group(2) in _COUNTRY_CODES and canonical_skill(coded.group(1)) is None:
        # "Milan, (IT)", "Riverside, CA (US)"; "Python (ML)" is a skill's
        return is_location(f"{coded.group(1)}, {coded.group(2)}") or is_location(coded.group(1))
    parts = [part.strip() for part in text.split(",")]
    if not 2 <= len(parts) <= 3:
        return False
    if any(not part or len(part.split()) > 4 or any(ch.isdigit() for ch in part) for part in parts):
        return False
    # Place names capitalise every word but particles: "University of Hamburg Hamburg,
    # Germany" is an institution and its city read into one line.
    if any(not word[0].isupper() and word not in _PLACE_PARTICLES for part in parts for word in part.split()):
        return False
    if any(word.lower() in _ORGANISATION_WORDS for part in parts for word in part.split()[1:]):
        return False  # "Stanford University Stanford, CA" ("College Station, TX" is a city)
    if len(parts[0].split()) > 1 and any(word.lower() in TITLE_WORDS for word in parts[0].split()):
        return False  # "Backend Engineer Kraków, Poland": a title and its city read into one line
    return parts[-1].lower() in _REGIONS or _ends_with_code(parts[-1])


def _ends_with_code(text: str) -> bool:
    """"CO US", "Utrecht NL": a region followed by its country's code. A skill such as
    "Power BI" has the same shape ("BI" is Burundi's code) and is no place."""
    words = text.split()
    return len(words) >= 2 and words[-1] in _COUNTRY_CODES and canonical_skill(text) is None


def is_spaced_place(text: str) -> bool:
    """"Athens GR", "Utrecht Utrecht NL", "Sydney NSW 2000", "Toronto ON M5V 2T6": a place
    some templates and address habits print without commas, a country's or a state's code
    last but for a postcode. Only asked of contact details, where no job title ("Director
    IT") stands."""
    words = _without_postcode(text)
    return 2 <= len(words) <= 4 and (_ends_with_code(" ".join(words)) or _ends_with_state(words)) and all(
        word[0].isupper() and word.replace("-", "").isalpha() for word in words)


def _without_postcode(text: str) -> list[str]:
    return _POSTCODE.sub("", text.strip()).split()


def _ends_with_state(words: list[str]) -> bool:
    """Ends with a state's or province's code, as addresses print it: "NSW", "ON", "TX";
    a skill of that shape ("SAP SD") is no place."""
    return words[-1].isupper() and words[-1].lower() in _STATE_CODES and canonical_skill(" ".join(words)) is None


def _city_start(words: list[str]) -> int:
    """Index of the first word of the city name that ends `words`."""
    start = len(words) - 1
    while start > 0:
        previous, current = words[start - 1].lower().rstrip("."), words[start].lower()
        if previous in _CITY_FIRST_WORDS or previous in _CITY_PARTICLES or current in _CITY_LAST_WORDS \
                or current in _CITY_PARTICLES:
            start -= 1
        else:
            break
    return start


def split_place(text: str) -> tuple[str, str] | None:
    """(name, place) of a name followed by a place: "Acme, Berlin, Germany",
    "Acme Berlin, Germany", "Acme Remote"; None when the text does not end that way."""
    pieces = [piece.strip() for piece in text.strip().rstrip(".").split(",")]
    if len(pieces) == 1:
        words = text.split()
        if len(words) >= 2 and words[-1].lower() in _WORK_MODES:
            return " ".join(words[:-1]), words[-1]
        return None
    if pieces[-1].lower() not in _REGIONS:
        return None
    # "Acme, New York, NY" names a city and its state; "Austin, Texas, USA" a city, state and country.
    city_state = pieces[-2].lower() not in _REGIONS or pieces[-1].lower() not in _COUNTRIES
    if len(pieces) >= 3 and city_state and is_location(", ".join(pieces[-2:])):
        return ", ".join(pieces[:-2]), ", ".join(pieces[-2:])
    words = pieces[-2].split()
    start = _city_start(words)
    if start == 0:
        return None
    place = " ".join(words[start:]) + ", " + pieces[-1]
    return (", ".join(pieces[:-2] + [" ".join(words[:start])]), place) if is_location(place) else None


def country_code(location: str) -> str | None:
    """ISO country code of a location recognised by is_location or is_spaced_place, if it tells one."""
    last = location.strip().rstrip(".").split(",")[-1].strip()
    words = _without_postcode(last)
    # A country's code first, as is_spaced_place asks: "Chennai IN" is in India, not Indiana.
    if _ends_with_code(" ".join(words)):
        return words[-1]
    if _ends_with_state(words):
        return _REGIONS[words[-1].lower()]
    return _REGIONS.get(last.lower())
