"""The gateway's side of the queue: enqueue submissions, read jobs back."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bullmq import Job, Queue
from opentelemetry.trace import SpanKind
from redis.exceptions import ResponseError

from common import tracing
from common.config import Settings
from common.jobs import (
    COUNTED_STATES,
    JOB_NAME,
    QUEUE_NAME,
    ResumeJobData,
    batch_priority,
    count_unfinished_batch_jobs,
    idempotent_job_id,
    job_options,
    job_span_attributes,
    new_job_id,
    upload_key,
)
from common.redis_memory import MemoryWatch
from common.redis_modes import RedisClient
from common.replication import replicated
from gateway_service.admission import Admission


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
    def __init__(self, settings: Settings, client: RedisClient, blob_client: RedisClient) -> None:
        """`client` decodes responses (BullMQ needs it); `blob_client` carries raw file bytes.
        Both are on the queue database."""
        self._settings = settings
        self._queue = Queue(QUEUE_NAME, {"connection": client, "prefix": settings.queue_prefix})
        self._client = client
        self._blobs = blob_client
        self._job_options = job_options(settings)
        self._admission = Admission(MemoryWatch(client), settings.redis_admission_limit)

    @staticmethod
    def job_id(organisation_id: str, request_id: str) -> str:
        """The id a submission gets: chosen once, so that a retried submission that did
        land finds its job instead of adding a second one."""
        return idempotent_job_id(organisation_id, request_id) if request_id else new_job_id()

    async def submit(
        self, job_id: str, data: ResumeJobData, content: bytes | None, *, batch: bool = False
    ) -> Submission:
        """Enqueues the job, unless it exists already; a batch's job after every single one,
        taking turns with other organisations' (common.jobs.batch_priority).

        Inline content is stored beside the job rather than in it: job records are read
        whole by every BullMQ client and dashboard, and a 10 MiB record would slow them all.
        A submission refused (QueueFull, or an error from Redis) leaves neither.
        """
        existing = await self.snapshot(job_id) if data.request_id else None
        if existing is not None:
            return Submission(job_id, existing.state, duplicate=True)
        await self._admission.admit(len(content) if content is not None else 0)
        if content is not None:
            key = upload_key(job_id)
            async with self._blobs.pipeline(transaction=False) as pipe:
                pipe.set(key, content, ex=self._settings.upload_ttl_seconds)
                # The file and the job are confirmed apart: a failover may find the two
                # clients on two different masters for a moment.
                await replicated(self._settings, pipe, "file")
            data = replace(data, content_key=key)
        opts = {**self._job_options, "jobId": job_id}
        if batch:
            opts["priority"] = batch_priority(await count_unfinished_batch_jobs(self._client, data.organisation_id, 1))
        try:
            with tracing.span(f"add {QUEUE_NAME}.{JOB_NAME}", kind=SpanKind.PRODUCER,
                              attributes=job_span_attributes("add", job_id)):
                # Two concurrent duplicates may both get here; BullMQ keeps the first job only.
                await self._queue.add(JOB_NAME, data.to_json(), {**opts, **tracing.job_context()})
        except ResponseError:
            # Refused by Redis (out of memory, say), so certainly not added; DEL is allowed
            # at maxmemory. After a lost connection the job may exist, and keeps its file.
            if data.content_key:
                await self._blobs.delete(data.content_key)
            if batch:
                await count_unfinished_batch_jobs(self._client, data.organisation_id, -1)
            raise
        if self._settings.redis_wait_replicas:
            # The job was added on a connection of BullMQ's; the mark, on this one, follows it.
            async with self._client.pipeline(transaction=False) as pipe:
                await replicated(self._settings, pipe, "job")
        return Submission(job_id, "prioritized" if batch else "waiting", duplicate=False)

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
            data=ResumeJobData.of(job),
            progress=max(0, min(100, int(progress))),
            attempts_made=int(job.attemptsMade or 0),
            max_attempts=int(job.opts.get("attempts") or 1),
            failed_reason=job.failedReason or "",
            created_ms=int(job.timestamp or 0),
            processed_ms=int(job.processedOn or 0),
            finished_ms=int(job.finishedOn or 0),
            result=job.returnvalue if isinstance(job.returnvalue, dict) else None,
        )

    async def counts(self) -> dict[str, int]:
        counts = await self._queue.getJobCounts(*COUNTED_STATES)
        return {state: int(counts.get(state, 0)) for state in COUNTED_STATES}

    async def close(self) -> None:
        await self._queue.close()
        await self._blobs.aclose()
