"""How failures reach callers: canonical status codes, actionable messages, rich details."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import grpc
from google.protobuf import any_pb2
from google.protobuf.message import Message
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status
from redis.exceptions import RedisError

from common import failures, logs
from common.redis_connections import TRANSIENT_ERRORS
from common.store.analyses import StoreUnavailable
from gateway_service.auth import Unauthenticated
from gateway_service.validation import InvalidRequest

log = logs.get_logger(__name__)

_ANSWER_MARGIN = 0.05
Request = TypeVar("Request")
Response = TypeVar("Response")
Handler = Callable[[Any, Request, grpc.aio.ServicerContext], Awaitable[Response]]


class PermissionDenied(Exception):
    pass


class Overloaded(Exception):
    """RESOURCE_EXHAUSTED, with a google.rpc.RetryInfo that says when to try again."""

    def __init__(self, message: str, retry_after_ms: int) -> None:
        self.retry_after_ms = retry_after_ms
        super().__init__(f"{message}; retry in {retry_after_ms / 1000:.1f} s")


class RateLimited(Overloaded):
    def __init__(self, organisation_id: str, retry_after_ms: int) -> None:
        super().__init__(f"organisation {organisation_id!r} is over its submission rate limit", retry_after_ms)


class QueueFull(Overloaded):
    # Long enough for workers to finish a few jobs and free their files' memory.
    RETRY_AFTER_MS = 5000

    def __init__(self) -> None:
        super().__init__(
            "the queue is full: its Redis is near its memory limit (maxmemory), and new submissions "
            "wait until workers have worked some of the queue off", self.RETRY_AFTER_MS,
        )


class JobNotFound(Exception):
    def __init__(self, job_id: str) -> None:
        super().__init__(
            f"job {job_id!r} not found: it does not exist, belongs to another "
            "organisation, or was removed after its retention period"
        )


class ResumeNotFound(Exception):
    def __init__(self, resume_id: str) -> None:
        super().__init__(
            f"no analysis of resume {resume_id!r}: it was not analysed yet, belongs to another "
            "organisation, or was erased or expired"
        )


class StoreNotConfigured(Exception):
    def __init__(self) -> None:
        super().__init__(
            "this gateway has no analysis database (DATABASE_URL is unset); "
            "read analyses with GetJobStatus while their jobs are retained"
        )


async def abort_with_details(
    context: grpc.aio.ServicerContext, code: int, message: str, details: Message
) -> None:
    """Aborts with a google.rpc.Status that carries machine-readable `details`."""
    packed = any_pb2.Any()
    packed.Pack(details)
    status = status_pb2.Status(code=code, message=message, details=[packed])
    await context.abort_with_status(rpc_status.to_status(status))


def bad_request(error: InvalidRequest) -> error_details_pb2.BadRequest:
    return error_details_pb2.BadRequest(
        field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=field, description=what)
            for field, what in error.violations.items()
        ]
    )


async def abort_overloaded(context: grpc.aio.ServicerContext, error: Overloaded) -> None:
    """RESOURCE_EXHAUSTED, with a google.rpc.RetryInfo of the error's delay."""
    info = error_details_pb2.RetryInfo()
    info.retry_delay.FromMilliseconds(error.retry_after_ms)
    await abort_with_details(context, code_pb2.RESOURCE_EXHAUSTED, str(error), info)


def translate_errors(handler: Handler[Request, Response]) -> Handler[Request, Response]:
    """Bounds the handler's time and turns known failures into status codes.

    Redis failures become UNAVAILABLE, which gRPC clients treat as retryable, but a full
    Redis RESOURCE_EXHAUSTED; the time bound keeps an unreachable Redis from holding the
    call until the deadline. No exception's own text reaches the caller or the log for
    Redis and PostgreSQL: theirs may quote the data (common.failures).
    """

    @functools.wraps(handler)
    async def wrapper(self: Any, request: Request, context: grpc.aio.ServicerContext) -> Response:
        budget = self.settings.rpc_timeout
        remaining = context.time_remaining()
        if remaining is not None:
            # A little before the caller gives up, so that it learns why.
            budget = max(0.0, min(budget, remaining - _ANSWER_MARGIN))
        try:
            async with asyncio.timeout(budget):
                return await handler(self, request, context)
        except InvalidRequest as error:
            await abort_with_details(
                context, code_pb2.INVALID_ARGUMENT, f"invalid request: {error}", bad_request(error)
            )
        except Overloaded as error:
            await abort_overloaded(context, error)
        except Unauthenticated as error:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, str(error))
        except PermissionDenied as error:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, str(error))
        except (JobNotFound, ResumeNotFound) as error:
            await context.abort(grpc.StatusCode.NOT_FOUND, str(error))
        except StoreNotConfigured as error:
            await context.abort(grpc.StatusCode.FAILED_PRECONDITION, str(error))
        except StoreUnavailable as error:
            log.warning("database unavailable during %s: %s", handler.__name__, error)
            await context.abort(
                grpc.StatusCode.UNAVAILABLE,
                f"the analysis database (PostgreSQL) is unavailable: {error}; retry with backoff",
            )
        # Before OSError, of which TimeoutError is a subclass.
        except TimeoutError:
            await context.abort(
                grpc.StatusCode.UNAVAILABLE,
                f"the job store (Redis) did not answer within {budget:.1f} s; retry with backoff",
            )
        except (RedisError, OSError) as error:
            if failures.is_out_of_memory(error):
                log.warning("redis out of memory during %s", handler.__name__)
                await abort_overloaded(context, QueueFull())
            text = failures.describe(error)
            log.warning("redis failed during %s: %s", handler.__name__, text)
            if isinstance(error, (*TRANSIENT_ERRORS, OSError)):
                await context.abort(grpc.StatusCode.UNAVAILABLE, f"the job store (Redis) is unavailable: {text}")
            # Refused for a reason a retry does not change (WRONGTYPE, NOPERM, a script's error).
            await context.abort(grpc.StatusCode.INTERNAL, f"the job store (Redis) refused the request: {text}")
        raise AssertionError("unreachable: context.abort raises")

    return wrapper
