"""A span for each RPC of the gateway, the root of a submission's trace (common/tracing.py)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import grpc
from google.protobuf.descriptor import ServiceDescriptor
from opentelemetry import propagate, trace
from opentelemetry.trace import Span, SpanKind, Status, StatusCode

from common import tracing

S = TypeVar("S")

# The codes that are the server's failure, by OpenTelemetry's RPC conventions: a span that
# ends with another (INVALID_ARGUMENT, NOT_FOUND, ...) answered as it should.
_SERVER_ERRORS = frozenset({
    grpc.StatusCode.UNKNOWN, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.UNIMPLEMENTED,
    grpc.StatusCode.INTERNAL, grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DATA_LOSS,
})


def traced(servicer: S, service: ServiceDescriptor) -> S:
    """Has every unary and server-streaming RPC of `service` run in a span named as the
    method (`resume.v1.GatewayService/SubmitResume`), child of the caller's trace context
    when its metadata carries one. Without tracing the servicer is left as it is.

    Wrapped outside `errors.answered`, so that a span sees the status the call ends with."""
    if not tracing.enabled():
        return servicer
    tracer = trace.get_tracer(__name__)
    for method in service.methods:
        inner = getattr(servicer, method.name, None)
        if inner is None or method.client_streaming:
            continue
        rpc = _Rpc(tracer, service.full_name, method.name)
        setattr(servicer, method.name, rpc.streamed(inner) if inspect.isasyncgenfunction(inner) else rpc.unary(inner))
    return servicer


class _Rpc:
    def __init__(self, tracer: trace.Tracer, service: str, method: str) -> None:
        self._tracer = tracer
        self._name = f"{service}/{method}"
        self._attributes = {"rpc.system": "grpc", "rpc.service": service, "rpc.method": method}

    def unary(
        self, inner: Callable[[Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Any]]
    ) -> Callable[[Any, grpc.aio.ServicerContext[Any, Any]], Awaitable[Any]]:
        async def unary(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            span = self._start(context)
            with _ended(span, context), trace.use_span(span, record_exception=False, set_status_on_exception=False):
                return await inner(request, context)

        return unary

    def streamed(
        self, inner: Callable[[Any, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Any]]
    ) -> Callable[[Any, grpc.aio.ServicerContext[Any, Any]], AsyncIterator[Any]]:
        async def streamed(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            span = self._start(context)
            with _ended(span, context):
                responses = aiter(inner(request, context))
                while True:
                    # Current only while the handler runs: a context attached across a
                    # yield would be detached wherever the stream is resumed or closed.
                    with trace.use_span(span, record_exception=False, set_status_on_exception=False):
                        response = await anext(responses, None)
                    if response is None:
                        return
                    yield response

        return streamed

    def _start(self, context: grpc.aio.ServicerContext[Any, Any]) -> Span:
        # Binary metadata (-bin keys) carries no trace context.
        carrier = {key: value for key, value in context.invocation_metadata() or () if isinstance(value, str)}
        return self._tracer.start_span(
            self._name, propagate.extract(carrier), kind=SpanKind.SERVER, attributes=self._attributes
        )


@contextmanager
def _ended(span: Span, context: grpc.aio.ServicerContext[Any, Any]) -> Iterator[None]:
    """Ends the span with the status code the call ends with."""
    error: BaseException | None = None
    try:
        yield
    except BaseException as escaped:
        error = escaped
        raise
    finally:
        _end(span, context, error)


def _end(span: Span, context: grpc.aio.ServicerContext[Any, Any], error: BaseException | None) -> None:
    code = context.code()
    if not isinstance(code, grpc.StatusCode):
        if context.cancelled() or isinstance(error, (asyncio.CancelledError, GeneratorExit)):
            code = grpc.StatusCode.CANCELLED
        elif error is None or isinstance(error, grpc.aio.AbortError):
            code = grpc.StatusCode.OK
        else:
            # What the handler did not answer reaches the caller as UNKNOWN.
            code = grpc.StatusCode.UNKNOWN
            tracing.record_error(span, error)
    span.set_attribute("rpc.grpc.status_code", code.value[0])
    if code in _SERVER_ERRORS:
        span.set_status(Status(StatusCode.ERROR, code.name))
    span.end()
