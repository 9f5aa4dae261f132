"""The document made of the text of a format without pages to place lines on (DOC, ODT,
RTF, HTML, TXT): its lines tidied, its bounds checked, its warnings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis_worker.document import PAGE_SEPARATOR, DocumentWarning, ExtractedDocument
from analysis_worker.extraction.checks import check_text_length, garbled_warning
from common.proto.resume.v1 import resume_pb2

_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u3000]+")
_CELL_EDGES = re.compile(r"^(?:\s*\|\s*)+|(?:\s*\|\s*)+$")
_BULLET = re.compile(r"^([\u2022\u25aa\u25a0\u2756\u27a2\u2713\u00b7])\s+")


def tidy_lines(text: str) -> list[str]:
    """The non-empty lines of `text`, spaces collapsed, empty table cells at their ends
    dropped; a form feed ("\\f") stays as a line of its own where a page ends."""
    lines: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\f\n").split("\n"):
        line = _BULLET.sub(r"\1 ", _CELL_EDGES.sub("", _SPACES.sub(" ", raw).strip()))
        if line == "\f":
            if lines and lines[-1] != "\f":
                lines.append(line)
        elif line:
            lines.append(line)
    while lines and lines[-1] == "\f":
        lines.pop()
    return lines


def row_lines(cells: list[list[str]]) -> Iterator[str]:
    """The lines of a table row whose cells hold these lines."""
    cells = [cell for cell in cells if cell]
    # Layout tables put one fact per cell ("Acme Corp" | "2019 – 2021"): one line
    # keeps them together; cells holding whole blocks are read one after the other.
    if all(len(cell) == 1 for cell in cells):
        if cells:
            yield " | ".join(cell[0] for cell in cells)
    else:
        for cell in cells:
            yield from cell


def text_document(kind: str, text: str, *, header: str = "", links: tuple[str, ...] = ()) -> ExtractedDocument:
    """The ExtractedDocument of `kind` whose body is `text` (a form feed ends a page)."""
    lines = tidy_lines(text)
    body = "\n".join(lines).replace("\n\f\n", PAGE_SEPARATOR)
    check_text_length(len(body) + len(header))
    header = "\n".join(dict.fromkeys(tidy_lines(header.replace("\f", "\n"))))
    warnings: list[DocumentWarning] = []
    if not body and not header:
        warnings.append((resume_pb2.WARNING_CODE_NO_TEXT_LAYER,
                         f"The {kind.upper()} file contains no text; upload a document with the resume's text."))
    warnings.extend(garbled_warning(body))
    return ExtractedDocument(kind, body, 1 + lines.count("\f"), header, tuple(warnings), links)
