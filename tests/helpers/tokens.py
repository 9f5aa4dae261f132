"""Tokens for the tests, made through TokenStore or written as older versions wrote them."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable

import redis.asyncio as redis

from common.tokens import TOKEN_PREFIX, Scope, TokenStore


def bearer(token: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {token}"),)


async def new_token(
    port: int, organisation: str, ttl_seconds: int = 0, scopes: Iterable[str] = tuple(Scope),
    **client_options: object,
) -> str:
    """A token with `scopes` (every one unless told) in the cache database of the Redis on `port`."""
    client = redis.Redis(port=port, db=0, decode_responses=True, **client_options)  # type: ignore[arg-type]
    try:
        token, _ = await TokenStore(client).create(organisation, "test", scopes, ttl_seconds)
    finally:
        await client.aclose()
    return token


async def token_without_scopes(port: int, organisation: str) -> str:
    """A token as it was stored before tokens had scopes: the same hash, no `scopes` field."""
    token = f"{TOKEN_PREFIX}legacy-{time.time_ns()}"
    client = redis.Redis(port=port, db=0, decode_responses=True)
    try:
        await client.hset(f"auth:token:{hashlib.sha256(token.encode()).hexdigest()}", mapping={
            "organisation": organisation, "name": "before scopes", "created": int(time.time() * 1000), "expires": 0,
        })
    finally:
        await client.aclose()
    return token
