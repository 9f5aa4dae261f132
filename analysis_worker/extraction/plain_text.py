"""Text of plain-text resumes, and the decoding of text bytes that HTML shares.

The encoding is the one a byte-order mark names; else UTF-8 when the bytes are valid
UTF-8; else what charset-normalizer finds; else cp1252, which decodes any byte."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from analysis_worker.document import ExtractedDocument, ExtractionError
from analysis_worker.extraction.text_documents import text_document
from common import file_types

# charset-normalizer reads this much to decide: a resume's encoding shows well before it.
_DETECTION_BYTES = 64 * 1024
# Text with more than this share of control characters (NUL, escape, ...) is binary.
_MAX_CONTROL_SHARE = 0.01
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(content: bytes, kind: str, hint: str = "") -> str:
    """The text of `content`; `hint` is an encoding the file declares (HTML's charset),
    used when no byte-order mark says otherwise. ExtractionError for binary bytes."""
    encoding = file_types.bom_encoding(content)
    if encoding:
        text = content.decode(encoding, "replace").removeprefix("\ufeff")
    else:
        text = _decode_unmarked(content, hint)
    controls = len(_CONTROLS.findall(text))
    if controls > _MAX_CONTROL_SHARE * max(len(text), 1):
        raise ExtractionError(
            f"The {kind.upper()} file holds binary data ({controls:,} control characters), not text; "
            "upload the resume as a PDF, DOCX or a text file.")
    return _CONTROLS.sub("", text)


def _decode_unmarked(content: bytes, hint: str) -> str:
    for encoding in (hint, "utf-8"):
        if encoding:
            try:
                return content.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                pass
    best = from_bytes(content[:_DETECTION_BYTES]).best()
    if best is not None:
        try:
            return content.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass  # the rest of the file disagrees with its start
    return content.decode("cp1252", "replace")


def extract_txt(content: bytes) -> ExtractedDocument:
    return text_document("txt", decode_text(content, "txt"))
