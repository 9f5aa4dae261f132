"""REDIS_WAIT_REPLICAS: writes that count only once replicas hold them.

WAIT counts the writes of its own connection. A write on that connection made after a
write on another one (BullMQ's) reaches the replicas after it: the master's replication
stream is one, in order. So a mark written and waited for confirms what came before it
on the same master.
"""

from __future__ import annotations

from typing import Any

from redis.asyncio.client import Pipeline
from redis.asyncio.cluster import ClusterPipeline
from redis.exceptions import ConnectionError

from common.config import Settings

# The key of that mark, in the queue database.
_MARK = "replication:mark"


class NotReplicated(ConnectionError):
    """Fewer replicas than REDIS_WAIT_REPLICAS confirmed a write: a transient failure."""


async def replicated(settings: Settings, writes: Pipeline | ClusterPipeline, what: str) -> list[Any]:
    """Runs `writes` and, with REDIS_WAIT_REPLICAS, returns their answers only once that
    many replicas hold them and everything the master had before them."""
    wanted, timeout_ms = settings.redis_wait_replicas, settings.redis_wait_timeout_ms
    if not wanted:
        return list(await writes.execute())
    writes.incr(_MARK)
    writes.wait(wanted, timeout_ms)
    *answers, _, acknowledged = await writes.execute()
    if acknowledged < wanted:
        raise NotReplicated(
            f"{acknowledged} of {wanted} replicas confirmed the {what} within {timeout_ms} ms (REDIS_WAIT_REPLICAS)"
        )
    return answers
