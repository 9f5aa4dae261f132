"""Health: the detailed Health RPC, and grpc.health.v1 driven by the reachability of Redis
and of the analysis database."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from typing import TypeVar

import redis.asyncio as redis
from google.protobuf import timestamp_pb2
from grpc_health.v1 import health, health_pb2

from common import failures, logs
from common.background import BackgroundTasks
from common.cache import Cache
from common.config import MIB
from common.jobs import QUEUE_NAME
from common.metrics import REDIS_MEMORY_RATIO, REDIS_ROUNDTRIP
from common.proto.resume.v1 import resume_pb2
from common.redis_connections import raise_if_cancelling
from common.redis_memory import memory_use
from common.redis_modes import RedisClient
from common.store.database import AnalysisDatabase, StoreUnavailable
from gateway_service.metrics import CACHE_READS, QUEUE_JOBS
from gateway_service.resume_queue import ResumeQueue

log = logs.get_logger(__name__)

SERVICE_NAME = resume_pb2.DESCRIPTOR.services_by_name["GatewayService"].full_name
# Kubernetes probes: a live gateway is only restarted when the process is stuck, while
# readiness, like the overall server ("") and the gateway service, follows Redis (and the
# database, when there is one).
LIVENESS = "liveness"
READINESS = "readiness"
FOLLOWING_REDIS = ("", SERVICE_NAME, READINESS)
Check = resume_pb2.HealthCheck
# The key of the probe's write, in each database.
PROBE_KEY = "health:probe"
# Health reports DEGRADED when a Redis server's memory passes this fraction of maxmemory.
MEMORY_WARNING = 0.9
T = TypeVar("T")


async def probe_connection(
    client: RedisClient, timeout: float, database: str
) -> resume_pb2.RedisConnectionHealth:
    """A small write, not a PING: a full or read-only Redis answers PINGs but refuses writes,
    every submission among them. Then the server's memory."""
    health = resume_pb2.RedisConnectionHealth()
    try:
        async with asyncio.timeout(timeout):
            use = await memory_use(client)
            health.connected = True
            health.used_memory_bytes, health.maxmemory_bytes = use.used, use.limit
            health.eviction_policy, health.memory_ratio = use.policy, use.ratio()
            REDIS_MEMORY_RATIO.labels(database).set(health.memory_ratio)
            started = time.perf_counter()
            await client.set(PROBE_KEY, 1, ex=60)
            elapsed = time.perf_counter() - started
    except TimeoutError:
        health.error = f"no answer within {timeout:g} s"
        return health
    except (OSError, redis.RedisError) as error:
        raise_if_cancelling(error)
        health.error = failures.describe(error)
        return health
    REDIS_ROUNDTRIP.labels(database).observe(elapsed)
    health.latency_ms, health.accepts_writes = elapsed * 1000, True
    return health


async def probe_database(database: AnalysisDatabase | None, timeout: float) -> resume_pb2.DatabaseHealth:
    if database is None:
        return resume_pb2.DatabaseHealth(configured=False)
    use = database.pool_use()
    health = resume_pb2.DatabaseHealth(
        configured=True, pool_in_use=use.in_use, pool_idle=use.idle, pool_max=use.max
    )
    try:
        async with asyncio.timeout(timeout):
            health.latency_ms = await database.ping() * 1000
    except (TimeoutError, StoreUnavailable) as error:
        raise_if_cancelling(error)
        health.error = str(error) or f"no answer within {timeout:g} s"
        return health
    health.connected = True
    return health


class HealthReporter:
    def __init__(
        self, cache_client: RedisClient, queue_client: RedisClient, cache: Cache,
        queue: ResumeQueue, timeout: float, tasks: BackgroundTasks, admission_limit: float,
        database: AnalysisDatabase | None = None,
    ) -> None:
        self._cache_client = cache_client
        self._queue_client = queue_client
        self._cache = cache
        self._queue = queue
        self._timeout = timeout
        self._database = database
        self._tasks = tasks
        self._admission_limit = admission_limit

    async def _probe(self) -> tuple[resume_pb2.RedisConnectionHealth, resume_pb2.RedisConnectionHealth]:
        cache, queue = await asyncio.gather(
            probe_connection(self._cache_client, self._timeout, "cache"),
            probe_connection(self._queue_client, self._timeout, "queue"),
        )
        return cache, queue

    async def serving(self) -> bool:
        """Whether Redis and the database are reachable and no background task died."""
        (cache, queue), database = await asyncio.gather(
            self._probe(), probe_database(self._database, self._timeout)
        )
        reachable = cache.accepts_writes and queue.accepts_writes and (database.connected or not database.configured)
        return reachable and not self._tasks.failures

    async def sample(self) -> None:
        """Refreshes the queue-depth and cache gauges."""
        problems: list[str] = []
        counts = await self._within_timeout("queue counts", self._queue.counts(), problems)
        for state, count in (counts or {}).items():
            QUEUE_JOBS.labels(state).set(count)
        stats = await self._within_timeout("cache statistics", self._cache.stats(), problems)
        if stats is not None:
            CACHE_READS.labels("hit").set(stats.hits)
            CACHE_READS.labels("miss").set(stats.misses)

    async def report(self, check: resume_pb2.HealthCheck.ValueType) -> resume_pb2.HealthResponse:
        full = check in (Check.HEALTH_CHECK_UNSPECIFIED, Check.HEALTH_CHECK_FULL)
        response = resume_pb2.HealthResponse()
        response.check_time.CopyFrom(_now())
        problems = list(self._tasks.failures) if full else []
        warnings: list[str] = []
        if full or check == Check.HEALTH_CHECK_REDIS:
            cache, queue = await self._probe()
            response.redis.cache.CopyFrom(cache)
            response.redis.queue.CopyFrom(queue)
            for name, probe in (("cache", cache), ("queue", queue)):
                if probe.error:
                    problems.append(f"{name} Redis: {probe.error}")
                elif probe.memory_ratio >= MEMORY_WARNING:
                    warnings.append(
                        f"{name} Redis: memory at {probe.memory_ratio:.0%} of maxmemory "
                        f"({probe.maxmemory_bytes / MIB:.0f} MiB, {probe.eviction_policy}); submissions are "
                        f"refused above {self._admission_limit:.0%} (REDIS_ADMISSION_LIMIT)"
                    )
        if full or check == Check.HEALTH_CHECK_DATABASE:
            response.database.CopyFrom(await probe_database(self._database, self._timeout))
            if response.database.configured and not response.database.connected:
                problems.append(f"database: {response.database.error}")
        if full or check == Check.HEALTH_CHECK_QUEUE:
            counts = await self._within_timeout("queue counts", self._queue.counts(), problems)
            if counts is not None:
                response.queue.CopyFrom(
                    resume_pb2.QueueHealth(name=QUEUE_NAME, total=sum(counts.values()), **counts)
                )
        if full or check == Check.HEALTH_CHECK_CACHE:
            stats = await self._within_timeout("cache statistics", self._cache.stats(), problems)
            if stats is not None:
                response.cache.CopyFrom(
                    resume_pb2.CacheHealth(
                        keys=stats.keys, memory_used_bytes=stats.memory_used_bytes,
                        hits=stats.hits, misses=stats.misses, hit_ratio=stats.hit_ratio,
                    )
                )
        if problems:
            response.status, response.message = resume_pb2.HEALTH_STATUS_UNHEALTHY, "; ".join(problems + warnings)
        elif warnings:
            response.status, response.message = resume_pb2.HEALTH_STATUS_DEGRADED, "; ".join(warnings)
        else:
            response.status, response.message = resume_pb2.HEALTH_STATUS_HEALTHY, "all checks passed"
        return response

    async def _within_timeout(self, label: str, work: Awaitable[T], problems: list[str]) -> T | None:
        try:
            async with asyncio.timeout(self._timeout):
                return await work
        except (TimeoutError, OSError, redis.RedisError) as error:
            raise_if_cancelling(error)
            problems.append(f"{label}: {failures.describe(error)}")
            return None


async def follow_redis(
    servicer: health.aio.HealthServicer, reporter: HealthReporter, interval: float, stop: asyncio.Event
) -> None:
    """Keeps grpc.health.v1 in step with Redis and the database (NOT_SERVING while either
    is unreachable or Redis refuses writes, SERVING after), and the queue and cache gauges
    up to date."""
    last = None
    while not stop.is_set():
        serving = await reporter.serving()
        if serving:
            await reporter.sample()
        status = (
            health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
        )
        if status != last:
            log.info("health: %s", health_pb2.HealthCheckResponse.ServingStatus.Name(status))
            for service in FOLLOWING_REDIS:
                await servicer.set(service, status)
            last = status
        await asyncio.sleep(interval)


def _now() -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.GetCurrentTime()
    return stamp
