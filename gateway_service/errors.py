"""How failures reach callers: canonical status codes, actionable messages, rich details.

Every failure a caller is told of is a `ServiceError`, which carries its status code and
details. `answered` wraps each RPC of a servicer once, at registration: it bounds the call's
time and turns a `ServiceError`, or a failure of Redis or PostgreSQL, into its status.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import grpc
from google.protobuf import any_pb2
from google.protobuf.descriptor import ServiceDescriptor
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status
from redis.exceptions import RedisError

from common import failures, logs
from common.redis_connections import TRANSIENT_ERRORS
from common.store.database import StoreUnavailable
from common.tokens import Scope, TokenInfo, scopes_of

log = logs.get_logger(__name__)

_ANSWER_MARGIN = 0.05
S = TypeVar("S")


class ServiceError(Exception):
    """A failure the caller is told of, with its status code and, when there are, details."""

    code = grpc.StatusCode.INTERNAL

    def details(self) -> Message | None:
        return None


class InvalidRequest(ServiceError):
    """One or more fields are invalid: `violations` maps each field to what is wrong."""

    code = grpc.StatusCode.INVALID_ARGUMENT

    def __init__(self, violations: dict[str, str]) -> None:
        self.violations = violations
        super().__init__("invalid request: " + "; ".join(f"{field}: {what}" for field, what in violations.items()))

    def details(self) -> error_details_pb2.BadRequest:
        return error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(field=field, description=what)
                for field, what in self.violations.items()
            ]
        )


class Unauthenticated(ServiceError):
    code = grpc.StatusCode.UNAUTHENTICATED


class PermissionDenied(ServiceError):
    code = grpc.StatusCode.PERMISSION_DENIED


class MissingScope(PermissionDenied):
    def __init__(self, rpc: str, scope: Scope, caller: TokenInfo) -> None:
        held = ", ".join(caller.scopes) or "none"
        wanted = ",".join(scopes_of([*caller.scopes, scope]))
        super().__init__(
            f"{rpc} needs a token with the scope '{scope}', and token {caller.id} has only {held}: "
            "ask whoever manages the service's tokens for one with it (`resume-cli token create "
            f"--organisation {caller.organisation_id} --scope {wanted}`), then retire this one "
            f"(`resume-cli token revoke {caller.id} --after SECONDS`)"
        )


class Unavailable(ServiceError):
    """What the caller should retry with backoff; gRPC clients treat it as retryable."""

    code = grpc.StatusCode.UNAVAILABLE


class Refused(ServiceError):
    """Redis refused for a reason a retry does not change (WRONGTYPE, NOPERM, a script's error)."""

    code = grpc.StatusCode.INTERNAL


class Overloaded(ServiceError):
    """RESOURCE_EXHAUSTED, with a google.rpc.RetryInfo that says when to try again."""

    code = grpc.StatusCode.RESOURCE_EXHAUSTED

    def __init__(self, message: str, retry_after_ms: int) -> None:
        self.retry_after_ms = retry_after_ms
        super().__init__(f"{message}; retry in {retry_after_ms / 1000:.1f} s")

    def details(self) -> error_details_pb2.RetryInfo:
        info = error_details_pb2.RetryInfo()
        info.retry_delay.FromMilliseconds(self.retry_after_ms)
        return info


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


class JobNotFound(ServiceError):
    code = grpc.StatusCode.NOT_FOUND

    def __init__(self, job_id: str) -> None:
        super().__init__(
            f"job {job_id!r} not found: it does not exist, belongs to another "
            "organisation, or was removed after its retention period"
        )


class ResumeNotFound(ServiceError):
    code = grpc.StatusCode.NOT_FOUND

    def __init__(self, resume_id: str) -> None:
        super().__init__(
            f"no analysis of resume {resume_id!r}: it was not analysed yet, belongs to another "
            "organisation, or was erased or expired"
        )


class NotRedacted(ServiceError):
    code = grpc.StatusCode.FAILED_PRECONDITION

    def __init__(self, resume_id: str, version: int) -> None:
        super().__init__(
            f"version {version} of resume {resume_id!r} was not submitted with redact, so no redacted copy "
            "was kept; submit the resume again with redact set (SubmitResumeRequest.redact), then read it"
        )


class StoreNotConfigured(ServiceError):
    code = grpc.StatusCode.FAILED_PRECONDITION

    def __init__(self) -> None:
        super().__init__(
            "this gateway has no analysis database (DATABASE_URL is unset); "
            "read analyses with GetJobStatus while their jobs are retained"
        )


def answered(servicer: S, service: ServiceDescriptor, rpc_timeout: float) -> S:
    """Has every unary and server-streaming RPC of `service` answer failures by their status.

    A unary call is bounded by `rpc_timeout` (or a little less than the caller's deadline);
    a stream is bounded until its first message, then lasts as long as the caller wants.
    The bound keeps an unreachable Redis from holding a call until the deadline."""
    for method in service.methods:
        inner = getattr(servicer, method.name, None)
        if inner is None or method.client_streaming:
            continue
        wrap = _streamed if inspect.isasyncgenfunction(inner) else _unary
        setattr(servicer, method.name, wrap(method.name, inner, rpc_timeout))
    return servicer


def _unary(
    name: str, inner: Callable[[Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Any]], rpc_timeout: float
) -> Callable[[Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Any]]:
    async def unary(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        budget = _budget(rpc_timeout, context)
        try:
            async with asyncio.timeout(budget):
                return await inner(request, context)
        except Exception as error:  # noqa: BLE001 - what is not a status is raised again
            await _abort(context, _status(error, name, budget))

    return unary


def _streamed(
    name: str, inner: Callable[[Any, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Any]], rpc_timeout: float
) -> Callable[[Any, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Any]]:
    async def streamed(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
        budget = _budget(rpc_timeout, context)
        responses = aiter(inner(request, context))
        try:
            async with asyncio.timeout(budget):
                response = await anext(responses, None)
            while response is not None:
                yield response
                response = await anext(responses, None)
        except Exception as error:  # noqa: BLE001 - what is not a status is raised again
            await _abort(context, _status(error, name, budget))

    return streamed


def _budget(rpc_timeout: float, context: grpc.aio.ServicerContext[Any, Any]) -> float:
    remaining = context.time_remaining()
    if remaining is None:
        return rpc_timeout
    # A little before the caller gives up, so that it learns why.
    return max(0.0, min(rpc_timeout, remaining - _ANSWER_MARGIN))


def _status(error: Exception, name: str, budget: float) -> ServiceError:
    """The status a failure is answered with. No exception's own text reaches the caller or
    the log for Redis and PostgreSQL: theirs may quote the data (common.failures)."""
    if isinstance(error, ServiceError):
        return error
    if isinstance(error, StoreUnavailable):
        log.warning("database unavailable during %s: %s", name, error)
        return Unavailable(f"the analysis database (PostgreSQL) is unavailable: {error}; retry with backoff")
    # Before OSError, of which TimeoutError is a subclass.
    if isinstance(error, TimeoutError):
        return Unavailable(f"the job store (Redis) did not answer within {budget:.1f} s; retry with backoff")
    if isinstance(error, (RedisError, OSError)):
        if failures.is_out_of_memory(error):
            log.warning("redis out of memory during %s", name)
            return QueueFull()
        text = failures.describe(error)
        log.warning("redis failed during %s: %s", name, text)
        if isinstance(error, (*TRANSIENT_ERRORS, OSError)):
            return Unavailable(f"the job store (Redis) is unavailable: {text}")
        return Refused(f"the job store (Redis) refused the request: {text}")
    raise error


async def _abort(context: grpc.aio.ServicerContext[Any, Any], error: ServiceError) -> None:
    details = error.details()
    if details is None:
        await context.abort(error.code, str(error))
    packed = any_pb2.Any()
    packed.Pack(details)
    status = status_pb2.Status(code=error.code.value[0], message=str(error), details=[packed])
    await context.abort_with_status(rpc_status.to_status(status))
