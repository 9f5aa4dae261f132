"""What the analysis store costs: the worker's write per job, and GetResumeAnalysis reads.

    .venv/bin/python -m tests.bench.store [--rounds N]

Starts its own redis-server and PostgreSQL (fsync on, as in production) in a temporary
directory, and the gateway in this process. Prints, as median and p99 in milliseconds:
- the worker's write of one analysis: the cache alone (as without a database), and
  PostgreSQL then the cache (as with one); their difference is the latency a job gains;
- GetResumeAnalysis over gRPC on a cache hit, and on a miss (read from PostgreSQL, refilled).
The analysis is the real one of the John Doe fixture.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc

from analysis_worker.pipeline import extract_and_analyse
from common.cache import Cache, resume_analysis_key, resume_analysis_metadata_key
from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer
from common.devstack.embedded_redis import RedisServer
from common.jobs import ResumeJobData
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_cache, connect_queue
from common.store.analyses import Analyses
from gateway_service.server import Gateway
from tests.helpers.support import FIXTURES, service_env

ORGANISATION = "bench-org"


class FakeJob:
    """What Analyses.keep reads of a BullMQ job."""

    def __init__(self, data: dict[str, str]) -> None:
        self.id = f"resume-{uuid.uuid4().hex}"
        self.timestamp = int(time.time() * 1000)
        self.data = data


def figures(label: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{label:<52} median {statistics.median(ordered) * 1000:7.3f} ms   p99 {p99 * 1000:7.3f} ms")


async def timed(rounds: int, call: Callable[[int], Awaitable[object]], before: Callable[[int], Awaitable[object]]
                | None = None) -> list[float]:
    spent = []
    for index in range(rounds):
        if before is not None:
            await before(index)
        started = time.perf_counter()
        await call(index)
        spent.append(time.perf_counter() - started)
    return spent


async def main(rounds: int) -> None:
    pdf = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
    analysis = extract_and_analyse(pdf, "application/pdf", "cv.pdf", 50, "", ()).analysis
    directory = Path(tempfile.mkdtemp(prefix="resume-bench-store-"))
    directory.chmod(0o755)  # under root, PostgreSQL runs as `nobody`, which must reach its directory
    redis_server = RedisServer(directory / "redis")
    postgres = PostgresServer(directory / "postgres")
    redis_server.start()
    postgres.start()
    settings = Settings.from_env(service_env(redis_server.port, DATABASE_URL=postgres.url))
    gateway = Gateway(settings)
    cache_client, queue_client = connect_cache(settings), connect_queue(settings)
    # As the worker keeps analyses with a database, and without one.
    stored = Analyses.of(settings, cache_client, queue_client)
    cached_only = Analyses(Cache.of_analyses(settings, cache_client), settings.analysis_ttl_seconds)
    store = stored.database
    assert store is not None
    try:
        await gateway.start()
        await store.open()
        await store.migrate_when_reachable(0.2, asyncio.Event())
        resumes = [f"bench-{uuid.uuid4().hex}" for _ in range(rounds)]
        jobs = [FakeJob({"resumeId": resume, "candidateId": "bench-candidate", "organisationId": ORGANISATION})
                for resume in resumes]

        async def keep(results: Analyses, index: int) -> None:
            job = jobs[index]
            await results.keep(job, ResumeJobData.from_json(job.data), analysis, "0" * 64)  # type: ignore[arg-type]

        for warm in range(20):  # connections, prepared statements
            await keep(stored, warm)
        cache_write = await timed(rounds, lambda i: keep(cached_only, i))
        store_write = await timed(rounds, lambda i: keep(stored, i))
        async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
            stub = resume_pb2_grpc.GatewayServiceStub(channel)

            def read(index: int) -> Awaitable[object]:
                return stub.GetResumeAnalysis(
                    resume_pb2.GetResumeAnalysisRequest(resume_id=resumes[index], organisation_id=ORGANISATION),
                    timeout=10,
                )

            async def evict(index: int) -> None:
                await cache_client.delete(resume_analysis_key(resumes[index]),
                                          resume_analysis_metadata_key(resumes[index]))

            hits = await timed(rounds, read)
            misses = await timed(rounds, read, evict)
        print(f"{rounds} rounds; analysis of {len(str(analysis))} characters; PostgreSQL with fsync on")
        figures("job write: cache only (no database)", cache_write)
        figures("job write: PostgreSQL, then cache", store_write)
        added = [s - c for s, c in zip(sorted(store_write), sorted(cache_write), strict=True)]
        figures("job write: added by the store (by rank)", added)
        figures("GetResumeAnalysis, cache hit", hits)
        figures("GetResumeAnalysis, cache miss (PostgreSQL + refill)", misses)
    finally:
        await store.close()
        await cache_client.aclose()
        await queue_client.aclose()
        await gateway.stop()
        postgres.stop()
        redis_server.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=1000)
    asyncio.run(main(parser.parse_args().rounds))
