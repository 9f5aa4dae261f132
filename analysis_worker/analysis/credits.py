"""The line a template prints about itself ("CV made with JSON Resume using theme Minyma
by godraadam"): its words and its link are the template author's, not the candidate's."""

from __future__ import annotations

import itertools
import re

_MADE = re.compile(r"\b(?:made|generated|created|built|designed|powered|crafted)\s+(?:with|by|using|in)\b",
                   re.IGNORECASE)
_TEMPLATE = re.compile(r"\b(?:theme|template)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w.-]+")
# A narrow footer wraps the credit before its author's name: "... Theme by" / "Tair Assimov".
_CUT_BEFORE_AUTHOR = re.compile(r"\bby\s*$", re.IGNORECASE)
# The author's handle is often their surname and an initial ("assimovt" for Tair Assimov).
_LEAST_NAME = 5


def without_credits(text: str, links: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The text without the template's credit lines, and the link targets without those
    whose last part (the author's handle) such a line names."""
    lines = text.split("\n")
    credits = [line for line in lines if _MADE.search(line) and _TEMPLATE.search(line)]
    credits += [after for line, after in itertools.pairwise(lines)
                if line in credits and _CUT_BEFORE_AUTHOR.search(line)]
    if not credits:
        return text, links
    named = {word.lower() for line in credits for word in _WORD.findall(line)}
    return ("\n".join(line for line in lines if line not in credits),
            tuple(link for link in links if not _names_author(link.rstrip("/").rsplit("/", 1)[-1].lower(), named)))


def _names_author(handle: str, named: set[str]) -> bool:
    return handle in named or any(len(word) >= _LEAST_NAME and handle.startswith(word) for word in named)
