"""Sections that are plain lists: certifications and spoken languages."""

from __future__ import annotations

import re

from .dates import strip_dates
from .entries import BULLET
from .skills import canonical_skill

# Spoken languages, to tell "Languages: English, French" from "Languages: Python, Go".
_SPOKEN = {
    "english", "french", "spanish", "german", "italian", "portuguese", "dutch", "russian", "ukrainian", "polish",
    "czech", "slovak", "hungarian", "romanian", "bulgarian", "serbian", "croatian", "bosnian", "slovenian", "greek",
    "turkish", "arabic", "hebrew", "persian", "farsi", "urdu", "hindi", "bengali", "punjabi", "gujarati", "marathi",
    "tamil", "telugu", "kannada", "malayalam", "sinhala", "nepali", "chinese", "mandarin", "cantonese", "japanese",
    "korean", "vietnamese", "thai", "indonesian", "malay", "tagalog", "filipino", "swahili", "amharic", "yoruba",
    "igbo", "hausa", "zulu", "afrikaans", "swedish", "norwegian", "danish", "finnish", "icelandic", "estonian",
    "latvian", "lithuanian", "catalan", "basque", "galician", "irish", "welsh", "albanian", "macedonian", "armenian",
    "georgian", "azerbaijani", "kazakh", "uzbek", "mongolian", "khmer", "lao", "burmese", "latin", "esperanto",
    "sign language", "asl", "american sign language", "british sign language",
}
_ITEM_SEPARATOR = re.compile(r"\s*(?:[,;|•·]|\s-\s|\band\b)\s*")
_PROFICIENCY = re.compile(r"\s*[(:–—-].*$")


def list_items(lines: list[str]) -> list[str]:
    """The items of a list section, bullets and dates removed."""
    items = []
    for line in lines:
        bullet = BULLET.match(line)
        text = strip_dates(line[bullet.end():] if bullet else line).strip(" ,;|–—-()")
        if text:
            items.append(" ".join(text.split()))
    return items


def spoken_languages(section_lines: list[str], labelled_lines: list[str]) -> list[str]:
    """Languages from a languages section, or from a "Languages: ..." line anywhere,
    keeping only names of spoken languages ("English (native)" -> "English")."""
    return list(dict.fromkeys(name for name, _ in language_items(section_lines, labelled_lines)))


def language_items(section_lines: list[str], labelled_lines: list[str]) -> list[tuple[str, str]]:
    """(name, proficiency as written) of each spoken language listed, in order: "English
    (native)", "French: B2", "German - fluent"; the proficiency is empty when none is given."""
    items: list[tuple[str, str]] = []
    for line in _closed(section_lines) + [line.split(":", 1)[1] for line in labelled_lines if ":" in line]:
        bullet = BULLET.match(line)
        following = False  # the item before was a language without a proficiency
        for item in _ITEM_SEPARATOR.split(line[bullet.end():] if bullet else line):
            name = _PROFICIENCY.sub("", item).strip()
            if name.lower() in _SPOKEN:
                proficiency = _proficiency(item.strip()[len(name):])
                items.append((name, proficiency))
                following = not proficiency
            elif following and item.strip():
                # "English - C1": the separator between items split the language from its level.
                items[-1] = (items[-1][0], _proficiency(item))
                following = False
    return items


def _proficiency(text: str) -> str:
    """ "(professional working proficiency)", ": C2 (bilingual)" as written, without what
    set them apart from the name."""
    text = text.strip().lstrip(":–—-").strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


def _closed(lines: list[str]) -> list[str]:
    """Lines with a parenthesis that a narrow column broke ("French (professional" /
    "working proficiency)") joined again."""
    result: list[str] = []
    for line in lines:
        if result and result[-1].count("(") > result[-1].count(")"):
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
    return result


_LIST_END = tuple(",;:|•·")


def unwrapped_lists(lines: list[str]) -> list[str]:
    """Lists with their wrapped lines joined again: a narrow column cuts "Prototyping,
    Usability" / "Testing, Design Systems" inside an item, justified text hyphenates a
    word ("Lo-" / "gistics"), and a tag too narrow for its skill sets it on two lines
    ("Content" / "Marketing")."""
    result: list[str] = []
    for line in lines:
        previous = result[-1] if result else ""
        listed = "," in previous and "," in line and ":" not in line and not previous.rstrip().endswith(_LIST_END)
        if previous.rstrip().endswith("-") and line[:1].islower():  # "Lo-" / "gistics • SAP"
            result[-1] = previous.rstrip()[:-1] + line
        elif not BULLET.match(line) and (listed or (previous and wraps_skill(previous, line))):
            result[-1] = f"{previous} {line}"
        else:
            result.append(line)
    return result


def wraps_skill(line: str, following: str) -> bool:
    """Whether the last word of a line and the first of the next name a skill together."""
    last, first = line.split()[-1:], following.split()[:1]
    return bool(last and first) and canonical_skill(f"{last[0]} {first[0]}") is not None
