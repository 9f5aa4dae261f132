"""The worker process: a BullMQ Worker on the resume-analysis queue, and its shutdown."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from typing import Any

import msgpack
from bullmq import Job, Worker
from bullmq.redis_connection import RedisConnection
from redis.exceptions import RedisError, ResponseError

from analysis_worker import heartbeat
from analysis_worker.file_source import FileSource
from analysis_worker.pipeline import PRELOAD, prepare
from analysis_worker.process_pool import ProcessPool
from analysis_worker.processor import ResumeProcessor, ocr_options
from analysis_worker.storage import WorkerStorage
from common import failures, logs
from common.background import BackgroundTasks
from common.cache import Cache
from common.config import Settings
from common.jobs import QUEUE_NAME, node_client_name, retention_options
from common.metrics import serve_metrics
from common.redis_connections import connect_cache, connect_queue, raise_if_cancelling
from common.redis_modes import RedisClient

log = logs.get_logger(__name__)

_ROOM_POLL_SECONDS = 0.2


def _record_processed_by(worker: Worker, name: str) -> None:
    """Has the worker's name written to each job it takes (`pb`), as Node.js BullMQ does, so
    that dashboards show who ran a job. The Lua script writes it when its options carry a
    `name`; the Python port leaves it out, so it is added to the options on the way."""
    move_to_active = worker.scripts.commands["moveToActive"]

    async def moving_with_name(keys: list[str], args: list[Any]) -> Any:
        options = msgpack.unpackb(args[2], raw=False)
        options["name"] = name
        return await move_to_active(keys=keys, args=[*args[:2], msgpack.packb(options, use_bin_type=True)])

    worker.scripts.commands["moveToActive"] = moving_with_name


def _finish_when_there_is_room(worker: Worker, patience: float) -> None:
    """Has a job that ends while Redis is out of memory wait for room to record the end,
    instead of failing the attempt: the gateway stops admitting jobs short of maxmemory, so
    room comes back as running jobs complete and their files are deleted. After `patience`
    seconds (the job's lock lapses soon after) the error stands."""
    move_to_finished = worker.scripts.commands["moveToFinished"]

    async def finishing(keys: list[str], args: list[Any]) -> Any:
        deadline = time.monotonic() + patience
        waited = False
        while True:
            try:
                return await move_to_finished(keys=keys, args=args)
            except ResponseError as error:
                if not failures.is_out_of_memory(error) or time.monotonic() > deadline:
                    raise
                if not waited:  # once per job, not at every poll
                    log.warning("a job's end waits for room: Redis is out of memory")
                    waited = True
                await asyncio.sleep(_ROOM_POLL_SECONDS)

    worker.scripts.commands["moveToFinished"] = finishing


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


async def run_worker(settings: Settings, stop: asyncio.Event) -> int:
    """Processes jobs until `stop` is set, then lets running jobs finish within the grace
    period. A background task that dies stops the worker too: the exit status is then 1,
    for the orchestrator to restart it."""
    # The socket timeout (REDIS_SOCKET_TIMEOUT) stays above BullMQ's longest blocking call.
    queue_client = connect_queue(settings)
    blobs = connect_queue(settings, decode_responses=False)
    cache_client = connect_cache(settings)
    pool = ProcessPool(
        pool_size(settings),
        memory_limit=settings.extraction_memory_bytes,
        preload=PRELOAD,
        initializer=(prepare, (ocr_options(settings),)),
    )
    files = FileSource(settings, blobs)
    tasks = BackgroundTasks(on_failure=stop.set)
    storage = WorkerStorage(settings, Cache.of_analyses(settings, cache_client), queue_client, tasks)
    processor = ResumeProcessor(settings, pool, files, storage.results)
    worker_name = f"{socket.gethostname()}-{os.getpid()}"
    worker = Worker(
        QUEUE_NAME,
        processor,
        {
            "connection": queue_client,
            "prefix": settings.queue_prefix,
            "concurrency": settings.worker_concurrency,
            "autorun": False,
            "lockDuration": settings.worker_lock_duration_ms,
            "stalledInterval": settings.worker_stalled_interval_ms,
            # BullMQ's default waits 15 s before retrying a lost Redis.
            "runRetryDelay": settings.worker_reconnect_delay_ms,
            "name": worker_name,
            # Applied to jobs that carry no retention of their own (e.g. from Node producers).
            **retention_options(settings),
        },
    )

    def on_completed(job: Job, result: Any) -> None:
        # The upload goes only once the job is recorded as completed: deleting it earlier
        # would leave a retry, after a crash in between, without its file.
        data = job.data if isinstance(job.data, dict) else {}
        if data.get("contentKey"):
            tasks.spawn("upload deletion", _delete_upload(blobs, data["contentKey"]))

    # As Node.js BullMQ does: the blocking wait gets a connection of its own, the only one
    # named, with the base64 queue name. Node's Queue.getWorkers() and the dashboards built
    # on it then list this worker once; naming redis-py's whole pool, as the port would,
    # lists it once per pooled connection. An empty clientName keeps the port from naming.
    worker.backend.blocking_connection = RedisConnection(
        connect_queue(settings, client_name=node_client_name(worker_name, settings.queue_prefix))
    )
    worker.blockingRedisConnection = worker.backend.blocking_connection
    worker.clientName = ""
    _record_processed_by(worker, worker_name)
    _finish_when_there_is_room(worker, settings.worker_lock_duration_ms / 2000)
    worker.on("completed", on_completed)
    worker.on("completed", storage.on_job_end)
    worker.on("failed", storage.on_job_end)
    worker.on("error", WorkerErrors())
    # Without the server version the worker rounds block timeouts up to whole seconds,
    # and delayed or backed-off jobs run up to a second late. Asking is also where a worker
    # started before Redis waits for it, rather than crashing.
    while not stop.is_set():
        try:
            await worker.blockingRedisConnection.getRedisVersion()
            break
        except (RedisError, OSError) as error:
            log.warning("waiting for Redis: %s", failures.describe(error))
            await asyncio.sleep(settings.worker_reconnect_delay_ms / 1000)
    await storage.start(stop)
    tasks.spawn("bullmq worker", worker.run())
    tasks.spawn("heartbeat", heartbeat.beat(settings, queue_client, worker_name, stop))
    serve_metrics(settings.worker_metrics_port)
    log.info(
        "worker started",
        extra={"queue": QUEUE_NAME, "concurrency": settings.worker_concurrency,
               "processes": pool_size(settings)},
    )
    await stop.wait()
    log.info("worker stopping", extra={"grace_seconds": settings.worker_grace})
    closing = asyncio.create_task(worker.close())
    done, _ = await asyncio.wait({closing}, timeout=settings.worker_grace)
    if not done:
        # Jobs still running go back to waiting through stalled-job recovery.
        log.warning("grace period over; handing running jobs back")
        await worker.close(force=True)
        await closing
    await tasks.join()
    await storage.close()
    pool.close()
    await files.close()
    # BullMQ closes only the connections it made itself.
    await queue_client.aclose()
    await cache_client.aclose()
    log.info("worker stopped")
    return 1 if tasks.failures else 0


async def _delete_upload(blobs: RedisClient, key: str) -> None:
    try:
        await blobs.delete(key)
    except (RedisError, OSError) as error:
        raise_if_cancelling(error)
        log.warning("upload left to expire: %s", failures.describe(error))
