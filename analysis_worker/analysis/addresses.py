"""Email addresses and web addresses as resumes write them."""

from __future__ import annotations

import re

# The lookbehinds start a match only at the beginning of a run: without them, a long
# run of letters or dots without "@" or a domain costs quadratic time (a hostile file).
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
URL = re.compile(
    r"(?:https?://|www\.)[^\s|,;<>()\"'\ue000-\uf8ff]+"
    r"|(?<![a-z0-9.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|ai|me|co|app|info|tech|xyz|page|site|ly|eu"
    r"|uk|de|fr|ca|in|us|edu|gg|sh|so|to|tv|cv|link|bio|blog|pro)\b(?:/[^\s|,;<>()\"'\ue000-\uf8ff]*)?",
    re.IGNORECASE)
# A scheme or a path after a host: "acme.com" alone is also how companies are named.
# The host starts at the beginning of its run, as EMAIL's does.
_WEB_ADDRESS = re.compile(r"https?://|www\.|(?<![a-z0-9-])[a-z0-9-]+\.[a-z]{2,}/\S", re.IGNORECASE)


def holds_address(text: str) -> bool:
    """Whether the text holds an email or a web address with a scheme or path: a
    profile link on a job board, never the name of an employer or a job."""
    return bool(_WEB_ADDRESS.search(text) or EMAIL.search(text))
