"""The reference date a submission may name (`as_of`, the job's `asOf`): "YYYY-MM-DD"."""

from __future__ import annotations

import re
from datetime import date, timedelta

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_as_of(text: str, today: date) -> date:
    """The date, or ValueError with a sentence for the caller. Up to tomorrow is allowed:
    a caller east of UTC may already be a day ahead."""
    if not _ISO_DAY.fullmatch(text):
        raise ValueError(f"must be a date written YYYY-MM-DD, e.g. {today.isoformat()}")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text} is not a date of the calendar") from None
    if day > today + timedelta(days=1):
        raise ValueError(f"{text} is in the future; give today's date ({today.isoformat()}) or an earlier one")
    return day
