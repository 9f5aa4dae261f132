"""CPU time and memory of OCR per scanned page (to compare OCR models or reading order).

    .venv/bin/python tests/bench/ocr_pages.py [ROUNDS]

Renders the pages of the scanned PDFs of the labeled set (tests/labeled/scans.py, eight
pages) at 300 DPI, reads one to load the engine, then all of them ROUNDS times (default
2) by OCR in this process, and prints the median, least and most CPU seconds per page
(process time: steadier than wall time on a shared machine, and OCR runs on one thread),
the first page's time with the engine's load, and the process's peak address space and
resident memory. Run it from another checkout's root with this file's path to compare two
versions on the same machine.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path.cwd()
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import pypdfium2  # noqa: E402
from labeled.scans import scan_cases  # noqa: E402

from analysis_worker.extraction import ocr  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    pages = []
    for case in scan_cases():
        if case.file_name.endswith(".pdf"):
            document = pypdfium2.PdfDocument(case.content)
            numbers = list(range(1, len(document) + 1))
            document.close()
            pages += ocr.render_pdf_pages(case.content, numbers, 300).values()
    started = time.process_time()
    ocr.read_image(pages[0])
    first = time.process_time() - started
    times = []
    for _ in range(rounds):
        for image in pages:
            started = time.process_time()
            ocr.read_image(image)
            times.append(time.process_time() - started)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmPeak"))
    resident = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{len(pages)} scan pages x {rounds} rounds: median {statistics.median(times):.2f} s CPU per page "
          f"({min(times):.2f}-{max(times):.2f}); first page with the engine's load {first:.2f} s; "
          f"peak address space {peak} MB, peak resident {resident} MB")


if __name__ == "__main__":
    main()
