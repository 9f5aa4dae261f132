"""The file types the service analyses, told by MIME type, name and magic bytes: documents
("pdf", "docx") and pictures of pages ("png", "jpeg", "tiff", "webp"), which are read by OCR."""

from __future__ import annotations

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
IMAGES = ("png", "jpeg", "tiff", "webp")
KINDS = ("pdf", "docx", *IMAGES)
STANDARD_MIME = {"pdf": PDF, "docx": DOCX, "png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff",
                 "webp": "image/webp"}
# Clients also label these files with older or vaguer types; the bytes then decide.
_MIME_KINDS = {
    **{mime: kind for kind, mime in STANDARD_MIME.items()},
    "application/x-pdf": "pdf",
    "application/msword": "docx",
    "image/jpg": "jpeg",
    "image/pjpeg": "jpeg",
    "image/tif": "tiff",
    "image/x-tiff": "tiff",
}
_GENERIC_MIME = {
    "", "application/octet-stream", "binary/octet-stream", "application/zip", "application/x-zip-compressed",
}
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff",
               ".tiff": "tiff", ".webp": "webp"}
# PDF readers accept the header anywhere in the first KiB; so do we.
_PDF_HEADER_WINDOW = 1024
_SIGNATURES = (
    (b"PK\x03\x04", "zip"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
)
# Pictures people send that are not read, with what to send instead.
_OTHER_PICTURES = (
    (b"GIF8", "a GIF image"),
    (b"BM", "a BMP image"),
)
SUPPORTED = "a PDF, DOCX, PNG, JPEG, TIFF or WebP file"


class UnsupportedType(ValueError):
    pass


def declared_kind(mime_type: str) -> str:
    """The kind (KINDS) of a MIME type of a supported file, "" for a type that says
    nothing (empty, octet-stream, zip); UnsupportedType for any other."""
    mime = mime_type.split(";")[0].strip().lower()
    if mime in _GENERIC_MIME:
        return ""
    try:
        return _MIME_KINDS[mime]
    except KeyError:
        raise UnsupportedType(f"{mime_type!r} is not supported; send {SUPPORTED}") from None


def from_file_name(file_name: str) -> str:
    """The kind the file name's extension says, else ""."""
    dot = file_name.rfind(".")
    return _EXTENSIONS.get(file_name[dot:].lower(), "") if dot >= 0 else ""


def sniff(content: bytes) -> str:
    """"pdf", "zip" (a DOCX or any other zip: only its member list tells), an image kind
    (IMAGES) or ""."""
    if b"%PDF-" in content[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    return next((kind for signature, kind in _SIGNATURES if content.startswith(signature)), "")


def unsupported_picture(content: bytes) -> str:
    """What kind of picture unsupported bytes are ("a GIF image"), or "" when they are none."""
    if content[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "a HEIC photo"
    return next((what for signature, what in _OTHER_PICTURES if content.startswith(signature)), "")
