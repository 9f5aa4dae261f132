"""Part 3, idle submit-to-completed: a one-page PDF submitted and watched to its end, one
job at a time, beside the extraction of the same file in this process."""

from __future__ import annotations

import asyncio
import statistics
import time
from typing import Any

from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc

from .bench_run import BenchRun
from .extraction_anchors import raw_extract
from .files import one_page_pdf
from .measure import ms, quantile, time_alone


def p50_p99(seconds: list[float]) -> dict[str, float | None]:
    return {"p50_ms": ms(quantile(seconds, 0.5)), "p99_ms": ms(quantile(seconds, 0.99))}


async def bench_latency(run: BenchRun) -> None:
    print("== Idle submit-to-completed", flush=True)
    stack = run.stack
    if not stack.gateways:
        await stack.start_gateway()
    worker = await stack.start_worker()
    content = one_page_pdf()
    count = 10 if run.quick else 40
    channel = stack.channels(1)[0]
    stub = resume_pb2_grpc.GatewayServiceStub(channel)
    from analysis_worker.pipeline import analyse_document, extract_document

    def extract() -> Any:
        return extract_document(content, "application/pdf", "one-page.pdf", 50)

    recorded, observed, waited, processing, alone = [], [], [], [], []
    cpu = stack.cpu_window()
    cpu.start()
    try:
        for n in range(count + 3):
            submitted = time.time()
            answer = await stub.SubmitResume(
                resume_pb2.SubmitResumeRequest(
                    resume_id=f"l{n}",
                    candidate_id="c",
                    organisation_id="bench",
                    file_name="one-page.pdf",
                    content=content,
                ),
                timeout=10,
            )
            async for update in stub.WatchJob(
                resume_pb2.WatchJobRequest(job_id=answer.job_id, organisation_id="bench"), timeout=30
            ):
                if update.status.state in (resume_pb2.JOB_STATE_COMPLETED, resume_pb2.JOB_STATE_FAILED):
                    break
            seen = time.time()
            (times,) = await stack.job_times([answer.job_id])
            if update.status.state != resume_pb2.JOB_STATE_COMPLETED:
                raise RuntimeError(f"job failed: {update.status.failed_reason}")
            if n >= 3:  # the first jobs warm the pool processes
                recorded.append(times["finished"] / 1000 - submitted)
                observed.append(seen - submitted)
                waited.append((times["processed"] - times["created"]) / 1000)
                processing.append((times["finished"] - times["processed"]) / 1000)
                # The anchor is timed between jobs, so that both see the machine as it is then.
                started = time.perf_counter()
                extract()
                alone.append(time.perf_counter() - started)
            await asyncio.sleep(0.1)  # idle between jobs, as the target says
    finally:
        await channel.close()
    usage = cpu.stop()
    stack.stop_worker(worker)
    await stack.flush_queue()

    document = extract()
    repeat = 10 if run.quick else 30
    run.results["latency"] = {
        "jobs": count,
        "file_bytes": len(content),
        "to_finished_on": p50_p99(recorded),
        "watchjob_observed": p50_p99(observed),
        # From BullMQ's own timestamps: created -> taken by the worker -> finished.
        "queue_wait": p50_p99(waited),
        "processing": p50_p99(processing),
        "cpu": usage,
        "extraction_alone": {"p50_ms": ms(statistics.median(alone)), "min_ms": ms(min(alone))},
        # The same in a tight loop, caches warm: the lower bound.
        "extraction_warm": time_alone(extract, repeat),
        "raw_pypdf_alone": time_alone(lambda: raw_extract(content), repeat),
        "analysis_alone": time_alone(lambda: analyse_document(document, "", ()), repeat),
    }
    print(f"  p50 {run.results['latency']['to_finished_on']['p50_ms']} ms", flush=True)
