"""Recognising a place ("Austin, TX", "Istanbul, Türkiye", "Remote") and its country."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

_DATA = json.loads((Path(__file__).parent / "data" / "places.json").read_text(encoding="utf-8"))

# Lower-cased region name or code -> ISO 3166 country code.
_REGIONS: dict[str, str] = {}
for _code, _name in _DATA["us_states"].items():
    _REGIONS[_code.lower()] = _REGIONS[_name.lower()] = "US"
for _code, _name in _DATA["canadian_provinces"].items():
    _REGIONS.setdefault(_code.lower(), "CA")
    _REGIONS[_name.lower()] = "CA"
_COUNTRIES = {name.lower(): code for name, code in _DATA["countries"].items()}
_REGIONS.update(_COUNTRIES)

_WORK_MODES = {"remote", "hybrid", "on-site", "onsite", "worldwide", "anywhere"}


@lru_cache(maxsize=4096)  # asked repeatedly about the same title lines while grouping entries
def is_location(text: str) -> bool:
    """True for "City, Region", "City, Region, Country", a bare country, or a work mode.

    The last part must be a known state, province or country: "Princeton University,
    Computer Science" has the same shape as "Princeton, NJ"."""
    text = text.strip().rstrip(".")
    lowered = text.lower()
    if lowered in _WORK_MODES or lowered in _COUNTRIES:
        return True
    parts = [part.strip() for part in text.split(",")]
    if not 2 <= len(parts) <= 3:
        return False
    if any(not part or not part[0].isupper() or len(part.split()) > 4 or any(ch.isdigit() for ch in part)
           for part in parts):
        return False
    return parts[-1].lower() in _REGIONS


def country_code(location: str) -> str | None:
    """ISO country code of a location recognised by is_location, if it tells one."""
    last = location.strip().rstrip(".").split(",")[-1].strip().lower()
    return _REGIONS.get(last)
