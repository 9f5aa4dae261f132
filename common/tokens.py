"""Bearer tokens: each names one organisation; only their SHA-256 is stored.

A token is shown once, when created. Redis holds `auth:token:{sha256}` (organisation,
name, creation and expiry times; a TTL when it expires) in the cache database; revoking
deletes it and records the hash under `auth:blacklist:{sha256}` for as long as the token
could have lived.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from common.cache import auth_blacklist_key
from common.redis_modes import RedisClient

TOKEN_PREFIX = "rsk_"
_TOKEN_KEY = "auth:token:{}"
# How long a revoked token without expiry stays on the blacklist.
_BLACKLIST_WITHOUT_EXPIRY = 365 * 24 * 3600


@dataclass(frozen=True)
class TokenInfo:
    # The first 12 hex digits of the token's hash: enough to name it, useless to use it.
    id: str
    organisation_id: str
    name: str
    created_ms: int
    expires_ms: int  # 0: never


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenStore:
    def __init__(self, client: RedisClient) -> None:
        self._client = client

    async def create(self, organisation_id: str, name: str, ttl_seconds: int = 0) -> tuple[str, TokenInfo]:
        """A new token (returned once, never stored) and its description."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        digest = _hash(token)
        now = int(time.time() * 1000)
        info = TokenInfo(digest[:12], organisation_id, name, now, now + ttl_seconds * 1000 if ttl_seconds else 0)
        key = _TOKEN_KEY.format(digest)
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={
                "organisation": organisation_id, "name": name,
                "created": info.created_ms, "expires": info.expires_ms,
            })
            if ttl_seconds:
                pipe.expire(key, ttl_seconds)
            await pipe.execute()
        return token, info

    async def lookup(self, token: str) -> TokenInfo | None:
        """The token's description if it is valid now: known, not revoked, not expired."""
        digest = _hash(token)
        async with self._client.pipeline(transaction=False) as pipe:
            pipe.hgetall(_TOKEN_KEY.format(digest))
            pipe.exists(auth_blacklist_key(digest))
            fields, revoked = await pipe.execute()
        if not fields or revoked:
            return None
        info = _info(digest, fields)
        if info.expires_ms and info.expires_ms <= time.time() * 1000:
            return None
        return info

    async def list(self) -> list[TokenInfo]:
        tokens = []
        async for key in self._client.scan_iter(match=_TOKEN_KEY.format("*"), count=500):
            fields = await self._client.hgetall(key)
            if fields:
                tokens.append(_info(key.rsplit(":", 1)[1], fields))
        return sorted(tokens, key=lambda info: (info.organisation_id, info.created_ms))

    async def revoke(self, token_id: str, *, after_seconds: int = 0) -> TokenInfo | None:
        """Revokes the token whose id is `token_id`, now or once `after_seconds` have passed
        (to rotate: create the new token, revoke the old one with a delay)."""
        async for key in self._client.scan_iter(match=_TOKEN_KEY.format(f"{token_id}*"), count=500):
            digest = key.rsplit(":", 1)[1]
            fields = await self._client.hgetall(key)
            if not fields:
                continue
            info = _info(digest, fields)
            if after_seconds:
                expires = int(time.time() * 1000) + after_seconds * 1000
                if not info.expires_ms or expires < info.expires_ms:
                    await self._client.hset(key, "expires", expires)
                    await self._client.expire(key, after_seconds)
                return info
            remaining = (
                max(1, (info.expires_ms - int(time.time() * 1000)) // 1000)
                if info.expires_ms else _BLACKLIST_WITHOUT_EXPIRY
            )
            # Not a transaction: a cluster may hold the two keys on two nodes. Either step
            # alone already makes lookup() refuse the token.
            async with self._client.pipeline(transaction=False) as pipe:
                pipe.set(auth_blacklist_key(digest), info.organisation_id, ex=remaining)
                pipe.delete(key)
                await pipe.execute()
            return info
        return None


def _info(digest: str, fields: Mapping[Any, Any]) -> TokenInfo:
    return TokenInfo(
        id=digest[:12],
        organisation_id=fields.get("organisation", ""),
        name=fields.get("name", ""),
        created_ms=int(fields.get("created", 0)),
        expires_ms=int(fields.get("expires", 0)),
    )
