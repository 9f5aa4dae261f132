"""The profile and web links of a resume's contact details, from its text and its link targets."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from analysis_worker.latin_spelling import fold
from common.proto.resume.v1 import resume_pb2

from .addresses import EMAIL, URL

_SOCIAL_HOSTS = {
    "twitter.com", "x.com", "gitlab.com", "bitbucket.org", "stackoverflow.com", "medium.com", "kaggle.com",
    "orcid.org", "scholar.google.com", "researchgate.net", "behance.net", "dribbble.com", "youtube.com",
    "facebook.com", "instagram.com", "leetcode.com", "hackerrank.com", "dev.to", "codepen.io", "huggingface.co",
    "substack.com", "mastodon.social", "threads.net", "tiktok.com", "angel.co", "wellfound.com",
}
_GITHUB_RESERVED = {"features", "pricing", "about", "orgs", "topics", "collections", "explore", "marketplace",
                    "sponsors", "login", "join", "settings", "enterprise"}


def _link_key(url: str) -> str:
    parts = urlsplit(url if "://" in url else "https://" + url)
    return (parts.netloc.lower().removeprefix("www.") + parts.path.rstrip("/")).lower()


def _host_and_path(url: str) -> tuple[str, list[str]]:
    """The address's host without "www." and the pieces of its path."""
    parts = urlsplit(url if "://" in url else "https://" + url)
    return parts.netloc.lower().removeprefix("www."), [piece for piece in parts.path.split("/") if piece]


def classify_link(url: str) -> resume_pb2.LinkType.ValueType:
    host, _ = _host_and_path(url)
    if host == "linkedin.com" or host.endswith(".linkedin.com"):
        return resume_pb2.LINK_TYPE_LINKEDIN
    if host == "github.com":
        return resume_pb2.LINK_TYPE_GITHUB
    if host in _SOCIAL_HOSTS:
        return resume_pb2.LINK_TYPE_OTHER
    return resume_pb2.LINK_TYPE_WEBSITE


def _is_profile(url: str) -> bool:
    """A LinkedIn or GitHub profile: in a resume it is the candidate's own, wherever it is."""
    host, path = _host_and_path(url)
    if host.endswith("linkedin.com"):
        return len(path) >= 2 and path[0] in ("in", "pub")
    return host == "github.com" and len(path) == 1 and path[0].lower() not in _GITHUB_RESERVED


def _is_personal_site(url: str, emails: list[str]) -> bool:
    """A site whose host spells the email's local part ("pietervdberg.dev" for
    "pieter.vdberg@"): the candidate's own, wherever it is linked from."""
    label = fold(_host_and_path(url)[0].split(".")[0])
    local = fold(emails[0].split("@")[0]) if emails else ""
    return len(local) >= 4 and len(label) >= 4 and (local in label or label in local)


# A narrow column breaks an address after a slash: "linkedin.com/" / "in/jdoe"; some
# templates print a space there for it to break at ("linkedin.com/ in/ jdoe").
_BROKEN_AFTER_SLASH = re.compile(r"(?<=[\w.]/)[ \n]+(?=[\w.-]+(?:/[\w.-]*)*(?:\s|$))")


def contact_links(segments: list[str], contact_text: str, document_links: tuple[str, ...],
                  emails: list[str]) -> list[resume_pb2.Link]:
    found: dict[str, str] = {}
    broken: set[str] = set()  # the keys of addresses that end with a slash
    hosts = [email.split("@")[1].lower() for email in emails] + [
        urlsplit(link).netloc.lower() for link in document_links if link.lower().startswith(("http:", "https:"))]
    for url in URL.findall(EMAIL.sub(" ", _BROKEN_AFTER_SLASH.sub("", contact_text))):
        url = url.rstrip(".")
        if any(host != url.lower() and host.endswith(url.lower()) and host[-len(url) - 1] != "."
               for host in hosts):
            continue  # "ample.com": the rest of an address wrapped onto the next line
        if url.endswith("-") and any(_link_key(link).startswith(_link_key(url)) for link in document_links):
            continue  # "linkedin.com/in/jane-" / "doe": broken at its hyphen, and whole in the file's links
        found.setdefault(_link_key(url), url if "://" in url else "https://" + url)
        if url.endswith("/"):
            broken.add(_link_key(url))
    # "https://github.com/" read apart from the handle it was broken before, where a
    # copy of the lines read whole gives the address.
    for key in broken:
        if any(other.startswith(f"{key}/") for other in found):
            del found[key]
    lowered = contact_text.lower()
    shown = {segment.strip().lower() for segment in segments}
    for url in document_links:
        if not url.lower().startswith(("http://", "https://")):
            continue
        key = _link_key(url)
        host = key.split("/")[0]
        user = key.rsplit("/", 1)[-1] if "/" in key else ""
        if key in found:
            found[key] = url  # the link target is complete where the text may drop the scheme
        elif _is_profile(url) or _is_personal_site(url, emails) or (user and user in shown) or (
                host in lowered and classify_link(url) not in (resume_pb2.LINK_TYPE_LINKEDIN,
                                                               resume_pb2.LINK_TYPE_GITHUB)):
            found[key] = url
    profiles = {_link_key(url): url for url in map(_profile_address, found.values())}
    return [resume_pb2.Link(url=url, type=classify_link(url)) for url in profiles.values()]


def _profile_address(url: str) -> str:
    """A LinkedIn profile's address without what follows its id: a language its profile is
    also written in ("/in/jdoe/fr"), a page of it ("/in/jdoe/details/skills")."""
    host, path = _host_and_path(url)
    if host.endswith("linkedin.com") and len(path) > 2 and path[0] == "in":
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}/in/{path[1]}"
    return url
