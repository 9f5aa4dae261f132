"""What identifies a candidate in their resume, found to be masked (README, Redaction): the
name, emails, phones, links, the address, date of birth, age, gender words, marital status
and nationality. English words only, as the rest of the analysis reads English.

Finding errs on the side of masking: a name word is masked wherever it stands ("Ruby
Chen" masks the language too), and a street line or a labelled field whole. Words that are
gendered or say a marital status only in some uses ("single", "separated", "engaged") are
masked only after their label ("Marital status: single").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from google.protobuf import json_format

from common.proto.resume.v1 import resume_pb2
from common.redaction import Masked, Redacted, Redaction, map_free_text, mask, occurrences

from ..document import ExtractedDocument
from .addresses import EMAIL, URL
from .names import NAME_PARTICLES
from .normalise import normalise_text
from .phones import PHONE_LABEL, digits_of, is_north_american, written_numbers

# Between the page headers' and footers' text and the body in the redacted text.
HEADER_SEPARATOR = "\n\n"
_MONTHS = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"))
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date of birth as resumes write it: "12 March 1990", "March 12, 1990", "12/03/1990",
# "1990-03-12", "12.03.90", or a year alone.
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
         r"|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d)")
# A field's value: up to the end of the line or of a sentence, a separator of contact
# items, two spaces, or the next field's label ("Age: 34, Gender: female").
_VALUE = r"[^\n|•·;]+?(?=\s*(?:[|•·;\n]|\s\s|$)|[,.]?\s+[A-Za-z][\w ]{0,25}:|\.\s)"
_LABEL_GAP = r"\s*[:\-–]?\s*"
# Capitalised words, as a place is written ("born in Lagos", "citizen of New Zealand").
_PLACE = r"[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*)*"
# Each pattern is case-insensitive where (?i:) says so: a capital tells a name or a title.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.MULTILINE)) for kind, pattern in (
        ("DATE_OF_BIRTH", rf"(?i:\b(?:date\s+of\s+birth|birth\s*date|d\.?o\.?b\.?|born(?:\s+on|\s+in)?)"
                          rf"{_LABEL_GAP}{_DATE})(?![\w/.-])"),
        ("NATIONALITY", rf"(?i:\b(?:nationality|citizenship|place\s+of\s+birth|country\s+of\s+birth)"
                        rf"{_LABEL_GAP}{_VALUE})"),
        ("NATIONALITY", rf"(?i:\b(?:born\s+in|citizen\s+of))\s+{_PLACE}"),
        # "U.S. citizen", "Indian citizenship"
        ("NATIONALITY", r"\b[A-Z][\w.]*\s+(?i:citizen(?:ship)?)\b"),
        ("AGE", rf"(?i:\bage{_LABEL_GAP}\d{{1,2}}\b(?:\s+years?)?)"),
        ("AGE", r"(?i:\baged\s+\d{1,2}\b)"),
        ("AGE", r"(?i:\b\d{1,2}[\s-]*(?:years?|yrs?)[\s-]*old\b|\b\d{1,2}\s*y/?o\b)"),
        ("GENDER", rf"(?i:\b(?:gender|sex){_LABEL_GAP}{_VALUE})"),
        ("MARITAL_STATUS", rf"(?i:\b(?:marital|civil|family)\s+status{_LABEL_GAP}{_VALUE})"),
        ("MARITAL_STATUS", r"(?i:\b(?:married|unmarried|divorced|widowed|widow|widower|spouse"
                           r"|civil\s+partnership)\b)"),
        # Pronouns and gendered words; "man" and "men" not before a hyphen ("man-hours").
        ("GENDER", r"(?i:\b(?:male|female|women|woman|(?:man|men)(?!-)|he|she|him|her|his|hers|himself|herself"
                   r"|gentleman|lady|boy|girl|transgender|non-binary|nonbinary)\b)"),
        # Titles only as titles, capitalised before a name: "ms" is also milliseconds.
        ("GENDER", r"\b(?:Mr|Mrs|Ms|Mx|Miss)\b\.?(?=\s+[A-Z])"),
        # A street address: a house number, capitalised words, the kind of street, and the
        # rest of its line (town, postcode).
        ("ADDRESS", r"\b\d{1,5}[A-Za-z]?,?\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln"
                    r"|Boulevard|Blvd|Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Terrace|Way|Close|Crescent|Highway"
                    r"|Hwy|Parkway|Pkwy|Strasse|Straße)\b\.?[^\n|•·;]*"),
        # Not an email or web address ("Email address: ...").
        ("ADDRESS", rf"(?i:(?<!mail\s)(?<!web\s)\b(?:home\s+|postal\s+)?(?:address|residence|lives\s+in)"
                    rf"{_LABEL_GAP}{_VALUE})"),
    ))

# An address a narrow column broke ("caleb.brennan@exampl" / "e.com"), which EMAIL, asking
# for a whole domain, misses: the part with "@" and the next line when it is only the rest.
_BROKEN_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*(?:\n[A-Za-z0-9.-]+$)?",
                           re.MULTILINE)


def redaction_of(document: ExtractedDocument, analysis: resume_pb2.ResumeAnalysis) -> Redaction:
    """The document's text and the analysis without what identifies the candidate. The
    employers and institutions stay, for the gateway to mask on request."""
    header = normalise_text(document.header_text).strip()
    body = normalise_text(document.text)
    redacted = redact_text(f"{header}{HEADER_SEPARATOR}{body}" if header else body, analysis.contact)
    cleared = resume_pb2.ResumeAnalysis()
    cleared.CopyFrom(analysis)
    cleared.ClearField("contact")
    cleared.contact.SetInParent()  # present and empty, as every field of the stored JSON
    # Where the contact details stand would tell them as well as their text.
    kept = [evidence for evidence in analysis.evidence if not evidence.field.startswith("contact.")]
    cleared.ClearField("evidence")
    cleared.evidence.extend(kept)
    as_json = json_format.MessageToDict(cleared, always_print_fields_with_no_presence=True)
    return Redaction(map_free_text(as_json, lambda text: redact_text(text, analysis.contact).text, names=True),
                     redacted.text, redacted.spans)


def redact_text(text: str, contact: resume_pb2.Contact) -> Redacted:
    """The text with the contact's details and every personal detail found masked."""
    return mask(text, find_personal(text, contact))


def find_personal(text: str, contact: resume_pb2.Contact) -> list[Masked]:
    """Every passage of `text` that identifies the candidate, of the contact's details and
    of the kinds the patterns find; they may overlap (mask joins them)."""
    found = [Masked(m.start(), m.end(), "EMAIL") for pattern in (EMAIL, _BROKEN_EMAIL) for m in pattern.finditer(text)]
    found += occurrences(text, contact.emails, "EMAIL")
    found += [Masked(m.start(), m.end(), "LINK") for m in URL.finditer(text) if _is_address(m.group())]
    found += occurrences(text, _link_forms(link.url for link in contact.links), "LINK")
    found += _phones(text, contact.phones)
    found += _names(text, contact.name)
    if contact.location:
        found += occurrences(text, [contact.location], "ADDRESS")
    found += [Masked(m.start(), m.end(), kind) for kind, pattern in _PATTERNS for m in pattern.finditer(text)]
    return found


def _is_address(url: str) -> bool:
    """A web address beyond doubt: a scheme, "www." or a path. A bare "name.tld" is also
    how technologies are named ("ASP.NET", "socket.io"); the contact's own site is masked
    as the analysis found it."""
    return "://" in url or url.lower().startswith("www.") or "/" in url


def name_words(name: str) -> list[str]:
    """The words of the name to mask wherever they stand: each part, and hyphenated parts
    whole and apart; not particles ("van", "de") nor initials, which are everyday words."""
    words = []
    for part in name.split():
        part = part.strip(".,()\"'")
        words += [part, *part.split("-")] if "-" in part else [part]
    return [word for word in dict.fromkeys(words) if len(word) >= 2 and word.lower() not in NAME_PARTICLES]


def _names(text: str, name: str) -> list[Masked]:
    """The whole name in any case; its words where they are capitalised or in capitals, as
    names are written: in lower case, "will", "grant" and "rose" are everyday words. A word
    that is a month ("June") is left where it dates something ("June 2019")."""
    found = occurrences(text, [name], "NAME") if name else []
    for passage in occurrences(text, name_words(name), "NAME"):
        written = text[passage.start:passage.end]
        if written.islower() or written.lower() in _MONTHS and re.match(r"[\s,]*\d", text[passage.end:]):
            continue
        found.append(passage)
    return found


def _link_forms(urls: Iterable[str]) -> list[str]:
    """Each link as written without its scheme and "www.", and its last path part (the
    handle a template shows beside an icon)."""
    forms = []
    for url in urls:
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE).rstrip("/")
        handle = bare.rsplit("/", 1)[-1] if "/" in bare else ""
        forms += [bare] + ([handle] if len(handle) >= 3 else [])
    return forms


def _phones(text: str, phones: Iterable[str]) -> list[Masked]:
    """Numbers of a phone's length that are the contact's numbers, with or without the
    country code and trunk prefix, or that look like a phone: an international prefix,
    the North American shape, or a phone label on their line."""
    known = [digits_of(phone) for phone in phones]
    found = []
    for match in written_numbers(text):
        raw = match.group().strip()
        national = digits_of(raw).lstrip("0")
        line = text[text.rfind("\n", 0, match.start()) + 1:match.end()]
        if (len(national) >= 6 and any(number.endswith(national) for number in known) or raw.startswith(("+", "00"))
                or is_north_american(raw) or PHONE_LABEL.search(line)):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            found.append(Masked(start, start + len(raw), "PHONE"))
    return found
