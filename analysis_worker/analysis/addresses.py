"""Email addresses and web addresses as resumes write them."""

from __future__ import annotations

import re

# The lookbehinds start a match only at the beginning of a run: without them, a long
# run of letters or dots without "@" or a domain costs quadratic time (a hostile file).
# The domain ends where its letters do, and never before an "@": OCR reads a contact
# line's icon as one ("+39 347 136 8056@joachim.vonhartmann@example.net"), and the
# address is the one after it. A web address run on after a lost space ends it too
# ("rosa.delgado@example.nethttps://...").
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                   r"\.(?:[A-Za-z]{2,}?(?=https?://)|[A-Za-z]{2,}(?![\w@-]))")
_TLD = (r"(?:com|org|net|io|dev|ai|me|co|app|info|tech|xyz|page|site|ly|eu|uk|de|fr|ca|in|us|edu|gg|sh|so|to|tv"
        r"|cv|link|bio|blog|pro)\b")
_PATH = r"/[^\s|,;<>()\"'\ue000-\uf8ff]*"
# A bare host of one letter is a degree ("B.Tech", "M.Com") unless a path follows it ("x.com/jdoe").
URL = re.compile(
    r"(?:https?://|www\.)[^\s|,;<>()\"'\ue000-\uf8ff]+"
    rf"|(?<![a-z0-9.-])(?:[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*\.{_TLD}(?:{_PATH})?|[a-z0-9]\.{_TLD}{_PATH})",
    re.IGNORECASE)
# A scheme or a path after a host: "acme.com" alone is also how companies are named.
# The host starts at the beginning of its run, as EMAIL's does.
_WEB_ADDRESS = re.compile(r"https?://|www\.|(?<![a-z0-9-])[a-z0-9-]+\.[a-z]{2,}/\S", re.IGNORECASE)


def is_web_address(text: str) -> bool:
    """A web address with a scheme, "www." or a path ("github.com/jdoe"); not a bare host,
    which also names companies ("acme.com")."""
    return bool(URL.fullmatch(text) and _WEB_ADDRESS.search(text))


def holds_address(text: str) -> bool:
    """Whether the text holds an email or a web address with a scheme or path: a
    profile link on a job board, never the name of an employer or a job."""
    return bool(_WEB_ADDRESS.search(text) or EMAIL.search(text))
