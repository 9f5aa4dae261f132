"""Erasing a candidate from every place that holds their data: the analyses in PostgreSQL,
the cached analyses, the uploaded files and the BullMQ job records.

A job that is running cannot be removed (a worker holds its lock): the erasure leaves a
marker, and the worker erases the job itself when it ends (see `erase_if_marked`).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime

from bullmq import Job, Queue

from common.jobs import ResumeJobData
from common.redis_modes import RedisClient
from common.store.analyses import AnalysisStore, ErasureCounts
from common.store.cached import CachedAnalyses

log = logging.getLogger(__name__)

# Every state a job record can be in; "active" ones are counted, then left to their worker.
JOB_STATES = ("waiting", "paused", "delayed", "prioritized", "waiting-children", "completed", "failed", "active")
_BATCH = 500


def erasure_marker_key(organisation_id: str, candidate_id: str) -> str:
    """In the queue database: when the candidate was last erased (epoch ms)."""
    return f"erasure:{organisation_id}:{candidate_id}"


@dataclass(frozen=True)
class Erasure:
    erasure_id: int
    erased_at: datetime
    counts: ErasureCounts


class ErasureMarks:
    def __init__(self, queue_client: RedisClient, ttl: int) -> None:
        """`ttl` outlives any job that was running at the erasure, retries included."""
        self._client = queue_client
        self._ttl = ttl

    async def mark(self, organisation_id: str, candidate_id: str) -> None:
        await self._client.set(erasure_marker_key(organisation_id, candidate_id), int(time.time() * 1000), ex=self._ttl)

    async def covers(self, job: Job) -> bool:
        """Whether the job was created before an erasure of its candidate."""
        data = ResumeJobData.from_json(job.data if isinstance(job.data, dict) else {})
        if not data.candidate_id:
            return False
        erased_ms = await self._client.get(erasure_marker_key(data.organisation_id, data.candidate_id))
        return erased_ms is not None and int(job.timestamp or 0) <= int(erased_ms)


class Eraser:
    def __init__(
        self, store: AnalysisStore, analyses: CachedAnalyses, marks: ErasureMarks, queue: Queue,
        queue_client: RedisClient,
    ) -> None:
        self._store = store
        self._analyses = analyses
        self._marks = marks
        self._queue = queue
        self._queue_client = queue_client

    async def erase(self, organisation_id: str, candidate_id: str, requested_by: str) -> Erasure:
        """Erases the candidate and keeps an audit record of it; erasing again finds nothing."""
        # Marked first: a job that starts while the rest goes on is erased when it ends.
        await self._marks.mark(organisation_id, candidate_id)
        jobs = await self._candidate_jobs(organisation_id, candidate_id)
        removed, active, uploads, resume_ids = 0, 0, [], set()
        for job in jobs:
            data = ResumeJobData.from_json(job.data)
            resume_ids.add(data.resume_id)
            if await self._queue.remove(job.id):
                removed += 1
                if data.content_key:
                    uploads.append(data.content_key)
            else:
                active += 1
        uploads_deleted = await self._queue_client.delete(*uploads) if uploads else 0
        rows = await self._store.erase_candidate(organisation_id, candidate_id)
        cache_keys = await self._analyses.forget(resume_ids | rows.resume_ids)
        counts = ErasureCounts(
            analyses=rows.analyses, cache_keys=cache_keys, uploads=uploads_deleted, jobs=removed, active_jobs=active
        )
        erasure_id, erased_at = await self._store.record_erasure(organisation_id, candidate_id, requested_by, counts)
        log.info("candidate erased", extra={"organisation_id": organisation_id, "erasure_id": erasure_id,
                                            "requested_by": requested_by, **counts.__dict__})
        return Erasure(erasure_id, erased_at, counts)

    async def _candidate_jobs(self, organisation_id: str, candidate_id: str) -> list[Job]:
        # BullMQ has no index by job data: every retained job is read, a batch at a time.
        found = []
        for state in JOB_STATES:
            start = 0
            while batch := await self._queue.getJobs([state], start, start + _BATCH - 1, True):
                found += [
                    job for job in batch
                    if isinstance(job.data, dict) and job.data.get("organisationId") == organisation_id
                    and job.data.get("candidateId") == candidate_id
                ]
                start += _BATCH
        return found


async def erase_if_marked(
    job: Job, marks: ErasureMarks, store: AnalysisStore, analyses: CachedAnalyses, blobs: RedisClient
) -> bool:
    """Erases a job that ended after its candidate was erased: its record, upload, and
    whatever it stored. Whether it did."""
    if not await marks.covers(job):
        return False
    data = ResumeJobData.from_json(job.data)
    rows = await store.erase_job(job.id, int(job.timestamp))
    await analyses.forget(rows.resume_ids)
    if data.content_key:
        await blobs.delete(data.content_key)
    await job.remove()
    log.info("job of an erased candidate erased as it ended", extra={"job_id": job.id, "analyses": rows.analyses})
    return True
