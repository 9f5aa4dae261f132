"""Resumes written as forms: a label before each value. The Europass CV has labels of its
own ("Occupation or position held  Data Engineer", "Name and address of employer  Acme,
Lyon"); job boards' exports and word processors' forms have short ones, in any of the
languages the analysis reads ("Company: Acme", "Job Title | Data Engineer" from a table's
row, "Arbeitgeber  Acme GmbH" from a column of labels).

The labels are taken off so that the values read as any resume's lines. Where a form
names each position before its employer, the employer is put right after its position:
Europass names it after the activities, where it would read as the start of the next
entry. A narrow label column wraps Europass's long labels ("Main activities and" /
"responsibilities"): the rest of a label on the next line is taken off too."""

from __future__ import annotations

import re

from .languages import FIELD_LABELS

# Labels of the Europass CV (the 2004-2012 form, the europecv class), lower case, their
# values after them on the line; for a label a column wraps, its first part and its rest.
_WRAPPED = {"main activities and": "responsibilities",
            "name and type of organisation": "providing education and training",
            "desired employment /": "occupational field", "personal skills and": "competences"}
_EUROPASS_VALUES = (
    "name / surname", "surname(s) / first name(s)", "address", "telephone", "mobile", "fax", "e-mail", "email",
    "personal email", "home page", "nationality", "date of birth", "gender", "dates",
    "type of business or sector", "title of qualification awarded", "principal subjects/occupational skills covered",
    "level in national or international classification",
    *(f"{head} {rest}" for head, rest in _WRAPPED.items()), *_WRAPPED,
)
_EMPLOYER = "employer"
_POSITION = "position"
_EUROPASS = sorted([(label, "other") for label in _EUROPASS_VALUES]
                   + [("name and address of employer", _EMPLOYER), ("occupation or position held", _POSITION)],
                   key=lambda pair: len(pair[0]), reverse=True)
# Headings the form words its own way.
_HEADINGS = {"personal skills and": "Skills", "personal skills and competences": "Skills",
             "education and training": "Education"}
# Short labels, every language's, longest first; each starts its line capitalised and is
# followed by a separator, or by a space and a value that starts with a capital or a figure
# (a column of labels beside their values reads "Employer Acme").
_SHORT = sorted([(label, role) for role, labels in FIELD_LABELS.items() for label in labels],
                key=lambda pair: len(pair[0]), reverse=True)
_SEPARATOR = re.compile(r"\s*(?P<mark>[:|\t])\s*|\s+")


def _field(line: str) -> tuple[str, str, str] | None:
    """The label a line starts with, its role ("employer", "position" or "other") and the
    value after it; None for a line that starts with no label."""
    lowered = line.lower()
    for label, role in _EUROPASS:
        if lowered.startswith(label):
            return label, role, line[len(label):].strip(" :")
    if not line[:1].isupper():
        return None
    for label, role in _SHORT:
        separator = _SEPARATOR.match(line, len(label)) if lowered.startswith(label) else None
        if separator is None:
            continue
        value = line[separator.end():].strip()
        if separator.group("mark") or value[:1].isupper() or value[:1].isdigit():
            return label, role, value
    return None


def unlabelled(lines: list[str]) -> list[str]:
    """The lines of a resume written as a form with the labels taken off, each employer
    after its position where the form names positions first; other resumes' lines as
    they are."""
    fields = [_field(line) for line in lines]
    roles = [field[1] if field and field[2] else None for field in fields]
    if _EMPLOYER not in roles or _POSITION not in roles:
        return lines
    positions_first = roles.index(_POSITION) < roles.index(_EMPLOYER)
    result: list[str] = []
    position = -1  # where the last position without its employer went in the result
    rest = ""  # the rest of the label the line before began
    for line, field in zip(lines, fields, strict=True):
        lowered = line.casefold()
        if rest and lowered.startswith(rest):
            line, lowered = line[len(rest):].strip(" :"), lowered[len(rest):].strip(" :")
            field = None
        rest = ""
        if lowered in _HEADINGS:
            result.append(_HEADINGS[lowered])
            rest = _WRAPPED.get(lowered, "")
            continue
        label, role, value = field or ("", "", line)
        rest = _WRAPPED.get(label, "")
        if role == _EMPLOYER and value and positions_first and position >= 0:
            result.insert(position + 1, value)
            position = -1
            continue
        if role == _POSITION and value:
            position = len(result)
        if value:
            result.append(value)
    return result
