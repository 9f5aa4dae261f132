"""Certifications as entries: name, issuer and year, from the items of their section
("AWS Certified Developer – Amazon Web Services, 2021", "CKA (CNCF) 2022",
"PMP, issued by PMI · Mar 2019")."""

from __future__ import annotations

import re

from common.proto.resume.v1 import resume_pb2

from .dates import strip_dates
from .entries import BULLET
from .roles import words_of

_YEAR = re.compile(r"(?<![\d.])(19[5-9]\d|20[0-4]\d)(?![\d.])")
# Between a certification's name and its issuer; "by" and "from" say what follows is the issuer.
_SEPARATOR = re.compile(r"(\s+[–—-]\s+|\s*[,|·(]\s*|(?<!issued)\s+(?=(?:issued\s+)?by\s|from\s))", re.IGNORECASE)
_BY = re.compile(r"(?:issued\s+)?(?:by|from)\s+", re.IGNORECASE)
# Issuers that carry no word telling an organisation ("Institute", "Academy").
_ISSUERS = {
    "amazon web services", "aws", "amazon", "microsoft", "google", "google cloud", "coursera", "udemy", "edx",
    "udacity", "datacamp", "linkedin learning", "oracle", "cisco", "comptia", "salesforce", "pmi", "scrum alliance",
    "scrum.org", "isc2", "(isc)2", "isaca", "linux foundation", "cncf", "hashicorp", "ibm", "red hat", "sap", "meta",
    "databricks", "snowflake", "tableau", "hubspot", "axelos", "peoplecert", "aicpa", "cipd", "nvidia", "mongodb",
    "american heart association", "red cross", "american red cross", "kubernetes", "vmware", "atlassian",
}
_ORGANISATION_WORDS = {
    "institute", "association", "academy", "council", "foundation", "university", "college", "school", "board",
    "society", "alliance", "inc", "ltd", "llc", "corporation", "authority", "commission", "chamber", "organization",
    "organisation", "federation", "agency",
}


def certification_entries(items: list[str], candidate: str = "") -> list[resume_pb2.Certification]:
    """Entries of the certifications section's lines, bullets removed; lines without a
    name left once the dates are gone are not entries, nor is the candidate's name, which
    a sidebar layout can set right after the section."""
    entries = []
    for line in items:
        bullet = BULLET.match(line)
        line = line[bullet.end():] if bullet else line
        years = _YEAR.findall(line)
        name, issuer = _name_and_issuer(_YEAR.sub(" ", strip_dates(line)))
        if name and name.casefold() != candidate.casefold():
            entries.append(resume_pb2.Certification(name=name, issuer=issuer, year=int(years[-1]) if years else 0))
    return entries


def _name_and_issuer(text: str) -> tuple[str, str]:
    tokens = _SEPARATOR.split(text)
    # tokens alternate: part, separator, part, ... The name is what comes before the issuer.
    for index in range(2, len(tokens), 2):
        by = _BY.match(tokens[index])
        part = _clean(tokens[index][by.end():] if by else tokens[index])
        if part and (by or _is_issuer(part)):
            return _clean("".join(tokens[:index - 1])), part
    return _clean(text), ""


def _is_issuer(part: str) -> bool:
    return part.lower() in _ISSUERS or bool(_ORGANISATION_WORDS.intersection(words_of(part)))


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;|·–—-()")
