"""The Node.js anchors of SubmitResume: BullMQ's queue.add from Node.js (node_add_rate.js),
and the smallest Express + BullMQ submit path against the gateway and the stub gateways,
all driven by one Node.js load generator (node_submit.js)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import statistics
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from common.jobs import JOB_NAME, QUEUE_NAME, ResumeJobData, job_options
from tests.helpers.processes import ServiceProcess

from . import TESTS
from .bench_run import BenchRun
from .measure import median_round
from .procfs import process_family
from .stub_gateway import STUB_MODES

NODE_SCRIPT = Path(__file__).resolve().parent / "node_add_rate.js"
NODE_SUBMIT = Path(__file__).resolve().parent / "node_submit.js"


def node_with(package: str) -> str | None:
    """The node binary, when it and `package` (in tests/node) are installed."""
    node = shutil.which("node")
    return node if node and (TESTS / "node" / "node_modules" / package).exists() else None


async def node_add(run: BenchRun, concurrency: int) -> dict[str, Any] | None:
    node = node_with("bullmq")
    if not node:
        return None
    stack = run.stack
    data = ResumeJobData(
        resume_id="r0",
        candidate_id="c0",
        organisation_id="bench",
        file_name="resume.pdf",
        mime_type="application/pdf",
        file_url="https://files.example.com/resumes/r0.pdf",
    ).to_json()
    args = {
        "queue": QUEUE_NAME,
        "name": JOB_NAME,
        "concurrency": concurrency,
        "seconds": run.seconds,
        "warmup": run.warmup,
        "data": data,
        "opts": job_options(stack.settings),
    }
    process = await asyncio.create_subprocess_exec(
        node,
        str(NODE_SCRIPT),
        json.dumps(args),
        env={**os.environ, **stack.env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    if process.returncode != 0:
        return {"error": err.decode(errors="replace")[-500:]}
    answer = json.loads(out)
    return {
        "rate": round(answer["adds"] / answer["seconds"], 1),
        "p50_ms": answer["p50Ms"],
        "p99_ms": answer["p99Ms"],
    }


async def bench_node_anchor(run: BenchRun, gateway: ServiceProcess) -> None:
    """The gateway against the smallest Node.js Express + BullMQ submit path, both driven
    by the same Node.js load generator (node_submit.js) with file URLs: what a caller
    gets from this service beside what a plain Node service would give it. Rounds
    alternate between the two, and the ratio is their median."""
    node = node_with("express")
    if not node:
        return
    stack = run.stack
    most = max(run.callers)
    server = await asyncio.create_subprocess_exec(
        node, str(NODE_SUBMIT), "serve",
        json.dumps({"port": 0, "queue": QUEUE_NAME, "name": JOB_NAME, "opts": job_options(stack.settings)}),
        env={**os.environ, **stack.env}, stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert server.stdout is not None
        port = json.loads(await asyncio.wait_for(server.stdout.readline(), 30))["port"]
        rounds: list[tuple[dict[str, Any], dict[str, Any]]] = []
        parts: dict[str, list[dict[str, Any]]] = {mode: [] for mode in STUB_MODES}
        async with contextlib.AsyncExitStack() as exits:
            stubs = {mode: await exits.enter_async_context(stack.stub_gateway(mode)) for mode in STUB_MODES}
            for _ in range(1 if run.quick else 3):
                express = await node_load(run, node, "http", port, most, express=lambda: [server.pid])
                await stack.flush_queue()
                measured = await node_load(run, node, "grpc", stack.grpc_port, most)
                await stack.flush_queue()
                rounds.append((measured, express))
                for mode, (stub_port, stub) in stubs.items():
                    stub_processes = partial(process_family, stub.pid)
                    parts[mode].append(await node_load(run, node, "grpc", stub_port, most, stub=stub_processes))
                    await stack.flush_queue()
    finally:
        server.terminate()
        await server.wait()
    pick = statistics.median_low([measured["rate"] / express["rate"] for measured, express in rounds])
    measured, express = next(r for r in rounds if r[0]["rate"] / r[1]["rate"] == pick)
    run.results["node_anchor"] = {
        "concurrency": most, "gateway": measured, "express": express, "ratio": round(pick, 3),
        "ratios": [round(m["rate"] / e["rate"], 3) for m, e in rounds],
        # Servers that do part of the gateway's work, under the same load: where its time goes.
        "parts": {mode: median_round(results) for mode, results in parts.items()},
    }
    print(f"  Node load x{most}: gateway {measured['rate']}/s, Express + BullMQ {express['rate']}/s", flush=True)


async def node_load(
    run: BenchRun, node: str, target: str, port: int, concurrency: int, **cpu: Callable[[], list[int]]
) -> dict[str, Any]:
    """node_submit.js's load generator against `target` ("http" or "grpc") on `port`."""
    args = {"target": target, "address": f"127.0.0.1:{port}", "concurrency": concurrency,
            "seconds": run.seconds, "warmup": run.warmup}
    load = await asyncio.create_subprocess_exec(
        node, str(NODE_SUBMIT), "load", json.dumps(args), env={**os.environ, **run.stack.env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    assert load.stdout is not None
    window = run.stack.cpu_window(load=lambda: [load.pid], **cpu)
    await load.stdout.readline()  # "measuring"
    window.start()
    # Sampled within the window, while the load generator still runs and its CPU figures
    # can be read: it exits as soon as the window ends.
    await asyncio.sleep(0.9 * run.seconds)
    usage = window.stop()
    out, err = await load.communicate()
    if load.returncode != 0:
        raise RuntimeError(f"node load generator failed: {err.decode(errors='replace')[-500:]}")
    answer = json.loads(out)
    return {
        "rate": round(answer["calls"] / answer["seconds"], 1), "p50_ms": round(answer["p50Ms"], 2),
        "p99_ms": round(answer["p99Ms"], 2), "errors": answer["errors"], "cpu": usage,
    }
