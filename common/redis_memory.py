"""How full a Redis server is: used memory against `maxmemory`, from INFO.

The queue's server runs `noeviction` (an evicted queue key is a lost job), so once it is
full every write fails. The gateway stops admitting submissions well before that, the
worker stops filling the cache before that, and both ask through a `MemoryWatch`: one
INFO per interval however many callers ask, plus what this process wrote since.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from redis.asyncio.cluster import RedisCluster

from common.redis_modes import RedisClient


@dataclass(frozen=True)
class MemoryUse:
    used: int
    # maxmemory: 0 when the server has no limit.
    limit: int
    policy: str

    def ratio(self, added: int = 0) -> float:
        """Used memory, with `added` bytes more, as a fraction of maxmemory; 0 without a limit."""
        return (self.used + added) / self.limit if self.limit else 0.0


async def memory_use(client: RedisClient) -> MemoryUse:
    """The server's memory; in a cluster, that of the fullest primary, the first to refuse writes."""
    return max(await _per_server(client), key=MemoryUse.ratio)


async def used_memory(client: RedisClient) -> int:
    """Bytes of memory Redis uses: every primary's in a cluster."""
    return sum(use.used for use in await _per_server(client))


async def _per_server(client: RedisClient) -> list[MemoryUse]:
    """INFO memory of the server, or of every primary of a cluster."""
    if isinstance(client, RedisCluster):
        per_node = await client.info("memory", target_nodes=RedisCluster.PRIMARIES)
        return [_use(info) for info in per_node.values()]
    return [_use(await client.info("memory"))]


def _use(info: Mapping[str, Any]) -> MemoryUse:
    return MemoryUse(int(info["used_memory"]), int(info.get("maxmemory", 0)), str(info.get("maxmemory_policy", "")))


class MemoryWatch:
    def __init__(self, client: RedisClient, max_age: float = 0.1) -> None:
        """Samples are reused for `max_age` seconds: at thousands of submissions a second,
        an INFO each would cost Redis more than the submissions."""
        self._client = client
        self._max_age = max_age
        self._sample: MemoryUse | None = None
        self._taken = 0.0
        self._written = 0
        self._refreshing = asyncio.Lock()

    async def use(self) -> MemoryUse:
        """The last sample, with the bytes this process wrote since added to its use."""
        if self._stale():
            async with self._refreshing:
                if self._stale():  # unless another caller refreshed it meanwhile
                    sample = await memory_use(self._client)
                    self._sample, self._taken, self._written = sample, time.monotonic(), 0
        assert self._sample is not None
        return replace(self._sample, used=self._sample.used + self._written)

    def wrote(self, size: int) -> None:
        """Counts `size` bytes written since the last sample, until the next one sees them."""
        self._written += size

    def _stale(self) -> bool:
        return self._sample is None or time.monotonic() - self._taken > self._max_age
