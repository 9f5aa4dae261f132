"""The resume score: how complete the resume is and how well a machine can read it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from common.proto.resume.v1 import resume_pb2

_GARBLED = re.compile("[\ufffd\ue000-\uf8ff]")
# Below this many characters a resume has too little text to be analysed well.
_MIN_CHARACTERS = 500
# Ratio of undecodable glyphs at which the text counts as unreadable.
_UNREADABLE_RATIO = 0.1

_CONTACT_FIELDS = (("name", 30), ("email", 30), ("phone", 20), ("location", 10), ("profile link", 10))
_SECTION_FIELDS = (("experience", 35), ("education", 25), ("skills", 25), ("summary", 15))


def _part(name: str, score: float, weight: float, reason: str,
          parts: Sequence[resume_pb2.ScorePart] = ()) -> resume_pb2.ScorePart:
    return resume_pb2.ScorePart(name=name, score=round(max(0.0, min(100.0, score))), weight=weight,
                                reason=reason, parts=parts)


def _weighted(parts: list[resume_pb2.ScorePart]) -> float:
    return sum(part.score * part.weight for part in parts)


def _presence(name: str, weight: float, fields: tuple[tuple[str, int], ...], present: set[str]) -> resume_pb2.ScorePart:
    found = [field for field, _ in fields if field in present]
    missing = [field for field, _ in fields if field not in present]
    reason = f"Found: {', '.join(found) or 'nothing'}."
    if missing:
        reason += f" Missing: {', '.join(missing)}."
    return _part(name, sum(points for field, points in fields if field in present), weight, reason)


def score_resume(result: resume_pb2.ResumeAnalysis, text: str, contact_in_body: bool) -> resume_pb2.Score:
    contact = result.contact
    present = {field for field, ok in (("name", contact.name), ("email", contact.emails), ("phone", contact.phones),
                                       ("location", contact.location), ("profile link", contact.links)) if ok}
    kinds = {section.kind for section in result.sections} | ({"summary"} if result.summary else set())
    completeness_parts = [_presence("contact", 0.4, _CONTACT_FIELDS, present),
                          _presence("sections", 0.6, _SECTION_FIELDS, kinds)]
    completeness = _part("completeness", _weighted(completeness_parts), 0.6,
                         "Whether the contact details and the usual sections are present.", completeness_parts)

    parseability_parts = _parseability(result, text, contact_in_body)
    parseability = _part("parseability", _weighted(parseability_parts), 0.4,
                         "How reliably software such as applicant tracking systems can read the file.",
                         parseability_parts)
    return resume_pb2.Score(overall=round(_weighted([completeness, parseability])),
                            parts=[completeness, parseability])


def _parseability(result: resume_pb2.ResumeAnalysis, text: str, contact_in_body: bool) -> list[resume_pb2.ScorePart]:
    codes = {warning.code for warning in result.warnings}
    characters = len(text.strip())
    if resume_pb2.WARNING_CODE_NO_TEXT_LAYER in codes or characters == 0:
        text_layer = _part("text_layer", 0, 0.3, "No text could be extracted; the file is probably an image.")
    elif resume_pb2.WARNING_CODE_OCR_USED in codes:
        # Most applicant tracking systems read only a text layer, and OCR may misread.
        text_layer = _part("text_layer", 30, 0.3, f"{characters} characters of text, read by OCR from images: "
                           "many applicant tracking systems cannot read scans.")
    elif characters < _MIN_CHARACTERS:
        text_layer = _part("text_layer", 50, 0.3, f"Only {characters} characters of text could be extracted.")
    else:
        text_layer = _part("text_layer", 100, 0.3, f"{characters} characters of text extracted.")

    visible = len("".join(text.split())) or 1
    ratio = len(_GARBLED.findall(text)) / visible
    garbled = _part("garbled_text", 100 * (1 - min(1.0, ratio / _UNREADABLE_RATIO)), 0.2,
                    f"{ratio:.1%} of the characters are undecodable glyphs or icons.")

    pages = result.document.pages
    if resume_pb2.WARNING_CODE_TOO_MANY_PAGES in codes:
        page_score, page_reason = 10, f"{pages} pages; only the first pages were analysed."
    else:
        page_score = {1: 100, 2: 100, 3: 80, 4: 60}.get(pages, 40)
        page_reason = f"{pages} page(s); one or two pages are easiest to read." if pages > 2 else f"{pages} page(s)."
    page_count = _part("page_count", page_score, 0.2, page_reason)

    if contact_in_body:
        placement = _part("contact_placement", 100, 0.15, "The email or phone number is in the body of the resume.")
    elif resume_pb2.WARNING_CODE_CONTACT_IN_HEADER in codes:
        placement = _part("contact_placement", 40, 0.15,
                          "The email and phone number are only in the page header or footer, which many "
                          "applicant tracking systems ignore.")
    else:
        placement = _part("contact_placement", 0, 0.15, "No email or phone number was found.")

    order_score, problems = 100, []
    if resume_pb2.WARNING_CODE_READING_ORDER in codes:
        order_score -= 40
        problems.append("the layout uses several columns, which can scramble the reading order")
    if resume_pb2.WARNING_CODE_ENCRYPTED in codes:
        order_score -= 30
        problems.append("the file is encrypted")
    order = _part("layout", order_score, 0.15,
                  ("Problems: " + "; ".join(problems) + ".") if problems else "Single-column text, not encrypted.")
    return [text_layer, garbled, page_count, placement, order]
