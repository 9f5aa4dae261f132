"""An OTLP/gRPC trace receiver in the test process: where the services' spans go when a test
sets OTEL_EXPORTER_OTLP_ENDPOINT, decoded as a collector would."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from concurrent import futures
from dataclasses import dataclass
from typing import Any

import grpc
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2, trace_service_pb2_grpc
from opentelemetry.proto.common.v1 import common_pb2
from opentelemetry.proto.trace.v1 import trace_pb2

KIND = trace_pb2.Span.SpanKind
STATUS = trace_pb2.Status.StatusCode


@dataclass(frozen=True)
class ReceivedSpan:
    service: str
    name: str
    trace_id: str  # hex, as W3C traceparent writes it
    span_id: str
    parent_id: str  # "" for a root span
    kind: int  # KIND.SPAN_KIND_SERVER, ...
    attributes: dict[str, Any]
    status: int  # STATUS.STATUS_CODE_ERROR, ...
    events: tuple[tuple[str, dict[str, Any]], ...]  # (name, attributes)
    start_ns: int
    end_ns: int


def _value(value: common_pb2.AnyValue) -> Any:
    kind = value.WhichOneof("value")
    return getattr(value, kind) if kind in {"string_value", "bool_value", "int_value", "double_value"} else None


class _TraceService(trace_service_pb2_grpc.TraceServiceServicer):
    def __init__(self, received: Callable[[list[ReceivedSpan]], None]) -> None:
        self._received = received

    def Export(
        self, request: trace_service_pb2.ExportTraceServiceRequest, context: grpc.ServicerContext
    ) -> trace_service_pb2.ExportTraceServiceResponse:
        self._received(list(_spans(request)))
        return trace_service_pb2.ExportTraceServiceResponse()


def _spans(request: trace_service_pb2.ExportTraceServiceRequest) -> Iterator[ReceivedSpan]:
    for resource_spans in request.resource_spans:
        resource = {item.key: _value(item.value) for item in resource_spans.resource.attributes}
        for scope_spans in resource_spans.scope_spans:
            for span in scope_spans.spans:
                yield ReceivedSpan(
                    service=resource.get("service.name", ""), name=span.name,
                    trace_id=span.trace_id.hex(), span_id=span.span_id.hex(), parent_id=span.parent_span_id.hex(),
                    kind=span.kind, attributes={item.key: _value(item.value) for item in span.attributes},
                    status=span.status.code,
                    events=tuple((event.name, {item.key: _value(item.value) for item in event.attributes})
                                 for event in span.events),
                    start_ns=span.start_time_unix_nano, end_ns=span.end_time_unix_nano,
                )


class OtlpReceiver:
    """Collects every span exported to `endpoint`, until `stop()`."""

    def __init__(self) -> None:
        self._spans: list[ReceivedSpan] = []
        self._lock = threading.Lock()
        self._server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
        trace_service_pb2_grpc.add_TraceServiceServicer_to_server(_TraceService(self._add), self._server)
        port = self._server.add_insecure_port("127.0.0.1:0")
        # http: the exporter's sign for a plaintext channel.
        self.endpoint = f"http://127.0.0.1:{port}"
        self._server.start()

    def _add(self, spans: list[ReceivedSpan]) -> None:
        with self._lock:
            self._spans.extend(spans)

    def spans(self) -> list[ReceivedSpan]:
        with self._lock:
            return list(self._spans)

    def trace(self, trace_id: str) -> dict[str, ReceivedSpan]:
        """The spans received of one trace, by name (the last of a name wins)."""
        return {span.name: span for span in self.spans() if span.trace_id == trace_id}

    async def wait_for(self, found: Callable[[list[ReceivedSpan]], bool], timeout: float = 15.0) -> list[ReceivedSpan]:
        """The spans received once `found(spans)` holds; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while not found(spans := self.spans()):
            if time.monotonic() > deadline:
                names = sorted((span.service, span.name) for span in spans)
                raise AssertionError(f"not received within {timeout:g} s; received: {names}")
            await asyncio.sleep(0.05)
        return spans

    def stop(self) -> None:
        self._server.stop(grace=None).wait()
