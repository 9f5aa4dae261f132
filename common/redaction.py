"""Redacted copies of a resume (README, Redaction): masking passages of a text with their
kind's token while keeping track of where every token stands, and the employer and
institution masks the gateway applies on request to a stored redaction.

The worker finds what identifies the candidate when it analyses a resume submitted with
`redact` (analysis_worker/analysis/redaction.py) and stores a `Redaction`; the original
text is never kept. Employers and institutions stay in the stored copy, as they stay in
the analysis, so that a caller chooses at each read whether to mask them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Legal forms an employer is also written without ("Acme" for "Acme Corp.").
_LEGAL_FORM = re.compile(
    r"[\s,]+(?:inc|llc|ltd|limited|plc|gmbh|ag|sa|sas|bv|nv|corp|corporation|co|company|group|pty|srl|spa)\.?$",
    re.IGNORECASE,
)
# Free text of the analysis (camelCase JSON names): where a resume's words are repeated.
# Structured fields (dates, skills, levels, scores) hold nothing the masks look for.
_FREE_TEXT: dict[str, tuple[str, ...]] = {
    "": ("summary", "certifications"),
    "experience": ("title", "highlights"),
    "education": ("degree", "field"),
    "projects": ("name", "description"),
    "certificationEntries": ("name", "issuer"),
    "evidence": ("text",),
}
# The fields that name employers, schools and places: masked on request as such, but
# never allowed to carry the candidate's own details (a sidebar's phone read as a school).
_NAMES: dict[str, tuple[str, ...]] = {"experience": ("company", "location"), "education": ("institution", "location")}


def token(kind: str) -> str:
    """The token of a kind (MaskKind's name without its prefix): "[NAME]"."""
    return f"[{kind}]"


@dataclass(frozen=True, order=True)
class Masked:
    """A passage to mask, or a token standing in a redacted text: text[start:end]."""
    start: int
    end: int
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Redacted:
    text: str
    spans: tuple[Masked, ...]  # the tokens in `text`, in order


def mask(text: str, found: Iterable[Masked], tokens: Sequence[Masked] = ()) -> Redacted:
    """`text` with every `found` passage replaced by its kind's token. Overlapping passages
    are masked as one, of the kind of the first (the longest of those that start first).
    `tokens` are the tokens `text` already holds: a passage touching one is left (it is
    masked already), and their places move with the text."""
    pieces: list[str] = []
    spans: list[Masked] = []
    at = length = 0
    for passage, is_token in _merged(found, tokens):
        replacement = text[passage.start:passage.end] if is_token else token(passage.kind)
        length += passage.start - at
        pieces += [text[at:passage.start], replacement]
        spans.append(Masked(length, length + len(replacement), passage.kind))
        length += len(replacement)
        at = passage.end
    pieces.append(text[at:])
    return Redacted("".join(pieces), tuple(spans))


def _merged(found: Iterable[Masked], tokens: Sequence[Masked]) -> Iterator[tuple[Masked, bool]]:
    """The tokens and the found passages, joined where they overlap, in order, each with
    whether it is a token; a passage that overlaps a token is dropped."""
    # The token being the first at an equal start keeps a passage that overlaps it out.
    ordered = sorted([(t.start, -t.end, 0, t) for t in tokens]
                     + [(p.start, -p.end, 1, p) for p in found if p.end > p.start])
    current: Masked | None = None
    current_is_token = False
    for _, _, rank, passage in ordered:
        if current is not None and passage.start < current.end:
            if rank == 1 and not current_is_token:
                current = Masked(current.start, max(current.end, passage.end), current.kind)
            elif rank == 0 and not current_is_token:
                # A passage that runs into a later token is dropped; the token stays.
                current, current_is_token = passage, True
            continue
        if current is not None:
            yield current, current_is_token
        current, current_is_token = passage, rank == 0
    if current is not None:
        yield current, current_is_token


def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """The phrase as a whole word or words, in any case and however spaced; None when it
    has no word character to anchor on."""
    words = phrase.split()
    if not words or not any(ch.isalnum() for ch in phrase):
        return None
    body = r"\s+".join(map(re.escape, words))
    # \b cannot anchor a phrase that starts or ends with punctuation ("Acme Corp."); a
    # letter or digit beside it must not continue a word, wherever it stands.
    return re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE)


def occurrences(text: str, phrases: Iterable[str], kind: str) -> list[Masked]:
    found = []
    for phrase in dict.fromkeys(phrases):
        pattern = _phrase_pattern(phrase)
        if pattern is not None:
            found += [Masked(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    return found


def _employer_names(company: str) -> list[str]:
    """The company as written, and without its legal form."""
    bare = _LEGAL_FORM.sub("", company.strip())
    return [name for name in dict.fromkeys((company.strip(), bare)) if len(name) >= 2]


def map_free_text(analysis: dict[str, Any], change: Callable[[str], str], *, names: bool = False) -> dict[str, Any]:
    """A copy of `analysis` (proto3 JSON) with `change` applied to each of its free-text
    strings, and with `names` to the employers', schools' and places' names too."""
    changed = copy.deepcopy(analysis)
    for list_name, fields in [*_FREE_TEXT.items(), *(_NAMES.items() if names else ())]:
        items = [changed] if not list_name else changed.get(list_name) or []
        for item in items:
            for field in fields:
                value = item.get(field)
                if isinstance(value, str):
                    item[field] = change(value)
                elif isinstance(value, list):
                    item[field] = [change(v) if isinstance(v, str) else v for v in value]
    return changed


@dataclass(frozen=True)
class Redaction:
    """What is stored with an analysis submitted with `redact`: the analysis and the text,
    each without what identifies the candidate; the tokens in the text."""
    analysis: dict[str, Any]  # proto3 JSON, as the analysis itself
    text: str
    spans: tuple[Masked, ...]

    def to_json(self) -> dict[str, Any]:
        return {"analysis": self.analysis, "text": self.text, "spans": [span.to_json() for span in self.spans]}

    @classmethod
    def from_json(cls, stored: dict[str, Any]) -> Redaction:
        spans = tuple(Masked(int(s["start"]), int(s["end"]), str(s["kind"])) for s in stored["spans"])
        return cls(stored["analysis"], stored["text"], spans)

    def with_organisations_masked(self, employers: bool, institutions: bool) -> Redaction:
        """This redaction with the employers and/or the institutions the analysis names
        masked too: in the text, in the analysis' free text, and their own fields cleared."""
        if not employers and not institutions:
            return self
        analysis = copy.deepcopy(self.analysis)
        names: list[tuple[str, str]] = []
        for on, list_name, field, kind in ((employers, "experience", "company", "EMPLOYER"),
                                           (institutions, "education", "institution", "INSTITUTION")):
            if not on:
                continue
            for item in analysis.get(list_name) or []:
                written = str(item.get(field) or "")
                names += [(name, kind) for name in (_employer_names(written) if kind == "EMPLOYER" else [written])
                          if name.strip()]
                item[field] = ""

        def found_in(text: str) -> list[Masked]:
            return [passage for name, kind in names for passage in occurrences(text, [name], kind)]

        redacted = mask(self.text, found_in(self.text), self.spans)
        analysis = map_free_text(analysis, lambda text: mask(text, found_in(text)).text)
        return Redaction(analysis, redacted.text, redacted.spans)
