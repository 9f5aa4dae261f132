"""Tracing: a gateway and a worker process export their spans by OTLP to a receiver in this
process; one submission is one trace, from SubmitResume to the store write. The batch
delay is longer than the test, so the spans arrive only as the services stop: a graceful
stop exports what is left.

Without OTEL_EXPORTER_OTLP_ENDPOINT (every other test), nothing is traced: tests/unit/test_tracing.py."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass

import grpc
import pytest

from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer
from common.devstack.embedded_redis import RedisServer, free_port
from common.jobs import queue_key
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_queue
from tests.helpers.otlp import KIND, STATUS, OtlpReceiver, ReceivedSpan
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.support import (
    FIXTURES,
    RPC_TIMEOUT,
    service_env,
    submit_request,
    unique,
    wait_for_final_state,
    wait_serving,
)

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
SUBMIT = "resume.v1.GatewayService/SubmitResume"
GET_STATUS = "resume.v1.GatewayService/GetJobStatus"
WATCH = "resume.v1.GatewayService/WatchJob"


@dataclass(frozen=True)
class Submitted:
    job_id: str
    organisation_id: str
    state: int
    failed_reason: str
    # The job's options as stored in Redis, where the trace context travels.
    opts: dict[str, object]

    def trace_id(self) -> str:
        return str(json.loads(str(self.opts["tm"]))["traceparent"].split("-")[1])


@dataclass(frozen=True)
class TracedRun:
    spans: list[ReceivedSpan]
    analysed: Submitted
    corrupt: Submitted
    worker_log: str

    def trace(self, trace_id: str) -> dict[str, ReceivedSpan]:
        return {span.name: span for span in self.spans if span.trace_id == trace_id}


async def _submitted(stub: resume_pb2_grpc.GatewayServiceStub, settings: Settings, content: bytes) -> Submitted:
    request = submit_request(content=content, organisation_id=unique("org"))
    job_id = (await stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
    status = await wait_for_final_state(stub, job_id, request.organisation_id)
    client = connect_queue(settings)
    try:
        opts = json.loads(await client.hget(queue_key(settings.queue_prefix, job_id), "opts"))
    finally:
        await client.aclose()
    return Submitted(job_id, request.organisation_id, status.state, status.failed_reason, opts)


@pytest.fixture(scope="module")
async def traced_run(tmp_path_factory: pytest.TempPathFactory, postgres: PostgresServer) -> AsyncIterator[TracedRun]:
    """A traced gateway and worker: a resume analysed and watched, a corrupt one failed, an
    unknown job asked for; then both stopped, and what the receiver got."""
    directory = tmp_path_factory.mktemp("tracing")
    redis = RedisServer(directory / "redis")
    redis.start()
    receiver = OtlpReceiver()
    port = free_port()
    env = service_env(
        redis.port, GRPC_PORT=str(port), DATABASE_URL=postgres.url,
        OTEL_EXPORTER_OTLP_ENDPOINT=receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY="600000",
    )
    gateway = ServiceProcess.python("gateway_service", directory / "gateway.log", env)
    worker = start_worker(env, directory / "worker.log")
    try:
        await wait_serving(port, alive=gateway.running)
        settings = Settings.from_env(env)
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = resume_pb2_grpc.GatewayServiceStub(channel)
            analysed = await _submitted(stub, settings, PDF)
            corrupt = await _submitted(stub, settings, PDF[: len(PDF) // 3])
            watch = resume_pb2.WatchJobRequest(job_id=analysed.job_id, organisation_id=analysed.organisation_id)
            assert [update async for update in stub.WatchJob(watch, timeout=RPC_TIMEOUT)]
            with pytest.raises(grpc.aio.AioRpcError) as unknown:
                await stub.GetJobStatus(resume_pb2.GetJobStatusRequest(job_id="no-such-job", organisation_id="org"),
                                        timeout=RPC_TIMEOUT)
            assert unknown.value.code() == grpc.StatusCode.NOT_FOUND
        assert receiver.spans() == [], "spans were exported before the stop: the batch delay did not hold"
        for process in (gateway, worker):
            assert process.stop() == 0, process.log()
            assert process.logging_errors() == [], process.log()
        yield TracedRun(receiver.spans(), analysed, corrupt, worker.log())
    finally:
        gateway.stop()
        worker.stop()
        receiver.stop()
        redis.stop()


def test_one_trace_from_submit_resume_to_the_store_write(traced_run: TracedRun) -> None:
    job = traced_run.analysed
    assert job.state == resume_pb2.JOB_STATE_COMPLETED
    trace = traced_run.trace(job.trace_id())
    rpc, add, process = trace[SUBMIT], trace["add resume-analysis.analyze-resume"], trace["process resume-analysis"]
    pool, extract, analyse = trace["extract and analyse"], trace["extract"], trace["analyse"]
    insert, cache = trace["INSERT resume_analyses"], trace["SET analysis"]

    assert (rpc.service, rpc.kind, rpc.parent_id) == ("resume-gateway", KIND.SPAN_KIND_SERVER, "")
    assert rpc.attributes == {"rpc.system": "grpc", "rpc.service": "resume.v1.GatewayService",
                              "rpc.method": "SubmitResume", "rpc.grpc.status_code": 0}
    # The job carries the producer span's context, as Node's BullMQ with bullmq-otel writes it.
    context = json.loads(str(job.opts["tm"]))
    assert list(context) == ["traceparent"]
    version, trace_id, parent_id, flags = context["traceparent"].split("-")
    assert (version, trace_id, parent_id) == ("00", add.trace_id, add.span_id)
    assert int(flags, 16) & 1, "sampled"
    assert (add.service, add.kind, add.parent_id) == ("resume-gateway", KIND.SPAN_KIND_PRODUCER, rpc.span_id)
    assert add.attributes["messaging.system"] == "bullmq"
    assert add.attributes["messaging.message.id"] == job.job_id
    assert (process.service, process.kind, process.parent_id) == ("resume-worker", KIND.SPAN_KIND_CONSUMER, add.span_id)
    assert process.attributes["messaging.message.id"] == job.job_id
    assert process.status != STATUS.STATUS_CODE_ERROR
    assert pool.parent_id == process.span_id
    assert extract.parent_id == analyse.parent_id == pool.span_id
    assert extract.attributes["document.pages"] >= 1
    assert pool.start_ns <= extract.start_ns <= extract.end_ns <= analyse.start_ns <= analyse.end_ns <= pool.end_ns
    assert insert.parent_id == cache.parent_id == process.span_id
    assert (insert.kind, insert.attributes["db.system.name"]) == (KIND.SPAN_KIND_CLIENT, "postgresql")
    assert pool.end_ns <= insert.start_ns <= insert.end_ns <= cache.start_ns <= process.end_ns
    assert cache.attributes["resume.cached"] is True
    assert rpc.start_ns <= add.start_ns <= add.end_ns <= rpc.end_ns
    assert {span.service for span in trace.values()} == {"resume-gateway", "resume-worker"}


def test_the_worker_logs_a_job_with_its_trace(traced_run: TracedRun) -> None:
    job = traced_run.analysed
    trace = traced_run.trace(job.trace_id())
    entries = [json.loads(line) for line in traced_run.worker_log.splitlines() if line.startswith("{")]
    finished = [entry for entry in entries
                if entry["event"] == "job attempt finished" and entry["job_id"] == job.job_id]
    assert len(finished) == 1
    assert finished[0]["trace_id"] == job.trace_id()
    assert finished[0]["span_id"] == trace["process resume-analysis"].span_id


def test_a_failed_job_records_its_error_in_the_trace(traced_run: TracedRun) -> None:
    job = traced_run.corrupt
    assert job.state == resume_pb2.JOB_STATE_FAILED
    trace = traced_run.trace(job.trace_id())
    assert trace[SUBMIT].attributes["rpc.grpc.status_code"] == 0
    process = trace["process resume-analysis"]
    assert process.status == STATUS.STATUS_CODE_ERROR
    [(event, attributes)] = process.events
    assert event == "exception"
    # The job's own words, no more: common.failures keeps data out of both.
    assert attributes["exception.message"] == job.failed_reason
    assert attributes["exception.type"] == "bullmq.custom_errors.unrecoverable_error.UnrecoverableError"
    assert "INSERT resume_analyses" not in trace


def test_an_rpc_answered_with_a_callers_error_is_not_a_server_error(traced_run: TracedRun) -> None:
    [not_found] = [span for span in traced_run.spans
                   if span.name == GET_STATUS and span.attributes["rpc.grpc.status_code"] == 5]
    assert not_found.status == STATUS.STATUS_CODE_UNSET


@pytest.mark.usefixtures("worker")
async def test_without_an_endpoint_a_job_carries_no_trace_context(
    stub: resume_pb2_grpc.GatewayServiceStub, settings: Settings
) -> None:
    assert not settings.otel_exporter_otlp_endpoint
    job = await _submitted(stub, settings, PDF)
    assert job.state == resume_pb2.JOB_STATE_COMPLETED
    assert "tm" not in job.opts


def test_a_stream_has_one_span_to_its_end(traced_run: TracedRun) -> None:
    [watch] = [span for span in traced_run.spans if span.name == WATCH]
    assert (watch.kind, watch.parent_id, watch.status) == (KIND.SPAN_KIND_SERVER, "", STATUS.STATUS_CODE_UNSET)
    assert watch.attributes["rpc.grpc.status_code"] == 0
