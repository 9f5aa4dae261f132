"""Heading detection and splitting a resume into sections of canonical kinds."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .education import find_degree, names_institution
from .forms import unlabelled
from .languages import HEADING_MODIFIERS, HEADING_PHRASES, HEADING_WORDS
from .listings import wraps_skill
from .roles import TITLE_WORDS, words_of
from .typography import Typography

TOP = "top"  # kind of the lines before the first heading (name and contact details)
# Kind of a section whose heading is set like the document's headings but says nothing
# a kind is known by ("Where I have worked", "Life philosophy"): its lines stay its own.
OTHER = "other"

# Heading words -> kind. A line is a heading when all its words are heading words
# or modifiers; its kind is that of its first heading word ("Skills & Interests" -> skills).
_KEYWORDS = {
    "experience": "experience", "experiences": "experience", "employment": "experience",
    "career": "experience", "internships": "experience", "internship": "experience",
    "work": "experience",
    "education": "education", "academics": "education", "qualifications": "education",
    "skills": "skills", "skill": "skills", "competencies": "skills", "technologies": "skills",
    "expertise": "skills", "proficiencies": "skills", "toolbox": "skills", "tools": "skills", "stack": "skills",
    "projects": "projects", "project": "projects", "portfolio": "projects",
    "summary": "summary", "profile": "summary", "objective": "summary", "about": "summary",
    "overview": "summary", "introduction": "summary", "bio": "summary",
    "certifications": "certifications", "certification": "certifications", "certificates": "certifications",
    "licenses": "certifications", "licences": "certifications", "credentials": "certifications",
    "accreditations": "certifications",
    "languages": "languages",
    "publications": "publications", "papers": "publications", "bibliography": "publications",
    "awards": "awards", "honors": "awards", "honours": "awards", "achievements": "awards",
    "accomplishments": "awards", "scholarships": "awards", "distinctions": "awards",
    "volunteer": "volunteer", "volunteering": "volunteer",
    "interests": "interests", "hobbies": "interests",
    "references": "references", "referees": "references",
    "patents": "patents",
    "talks": "talks", "presentations": "talks", "speaking": "talks", "conferences": "talks",
    "courses": "courses", "coursework": "courses", "training": "courses",
    "activities": "activities", "extracurricular": "activities", "extracurriculars": "activities",
    "leadership": "activities", "involvement": "activities", "affiliations": "activities",
    "memberships": "activities",
    "research": "research", "teaching": "teaching",
    "contact": "contact", "contacts": "contact", "details": "contact", "profiles": "contact",
}
_MODIFIERS = {
    "selected", "select", "relevant", "professional", "work", "technical", "key", "other", "additional",
    "core", "recent", "academic", "personal", "and", "my", "me", "of", "related", "invited", "notable",
    "areas", "history", "background", "community", "industry", "soft", "hard", "computer", "it", "the",
    "major", "main", "complete", "full", "a", "in", "proficiency", "proficiencies",
}
# Phrases whose first heading word would give the wrong kind.
_PHRASES = {
    "research experience": "experience", "teaching experience": "teaching", "work history": "experience",
    "employment history": "experience", "professional background": "experience",
    "academic background": "education", "educational background": "education", "about me": "summary",
    "volunteer experience": "volunteer", "leadership experience": "activities",
    "core competencies": "skills", "tech stack": "skills", "areas of expertise": "skills",
    "personal information": "contact", "contact information": "contact",
}
_HEADING_CHARS = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ &/,:'’+-]+")
_LETTER_SPACED = re.compile(r"(?:\S ){2,}\S")
_WORDS = re.compile(r"[a-zà-öø-ÿ]+")
# Capitals in pieces: letter-spaced capitals whose word gaps the text layer lost or put in
# the wrong places ("C ON TAC T", "P ROFESSIONAL S KILLS", kerned pairs closed up as in
# "EDUC AT ION"), read as the heading words their letters spell.
_BROKEN_CAPITALS = re.compile(r"[A-Z]+(?:\s+[A-Z]+)+")


def _segmented(letters: str) -> list[str] | None:
    """The letters as a sequence of heading words (keywords, modifiers, the words of
    phrases), fewest words first; None when they are not one."""
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - _LONGEST_WORD), end):
            before, current = best[start], best[end]
            if before is not None and letters[start:end] in _VOCABULARY and (
                    current is None or len(before) + 1 < len(current)):
                best[end] = [*before, letters[start:end]]
    return best[-1]


_VOCABULARY = set(_KEYWORDS) | _MODIFIERS | {word for phrase in _PHRASES for word in phrase.split()}
_LONGEST_WORD = max(map(len, _VOCABULARY))
# The other languages' heading words (languages.py), after the English ones were used to
# read letter-spaced capitals: those are English templates' ornament.
_KEYWORDS.update({word: kind for word, kind in HEADING_WORDS.items() if word not in _KEYWORDS})
_MODIFIERS |= HEADING_MODIFIERS - set(_KEYWORDS)
_PHRASES.update(HEADING_PHRASES)


@dataclass
class Section:
    kind: str
    heading: str  # as written; "" for the top section
    lines: list[str] = field(default_factory=list)


# Icon-font glyphs (the Private Use Area) and the stand-in of unmapped ones.
_ICONS = re.compile("[\ue000-\uf8ff]")


def heading_kind(line: str) -> str | None:
    """The canonical kind of a heading line, or None when the line is not a heading. An
    icon before its words ("\uf0f2 WORK EXPERIENCE") is the template's ornament."""
    line = _ICONS.sub("", line).strip().rstrip(":").strip()
    if not line or len(line) > 40 or not _HEADING_CHARS.fullmatch(line):
        return None
    if _LETTER_SPACED.fullmatch(line):  # "E X P E R I E N C E"
        line = line.replace(" ", "")
    elif _BROKEN_CAPITALS.fullmatch(line):  # "W ORK E XPERIENCE": letter-spaced capitals, gaps lost
        line = " ".join(_segmented(line.replace(" ", "").lower()) or [line])
    words = _WORDS.findall(line.lower())
    if not words or len(words) > 5:
        return None
    phrase = " ".join(words)
    if phrase in _PHRASES:
        return _PHRASES[phrase]
    if any(word not in _KEYWORDS and word not in _MODIFIERS for word in words):
        return None
    kinds = [_KEYWORDS[word] for word in words if word in _KEYWORDS]
    return kinds[0] if kinds else None


def _may_be_heading(line: str) -> bool:
    """Whether a line not made of heading words could still be a heading: a few words, no
    figures, addresses or sentence end; and no school's name or degree, which templates set
    like their headings ("UNIVERSITY OF WASHINGTON", "HSC" under "EDUCATION")."""
    line = line.strip().rstrip(":")
    return 0 < len(line) <= 40 and len(line.split()) <= 5 and bool(_HEADING_CHARS.fullmatch(line)) \
        and any(ch.isalpha() for ch in line) and not names_institution(line) and not find_degree(line)


def resume_lines(text: str) -> list[str]:
    """Non-empty lines, whitespace-trimmed; page breaks dropped."""
    return [line.strip() for line in text.splitlines() if line.strip() and line.strip() != "\f"]


def split_sections(text: str, typography: Typography | None = None) -> list[Section]:
    lines = unlabelled(resume_lines(text))
    kinds = [heading_kind(line) for line in lines]
    wrapped = {index for index in range(1, len(lines)) if kinds[index] and _wraps_on(lines[index - 1], lines[index])}
    # A document that sets a heading in lower case where no sentence runs on into it
    # sets them all so ("experience", "education"): lower case tells nothing there.
    if not any(kind and line[:1].islower() and index not in wrapped
               for index, (line, kind) in enumerate(zip(lines, kinds, strict=True))):
        kinds = [None if index in wrapped else kind for index, kind in enumerate(kinds)]
    if typography is not None:
        headings = {line for line, kind in zip(lines, kinds, strict=True) if kind}
        looking = typography.headings_by_look(lines, headings, _may_be_heading)
        kinds = [OTHER if kind is None and line in looking else kind for line, kind in zip(lines, kinds, strict=True)]
    # "Project" / "Management" in a skills list: a tag's skill wrapped, no heading.
    kinds = [None if kind and index + 1 < len(lines) and wraps_skill(line, lines[index + 1]) else kind
             for index, (line, kind) in enumerate(zip(lines, kinds, strict=True))]
    labels = _entry_labels(lines, kinds)
    kinds = [kind for line, kind in zip(lines, kinds, strict=True) if line not in labels]
    lines = [line for line in lines if line not in labels]
    run_in = _run_in_headings(lines, kinds)
    sections = [Section(TOP, "")]
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind:
            sections.append(Section(kind, _ICONS.sub("", line).strip().rstrip(":").strip()))
        elif index in run_in:
            heading, rest = run_in[index]
            sections.append(Section(heading_kind(heading) or TOP, heading, [rest]))
        else:
            sections[-1].lines.append(line)
    return sections


# Sections whose entries can each carry a label that reads as a heading.
_ENTRY_KINDS = {"experience", "education", "projects", "volunteer", "research", "teaching"}


def _entry_labels(lines: list[str], kinds: list[str | None]) -> set[str]:
    """Heading lines printed again and again inside a section of entries: a label each
    entry carries ("Achievements" above an entry's bullets), not a section. A resume
    names each of its sections once."""
    counts = Counter(line for line, kind in zip(lines, kinds, strict=True) if kind)
    labels = set()
    inside = None  # the kind of the section the lines are in
    for line, kind in zip(lines, kinds, strict=True):
        if kind and counts[line] == 1:
            inside = kind
        elif kind and inside in _ENTRY_KINDS:
            labels.add(line)
    return labels


def _wraps_on(previous: str, line: str) -> bool:
    """Whether a line in lower case is the end of a sentence the line before wrapped
    ("Designed dashboards in Tableau for the sales" / "leadership"), not a heading."""
    return line[:1].islower() and len(previous.split()) >= 6 and not previous.rstrip().endswith((".", ":", "!", "?"))


def _run_in_headings(lines: list[str], kinds: list[str | None]) -> dict[int, tuple[str, str]]:
    """Headings printed in a left column on the baseline of their section's first line
    ("Work Senior Product Designer", "Education Delft University"): {index: (heading, rest)}.

    One such line could be a title ("Research Intern", "Education Consultant"): the
    layout is recognised with two or more such lines of kinds no heading line opened
    before, and, in a document with a heading line for experience or education, of
    lines without a title's words. `kinds` are the lines' heading kinds."""
    headed = "experience" in kinds or "education" in kinds
    found: dict[str, tuple[int, str, str]] = {}
    for index, line in enumerate(lines):
        heading, _, rest = line.partition(" ")
        kind = heading_kind(heading) if rest[:1].isupper() and not heading.endswith(":") else None
        # A later heading line of the same kind is a sub-heading ("Tools" in a skills section).
        if kind and kind not in kinds[:index] and kind not in found and not kinds[index] and not (
                headed and TITLE_WORDS.intersection(words_of(rest))):
            found[kind] = (index, heading, rest)
    if len(found) < 2:
        return {}
    return {index: (heading, rest) for index, heading, rest in found.values()}
