"""Name, emails, phones, links and location from the top of the resume."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from common.proto.resume.v1 import resume_pb2

from .addresses import EMAIL, is_web_address
from .contact_items import beside_addresses, contact_segments, is_contact_item
from .entries import BULLET
from .languages import country_of
from .links import contact_links
from .names import best_name, is_name, name_among
from .phones import PHONE_LABEL, digits_of, phones_in
from .places import country_code, is_location, is_spaced_place
from .prose import is_prose

# Contact details sit in the first lines; later lines of the top block are prose or
# stray content and are left alone.
_CONTACT_LINES = 10
# How far into the resume lines of contact items are looked for (see is_contact_item).
_ITEM_LINES = 40
# Lines of a contact block around an email or a phone, each side.
_BLOCK = 2
# A short label before a web address listed on its own line ("GitHub:", "Personal website:").
_LINK_LABEL = re.compile(r"^(?:[^\W\d_]+ ?){1,3}:\s*")


@dataclass(frozen=True)
class ContactResult:
    contact: resume_pb2.Contact
    # Email or phone found only in page headers/footers, which many parsers skip.
    only_in_header: bool
    found_in_body: bool


def contact_lines(top_lines: list[str]) -> list[str]:
    # Some templates put the summary between the name and the contact details. A name
    # with many particles ("María José von und zu Santos") is as lower-case as a sentence.
    return [line for line in top_lines[:_CONTACT_LINES]
            if not is_prose(line) or EMAIL.search(line) or is_name(line.split())]


def extract_contact(body_contact: list[str], header_text: str, body_text: str,
                    links: tuple[str, ...], display: Sequence[str] = (), language: str = "") -> ContactResult:
    """Contact details from the contact lines of the body (see contact_lines), the page
    headers and footers, and the link targets; the whole text is searched only for an
    email, labelled phone numbers and the name, which is first looked for among the
    `display` lines (set large at the top of the page, largest first). A phone number
    without its country code is read in the country of the location, else in the country
    of the resume's `language` (languages.country_of: "de" is Germany)."""
    header_lines = [line.strip() for line in header_text.splitlines() if line.strip()]
    # Sidebars and "About" blocks hold the details away from the top: lines made only
    # of contact items count wherever they are in the first part of the resume.
    body_lines = body_text.splitlines()
    first = body_lines[:_ITEM_LINES]
    items = [line for line in first if line not in body_contact and is_contact_item(line)]
    segments = contact_segments(body_contact + header_lines + items)
    # A place among those items is the candidate's first where it stands in a block beside
    # an email or a phone, not where it ends an entry's "Company, City" line.
    beside = [line for index, line in enumerate(first) if line in items and any(
        "@" in other or phones_in(other, None) for other in first[max(index - _BLOCK, 0):index + _BLOCK + 1])]
    location = next((place for lines in (body_contact + header_lines + beside, items)
                     for place in map(beside_addresses, contact_segments(lines))
                     if is_location(place) or is_spaced_place(place)), "")

    body_block = "\n".join(body_contact)
    header_block = "\n".join(header_lines)
    # A link's target gives an email or a phone only where the text shows none (an
    # icon alone on the page), or only the tail of one a narrow column broke ("mar-" /
    # "cus.whitfield@..."). Beside the text's own, it is at best the same one written
    # otherwise, at worst scrambled for a script that unscrambles it in a browser.
    shown = _unique(EMAIL.findall(body_block) + EMAIL.findall(header_block))
    targets = _unique(_targets(links, "mailto:"))
    emails = _whole(shown + [target for target in targets if _completes(target, shown)]) \
        or _whole(targets) or EMAIL.findall(body_text)[:1]
    labelled = [line for line in body_lines if PHONE_LABEL.search(line)]
    # Web addresses listed on lines of their own anywhere, bare or after a short label: a
    # "Links" or "Miscellaneous" section at the end ("- GitHub: https://github.com/jdoe").
    listed = [line for line in body_lines if line not in body_contact and line not in items and _listed_address(line)]
    region = (country_code(location) if location else None) or country_of(language)
    phones = phones_in("\n".join([body_block, header_block, *items, *labelled]), region) \
        or phones_in("\n".join(_targets(links, "tel:")), region)

    in_body = any(email in body_text for email in emails) or any(
        digits_of(phone) in digits_of(body_text) for phone in phones)
    in_header = any(email in header_block for email in emails) or any(
        digits_of(phone) in digits_of(header_block) for phone in phones)
    contact = resume_pb2.Contact(
        name=best_name(name_among(list(display)) or name_among(body_contact) or name_among(header_lines),
                       body_lines, emails),
        emails=emails,
        phones=phones,
        links=contact_links(segments, "\n".join([body_block, header_block, *items, *listed]), links, emails),
        location=location,
    )
    return ContactResult(contact, only_in_header=in_header and not in_body, found_in_body=in_body)


def _listed_address(line: str) -> bool:
    item = _LINK_LABEL.sub("", BULLET.sub("", line.strip()), count=1).strip()
    return is_web_address(item)


def _targets(links: tuple[str, ...], scheme: str) -> list[str]:
    """The addresses of the links of a scheme ("mailto:", "tel:"), without "//", spaces
    ("mailto: jo@example.com") or a query, percent-escapes decoded ("tel:+91%2098729%2025749")."""
    return [unquote(link[len(scheme):]).strip().lstrip("/").split("?")[0] for link in links
            if link.lower().startswith(scheme)]


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return list(seen.values())


def _tail_of(tail: str, address: str) -> bool:
    """Whether `tail` is what a narrow column left of `address` after breaking it."""
    return tail.lower() != address.lower() and address.lower().endswith(tail.lower())


def _completes(address: str, shown: list[str]) -> bool:
    """Whether the address is whole where one of the `shown` addresses is its broken tail."""
    return any(_tail_of(tail, address) for tail in shown)


def _whole(emails: list[str]) -> list[str]:
    """The addresses without the tails of those a narrow column broke ("mar-" /
    "cus.whitfield@example.com" beside the link to "marcus.whitfield@example.com")."""
    return [email for email in emails if not any(_tail_of(email, other) for other in emails)]
