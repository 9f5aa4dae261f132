"""Health: the detailed RPC, grpc.health.v1 following Redis, reflection, and Redis outages."""

import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from common.proto.resume.v1 import resume_pb2
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, isolated_stack, submit_request, wait_for_status

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
SERVICE = "resume.v1.GatewayService"


async def test_full_health_report(stub) -> None:
    report = await stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
    assert report.status == resume_pb2.HEALTH_STATUS_HEALTHY, report.message
    assert report.redis.cache.connected and report.redis.queue.connected
    assert 0 < report.redis.cache.latency_ms < 1000
    assert report.queue.name == "resume-analysis"
    assert report.queue.total == sum(
        (report.queue.waiting, report.queue.active, report.queue.completed,
         report.queue.failed, report.queue.delayed, report.queue.prioritized)
    )
    assert report.cache.memory_used_bytes > 0
    assert report.check_time.seconds > 0


async def test_a_single_check_reports_only_its_part(stub) -> None:
    report = await stub.Health(resume_pb2.HealthRequest(check=resume_pb2.HEALTH_CHECK_QUEUE), timeout=RPC_TIMEOUT)
    assert report.HasField("queue")
    assert not report.HasField("redis") and not report.HasField("cache")


async def test_reflection_lists_the_services(channel) -> None:
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    request = reflection_pb2.ServerReflectionRequest(list_services="")
    async for response in stub.ServerReflectionInfo(iter([request]), timeout=RPC_TIMEOUT):
        names = {service.name for service in response.list_services_response.service}
        break
    assert {SERVICE, "grpc.health.v1.Health"} <= names


async def test_grpc_health_follows_redis_and_rpcs_fail_fast_while_it_is_down(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path) as stack:
        health_stub = health_pb2_grpc.HealthStub(stack.channel)
        for service in ("", SERVICE):
            await wait_for_status(health_stub, service, SERVING)

        stack.redis.stop()
        for service in ("", SERVICE):
            await wait_for_status(health_stub, service, NOT_SERVING)
        started = time.monotonic()
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await stack.stub.GetJobStatus(
                resume_pb2.GetJobStatusRequest(job_id="resume-1", organisation_id="o1"), timeout=RPC_TIMEOUT
            )
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        assert "Redis" in caught.value.details()
        assert time.monotonic() - started < 3, "an RPC hung while Redis was down"
        # A submission is retried as long as its caller waits (a failover takes seconds),
        # and refused with UNAVAILABLE, not a bare deadline, when that time is up.
        started = time.monotonic()
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            content = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
            await stack.stub.SubmitResume(submit_request(content=content), timeout=1.5)
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE, caught.value
        assert "Redis" in caught.value.details()
        assert 1.0 < time.monotonic() - started < 3
        report = await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
        assert report.status == resume_pb2.HEALTH_STATUS_UNHEALTHY
        assert not report.redis.cache.connected and report.redis.cache.error

        stack.redis.start()  # same port, nothing else restarted
        for service in ("", SERVICE):
            await wait_for_status(health_stub, service, SERVING)
        report = await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
        assert report.status == resume_pb2.HEALTH_STATUS_HEALTHY, report.message
