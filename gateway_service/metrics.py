"""The gateway's metrics: RPCs by method and status code with latencies, queue depth, cache."""

from __future__ import annotations

import inspect
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

import grpc
from google.protobuf.descriptor import ServiceDescriptor
from prometheus_client import Counter, Gauge, Histogram

RPCS = Counter("grpc_server_handled_total", "RPCs completed, by method and status code.", ["grpc_method", "grpc_code"])
RPC_SECONDS = Histogram(
    "grpc_server_handling_seconds",
    "Time to answer an RPC (to its end, for streams).",
    ["grpc_method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
QUEUE_JOBS = Gauge("resume_queue_jobs", "Jobs in the resume-analysis queue, by state.", ["state"])
CACHE_READS = Gauge("resume_cache_reads", "Cache reads since the cache was created, by result.", ["result"])

S = TypeVar("S")


def timed(servicer: S, service: ServiceDescriptor) -> S:
    """Has `servicer` count and time every unary and server-streaming RPC of `service`.

    Each method is wrapped once, here, rather than on every call: a grpc-aio server
    interceptor runs as coroutines and builds a new method handler for each call."""
    for method in service.methods:
        inner = getattr(servicer, method.name, None)
        if inner is None or method.client_streaming:
            continue
        wrap = _timed_stream if method.server_streaming else _timed_unary
        setattr(servicer, method.name, wrap(method.name, inner))
    return servicer


def _timed_unary(method: str, inner: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    observe = _Observer(method)

    async def unary(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        started = time.perf_counter()
        try:
            return await inner(request, context)
        finally:
            observe(context, started)

    return unary


def _timed_stream(method: str, inner: Callable[..., Any]) -> Callable[..., Any]:
    """Wraps a server-streaming handler in its own style: an async generator, or a
    coroutine that writes with context.write (as grpc.health.v1's Watch does)."""
    observe = _Observer(method)
    if inspect.isasyncgenfunction(inner):

        async def generated(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            started = time.perf_counter()
            try:
                async for response in inner(request, context):
                    yield response
            finally:
                observe(context, started)

        return generated

    async def written(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> None:
        started = time.perf_counter()
        try:
            await inner(request, context)
        finally:
            observe(context, started)

    return written


class _Observer:
    """Counts and times one method's calls. Its metrics' label children are looked up once
    per status code: prometheus_client's labels() checks its arguments and takes a lock."""

    def __init__(self, method: str) -> None:
        self._method = method
        self._seconds = RPC_SECONDS.labels(method)
        self._handled: dict[str, Any] = {}

    def __call__(self, context: grpc.aio.ServicerContext[Any, Any], started: float) -> None:
        code = context.code()
        if isinstance(code, grpc.StatusCode):
            name = code.name
        else:
            name = "CANCELLED" if context.cancelled() else "OK"
        handled = self._handled.get(name)
        if handled is None:
            handled = self._handled[name] = RPCS.labels(self._method, name)
        handled.inc()
        self._seconds.observe(time.perf_counter() - started)
