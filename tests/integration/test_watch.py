"""WatchJob: a stream of state and progress changes, driven by BullMQ's event stream."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import grpc
import pytest

from common.proto.resume.v1 import resume_pb2
from tests.helpers.processes import start_worker
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, isolated_stack, submit_request, unique

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
AOF = ("--appendonly", "yes", "--appendfsync", "always")


def watch_request(job_id: str, organisation_id: str) -> resume_pb2.WatchJobRequest:
    return resume_pb2.WatchJobRequest(job_id=job_id, organisation_id=organisation_id)


async def collect(call) -> list[resume_pb2.WatchJobResponse]:
    """The rest of the stream (read() rather than iteration, which gRPC forbids mixing)."""
    messages = []
    while (message := await call.read()) != grpc.aio.EOF:
        messages.append(message)
    return messages


@pytest.mark.usefixtures("worker")
async def test_a_job_is_followed_from_submission_to_its_result(stub) -> None:
    request = submit_request(content=PDF)
    job_id = (await stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
    messages = await collect(stub.WatchJob(watch_request(job_id, request.organisation_id), timeout=30))

    assert messages[0].event == "snapshot"
    final = messages[-1].status
    assert final.state == resume_pb2.JOB_STATE_COMPLETED and final.progress == 100
    assert "john.doe@email.com" in final.result.contact.emails
    progress = [m.status.progress for m in messages]
    assert progress == sorted(progress), "progress went backwards"
    # Seen as it happened, not only at the end (unless the job was done before the watch began):
    # the snapshot, then what its events showed. A message shows the job as read after its
    # event, so the progress event of 100 may already find it completed, and a snapshot read
    # after that event leaves only the completion to send.
    if messages[0].status.state != resume_pb2.JOB_STATE_COMPLETED:
        assert len(messages) >= 2 and messages[-1].event in {"progress", "completed"}


async def test_a_finished_job_answers_once_and_ends(stub) -> None:
    request = submit_request(content=PDF[:1000])
    job_id = (await stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
    async with asyncio.timeout(30):
        while True:
            messages = await collect(stub.WatchJob(watch_request(job_id, request.organisation_id), timeout=30))
            if messages[-1].status.state == resume_pb2.JOB_STATE_FAILED:
                break
    assert messages[-1].status.failed_reason


@pytest.mark.parametrize("foreign", [True, False])
async def test_another_organisations_or_unknown_job_is_not_found(stub, foreign: bool) -> None:
    request = submit_request(content=PDF)
    job_id = (await stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id if foreign else unique("resume")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await collect(stub.WatchJob(watch_request(job_id, unique("org")), timeout=RPC_TIMEOUT))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_deadline_and_cancellation_end_the_watch(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path) as stack:  # no worker: the job stays waiting
        request = submit_request(content=PDF, organisation_id="watch-org")
        job_id = (await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
        started = time.monotonic()
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await collect(stack.stub.WatchJob(watch_request(job_id, "watch-org"), timeout=1))
        assert caught.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        assert time.monotonic() - started < 3

        call = stack.stub.WatchJob(watch_request(job_id, "watch-org"))
        first = await call.read()
        assert first.status.state == resume_pb2.JOB_STATE_WAITING
        call.cancel()
        async with asyncio.timeout(5):
            while stack.gateway.watched_jobs():
                await asyncio.sleep(0.05)


async def test_the_final_event_survives_a_redis_restart(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path, redis_args=AOF) as stack:
        request = submit_request(content=PDF, organisation_id="watch-org")
        job_id = (await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
        call = stack.stub.WatchJob(watch_request(job_id, "watch-org"), timeout=60)
        assert (await call.read()).status.state == resume_pb2.JOB_STATE_WAITING

        stack.redis.stop()
        await asyncio.sleep(1.5)
        stack.redis.start()
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            rest = await collect(call)
        finally:
            assert worker.stop() == 0, worker.log()
        assert rest[-1].status.state == resume_pb2.JOB_STATE_COMPLETED
        assert rest[-1].status.result.contact.name == "John Doe"
