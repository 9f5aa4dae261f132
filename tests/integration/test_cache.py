import asyncio
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as redis

from common.cache import Cache, resume_analysis_key, user_organisations_key
from common.config import Settings
from common.redis_connections import connect_cache
from tests.helpers.support import unique


@pytest.fixture
async def cache_client(settings: Settings) -> AsyncIterator[redis.Redis]:
    client = connect_cache(settings)
    yield client
    await client.aclose()


async def test_values_round_trip_as_json_and_expire(cache_client: redis.Redis) -> None:
    cache = Cache(cache_client)
    key = resume_analysis_key(unique("resume"))
    await cache.set(key, {"score": 87, "skills": ["Python"]}, ttl=1)
    assert await cache.get(key) == {"score": 87, "skills": ["Python"]}
    assert 0 < await cache_client.ttl(key) <= 1
    await asyncio.sleep(1.1)
    assert await cache.get(key) is None


async def test_hits_and_misses_are_counted(cache_client: redis.Redis) -> None:
    cache = Cache(cache_client)
    before = await cache.stats()
    key = resume_analysis_key(unique("resume"))
    await cache.get(key)
    await cache.set(key, [1], ttl=60)
    await cache.get(key)
    await cache.get(key)
    after = await cache.stats()
    assert (after.hits - before.hits, after.misses - before.misses) == (2, 1)
    assert 0 < after.hit_ratio < 1
    assert after.keys >= 1 and after.memory_used_bytes > 0


async def test_delete_by_pattern_removes_only_matching_keys(cache_client: redis.Redis) -> None:
    cache = Cache(cache_client)
    user = unique("user")
    other = unique("user")
    keys = [f"user:{user}", f"user:{user}:profile", user_organisations_key(user)]
    for key in [*keys, f"user:{other}"]:
        await cache.set(key, {"id": key}, ttl=60)
    # More keys than one SCAN batch, to cross batch boundaries.
    await cache_client.mset({f"user:{user}:bulk:{i}": "1" for i in range(1200)})
    assert await cache.delete_pattern(f"user:{user}*") == 1203
    assert await cache.get(f"user:{other}") == {"id": f"user:{other}"}
    assert await cache.delete(f"user:{other}") == 1
