"""When Redis is full: submissions are refused with RESOURCE_EXHAUSTED and a retry delay
before the accepted jobs run short of room, every accepted job completes on its first
attempt, health and readiness say so, and no answer or log line quotes the file or the
resume's personal data, whatever Redis refuses."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from prometheus_client import REGISTRY

from common import logs
from common.cache import resume_analysis_key
from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer
from common.devstack.embedded_redis import RedisServer, free_port
from common.jobs import queue_key
from common.proto.resume.v1 import resume_pb2
from common.redis_connections import connect, connect_cache, connect_queue
from common.store.database import AnalysisDatabase
from common.store.erasure import ErasureMarks
from tests.helpers.processes import start_worker
from tests.helpers.support import (
    FIXTURES,
    ROOT,
    RPC_TIMEOUT,
    Stack,
    analysed,
    isolated_stack,
    retry_delay,
    submit_request,
    unique,
    wait_for_final_state,
    wait_for_status,
)

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()  # 85 KB
CORPUS = ROOT / "tests" / "corpus" / "files"
SMALL_REDIS = ("--maxmemory", "12mb", "--maxmemory-policy", "noeviction")
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


@pytest.fixture
async def full_stack(tmp_path: Path, postgres: PostgresServer) -> AsyncIterator[Stack]:
    async with isolated_stack(tmp_path, redis_args=SMALL_REDIS, DATABASE_URL=postgres.url) as stack:
        yield stack


async def test_a_full_redis_refuses_submissions_and_completes_every_accepted_job_first_time(
    full_stack: Stack, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The operator's run: 400 submissions of an 85 KB PDF, as fast as one caller sends them,
    on a Redis of 12 MB (noeviction), while a worker works the queue off."""
    stack = full_stack
    worker = start_worker(stack.env, tmp_path / "worker.log")
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
        assert worker.stop() == 0, worker.log()
    states = Counter(resume_pb2.JobState.Name(final.state) for final in finals)
    attempts = Counter(final.attempts_made for final in finals)
    (code, message), = refusals
    with capsys.disabled():
        print(f"\n[redis full, maxmemory 12mb] submitted=400 accepted={len(accepted)} "
              f"refused={sum(refusals.values())} completed={states['JOB_STATE_COMPLETED']} attempts={dict(attempts)}")
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


@pytest.fixture
def service_log() -> Iterator[io.StringIO]:
    """What the in-process services log, as the JSON formatter writes it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter("gateway"))
    logging.getLogger().addHandler(handler)
    yield stream
    logging.getLogger().removeHandler(handler)


async def test_no_answer_or_log_line_quotes_the_file_or_personal_data(
    tmp_path: Path, postgres: PostgresServer, service_log: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    """Out of memory, WRONGTYPE, a dropped connection and a read-only replica, while files
    are uploaded and while analyses are stored: redis-py quotes a failed pipeline command's
    arguments (the file), and PostgreSQL the values it refuses; none of it may get out."""
    content = (CORPUS / "eu00_pieter_vanderberg.latex-banking.pdf").read_bytes()
    async with isolated_stack(
        tmp_path, DATABASE_URL=postgres.url, REDIS_ADMISSION_LIMIT="1",
        # A job whose end Redis refused goes back to waiting within seconds.
        WORKER_LOCK_DURATION_MS="2000", WORKER_STALLED_INTERVAL_MS="1000",
    ) as stack:
        settings = Settings.from_env(stack.env)
        admin = connect(settings, settings.queue_db)
        worker = start_worker(stack.env, tmp_path / "worker.log")
        answers: list[str] = []
        jobs: list[tuple[str, str]] = []

        async def submit(**fields: str) -> str | None:
            request = submit_request(content=content, **fields)
            try:
                job_id = (await stack.stub.SubmitResume(request, timeout=3)).job_id
            except grpc.aio.AioRpcError as error:
                answers.append(f"{error.code().name}: {error.details()}")
                return None
            jobs.append((job_id, request.organisation_id))
            return job_id

        async def logged(event: str) -> bool:
            return event in service_log.getvalue() or event in worker.log()

        try:
            # What the analysis finds in the file is the personal data to look for.
            first = await submit()
            assert first is not None
            analysed = await wait_for_final_state(stack.stub, first, jobs[0][1])
            contact = analysed.result.contact
            personal = [contact.name, *contact.emails, *contact.phones]
            assert len(personal) >= 3, personal

            # Uploads. Out of memory: the admission's sample, taken just before maxmemory
            # shrank, lets the file through to Redis, which refuses it.
            used = int((await admin.info("memory"))["used_memory"])
            async with asyncio.timeout(30):
                while not await logged("redis out of memory during SubmitResume"):
                    await admin.config_set("maxmemory", 0)
                    await submit()
                    await admin.config_set("maxmemory", used // 2)
                    await submit()
            await admin.config_set("maxmemory", 0)
            # A read-only replica (of a master that is not there), for a moment.
            await admin.execute_command("REPLICAOF", "127.0.0.1", str(free_port()))
            await submit()
            await admin.execute_command("REPLICAOF", "NO", "ONE")
            # WRONGTYPE: BullMQ's event stream made a string.
            events_key = queue_key(settings.queue_prefix, "events")
            saved = await admin.dump(events_key)
            await admin.set(events_key, "not a stream")
            await submit()
            await admin.delete(events_key)
            await admin.restore(events_key, 0, saved)
            # Connections dropped while files go up.
            dropping = asyncio.gather(*(submit() for _ in range(6)))
            assert await admin.execute_command("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes") > 0
            await dropping

            # Analyses. Out of memory while jobs store their results, for a second.
            waiting = [await submit() for _ in range(3)]
            await admin.config_set("maxmemory", used // 2)
            await asyncio.sleep(1.5)
            await admin.config_set("maxmemory", 0)
            # A read-only replica while jobs end.
            waiting += [await submit() for _ in range(3)]
            await admin.execute_command("REPLICAOF", "127.0.0.1", str(free_port()))
            await asyncio.sleep(1.5)
            await admin.execute_command("REPLICAOF", "NO", "ONE")
            # WRONGTYPE where the worker checks for an erasure of the candidate: every attempt fails.
            candidate = unique("candidate")
            store = AnalysisDatabase(postgres.url, pool_size=1, timeout=5)
            await store.open()
            try:
                mark = await ErasureMarks(admin, store, 60).key(jobs[0][1], candidate)
            finally:
                await store.close()
            await admin.hset(mark, "not", "a string")
            doomed = await submit(organisation_id=jobs[0][1], candidate_id=candidate)
            assert doomed is not None and all(waiting)
            for job_id, organisation in jobs:
                final = await wait_for_final_state(stack.stub, job_id, organisation, timeout=90)
                answers.append(final.failed_reason)
            assert "WRONGTYPE" in answers[-1]
        finally:
            assert worker.stop() == 0, worker.log()
            await admin.aclose()
    texts = {"answers": "\n".join(answers), "gateway log": service_log.getvalue(), "worker log": worker.log()}
    for where, text in texts.items():
        for secret in ("%PDF", "Command #", *personal):
            assert secret not in text, f"{secret!r} in the {where}"
    for event in ("maxmemory", "READONLY", "WRONGTYPE"):
        assert event in texts["answers"] + texts["gateway log"] + texts["worker log"], event
    # BullMQ retries a refused command ten times a second per slot (241 lines in this test
    # before); the log says it once, then every 10 s.
    reported = Counter(json.loads(line)["event"] for line in texts["worker log"].splitlines()
                       if '"worker error: ' in line)
    assert 0 < sum(reported.values()) <= 10, reported
    with capsys.disabled():
        print(f"\n[redis refusals] answers={len(answers)} jobs={len(jobs)} "
              f"log_lines={sum(text.count(chr(10)) for text in texts.values())} checked for the file and {personal}")


async def analysed_resume(stack: Stack) -> str:
    """Submits the PDF and waits for its analysis; its resume id."""
    return (await analysed(stack.stub, submit_request(content=PDF))).metadata.resume_id


async def test_the_cache_can_have_a_redis_of_its_own(tmp_path: Path, postgres: PostgresServer) -> None:
    lru = ("--maxmemory", "8mb", "--maxmemory-policy", "allkeys-lru")
    cache_server = RedisServer(tmp_path / "cache", extra_args=lru)
    cache_server.start()
    try:
        async with isolated_stack(tmp_path, DATABASE_URL=postgres.url, CACHE_REDIS_HOST="127.0.0.1",
                                  CACHE_REDIS_PORT=str(cache_server.port)) as stack:
            settings = Settings.from_env(stack.env)
            own, shared = connect_cache(settings), connect(settings, settings.cache_db)
            worker = start_worker(stack.env, tmp_path / "worker.log")
            try:
                resume_id = await analysed_resume(stack)
                assert await own.exists(resume_analysis_key(resume_id)) == 1
                assert await shared.exists(resume_analysis_key(resume_id)) == 0
                report = await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
                assert (report.redis.cache.eviction_policy, report.redis.cache.maxmemory_bytes) == (
                    "allkeys-lru", 8 * 2**20)
                assert report.redis.queue.eviction_policy == "noeviction"
            finally:
                assert worker.stop() == 0, worker.log()
                await own.aclose()
                await shared.aclose()
    finally:
        cache_server.stop()


async def test_on_a_shared_redis_analyses_are_cached_only_below_the_cache_limit(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    async with isolated_stack(tmp_path, redis_args=SMALL_REDIS, DATABASE_URL=postgres.url,
                              CACHE_MEMORY_LIMIT="0.5") as stack:
        settings = Settings.from_env(stack.env)
        client = connect(settings, settings.cache_db)
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            await analysed_resume(stack)  # the worker is up, its connections open
            resumes: list[str] = []
            # Between CACHE_MEMORY_LIMIT and REDIS_ADMISSION_LIMIT (0.85): jobs are admitted
            # and complete, but their analyses stay out of the cache.
            used = int((await client.info("memory"))["used_memory"])
            for maxmemory in (int(used / 0.65), 12 * 2**20):
                await client.config_set("maxmemory", maxmemory)
                await asyncio.sleep(1.1)  # the worker's memory sample is a second old at most
                resumes.append(await analysed_resume(stack))
            over, under = resumes
            cached = [await client.exists(resume_analysis_key(resume)) for resume in (over, under)]
            assert cached == [0, 1]
        finally:
            assert worker.stop() == 0, worker.log()
            await client.aclose()
