"""What operators watch: Prometheus metrics of the gateway and the workers, the worker's probe."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import grpc
import pytest
import redis.asyncio as redis

from analysis_worker.heartbeat import heartbeat_key
from common.config import Settings
from common.devstack.embedded_redis import free_port, port_free
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from gateway_service.server import Gateway
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.support import FIXTURES, ROOT, RPC_TIMEOUT, isolated_stack, submit_request, wait_for_final_state

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()


async def scrape(port: int) -> str:
    def fetch() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            return response.read().decode()

    return await asyncio.to_thread(fetch)


def sample(metrics: str, name: str) -> float:
    """The value of one sample, `name` including its labels as Prometheus prints them."""
    for line in metrics.splitlines():
        if line.startswith(name + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} not in the metrics")


async def test_gateway_metrics(env: dict[str, str]) -> None:
    port = free_port()
    gateway = Gateway(Settings.from_env({**env, "GATEWAY_METRICS_PORT": str(port)}))
    await gateway.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
            stub = resume_pb2_grpc.GatewayServiceStub(channel)
            await stub.SubmitResume(submit_request(content=PDF), timeout=RPC_TIMEOUT)
            with pytest.raises(grpc.aio.AioRpcError):
                await stub.SubmitResume(submit_request(), timeout=RPC_TIMEOUT)
            await asyncio.sleep(2 * gateway.settings.health_interval)
        metrics = await scrape(port)
    finally:
        await gateway.stop()
    assert sample(metrics, 'grpc_server_handled_total{grpc_code="OK",grpc_method="SubmitResume"}') >= 1
    assert sample(metrics, 'grpc_server_handled_total{grpc_code="INVALID_ARGUMENT",grpc_method="SubmitResume"}') >= 1
    assert sample(metrics, 'grpc_server_handling_seconds_count{grpc_method="SubmitResume"}') >= 2
    assert sample(metrics, 'resume_queue_jobs{state="waiting"}') >= 0
    assert sample(metrics, 'resume_redis_roundtrip_seconds_count{database="cache"}') >= 1
    assert 'resume_cache_reads{result="hit"}' in metrics


def consecutive_free_ports() -> int:
    while not port_free((port := free_port()) + 1):
        pass
    return port


def child_pids(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


async def test_gateway_processes_share_the_port_and_stop_together(env: dict[str, str], tmp_path: Path) -> None:
    """GATEWAY_PROCESSES=2: both processes answer calls on one port, each with its own
    metrics port, and SIGTERM to the parent stops both, exit code 0."""
    grpc_port, metrics_port = free_port(), consecutive_free_ports()
    parent = ServiceProcess.python("gateway_service", tmp_path / "gateway.log", {
        **env, "GRPC_PORT": str(grpc_port), "GATEWAY_PROCESSES": "2", "GATEWAY_METRICS_PORT": str(metrics_port)})
    try:
        await parent.wait_until(lambda: len(child_pids(parent.pid)) == 2
                                and not any(port_free(p) for p in (metrics_port, metrics_port + 1)), timeout=10)
        children = child_pids(parent.pid)
        # A channel of its own per call is a connection of its own: the kernel spreads them.
        request = resume_pb2.GetJobStatusRequest(job_id="resume-0", organisation_id="org")
        for _ in range(16):
            async with grpc.aio.insecure_channel(
                    f"127.0.0.1:{grpc_port}", options=[("grpc.use_local_subchannel_pool", 1)]) as channel:
                with pytest.raises(grpc.aio.AioRpcError) as missing:
                    await resume_pb2_grpc.GatewayServiceStub(channel).GetJobStatus(
                        request, timeout=RPC_TIMEOUT, wait_for_ready=True)
                assert missing.value.code() == grpc.StatusCode.NOT_FOUND
        handled = 'grpc_server_handled_total{grpc_code="NOT_FOUND",grpc_method="GetJobStatus"}'
        served = [sample(await scrape(port), handled) for port in (metrics_port, metrics_port + 1)]
    finally:
        exit_code = parent.stop()
    print(f"[gateway processes] calls served per process: {served}")
    assert sum(served) == 16 and all(served), served
    assert exit_code == 0, parent.log()
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_gateway_processes_need_a_fixed_port(env: dict[str, str]) -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "gateway_service"], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, **env, "GRPC_PORT": "0", "GATEWAY_PROCESSES": "2"},
    )
    assert finished.returncode == 1
    assert "GATEWAY_PROCESSES above 1 needs a fixed GRPC_PORT" in finished.stderr


async def test_worker_metrics_and_heartbeat(tmp_path: Path) -> None:
    port = free_port()
    heartbeat_file = tmp_path / "worker.heartbeat"
    probe_env = {"WORKER_HEARTBEAT_FILE": str(heartbeat_file), "WORKER_HEARTBEAT_INTERVAL": "0.3"}

    def healthcheck() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "analysis_worker", "healthcheck"], cwd=ROOT, capture_output=True, text=True,
            env=probe_env, timeout=30,
        )

    async with isolated_stack(tmp_path) as stack:
        worker = start_worker({**stack.env, **probe_env, "WORKER_METRICS_PORT": str(port)}, tmp_path / "w.log")
        try:
            await worker.wait_until(heartbeat_file.exists, timeout=20)
            probe = await asyncio.to_thread(healthcheck)
            assert (probe.returncode, probe.stdout.strip()) == (0, "ok")
            client = redis.Redis(port=stack.redis.port, db=1)
            try:
                assert await client.exists(heartbeat_key(f"{socket.gethostname()}-{worker.pid}"))
            finally:
                await client.aclose()

            for content in (PDF, PDF[:1000]):
                request = submit_request(content=content, organisation_id="ops-org")
                job_id = (await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
                await wait_for_final_state(stack.stub, job_id, "ops-org")
            metrics = await scrape(port)
        finally:
            assert worker.stop() == 0, worker.log()
    assert sample(metrics, 'resume_jobs_total{outcome="completed"}') == 1
    assert sample(metrics, 'resume_jobs_total{outcome="failed"}') == 1
    assert sample(metrics, 'resume_job_duration_seconds_count{outcome="completed"}') == 1
    assert sample(metrics, "resume_extraction_seconds_per_page_count") == 1
    assert sample(metrics, 'resume_redis_roundtrip_seconds_count{database="queue"}') >= 1

    await asyncio.sleep(1.0)  # more than three intervals without a heartbeat
    probe = await asyncio.to_thread(healthcheck)
    assert probe.returncode == 1 and "old" in probe.stdout
