"""Where the worker changes the Python BullMQ port's behaviour, pinned at bullmq==3.4.4
(pyproject.toml). Each patch makes the port do what Node.js BullMQ does, or what a full
Redis needs; check each again before moving the pin."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import msgpack
from bullmq import Worker
from bullmq.redis_connection import RedisConnection
from redis.exceptions import ResponseError

from common import failures, logs
from common.redis_modes import RedisClient

log = logs.get_logger(__name__)

_ROOM_POLL_SECONDS = 0.2


def record_processed_by(worker: Worker, name: str) -> None:
    """Has the worker's name written to each job it takes (`pb`), as Node.js BullMQ does, so
    that dashboards show who ran a job. The Lua script writes it when its options carry a
    `name`; the port leaves it out, so it is added to the options on the way."""
    move_to_active = worker.scripts.commands["moveToActive"]

    async def moving_with_name(keys: list[str], args: list[Any]) -> Any:
        options = msgpack.unpackb(args[2], raw=False)
        options["name"] = name
        return await move_to_active(keys=keys, args=[*args[:2], msgpack.packb(options, use_bin_type=True)])

    worker.scripts.commands["moveToActive"] = moving_with_name


def finish_when_there_is_room(worker: Worker, patience: float) -> None:
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


def block_on_named_connection(worker: Worker, connection: RedisClient) -> None:
    """As Node.js BullMQ does: the blocking wait gets a connection of its own, the only one
    named, with the base64 queue name (`connection`'s client name). Node's Queue.getWorkers()
    and the dashboards built on it then list this worker once; naming redis-py's whole pool,
    as the port would, lists it once per pooled connection. An empty clientName keeps the
    port from naming."""
    worker.backend.blocking_connection = RedisConnection(connection)
    worker.blockingRedisConnection = worker.backend.blocking_connection
    worker.clientName = ""
