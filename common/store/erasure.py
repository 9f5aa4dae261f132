"""Erasing a candidate from every place that holds their data: the analyses in PostgreSQL,
the cached analyses, the uploaded files, the BullMQ job records and the entries of BullMQ's
event stream that name those jobs (a completed event carries the job's whole result).

A job that is running cannot be removed (a worker holds its lock): the erasure leaves a
marker, and the worker erases the job itself when it ends (`Eraser.erase_if_marked`).
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, cast

from bullmq import Job, Queue

from common import logs
from common.jobs import JOB_STATES, ResumeJobData, queue_key
from common.redis_modes import RedisClient, StreamEntries
from common.store.database import AnalysisDatabase, ErasureCounts

if TYPE_CHECKING:
    from common.store.analyses import Analyses

log = logs.get_logger(__name__)

_BATCH = 500
# The name of the secret of the marks' keyed hashes in PostgreSQL (service_keys).
MARKS_KEY = "erasure-marks"


@dataclass(frozen=True)
class Erasure:
    erasure_id: int
    erased_at: datetime
    counts: ErasureCounts


class ErasureMarks:
    """`erasure:{organisation}:{keyed hash of the candidate id}` in the queue database: when
    the candidate was last erased (epoch ms). The hash's secret lives in PostgreSQL only."""

    def __init__(self, queue_client: RedisClient, database: AnalysisDatabase, ttl: int) -> None:
        """`ttl` outlives any job that was running at the erasure, retries included."""
        self._client = queue_client
        self._database = database
        self._ttl = ttl
        self._secret: bytes | None = None

    async def key(self, organisation_id: str, candidate_id: str) -> str:
        if self._secret is None:
            self._secret = await self._database.service_key(MARKS_KEY)
        digest = hmac.new(self._secret, f"{organisation_id}\0{candidate_id}".encode(), hashlib.sha256).hexdigest()
        return f"erasure:{organisation_id}:{digest}"

    async def mark(self, organisation_id: str, candidate_id: str) -> None:
        await self._client.set(await self.key(organisation_id, candidate_id), int(time.time() * 1000), ex=self._ttl)

    async def covers(self, job: Job) -> bool:
        """Whether the job was created before an erasure of its candidate."""
        data = ResumeJobData.of(job)
        if not data.candidate_id:
            return False
        erased_ms = await self._client.get(await self.key(data.organisation_id, data.candidate_id))
        return erased_ms is not None and int(job.timestamp or 0) <= int(erased_ms)


async def forget_job_events(queue_client: RedisClient, queue_prefix: str, job_ids: Collection[str]) -> int:
    """Deletes the entries of BullMQ's event stream that name these jobs, reading the stream
    (at most BullMQ's 10,000 events) a batch at a time; how many it deleted."""
    key, deleted, start = queue_key(queue_prefix, "events"), 0, "-"
    # The queue client decodes replies (decode_responses): ids and fields are str.
    while job_ids and (batch := cast(StreamEntries, await queue_client.xrange(key, min=start, count=_BATCH))):
        named = [entry_id for entry_id, fields in batch if fields.get("jobId") in job_ids]
        if named:
            deleted += await queue_client.xdel(key, *named)
        start = f"({batch[-1][0]}"
    return deleted


class Eraser:
    def __init__(
        self, database: AnalysisDatabase, analyses: Analyses, marks: ErasureMarks, queue: Queue,
        queue_client: RedisClient, queue_prefix: str,
    ) -> None:
        self.marks = marks
        self._database = database
        self._analyses = analyses
        self._queue = queue
        self._queue_client = queue_client
        self._queue_prefix = queue_prefix

    async def erase(self, organisation_id: str, candidate_id: str, requested_by: str) -> Erasure:
        """Erases the candidate and keeps an audit record of it; erasing again finds nothing."""
        # Marked first: a job that starts while the rest goes on is erased when it ends.
        await self.marks.mark(organisation_id, candidate_id)
        jobs = await self._candidate_jobs(organisation_id, candidate_id)
        removed, active, uploads, resume_ids = 0, 0, [], set()
        for job in jobs:
            data = ResumeJobData.of(job)
            resume_ids.add(data.resume_id)
            if await self._queue.remove(job.id):
                removed += 1
                if data.content_key:
                    uploads.append(data.content_key)
            else:
                active += 1
        uploads_deleted = await self._queue_client.delete(*uploads) if uploads else 0
        rows = await self._database.erase_candidate(organisation_id, candidate_id)
        cache_keys = await self._analyses.forget(resume_ids | rows.resume_ids)
        # After the removals, which add a "removed" event of their own; jobs already gone
        # from the queue may still have events, and their ids from the database.
        events = await forget_job_events(
            self._queue_client, self._queue_prefix, {str(job.id) for job in jobs} | rows.job_ids
        )
        counts = ErasureCounts(
            analyses=rows.analyses, cache_keys=cache_keys, uploads=uploads_deleted, jobs=removed, active_jobs=active,
            events=events,
        )
        erasure_id, erased_at = await self._database.record_erasure(organisation_id, candidate_id, requested_by, counts)
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
                    if (data := ResumeJobData.of(job)).organisation_id == organisation_id
                    and data.candidate_id == candidate_id
                ]
                start += _BATCH
        return found

    async def erase_if_marked(self, job: Job) -> bool:
        """Erases a job that ended after its candidate was erased: its record, upload, events,
        and whatever it stored. Whether it did."""
        if not await self.marks.covers(job):
            return False
        data = ResumeJobData.of(job)
        rows = await self._database.erase_job(job.id, int(job.timestamp))
        await self._analyses.forget(rows.resume_ids)
        if data.content_key:
            await self._queue_client.delete(data.content_key)
        await job.remove()
        await forget_job_events(self._queue_client, self._queue_prefix, {str(job.id)})
        log.info("job of an erased candidate erased as it ended", extra={"job_id": job.id, "analyses": rows.analyses})
        return True
