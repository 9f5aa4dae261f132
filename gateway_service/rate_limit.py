"""Submissions per organisation: a token bucket in Redis, shared by every gateway process."""

from __future__ import annotations

from common.redis_modes import RedisClient

# Refills `rate` tokens per millisecond up to `burst`, takes one if it can, and answers
# 0 or the milliseconds until one is there. Redis's clock, not the gateways', so that
# several gateways agree. Atomic, as every Lua script is.
_TAKE = """
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return wait
"""


class RateLimiter:
    def __init__(self, client: RedisClient, per_minute: int, burst: int) -> None:
        self._per_ms = per_minute / 60_000
        self._burst = max(1, burst)
        self._take = client.register_script(_TAKE)

    @property
    def enabled(self) -> bool:
        return self._per_ms > 0

    async def acquire(self, organisation_id: str) -> int:
        """0 when the organisation may submit now, else milliseconds until it may."""
        if not self.enabled:
            return 0
        return int(await self._take(keys=[f"ratelimit:submit:{organisation_id}"], args=[self._per_ms, self._burst]))
