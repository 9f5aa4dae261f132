"""The worker's side of the analysis store: where results go, the erasure of jobs that
end after their candidate was erased, and the retention of old analyses."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bullmq import Job
from redis.exceptions import RedisError

from analysis_worker.results import CachedResults, Results, StoredResults
from common import failures, logs
from common.background import BackgroundTasks
from common.cache import Cache
from common.config import Settings
from common.redis_modes import RedisClient
from common.store.analyses import AnalysisStore, StoreUnavailable
from common.store.cached import CachedAnalyses
from common.store.erasure import ErasureMarks, erase_if_marked

log = logs.get_logger(__name__)


class WorkerStorage:
    def __init__(
        self, settings: Settings, cache: Cache, queue_client: RedisClient, tasks: BackgroundTasks
    ) -> None:
        self._settings = settings
        self._queue_client = queue_client
        self._tasks = tasks
        self.results: Results = CachedResults(cache, settings.analysis_ttl_seconds)
        self._store: AnalysisStore | None = None
        if settings.database_url:
            self._store = AnalysisStore(
                settings.database_url, pool_size=settings.database_pool_size, timeout=settings.database_timeout
            )
            self._analyses = CachedAnalyses(self._store, cache, settings.analysis_ttl_seconds)
            self._marks = ErasureMarks(queue_client, self._store, settings.keep_failed_seconds)
            self.results = StoredResults(self._store, self._analyses, self._marks)

    async def start(self, stop: asyncio.Event) -> None:
        """Opens the pool and applies the schema (waiting for PostgreSQL), then starts the retention."""
        if self._store is None:
            log.warning("no DATABASE_URL: analyses are kept in the cache only")
            return
        await self._store.open()
        await self._store.migrate_when_reachable(self._settings.worker_reconnect_delay_ms / 1000, stop)
        if self._settings.analysis_retention_days > 0:
            self._tasks.spawn("retention", self._expire_periodically(stop))

    def on_job_end(self, job: Job, *_: Any) -> None:
        """For the worker's "completed" and "failed" events."""
        if self._store is not None:
            self._tasks.spawn("erasure of an ended job", self._erase_if_marked(job))

    async def _erase_if_marked(self, job: Job) -> None:
        assert self._store is not None
        try:
            await erase_if_marked(
                job, self._marks, self._store, self._analyses, self._queue_client, self._settings.queue_prefix
            )
        except (StoreUnavailable, RedisError, OSError) as error:
            log.error("could not erase a job of an erased candidate",
                      extra={"job_id": job.id, "error": failures.describe(error)})

    async def _expire_periodically(self, stop: asyncio.Event) -> None:
        assert self._store is not None
        while not stop.is_set():
            try:
                expired = await self._store.expire(self._settings.analysis_retention_days)
                if expired is not None:
                    await self._analyses.forget(expired.resume_ids)
                    log.info("retention: old analyses deleted", extra={"analyses": expired.analyses})
            except (StoreUnavailable, RedisError, OSError) as error:
                log.warning("retention postponed: %s", failures.describe(error))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self._settings.analysis_retention_interval)

    async def close(self) -> None:
        if self._store is not None:
            await self._store.close()
