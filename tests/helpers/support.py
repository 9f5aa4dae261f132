"""Helpers shared by the tests."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterable
from pathlib import Path

import grpc
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status

from common.config import Settings
from common.devstack.embedded_redis import RedisServer
from common.jobs import queue_key
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_queue
from gateway_service.server import Gateway

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT.parent / "shared" / "fixtures" / "rendercv"
RPC_TIMEOUT = 10.0


def service_env(redis_port: int, **extra: str) -> dict[str, str]:
    """Environment of the services under test: fast retries, local file URLs allowed."""
    return {
        "REDIS_HOST": "127.0.0.1",
        "REDIS_PORT": str(redis_port),
        "GRPC_HOST": "127.0.0.1",
        "GRPC_PORT": "0",
        "GRPC_PLAINTEXT": "true",
        # Authentication and rate limits have tests of their own; elsewhere they would only add noise.
        "AUTH_REQUIRED": "false",
        "RATE_LIMIT_PER_MINUTE": "0",
        "FETCH_ALLOW_PRIVATE": "true",
        "JOB_BACKOFF_MS": "200",
        "HEALTH_INTERVAL": "0.2",
        "WORKER_CONCURRENCY": "4",
        "WORKER_GRACE": "10",
        "GATEWAY_DRAIN": "0.2",
        "GATEWAY_METRICS_PORT": "0",
        "WORKER_METRICS_PORT": "0",
        # Every log call on a tested path builds and formats its record.
        "LOG_LEVEL": "DEBUG",
        **extra,
    }


def tree_rss(pid: int) -> int:
    """Current resident set size of a process and all its descendants, in bytes."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        total += int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    return total


async def wait_serving(port: int, timeout: float = 30.0, alive: Callable[[], bool] = lambda: True) -> None:
    """Until the gateway on `port` reports readiness SERVING; `alive` says whether it can still come."""
    deadline = time.monotonic() + timeout
    async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        while True:
            try:
                answer = await stub.Check(health_pb2.HealthCheckRequest(service="readiness"), timeout=1)
                if answer.status == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.aio.AioRpcError:
                pass
            if time.monotonic() > deadline or not alive():
                raise TimeoutError(f"gateway on {port} not serving after {timeout} s")
            await asyncio.sleep(0.05)


async def wait_for_status(health_stub: health_pb2_grpc.HealthStub, service: str, expected: int,
                          timeout: float = 10.0) -> float:
    """Until grpc.health.v1 reports `expected` for `service`; how long that took."""
    started = time.monotonic()
    async with asyncio.timeout(timeout):
        while True:
            response = await health_stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=RPC_TIMEOUT)
            if response.status == expected:
                return time.monotonic() - started
            await asyncio.sleep(0.05)


async def completion_times(settings: Settings, job_ids: Iterable[str]) -> dict[str, list[int]]:
    """When (Unix ms, Redis's clock) each job was completed, from BullMQ's event stream:
    more than one time is a job completed twice."""
    client = connect_queue(settings)
    try:
        events = await client.xrange(queue_key(settings.queue_prefix, "events"))
    finally:
        await client.aclose()
    times: dict[str, list[int]] = {job_id: [] for job_id in job_ids}
    for event_id, fields in events:
        if fields.get("event") == "completed" and fields.get("jobId") in times:
            times[fields["jobId"]].append(int(event_id.split("-")[0]))
    return times


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def submit_request(
    *, content: bytes | None = None, file_url: str = "", **fields: object
) -> resume_pb2.SubmitResumeRequest:
    """A valid request with fresh ids, unless `fields` say otherwise."""
    defaults = {
        "resume_id": unique("resume"),
        "candidate_id": unique("candidate"),
        "organisation_id": unique("org"),
        "file_name": "resume.pdf",
    }
    request = resume_pb2.SubmitResumeRequest(**{**defaults, **fields})  # type: ignore[arg-type]
    if content is not None:
        request.content = content
    if file_url:
        request.file_url = file_url
    return request


async def wait_for_final_state(
    stub: resume_pb2_grpc.GatewayServiceStub, job_id: str, organisation_id: str, timeout: float = 60.0,
    metadata: tuple[tuple[str, str], ...] = (),
) -> resume_pb2.GetJobStatusResponse:
    request = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=organisation_id)
    async with asyncio.timeout(timeout):
        while True:
            status = await stub.GetJobStatus(request, timeout=RPC_TIMEOUT, metadata=metadata)
            if status.state in (resume_pb2.JOB_STATE_COMPLETED, resume_pb2.JOB_STATE_FAILED):
                return status
            await asyncio.sleep(0.05)


async def analysed(
    stub: resume_pb2_grpc.GatewayServiceStub, request: resume_pb2.SubmitResumeRequest
) -> resume_pb2.GetJobStatusResponse:
    """Submits `request` and waits for its job, which must complete."""
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    status = await wait_for_final_state(stub, submitted.job_id, request.organisation_id)
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    return status


def retry_delay(error: grpc.aio.AioRpcError) -> float:
    """Seconds of the google.rpc.RetryInfo an error carries."""
    status = rpc_status.from_call(error)
    assert status is not None, "no google.rpc.Status details"
    info = error_details_pb2.RetryInfo()
    assert status.details[0].Unpack(info)
    return info.retry_delay.ToTimedelta().total_seconds()


class Stack:
    """A Redis and a gateway of a test's own, for tests that stop or restart parts."""

    def __init__(self, redis: RedisServer, gateway: Gateway, channel: grpc.aio.Channel, env: dict[str, str]) -> None:
        self.redis = redis
        self.gateway = gateway
        self.channel = channel
        self.env = env
        self.stub = resume_pb2_grpc.GatewayServiceStub(channel)


@contextlib.asynccontextmanager
async def isolated_stack(
    directory: Path, *, redis_args: tuple[str, ...] = (), redis_tls: tuple[Path, Path, Path] | None = None,
    **env_overrides: str,
) -> AsyncIterator[Stack]:
    redis = RedisServer(directory / "redis", extra_args=redis_args, tls=redis_tls)
    redis.start()
    env = service_env(redis.port, **env_overrides)
    gateway = Gateway(Settings.from_env(env))
    try:
        await gateway.start()
        async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
            yield Stack(redis, gateway, channel, env)
    finally:
        await gateway.stop()
        redis.stop()
