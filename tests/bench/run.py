"""`make bench`: throughput, latency and memory of the real stack, each figure beside an
anchor measured in the same run on the same machine.

    python -m tests.bench.run [--quick] [--only submit,worker,latency,memory] [--out PATH]
    python -m tests.bench.run --compare A.json B.json

The stack is an embedded redis-server, `python -m gateway_service` and
`python -m analysis_worker` as separate processes (so that their CPU and RSS are their
own), configured as the tests configure them (tests/helpers/support.py service_env). The load
comes from this process. Results go to .bench/results-<timestamp>.json.

The stack is stack.py; each part is a module of its own (submit, worker_throughput,
latency, memory), with its anchors in node_anchors.py and extraction_anchors.py; report.py,
targets.py and compare.py turn the results into what is printed.

Anchors, and why these:
- SubmitResume vs bullmq's Queue.add from this process, with the same job data and
  options and the same number of adds in flight: what the gateway adds on top of the
  queue library it is built on. Inline uploads also SET the file first, so their anchor
  is SET + add, the same Redis work. Node.js BullMQ's queue.add shows what the Redis
  side allows when the client is fast.
- SubmitResume vs the smallest Node.js Express + BullMQ submit path (node_submit.js),
  both driven by the same Node.js load generator: what a caller gets from this service
  beside what a plain Node service on the same Redis would give it. Under that load
  too, servers that do part of the gateway's work (stub_gateway.py: nothing, a Redis
  PING, bullmq's add) show where its time goes.
- Worker throughput vs pypdf/python-docx called directly in a process pool of the same
  size on the same files (the RenderCV PDFs, longer; the corpus's one- and two-page PDFs
  and the labeled DOCX files, where a job's fixed cost shows), and vs the service's own
  extraction + analysis in that pool: the first is the target's anchor, the second
  separates the queue's overhead from the document work the service chooses to do. The
  short PDFs' CPU per document splits that work into pypdf's text, the rest of the
  extraction and the analysis.
- Submit-to-completed latency vs the extraction time of the same file in one process.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from .bench_run import BenchRun
from .compare import compare
from .latency import bench_latency
from .memory import bench_memory
from .report import report
from .stack import BENCH_DIR
from .submit import bench_submit
from .targets import targets
from .worker_throughput import bench_worker

PARTS: dict[str, Callable[[BenchRun], Awaitable[None]]] = {
    "submit": bench_submit,
    "worker": bench_worker,
    "latency": bench_latency,
    "memory": bench_memory,
}


async def main(args: argparse.Namespace) -> None:
    parts = args.only.split(",") if args.only else list(PARTS)
    started = time.monotonic()
    async with BenchRun(args) as run:
        run.results["meta"] = {
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "quick": args.quick,
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "parts": parts,
        }
        for part in parts:
            await PARTS[part](run)
        results = run.results
    results["meta"]["seconds"] = round(time.monotonic() - started, 1)
    for row in results.get("submit", []):
        # CPU the gateway spends per call: steadier than the rate when the machine is shared.
        used = sum(v for k, v in row["gateway"].get("cpu", {}).items() if k.startswith("gateway"))
        row["gateway_cpu_ms_per_call"] = (
            round(10 * used / row["gateway"]["rate"], 3) if row["gateway"]["rate"] else None
        )
    results["targets"] = targets(results)
    out = Path(args.out) if args.out else BENCH_DIR / f"results-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print()
    print(report(results))
    print(f"\n{results['meta']['seconds']} s; results in {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short windows and few jobs: a smoke run")
    parser.add_argument("--only", help="comma-separated parts: submit, worker, latency, memory")
    parser.add_argument("--callers", default="1,16,64", help="concurrent SubmitResume callers to measure")
    parser.add_argument("--out", help="where to write the JSON results")
    parser.add_argument(
        "--compare", nargs=2, metavar=("A", "B"), help="print B/A for every figure of two results"
    )
    arguments = parser.parse_args()
    if arguments.compare:
        print(compare(Path(arguments.compare[0]), Path(arguments.compare[1])))
    else:
        asyncio.run(main(arguments))
