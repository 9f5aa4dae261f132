"""SubmitResumes: a batch answered item by item, its jobs behind single submissions."""

from __future__ import annotations

import asyncio
from pathlib import Path

import grpc
import pytest
from bullmq import Queue

from common.config import Settings
from common.jobs import QUEUE_NAME
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_queue
from gateway_service.validation import MAX_BATCH_ITEMS
from tests.helpers.processes import start_worker
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, isolated_stack, submit_request, unique, wait_for_final_state

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()


@pytest.mark.usefixtures("worker")
async def test_each_item_of_a_batch_is_answered_for_itself(stub: resume_pb2_grpc.GatewayServiceStub) -> None:
    organisation = unique("org")
    items = [
        submit_request(content=PDF, organisation_id=organisation),
        submit_request(content=PDF, organisation_id=organisation, resume_id="not an id"),
        submit_request(content=PDF, organisation_id=organisation, request_id=unique("request")),
    ]
    batch = resume_pb2.SubmitResumesRequest(items=items)
    answer = await stub.SubmitResumes(batch, timeout=RPC_TIMEOUT)
    first, refused, third = answer.results
    assert refused.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert [violation.field for violation in refused.error.field_violations] == ["resume_id"]
    assert "resume_id" in refused.error.message
    for result in (first, third):
        status = await wait_for_final_state(stub, result.submitted.job_id, organisation)
        assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
        assert "john.doe@email.com" in status.result.contact.emails
    # Sent again after a lost answer: the item with a request_id finds its job.
    again = await stub.SubmitResumes(batch, timeout=RPC_TIMEOUT)
    assert again.results[2].submitted.job_id == third.submitted.job_id and again.results[2].submitted.duplicate
    assert not again.results[0].submitted.duplicate


@pytest.mark.parametrize("size", [0, MAX_BATCH_ITEMS + 1])
async def test_a_batch_of_no_items_or_too_many_is_refused(stub: resume_pb2_grpc.GatewayServiceStub, size: int) -> None:
    batch = resume_pb2.SubmitResumesRequest(items=[submit_request(file_url="https://example.com/cv.pdf")] * size)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await stub.SubmitResumes(batch, timeout=RPC_TIMEOUT)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert f"1 to {MAX_BATCH_ITEMS} items, not {size}" in (refused.value.details() or "")


async def test_a_batch_waits_behind_single_submissions(tmp_path: Path) -> None:
    organisation = unique("org")
    async with isolated_stack(tmp_path, WORKER_CONCURRENCY="1") as stack:
        batch = resume_pb2.SubmitResumesRequest(
            items=[submit_request(content=PDF, organisation_id=organisation) for _ in range(2)]
        )
        batched = [result.submitted for result in (await stack.stub.SubmitResumes(batch, timeout=RPC_TIMEOUT)).results]
        single = await stack.stub.SubmitResume(submit_request(content=PDF, organisation_id=organisation),
                                               timeout=RPC_TIMEOUT)
        assert {job.state for job in batched} == {resume_pb2.JOB_STATE_PRIORITIZED}
        assert single.state == resume_pb2.JOB_STATE_WAITING
        held = [await stack.stub.GetJobStatus(resume_pb2.GetJobStatusRequest(
            job_id=job.job_id, organisation_id=organisation), timeout=RPC_TIMEOUT) for job in batched]
        assert {status.state for status in held} == {resume_pb2.JOB_STATE_PRIORITIZED}, "as Redis holds them"
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            statuses = [await wait_for_final_state(stack.stub, job.job_id, organisation)
                        for job in (single, *batched)]
        finally:
            assert worker.stop() == 0, worker.log()
    assert {status.state for status in statuses} == {resume_pb2.JOB_STATE_COMPLETED}
    single_started, *batch_started = (status.process_time.ToMilliseconds() for status in statuses)
    assert single_started < min(batch_started), "the single submission ran after the batch"


async def test_two_organisations_batches_take_turns(tmp_path: Path) -> None:
    organisations = [unique("org"), unique("org")]
    async with isolated_stack(tmp_path, WORKER_CONCURRENCY="1") as stack:
        owners = {}
        for organisation in organisations:  # the second batch arrives after the whole first one
            batch = resume_pb2.SubmitResumesRequest(
                items=[submit_request(content=PDF, organisation_id=organisation) for _ in range(4)]
            )
            for result in (await stack.stub.SubmitResumes(batch, timeout=RPC_TIMEOUT)).results:
                owners[result.submitted.job_id] = organisation
        queue_client = connect_queue(Settings.from_env(stack.env))
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            statuses = {job_id: await wait_for_final_state(stack.stub, job_id, organisation)
                        for job_id, organisation in owners.items()}
            # Each job's end is counted just after it is recorded.
            async with asyncio.timeout(10):
                while unfinished := [await queue_client.get(f"batch-unfinished:{organisation}")
                                     for organisation in organisations]:
                    if unfinished == ["0", "0"]:
                        break
                    await asyncio.sleep(0.05)
        finally:
            assert worker.stop() == 0, worker.log()
            await queue_client.aclose()
    started = {job_id: status.process_time.ToMilliseconds() for job_id, status in statuses.items()}
    order = [owners[job_id] for job_id in sorted(started, key=started.__getitem__)]
    assert order[:4].count(organisations[1]) == 2, f"the second organisation waited for the first: {order}"


async def test_a_500_item_batch_with_3_bad_items(tmp_path: Path) -> None:
    bad = {7: {"resume_id": "not an id"}, 250: {"organisation_id": ""}, 499: {"file_url": "ftp://files.example.com/cv.pdf"}}
    async with isolated_stack(tmp_path) as stack:
        items = [submit_request(**{"file_url": f"https://files.example.com/cv-{index}.pdf", **bad.get(index, {})})
                 for index in range(MAX_BATCH_ITEMS)]
        answer = await stack.stub.SubmitResumes(resume_pb2.SubmitResumesRequest(items=items), timeout=RPC_TIMEOUT)
        refused = {index for index, result in enumerate(answer.results) if result.HasField("error")}
        assert refused == set(bad)
        assert {answer.results[index].error.code for index in bad} == {grpc.StatusCode.INVALID_ARGUMENT.value[0]}
        counts = await stack.gateway._queue.counts()  # noqa: SLF001 - the queue as Redis holds it
    assert counts["prioritized"] == MAX_BATCH_ITEMS - len(bad)


async def test_a_single_submission_starts_first_behind_a_5000_resume_batch(tmp_path: Path) -> None:
    """One organisation's 5,000 resumes queued, another's single resume starts within one
    job's time on the same worker."""
    bulk, single_organisation = unique("org"), unique("org")
    async with isolated_stack(tmp_path, WORKER_CONCURRENCY="1") as stack:
        for start in range(0, 5000, MAX_BATCH_ITEMS):
            batch = resume_pb2.SubmitResumesRequest(items=[
                submit_request(file_url=f"https://files.example.com/cv-{index}.pdf", organisation_id=bulk)
                for index in range(start, start + MAX_BATCH_ITEMS)
            ])
            answer = await stack.stub.SubmitResumes(batch, timeout=60)
            assert not any(result.HasField("error") for result in answer.results)
        single = await stack.stub.SubmitResume(submit_request(content=PDF, organisation_id=single_organisation),
                                               timeout=RPC_TIMEOUT)
        worker = start_worker(stack.env, tmp_path / "worker.log")
        settings = Settings.from_env(stack.env)
        queue_client = connect_queue(settings)
        try:
            status = await wait_for_final_state(stack.stub, single.job_id, single_organisation)
            queue = Queue(QUEUE_NAME, {"connection": queue_client, "prefix": settings.queue_prefix})
            # Every job that left the prioritized set: the batch's that the worker has taken.
            taken = await queue.getJobs(["active", "completed", "failed", "delayed", "wait"], 0, -1)
        finally:
            assert worker.stop() == 0, worker.log()
            await queue_client.aclose()
    assert status.state == resume_pb2.JOB_STATE_COMPLETED
    single_started = status.process_time.ToMilliseconds()
    batch_started = [int(job.processedOn) for job in taken if job.id != single.job_id and job.processedOn]
    print(f"[fairness] 5000 batch jobs queued; the single job started first: {len(batch_started)} batch jobs "
          "taken by the time it was seen completed, all after it")
    assert all(started >= single_started for started in batch_started), "the single submission waited"
