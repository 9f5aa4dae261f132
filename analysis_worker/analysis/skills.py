"""Skills from the shipped taxonomy (data/skills.json), matched on whole tokens.

Text is cut into tokens that keep the characters skill names use ("C++", "C#",
".NET", "Node.js", "CI/CD"), and token n-grams are looked up in an index of every
form of every skill: one dictionary probe per token instead of one regex per skill.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from common.proto.resume.v1 import resume_pb2

from .addresses import EMAIL

_TOKEN = re.compile(r"[^\s,;:()\[\]{}<>\"“”|•·◦◆▪–—!?\ue000-\uf8ff]+")
_COMPOUND = re.compile(r"[/-]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_END = tuple(".!?:•◦◆▪*-–—")


@dataclass(frozen=True)
class _Form:
    exact: tuple[str, ...] | None  # tokens as written, when the case must match
    skill: int
    listed_only: bool  # a generic word ("Leadership", "Pricing") that is a skill only in a skills list


@dataclass(frozen=True)
class _Skill:
    name: str
    category: str
    common_word: bool


def _tokens(text: str) -> list[str]:
    tokens = []
    for raw in _TOKEN.findall(text):
        token = raw.rstrip(".'’")
        if token:
            tokens.append(token)
    return tokens


# First token -> [(n-gram length, {lower-cased n-gram: forms})], longest first, so that a
# position costs one probe per distinct length.
_Index = dict[str, list[tuple[int, dict[tuple[str, ...], list[_Form]]]]]


def _load() -> tuple[list[_Skill], _Index, set[str], dict[str, int]]:
    data = json.loads((Path(__file__).parent / "data" / "skills.json").read_text(encoding="utf-8"))
    skills: list[_Skill] = []
    forms: dict[str, dict[int, dict[tuple[str, ...], list[_Form]]]] = {}
    lookup: dict[str, int] = {}
    for number, entry in enumerate(data["skills"]):
        skills.append(_Skill(entry["name"], entry["category"], entry.get("common_word", False)))
        exact_forms = set(entry.get("case_sensitive", ()))
        listed_forms = set(entry.get("listed_only", ()))
        for form in [entry["name"], *entry.get("aliases", ())]:
            tokens = tuple(_tokens(form))
            key = tuple(token.lower() for token in tokens)
            # One- and two-letter forms ("R", "Go", "JS") are ordinary words in any other case.
            exact = tokens if form in exact_forms or len(form) <= 2 else None
            forms.setdefault(key[0], {}).setdefault(len(key), {}).setdefault(key, []).append(
                _Form(exact, number, form in listed_forms))
            lookup.setdefault(" ".join(key), number)
    index: _Index = {first: sorted(by_length.items(), reverse=True) for first, by_length in forms.items()}
    vocabulary = {token for by_length in index.values() for _, keys in by_length for key in keys for token in key}
    return skills, index, vocabulary, lookup


_SKILLS, _INDEX, _VOCABULARY, _LOOKUP = _load()


def canonical_skill(name: str) -> str | None:
    """The canonical name of a skill written any way the taxonomy knows ("k8s" -> "Kubernetes")."""
    number = _LOOKUP.get(" ".join(token.lower() for token in _tokens(name)))
    return None if number is None else _SKILLS[number].name



def _line_tokens(line: str) -> list[tuple[str, str, bool]]:
    """(token, lower-cased token, starts a sentence) triples; unknown compounds such
    as "Python/Django" are split."""
    result: list[tuple[str, str, bool]] = []
    previous_end, previous_raw = 0, ""
    for match in _TOKEN.finditer(line):
        raw = match.group()
        gap = line[previous_end:match.start()].strip()
        starts = (gap or previous_raw[-1:] or ".")[-1] in _SENTENCE_END
        previous_end, previous_raw = match.end(), raw
        token = raw.rstrip(".'’")
        if not token:
            continue
        lowered = token.lower()
        if ("/" in token or "-" in token) and lowered not in _VOCABULARY:
            pieces = [piece for piece in _COMPOUND.split(token) if piece]
            result.extend((piece, piece.lower(), starts and i == 0) for i, piece in enumerate(pieces))
        else:
            result.append((token, lowered, starts))
    return result


def _match_at(tokens: list[tuple[str, str, bool]], position: int, in_skills_section: bool) -> tuple[int, int] | None:
    """The (skill, token count) of the longest skill form starting at a position."""
    for length, keys in _INDEX.get(tokens[position][1], ()):
        window = tokens[position:position + length]
        for form in keys.get(tuple(lowered for _, lowered, _ in window), ()):
            if form.exact and tuple(token for token, _, _ in window) != form.exact:
                continue
            if form.listed_only and not in_skills_section:
                continue
            end = position + length
            if _SKILLS[form.skill].common_word and not in_skills_section and (
                    window[0][2] or len(window[0][1]) == 1
                    or (end < len(tokens) and _YEAR.fullmatch(tokens[end][0]))):  # "Spring 2022"
                continue
            return form.skill, length
    return None


# Web addresses with a scheme or "www." and email addresses: "http" in a link is no
# skill. Bare domains stay, since skills are written like them ("Socket.io", "ASP.NET").
_ADDRESS = re.compile(rf"(?:https?://|www\.)\S+|{EMAIL.pattern}", re.IGNORECASE)


def _match_line(line: str, in_skills_section: bool) -> list[int]:
    tokens = _line_tokens(_ADDRESS.sub(" ", line))
    found: list[int] = []
    position = 0
    while position < len(tokens):
        match = _match_at(tokens, position, in_skills_section)
        if match:
            found.append(match[0])
            position += match[1]
        else:
            position += 1
    return found


# Lines to search for skills, and where they come from.
SkillGroup = tuple[resume_pb2.SkillSource.ValueType, list[str]]


def find_skills(groups: list[SkillGroup]) -> list[resume_pb2.Skill]:
    """Skills in (SkillSource, lines) groups, in order of first appearance, each with
    every source it was found in."""
    order: list[int] = []
    sources: dict[int, list[resume_pb2.SkillSource.ValueType]] = {}
    for source, lines in groups:
        in_skills = source == resume_pb2.SKILL_SOURCE_SKILLS_SECTION
        for line in lines:
            for number in _match_line(line, in_skills):
                if number not in sources:
                    order.append(number)
                    sources[number] = []
                if source not in sources[number]:
                    sources[number].append(source)
    return [resume_pb2.Skill(name=_SKILLS[n].name, category=_SKILLS[n].category, sources=sorted(sources[n]))
            for n in order]


def skill_row(text: str) -> int:
    """How many skills a text is made of when each of its words is in one ("Forecasting
    QuickBooks SAP": 3, a row of tags), else 0 ("Amazon Web Services Europe")."""
    tokens = _line_tokens(text)
    count = position = 0
    while position < len(tokens):
        match = _match_at(tokens, position, False)
        if match is None:
            return 0
        count, position = count + 1, position + match[1]
    return count


def skills_in_lines(lines: list[str], names: set[str]) -> dict[str, int]:
    """The first of the lines each of the skills (by canonical name) is named in."""
    first: dict[str, int] = {}
    for index, line in enumerate(lines):
        if len(first) == len(names):
            break
        for number in _match_line(line, True):
            if _SKILLS[number].name in names:
                first.setdefault(_SKILLS[number].name, index)
    return first


def skills_in_text(text: str) -> list[str]:
    """Canonical names of the skills mentioned in free text (a job description)."""
    found = find_skills([(resume_pb2.SKILL_SOURCE_OTHER, text.splitlines())])
    return [skill.name for skill in found]
