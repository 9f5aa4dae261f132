"""Bearer tokens: each names one organisation and its scopes; only their SHA-256 is stored.

A token is shown once, when created. Redis holds `auth:token:{sha256}` (organisation,
name, scopes, creation and expiry times; a TTL when it expires) in the cache database;
revoking deletes it and records the hash under `auth:blacklist:{sha256}` for as long as the
token could have lived.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from common.cache import auth_blacklist_key
from common.redis_modes import RedisClient

TOKEN_PREFIX = "rsk_"
_TOKEN_KEY = "auth:token:{}"
# How long a revoked token without expiry stays on the blacklist.
_BLACKLIST_WITHOUT_EXPIRY = 365 * 24 * 3600


class Scope(StrEnum):
    """What a token may do for its organisation (README, Security)."""

    SUBMIT = "submit"
    READ = "read"
    ERASE = "erase"
    # Organisation settings: its webhook.
    ADMIN = "admin"


# What a token stored before scopes existed (no `scopes` field) may do: all it could then,
# except erasing, which a token must now be given on purpose.
LEGACY_SCOPES = (Scope.SUBMIT, Scope.READ)


def scopes_of(names: Iterable[str]) -> tuple[Scope, ...]:
    """The scopes named, in the order of `Scope`; ValueError names an unknown one."""
    wanted = set()
    for name in names:
        try:
            wanted.add(Scope(name.strip()))
        except ValueError:
            raise ValueError(f"unknown scope {name.strip()!r}: choose among {', '.join(Scope)}") from None
    return tuple(scope for scope in Scope if scope in wanted)


@dataclass(frozen=True)
class TokenInfo:
    # The first 12 hex digits of the token's hash: enough to name it, useless to use it.
    id: str
    organisation_id: str
    name: str
    created_ms: int
    expires_ms: int  # 0: never
    scopes: tuple[Scope, ...]


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenStore:
    def __init__(self, client: RedisClient) -> None:
        self._client = client

    async def create(
        self, organisation_id: str, name: str, scopes: Iterable[str], ttl_seconds: int = 0
    ) -> tuple[str, TokenInfo]:
        """A new token (returned once, never stored) and its description. A token needs at
        least one scope: one without would be refused everything but `Health`."""
        granted = scopes_of(scopes)
        if not granted:
            raise ValueError(f"a token needs at least one scope among {', '.join(Scope)}")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        digest = _hash(token)
        now = int(time.time() * 1000)
        info = TokenInfo(
            digest[:12], organisation_id, name, now, now + ttl_seconds * 1000 if ttl_seconds else 0, granted
        )
        key = _TOKEN_KEY.format(digest)
        async with self._client.pipeline(transaction=True) as pipe:
            pipe.hset(key, mapping={
                "organisation": organisation_id, "name": name, "scopes": ",".join(granted),
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
    stored = fields.get("scopes")
    return TokenInfo(
        id=digest[:12],
        organisation_id=fields.get("organisation", ""),
        name=fields.get("name", ""),
        created_ms=int(fields.get("created", 0)),
        expires_ms=int(fields.get("expires", 0)),
        scopes=LEGACY_SCOPES if stored is None else _stored_scopes(stored),
    )


def _stored_scopes(stored: str) -> tuple[Scope, ...]:
    # A scope this version does not know (written by a newer one) grants nothing here,
    # rather than making the token unusable.
    return tuple(scope for scope in Scope if scope in stored.split(","))
