"""Analyses in PostgreSQL: the worker stores them, the gateway reads them through the cache,
pages a candidate's, erases a candidate everywhere, and old ones expire."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import grpc
import pytest
import redis.asyncio as redis
from bullmq import Job, Queue
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status
from prometheus_client import REGISTRY

from common.cache import Cache, resume_analysis_key, resume_analysis_metadata_key
from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer, pgserver_binaries, stop_by_directory
from common.devstack.embedded_redis import free_port
from common.jobs import QUEUE_NAME, queue_key, upload_key
from common.proto.resume.v1 import resume_pb2
from common.redis_connections import connect, connect_cache, connect_queue
from common.store.analyses import Analyses
from common.store.database import RETENTION_LOCK, AnalysisDatabase, StoredAnalysis, StoreUnavailable
from common.store.erasure import ErasureMarks
from common.store.migrations import available, migrate
from common.tokens import Scope, TokenStore
from tests.helpers.processes import start_worker
from tests.helpers.support import (
    FIXTURES,
    ROOT,
    RPC_TIMEOUT,
    analysed,
    isolated_stack,
    submit_request,
    unique,
    wait_for_final_state,
)
from tests.helpers.tokens import bearer

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
CORPUS = ROOT / "tests" / "corpus" / "files"


@pytest.fixture
async def cache_client(settings: Settings) -> AsyncIterator[redis.Redis]:
    client = connect_cache(settings)
    yield client
    await client.aclose()


async def rows(url: str, query: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(url)
    try:
        return await connection.fetch(query, *args)
    finally:
        await connection.close()


async def record(store: AnalysisDatabase, organisation: str, candidate: str, resume: str, job: str) -> None:
    await store.record(
        organisation_id=organisation, resume_id=resume, candidate_id=candidate, job_id=job,
        job_created_ms=1_700_000_000_000, analysis={"analysisVersion": "t", "summary": f"{resume} by {job}"},
        file_sha256="0" * 64,
    )


def get_request(resume_id: str, organisation_id: str) -> resume_pb2.GetResumeAnalysisRequest:
    return resume_pb2.GetResumeAnalysisRequest(resume_id=resume_id, organisation_id=organisation_id)


@pytest.mark.usefixtures("worker")
async def test_each_analysis_is_stored_as_a_new_version_of_its_resume(stub, postgres: PostgresServer) -> None:
    first = submit_request(content=PDF, file_name="cv.pdf")
    same_resume = submit_request(
        content=PDF, file_name="cv.pdf", resume_id=first.resume_id, candidate_id=first.candidate_id,
        organisation_id=first.organisation_id,
    )
    statuses = [await analysed(stub, first), await analysed(stub, same_resume)]

    stored = await rows(
        postgres.url, "SELECT * FROM resume_analyses WHERE organisation_id = $1 ORDER BY version",
        first.organisation_id,
    )
    assert [(row["version"], row["job_id"]) for row in stored] == [(1, statuses[0].job_id), (2, statuses[1].job_id)]
    assert {row["file_sha256"] for row in stored} == {hashlib.sha256(PDF).hexdigest()}
    assert {row["candidate_id"] for row in stored} == {first.candidate_id}
    assert stored[1]["analysis_version"] == statuses[1].result.analysis_version

    current = (await stub.GetResumeAnalysis(get_request(first.resume_id, first.organisation_id),
                                            timeout=RPC_TIMEOUT)).analysis
    assert (current.version, current.job_id) == (2, statuses[1].job_id)
    assert current.analysis == statuses[1].result
    assert current.file_sha256 == hashlib.sha256(PDF).hexdigest()


@pytest.mark.usefixtures("worker")
async def test_reads_go_through_the_cache_and_a_miss_refills_it(stub, cache_client: redis.Redis) -> None:
    request = submit_request(content=PDF)
    await analysed(stub, request)
    cache = Cache(cache_client)
    keys = (resume_analysis_key(request.resume_id), resume_analysis_metadata_key(request.resume_id))

    async def read() -> tuple[resume_pb2.StoredAnalysis, int, int]:
        before = await cache.stats()
        answer = await stub.GetResumeAnalysis(get_request(request.resume_id, request.organisation_id),
                                              timeout=RPC_TIMEOUT)
        after = await cache.stats()
        return answer.analysis, after.hits - before.hits, after.misses - before.misses

    hit, hits, misses = await read()
    assert (hits, misses) == (1, 0)
    assert await cache_client.delete(*keys) == 2
    missed, hits, misses = await read()
    assert (hits, misses) == (0, 1)
    assert missed == hit
    assert await cache_client.exists(*keys) == 2, "the miss refills the cache"
    assert 0 < await cache_client.ttl(keys[0])
    _, hits, misses = await read()
    assert (hits, misses) == (1, 0)


async def test_a_refill_racing_an_erasure_leaves_no_copy_in_the_cache(
    postgres: PostgresServer, store: AnalysisDatabase, cache_client: redis.Redis
) -> None:
    organisation, candidate, resume = unique("org"), unique("candidate"), unique("resume")
    await record(store, organisation, candidate, resume, unique("job"))

    class ErasedAfterTheRead(AnalysisDatabase):
        async def current(self, organisation_id: str, resume_id: str) -> StoredAnalysis | None:
            found = await super().current(organisation_id, resume_id)
            await store.erase_candidate(organisation, candidate)  # and the erasure clears the cache now
            return found

    racing = ErasedAfterTheRead(postgres.url, pool_size=1, timeout=5)
    await racing.open()
    try:
        assert await Analyses(Cache(cache_client), 60, racing).current(organisation, resume) is None
    finally:
        await racing.close()
    assert not await cache_client.exists(resume_analysis_key(resume), resume_analysis_metadata_key(resume))


async def test_another_organisations_resume_answers_as_a_missing_one(stub, store: AnalysisDatabase) -> None:
    organisation, resume = unique("org"), unique("resume")
    await record(store, organisation, unique("candidate"), resume, unique("job"))
    await stub.GetResumeAnalysis(get_request(resume, organisation), timeout=RPC_TIMEOUT)  # cached now

    answers = []
    for request in (get_request(resume, "another-org"), get_request(unique("resume"), organisation)):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stub.GetResumeAnalysis(request, timeout=RPC_TIMEOUT)
        answers.append((caught.value.code(), caught.value.details().replace(request.resume_id, "ID")))
    assert answers[0] == answers[1]
    assert answers[0][0] == grpc.StatusCode.NOT_FOUND


async def test_tokens_see_and_erase_only_their_own_organisation(
    tmp_path: Path, postgres: PostgresServer, store: AnalysisDatabase
) -> None:
    own, other = unique("org"), unique("org")
    candidate, resume = unique("candidate"), unique("resume")
    await record(store, own, candidate, resume, unique("job"))
    async with isolated_stack(tmp_path, DATABASE_URL=postgres.url, AUTH_REQUIRED="true") as stack:
        client = redis.Redis(port=stack.redis.port, db=0, decode_responses=True)
        try:
            (own_token, own_info), (other_token, _) = [
                await TokenStore(client).create(organisation, "test", Scope) for organisation in (own, other)]
        finally:
            await client.aclose()

        answers = []
        for token, resume_id in ((other_token, resume), (own_token, unique("resume"))):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stack.stub.GetResumeAnalysis(get_request(resume_id, own), timeout=RPC_TIMEOUT,
                                                   metadata=bearer(token))
            answers.append((caught.value.code(), caught.value.details().replace(resume_id, "ID")))
        assert answers[0] == answers[1] and answers[0][0] == grpc.StatusCode.NOT_FOUND

        erase = resume_pb2.EraseCandidateRequest(candidate_id=candidate, organisation_id=own)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stack.stub.EraseCandidate(erase, timeout=RPC_TIMEOUT, metadata=bearer(other_token))
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert await store.current(own, resume) is not None

        erased = await stack.stub.EraseCandidate(erase, timeout=RPC_TIMEOUT, metadata=bearer(own_token))
        assert erased.analyses == 1
        audit = await store.erasures(own, candidate)
        assert [record["requested_by"] for record in audit] == [f"token {own_info.id}"]


async def test_a_candidates_analyses_come_a_page_at_a_time(stub, store: AnalysisDatabase) -> None:
    organisation, candidate = unique("org"), unique("candidate")
    jobs = [unique("job") for _ in range(5)]
    for index, job in enumerate(jobs):
        await record(store, organisation, candidate, f"resume-{index % 2}-{candidate}", job)
    await record(store, organisation, unique("candidate"), unique("resume"), unique("job"))  # someone else

    seen, versions, token, pages = [], [], "", 0
    while True:
        page = await stub.ListCandidateAnalyses(
            resume_pb2.ListCandidateAnalysesRequest(
                candidate_id=candidate, organisation_id=organisation, page_size=2, page_token=token),
            timeout=RPC_TIMEOUT,
        )
        seen += [analysis.job_id for analysis in page.analyses]
        versions += [analysis.version for analysis in page.analyses]
        pages += 1
        token = page.next_page_token
        if not token:
            break
    assert seen == jobs[::-1], "every analysis once, newest first"
    assert pages == 3
    assert versions == [3, 2, 2, 1, 1], "two resumes: 3 versions of one, 2 of the other"

    other = await stub.ListCandidateAnalyses(
        resume_pb2.ListCandidateAnalysesRequest(candidate_id=candidate, organisation_id="another-org"),
        timeout=RPC_TIMEOUT,
    )
    assert list(other.analyses) == [] and not other.next_page_token


async def test_bad_requests_name_their_fields(stub) -> None:
    cases = [
        (stub.GetResumeAnalysis, resume_pb2.GetResumeAnalysisRequest(organisation_id="o"), {"resume_id"}),
        (stub.ListCandidateAnalyses, resume_pb2.ListCandidateAnalysesRequest(
            candidate_id="c", organisation_id="o", page_size=1000, page_token="not-a-token"),
         {"page_size", "page_token"}),
        (stub.EraseCandidate, resume_pb2.EraseCandidateRequest(candidate_id="a:b"),
         {"candidate_id", "organisation_id"}),
    ]
    for method, request, fields in cases:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await method(request, timeout=RPC_TIMEOUT)
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        status = rpc_status.from_call(caught.value)
        assert status is not None
        details = error_details_pb2.BadRequest()
        status.details[0].Unpack(details)
        assert {violation.field for violation in details.field_violations} == fields


async def test_an_unreachable_database_is_reported_as_unavailable() -> None:
    store = AnalysisDatabase(f"postgresql://nobody@127.0.0.1:{free_port()}/none", pool_size=1, timeout=2)
    await store.open()
    try:
        with pytest.raises(StoreUnavailable, match="^ConnectionRefusedError: "):
            await store.ping()
        assert REGISTRY.get_sample_value("resume_database_failures_total", {"operation": "ping"}) >= 1
    finally:
        await store.close()


async def test_migrations_applied_by_many_processes_at_once_apply_once(postgres: PostgresServer) -> None:
    database = unique("migrations").replace("-", "_")
    admin = await asyncpg.connect(postgres.url)
    try:
        await admin.execute(f"CREATE DATABASE {database}")
        url = postgres.url.rsplit("/", 1)[0] + f"/{database}"
        connections = [await asyncpg.connect(url) for _ in range(4)]
        applied = await asyncio.gather(*(migrate(connection) for connection in connections))
        for connection in connections:
            await connection.close()
        assert sorted(version for versions in applied for version in versions) == [v for v, _, _ in available()]
        versions = await rows(url, "SELECT version FROM schema_migrations ORDER BY version")
        assert [row["version"] for row in versions] == [v for v, _, _ in available()]
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        await admin.close()


async def test_a_migration_that_fails_takes_the_gateway_out_of_service(
    tmp_path: Path, postgres: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A background task that dies is logged with its traceback and shows in every probe,
    instead of leaving a gateway that serves without its schema."""
    database = unique("sabotaged").replace("-", "_")
    admin = await asyncpg.connect(postgres.url)
    try:
        await admin.execute(f"CREATE DATABASE {database}")
        url = postgres.url.rsplit("/", 1)[0] + f"/{database}"
        # A table of the first migration's name, made by something else: the migration fails.
        await rows(url, "CREATE TABLE resume_analyses (id integer)")
        async with isolated_stack(tmp_path, DATABASE_URL=url) as stack:
            health_stub = health_pb2_grpc.HealthStub(stack.channel)

            async def status(service: str) -> int:
                request = health_pb2.HealthCheckRequest(service=service)
                return (await health_stub.Check(request, timeout=RPC_TIMEOUT)).status

            not_serving = health_pb2.HealthCheckResponse.NOT_SERVING
            async with asyncio.timeout(20):
                while await status("liveness") != not_serving:
                    await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)  # the health loop, still running, does not turn them back
            for service in ("", "readiness", "resume.v1.GatewayService", "liveness"):
                assert await status(service) == not_serving, service
            report = await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
            assert report.status == resume_pb2.HEALTH_STATUS_UNHEALTHY
            assert "background task 'schema migration' died (DuplicateTableError)" in report.message
        died = [record for record in caplog.records if record.getMessage() == "background task died"]
        assert [(record.levelname, record.task) for record in died] == [("ERROR", "schema migration")]
        assert died[0].exc_info and "DuplicateTableError" in caplog.text
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        await admin.close()


async def test_retention_deletes_old_analyses_one_process_at_a_time(
    tmp_path: Path, postgres: PostgresServer, store: AnalysisDatabase
) -> None:
    organisation = unique("org")
    old, recent = unique("resume"), unique("resume")
    for resume in (old, recent):
        await record(store, organisation, unique("candidate"), resume, unique("job"))
    await rows(postgres.url, "UPDATE resume_analyses SET created_at = now() - interval '40 days'"
                             " WHERE organisation_id = $1 AND resume_id = $2", organisation, old)

    # While another process holds the retention lock, this one leaves the work to it.
    holder = await asyncpg.connect(postgres.url)
    try:
        async with holder.transaction():
            await holder.execute("SELECT pg_advisory_xact_lock($1)", RETENTION_LOCK)
            assert await store.expire(30) is None
    finally:
        await holder.close()

    async with isolated_stack(tmp_path, DATABASE_URL=postgres.url) as stack:
        worker = start_worker(
            {**stack.env, "ANALYSIS_RETENTION_DAYS": "30", "ANALYSIS_RETENTION_INTERVAL": "0.2"},
            tmp_path / "worker.log",
        )
        try:
            async with asyncio.timeout(30):
                while await store.current(organisation, old) is not None:
                    await asyncio.sleep(0.1)
        finally:
            assert worker.stop() == 0, worker.log()
        assert "retention: old analyses deleted" in worker.log()
    assert await store.current(organisation, recent) is not None


async def count_everywhere(
    store_url: str, cache: redis.Redis, queue_client: redis.Redis, queue: Queue, organisation: str,
    candidate: str, resume_ids: list[str], job_ids: list[str],
) -> dict[str, int]:
    analyses = await rows(store_url, "SELECT 1 FROM resume_analyses WHERE organisation_id = $1 AND candidate_id = $2",
                          organisation, candidate)
    cached = [key for resume in resume_ids
              for key in (resume_analysis_key(resume), resume_analysis_metadata_key(resume))]
    return {
        "analyses": len(analyses),
        "cache_keys": await cache.exists(*cached),
        "uploads": await queue_client.exists(*[upload_key(job) for job in job_ids]),
        "jobs": sum([await Job.fromId(queue, job) is not None for job in job_ids]),
    }


async def test_erasure_reaches_every_copy_and_leaves_an_audit_record(
    tmp_path: Path, postgres: PostgresServer, store: AnalysisDatabase
) -> None:
    async with isolated_stack(tmp_path, DATABASE_URL=postgres.url) as stack:
        settings = Settings.from_env(stack.env)
        cache, queue_client = connect_cache(settings), connect_queue(settings)
        queue = Queue(QUEUE_NAME, {"connection": queue_client})
        organisation, candidate = unique("org"), unique("candidate")
        requests = [submit_request(content=PDF, organisation_id=organisation, candidate_id=candidate)
                    for _ in range(3)]
        try:
            # One job completes (its analysis stored and cached), two wait with their uploads.
            worker = start_worker(stack.env, tmp_path / "worker.log")
            try:
                done = await analysed(stack.stub, requests[0])
            finally:
                assert worker.stop() == 0, worker.log()
            waiting = [(await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
                       for request in requests[1:]]
            job_ids = [done.job_id, *waiting]
            resume_ids = [request.resume_id for request in requests]
            someone_else = submit_request(content=PDF, organisation_id=organisation)
            kept_job = (await stack.stub.SubmitResume(someone_else, timeout=RPC_TIMEOUT)).job_id

            async def counted() -> dict[str, int]:
                return await count_everywhere(postgres.url, cache, queue_client, queue, organisation, candidate,
                                        resume_ids, job_ids)

            assert await counted() == {"analyses": 1, "cache_keys": 2, "uploads": 2, "jobs": 3}
            request = resume_pb2.EraseCandidateRequest(candidate_id=candidate, organisation_id=organisation)
            erased = await stack.stub.EraseCandidate(request, timeout=RPC_TIMEOUT)
            assert (erased.analyses, erased.cache_keys, erased.uploads, erased.jobs, erased.active_jobs) == (
                1, 2, 2, 3, 0)
            assert erased.events >= 3 + 3, "at least an added and a removed event of each job"
            assert await counted() == {"analyses": 0, "cache_keys": 0, "uploads": 0, "jobs": 0}
            assert await Job.fromId(queue, kept_job) is not None, "another candidate's job stays"

            again = await stack.stub.EraseCandidate(request, timeout=RPC_TIMEOUT)
            assert (again.analyses, again.cache_keys, again.uploads, again.jobs) == (0, 0, 0, 0)
            audit = await store.erasures(organisation, candidate)
            assert [(record["id"], record["analyses"], record["jobs"]) for record in audit] == [
                (erased.erasure_id, 1, 3), (again.erasure_id, 0, 0)]
            assert all(candidate not in str(value) for record in audit for value in record.values())
            assert audit[0]["requested_by"]
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await stack.stub.GetResumeAnalysis(get_request(requests[0].resume_id, organisation),
                                                   timeout=RPC_TIMEOUT)
            assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        finally:
            await queue.close()
            await cache.aclose()


async def database_contents(client: redis.Redis) -> bytes:
    """Every key of a Redis database and everything it holds, stream entries included."""
    parts: list[object] = []
    async for key in client.scan_iter(count=500):
        kind = (await client.type(key)).decode()
        read = {
            "string": client.get, "hash": client.hgetall, "stream": client.xrange, "set": client.smembers,
            "list": lambda key: client.lrange(key, 0, -1), "zset": lambda key: client.zrange(key, 0, -1),
        }[kind]
        parts += [key, await read(key)]
    return b"\n".join(part if isinstance(part, bytes) else repr(part).encode() for part in parts)


async def test_an_erased_candidate_leaves_nothing_in_either_redis_database(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    async with isolated_stack(tmp_path, DATABASE_URL=postgres.url) as stack:
        settings = Settings.from_env(stack.env)
        clients = [connect(settings, database, decode_responses=False)
                   for database in (settings.cache_db, settings.queue_db)]
        # A resume with a phone number, which the shared fixtures lack.
        request = submit_request(content=(CORPUS / "eu00_pieter_vanderberg.latex-banking.pdf").read_bytes())
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            done = await analysed(stack.stub, request)
            contact = done.result.contact
            traces = {
                "name": contact.name, "email": contact.emails[0], "phone": contact.phones[0],
                "resume id": request.resume_id, "candidate id": request.candidate_id, "job id": done.job_id,
            }
            assert all(traces.values()), traces

            async def found() -> dict[str, int]:
                contents = b"".join([await database_contents(client) for client in clients])
                return {what: contents.count(value.encode()) for what, value in traces.items() if
                        value.encode() in contents}

            before = await found()
            assert {"name", "email", "phone", "job id", "resume id"} <= set(before), before
            erased = await stack.stub.EraseCandidate(
                resume_pb2.EraseCandidateRequest(candidate_id=request.candidate_id,
                                                 organisation_id=request.organisation_id),
                timeout=RPC_TIMEOUT,
            )
            assert (erased.analyses, erased.jobs, erased.events) >= (1, 1, 4), erased
            assert await found() == {}
        finally:
            assert worker.stop() == 0, worker.log()
            for client in clients:
                await client.aclose()


@pytest.mark.usefixtures("worker")
async def test_a_running_job_of_an_erased_candidate_is_erased_when_it_ends(
    stub, settings: Settings, postgres: PostgresServer, store: AnalysisDatabase, file_server: tuple[str, Path]
) -> None:
    base, directory = file_server
    (directory / "erased.pdf").write_bytes(PDF)
    request = submit_request(file_url=f"{base}/erased.pdf?delay=1.5")
    job_id = (await stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
    status = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=request.organisation_id)
    async with asyncio.timeout(30):
        while (await stub.GetJobStatus(status, timeout=RPC_TIMEOUT)).state != resume_pb2.JOB_STATE_ACTIVE:
            await asyncio.sleep(0.05)
    erased = await stub.EraseCandidate(
        resume_pb2.EraseCandidateRequest(candidate_id=request.candidate_id, organisation_id=request.organisation_id),
        timeout=RPC_TIMEOUT,
    )
    assert (erased.jobs, erased.active_jobs) == (0, 1)
    async with asyncio.timeout(30):
        while True:
            try:
                await stub.GetJobStatus(status, timeout=RPC_TIMEOUT)
            except grpc.aio.AioRpcError as error:
                assert error.code() == grpc.StatusCode.NOT_FOUND
                break
            await asyncio.sleep(0.1)
    assert not await rows(postgres.url, "SELECT 1 FROM resume_analyses WHERE job_id = $1", job_id)
    queue_client = connect_queue(settings)
    try:
        marks = ErasureMarks(queue_client, store, settings.keep_failed_seconds)
        assert await queue_client.exists(await marks.key(request.organisation_id, request.candidate_id))
        assert not await queue_client.keys(f"erasure:*{request.candidate_id}*"), "the candidate id in clear"
        assert not [entry for _, entry in await queue_client.xrange(queue_key(settings.queue_prefix, "events"))
                    if entry.get("jobId") == job_id]
    finally:
        await queue_client.aclose()


async def test_health_reports_the_database(stub) -> None:
    report = await stub.Health(
        resume_pb2.HealthRequest(check=resume_pb2.HEALTH_CHECK_DATABASE), timeout=RPC_TIMEOUT
    )
    assert report.status == resume_pb2.HEALTH_STATUS_HEALTHY, report.message
    database = report.database
    assert database.configured and database.connected and database.latency_ms > 0
    assert database.pool_max == 10
    # The gateway runs in this process: its metrics are in this registry.
    assert REGISTRY.get_sample_value("resume_database_seconds_count", {"operation": "ping"})
    assert REGISTRY.get_sample_value("resume_database_pool_connections", {"state": "max"}) == 10
    assert REGISTRY.get_sample_value("resume_database_failures_total", {"operation": "ping"}) is not None


def test_a_server_left_by_a_killed_owner_is_stopped_by_its_directory(postgres: PostgresServer) -> None:
    directory = postgres.directory.parent / (postgres.directory.name + "-orphan")
    orphan = PostgresServer(directory, durable=False)
    orphan.start()
    pid = orphan.process.pid  # type: ignore[union-attr]
    stop_by_directory(directory)
    assert orphan.process.wait(10) == 0  # type: ignore[union-attr]
    assert not Path(f"/proc/{pid}").exists()
    try:
        orphan.start()  # and the directory serves again
        orphan.stop()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


async def test_postgres_killed_under_load_loses_no_stored_analysis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = Path(tempfile.mkdtemp(prefix="resume-postgres-killed-"))
    database = PostgresServer(directory)
    database.start()
    organisation = unique("org")
    # Enough attempts, with backoff, to outlast the outage.
    overrides = {"DATABASE_URL": database.url, "JOB_ATTEMPTS": "12", "JOB_BACKOFF_MS": "250"}
    try:
        async with isolated_stack(tmp_path, **overrides) as stack:
            workers = [start_worker(stack.env, tmp_path / f"worker{i}.log") for i in range(2)]
            health = health_pb2_grpc.HealthStub(stack.channel)
            accepted: list[str] = []
            readiness: set[int] = set()
            stop = asyncio.Event()

            async def submit_stream() -> None:
                while not stop.is_set():
                    request = submit_request(content=PDF, organisation_id=organisation)
                    accepted.append((await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id)
                    await asyncio.sleep(0.05)

            async def watch_readiness() -> None:
                while not stop.is_set():
                    answer = await health.Check(health_pb2.HealthCheckRequest(service="readiness"),
                                                timeout=RPC_TIMEOUT)
                    readiness.add(answer.status)
                    await asyncio.sleep(0.05)

            tasks = [asyncio.create_task(submit_stream()), asyncio.create_task(watch_readiness())]
            await asyncio.sleep(2)
            database.kill()
            killed_at = time.monotonic()
            await asyncio.sleep(2)
            database.start()
            restart_seconds = time.monotonic() - killed_at
            await asyncio.sleep(2)
            stop.set()
            await asyncio.gather(*tasks)
            try:
                finals = [await wait_for_final_state(stack.stub, job_id, organisation, timeout=120)
                          for job_id in accepted]
            finally:
                for worker in workers:
                    assert worker.stop() == 0, worker.log()
            completed = {status.job_id for status in finals if status.state == resume_pb2.JOB_STATE_COMPLETED}
            retried = sum(status.attempts_made > 1 for status in finals)
            stored = {row["job_id"] for row in await rows(
                database.url, "SELECT job_id FROM resume_analyses WHERE organisation_id = $1", organisation)}
            with capsys.disabled():
                print(f"\n[postgres SIGKILL under load] submitted={len(accepted)} completed={len(completed)} "
                      f"completed_with_rows={len(completed & stored)} rows={len(stored)} retried={retried} "
                      f"down_for={restart_seconds:.1f}s")
            assert completed & stored == completed, "a job completed without its analysis stored"
            assert len(completed) == len(accepted), [s.failed_reason for s in finals if s.job_id not in completed]
            assert retried, "no job met the outage"
            assert health_pb2.HealthCheckResponse.NOT_SERVING in readiness
            assert health_pb2.HealthCheckResponse.SERVING in readiness
    finally:
        database.stop()
        shutil.rmtree(directory, ignore_errors=True)


@pytest.mark.skipif(pgserver_binaries() is None, reason="the pgserver wheel is not installed")
async def test_the_pgserver_wheels_binaries_serve_too() -> None:
    directory = Path(tempfile.mkdtemp(prefix="resume-pgserver-"))
    server = PostgresServer(directory, durable=False, binaries=pgserver_binaries())
    try:
        server.start()
        assert (await rows(server.url, "SELECT 1 AS one"))[0]["one"] == 1
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)
