"""The items of contact lines: an email, a phone, a web address or a place, between
icons, bars and wide spaces."""

from __future__ import annotations

import re

from .addresses import EMAIL, URL
from .phones import PHONE
from .places import is_location, is_spaced_place

# Contact lines separate their items with icons, bars, bullets, or wide spaces.
CONTACT_SEPARATOR = re.compile(r"\s*(?:[\ue000-\uf8ff|•·◦◆▪●■\t]|\s{2,}|\s[-–—]\s)\s*")
# A label a column of labels sets before the place ("Home Milan, Italy").
_PLACE_LABEL = re.compile(r"^(?:home|address|location|residence|based in|lives in)\b\s*:?\s*", re.IGNORECASE)
_ICON_LETTER = re.compile(r"^[^\W\d_]\s+(?=\S)")
_EMPTY_PART = re.compile(r"\s*,\s*(?:,\s*)*")
_BRACKETED_PART = re.compile(r"\s*\(([^()]+)\)")


def is_contact_item(line: str) -> bool:
    """A line holding contact details only: an email, a phone, a web address, a place,
    each alone or with icons and separators ("\ue000 Munich, DE \ue000 +49 151 ...")."""
    segments = [segment.strip() for segment in CONTACT_SEPARATOR.split(line) if segment.strip()]
    return bool(segments) and all(
        EMAIL.fullmatch(segment) or URL.fullmatch(segment) or PHONE.fullmatch(segment)
        or is_location(segment) or is_spaced_place(segment) or _addresses_alone(segment) for segment in segments)


def _addresses_alone(segment: str) -> bool:
    """Addresses and numbers with nothing around them but glyphs standing alone: on a scan
    OCR reads the separator or the icon before an item as a letter or a sign, or not at
    all ("C +353 87 244 6100", "口 +49 151 1561 8658", "(303)555-0193 MEGAN.SULLIVAN@...")."""
    rest = PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", segment)))
    return rest != segment and all(len(glyph) == 1 for glyph in rest.split())


def contact_segments(lines: list[str]) -> list[str]:
    """The items of the lines, without the letters that stand for icons: icons of a font
    without a Unicode map come out as letters before each item ("B Austin, TX", "T (512)
    555-0134"), and a letter alone opening several items is one."""
    segments = [segment for line in lines for segment in CONTACT_SEPARATOR.split(line) if segment]
    if sum(bool(_ICON_LETTER.match(segment)) for segment in segments) >= 2:
        segments = [_ICON_LETTER.sub("", segment) for segment in segments]
    return segments


def beside_addresses(segment: str) -> str:
    """The segment without the email and web addresses or phone numbers on it, nor the
    label before a colon they leave: a place printed beside a link or a number on a line
    without separators ("linkedin.com/in/jdoe Columbus, OH", "Kraków, Poland +48 512 192
    851"), or after a label ("Home Milan, Italy"); without the empty part a template
    leaves for a missing region ("Athens, , GR"), and with a bracketed part as one more
    ("Denver, CO (US)" is "Denver, CO, US")."""
    stripped = PHONE.sub(" ", URL.sub(" ", EMAIL.sub(" ", segment)) if "." in segment else segment)
    place = stripped.split(":")[-1].strip() if stripped != segment else segment.strip()
    return _EMPTY_PART.sub(", ", _BRACKETED_PART.sub(r", \1,", _PLACE_LABEL.sub("", place))).strip(" ,")

