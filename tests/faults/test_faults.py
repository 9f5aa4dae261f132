"""Faults with real processes and a real Redis with AOF: no accepted job is lost.

Each test prints its figures: jobs submitted, completed, failed, lost, completed twice.
"""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from common.config import Settings
from common.devstack.embedded_redis import free_port
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.support import (
    FIXTURES,
    RPC_TIMEOUT,
    Stack,
    completion_times,
    isolated_stack,
    submit_request,
    wait_for_final_state,
)

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
ORGANISATION = "faults-org"
# Every write reaches the disk before Redis answers: a restart keeps every acknowledged job.
AOF = ("--appendonly", "yes", "--appendfsync", "always")
# Short locks so that stalled-job recovery happens within the test.
FAST_RECOVERY = {"WORKER_LOCK_DURATION_MS": "2000", "WORKER_STALLED_INTERVAL_MS": "1000"}


async def tally(stack: Stack, job_ids: list[str], capsys: pytest.CaptureFixture[str], name: str) -> None:
    finals = [await wait_for_final_state(stack.stub, job_id, ORGANISATION, timeout=90) for job_id in job_ids]
    completed = sum(status.state == resume_pb2.JOB_STATE_COMPLETED for status in finals)
    failed = sum(status.state == resume_pb2.JOB_STATE_FAILED for status in finals)
    times = await completion_times(Settings.from_env(stack.env), job_ids)
    twice = sum(len(completed) > 1 for completed in times.values())
    lost = len(job_ids) - completed - failed
    with capsys.disabled():
        print(
            f"\n[{name}] submitted={len(job_ids)} completed={completed} failed={failed} "
            f"lost={lost} completed_twice={twice}"
        )
    assert (completed, failed, lost, twice) == (len(job_ids), 0, 0, 0), [s.failed_reason for s in finals]


async def job_states(stub: resume_pb2_grpc.GatewayServiceStub, job_ids: list[str]) -> list[int]:
    return [
        (
            await stub.GetJobStatus(
                resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=ORGANISATION), timeout=RPC_TIMEOUT
            )
        ).state
        for job_id in job_ids
    ]


async def test_a_worker_killed_mid_job_loses_nothing(
    tmp_path: Path, file_server: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    base, directory = file_server
    (directory / "slow.pdf").write_bytes(PDF)
    async with isolated_stack(tmp_path, redis_args=AOF, **FAST_RECOVERY) as stack:
        doomed = start_worker({**stack.env, "WORKER_CONCURRENCY": "4"}, tmp_path / "doomed.log")
        # The file store answers after 2 s, so the jobs are mid-flight when the worker dies.
        request = {"file_url": f"{base}/slow.pdf?delay=2", "organisation_id": ORGANISATION}
        job_ids = [(await stack.stub.SubmitResume(submit_request(**request), timeout=RPC_TIMEOUT)).job_id
                   for _ in range(4)]
        async with asyncio.timeout(30):
            while (await job_states(stack.stub, job_ids)).count(resume_pb2.JOB_STATE_ACTIVE) < 4:
                await asyncio.sleep(0.05)
        doomed.stop(signal.SIGKILL)
        rescuer = start_worker(stack.env | FAST_RECOVERY, tmp_path / "rescuer.log")
        try:
            await tally(stack, job_ids, capsys, "worker SIGKILL mid-job")
        finally:
            assert rescuer.stop() == 0, rescuer.log()


async def test_redis_restart_under_load_loses_no_accepted_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with isolated_stack(tmp_path, redis_args=AOF) as stack:
        workers = [start_worker(stack.env, tmp_path / f"worker{i}.log") for i in range(2)]
        health = health_pb2_grpc.HealthStub(stack.channel)
        accepted: list[str] = []
        waits: list[float] = []
        seen_health: set[int] = set()
        stop = asyncio.Event()

        async def submit_stream() -> None:
            # The outage is shorter than the deadline: every submission is accepted, late.
            while not stop.is_set():
                started = time.monotonic()
                request = submit_request(content=PDF, organisation_id=ORGANISATION)
                accepted.append((await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id)
                waits.append(time.monotonic() - started)
                await asyncio.sleep(0.02)

        async def watch_health() -> None:
            while not stop.is_set():
                answer = await health.Check(health_pb2.HealthCheckRequest(service=""), timeout=RPC_TIMEOUT)
                seen_health.add(answer.status)
                await asyncio.sleep(0.05)

        tasks = [asyncio.create_task(submit_stream()), asyncio.create_task(watch_health())]
        await asyncio.sleep(1.5)
        stack.redis.stop()
        await asyncio.sleep(2)
        stack.redis.start()
        await asyncio.sleep(2)
        stop.set()
        await asyncio.gather(*tasks)
        try:
            await tally(stack, accepted, capsys, "redis restart under load")
        finally:
            for worker in workers:
                assert worker.stop() == 0, worker.log()
        with capsys.disabled():
            print(f"[redis restart under load] accepted={len(accepted)} slowest acceptance={max(waits):.2f}s")
        assert max(waits) > 1, "no submission met the outage"
        assert max(waits) < 5, "a submission waited far longer than the outage"
        assert {health_pb2.HealthCheckResponse.SERVING, health_pb2.HealthCheckResponse.NOT_SERVING} <= seen_health


async def test_sigterm_to_the_gateway_drains_then_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async with isolated_stack(tmp_path, redis_args=AOF) as stack:
        port = free_port()
        env = {**stack.env, "GRPC_PORT": str(port), "GATEWAY_DRAIN": "1", "GATEWAY_GRACE": "3"}
        gateway = ServiceProcess.python("gateway_service", tmp_path / "gateway.log", env)
        try:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                stub = resume_pb2_grpc.GatewayServiceStub(channel)
                health = health_pb2_grpc.HealthStub(channel)
                await channel.channel_ready()
                watch = health.Watch(health_pb2.HealthCheckRequest(service=""))
                statuses: list[int] = []

                async def follow() -> None:
                    try:
                        async for answer in watch:
                            statuses.append(answer.status)
                    except grpc.aio.AioRpcError:
                        pass

                follower = asyncio.create_task(follow())
                await gateway.wait_until(lambda: health_pb2.HealthCheckResponse.SERVING in statuses, timeout=10)

                async def submit() -> str | grpc.StatusCode:
                    try:
                        request = submit_request(content=PDF, organisation_id=ORGANISATION)
                        return (await stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
                    except grpc.aio.AioRpcError as error:
                        return error.code()

                calls = [asyncio.create_task(submit()) for _ in range(50)]
                await asyncio.sleep(0.01)
                gateway.send_signal(signal.SIGTERM)
                outcomes = await asyncio.gather(*calls)
                async with asyncio.timeout(5):
                    while health_pb2.HealthCheckResponse.NOT_SERVING not in statuses:
                        await asyncio.sleep(0.02)
                serving_while_draining = await submit()
                code = await asyncio.to_thread(gateway.wait, 30)
                await follower
                after_exit = await submit()
        finally:
            gateway.stop(signal.SIGKILL)  # killed only if the test failed before the gateway exited
        accepted = [outcome for outcome in outcomes if isinstance(outcome, str)]
        refused = [outcome for outcome in outcomes if not isinstance(outcome, str)]
        with capsys.disabled():
            print(f"\n[gateway SIGTERM] calls={len(outcomes)} accepted={len(accepted)} "
                  f"refused={len(refused)} exit_code={code} health={statuses}")
        assert code == 0, gateway.log()
        assert statuses[-1] == health_pb2.HealthCheckResponse.NOT_SERVING
        assert not refused, "calls in flight at SIGTERM were cut off"
        assert isinstance(serving_while_draining, str), "a call during the drain period was refused"
        assert after_exit == grpc.StatusCode.UNAVAILABLE
        accepted.append(serving_while_draining)
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            await tally(stack, accepted, capsys, "gateway SIGTERM")
        finally:
            assert worker.stop() == 0, worker.log()


async def test_a_worker_started_before_redis_waits_for_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    async with isolated_stack(tmp_path, redis_args=AOF) as stack:
        request = submit_request(content=PDF, organisation_id=ORGANISATION)
        job_id = (await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)).job_id
        stack.redis.stop()
        worker = start_worker(stack.env, tmp_path / "worker.log")
        await asyncio.sleep(3)
        assert worker.running(), worker.log()
        stack.redis.start()
        try:
            await tally(stack, [job_id], capsys, "worker started before Redis")
        finally:
            assert worker.stop() == 0, worker.log()
        assert "waiting for Redis" in worker.log()
