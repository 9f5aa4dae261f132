"""Node.js services share the queue and the API: the npm `bullmq` and `@grpc/grpc-js`
clients in tests/node, run as they would run in a Node service, against the same
Redis, gateway and worker process as the rest of the suite.

`make test` installs tests/node/node_modules (`npm ci`) when npm is on PATH.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import grpc
import pytest
import redis.asyncio as redis
from bullmq import Job, Queue, Worker
from google.protobuf import json_format

from common.config import Settings
from common.jobs import JOB_NAME, QUEUE_NAME, ResumeJobData, idempotent_job_id, job_options, new_job_id
from common.proto.resume.v1 import resume_pb2
from common.redis_connections import connect_queue
from tests.helpers.node_clients import NEEDS_NODE, NODE, NODE_DIR, NODE_TIMEOUT, run_node
from tests.helpers.processes import ServiceProcess
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, submit_request, unique, wait_for_final_state

PDF_NAME = "John_Doe_ClassicTheme_CV.pdf"
PDF = (FIXTURES / PDF_NAME).read_bytes()
CORRUPT_PDF = PDF[: len(PDF) // 3]

pytestmark = [*NEEDS_NODE, pytest.mark.usefixtures("worker")]

NodeCommand = Callable[..., Awaitable[Any]]


@pytest.fixture(scope="session")
def node_env(env: dict[str, str], settings: Settings) -> dict[str, str]:
    # The Node scripts read the services' own variables.
    return {**os.environ, **env, "QUEUE_DB": str(settings.queue_db)}


@pytest.fixture(scope="session")
def bullmq_node(node_env: dict[str, str]) -> NodeCommand:
    async def call(command: str, **args: Any) -> Any:
        return await run_node("bullmq_client.js", command, args, node_env)

    return call


@pytest.fixture(scope="session")
def grpc_node(node_env: dict[str, str], gateway: Any) -> NodeCommand:
    async def call(command: str, **args: Any) -> Any:
        address = f"127.0.0.1:{gateway.port}"
        return await run_node("grpc_client.js", command, {"address": address, **args}, node_env)

    return call


@pytest.fixture
async def queue_client(settings: Settings) -> AsyncIterator[redis.Redis]:
    client = connect_queue(settings)
    yield client
    await client.aclose()


@pytest.fixture
async def scratch_queue(queue_client: redis.Redis) -> AsyncIterator[Queue]:
    """A queue of this test alone, removed afterwards."""
    queue = Queue(unique("node-compat"), {"connection": queue_client})
    yield queue
    await queue.obliterate(force=True)
    await queue.close()


def resume_data(**fields: str) -> ResumeJobData:
    return ResumeJobData(
        resume_id=unique("resume"), candidate_id=unique("candidate"),
        organisation_id=unique("org"), file_name=PDF_NAME, mime_type="application/pdf", **fields,
    )


async def submit(stub: Any, request: resume_pb2.SubmitResumeRequest) -> resume_pb2.GetJobStatusResponse:
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    return await wait_for_final_state(stub, submitted.job_id, request.organisation_id)


async def test_node_producer_job_is_analysed_and_both_sides_read_the_same(
    stub: Any, bullmq_node: NodeCommand, file_server: tuple[str, Path]
) -> None:
    base, directory = file_server
    (directory / PDF_NAME).write_bytes(PDF)
    data = {
        "resumeId": unique("resume"), "candidateId": unique("candidate"), "organisationId": unique("org"),
        "fileUrl": f"{base}/{PDF_NAME}", "fileName": PDF_NAME, "mimeType": "application/pdf",
        "asOf": "2021-06-30", "redact": True,
    }
    opts = {"attempts": 3, "backoff": {"type": "exponential", "delay": 1000}}
    added = await bullmq_node("add", queue=QUEUE_NAME, name=JOB_NAME, data=data, opts=opts)
    # Node's own ids come from the queue's counter: "1", "2", ...
    assert added["id"].isdigit(), added

    status = await wait_for_final_state(stub, added["id"], data["organisationId"])
    node = await bullmq_node("job", queue=QUEUE_NAME, id=added["id"])

    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    assert node["state"] == "completed"
    assert node["progress"] == status.progress == 100
    assert node["attemptsMade"] == status.attempts_made == 1
    assert node["opts"]["attempts"] == status.max_attempts == 3
    assert node["data"] == data
    assert status.metadata == resume_pb2.JobMetadata(
        resume_id=data["resumeId"], candidate_id=data["candidateId"],
        organisation_id=data["organisationId"], file_name=PDF_NAME,
        mime_type="application/pdf", file_url=data["fileUrl"], as_of="2021-06-30", redact=True,
    )
    # A Node producer asks for the redacted copy as the gateway does.
    redacted = await stub.GetRedactedResume(resume_pb2.GetRedactedResumeRequest(
        resume_id=data["resumeId"], organisation_id=data["organisationId"]), timeout=RPC_TIMEOUT)
    assert redacted.analysis.job_id == added["id"] and "[NAME]" in redacted.text
    # The Node producer's reference date is the one the analysis was read against.
    assert node["returnvalue"]["referenceDate"] == status.result.reference_date == "2021-06-30"
    assert node["returnvalue"]["referenceDateSource"] == "REFERENCE_DATE_SOURCE_REQUEST"
    assert status.create_time.ToMilliseconds() == node["timestamp"]
    assert status.process_time.ToMilliseconds() == node["processedOn"]
    assert status.finish_time.ToMilliseconds() == node["finishedOn"]
    # The return value Node reads is exactly the ResumeAnalysis the gateway answers.
    contact = node["returnvalue"]["contact"]
    assert contact["emails"] and contact["emails"] == list(status.result.contact.emails)
    assert contact["name"] and contact["name"] == status.result.contact.name
    assert json_format.ParseDict(node["returnvalue"], resume_pb2.ResumeAnalysis()) == status.result


async def test_a_node_producers_future_as_of_fails_its_job_with_the_reason(
    stub: Any, bullmq_node: NodeCommand, file_server: tuple[str, Path]
) -> None:
    base, directory = file_server
    (directory / PDF_NAME).write_bytes(PDF)
    data = {"resumeId": unique("resume"), "candidateId": unique("candidate"), "organisationId": unique("org"),
            "fileUrl": f"{base}/{PDF_NAME}", "fileName": PDF_NAME, "asOf": "2999-01-01"}
    added = await bullmq_node("add", queue=QUEUE_NAME, name=JOB_NAME, data=data, opts={"attempts": 3})
    status = await wait_for_final_state(stub, added["id"], data["organisationId"])
    assert status.state == resume_pb2.JOB_STATE_FAILED
    assert status.attempts_made == 1  # a retry would answer the same
    assert "asOf 2999-01-01 is in the future" in status.failed_reason


async def test_gateway_job_reads_in_node(stub: Any, bullmq_node: NodeCommand, settings: Settings) -> None:
    request = submit_request(
        content=PDF, file_name=PDF_NAME, mime_type="application/pdf", request_id=unique("request"),
        job_description="Python engineer", required_skills=["Python", "Kubernetes"], as_of="2024-01-31",
        redact=True,
    )
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    node = await bullmq_node("job", queue=QUEUE_NAME, id=submitted.job_id)

    assert node["id"] == submitted.job_id and node["name"] == JOB_NAME
    assert node["data"] == {
        "resumeId": request.resume_id, "candidateId": request.candidate_id,
        "organisationId": request.organisation_id, "fileName": PDF_NAME,
        "mimeType": "application/pdf", "contentKey": f"upload:{submitted.job_id}",
        "requestId": request.request_id, "jobDescription": "Python engineer",
        "requiredSkills": ["Python", "Kubernetes"], "asOf": "2024-01-31", "redact": True,
    }
    expected = job_options(settings)
    assert {key: node["opts"].get(key) for key in expected} == expected
    assert expected["attempts"] == 3 and expected["backoff"] == {"type": "exponential", "delay": 200}
    assert node["state"] in {"waiting", "active", "completed"}

    status = await wait_for_final_state(stub, submitted.job_id, request.organisation_id)
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    node = await bullmq_node("job", queue=QUEUE_NAME, id=submitted.job_id)
    assert node["state"] == "completed"
    assert node["attemptsMade"] == status.attempts_made == 1
    assert json_format.ParseDict(node["returnvalue"], resume_pb2.ResumeAnalysis()) == status.result
    # The new fields as Node reads them: proto3 JSON names, months as numbers.
    assert node["returnvalue"]["referenceDate"] == "2024-01-31"
    used = {skill["name"]: (skill["monthsUsed"], skill["lastUsedYear"]) for skill in node["returnvalue"]["skills"]}
    assert used["Machine Learning"] == (8, 2024)  # the CTO role, June 2023 to "present"
    assert node["returnvalue"]["managementMonths"] == 8
    assert node["returnvalue"]["employmentGaps"][0] == {"start": "2019-09", "end": "2020-04", "months": 8}
    name = node["returnvalue"]["evidence"][0]
    assert (name["field"], name["page"], set(name["box"])) == ("contact.name", 1, {"left", "top", "right", "bottom"})
    assert 0 < name["confidence"] <= 1


async def test_node_worker_processes_jobs_python_enqueued(
    bullmq_node: NodeCommand, scratch_queue: Queue, settings: Settings
) -> None:
    by_url = resume_data(file_url="https://example.com/a.pdf").to_json()
    inline = resume_data(content_key="upload:x").to_json()
    jobs = [
        await scratch_queue.add(JOB_NAME, by_url, {**job_options(settings), "jobId": new_job_id()}),
        # Without a custom id: the queue's counter, "1", as Node's own ids.
        await scratch_queue.add(JOB_NAME, inline, job_options(settings)),
    ]
    worked = await bullmq_node("work", queue=scratch_queue.name, count=len(jobs))

    assert sorted(h["id"] for h in worked["handled"]) == sorted(job.id for job in jobs)
    assert {h["outcome"] for h in worked["handled"]} == {"completed"}
    for job in jobs:
        stored = await Job.fromId(scratch_queue, job.id)
        assert await scratch_queue.getJobState(job.id) == "completed"
        expected = {"processedBy": "node", "jobId": job.id, "name": JOB_NAME, "data": job.data}
        assert stored.returnvalue == expected
        assert stored.attemptsMade == 1 and stored.finishedOn >= stored.processedOn > 0


async def test_node_queue_events_see_our_worker(
    stub: Any, node_env: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    assert NODE is not None
    listener = ServiceProcess(
        [NODE, str(NODE_DIR / "bullmq_client.js"), "listen",
         json.dumps({"queue": QUEUE_NAME, "timeoutMs": int(NODE_TIMEOUT * 1000)})],
        tmp_path / "listener.log", node_env, cwd=NODE_DIR,
    )

    def events() -> list[dict[str, Any]]:
        """The events printed so far: a JSON object a line, the line being written left out."""
        return [json.loads(line) for line in listener.log().splitlines(keepends=True)
                if line.startswith("{") and line.endswith("\n")]

    try:
        await listener.wait_until(lambda: events()[:1] == [{"event": "ready"}], timeout=NODE_TIMEOUT)
        good_request = submit_request(content=PDF, file_name=PDF_NAME)
        bad_request = submit_request(content=CORRUPT_PDF, file_name="corrupt.pdf")
        good, bad = await asyncio.gather(submit(stub, good_request), submit(stub, bad_request))
        assert good.state == resume_pb2.JOB_STATE_COMPLETED, good.failed_reason
        assert bad.state == resume_pb2.JOB_STATE_FAILED

        def seen() -> set[tuple[str, str]]:
            return {(event.get("jobId", ""), event["event"]) for event in events()}

        await listener.wait_until(lambda: {(good.job_id, "completed"), (bad.job_id, "failed")} <= seen(), timeout=10)
    finally:
        listener.stop(timeout=10)

    of_good = [event for event in events() if event.get("jobId") == good.job_id]
    names = [event["event"] for event in of_good]
    assert "active" in names and names[-1] == "completed", names
    progress = [event["data"] for event in of_good if event["event"] == "progress"]
    assert progress and progress == sorted(set(progress)) and progress[-1] == 100, progress
    assert json_format.ParseDict(of_good[-1]["returnvalue"], resume_pb2.ResumeAnalysis()) == good.result

    of_bad = [event for event in events() if event.get("jobId") == bad.job_id]
    failed = [event for event in of_bad if event["event"] == "failed"]
    assert len(failed) == 1 and "completed" not in {event["event"] for event in of_bad}
    assert failed[0]["failedReason"] == bad.failed_reason != ""


async def test_node_grpc_client(stub: Any, grpc_node: NodeCommand) -> None:
    ids = {"resumeId": unique("resume"), "candidateId": unique("candidate"), "organisationId": unique("org")}
    answer = await grpc_node(
        "submit-and-wait", file=str(FIXTURES / PDF_NAME), fileName=PDF_NAME,
        mimeType="application/pdf", **ids,
    )
    submitted, status = answer["submitted"], answer["status"]
    assert submitted["jobId"].startswith("resume-") and submitted["duplicate"] is False
    assert submitted["state"] == "JOB_STATE_WAITING"
    assert status["state"] == "JOB_STATE_COMPLETED", status["failedReason"]
    assert status["progress"] == 100 and status["maxAttempts"] == 3
    assert status["metadata"]["resumeId"] == ids["resumeId"]
    assert status["result"]["contact"]["name"]

    ours = await stub.GetJobStatus(
        resume_pb2.GetJobStatusRequest(job_id=submitted["jobId"], organisation_id=ids["organisationId"]),
        timeout=RPC_TIMEOUT,
    )
    # What Node decoded, encoded again by Node, is the answer a Python client gets.
    assert resume_pb2.GetJobStatusResponse.FromString(base64.b64decode(answer["statusBytes"])) == ours
    assert status["result"]["contact"]["name"] == ours.result.contact.name
    assert status["result"]["contact"]["emails"] == list(ours.result.contact.emails)
    assert status["createTime"] == {"seconds": str(ours.create_time.seconds), "nanos": ours.create_time.nanos}

    health = await grpc_node("health", check="HEALTH_CHECK_FULL")
    assert health["status"] == "HEALTH_STATUS_HEALTHY", health["message"]
    assert health["redis"]["queue"]["connected"] and health["redis"]["cache"]["connected"]
    assert health["queue"]["name"] == QUEUE_NAME and int(health["queue"]["completed"]) >= 1

    checked = await grpc_node("check", services=["", "resume.v1.GatewayService", "no.such.Service"])
    assert [(r["service"], r.get("status") or r["code"]) for r in checked["results"]] == [
        ("", "SERVING"),
        ("resume.v1.GatewayService", "SERVING"),
        # NOT_FOUND, as grpc.health.v1 specifies for an unknown service.
        ("no.such.Service", grpc.StatusCode.NOT_FOUND.value[0]),
    ]


async def test_node_lists_our_worker(bullmq_node: NodeCommand, worker: Any) -> None:
    queue_b64 = base64.b64encode(QUEUE_NAME.encode()).decode()
    expected = f"bull:{queue_b64}:w:{socket.gethostname()}-{worker.pid}"
    # The worker process may still be starting.
    deadline = asyncio.get_running_loop().time() + 20
    while True:
        workers = (await bullmq_node("workers", queue=QUEUE_NAME))["workers"]
        rawnames = [entry["rawname"] for entry in workers]
        if expected in rawnames or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.2)
    assert expected in rawnames, f"Node lists {rawnames}"
    assert rawnames.count(expected) == 1, f"one worker listed {rawnames.count(expected)} times"
    assert all(entry["name"] == QUEUE_NAME for entry in workers)


async def test_node_accepts_our_job_ids(stub: Any, bullmq_node: NodeCommand, scratch_queue: Queue) -> None:
    plain = submit_request(content=PDF)
    keyed = submit_request(content=PDF, request_id=unique("request"))
    statuses = await asyncio.gather(submit(stub, plain), submit(stub, keyed))
    ours = [status.job_id for status in statuses]
    ours += [new_job_id(), idempotent_job_id("org", "request")]
    refused = ["42", f"{ours[0]}:1"]
    added = await bullmq_node("add-ids", queue=scratch_queue.name, ids=ours + refused)

    results = added["results"]
    assert [r for r in results[: len(ours)] if not r["ok"]] == []
    assert [r["storedId"] for r in results[: len(ours)]] == ours
    # Ids Node refuses are refused here too: passing above means something.
    assert [r["ok"] for r in results[len(ours):]] == [False, False]


def failure_shape(view: dict[str, Any]) -> dict[str, Any]:
    return {
        **{key: type(value).__name__ for key, value in view.items()},
        "stacktrace": [type(entry).__name__ for entry in view["stacktrace"]],
    }


async def test_our_failures_read_in_node_as_node_failures(
    stub: Any, bullmq_node: NodeCommand, scratch_queue: Queue, settings: Settings
) -> None:
    status = await submit(stub, submit_request(content=CORRUPT_PDF))
    assert status.state == resume_pb2.JOB_STATE_FAILED and status.failed_reason
    ours = await bullmq_node("job", queue=QUEUE_NAME, id=status.job_id)

    # The same permanent failure by a Node worker.
    data, opts = resume_data().to_json(), job_options(settings)
    added = await bullmq_node("add", queue=scratch_queue.name, name=JOB_NAME, data=data, opts=opts)
    await bullmq_node(
        "work", queue=scratch_queue.name, count=1, behaviour="unrecoverable", message=status.failed_reason
    )
    theirs = await bullmq_node("job", queue=scratch_queue.name, id=added["id"])

    assert ours["state"] == theirs["state"] == "failed"
    assert ours["failedReason"] == theirs["failedReason"] == status.failed_reason
    assert ours["attemptsMade"] == theirs["attemptsMade"] == status.attempts_made == 1
    assert failure_shape(ours) == failure_shape(theirs)
    assert len(ours["stacktrace"]) == len(theirs["stacktrace"]) == 1
    assert status.failed_reason in ours["stacktrace"][0]


class PythonWorker:
    """A PyPI bullmq Worker on a scratch queue that handles one job, then stops."""

    def __init__(self, settings: Settings, queue_name: str, fail: bool) -> None:
        self.client = connect_queue(settings)
        self.closing: asyncio.Future[None] | None = None
        self.stopped = asyncio.Event()

        async def process(job: Job, token: str) -> Any:
            if fail:
                raise Exception("failed by the Python worker")
            return {"processedBy": "python", "jobId": job.id}

        self.worker = Worker(queue_name, process, {"connection": self.client, "autorun": False})
        # Stop at once: the retry is due 200 ms later and belongs to the other side.
        self.worker.on("failed", lambda *_: self.stop())
        self.worker.on("completed", lambda *_: self.stop())

    def stop(self, force: bool = False) -> None:
        if self.closing is None:
            self.stopped.set()
            self.closing = asyncio.ensure_future(self.worker.close(force=force))

    async def handle_one(self) -> None:
        await self.worker.blockingRedisConnection.getRedisVersion()
        running = asyncio.create_task(self.worker.run())
        try:
            await asyncio.wait_for(self.stopped.wait(), NODE_TIMEOUT)
        finally:
            self.stop(force=True)
            assert self.closing is not None
            await self.closing
            await running
            await self.client.aclose()


@pytest.mark.parametrize("first", ["python", "node"])
async def test_a_retry_crosses_sides(
    first: str, bullmq_node: NodeCommand, scratch_queue: Queue, settings: Settings
) -> None:
    job = await scratch_queue.add(
        JOB_NAME, resume_data().to_json(),
        {"attempts": 2, "backoff": {"type": "fixed", "delay": 200}, "jobId": new_job_id()},
    )
    if first == "python":
        await PythonWorker(settings, scratch_queue.name, fail=True).handle_one()
        assert await scratch_queue.getJobState(job.id) == "delayed"
        worked = await bullmq_node("work", queue=scratch_queue.name, count=1)
        assert worked["handled"][0]["outcome"] == "completed"
        reason = "failed by the Python worker"
        result = {"processedBy": "node", "jobId": job.id, "name": JOB_NAME, "data": job.data}
    else:
        worked = await bullmq_node("work", queue=scratch_queue.name, count=1, behaviour="fail")
        assert worked["handled"][0]["outcome"] == "failed"
        assert await scratch_queue.getJobState(job.id) == "delayed"
        await PythonWorker(settings, scratch_queue.name, fail=False).handle_one()
        reason = "failed by the Node worker"
        result = {"processedBy": "python", "jobId": job.id}

    node = await bullmq_node("job", queue=scratch_queue.name, id=job.id)
    stored = await Job.fromId(scratch_queue, job.id)
    assert node["state"] == await scratch_queue.getJobState(job.id) == "completed"
    assert node["attemptsMade"] == stored.attemptsMade == 2
    assert node["returnvalue"] == stored.returnvalue == result
    # Both keep the first attempt's failure after the job completed.
    assert node["failedReason"] == stored.failedReason == reason
    assert node["stacktrace"] == stored.stacktrace and len(node["stacktrace"]) == 1
    assert reason in node["stacktrace"][0]
