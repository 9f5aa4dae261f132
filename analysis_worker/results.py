"""Where a finished analysis goes: the cache, or PostgreSQL then the cache."""

from __future__ import annotations

from typing import Any, Protocol

from bullmq import Job, UnrecoverableError

from common.cache import Cache, resume_analysis_key
from common.jobs import ResumeJobData
from common.store.analyses import AnalysisStore
from common.store.cached import CachedAnalyses
from common.store.erasure import ErasureMarks


class Results(Protocol):
    async def keep(self, job: Job, data: ResumeJobData, analysis: dict[str, Any], file_sha256: str) -> None: ...


class CachedResults:
    """Without a database: the cache only."""

    def __init__(self, cache: Cache, ttl: int) -> None:
        self._cache = cache
        self._ttl = ttl

    async def keep(self, job: Job, data: ResumeJobData, analysis: dict[str, Any], file_sha256: str) -> None:
        # If the cache has room: the job's return value holds the analysis anyway.
        await self._cache.offer({resume_analysis_key(data.resume_id): analysis}, self._ttl)


class StoredResults:
    """PostgreSQL first: a job completes only once its analysis is stored. A failure there
    is transient, so BullMQ retries the job with backoff."""

    def __init__(self, store: AnalysisStore, analyses: CachedAnalyses, marks: ErasureMarks) -> None:
        self._store = store
        self._analyses = analyses
        self._marks = marks

    async def keep(self, job: Job, data: ResumeJobData, analysis: dict[str, Any], file_sha256: str) -> None:
        if await self._marks.covers(job):
            raise UnrecoverableError("the candidate's data was erased while the job ran; nothing was stored")
        stored = await self._store.record(
            organisation_id=data.organisation_id, resume_id=data.resume_id, candidate_id=data.candidate_id,
            job_id=str(job.id), job_created_ms=int(job.timestamp), analysis=analysis, file_sha256=file_sha256,
        )
        await self._analyses.put(stored)
