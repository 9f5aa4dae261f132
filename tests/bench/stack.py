"""The stack under measurement: an embedded redis-server, and the gateway, workers and stub
gateways as processes of their own (so that their CPU and RSS are their own), configured as
the tests configure them (tests/helpers/support.py service_env)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
import uuid
from collections.abc import AsyncIterator, Callable
from functools import partial
from typing import Any

import grpc
from bullmq import Queue

from common.config import Settings
from common.devstack.embedded_redis import RedisServer, free_port
from common.jobs import QUEUE_NAME
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_queue
from tests.helpers.processes import ServiceProcess
from tests.helpers.support import service_env, wait_serving

from . import ROOT
from .files import MB, mime_of
from .procfs import CpuWindow, process_family

BENCH_DIR = ROOT / ".bench"


class Stack:
    def __init__(self) -> None:
        self.logs = BENCH_DIR / "logs"

    async def start(self) -> None:
        self.logs.mkdir(parents=True, exist_ok=True)
        self.redis = RedisServer(BENCH_DIR / "redis")
        self.redis.start()
        self.grpc_port = free_port()
        self.env = service_env(
            self.redis.port,
            GRPC_PORT=str(self.grpc_port),
            # Every measured job must stay readable until its timestamps are read.
            KEEP_COMPLETED_COUNT="100000",
            WORKER_HEARTBEAT_FILE=str(self.logs / "worker.heartbeat"),
        )
        self.settings = Settings.from_env(self.env)
        self.queue_client = connect_queue(self.settings)
        self.blob_client = connect_queue(self.settings, decode_responses=False)
        self.queue = Queue(QUEUE_NAME, {"connection": self.queue_client})
        self.gateways: list[ServiceProcess] = []
        self.workers: list[ServiceProcess] = []

    async def stop(self) -> None:
        for service in [*self.workers, *self.gateways]:
            service.stop()
        await self.queue.close()
        await self.blob_client.aclose()
        self.redis.stop()

    async def start_gateway(self, processes: int = 1) -> ServiceProcess:
        gateway = ServiceProcess.python(
            "gateway_service", self.logs / f"gateway-{len(self.gateways)}.log",
            {**self.env, "GATEWAY_PROCESSES": str(processes)},
        )
        self.gateways.append(gateway)
        await gateway.wait_until(lambda: gateway.log().count("gateway listening") >= processes)
        await wait_serving(self.grpc_port)
        return gateway

    def stop_gateway(self, gateway: ServiceProcess) -> None:
        gateway.stop()
        self.gateways.remove(gateway)

    async def start_worker(self, **env: str) -> ServiceProcess:
        worker = ServiceProcess.python(
            "analysis_worker", self.logs / f"worker-{len(self.workers)}.log", {**self.env, **env}
        )
        self.workers.append(worker)
        await worker.wait_until(lambda: "worker started" in worker.log())
        return worker

    def stop_worker(self, worker: ServiceProcess) -> None:
        worker.stop()
        self.workers.remove(worker)

    @contextlib.asynccontextmanager
    async def stub_gateway(self, mode: str) -> AsyncIterator[tuple[int, ServiceProcess]]:
        """tests/bench/stub_gateway.py doing `mode` of the gateway's work, and its port."""
        port = free_port()
        stub = ServiceProcess(
            [sys.executable, "-m", "tests.bench.stub_gateway", str(port), mode], self.logs / f"stub-gateway-{mode}.log",
            self.env,
        )
        try:
            await stub.wait_until(lambda: "gateway listening" in stub.log())
            yield port, stub
        finally:
            stub.stop()

    async def flush_queue(self) -> None:
        await self.queue_client.flushdb()

    def channels(self, count: int, port: int | None = None) -> list[grpc.aio.Channel]:
        # A local subchannel pool gives each channel its own TCP connection (gRPC would
        # otherwise share one between channels of the same target), so that several
        # channels spread over CPUs and over SO_REUSEPORT listeners.
        limit = 32 * MB
        return [
            grpc.aio.insecure_channel(
                f"127.0.0.1:{port or self.grpc_port}",
                options=[
                    ("grpc.use_local_subchannel_pool", 1),
                    ("grpc.max_send_message_length", limit),
                    ("grpc.max_receive_message_length", limit),
                ],
            )
            for _ in range(count)
        ]

    def cpu_window(self, **extra: Callable[[], list[int]]) -> CpuWindow:
        groups: dict[str, Callable[[], list[int]]] = {
            "redis": lambda: [self.redis.process.pid],
            "bench": lambda: [os.getpid()],
        }
        for index, gateway in enumerate(self.gateways):
            groups[f"gateway{index}"] = partial(process_family, gateway.pid)
        for index, worker in enumerate(self.workers):
            groups[f"worker{index}"] = partial(process_family, worker.pid)
        groups.update(extra)
        return CpuWindow(groups)

    async def submit_files(
        self, files: list[tuple[str, bytes]], count: int, concurrency: int = 8
    ) -> list[str]:
        channels = self.channels(2)
        stubs = [resume_pb2_grpc.GatewayServiceStub(channel) for channel in channels]
        job_ids: list[str] = []
        pending = iter(range(count))

        async def caller(index: int) -> None:
            for n in pending:
                name, content = files[n % len(files)]
                answer = await stubs[index % 2].SubmitResume(
                    resume_pb2.SubmitResumeRequest(
                        resume_id=f"w{uuid.uuid4().hex[:12]}",
                        candidate_id="c",
                        organisation_id="bench",
                        file_name=name,
                        mime_type=mime_of(name),
                        content=content,
                    ),
                    timeout=30,
                )
                job_ids.append(answer.job_id)

        try:
            await asyncio.gather(*(caller(i) for i in range(concurrency)))
        finally:
            await asyncio.gather(*(channel.close() for channel in channels))
        return job_ids

    async def job_times(self, job_ids: list[str]) -> list[dict[str, Any]]:
        async with self.queue_client.pipeline(transaction=False) as pipe:
            for job_id in job_ids:
                pipe.hmget(
                    f"bull:{QUEUE_NAME}:{job_id}", "processedOn", "finishedOn", "timestamp", "failedReason"
                )
            answers = await pipe.execute()
        return [
            {
                "processed": int(a[0] or 0),
                "finished": int(a[1] or 0),
                "created": int(a[2] or 0),
                "failed_reason": a[3],
            }
            for a in answers
        ]

    async def wait_finished(self, job_ids: list[str], timeout: float) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            times = await self.job_times(job_ids)
            if all(t["finished"] for t in times):
                return times
            if time.monotonic() > deadline:
                done = sum(1 for t in times if t["finished"])
                raise TimeoutError(f"{done} of {len(job_ids)} jobs finished after {timeout} s")
            await asyncio.sleep(0.05)
