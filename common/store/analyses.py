"""Where an analysis lives, for both services: `Analyses`.

With DATABASE_URL set, PostgreSQL (`AnalysisDatabase`) holds every version and the cache
in front of it holds the current one (cache-aside: reads try Redis, then PostgreSQL, which
then fills the cache); erasure marks keep an erased candidate erased. Without it, the cache
alone holds analyses, for their TTL.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bullmq import Job, Queue, UnrecoverableError
from opentelemetry.trace import SpanKind

from common import tracing
from common.cache import Cache, resume_analysis_key, resume_analysis_metadata_key
from common.config import Settings
from common.jobs import QUEUE_NAME, ResumeJobData
from common.redis_modes import RedisClient
from common.store.database import AnalysisDatabase, ErasedRows, Page, RedactedAnalysis, StoredAnalysis
from common.store.erasure import Eraser, Erasure, ErasureMarks

# Spans of the store writes, by OpenTelemetry's database conventions.
_RECORD_SPAN = {"db.system.name": "postgresql", "db.operation.name": "INSERT", "db.collection.name": "resume_analyses"}
_CACHE_SPAN = {"db.system.name": "redis", "db.operation.name": "SET"}


class Analyses:
    def __init__(self, cache: Cache, ttl: int, database: AnalysisDatabase | None = None) -> None:
        self.database = database
        self._cache = cache
        self._ttl = ttl
        # Set by `of` with the database: the eraser works through these analyses.
        self._eraser: Eraser | None = None

    @classmethod
    def of(cls, settings: Settings, cache_client: RedisClient, queue_client: RedisClient) -> Analyses:
        """The analyses as `settings` place them; the database's pool opens with `database.open()`."""
        cache = Cache.of_analyses(settings, cache_client)
        if not settings.database_url:
            return cls(cache, settings.analysis_ttl_seconds)
        database = AnalysisDatabase(
            settings.database_url, pool_size=settings.database_pool_size, timeout=settings.database_timeout
        )
        marks = ErasureMarks(queue_client, database, settings.keep_failed_seconds)
        queue = Queue(QUEUE_NAME, {"connection": queue_client, "prefix": settings.queue_prefix})
        analyses = cls(cache, settings.analysis_ttl_seconds, database)
        analyses._eraser = Eraser(database, analyses, marks, queue, queue_client, settings.queue_prefix)
        return analyses

    async def keep(
        self, job: Job, data: ResumeJobData, analysis: dict[str, Any], file_sha256: str,
        redaction: dict[str, Any] | None = None,
    ) -> None:
        """Keeps a job's analysis, and its redacted copy when the job asked for one. With a
        database, it is stored there first: a job completes only once its analysis is
        stored, and a failure there is transient, so BullMQ retries the job with backoff.
        The redacted copy goes to the database only: without one, nothing reads it."""
        if self.database is None or self._eraser is None:
            # If the cache has room: the job's return value holds the analysis anyway.
            await self._offer({resume_analysis_key(data.resume_id): analysis})
            return
        if await self._eraser.marks.covers(job):
            raise UnrecoverableError("the candidate's data was erased while the job ran; nothing was stored")
        with tracing.span("INSERT resume_analyses", kind=SpanKind.CLIENT, attributes=_RECORD_SPAN):
            stored = await self.database.record(
                organisation_id=data.organisation_id, resume_id=data.resume_id, candidate_id=data.candidate_id,
                job_id=str(job.id), job_created_ms=int(job.timestamp), analysis=analysis, file_sha256=file_sha256,
                redaction=redaction,
            )
        await self.put(stored)

    async def put(self, stored: StoredAnalysis) -> None:
        """Caches the analysis if the cache has room (Cache.offer): PostgreSQL holds it anyway."""
        await self._offer({
            resume_analysis_key(stored.resume_id): stored.analysis,
            resume_analysis_metadata_key(stored.resume_id): stored.metadata(),
        })

    async def _offer(self, values: dict[str, Any]) -> None:
        with tracing.span("SET analysis", kind=SpanKind.CLIENT, attributes=_CACHE_SPAN) as span:
            span.set_attribute("resume.cached", await self._cache.offer(values, self._ttl))

    async def current(self, organisation_id: str, resume_id: str) -> StoredAnalysis | None:
        database = self._database()
        analysis, metadata = await self._cache.get_all(
            resume_analysis_key(resume_id), resume_analysis_metadata_key(resume_id)
        )
        cached_owner = metadata.get("organisation_id") if isinstance(metadata, dict) else None
        if analysis is not None and cached_owner == organisation_id:
            return StoredAnalysis.from_metadata(metadata, analysis)  # type: ignore[arg-type]
        stored = await database.current(organisation_id, resume_id)
        # Two organisations may use the same resume id: the cache keeps the one it has.
        if stored is not None and cached_owner in (None, organisation_id):
            await self.put(stored)
            # An erasure may have deleted the row and cleared the cache between the read and
            # the put. Row still there: the erasure, if any, clears the cache after this put.
            # Row gone: the copy just put goes too.
            if not await database.still_stored(stored):
                await self.forget([resume_id])
                return None
        return stored

    async def current_redaction(self, organisation_id: str, resume_id: str) -> RedactedAnalysis | None:
        """The resume's latest analysis with its redacted copy (None when it was not
        submitted with `redact`), from PostgreSQL: the copy is read seldom and never cached."""
        return await self._database().current_redaction(organisation_id, resume_id)

    async def candidate_page(self, organisation_id: str, candidate_id: str, after: int | None, size: int) -> Page:
        return await self._database().candidate_page(organisation_id, candidate_id, after, size)

    async def forget(self, resume_ids: Iterable[str]) -> int:
        """Deletes the cached analyses of these resumes; how many keys were deleted."""
        keys = [key for resume_id in resume_ids
                for key in (resume_analysis_key(resume_id), resume_analysis_metadata_key(resume_id))]
        return await self._cache.delete(*keys)

    async def erase(self, organisation_id: str, candidate_id: str, requested_by: str) -> Erasure:
        """Erases the candidate and keeps an audit record of it; erasing again finds nothing."""
        return await self._erasing().erase(organisation_id, candidate_id, requested_by)

    async def erase_if_marked(self, job: Job) -> bool:
        """Erases a job that ended after its candidate was erased; whether it did."""
        return await self._erasing().erase_if_marked(job)

    async def expire(self, older_than_days: float) -> ErasedRows | None:
        """Deletes analyses older than that, from PostgreSQL and the cache; None when another
        process is doing it."""
        expired = await self._database().expire(older_than_days)
        if expired is not None:
            await self.forget(expired.resume_ids)
        return expired

    def _database(self) -> AnalysisDatabase:
        if self.database is None:
            raise RuntimeError("analyses are kept in the cache only: DATABASE_URL is unset")
        return self.database

    def _erasing(self) -> Eraser:
        if self._eraser is None:
            raise RuntimeError("analyses are kept in the cache only: DATABASE_URL is unset")
        return self._eraser
