"""Part 2, worker throughput: resumes/s through the queue beside the same files in a pool
of as many processes, through pypdf and python-docx alone and through the service's own
extraction and analysis."""

from __future__ import annotations

import statistics
import time
from typing import Any

from tests.helpers.processes import ServiceProcess

from .bench_run import BenchRun
from .extraction_anchors import pool_rate, raw_extract, service_pipeline, short_pdf_costs
from .files import mime_of, rendercv_pdfs, short_docx, short_pdfs
from .procfs import peak_rss_mb, proc_children, process_family, reset_peak


async def worker_batch(
    run: BenchRun, worker: ServiceProcess, files: list[tuple[str, bytes]], count: int
) -> dict[str, Any]:
    """Jobs queued while the queue is paused, then released at once: the rate is from
    the release to the last job's finishedOn, so neither submission nor the worker's
    start-up counts."""
    stack = run.stack
    await stack.queue.pause()
    job_ids = await stack.submit_files(files, count)
    cpu = stack.cpu_window()
    cpu.start()
    released = time.time() * 1000
    await stack.queue.resume()
    times = await stack.wait_finished(job_ids, 300)
    usage = cpu.stop()
    await stack.flush_queue()
    return {
        "jobs": count,
        "rate": round(count / ((max(t["finished"] for t in times) - released) / 1000), 2),
        "failed": sum(1 for t in times if t["failed_reason"]),
        "cpu": usage,
    }


async def bench_worker(run: BenchRun) -> None:
    """Each figure is the median of a few rounds, each round measuring the worker, the
    libraries alone and the service's pipeline alone one after the other: this machine's
    speed drifts over seconds, and a ratio of figures taken far apart drifts with it."""
    print("== Worker throughput", flush=True)
    stack = run.stack
    gateway = stack.gateways[0] if stack.gateways else await stack.start_gateway()
    rounds = 1 if run.quick else 3
    sets = {
        "rendercv_pdf": (rendercv_pdfs(), 1 if run.quick else 4),
        "short_pdf": (short_pdfs(), 1 if run.quick else 4),
        "short_docx": (short_docx(), 2 if run.quick else 8),
    }
    rows = []
    for name, (files, repeat) in sets.items():
        count = len(files) * repeat
        chosen = [files[n % len(files)] for n in range(count)]
        for processes in (1, 2):
            worker = await stack.start_worker(WORKER_PROCESSES=str(processes))
            # Warm every pool process (imports, first-call caches) before measuring.
            await stack.wait_finished(await stack.submit_files(files, 2 * processes), 60)
            for pid in process_family(worker.pid):
                reset_peak(pid)
            measured, raw, pipeline = [], [], []
            for _ in range(rounds):
                measured.append(await worker_batch(run, worker, files, count))
                raw.append(pool_rate(processes, raw_extract, [content for _, content in chosen]))
                pipeline.append(pool_rate(
                    processes, service_pipeline, [(content, mime_of(n), n) for n, content in chosen]
                ))
            children = proc_children(worker.pid)
            summary = {
                **measured[-1],
                "rate": statistics.median(m["rate"] for m in measured),
                "rates": [m["rate"] for m in measured],
                "failed": sum(m["failed"] for m in measured),
                "worker_peak_rss_mb": round(peak_rss_mb(worker.pid), 1),
                "children_peak_rss_mb": round(sum(peak_rss_mb(p) for p in children), 1),
                "children": len(children),
            }
            stack.stop_worker(worker)
            rows.append(
                {
                    "files": name,
                    "processes": processes,
                    "worker": summary,
                    "raw_extraction": {"rate": statistics.median(r["rate"] for r in raw),
                                       "rates": [r["rate"] for r in raw]},
                    "service_pipeline": {"rate": statistics.median(p["rate"] for p in pipeline),
                                         "rates": [p["rate"] for p in pipeline]},
                    "ratio": round(statistics.median(
                        m["rate"] / r["rate"] for m, r in zip(measured, raw, strict=True)), 3),
                    "ratio_pipeline": round(statistics.median(
                        m["rate"] / p["rate"] for m, p in zip(measured, pipeline, strict=True)), 3),
                }
            )
            print(
                f"  {name} x{processes}: {summary['rate']}/s, raw {rows[-1]['raw_extraction']['rate']}/s, "
                f"pipeline {rows[-1]['service_pipeline']['rate']}/s",
                flush=True,
            )
    run.results["worker"] = rows
    run.results["short_pdf_costs"] = short_pdf_costs(short_pdfs(), 1 if run.quick else 3)
    run.results["gateway_peak_rss_mb_worker_runs"] = round(peak_rss_mb(gateway.pid), 1)
