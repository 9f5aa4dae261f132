"""Proof of life: a file the worker's event loop refreshes, for exec probes, and a
`worker:heartbeat:{name}` key with a TTL, for seeing the live workers from Redis."""

from __future__ import annotations

import asyncio
import json
import math
import os
import time
from pathlib import Path

import redis.asyncio as redis

from common.config import Settings
from common.metrics import REDIS_ROUNDTRIP
from common.redis_connections import raise_if_cancelling
from common.redis_modes import RedisClient

# A heartbeat older than this many intervals means the worker is stuck or gone.
STALE_AFTER_INTERVALS = 3


def heartbeat_key(worker_name: str) -> str:
    return f"worker:heartbeat:{worker_name}"


async def beat(settings: Settings, client: RedisClient, worker_name: str, stop: asyncio.Event) -> None:
    interval = settings.worker_heartbeat_interval
    path = Path(settings.worker_heartbeat_file)
    while not stop.is_set():
        now = time.time()
        record = {"time": now, "pid": os.getpid(), "worker": worker_name}
        started = time.perf_counter()
        try:
            async with asyncio.timeout(interval):
                await client.set(
                    heartbeat_key(worker_name), json.dumps(record), ex=math.ceil(STALE_AFTER_INTERVALS * interval)
                )
            REDIS_ROUNDTRIP.labels("queue").observe(time.perf_counter() - started)
            record["redis"] = True
        except (TimeoutError, OSError, redis.RedisError) as error:
            raise_if_cancelling(error)
            record["redis"] = False
        # Replaced whole, so that a probe never reads half a file.
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(record))
        partial.replace(path)
        try:
            await asyncio.wait_for(stop.wait(), interval)
        except TimeoutError:
            pass


def check(settings: Settings, *, require_redis: bool) -> str | None:
    """None when the heartbeat is fresh (and, if required, Redis was reachable); else why not."""
    path = Path(settings.worker_heartbeat_file)
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        return f"no readable heartbeat at {path}: {error}"
    age = time.time() - float(record.get("time", 0))
    if age > STALE_AFTER_INTERVALS * settings.worker_heartbeat_interval:
        return f"the last heartbeat is {age:.1f} s old"
    if require_redis and not record.get("redis"):
        return "the worker could not reach Redis at its last heartbeat"
    return None
