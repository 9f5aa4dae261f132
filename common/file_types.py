"""The file types the service analyses, told by MIME type, extension and magic bytes."""

from __future__ import annotations

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUPPORTED = {PDF: "pdf", DOCX: "docx"}
_EXTENSIONS = {".pdf": PDF, ".docx": DOCX}
# PDF readers accept the header anywhere in the first KiB; so do we.
_PDF_HEADER_WINDOW = 1024


def from_file_name(file_name: str) -> str | None:
    """The MIME type that the file name's extension stands for, if supported."""
    dot = file_name.rfind(".")
    return _EXTENSIONS.get(file_name[dot:].lower()) if dot >= 0 else None


def sniff(content: bytes) -> str | None:
    """The MIME type the magic bytes claim. DOCX is only recognised as a zip here;
    telling a DOCX from any other zip needs its member list."""
    if b"%PDF-" in content[:_PDF_HEADER_WINDOW]:
        return PDF
    if content.startswith(b"PK\x03\x04"):
        return DOCX
    return None
