"""The worker's anchors: the same files through pypdf and python-docx alone, and through
the service's own extraction and analysis, in a process pool like the worker's."""

from __future__ import annotations

import io
import math
import multiprocessing
import time
from collections.abc import Callable
from typing import Any


# Run in pool processes: module-level so that spawn can pickle them.
def raw_extract(content: bytes) -> int:
    """The libraries alone: every page's text (pypdf), every paragraph and table cell (python-docx)."""
    if content[:4] == b"%PDF":
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(content))
        return sum(len(page.extract_text() or "") for page in reader.pages)
    import docx

    document = docx.Document(io.BytesIO(content))
    size = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            size += sum(len(cell.text) for cell in row.cells)
    return size


def service_pipeline(item: tuple[bytes, str, str]) -> int:
    """What a worker's pool process does for one job: the service's extraction and analysis."""
    from analysis_worker.pipeline import extract_and_analyse

    content, mime_type, file_name = item
    return len(extract_and_analyse(content, mime_type, file_name, 50, "", ()).analysis)


def pool_rate(processes: int, function: Callable[[Any], Any], items: list[Any]) -> dict[str, Any]:
    """Items per second over a pre-started, warmed-up pool of `processes` (spawned, as the
    worker's pool is)."""
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.map(function, items[: 2 * processes], chunksize=1)
        started = time.perf_counter()
        pool.map(function, items, chunksize=1)
        elapsed = time.perf_counter() - started
    return {"rate": round(len(items) / elapsed, 2), "items": len(items), "seconds": round(elapsed, 3)}


def short_pdf_costs(files: list[tuple[str, bytes]], rounds: int) -> dict[str, float]:
    """CPU ms per document in this process, the best of `rounds` passes over `files`:
    pypdf's text alone, the service's extraction (pypdf's text plus reading order, links
    and checks), and the analysis of the extracted text."""
    from analysis_worker.pipeline import analyse_document, extract_document

    contents = [content for _, content in files]
    documents = [extract_document(content, "application/pdf", name, 50) for name, content in files]

    def per_document(work: Callable[[Any], Any], items: list[Any]) -> float:
        best = math.inf
        for _ in range(rounds):
            started = time.process_time()
            for item in items:
                work(item)
            best = min(best, time.process_time() - started)
        return round(1000 * best / len(items), 2)

    return {
        "documents": len(files),
        "pypdf_ms": per_document(raw_extract, contents),
        "extraction_ms": per_document(lambda content: extract_document(content, "application/pdf", "", 50), contents),
        "analysis_ms": per_document(lambda document: analyse_document(document, "", ()), documents),
    }
