"""Resumes written as forms: a label before each value, as the Europass CV has them
("Occupation or position held  Data Engineer", "Name and address of employer  Acme, Lyon").

The labels are taken off so that the values read as any resume's lines, and each
employer is put beside its position: the form names the employer after the activities,
where it would read as the start of the next entry. A narrow label column wraps the long
labels ("Main activities and" / "responsibilities"): the rest of a label on the next line
is taken off too."""

from __future__ import annotations

# Labels of the Europass CV (the 2004-2012 form, the europecv class), lower case, their
# values after them on the line; for a label a column wraps, its first part and its rest.
_WRAPPED = {"main activities and": "responsibilities",
            "name and type of organisation": "providing education and training",
            "desired employment /": "occupational field", "personal skills and": "competences"}
_VALUE_LABELS = (
    "name / surname", "surname(s) / first name(s)", "address", "telephone", "mobile", "fax", "e-mail", "email",
    "personal email", "home page", "nationality", "date of birth", "gender", "dates", "occupation or position held",
    "type of business or sector", "title of qualification awarded", "principal subjects/occupational skills covered",
    "level in national or international classification",
    *(f"{head} {rest}" for head, rest in _WRAPPED.items()), *_WRAPPED,
)
_EMPLOYER = "name and address of employer"
_POSITION = "occupation or position held"
_LABELS = sorted((*_VALUE_LABELS, _EMPLOYER), key=len, reverse=True)
# Headings the form words its own way.
_HEADINGS = {"personal skills and": "Skills", "personal skills and competences": "Skills",
             "education and training": "Education"}
# A form has these labels; other resumes are left alone.
_SIGNATURE = (_POSITION, _EMPLOYER)


def unlabelled(lines: list[str]) -> list[str]:
    """The lines of a resume written as a form with the labels taken off and each
    employer beside its position; other resumes' lines as they are."""
    if not any(line.casefold().startswith(_SIGNATURE) for line in lines):
        return lines
    result: list[str] = []
    position = -1  # where the last position held went in the result
    rest = ""  # the rest of the label the line before began
    for line in lines:
        lowered = line.casefold()
        if rest and lowered.startswith(rest):
            line, lowered = line[len(rest):].strip(" :"), lowered[len(rest):].strip(" :")
        rest = ""
        if lowered in _HEADINGS:
            result.append(_HEADINGS[lowered])
            rest = _WRAPPED.get(lowered, "")
            continue
        label = next((label for label in _LABELS if lowered.startswith(label)), None)
        value = line[len(label):].strip(" :") if label else line
        rest = _WRAPPED.get(label or "", "")
        if label == _EMPLOYER and value and position >= 0:
            result.insert(position + 1, value)
            continue
        if label == _POSITION and value:
            position = len(result)
        if value:
            result.append(value)
    return result
