"""The file types the service analyses ("pdf", "docx"), told by MIME type, name and magic bytes."""

from __future__ import annotations

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STANDARD_MIME = {"pdf": PDF, "docx": DOCX}
# Clients also label these files with older or vaguer types; the bytes then decide.
_MIME_KINDS = {
    PDF: "pdf",
    "application/x-pdf": "pdf",
    DOCX: "docx",
    "application/msword": "docx",
}
_GENERIC_MIME = {
    "", "application/octet-stream", "binary/octet-stream", "application/zip", "application/x-zip-compressed",
}
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx"}
# PDF readers accept the header anywhere in the first KiB; so do we.
_PDF_HEADER_WINDOW = 1024


class UnsupportedType(ValueError):
    pass


def declared_kind(mime_type: str) -> str:
    """"pdf" or "docx" for a MIME type of those files, "" for a type that says nothing
    (empty, octet-stream, zip); UnsupportedType for any other."""
    mime = mime_type.split(";")[0].strip().lower()
    if mime in _GENERIC_MIME:
        return ""
    try:
        return _MIME_KINDS[mime]
    except KeyError:
        raise UnsupportedType(f"{mime_type!r} is not supported; send {PDF!r} or {DOCX!r}") from None


def from_file_name(file_name: str) -> str:
    """"pdf" or "docx" when the file name's extension says so, else ""."""
    dot = file_name.rfind(".")
    return _EXTENSIONS.get(file_name[dot:].lower(), "") if dot >= 0 else ""


def sniff(content: bytes) -> str:
    """"pdf", "zip" (a DOCX or any other zip: only its member list tells) or ""."""
    if b"%PDF-" in content[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return "zip"
    return ""
