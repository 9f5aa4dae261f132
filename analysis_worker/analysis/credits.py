"""The line a template prints about itself ("CV made with JSON Resume using theme Minyma
by godraadam"): its words and its link are the template author's, not the candidate's."""

from __future__ import annotations

import re

_MADE = re.compile(r"\b(?:made|generated|created|built|designed|powered|crafted)\s+(?:with|by|using|in)\b",
                   re.IGNORECASE)
_TEMPLATE = re.compile(r"\b(?:theme|template)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w.-]+")


def without_credits(text: str, links: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The text without the template's credit lines, and the link targets without those
    whose last part (the author's handle) such a line names."""
    lines = text.split("\n")
    credits = [line for line in lines if _MADE.search(line) and _TEMPLATE.search(line)]
    if not credits:
        return text, links
    named = {word.lower() for line in credits for word in _WORD.findall(line)}
    return ("\n".join(line for line in lines if line not in credits),
            tuple(link for link in links if link.rstrip("/").rsplit("/", 1)[-1].lower() not in named))
