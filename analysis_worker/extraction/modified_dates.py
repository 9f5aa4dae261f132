"""When a document says it was last modified: the reference date of a resume that names
none, since "present" in it meant that day (analysis/reference_date.py judges whether it
is plausible)."""

from __future__ import annotations

import re
from datetime import date

import pypdf
from docx.oxml.parser import parse_xml

_DCTERMS_MODIFIED = "{http://purl.org/dc/terms/}modified"
_W3CDTF_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def pdf_modified(reader: pypdf.PdfReader) -> date | None:
    """The document information's ModDate, else its CreationDate."""
    try:
        metadata = reader.metadata
        if metadata is None:
            return None
        moment = metadata.modification_date or metadata.creation_date
    except Exception:  # noqa: BLE001 - a malformed date or a broken Info dictionary tells no date
        return None
    return moment.date() if moment else None


def docx_modified(core_properties: bytes | None) -> date | None:
    """dcterms:modified of docProps/core.xml (W3CDTF, "2024-03-05T10:00:00Z")."""
    if not core_properties:
        return None
    try:
        element = parse_xml(core_properties).find(_DCTERMS_MODIFIED)
    except Exception:  # noqa: BLE001 - damaged metadata does not make the resume unreadable
        return None
    match = _W3CDTF_DAY.match(element.text or "") if element is not None else None
    if match is None:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None
