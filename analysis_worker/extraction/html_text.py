"""Text of HTML resumes: the visible text, a line per block.

Block elements and <br> end lines, list items start with a bullet, a table row's cells
are joined by " | " on one line when each holds one line. Scripts, styles, comments, the head and hidden
elements are dropped. libxml2's HTML parser never fetches anything (no_network) nor
expands entities beyond HTML's named characters, and it stops nesting at 256 levels,
which is refused here rather than read in part."""

from __future__ import annotations

import re

from lxml import etree, html

from analysis_worker.document import ExtractedDocument, ExtractionError
from analysis_worker.extraction.plain_text import decode_text
from analysis_worker.extraction.text_documents import row_lines, text_document

# Pages that generators write nest a few dozen levels; libxml2 stops at 256.
MAX_DEPTH = 200
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "ul",
))
_DROPPED = frozenset((
    "head", "script", "style", "noscript", "template", "svg", "math", "object", "embed", "iframe", "frame",
    "frameset", "canvas", "audio", "video", "select", "option", "button", "input", "textarea", "map",
))
_CELLS = frozenset(("td", "th"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def extract_html(content: bytes) -> ExtractedDocument:
    declared = _CHARSET.search(content[:4096])
    text = decode_text(content, "html", declared.group(1).decode("ascii") if declared else "")
    # Decoded here, so the parser gets UTF-8 whatever the file declares (an XML declaration too).
    parser = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                             default_doctype=False)
    try:
        root = html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as error:  # an empty document, or only comments
        raise ExtractionError("The HTML file holds no document; upload the resume as a PDF or DOCX.") from error
    parts: list[str] = []
    links: list[str] = []
    _walk(root, parts, links)
    return text_document("html", "".join(parts), links=tuple(dict.fromkeys(links)))


def _walk(root: html.HtmlElement, parts: list[str], links: list[str]) -> None:
    """Appends the visible text of `root` to parts and its link targets to links, walking
    without recursion."""
    walker = etree.iterwalk(root, events=("start", "end"))
    depth = preformatted = 0
    rows: list[tuple[int, list[int]]] = []  # per open table row: where it starts in parts, and each cell
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            depth += 1
            if depth > MAX_DEPTH:
                raise ExtractionError(
                    f"The HTML file nests its elements more than {MAX_DEPTH} levels deep, which no resume "
                    "needs, so it was refused; save the resume again as HTML or PDF and upload it.")
            if not tag or tag in _DROPPED or _hidden(element):
                walker.skip_subtree()
                continue
            preformatted += tag == "pre"
            if tag in _BLOCKS:
                _break(parts, "\n• " if tag == "li" else "\n")
            elif tag == "br":
                parts.append("\n")
            if tag == "tr":
                rows.append((len(parts), []))
            elif tag in _CELLS and rows:
                rows[-1][1].append(len(parts))
            href = (element.get("href") or "").strip() if tag == "a" else ""
            if href.lower().startswith(_LINK_SCHEMES):
                links.append(href)
            parts.append(_text(element.text, preformatted))
        else:
            depth -= 1
            if tag and tag not in _DROPPED and not _hidden(element):
                preformatted -= tag == "pre"
                if tag == "tr" and rows:
                    _join_row(parts, *rows.pop())
                if tag in _BLOCKS:
                    _break(parts, "\n")
            parts.append(_text(element.tail, preformatted))


def _join_row(parts: list[str], start: int, cells: list[int]) -> None:
    """Replaces the parts of a table row by its lines, as DOCX rows are read (row_lines)."""
    texts = ["".join(parts[begin:end]) for begin, end in zip(cells, [*cells[1:], len(parts)], strict=True)]
    del parts[start:]
    lines = row_lines([[line.strip() for line in text.split("\n") if line.strip()] for text in texts])
    parts.append("\n" + "\n".join(lines) + "\n")


def _break(parts: list[str], mark: str) -> None:
    """Ends the line with `mark` ("\\n", or a list item's "\\n• "), unless the line is empty
    or a list item's bullet alone: its first block holds its text."""
    last = next((part for part in reversed(parts) if part.strip(" \t")), "\n")
    if not (last.startswith("\n•") or last == mark == "\n"):
        parts.append(mark)


def _hidden(element: html.HtmlElement) -> bool:
    return (element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true"
            or bool(_HIDDEN_STYLE.search(element.get("style", ""))))


def _text(text: str | None, preformatted: int) -> str:
    if not text:
        return ""
    return text if preformatted else _SPACE.sub(" ", text)
