"""Redis clients for the cache and the queue databases, in whichever REDIS_MODE."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import (
    AuthenticationError,
    BusyLoadingError,
    ClusterDownError,
    ConnectionError,
    ReadOnlyError,
    TimeoutError,
    TryAgainError,
)

from common import failures, logs
from common.config import Settings
from common.redis_modes import RedisClient, redis_client

log = logs.get_logger(__name__)
T = TypeVar("T")


class _Retry(Retry):
    """Retries connection errors, except a refused password, which no retry fixes
    (redis-py counts it as a connection error)."""

    async def call_with_retry(self, do, fail, is_retryable=None, with_failure_count=False):  # type: ignore[no-untyped-def]
        def retryable(error: Exception) -> bool:
            return not isinstance(error, AuthenticationError) and (is_retryable is None or is_retryable(error))

        return await super().call_with_retry(do, fail, retryable, with_failure_count)


def connect(
    settings: Settings, db: int, *, decode_responses: bool = True, client_name: str | None = None
) -> RedisClient:
    """A pooled client on `db`.

    Retries are bounded by REDIS_MAX_RETRIES with a short backoff so that a caller
    learns within about a second that Redis is down, instead of hanging.
    BullMQ needs `decode_responses=True` (otherwise jobs arrive without name and data);
    raw file bytes need `decode_responses=False`.
    """
    return redis_client(
        settings,
        db,
        decode_responses=decode_responses,
        client_name=client_name,
        socket_connect_timeout=settings.redis_connect_timeout,
        socket_timeout=settings.redis_socket_timeout,
        socket_keepalive=True,
        health_check_interval=30,
        retry=_Retry(ExponentialBackoff(cap=0.5, base=0.05), settings.redis_max_retries),
        retry_on_error=[BusyLoadingError, ConnectionError, TimeoutError],
    )


def connect_cache(settings: Settings) -> RedisClient:
    return connect(settings.cache_server(), settings.cache_db)


def connect_queue(
    settings: Settings, *, decode_responses: bool = True, client_name: str | None = None
) -> RedisClient:
    return connect(settings, settings.queue_db, decode_responses=decode_responses, client_name=client_name)


def raise_if_cancelling(error: BaseException) -> None:
    """redis-py may report a cancelled command as a connection error; a loop that
    retries connection errors would then swallow its own cancellation and never stop."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError() from error


# Failures that a moment later may be gone: a lost or refused connection, a master not yet
# elected, a demoted master that answers READONLY, a cluster moving its slots.
TRANSIENT_ERRORS = (ConnectionError, TimeoutError, ReadOnlyError, ClusterDownError, TryAgainError)


async def retry_transient(operation: Callable[[], Awaitable[T]], delay: float = 0.1) -> T:
    """`operation()`, again after each transient failure, until it succeeds or the caller's
    time bound cancels it: a failover (a few seconds) then costs time, not the call."""
    while True:
        try:
            return await operation()
        except TRANSIENT_ERRORS as error:
            raise_if_cancelling(error)
            log.warning("redis unavailable, retrying: %s", failures.describe(error))
            await asyncio.sleep(delay)
