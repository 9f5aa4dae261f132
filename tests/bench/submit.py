"""Part 1, SubmitResume: the gateway's calls/s and latency beside bullmq's Queue.add from
this process with the same job data and options (inline uploads: SET + add, the same Redis
work), an empty gRPC handler, and the Node.js anchors; then two gateway processes on one
port."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from common.jobs import JOB_NAME, ResumeJobData, job_options, new_job_id, upload_key
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc

from .bench_run import BenchRun
from .files import KB, padded_pdf
from .measure import closed_loop, rate_ratio
from .node_anchors import bench_node_anchor, node_add
from .procfs import peak_rss_mb, process_family, reset_peak


def submit_payloads() -> dict[str, dict[str, Any]]:
    return {
        "file_url": {"content": None},
        "inline_100k": {"content": padded_pdf(100 * KB)},
    }


async def grpc_submit(
    run: BenchRun, concurrency: int, content: bytes | None, port: int | None = None,
    **cpu: Callable[[], list[int]],
) -> dict[str, Any]:
    channels = run.stack.channels(max(1, min(16, math.ceil(concurrency / 4))), port)
    await asyncio.gather(*(channel.channel_ready() for channel in channels))
    stubs = [resume_pb2_grpc.GatewayServiceStub(channel) for channel in channels]
    counter = iter(range(10**9))

    def call_of(index: int) -> Callable[[], Awaitable[Any]]:
        stub = stubs[index % len(stubs)]

        def call() -> Awaitable[Any]:
            n = next(counter)
            request = resume_pb2.SubmitResumeRequest(
                resume_id=f"r{n}",
                candidate_id=f"c{n}",
                organisation_id="bench",
                file_name="resume.pdf",
            )
            if content is None:
                request.file_url = f"https://files.example.com/resumes/r{n}.pdf"
            else:
                request.content = content
            return stub.SubmitResume(request, timeout=10)

        return call

    try:
        return await closed_loop(concurrency, run.seconds, run.warmup, call_of, run.stack.cpu_window(**cpu))
    finally:
        await asyncio.gather(*(channel.close() for channel in channels))


async def raw_add(run: BenchRun, concurrency: int, content: bytes | None) -> dict[str, Any]:
    # The gateway's own job data and options (validation.py, resume_queue.py), on a
    # client configured as the gateway's (connect_queue), one Queue object as there.
    stack = run.stack
    options = job_options(stack.settings)
    counter = iter(range(10**9))

    def call_of(index: int) -> Callable[[], Awaitable[Any]]:
        async def call() -> None:
            n = next(counter)
            job_id = new_job_id()
            data = ResumeJobData(
                resume_id=f"r{n}",
                candidate_id=f"c{n}",
                organisation_id="bench",
                file_name="resume.pdf",
                mime_type="application/pdf",
                file_url="" if content is not None else f"https://files.example.com/resumes/r{n}.pdf",
                content_key=upload_key(job_id) if content is not None else "",
            )
            if content is not None:
                await stack.blob_client.set(upload_key(job_id), content, ex=stack.settings.upload_ttl_seconds)
            await stack.queue.add(JOB_NAME, data.to_json(), {**options, "jobId": job_id})

        return call

    return await closed_loop(concurrency, run.seconds, run.warmup, call_of, stack.cpu_window())


def submit_row(
    payload: str, concurrency: int, gateways: int, measured: dict[str, Any], anchor: dict[str, Any],
    node: dict[str, Any] | None,
) -> dict[str, Any]:
    """One row of part 1: the gateway's figures beside the raw and Node.js adds."""
    return {
        "payload": payload,
        "concurrency": concurrency,
        "gateways": gateways,
        "gateway": measured,
        "raw_add": anchor,
        "node_add": node,
        "ratio": rate_ratio(measured, anchor),
    }


async def bench_submit(run: BenchRun) -> None:
    print("== SubmitResume", flush=True)
    stack = run.stack
    rows = []
    concurrencies = run.callers
    node_rates: dict[int, Any] = {}
    for concurrency in concurrencies:
        node_rates[concurrency] = await node_add(run, concurrency)
        await stack.flush_queue()
    gateway = await stack.start_gateway()
    for payload, spec in submit_payloads().items():
        reset_peak(gateway.pid)
        for concurrency in concurrencies:
            measured = await grpc_submit(run, concurrency, spec["content"])
            await stack.flush_queue()
            anchor = await raw_add(run, concurrency, spec["content"])
            await stack.flush_queue()
            rows.append(submit_row(payload, concurrency, 1, measured, anchor, node_rates[concurrency]))
            print(f"  {payload} x{concurrency}: {measured['rate']}/s, raw {anchor['rate']}/s", flush=True)
        rows[-1]["gateway_peak_rss_mb"] = round(peak_rss_mb(gateway.pid), 1)
    await bench_grpc_alone(run, rows)
    await bench_node_anchor(run, gateway)
    # GATEWAY_PROCESSES=2: two processes on one port (grpc.so_reuseport); the kernel
    # spreads the connections over them; the callers' 16 channels are 16 connections.
    peak = round(peak_rss_mb(gateway.pid), 1)
    stack.stop_gateway(gateway)
    pair = await stack.start_gateway(processes=2)
    for payload, spec in submit_payloads().items():
        most = max(concurrencies)
        measured = await grpc_submit(run, most, spec["content"])
        await stack.flush_queue()
        anchor = next(r for r in rows if r["payload"] == payload and r["concurrency"] == most)["raw_add"]
        rows.append(submit_row(payload, most, 2, measured, anchor, node_rates[most]))
        print(f"  {payload} x{most}, 2 gateways: {measured['rate']}/s", flush=True)
    # The parts after this one start a gateway of their own when none runs.
    stack.stop_gateway(pair)
    run.results["submit"] = rows
    run.results["gateway_peak_rss_mb"] = peak


async def bench_grpc_alone(run: BenchRun, rows: list[dict[str, Any]]) -> None:
    """gRPC's own share of the gateway's cost: the same callers against a server whose
    SubmitResume does nothing (tests/bench/stub_gateway.py)."""
    most = max(run.callers)
    async with run.stack.stub_gateway("empty") as (port, stub):
        measured = await grpc_submit(run, most, None, port, empty=partial(process_family, stub.pid))
    anchor = next(r for r in rows if r["payload"] == "file_url" and r["concurrency"] == most)["raw_add"]
    used = measured.get("cpu", {}).get("empty", 0)
    run.results["grpc_alone"] = {
        **measured,
        "concurrency": most,
        "ratio": rate_ratio(measured, anchor),
        "cpu_ms_per_call": round(10 * used / measured["rate"], 3) if measured["rate"] else None,
    }
    print(f"  empty handler x{most}: {measured['rate']}/s", flush=True)
