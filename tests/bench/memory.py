"""Part 4, memory: the gateway's and the worker's peak RSS with ten 5 MB files in flight
(WORKER_CONCURRENCY=10)."""

from __future__ import annotations

import time

from .bench_run import BenchRun
from .files import MB, large_files
from .procfs import peak_rss_mb, proc_children, process_family, reset_peak


async def bench_memory(run: BenchRun) -> None:
    print("== Memory, concurrency 10, 5 MB files", flush=True)
    stack = run.stack
    gateway = stack.gateways[0] if stack.gateways else await stack.start_gateway()
    files = large_files(5 * MB)
    count = 10 if run.quick else 40
    worker = await stack.start_worker(WORKER_CONCURRENCY="10")
    await stack.wait_finished(await stack.submit_files(files, 2), 60)
    for pid in [gateway.pid, *process_family(worker.pid)]:
        reset_peak(pid)
    started = time.monotonic()
    job_ids = await stack.submit_files(files, count, concurrency=10)
    times = await stack.wait_finished(job_ids, 300)
    children = proc_children(worker.pid)
    run.results["memory"] = {
        "jobs": count,
        "file_mb": [round(len(c) / MB, 2) for _, c in files],
        "seconds": round(time.monotonic() - started, 2),
        "failed": sum(1 for t in times if t["failed_reason"]),
        "gateway_peak_rss_mb": round(peak_rss_mb(gateway.pid), 1),
        "worker_peak_rss_mb": round(peak_rss_mb(worker.pid), 1),
        "children_peak_rss_mb": [round(peak_rss_mb(p), 1) for p in children],
    }
    stack.stop_worker(worker)
    await stack.flush_queue()
    print(f"  worker {run.results['memory']['worker_peak_rss_mb']} MB", flush=True)
