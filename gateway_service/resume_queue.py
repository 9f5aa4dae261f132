"""The gateway's side of the queue: enqueue submissions, read jobs back."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import redis.asyncio as redis
from bullmq import Job, Queue

from common.config import Settings
from common.jobs import (
    JOB_NAME,
    QUEUE_NAME,
    ResumeJobData,
    idempotent_job_id,
    job_options,
    new_job_id,
    upload_key,
)

COUNTED_STATES = ("waiting", "active", "completed", "failed", "delayed", "prioritized")


@dataclass(frozen=True)
class Submission:
    job_id: str
    state: str
    duplicate: bool


@dataclass(frozen=True)
class JobSnapshot:
    job_id: str
    state: str
    data: ResumeJobData
    progress: int
    attempts_made: int
    max_attempts: int
    failed_reason: str
    created_ms: int
    processed_ms: int
    finished_ms: int
    result: dict[str, Any] | None


class ResumeQueue:
    def __init__(self, settings: Settings, client: redis.Redis, blob_client: redis.Redis) -> None:
        """`client` decodes responses (BullMQ needs it); `blob_client` carries raw file bytes.
        Both are on the queue database."""
        self._settings = settings
        self._queue = Queue(QUEUE_NAME, {"connection": client})
        self._client = client
        self._blobs = blob_client

    async def submit(self, data: ResumeJobData, content: bytes | None) -> Submission:
        """Enqueues the job, unless its request id names a job that exists already.

        Inline content is stored beside the job rather than in it: job records are read
        whole by every BullMQ client and dashboard, and a 10 MiB record would slow them all.
        """
        if data.request_id:
            job_id = idempotent_job_id(data.organisation_id, data.request_id)
            existing = await self.snapshot(job_id)
            if existing is not None:
                return Submission(job_id, existing.state, duplicate=True)
        else:
            job_id = new_job_id()
        if content is not None:
            key = upload_key(job_id)
            await self._blobs.set(key, content, ex=self._settings.upload_ttl_seconds)
            data = replace(data, content_key=key)
        opts = {**job_options(self._settings), "jobId": job_id}
        # Two concurrent duplicates may both get here; BullMQ keeps the first job only.
        await self._queue.add(JOB_NAME, data.to_json(), opts)
        return Submission(job_id, "waiting", duplicate=False)

    async def snapshot(self, job_id: str) -> JobSnapshot | None:
        # State first: a job seen completed is then read with its return value, whereas
        # the other order can catch it completed after reading it without one.
        state = await self._queue.getJobState(job_id)
        job = await Job.fromId(self._queue, job_id)
        if job is None or job.data is None:
            return None
        progress = job.progress if isinstance(job.progress, (int, float)) else 0
        return JobSnapshot(
            job_id=job_id,
            state=state,
            data=ResumeJobData.from_json(job.data if isinstance(job.data, dict) else {}),
            progress=max(0, min(100, int(progress))),
            attempts_made=int(job.attemptsMade or 0),
            max_attempts=int(job.opts.get("attempts") or 1),
            failed_reason=job.failedReason or "",
            created_ms=int(job.timestamp or 0),
            processed_ms=int(job.processedOn or 0),
            finished_ms=int(job.finishedOn or 0),
            result=job.returnvalue if isinstance(job.returnvalue, dict) else None,
        )

    @property
    def bullmq_queue(self) -> Queue:
        return self._queue

    async def counts(self) -> dict[str, int]:
        counts = await self._queue.getJobCounts(*COUNTED_STATES)
        return {state: int(counts.get(state, 0)) for state in COUNTED_STATES}

    async def close(self) -> None:
        await self._queue.close()
        await self._blobs.aclose()
