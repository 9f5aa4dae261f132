"""What extraction produces, and how it fails: light enough for the worker's main
process, which receives both from its extraction processes without importing the
parsers (pypdf, python-docx, lxml: some 30 MB)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # the message types only: this module is imported where protobuf is not
    from common.proto.resume.v1 import resume_pb2

# Stands for any icon in the text: an icon font's glyph, whatever its text layer reads.
# It lies in the Private Use Area, where icon fonts map their glyphs.
ICON = "\ue000"
# Between the pages of a document's text.
PAGE_SEPARATOR = "\n\f\n"
# What a document tells of itself beside its text (encrypted, read by OCR, ...): a code, and a
# sentence for the API caller.
DocumentWarning: TypeAlias = tuple["resume_pb2.WarningCode.ValueType", str]


class ExtractionError(Exception):
    """The file cannot be analysed, whatever the number of retries (corrupt, encrypted,
    unsupported, too large). Message is a clear, actionable English sentence for the API caller."""


@dataclass(frozen=True)
class Span:
    """A piece of a line set in one font and size."""
    text: str  # with the spaces that follow it on the line
    size: float  # in points on the page
    bold: bool
    italic: bool
    gap: float = 0.0  # the space left blank before it on the line, in ems of its size


@dataclass(frozen=True)
class StyledLine:
    """A line of the text as the page shows it: where it stands and how it is set. The
    analysis reads headings and the name from how lines look as well as from their words."""
    text: str
    page: int  # from 1
    top: float  # points from the top of the page to the line's baseline
    left: float  # points from the left edge of the page
    right: float  # points from the left edge of the page to the line's end
    spans: tuple[Span, ...]

    @property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        sizes: dict[float, int] = {}
        for span in self.spans:
            sizes[span.size] = sizes.get(span.size, 0) + len(span.text)
        return max(sizes, key=sizes.__getitem__) if sizes else 0.0

    @property
    def bold(self) -> bool:
        """Most of the line's characters are bold."""
        return 2 * sum(len(span.text) for span in self.spans if span.bold) > len("".join(s.text for s in self.spans))

    @property
    def italic(self) -> bool:
        """Most of the line's characters are italic."""
        return 2 * sum(len(span.text) for span in self.spans if span.italic) > len("".join(s.text for s in self.spans))


@dataclass(frozen=True)
class ExtractedDocument:
    format: str  # a document's kind ("pdf", "docx", "doc", "odt", "rtf", "html", "txt") or a picture's
    text: str  # body text in reading order, pages separated by PAGE_SEPARATOR
    pages: int
    header_text: str  # text found only in page headers/footers
    warnings: tuple[DocumentWarning, ...]
    # Link targets (PDF URI annotations, DOCX hyperlinks) in document order: résumé
    # templates often show an icon and a user name while the URL lives only here.
    links: tuple[str, ...] = ()
    # The body's lines with their place and type, in the text's order, where the format
    # tells them (PDF text layers, OCR of scans and pictures); empty where it does not (DOCX).
    lines: tuple[StyledLine, ...] = ()
    # When the file says it was last modified (PDF ModDate, DOCX dcterms:modified), as written.
    modified: date | None = None


@dataclass(frozen=True)
class OcrOptions:
    """How extraction may use OCR; the worker builds it from Settings, since extraction
    processes never read the environment."""
    enabled: bool = True
    max_pages: int = 5  # pages read by OCR per document; further image-only pages get a warning
    dpi: int = 300  # resolution pages are rendered at for OCR (README, OCR: measured against 200)


DEFAULT_OCR = OcrOptions()
