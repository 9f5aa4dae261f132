"""What REDIS_WAIT_REPLICAS costs a submission.

    .venv/bin/python -m tests.bench.wait_replicas [--calls N] [--callers C]

Starts a redis-server master and one replica on loopback, and the gateway in this
process, once with REDIS_WAIT_REPLICAS=0 and once with 1. Prints SubmitResume's latency
(median and p99, in milliseconds) with one caller, and the rate with C callers, for an
inline one-page PDF (the file and the job are each confirmed on the replica).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

import grpc

from common.config import Settings
from common.devstack.embedded_redis import RedisServer
from common.proto.resume.v1 import resume_pb2_grpc
from gateway_service.server import Gateway
from tests.helpers.support import FIXTURES, service_env, submit_request

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()


async def measure(port: int, wait_replicas: int, calls: int, callers: int) -> dict[str, float]:
    gateway = Gateway(Settings.from_env(service_env(port, REDIS_WAIT_REPLICAS=str(wait_replicas))))
    await gateway.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
            stub = resume_pb2_grpc.GatewayServiceStub(channel)
            latencies = []
            for _ in range(calls):
                started = time.perf_counter()
                await stub.SubmitResume(submit_request(content=PDF), timeout=10)
                latencies.append(time.perf_counter() - started)

            async def caller() -> None:
                for _ in range(calls // callers):
                    await stub.SubmitResume(submit_request(content=PDF), timeout=10)

            started = time.perf_counter()
            await asyncio.gather(*(caller() for _ in range(callers)))
            rate = (calls // callers) * callers / (time.perf_counter() - started)
    finally:
        await gateway.stop()
    latencies.sort()
    return {
        "median_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "rate": rate,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    parser.add_argument("--callers", type=int, default=16)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        master = RedisServer(Path(directory) / "master")
        replica = RedisServer(
            Path(directory) / "replica", extra_args=("--replicaof", "127.0.0.1", str(master.port))
        )
        master.start()
        replica.start()
        try:
            print(f"SubmitResume, inline {len(PDF) // 1024} KiB PDF, master and one replica on loopback")
            header = f"{'REDIS_WAIT_REPLICAS':>20} | {'median ms':>9} | {'p99 ms':>7} | calls/s"
            print(f"{header} with {args.callers} callers")
            for wait in (0, 1):
                row = await measure(master.port, wait, args.calls, args.callers)
                print(f"{wait:>20} | {row['median_ms']:>9.2f} | {row['p99_ms']:>7.2f} | {row['rate']:.0f}")
        finally:
            replica.stop()
            master.stop()


if __name__ == "__main__":
    asyncio.run(main())
