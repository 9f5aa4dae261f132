"""The worker: a BullMQ Worker on the resume-analysis queue and what it owns; `start()`
connects and takes jobs, `stop(grace)` lets running jobs finish and releases."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import time
from collections.abc import Callable
from typing import Any

from bullmq import Job, Worker
from redis.exceptions import RedisError

from analysis_worker import bullmq_patches, heartbeat, uploads
from analysis_worker.file_source import FileSource
from analysis_worker.pipeline import PRELOAD, prepare
from analysis_worker.process_pool import ProcessPool
from analysis_worker.processor import ResumeProcessor, ocr_options
from analysis_worker.webhook_delivery import WebhookDeliverer, WebhookEvents
from common import failures, logs
from common.background import BackgroundTasks, once_reachable
from common.config import Settings
from common.jobs import (
    QUEUE_NAME,
    ResumeJobData,
    count_unfinished_batch_jobs,
    is_batch_job,
    node_client_name,
    retention_options,
)
from common.metrics import serve_metrics
from common.redis_connections import connect_cache, connect_queue, raise_if_cancelling
from common.redis_modes import RedisClient
from common.store.analyses import Analyses
from common.store.database import StoreUnavailable
from common.webhooks import WEBHOOK_QUEUE_NAME, Webhooks

log = logs.get_logger(__name__)

# A job whose lock lapsed is run again, and fails once its lock has lapsed more often than
# this. A Redis failover can lapse a running job's lock twice (seen with 2-second locks:
# while the sentinels promote a replica, and again as the workers reconnect), and BullMQ's
# default of one failed such accepted jobs ("job stalled more than allowable limit").
MAX_STALLS = 3


class WorkerErrors:
    """BullMQ's worker reports a refused command each time it tries again: ten times a
    second for each of its slots while Redis is full or read-only. The first report of a
    kind is logged, then one every `interval` seconds with how many came since."""

    def __init__(self, interval: float = 10.0) -> None:
        self._interval = interval
        self._since: dict[str, tuple[float, int]] = {}

    def __call__(self, error: BaseException, *_: Any) -> None:
        text, now = failures.describe(error), time.monotonic()
        logged, repeats = self._since.get(text, (-self._interval, 0))
        if now - logged < self._interval:
            self._since[text] = (logged, repeats + 1)
            return
        self._since[text] = (now, 0)
        log.error("worker error: %s", text, extra={"repeats_since_logged": repeats})


def pool_size(settings: Settings) -> int:
    if settings.worker_processes > 0:
        return settings.worker_processes
    return max(1, min(settings.worker_concurrency, os.cpu_count() or 1))


class AnalysisWorker:
    def __init__(self, settings: Settings, on_failure: Callable[[], None]) -> None:
        """`on_failure` is called when a background task dies: the worker cannot recover it,
        and should be stopped (then `stop` returns 1, for the orchestrator to restart it)."""
        self.settings = settings
        # The socket timeout (REDIS_SOCKET_TIMEOUT) stays above BullMQ's longest blocking call.
        self._queue_client = connect_queue(settings)
        self._blobs = connect_queue(settings, decode_responses=False)
        self._cache_client = connect_cache(settings)
        self._pool = ProcessPool(
            pool_size(settings),
            memory_limit=settings.extraction_memory_bytes,
            preload=PRELOAD,
            initializer=(prepare, (ocr_options(settings),)),
        )
        self._files = FileSource(settings, self._blobs)
        self._tasks = BackgroundTasks(on_failure=on_failure)
        self._analyses = Analyses.of(settings, self._cache_client, self._queue_client)
        self._stopping = asyncio.Event()
        self._starting: asyncio.Task[None] | None = None
        self.name = f"{socket.gethostname()}-{os.getpid()}"
        self._worker = Worker(
            QUEUE_NAME,
            ResumeProcessor(settings, self._pool, self._files, self._analyses),
            {
                "connection": self._queue_client,
                "prefix": settings.queue_prefix,
                "concurrency": settings.worker_concurrency,
                "autorun": False,
                "lockDuration": settings.worker_lock_duration_ms,
                "stalledInterval": settings.worker_stalled_interval_ms,
                "maxStalledCount": MAX_STALLS,
                # BullMQ's default waits 15 s before retrying a lost Redis.
                "runRetryDelay": settings.worker_reconnect_delay_ms,
                "name": self.name,
                # Applied to jobs that carry no retention of their own (e.g. from Node producers).
                **retention_options(settings),
            },
        )
        bullmq_patches.block_on_named_connection(
            self._worker, connect_queue(settings, client_name=node_client_name(self.name, settings.queue_prefix))
        )
        bullmq_patches.record_processed_by(self._worker, self.name)
        bullmq_patches.finish_when_there_is_room(self._worker, settings.worker_lock_duration_ms / 2000)
        self._worker.on("completed", self._job_completed)
        self._worker.on("failed", self._job_failed)
        self._worker.on("error", WorkerErrors())
        webhooks = Webhooks(self._queue_client)
        self._webhook_events = WebhookEvents(settings, self._queue_client, webhooks)
        self._deliverer = WebhookDeliverer(settings, webhooks)
        self._webhook_worker = Worker(
            WEBHOOK_QUEUE_NAME, self._deliverer,
            {"connection": self._queue_client, "prefix": settings.queue_prefix, "autorun": False,
             "concurrency": settings.worker_concurrency, "name": self.name,
             "runRetryDelay": settings.worker_reconnect_delay_ms},
        )
        # Named as the analysis worker is: else the port would name the shared pool.
        bullmq_patches.block_on_named_connection(self._webhook_worker, connect_queue(
            settings, client_name=node_client_name(self.name, settings.queue_prefix, WEBHOOK_QUEUE_NAME)))
        self._webhook_worker.on("error", WorkerErrors())

    def start(self) -> None:
        """Begins taking jobs once Redis (and PostgreSQL, when configured) can be reached."""
        self._starting = asyncio.create_task(self._start())

    async def _start(self) -> None:
        retry_delay = self.settings.worker_reconnect_delay_ms / 1000
        # Without the server version the worker rounds block timeouts up to whole seconds,
        # and delayed or backed-off jobs run up to a second late.
        await once_reachable(
            self._worker.blockingRedisConnection.getRedisVersion, (RedisError, OSError),
            waiting_for="Redis", delay=retry_delay, stop=self._stopping,
        )
        database = self._analyses.database
        if database is None:
            log.warning("no DATABASE_URL: analyses are kept in the cache only")
        else:
            await database.open()
            await database.migrate_when_reachable(retry_delay, self._stopping)
        if self._stopping.is_set():
            return
        if database is not None and self.settings.analysis_retention_days > 0:
            self._tasks.spawn("retention", self._expire_periodically())
        self._tasks.spawn("bullmq worker", self._worker.run())
        self._tasks.spawn("webhook delivery worker", self._webhook_worker.run())
        self._tasks.spawn("heartbeat", heartbeat.beat(self.settings, self._queue_client, self.name, self._stopping))
        serve_metrics(self.settings.worker_metrics_port)
        log.info(
            "worker started",
            extra={"queue": QUEUE_NAME, "concurrency": self.settings.worker_concurrency,
                   "processes": pool_size(self.settings)},
        )

    async def stop(self, grace: float) -> int:
        """Lets running jobs finish for up to `grace` seconds, hands the others back, and
        releases everything; the exit status: 1 if a background task died, else 0."""
        log.info("worker stopping", extra={"grace_seconds": grace})
        self._stopping.set()
        if self._starting is not None:
            await self._starting
        closing = asyncio.create_task(self._worker.close())
        done, _ = await asyncio.wait({closing}, timeout=grace)
        if not done:
            # Jobs still running go back to waiting through stalled-job recovery.
            log.warning("grace period over; handing running jobs back")
            await self._worker.close(force=True)
            await closing
        # A delivery in flight is short (WEBHOOK_TIMEOUT); one cut off is retried by stalled-job recovery.
        await self._webhook_worker.close(force=not done)
        await self._tasks.join()
        if self._analyses.database is not None:
            await self._analyses.database.close()
        self._pool.close()
        await self._files.close()
        await self._deliverer.close()
        await self._webhook_events.close()
        # BullMQ closes only the connections it made itself.
        await self._queue_client.aclose()
        await self._cache_client.aclose()
        log.info("worker stopped")
        return 1 if self._tasks.failures else 0

    def _job_completed(self, job: Job, *_: Any) -> None:
        # The upload goes only once the job is recorded as completed: deleting it earlier
        # would leave a retry, after a crash in between, without its file.
        content_key = ResumeJobData.of(job).content_key
        if content_key:
            self._tasks.spawn("upload deletion", uploads.delete_when_completed(
                self.settings, self._queue_client, self._blobs, str(job.id), content_key))
        self._erase_if_marked(job)
        self._job_ended(job, "job.completed")

    def _job_failed(self, job: Job, *_: Any) -> None:
        self._erase_if_marked(job)
        # An attempt that will be retried fails too; only the last one ends the job.
        if job.finishedOn:
            self._job_ended(job, "job.failed")

    def _job_ended(self, job: Job, event_type: str) -> None:
        if is_batch_job(job):
            self._tasks.spawn("batch count", _count_down(self._queue_client, ResumeJobData.of(job).organisation_id))
        self._tasks.spawn("webhook event", self._enqueue_event(event_type, job))

    async def _enqueue_event(self, event_type: str, job: Job) -> None:
        try:
            await self._webhook_events.job_ended(event_type, job)
        except (RedisError, OSError) as error:
            raise_if_cancelling(error)
            log.error("a webhook event is lost", extra={"job_id": job.id, "error": failures.describe(error)})

    def _erase_if_marked(self, job: Job) -> None:
        if self._analyses.database is not None:
            self._tasks.spawn("erasure of an ended job", self._erase_ended_job(job))

    async def _erase_ended_job(self, job: Job) -> None:
        try:
            await self._analyses.erase_if_marked(job)
        except (StoreUnavailable, RedisError, OSError) as error:
            log.error("could not erase a job of an erased candidate",
                      extra={"job_id": job.id, "error": failures.describe(error)})

    async def _expire_periodically(self) -> None:
        while not self._stopping.is_set():
            try:
                expired = await self._analyses.expire(self.settings.analysis_retention_days)
                if expired is not None:
                    log.info("retention: old analyses deleted", extra={"analyses": expired.analyses})
            except (StoreUnavailable, RedisError, OSError) as error:
                log.warning("retention postponed: %s", failures.describe(error))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.settings.analysis_retention_interval)


async def serve(settings: Settings, stop: asyncio.Event) -> int:
    """Processes jobs until `stop` is set, then lets running jobs finish within the grace
    period. A background task that dies stops the worker too: the exit status is then 1."""
    worker = AnalysisWorker(settings, on_failure=stop.set)
    worker.start()
    await stop.wait()
    return await worker.stop(settings.worker_grace)


async def _count_down(queue_client: RedisClient, organisation_id: str) -> None:
    try:
        await count_unfinished_batch_jobs(queue_client, organisation_id, -1)
    except (RedisError, OSError) as error:
        raise_if_cancelling(error)
        log.warning("a batch job's end is not counted: %s", failures.describe(error))
