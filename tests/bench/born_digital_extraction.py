"""Extraction time of born-digital PDFs (which must not change with OCR available).

    .venv/bin/python -m tests.bench.born_digital_extraction [ROUNDS]

Extracts the RenderCV fixtures and the labeled set's PDFs ROUNDS times (default 5) in
this process and prints the median milliseconds per page and per file, with the
number of files that went through OCR (0 expected). Run it from each checkout's root to
compare two versions on the same machine.
"""

from __future__ import annotations

import statistics
import sys
import time

from analysis_worker.extraction import extract
from tests.labeled.cases import labeled_cases


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    pdfs = [case.content for case in labeled_cases() if case.file_name.endswith(".pdf")]
    per_page, per_file, with_ocr = [], [], 0
    for _ in range(rounds):
        for content in pdfs:
            started = time.perf_counter()
            document = extract(content, file_name="cv.pdf")
            elapsed = 1000 * (time.perf_counter() - started)
            per_file.append(elapsed)
            per_page.append(elapsed / max(document.pages, 1))
            with_ocr += any(code == 7 for code, _ in document.warnings)  # WARNING_CODE_OCR_USED
    print(f"{len(pdfs)} born-digital PDFs x {rounds} rounds: median {statistics.median(per_page):.2f} ms per page, "
          f"{statistics.median(per_file):.2f} ms per file (p90 {statistics.quantiles(per_file, n=10)[-1]:.2f}); "
          f"read by OCR: {with_ocr}")


if __name__ == "__main__":
    main()
