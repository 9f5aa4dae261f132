"""The file types the service analyses, told by MIME type, name and magic bytes: documents
("pdf", "docx", "doc", "odt", "rtf", "html", "txt") and pictures of pages ("png", "jpeg",
"tiff", "webp"), which are read by OCR."""

from __future__ import annotations

import codecs

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
IMAGES = ("png", "jpeg", "tiff", "webp")
DOCUMENTS = ("pdf", "docx", "doc", "odt", "rtf", "html", "txt")
KINDS = (*DOCUMENTS, *IMAGES)
STANDARD_MIME = {"pdf": PDF, "docx": DOCX, "doc": "application/msword", "odt": ODT, "rtf": "application/rtf",
                 "html": "text/html", "txt": "text/plain", "png": "image/png", "jpeg": "image/jpeg",
                 "tiff": "image/tiff", "webp": "image/webp"}
# Clients also label these files with older or vaguer types; the bytes then decide.
_MIME_KINDS = {
    **{mime: kind for kind, mime in STANDARD_MIME.items()},
    "application/x-pdf": "pdf",
    "text/rtf": "rtf",
    "application/x-rtf": "rtf",
    "application/xhtml+xml": "html",
    "image/jpg": "jpeg",
    "image/pjpeg": "jpeg",
    "image/tif": "tiff",
    "image/x-tiff": "tiff",
}
# Word's own type is sent for whatever Word opens: a .doc, a DOCX or an RTF.
_AGREEING = {"doc": ("doc", "docx", "rtf")}
_GENERIC_MIME = {
    "", "application/octet-stream", "binary/octet-stream", "application/zip", "application/x-zip-compressed",
}
_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".odt": "odt", ".rtf": "rtf", ".html": "html",
               ".htm": "html", ".txt": "txt", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".tif": "tiff",
               ".tiff": "tiff", ".webp": "webp"}
# PDF readers accept the header anywhere in the first KiB; so do we.
_PDF_HEADER_WINDOW = 1024
# An ODF package starts with its uncompressed "mimetype" member (ODF 1.2, part 3, 3.3).
_ODT_START = b"mimetype" + ODT.encode()
_SIGNATURES = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    (b"{\\rtf", "rtf"),
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
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<title")
# Text is what has no NUL byte and almost no other control characters in its first 8 KiB.
_TEXT_WINDOW = 8192
_MAX_CONTROL_SHARE = 0.01
_CONTROLS = bytes(set(range(32)) - {9, 10, 12, 13})
SUPPORTED = "a PDF, DOCX, DOC, ODT, RTF, HTML, TXT, PNG, JPEG, TIFF or WebP file"


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


def agrees(declared: str, found: str) -> bool:
    """Whether a declared kind (declared_kind, not "") fits the kind the bytes are."""
    return found in _AGREEING.get(declared, (declared,))


def from_file_name(file_name: str) -> str:
    """The kind the file name's extension says, else ""."""
    dot = file_name.rfind(".")
    return _EXTENSIONS.get(file_name[dot:].lower(), "") if dot >= 0 else ""


def bom_encoding(content: bytes) -> str:
    """The encoding a byte-order mark at the start names, else ""."""
    return next((encoding for bom, encoding in _BOMS if content.startswith(bom)), "")


def sniff(content: bytes) -> str:
    """"pdf", "odt", "zip" (a DOCX or any other zip: only its member list tells), "doc"
    (any OLE compound file: only its streams tell), "rtf", "html", "txt", an image kind
    (IMAGES) or ""."""
    if b"%PDF-" in content[:_PDF_HEADER_WINDOW]:
        return "pdf"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return "webp"
    if content.startswith(b"PK\x03\x04") and content[30:30 + len(_ODT_START)] == _ODT_START:
        return "odt"
    found = next((kind for signature, kind in _SIGNATURES if content.startswith(signature)), "")
    # A GIF's or BMP's header alone reads as text.
    return found or ("" if unsupported_picture(content) else _text_kind(content))


def _text_kind(content: bytes) -> str:
    """"html", "txt" or "" for bytes that are not text (or none)."""
    if not content:
        return ""
    encoding = bom_encoding(content)
    head = content[:_TEXT_WINDOW]
    if encoding.startswith("utf-16"):
        text = head[2:].decode(encoding, "replace")
    elif b"\x00" in head or sum(head.count(byte) for byte in _CONTROLS) > _MAX_CONTROL_SHARE * len(head):
        return ""
    else:
        text = head.decode("latin-1")
    start = text.lstrip("\ufeff\xef\xbb\xbf \t\r\n").lower()
    while start.startswith(("<!--", "<?xml")):  # a comment or an XML declaration before the markup
        end = start.find("-->" if start.startswith("<!--") else "?>")
        start = start[end + 3:].lstrip() if end >= 0 else ""
    return "html" if start.startswith(_HTML_STARTS) else "txt"


def unsupported_picture(content: bytes) -> str:
    """What kind of picture unsupported bytes are ("a GIF image"), or "" when they are none."""
    if content[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return "a HEIC photo"
    return next((what for signature, what in _OTHER_PICTURES if content.startswith(signature)), "")
