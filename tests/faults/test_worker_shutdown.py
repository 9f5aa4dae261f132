"""SIGTERM and SIGINT: a worker stops taking jobs, finishes running ones, exits 0, loses nothing."""

import asyncio
import signal
import time
from pathlib import Path

import pytest

from common.proto.resume.v1 import resume_pb2
from tests.helpers.processes import start_worker
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, isolated_stack, submit_request, wait_for_final_state

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
ORGANISATION = "shutdown-org"


async def test_idle_worker_exits_0_on_sigint(env: dict[str, str], tmp_path: Path) -> None:
    worker = start_worker(env, tmp_path / "worker.log")
    await asyncio.sleep(3)  # started and blocked waiting for jobs
    worker.send_signal(signal.SIGINT)
    started = time.monotonic()
    assert worker.stop() == 0, worker.log()
    assert time.monotonic() - started < 5
    assert '"worker stopped"' in worker.log()


async def states(stub, job_ids: list[str]) -> list[int]:
    return [
        (await stub.GetJobStatus(
            resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=ORGANISATION), timeout=RPC_TIMEOUT
        )).state
        for job_id in job_ids
    ]


async def test_busy_worker_finishes_running_jobs_then_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with isolated_stack(tmp_path) as stack:
        first = start_worker({**stack.env, "WORKER_CONCURRENCY": "2"}, tmp_path / "first.log")
        job_ids = [
            (await stack.stub.SubmitResume(
                submit_request(content=PDF, organisation_id=ORGANISATION), timeout=RPC_TIMEOUT
            )).job_id
            for _ in range(12)
        ]
        async with asyncio.timeout(30):
            while resume_pb2.JOB_STATE_ACTIVE not in await states(stack.stub, job_ids):
                await asyncio.sleep(0.02)
        stopping = time.monotonic()
        exit_code = first.stop(timeout=30)
        stop_seconds = time.monotonic() - stopping
        assert exit_code == 0, first.log()

        after_stop = await states(stack.stub, job_ids)
        assert resume_pb2.JOB_STATE_ACTIVE not in after_stop, "a running job was abandoned"
        assert resume_pb2.JOB_STATE_FAILED not in after_stop
        assert resume_pb2.JOB_STATE_WAITING in after_stop, "the worker kept taking jobs after SIGTERM"

        second = start_worker(stack.env, tmp_path / "second.log")
        try:
            finals = [await wait_for_final_state(stack.stub, job_id, ORGANISATION) for job_id in job_ids]
        finally:
            assert second.stop() == 0, second.log()
        completed = sum(status.state == resume_pb2.JOB_STATE_COMPLETED for status in finals)
        finished_before_exit = after_stop.count(resume_pb2.JOB_STATE_COMPLETED)
        with capsys.disabled():
            print(
                f"\n[worker SIGTERM during jobs] submitted={len(job_ids)} finished_before_exit={finished_before_exit} "
                f"left_waiting={after_stop.count(resume_pb2.JOB_STATE_WAITING)} exit_code={exit_code} "
                f"stop_time={stop_seconds:.2f}s completed={completed} lost={len(job_ids) - completed}"
            )
        assert completed == len(job_ids), [status.failed_reason for status in finals]
