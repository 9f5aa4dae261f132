"""One trace across Node.js and Python: Node's BullMQ with bullmq-otel and the services carry
the trace context in the same place of a job (its option `tm`), so that a job's consumer,
on either side, continues its producer's trace.

The services export to an OTLP receiver in this process; the Node script (tests/node/
otel_client.js) prints its own spans."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import pytest

from common.config import Settings
from common.devstack.embedded_redis import RedisServer, free_port
from common.jobs import JOB_NAME, QUEUE_NAME, queue_key
from common.proto.resume.v1 import resume_pb2_grpc
from common.redis_connections import connect_queue
from tests.helpers.node_clients import NEEDS_NODE, run_node
from tests.helpers.otlp import KIND, OtlpReceiver, ReceivedSpan
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, service_env, submit_request, unique, wait_serving

pytestmark = NEEDS_NODE

PDF_NAME = "John_Doe_ClassicTheme_CV.pdf"
PDF = (FIXTURES / PDF_NAME).read_bytes()
# The gateway's jobs go under a prefix of their own, where no Python worker takes them.
NODE_WORKER_PREFIX = "node-otel"
# What Node's OpenTelemetry API numbers SpanKind.PRODUCER and CONSUMER.
NODE_PRODUCER, NODE_CONSUMER = 3, 4


@dataclass(frozen=True)
class Services:
    receiver: OtlpReceiver
    settings: Settings
    node_env: dict[str, str]
    stub: resume_pb2_grpc.GatewayServiceStub


@pytest.fixture(scope="module")
async def services(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    """A traced worker on the usual queue, and a traced gateway whose jobs only Node takes."""
    directory = tmp_path_factory.mktemp("tracing-node")
    redis = RedisServer(directory / "redis")
    redis.start()
    receiver = OtlpReceiver()
    port = free_port()
    env = service_env(redis.port, OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY="100")
    worker = start_worker(env, directory / "worker.log")
    gateway = ServiceProcess.python(
        "gateway_service", directory / "gateway.log",
        {**env, "GRPC_PORT": str(port), "QUEUE_PREFIX": NODE_WORKER_PREFIX},
    )
    settings = Settings.from_env(env)
    try:
        await wait_serving(port, alive=gateway.running)
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            node_env = {**os.environ, **env, "QUEUE_DB": str(settings.queue_db)}
            yield Services(receiver, settings, node_env, resume_pb2_grpc.GatewayServiceStub(channel))
        for process in (gateway, worker):
            assert process.stop() == 0, process.log()
            assert process.logging_errors() == [], process.log()
    finally:
        gateway.stop()
        worker.stop()
        receiver.stop()
        redis.stop()


def node_span(spans: list[dict[str, Any]], name: str) -> dict[str, Any]:
    [span] = [span for span in spans if span["name"] == name]
    return span


def job_span(spans: list[ReceivedSpan], name: str, job_id: str) -> ReceivedSpan | None:
    found = [span for span in spans if span.name == name and span.attributes.get("messaging.message.id") == job_id]
    return found[0] if found else None


async def test_a_node_producers_job_is_processed_in_its_trace(
    services: Services, file_server: tuple[str, Path]
) -> None:
    base, directory = file_server
    (directory / PDF_NAME).write_bytes(PDF)
    data = {
        "resumeId": unique("resume"), "candidateId": unique("candidate"), "organisationId": unique("org"),
        "fileUrl": f"{base}/{PDF_NAME}", "fileName": PDF_NAME, "mimeType": "application/pdf",
    }
    added = await run_node("otel_client.js", "add", {"queue": QUEUE_NAME, "name": JOB_NAME, "data": data,
                                                     "opts": {"attempts": 1}}, services.node_env)
    produce = node_span(added["spans"], "produce")
    node_add = node_span(added["spans"], f"add {QUEUE_NAME}.{JOB_NAME}")
    assert (node_add["kind"], node_add["traceId"], node_add["parentId"]) == (
        NODE_PRODUCER, produce["traceId"], produce["spanId"])
    # Where Node keeps the context: opts.telemetry.metadata, stored as the option `tm`.
    metadata = json.loads(added["opts"]["telemetry"]["metadata"])
    assert metadata["traceparent"].split("-")[1:3] == [node_add["traceId"], node_add["spanId"]]
    client = connect_queue(services.settings)
    try:
        stored = json.loads(await client.hget(queue_key(services.settings.queue_prefix, added["id"]), "opts"))
    finally:
        await client.aclose()
    assert stored["tm"] == added["opts"]["telemetry"]["metadata"]

    spans = await services.receiver.wait_for(
        lambda spans: job_span(spans, f"process {QUEUE_NAME}", added["id"]) is not None
        and any(span.name == "SET analysis" for span in spans), timeout=60)
    process = job_span(spans, f"process {QUEUE_NAME}", added["id"])
    assert process is not None
    assert (process.service, process.kind) == ("resume-worker", KIND.SPAN_KIND_CONSUMER)
    assert (process.trace_id, process.parent_id) == (produce["traceId"], node_add["spanId"])
    in_trace = {span.name for span in spans if span.trace_id == produce["traceId"]}
    assert {"extract and analyse", "extract", "analyse", "SET analysis"} <= in_trace


async def test_a_node_worker_processes_our_job_in_its_trace(services: Services) -> None:
    request = submit_request(content=PDF, file_name=PDF_NAME)
    job_id = (await services.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
    worked = await run_node("otel_client.js", "work", {"queue": QUEUE_NAME, "count": 1},
                            {**services.node_env, "QUEUE_PREFIX": NODE_WORKER_PREFIX})
    assert worked["handled"] == [job_id]

    spans = await services.receiver.wait_for(
        lambda spans: job_span(spans, f"add {QUEUE_NAME}.{JOB_NAME}", job_id) is not None
        and any(span.name.endswith("/SubmitResume") for span in spans))
    add = job_span(spans, f"add {QUEUE_NAME}.{JOB_NAME}", job_id)
    assert add is not None
    [rpc] = [span for span in spans if span.span_id == add.parent_id]
    assert (rpc.name, rpc.trace_id) == ("resume.v1.GatewayService/SubmitResume", add.trace_id)
    node_process = node_span(worked["spans"], f"process {QUEUE_NAME}")
    assert (node_process["kind"], node_process["traceId"], node_process["parentId"]) == (
        NODE_CONSUMER, add.trace_id, add.span_id)
