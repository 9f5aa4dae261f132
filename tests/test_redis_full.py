"""When Redis is full: submissions are refused with RESOURCE_EXHAUSTED and a retry delay
before the accepted jobs run short of room, every accepted job completes on its first
attempt, health and readiness say so, and no answer or log line quotes the file or the
resume's personal data, whatever Redis refuses."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status
from prometheus_client import REGISTRY

from common.config import Settings
from common.embedded_postgres import PostgresServer
from common.proto.resume.v1 import resume_pb2
from common.redis_connections import connect, connect_queue
from support import (
    FIXTURES,
    RPC_TIMEOUT,
    Stack,
    WorkerProcess,
    isolated_stack,
    submit_request,
    wait_for_final_state,
    wait_for_status,
)

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()  # 85 KB
SMALL_REDIS = ("--maxmemory", "12mb", "--maxmemory-policy", "noeviction")
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def retry_delay(error: grpc.aio.AioRpcError) -> float:
    status = rpc_status.from_call(error)
    assert status is not None, "no google.rpc.Status details"
    info = error_details_pb2.RetryInfo()
    assert status.details[0].Unpack(info)
    return info.retry_delay.ToTimedelta().total_seconds()


@pytest.fixture
async def full_stack(tmp_path: Path, postgres: PostgresServer) -> AsyncIterator[Stack]:
    async with isolated_stack(tmp_path, redis_args=SMALL_REDIS, DATABASE_URL=postgres.url) as stack:
        yield stack


async def test_a_full_redis_refuses_submissions_and_completes_every_accepted_job_first_time(
    full_stack: Stack, tmp_path: Path
) -> None:
    """The operator's run: 400 submissions of an 85 KB PDF, as fast as one caller sends them,
    on a Redis of 12 MB (noeviction), while a worker works the queue off."""
    stack = full_stack
    worker = WorkerProcess(stack.env, tmp_path / "worker.log")
    accepted: list[tuple[str, str]] = []
    refusals: Counter[tuple[str, str]] = Counter()
    delays: set[float] = set()
    try:
        calls = asyncio.Semaphore(8)

        async def submit() -> None:
            request = submit_request(content=PDF)
            async with calls:
                try:
                    response = await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)
                except grpc.aio.AioRpcError as error:
                    refusals[(error.code().name, error.details() or "")] += 1
                    if error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED:
                        delays.add(retry_delay(error))
                    return
            accepted.append((response.job_id, request.organisation_id))

        await asyncio.gather(*(submit() for _ in range(400)))
        finals = [await wait_for_final_state(stack.stub, job_id, organisation, timeout=180)
                  for job_id, organisation in accepted]
    finally:
        assert worker.terminate() == 0, worker.log()
    states = Counter(resume_pb2.JobState.Name(final.state) for final in finals)
    attempts = Counter(final.attempts_made for final in finals)
    print(f"\n[redis full, maxmemory 12mb] submitted=400 accepted={len(accepted)} "
          f"refused={sum(refusals.values())} completed={states['JOB_STATE_COMPLETED']} attempts={dict(attempts)}")
    (code, message), = refusals
    print(f"[redis full] a refusal as the caller sees it: {code}: {message} (RetryInfo {delays})")
    assert code == "RESOURCE_EXHAUSTED" and "the queue is full" in message and delays == {5.0}
    assert 20 <= len(accepted) < 400, "the run must both fill Redis and be admitted into it"
    assert states == {"JOB_STATE_COMPLETED": len(accepted)}, [f.failed_reason for f in finals]
    assert attempts == {1: len(accepted)}, "an accepted job needed a second attempt"
    # A refused submission leaves nothing behind, an accepted one nothing once it completed.
    client = connect_queue(Settings.from_env(stack.env))
    try:
        assert [key async for key in client.scan_iter("upload:*")] == []
    finally:
        await client.aclose()


async def test_health_warns_near_maxmemory_and_readiness_follows_whether_redis_takes_writes(
    full_stack: Stack,
) -> None:
    stack = full_stack
    settings = Settings.from_env(stack.env)
    client = connect(settings, settings.queue_db)
    health = health_pb2_grpc.HealthStub(stack.channel)

    async def report() -> resume_pb2.HealthResponse:
        return await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)

    async def refused() -> grpc.aio.AioRpcError:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stack.stub.SubmitResume(submit_request(content=PDF), timeout=RPC_TIMEOUT)
        return caught.value

    try:
        await wait_for_status(health, "readiness", SERVING)
        healthy = await report()
        assert healthy.status == resume_pb2.HEALTH_STATUS_HEALTHY, healthy.message
        assert (healthy.redis.queue.maxmemory_bytes, healthy.redis.queue.eviction_policy) == (12 * 2**20, "noeviction")
        assert healthy.redis.queue.accepts_writes and 0 < healthy.redis.queue.memory_ratio < 0.5

        # Past 90%: a warning, submissions refused, but Redis takes writes: still ready.
        used = int((await client.info("memory"))["used_memory"])
        await client.config_set("maxmemory", int(used / 0.93))
        near = await report()
        assert near.status == resume_pb2.HEALTH_STATUS_DEGRADED, near.message
        assert "queue Redis: memory at 9" in near.message and "REDIS_ADMISSION_LIMIT" in near.message
        assert 0.9 <= near.redis.queue.memory_ratio < 1
        assert REGISTRY.get_sample_value("resume_redis_memory_ratio", {"database": "queue"}) >= 0.9
        error = await refused()
        assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED and retry_delay(error) == 5.0
        await asyncio.sleep(0.5)  # a few rounds of the health loop
        assert (await health.Check(health_pb2.HealthCheckRequest(service="readiness"))).status == SERVING

        # Full: every write refused, readiness NOT_SERVING until there is room again.
        await client.config_set("maxmemory", used // 2)
        await wait_for_status(health, "readiness", NOT_SERVING)
        full = await report()
        assert full.status == resume_pb2.HEALTH_STATUS_UNHEALTHY
        assert "queue Redis: Redis is out of memory (maxmemory reached) and refuses writes" in full.message
        assert not full.redis.queue.accepts_writes and full.redis.queue.connected
        assert (await refused()).code() == grpc.StatusCode.RESOURCE_EXHAUSTED

        await client.config_set("maxmemory", 12 * 2**20)
        await wait_for_status(health, "readiness", SERVING)
        assert (await report()).status == resume_pb2.HEALTH_STATUS_HEALTHY
        await stack.stub.SubmitResume(submit_request(content=PDF), timeout=RPC_TIMEOUT)
    finally:
        await client.aclose()
