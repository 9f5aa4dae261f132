"""CPU time and memory of OCR per scanned page (to compare OCR models or reading order),
and the worker's memory for ten scans at once on the whole stack.

    .venv/bin/python -m tests.bench.ocr_pages [ROUNDS]
    .venv/bin/python -m tests.bench.ocr_pages --stack

Renders the pages of the scanned PDFs of the labeled set (tests/labeled/scans.py, eight
pages) at 300 DPI, reads one to load the engine, then all of them ROUNDS times (default
2) by OCR in this process, and prints the median, least and most CPU seconds per page
(process time: steadier than wall time on a shared machine, and OCR runs on one thread),
the first page's time with the engine's load, and the process's peak address space and
resident memory. Run it from each checkout's root to compare two versions on the same
machine.

With --stack: a Redis server, the gateway and a worker with WORKER_CONCURRENCY=10 (its
pool as large as the machine's cores allow), ten scans (PDF and one-picture DOCX) submitted
at once over gRPC; prints the time until all ten are analysed and the peak resident memory
of the worker with its pool processes, sampled every 50 ms.
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2

from analysis_worker.extraction import ocr
from common.proto.resume.v1 import resume_pb2
from tests.helpers.processes import start_worker
from tests.helpers.support import (
    RPC_TIMEOUT,
    isolated_stack,
    submit_request,
    tree_rss,
    wait_for_final_state,
)
from tests.labeled.scans import scan_cases


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


async def stack() -> None:
    scans = scan_cases()[:10]
    with tempfile.TemporaryDirectory() as directory:
        async with isolated_stack(Path(directory), WORKER_CONCURRENCY="10") as running:
            worker = start_worker(running.env, Path(directory) / "worker.log")
            try:
                peak, done = 0, False

                async def sample() -> None:
                    nonlocal peak
                    while not done:
                        peak = max(peak, tree_rss(worker.pid))
                        await asyncio.sleep(0.05)

                sampler = asyncio.create_task(sample())
                requests = [submit_request(content=case.content, file_name=case.file_name) for case in scans]
                started = time.monotonic()
                jobs = [await running.stub.SubmitResume(request, timeout=RPC_TIMEOUT) for request in requests]
                states = [(await wait_for_final_state(running.stub, job.job_id, request.organisation_id,
                                                      timeout=600)).state
                          for job, request in zip(jobs, requests, strict=True)]
                elapsed = time.monotonic() - started
                done = True
                await sampler
            finally:
                worker.stop()
    completed = states.count(resume_pb2.JOB_STATE_COMPLETED)
    print(f"{len(scans)} scans at once, WORKER_CONCURRENCY=10: {completed} completed in {elapsed:.1f} s; "
          f"worker with its pool processes peaked at {peak / 2**20:.0f} MB resident")


if __name__ == "__main__":
    if "--stack" in sys.argv:
        asyncio.run(stack())
    else:
        main()
