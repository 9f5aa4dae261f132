"""The cache (Redis DB 0 by default): JSON values with TTLs, hit and miss counters.

Key patterns and TTLs are shared with the Node.js services that read the same cache.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from redis.exceptions import ResponseError

from common import logs
from common.config import Settings
from common.failures import is_out_of_memory
from common.redis_memory import MemoryWatch, used_memory
from common.redis_modes import RedisClient

log = logs.get_logger(__name__)

USER_TTL = 3600
USER_PROFILE_TTL = 3600
USER_ORGANISATIONS_TTL = 3600
RESUME_TTL = 3600
# The analysis is the expensive part: keep it longest (Settings.analysis_ttl_seconds overrides).
RESUME_ANALYSIS_TTL = 7 * 24 * 3600
# A blacklisted access token and a refresh token live as long as the token could.
AUTH_BLACKLIST_TTL = 24 * 3600
AUTH_REFRESH_TTL = 7 * 24 * 3600

STATS_KEY = "cache:stats"


def user_key(user_id: str) -> str:
    return f"user:{user_id}"


def user_profile_key(user_id: str) -> str:
    return f"user:{user_id}:profile"


def user_organisations_key(user_id: str) -> str:
    return f"user:{user_id}:organisations"


def resume_key(resume_id: str) -> str:
    return f"resume:{resume_id}"


def resume_analysis_key(resume_id: str) -> str:
    return f"resume:{resume_id}:analysis"


def resume_analysis_metadata_key(resume_id: str) -> str:
    """Who the cached analysis belongs to, and its version: the analysis itself stays as
    every reader of `resume:{id}:analysis` knows it."""
    return f"resume:{resume_id}:analysis:metadata"


def auth_blacklist_key(token: str) -> str:
    return f"auth:blacklist:{token}"


def auth_refresh_key(token: str) -> str:
    return f"auth:refresh:{token}"


@dataclass(frozen=True)
class CacheStats:
    keys: int
    memory_used_bytes: int
    hits: int
    misses: int

    @property
    def hit_ratio(self) -> float:
        reads = self.hits + self.misses
        return self.hits / reads if reads else 0.0


@dataclass(frozen=True)
class Budget:
    """The cache grows only while its server is below `limit` of maxmemory."""

    watch: MemoryWatch
    limit: float

    async def allows(self) -> bool:
        return (await self.watch.use()).ratio() <= self.limit


class Cache:
    def __init__(self, client: RedisClient, budget: Budget | None = None) -> None:
        """`budget` bounds what `offer` writes; `set` and `set_all` write regardless."""
        self._client = client
        self._budget = budget

    @classmethod
    def of_analyses(cls, settings: Settings, client: RedisClient) -> Cache:
        """The cache of analyses: on the queue's server (noeviction), bounded by CACHE_MEMORY_LIMIT,
        so that it never takes the memory accepted jobs need; on a server of its own, its
        eviction policy bounds it."""
        if settings.cache_redis_host:
            return cls(client)
        return cls(client, Budget(MemoryWatch(client, max_age=1.0), settings.cache_memory_limit))

    async def get(self, key: str) -> Any | None:
        return (await self.get_all(key))[0]

    async def get_all(self, *keys: str) -> list[Any | None]:
        """The values of `keys`, read as one: counted as one hit when all are there, else
        one miss, in counters that every process shares.

        A read counts as a hit in the same round trip and is corrected on a miss: one
        round trip for a hit, and no script over several keys, which a cluster may hold on
        several nodes."""
        async with self._client.pipeline(transaction=False) as pipe:
            for key in keys:
                pipe.get(key)
            pipe.hincrby(STATS_KEY, "hits", 1)
            *raw, _ = await pipe.execute()
        if any(value is None for value in raw):
            async with self._client.pipeline(transaction=False) as pipe:
                pipe.hincrby(STATS_KEY, "hits", -1)
                pipe.hincrby(STATS_KEY, "misses", 1)
                await pipe.execute()
        return [None if value is None else json.loads(value) for value in raw]

    async def set(self, key: str, value: Any, ttl: int | None) -> None:
        await self._client.set(key, _encoded(value), ex=ttl)

    async def set_all(self, values: dict[str, Any], ttl: int | None) -> None:
        # Not a transaction: a cluster may hold the keys on several nodes. get_all() counts
        # a read that finds only some of them as a miss.
        async with self._client.pipeline(transaction=False) as pipe:
            for key, value in values.items():
                pipe.set(key, _encoded(value), ex=ttl)
            await pipe.execute()

    async def offer(self, values: dict[str, Any], ttl: int | None) -> bool:
        """Writes `values` as set_all() does, unless the budget or a full server refuses
        them: for what the cache may go without. Whether it wrote them."""
        if self._budget is not None and not await self._budget.allows():
            return False
        try:
            await self.set_all(values, ttl)
        except ResponseError as error:
            if not is_out_of_memory(error):
                raise
            log.warning("not cached: the cache's Redis is out of memory")
            return False
        return True

    async def delete(self, *keys: str) -> int:
        return await self._client.delete(*keys) if keys else 0

    async def delete_pattern(self, pattern: str, batch: int = 500) -> int:
        """Deletes the keys matching `pattern` without blocking Redis (SCAN, never KEYS)."""
        deleted = 0
        pending: list[str] = []
        async for key in self._client.scan_iter(match=pattern, count=batch):
            pending.append(key)
            if len(pending) >= batch:
                deleted += await self._client.unlink(*pending)
                pending.clear()
        if pending:
            deleted += await self._client.unlink(*pending)
        return deleted

    async def stats(self) -> CacheStats:
        """In a cluster, `keys` and the memory are the whole cluster's, the queue's included."""
        keys, memory, (hits, misses) = await asyncio.gather(
            self._client.dbsize(), used_memory(self._client), self._client.hmget(STATS_KEY, "hits", "misses")
        )
        return CacheStats(
            keys=keys,
            memory_used_bytes=memory,
            hits=int(hits or 0),
            misses=int(misses or 0),
        )


def _encoded(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))
