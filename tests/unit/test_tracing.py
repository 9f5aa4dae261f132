"""Tracing off, as it is without OTEL_EXPORTER_OTLP_ENDPOINT: nothing loaded, installed or
carried, and the RPCs left unwrapped; errors recorded without the data their text may quote.
Traces themselves: tests/integration/test_tracing.py."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import StatusCode
from redis.exceptions import ResponseError

from common import tracing
from common.proto.resume.v1 import resume_pb2
from gateway_service.tracing import traced
from tests.helpers.support import ROOT

# A Node producer's context, as bullmq-otel writes it.
NODE_CONTEXT = {"tm": '{"traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}'}


def test_without_an_endpoint_the_sdk_is_neither_loaded_nor_installed() -> None:
    # A fresh interpreter: this one may have loaded the SDK for other tests.
    script = (
        "import sys\n"
        "from opentelemetry import trace\n"
        "from common import tracing\n"
        "from common.config import Settings\n"
        "tracing.configure(Settings.from_env({}), 'resume-test')\n"
        # Not opentelemetry.sdk.metrics: redis-py 8 imports it whenever it is installed.
        "sdk = ('opentelemetry.sdk.trace', 'opentelemetry.exporter')\n"
        "loaded = sorted(name for name in sys.modules if name.startswith(sdk))\n"
        "print(type(trace.get_tracer_provider()).__name__, tracing.enabled(), loaded)\n"
    )
    answer = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert answer.stdout.split() == ["ProxyTracerProvider", "False", "[]"]


def test_untraced_spans_are_the_invalid_one_and_carry_nothing() -> None:
    assert not tracing.enabled()
    with tracing.span("process resume-analysis", parent=tracing.context_of_job(NODE_CONTEXT)) as span:
        assert span is trace.INVALID_SPAN
        assert trace.get_current_span() is trace.INVALID_SPAN
        assert tracing.job_context() == {}
    assert tracing.context_of_job(NODE_CONTEXT) is None


def test_untraced_rpcs_are_not_wrapped() -> None:
    class Servicer:
        async def SubmitResume(self, request: Any, context: Any) -> None:
            return None

    servicer = Servicer()
    assert traced(servicer, resume_pb2.DESCRIPTOR.services_by_name["GatewayService"]) is servicer
    assert vars(servicer) == {}


def test_an_error_is_recorded_in_the_words_of_the_logs() -> None:
    # redis-py quotes a failed pipeline command's arguments: here an uploaded file.
    quoting = ResponseError("Command # 1 (SET upload:job-1 SECRET-FILE-BYTES) of pipeline caused error: "
                            "OOM command not allowed when used memory > 'maxmemory'.")
    try:
        raise RuntimeError("the job failed") from quoting
    except RuntimeError as error:
        raised = error
    span = TracerProvider().get_tracer("tests").start_span("process resume-analysis")
    tracing.record_error(span, raised)
    span.end()

    [event] = span.events
    assert event.name == "exception"
    assert event.attributes is not None
    assert event.attributes["exception.message"] == "the job failed"
    stacktrace = str(event.attributes["exception.stacktrace"])
    assert "Redis is out of memory (maxmemory reached) and refuses writes [SET]" in stacktrace
    assert "SECRET" not in repr(event.attributes)
    assert (span.status.status_code, span.status.description) == (StatusCode.ERROR, "the job failed")
