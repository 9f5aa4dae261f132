"""Redis clients for the cache and the queue databases."""

from __future__ import annotations

import asyncio

import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import AuthenticationError, BusyLoadingError, ConnectionError, TimeoutError

from common.config import Settings


class _Retry(Retry):
    """Retries connection errors, except a refused password, which no retry fixes
    (redis-py counts it as a connection error)."""

    async def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):  # type: ignore[no-untyped-def]
        def retryable(error: Exception) -> bool:
            return not isinstance(error, AuthenticationError) and (is_retryable is None or is_retryable(error))

        return await super().call_with_retry(do, fail, retryable, with_failure_count)


def connect(
    settings: Settings, db: int, *, decode_responses: bool = True, client_name: str | None = None
) -> redis.Redis:
    """A pooled client on `db`.

    Retries are bounded by REDIS_MAX_RETRIES with a short backoff so that a caller
    learns within about a second that Redis is down, instead of hanging.
    BullMQ needs `decode_responses=True` (otherwise jobs arrive without name and data);
    raw file bytes need `decode_responses=False`.
    """
    return redis.Redis(
        host=settings.redis_host,
        port=settings.redis_port,
        username=settings.redis_username,
        password=settings.redis_password,
        db=db,
        decode_responses=decode_responses,
        client_name=client_name,
        socket_connect_timeout=settings.redis_connect_timeout,
        socket_timeout=settings.redis_socket_timeout,
        socket_keepalive=True,
        health_check_interval=30,
        retry=_Retry(ExponentialBackoff(cap=0.5, base=0.05), settings.redis_max_retries),
        retry_on_error=[BusyLoadingError, ConnectionError, TimeoutError],
        ssl=settings.redis_tls,
        ssl_ca_certs=settings.redis_tls_ca,
        ssl_certfile=settings.redis_tls_cert,
        ssl_keyfile=settings.redis_tls_key,
    )


def connect_cache(settings: Settings) -> redis.Redis:
    return connect(settings, settings.cache_db)


def connect_queue(
    settings: Settings, *, decode_responses: bool = True, client_name: str | None = None
) -> redis.Redis:
    return connect(settings, settings.queue_db, decode_responses=decode_responses, client_name=client_name)


def raise_if_cancelling(error: BaseException) -> None:
    """redis-py may report a cancelled command as a connection error; a loop that
    retries connection errors would then swallow its own cancellation and never stop."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError() from error
