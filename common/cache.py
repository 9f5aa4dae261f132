"""The cache (Redis DB 0 by default): JSON values with TTLs, hit and miss counters.

Key patterns and TTLs are shared with the Node.js services that read the same cache.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import redis.asyncio as redis

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


# Read and count in one round trip, so that counters are shared by every process.
_GET_COUNTED = """
local value = redis.call('GET', KEYS[1])
redis.call('HINCRBY', KEYS[2], value and 'hits' or 'misses', 1)
return value
"""

# Several keys read as one value: a hit only when all are there.
_GET_ALL_COUNTED = """
local values = redis.call('MGET', unpack(KEYS, 1, #KEYS - 1))
local hit = 'hits'
for i = 1, #KEYS - 1 do
  if not values[i] then hit = 'misses' end
end
redis.call('HINCRBY', KEYS[#KEYS], hit, 1)
return values
"""


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


class Cache:
    def __init__(self, client: redis.Redis) -> None:
        self._client = client
        self._get_counted = client.register_script(_GET_COUNTED)
        self._get_all_counted = client.register_script(_GET_ALL_COUNTED)

    async def get(self, key: str) -> Any | None:
        raw = await self._get_counted(keys=[key, STATS_KEY])
        return None if raw is None else json.loads(raw)

    async def get_all(self, *keys: str) -> list[Any | None]:
        """The values of `keys`, counted as one hit when all are present, else one miss."""
        raw = await self._get_all_counted(keys=[*keys, STATS_KEY])
        return [None if value is None else json.loads(value) for value in raw]

    async def set(self, key: str, value: Any, ttl: int | None) -> None:
        await self._client.set(key, json.dumps(value, separators=(",", ":")), ex=ttl)

    async def set_all(self, values: dict[str, Any], ttl: int | None) -> None:
        async with self._client.pipeline(transaction=True) as pipe:
            for key, value in values.items():
                pipe.set(key, json.dumps(value, separators=(",", ":")), ex=ttl)
            await pipe.execute()

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
        async with self._client.pipeline(transaction=False) as pipe:
            pipe.dbsize().info("memory").hmget(STATS_KEY, "hits", "misses")
            keys, memory, (hits, misses) = await pipe.execute()
        return CacheStats(
            keys=keys,
            memory_used_bytes=int(memory["used_memory"]),
            hits=int(hits or 0),
            misses=int(misses or 0),
        )
