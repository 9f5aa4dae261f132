"""What extraction produces, and how it fails: light enough for the worker's main
process, which receives both from its extraction processes without importing the
parsers (pypdf, python-docx, lxml: some 30 MB)."""

from __future__ import annotations

from dataclasses import dataclass


class ExtractionError(Exception):
    """The file cannot be analysed, whatever the number of retries (corrupt, encrypted,
    unsupported, too large). Message is a clear, actionable English sentence for the API caller."""


@dataclass(frozen=True)
class ExtractedDocument:
    format: str  # "pdf" or "docx"
    text: str  # body text in reading order, pages separated by "\n\f\n"
    pages: int
    header_text: str  # text found only in page headers/footers
    warnings: tuple[tuple[int, str], ...]  # (resume_pb2.WarningCode value, message)
    # Link targets (PDF URI annotations, DOCX hyperlinks) in document order: résumé
    # templates often show an icon and a user name while the URL lives only here.
    links: tuple[str, ...] = ()


@dataclass(frozen=True)
class OcrOptions:
    """How extraction may use OCR; the worker builds it from Settings, since extraction
    processes never read the environment."""
    enabled: bool = True
    max_pages: int = 5  # pages read by OCR per document; further image-only pages get a warning
    dpi: int = 300  # resolution pages are rendered at for OCR (README, OCR: measured against 200)


DEFAULT_OCR = OcrOptions()
