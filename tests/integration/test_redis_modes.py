"""Redis Sentinel and Redis Cluster, with real processes: a master killed under load,
and a cluster shared by the gateway, the worker, the cache and Node.js BullMQ.

Each test prints its figures.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from common.cache import Cache, resume_analysis_key
from common.config import Settings
from common.jobs import QUEUE_NAME, queue_key
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_cache, connect_queue
from gateway_service.server import Gateway
from tests.helpers.node_clients import needs_node, run_node
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.redis_topologies import ClusterDeployment, SentinelDeployment
from tests.helpers.support import (
    FIXTURES,
    RPC_TIMEOUT,
    completion_times,
    service_env,
    submit_request,
    wait_for_final_state,
)

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
ORGANISATION = "modes-org"
# Short locks: jobs of the lost master's workers are taken up again within the test.
FAST_RECOVERY = {"WORKER_LOCK_DURATION_MS": "2000", "WORKER_STALLED_INTERVAL_MS": "1000"}
SERVING = health_pb2.HealthCheckResponse.SERVING


GatewayOf = Callable[[dict[str, str]], Awaitable[tuple[Gateway, resume_pb2_grpc.GatewayServiceStub, grpc.aio.Channel]]]


@pytest.fixture
async def gateway_of() -> AsyncIterator[GatewayOf]:
    """Starts the gateway of an environment; stops it after the test."""
    started: list[tuple[Gateway, grpc.aio.Channel]] = []

    async def start(env: dict[str, str]) -> tuple[Gateway, resume_pb2_grpc.GatewayServiceStub, grpc.aio.Channel]:
        gateway = Gateway(Settings.from_env(env))
        await gateway.start()
        channel = grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}")
        started.append((gateway, channel))
        return gateway, resume_pb2_grpc.GatewayServiceStub(channel), channel

    yield start
    for gateway, channel in started:
        await channel.close()
        await gateway.stop()


async def final_or_lost(
    stub: resume_pb2_grpc.GatewayServiceStub, job_id: str
) -> resume_pb2.GetJobStatusResponse | None:
    """The job's final status, or None when Redis no longer knows it (lost)."""
    try:
        return await wait_for_final_state(stub, job_id, ORGANISATION, timeout=60)
    except grpc.aio.AioRpcError as error:
        if error.code() == grpc.StatusCode.NOT_FOUND:
            return None
        raise


@pytest.fixture
def sentinels(tmp_path: Path) -> Iterator[SentinelDeployment]:
    deployment = SentinelDeployment(tmp_path / "redis")
    deployment.start()
    yield deployment
    deployment.stop()
    # What the failover left for the garbage collector is collected here, under this test's
    # warning filters rather than the next test's.
    gc.collect()


# `sentinels` before `gateway_of`: the gateway stops first, as it would in production.
# redis-py may leave a connection to a sentinel that a submission opened during the failover
# to the garbage collector, which closes it with a ResourceWarning.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
# WAIT for every replica: the sentinels promote the replica they believe most up to date,
# which need not be one that confirmed a write when fewer did.
@pytest.mark.parametrize("wait_replicas", [0, 2], ids=["async-replication", "wait-all-replicas"])
async def test_master_killed_under_load_loses_no_acknowledged_job(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentinels: SentinelDeployment, gateway_of: GatewayOf,
    wait_replicas: int,
) -> None:
    deployment = sentinels
    env = service_env(
        deployment.master.port, **deployment.env(), **FAST_RECOVERY, REDIS_WAIT_REPLICAS=str(wait_replicas)
    )
    workers = [start_worker(env, tmp_path / f"worker{i}.log") for i in range(2)]
    try:
        gateway, stub, channel = await gateway_of(env)
        health = health_pb2_grpc.HealthStub(channel)
        acknowledged: list[tuple[float, str]] = []
        refused: list[str] = []
        stop = asyncio.Event()

        async def submit_stream() -> None:
            while not stop.is_set():
                request = submit_request(content=PDF, organisation_id=ORGANISATION)
                try:
                    # Longer than the failover and the resync of the replica that WAIT needs,
                    # also on a loaded machine.
                    answer = await stub.SubmitResume(request, timeout=20)
                    acknowledged.append((time.monotonic(), answer.job_id))
                except grpc.aio.AioRpcError as error:
                    assert error.code() == grpc.StatusCode.UNAVAILABLE, error
                    refused.append(error.details())
                await asyncio.sleep(0.01)

        streams = [asyncio.create_task(submit_stream()) for _ in range(3)]
        await asyncio.sleep(1.5)
        killed_at = time.monotonic()
        deployment.master.kill()
        await asyncio.to_thread(deployment.wait_for_promotion, deployment.master.port)
        promoted_at, promoted_ms = time.monotonic(), time.time() * 1000
        # As an orchestrator would, the dead server is started again; the sentinels make it
        # a replica of the new master, and WAIT has its two replicas again.
        deployment.master.start()
        await asyncio.sleep(2)
        stop.set()
        await asyncio.gather(*streams)

        job_ids = [job_id for _, job_id in acknowledged]
        async with asyncio.timeout(90):
            finals = [await final_or_lost(stub, job_id) for job_id in job_ids]
        completed = sum(s is not None and s.state == resume_pb2.JOB_STATE_COMPLETED for s in finals)
        failed = sum(s is not None and s.state == resume_pb2.JOB_STATE_FAILED for s in finals)
        lost = sum(s is None for s in finals)
        errors = [s.failed_reason for s in finals if s is not None and s.state == resume_pb2.JOB_STATE_FAILED]
        times = await completion_times(gateway.settings, job_ids)
        twice = sum(len(completed) > 1 for completed in times.values())
        first_after_promotion = min((at for completed in times.values() for at in completed if at > promoted_ms),
                                    default=0)
        workers_back = (first_after_promotion - promoted_ms) / 1000
        ack_times = sorted(at for at, _ in acknowledged)
        gap = max(later - earlier for earlier, later in zip(ack_times, ack_times[1:], strict=False))
        readiness = await health.Check(health_pb2.HealthCheckRequest(service="readiness"), timeout=RPC_TIMEOUT)
        report = await stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
        with capsys.disabled():
            print(
                f"\n[sentinel failover, REDIS_WAIT_REPLICAS={wait_replicas}] promotion={promoted_at - killed_at:.2f}s "
                f"longest_wait_for_an_ack={gap:.2f}s workers_back={workers_back:.2f}s after promotion "
                f"acknowledged={len(job_ids)} refused={len(refused)} completed={completed} failed={failed} "
                f"lost={lost} completed_twice={twice}"
            )
    finally:
        for worker in workers:
            assert worker.stop() == 0, worker.log()
    # BullMQ's own retry delay would keep them away 15 s; theirs is 1 s (WORKER_RECONNECT_DELAY_MS).
    # The bound leaves room for a loaded machine: how soon they come back is the printed figure.
    assert workers_back < 10, "the workers came back late after the promotion"
    if not wait_replicas:
        assert refused == [], "a submission was refused although its deadline outlasted the failover"
    if wait_replicas:
        # Refusals are allowed here: until the restarted server has rejoined as a replica,
        # no submission can be confirmed by every replica, and each waits for its deadline.
        # Without it, a master that dies (or is demoted) before passing writes on takes them along.
        assert (lost, failed) == (0, 0), f"an acknowledged job was lost or failed: {errors}"
    assert readiness.status == SERVING
    assert report.status == resume_pb2.HEALTH_STATUS_HEALTHY, report.message


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterDeployment]:
    deployment = ClusterDeployment(tmp_path_factory.mktemp("cluster"))
    deployment.start()
    yield deployment
    deployment.stop()


@pytest.fixture(scope="module")
def cluster_env(cluster: ClusterDeployment) -> dict[str, str]:
    return service_env(cluster.nodes[0].port, **cluster.env())


@pytest.fixture(scope="module")
def cluster_worker(cluster_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    worker = start_worker(cluster_env, tmp_path_factory.mktemp("cluster-worker") / "worker.log")
    yield worker
    assert worker.stop() == 0, worker.log()


async def test_cluster_runs_a_job_from_submission_to_cache_and_watch(
    cluster_env: dict[str, str], cluster_worker: ServiceProcess, gateway_of: GatewayOf
) -> None:
    gateway, stub, _ = await gateway_of(cluster_env)
    request = submit_request(content=PDF, organisation_id=ORGANISATION)
    answer = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    watched = [
        message.status.state
        async for message in stub.WatchJob(
            resume_pb2.WatchJobRequest(job_id=answer.job_id, organisation_id=ORGANISATION), timeout=60
        )
    ]
    assert watched[-1] == resume_pb2.JOB_STATE_COMPLETED, cluster_worker.log()

    settings = gateway.settings
    cache_client = connect_cache(settings)
    queue_client = connect_queue(settings)
    try:
        cached = await Cache(cache_client).get(resume_analysis_key(request.resume_id))
        assert cached["contact"]["name"] == "John Doe"
        # The worker's name on the job, as Node.js BullMQ writes it for dashboards.
        processed_by = await queue_client.hget(queue_key(settings.queue_prefix, answer.job_id), "pb")
        assert processed_by and str(cluster_worker.pid) in processed_by
    finally:
        await cache_client.aclose()
        await queue_client.aclose()
    report = await stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
    assert report.status == resume_pb2.HEALTH_STATUS_HEALTHY, report.message
    assert report.cache.keys > 0 and report.cache.memory_used_bytes > 0


async def test_cluster_cache_deletes_by_pattern_on_every_node(
    cluster: ClusterDeployment, cluster_env: dict[str, str]
) -> None:
    settings = Settings.from_env(cluster_env)
    client = connect_cache(settings)
    cache = Cache(client)
    try:
        keys = [f"user:pattern-{i}" for i in range(200)]
        for key in keys:
            await cache.set(key, {"id": key}, ttl=60)
        holders = {client.get_node_from_key(key).name for key in keys}
        assert len(holders) == len(cluster.nodes), "the keys should span every node"
        assert await cache.delete_pattern("user:pattern-*", batch=50) == len(keys)
        assert await client.exists(*keys) == 0
    finally:
        await client.aclose()


@needs_node
@pytest.mark.usefixtures("cluster_worker")
async def test_node_and_python_share_a_queue_on_the_cluster(cluster_env: dict[str, str], gateway_of: GatewayOf) -> None:
    _, stub, _ = await gateway_of(cluster_env)
    env = {**os.environ, **cluster_env}
    # Node enqueues, the Python worker runs it.
    data = {"resumeId": "node-r1", "candidateId": "c1", "organisationId": ORGANISATION,
            "fileUrl": "", "fileName": "r.pdf", "mimeType": "application/pdf"}
    added = await run_node("bullmq_client.js", "add", {"queue": QUEUE_NAME, "name": "analyze-resume",
                                                       "data": data, "opts": {"jobId": "node-job-1"}}, env)
    assert added["id"] == "node-job-1"
    status = await wait_for_final_state(stub, "node-job-1", ORGANISATION)
    # No file: the worker fails it with its reason, which is what proves it ran it.
    assert status.state == resume_pb2.JOB_STATE_FAILED and status.failed_reason
    # The gateway enqueues, Node reads the job.
    answer = await stub.SubmitResume(submit_request(content=PDF, organisation_id=ORGANISATION), timeout=RPC_TIMEOUT)
    await wait_for_final_state(stub, answer.job_id, ORGANISATION)
    seen = await run_node("bullmq_client.js", "job", {"queue": QUEUE_NAME, "id": answer.job_id}, env)
    assert seen["state"] == "completed" and seen["data"]["organisationId"] == ORGANISATION
    assert seen["returnvalue"]["contact"]["name"] == "John Doe"


def test_cluster_mode_refuses_a_prefix_without_hash_tag() -> None:
    with pytest.raises(ValueError, match=r"QUEUE_PREFIX=\{bull\}"):
        Settings.from_env({"REDIS_MODE": "cluster", "REDIS_CLUSTER_NODES": "127.0.0.1:7000"})
    with pytest.raises(ValueError, match="REDIS_SENTINELS"):
        Settings.from_env({"REDIS_MODE": "sentinel"})
    with pytest.raises(ValueError, match="REDIS_MODE='replicated' is not one of"):
        Settings.from_env({"REDIS_MODE": "replicated"})
    assert Settings.from_env({"REDIS_MODE": "cluster", "QUEUE_PREFIX": "{jobs}"}).queue_prefix == "{jobs}"
