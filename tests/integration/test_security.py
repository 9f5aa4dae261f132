"""Security: tokens, organisation isolation, rate limits, TLS to the gateway and to Redis."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import grpc
import pytest
import redis.asyncio as redis
from grpc_health.v1 import health_pb2, health_pb2_grpc

from common.config import Settings
from common.devstack.embedded_redis import server_binary
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.tokens import TokenStore
from gateway_service.server import Gateway
from tests.helpers.certificates import Authority, create_authority
from tests.helpers.processes import start_worker
from tests.helpers.support import (
    FIXTURES,
    RPC_TIMEOUT,
    isolated_stack,
    retry_delay,
    submit_request,
    wait_for_final_state,
)
from tests.helpers.tokens import bearer, new_token

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
SECURED = {"AUTH_REQUIRED": "true"}
# CI sets it: there a redis-server without TLS fails the TLS test instead of skipping it.
TLS_OPTIONAL = os.environ.get("REQUIRE_REDIS_TLS") != "1"


async def code_of(call: object) -> grpc.StatusCode:
    try:
        await call  # type: ignore[misc]
    except grpc.aio.AioRpcError as error:
        return error.code()
    return grpc.StatusCode.OK


async def test_tokens_missing_wrong_expired_revoked_and_rotated(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path, **SECURED) as stack:
        port = stack.redis.port
        token = await new_token(port, "acme")
        short = await new_token(port, "acme", ttl_seconds=1)

        def submit(metadata: tuple[tuple[str, str], ...] = ()) -> object:
            request = submit_request(content=PDF, organisation_id="acme")
            return stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT, metadata=metadata)

        assert await code_of(submit()) == grpc.StatusCode.UNAUTHENTICATED
        assert await code_of(submit((("authorization", token),))) == grpc.StatusCode.UNAUTHENTICATED
        assert await code_of(submit(bearer(token + "x"))) == grpc.StatusCode.UNAUTHENTICATED
        assert await code_of(submit(bearer(token))) == grpc.StatusCode.OK
        assert await code_of(submit(bearer(short))) == grpc.StatusCode.OK
        await asyncio.sleep(1.2)
        assert await code_of(submit(bearer(short))) == grpc.StatusCode.UNAUTHENTICATED

        client = redis.Redis(port=port, db=0, decode_responses=True)
        try:
            store = TokenStore(client)
            listed = await store.list()
            assert [info.organisation_id for info in listed] == ["acme"]
            # Rotation: a new token, the old one revoked after a grace period.
            newer = await new_token(port, "acme")
            await store.revoke(listed[0].id, after_seconds=60)
            assert await code_of(submit(bearer(token))) == grpc.StatusCode.OK
            assert await store.revoke(listed[0].id) is not None
            assert await code_of(submit(bearer(token))) == grpc.StatusCode.UNAUTHENTICATED
            assert await code_of(submit(bearer(newer))) == grpc.StatusCode.OK
            # Only hashes are stored: no key or value holds a token.
            for key in await client.keys("*"):
                value = await client.dump(key)
                assert token not in key and newer not in key
                assert value is None or (token.encode() not in value and newer.encode() not in value)
        finally:
            await client.aclose()


async def test_a_caller_acts_only_for_its_own_organisation(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path, **SECURED) as stack:
        acme = await new_token(stack.redis.port, "acme")
        globex = await new_token(stack.redis.port, "globex")
        stub = stack.stub
        foreign = stub.SubmitResume(submit_request(content=PDF, organisation_id="globex"),
                                    timeout=RPC_TIMEOUT, metadata=bearer(acme))
        assert await code_of(foreign) == grpc.StatusCode.PERMISSION_DENIED

        job_id = (await stub.SubmitResume(submit_request(content=PDF, organisation_id="acme"),
                                          timeout=RPC_TIMEOUT, metadata=bearer(acme))).job_id
        for organisation in ("acme", "globex"):
            status = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=organisation)
            assert await code_of(stub.GetJobStatus(status, timeout=RPC_TIMEOUT, metadata=bearer(globex))) == (
                grpc.StatusCode.NOT_FOUND
            )
            watch = stub.WatchJob(resume_pb2.WatchJobRequest(job_id=job_id, organisation_id=organisation),
                                  timeout=RPC_TIMEOUT, metadata=bearer(globex))
            assert await code_of(watch.read()) == grpc.StatusCode.NOT_FOUND
        own = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id="acme")
        assert await code_of(stub.GetJobStatus(own, timeout=RPC_TIMEOUT, metadata=bearer(acme))) == grpc.StatusCode.OK


async def test_probes_need_no_token_but_the_detailed_health_does(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path, **SECURED) as stack:
        health = health_pb2_grpc.HealthStub(stack.channel)
        for service in ("liveness", ""):
            async with asyncio.timeout(5):
                while (await health.Check(health_pb2.HealthCheckRequest(service=service), timeout=RPC_TIMEOUT)
                       ).status != health_pb2.HealthCheckResponse.SERVING:
                    await asyncio.sleep(0.05)
        detailed = stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
        assert await code_of(detailed) == grpc.StatusCode.UNAUTHENTICATED
        token = await new_token(stack.redis.port, "acme")
        report = await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT, metadata=bearer(token))
        assert report.status == resume_pb2.HEALTH_STATUS_HEALTHY


async def test_rate_limit_is_shared_by_gateways_and_recovers(tmp_path: Path) -> None:
    limits = {**SECURED, "RATE_LIMIT_PER_MINUTE": "60", "RATE_LIMIT_BURST": "3"}
    async with isolated_stack(tmp_path, **limits) as stack:
        other = Gateway(Settings.from_env(stack.env))
        await other.start()
        try:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{other.port}") as channel:
                stubs = [stack.stub, resume_pb2_grpc.GatewayServiceStub(channel)]
                acme = await new_token(stack.redis.port, "acme")
                globex = await new_token(stack.redis.port, "globex")

                async def submit(index: int, token: str = acme, organisation: str = "acme") -> object:
                    request = submit_request(content=PDF, organisation_id=organisation)
                    return stubs[index % 2].SubmitResume(request, timeout=RPC_TIMEOUT, metadata=bearer(token))

                codes = [await code_of(await submit(i)) for i in range(3)]
                assert codes == [grpc.StatusCode.OK] * 3
                with pytest.raises(grpc.aio.AioRpcError) as caught:
                    await (await submit(3))
                assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                assert "rate limit" in caught.value.details()
                delay = retry_delay(caught.value) * 1000
                assert 0 < delay <= 1000
                # Another organisation has its own budget.
                assert await code_of(await submit(0, globex, "globex")) == grpc.StatusCode.OK
                await asyncio.sleep(delay / 1000 + 0.05)
                assert await code_of(await submit(1)) == grpc.StatusCode.OK
        finally:
            await other.stop()


async def test_tls_and_mutual_tls(tmp_path: Path, env: dict[str, str]) -> None:
    authority = create_authority(tmp_path)
    tls = {"GRPC_PLAINTEXT": "false", "GRPC_TLS_CERT": str(authority.server.cert),
           "GRPC_TLS_KEY": str(authority.server.key)}

    async def probe(port: int, credentials: grpc.ChannelCredentials | None) -> grpc.StatusCode:
        channel = (grpc.aio.secure_channel(f"localhost:{port}", credentials) if credentials
                   else grpc.aio.insecure_channel(f"localhost:{port}"))
        async with channel:
            check = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=3)
            return await code_of(check)

    ca = authority.ca.read_bytes()
    with_certificate = grpc.ssl_channel_credentials(
        ca, authority.client.key.read_bytes(), authority.client.cert.read_bytes()
    )
    for settings_env, expected in (
        (tls, {"tls": grpc.StatusCode.OK, "mtls": grpc.StatusCode.OK}),
        ({**tls, "GRPC_TLS_CLIENT_CA": str(authority.ca)}, {"tls": grpc.StatusCode.UNAVAILABLE,
                                                            "mtls": grpc.StatusCode.OK}),
    ):
        gateway = Gateway(Settings.from_env({**env, **settings_env}))
        await gateway.start()
        try:
            assert await probe(gateway.port, None) == grpc.StatusCode.UNAVAILABLE, "plaintext must be refused"
            assert await probe(gateway.port, grpc.ssl_channel_credentials(ca)) == expected["tls"]
            assert await probe(gateway.port, with_certificate) == expected["mtls"]
        finally:
            await gateway.stop()


async def test_the_gateway_will_not_serve_plaintext_unless_told(env: dict[str, str]) -> None:
    gateway = Gateway(Settings.from_env({**env, "GRPC_PLAINTEXT": "false"}))
    with pytest.raises(ValueError, match="GRPC_PLAINTEXT=true"):
        await gateway.start()
    await gateway.stop()


def redis_supports_tls() -> bool:
    probe = subprocess.run([server_binary(), "--tls-port", "0", "--port", "0", "--test-memory", "1"],
                           capture_output=True, text=True, timeout=10)
    return "tls-port" not in probe.stdout + probe.stderr


REDIS_SETUPS = {
    "password": (("--requirepass", "s3cret-pw"), {"REDIS_PASSWORD": "s3cret-pw"}),
    "acl user": (("--user", "default", "off", "--user", "resume", "on", ">acl-pw", "~*", "&*", "+@all"),
                 {"REDIS_USERNAME": "resume", "REDIS_PASSWORD": "acl-pw"}),
    "tls": ((), {"REDIS_TLS": "true"}),
}


@pytest.mark.parametrize("setup", list(REDIS_SETUPS))
async def test_redis_credentials_and_tls(setup: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    redis_args, redis_env = REDIS_SETUPS[setup]
    tls = None
    if setup == "tls":
        if not redis_supports_tls():
            if TLS_OPTIONAL:
                pytest.skip(f"{server_binary()} is built without TLS (Debian's redis-server has it)")
            pytest.fail(f"{server_binary()} is built without TLS")
        authority: Authority = create_authority(tmp_path)
        tls = (authority.server.cert, authority.server.key, authority.ca)
        redis_env = {**redis_env, "REDIS_TLS_CA": str(authority.ca), "REDIS_TLS_CERT": str(authority.client.cert),
                     "REDIS_TLS_KEY": str(authority.client.key)}
    async with isolated_stack(tmp_path, redis_args=redis_args, redis_tls=tls, **SECURED, **redis_env) as stack:
        settings = Settings.from_env(stack.env)
        client_options = {"username": settings.redis_username, "password": settings.redis_password,
                          "ssl": settings.redis_tls, "ssl_ca_certs": settings.redis_tls_ca}
        token = await new_token(stack.redis.port, "acme", **client_options)
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            request = submit_request(content=PDF, organisation_id="acme")
            job_id = (await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT, metadata=bearer(token))).job_id
            status = await wait_for_final_state(stack.stub, job_id, "acme", timeout=60, metadata=bearer(token))
            assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
        finally:
            assert worker.stop() == 0, worker.log()
        # Secrets and file contents never reach the logs.
        logs = caplog.text + worker.log()
        for secret in (token, settings.redis_password or "never-set", "%PDF-1.7"):
            assert secret not in logs

    # Without the credentials, Redis turns the gateway away.
    if setup != "tls":
        async with isolated_stack(tmp_path / "bare", redis_args=redis_args) as stack:
            report = await stack.stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT)
            assert report.status == resume_pb2.HEALTH_STATUS_UNHEALTHY
            assert "auth" in report.redis.cache.error.lower(), report.redis.cache.error
