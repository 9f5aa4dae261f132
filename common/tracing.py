"""Tracing (OpenTelemetry): one trace per submission, from the gateway's RPC through the
job in the queue to the worker's extraction, analysis and store writes.

With OTEL_EXPORTER_OTLP_ENDPOINT set, `configure` installs the SDK and spans go out by
OTLP over gRPC, in batches. Unset, the tracing SDK is neither loaded nor installed: `span`
yields the API's invalid span without starting one, and no job carries a trace context.

A job carries its trace context where Node.js BullMQ with bullmq-otel does: the option
`tm` (opts.telemetry.metadata in Node's terms), the W3C propagation fields as a JSON
object, e.g. `{"traceparent":"00-…-…-01"}`. A Node worker with bullmq-otel then continues
a trace the gateway began, and this worker one a Node producer began.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
from opentelemetry.util.types import Attributes

from common import failures
from common.config import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

# Node.js BullMQ's short name of the option, in the job hash's `opts` JSON.
JOB_CONTEXT_OPTION = "tm"

_provider: TracerProvider | None = None
_tracer: Tracer | None = None


def configure(settings: Settings, default_service_name: str) -> None:
    """Installs the SDK with an OTLP exporter when OTEL_EXPORTER_OTLP_ENDPOINT is set; the
    service is named by OTEL_SERVICE_NAME, else `default_service_name`. The SDK's own
    variables (OTEL_BSP_*, OTEL_EXPORTER_OTLP_HEADERS, OTEL_RESOURCE_ATTRIBUTES, ...) apply."""
    global _provider, _tracer
    if not settings.otel_exporter_otlp_endpoint:
        return
    # Imported here: a process that does not trace does not load the SDK.
    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create({SERVICE_NAME: settings.otel_service_name or default_service_name})
    # The SDK would flush at exit too; `shutdown` does it while the process still logs.
    provider = TracerProvider(resource=resource, shutdown_on_exit=False)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=settings.otel_exporter_otlp_endpoint)))
    trace.set_tracer_provider(provider)
    _provider, _tracer = provider, provider.get_tracer("resume-analysis")


def shutdown() -> None:
    """Exports the spans still in the batch, then stops exporting."""
    global _provider, _tracer
    if _provider is not None:
        _provider.shutdown()
    _provider = _tracer = None


def enabled() -> bool:
    return _tracer is not None


@contextmanager
def span(
    name: str, *, kind: SpanKind = SpanKind.INTERNAL, attributes: Attributes = None, parent: Context | None = None
) -> Iterator[Span]:
    """A span, current within the block, child of the current one or of `parent`. An
    exception leaving the block is recorded on it (`record_error`)."""
    if _tracer is None:
        yield trace.INVALID_SPAN
        return
    with _tracer.start_as_current_span(
        name, context=parent, kind=kind, attributes=attributes, record_exception=False, set_status_on_exception=False
    ) as current:
        try:
            yield current
        except Exception as error:
            record_error(current, error)
            raise


def record_error(span: Span, error: BaseException) -> None:
    """Records `error` on the span, and its status as ERROR, in the words of the logs: the
    text of a Redis or PostgreSQL error, which the SDK would record, may quote data."""
    told = failures.describe(error)
    span.record_exception(
        error, {"exception.message": told, "exception.stacktrace": failures.traceback_text(error)}, escaped=True
    )
    span.set_status(Status(StatusCode.ERROR, told))


def record_span(name: str, start_ns: int, end_ns: int, attributes: Attributes = None) -> None:
    """A span of work timed elsewhere (in a pool process, by the same clock), as a child of
    the current span."""
    if _tracer is not None:
        _tracer.start_span(name, start_time=start_ns, attributes=attributes).end(end_time=end_ns)


def job_context() -> dict[str, str]:
    """The job options that carry the current trace context: none without a span."""
    carrier: dict[str, str] = {}
    if _tracer is not None:
        propagate.inject(carrier)
    return {JOB_CONTEXT_OPTION: json.dumps(carrier, separators=(",", ":"))} if carrier else {}


def context_of_job(opts: Mapping[str, Any]) -> Context | None:
    """The trace context a job's options carry, from this gateway or a Node.js producer
    with bullmq-otel; None without one, or when not tracing."""
    metadata = opts.get(JOB_CONTEXT_OPTION)
    if _tracer is None or not isinstance(metadata, str):
        return None
    try:
        carrier = json.loads(metadata)
    except ValueError:
        return None
    return propagate.extract(carrier) if isinstance(carrier, dict) else None
