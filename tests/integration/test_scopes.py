"""Token scopes on the real stack: each RPC needs its scope, tokens from before scopes keep
what they could do but erasing, the CLI makes scoped tokens, `make run`'s has every scope."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
import redis.asyncio as redis

from common.config import Settings
from common.devstack.__main__ import _demo_token
from common.devstack.embedded_postgres import PostgresServer
from common.proto.resume.v1 import resume_pb2
from common.redaction import Redaction
from common.store.database import AnalysisDatabase
from common.tokens import Scope, TokenStore
from gateway_service.scopes import REQUIRED_SCOPES
from tests.helpers.support import FIXTURES, ROOT, RPC_TIMEOUT, isolated_stack, submit_request, unique
from tests.helpers.tokens import bearer, new_token, token_without_scopes

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
SECURED = {"AUTH_REQUIRED": "true"}
Metadata = tuple[tuple[str, str], ...]


async def answer(call: Awaitable[object]) -> tuple[grpc.StatusCode, str]:
    """The call's status code and message."""
    try:
        await call
    except grpc.aio.AioRpcError as error:
        return error.code(), error.details() or ""
    return grpc.StatusCode.OK, ""


async def test_each_rpc_needs_its_scope(tmp_path: Path, postgres: PostgresServer, store: AnalysisDatabase) -> None:
    organisation, candidate, resume = unique("org"), unique("candidate"), unique("resume")
    await store.record(
        organisation_id=organisation, resume_id=resume, candidate_id=candidate, job_id=unique("job"),
        job_created_ms=1_700_000_000_000, analysis={"summary": "seeded"}, file_sha256="0" * 64,
        redaction=Redaction({"summary": "seeded"}, "seeded", ()).to_json())
    async with isolated_stack(tmp_path, DATABASE_URL=postgres.url, **SECURED) as stack:
        stub = stack.stub
        everything = await new_token(stack.redis.port, organisation)
        job_id = (await stub.SubmitResume(submit_request(content=PDF, organisation_id=organisation),
                                          timeout=RPC_TIMEOUT, metadata=bearer(everything))).job_id

        async def watch(metadata: Metadata) -> None:
            stream = stub.WatchJob(resume_pb2.WatchJobRequest(job_id=job_id, organisation_id=organisation),
                                   timeout=RPC_TIMEOUT, metadata=metadata)
            try:
                await stream.read()
            finally:
                stream.cancel()

        # EraseCandidate last: it removes what GetResumeAnalysis reads.
        calls: dict[str, Callable[[Metadata], Awaitable[object]]] = {
            "SubmitResume": lambda metadata: stub.SubmitResume(
                submit_request(content=PDF, organisation_id=organisation), timeout=RPC_TIMEOUT, metadata=metadata),
            "SubmitResumes": lambda metadata: stub.SubmitResumes(
                resume_pb2.SubmitResumesRequest(items=[submit_request(content=PDF, organisation_id=organisation)]),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "GetJobStatus": lambda metadata: stub.GetJobStatus(
                resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=organisation),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "WatchJob": watch,
            "GetResumeAnalysis": lambda metadata: stub.GetResumeAnalysis(
                resume_pb2.GetResumeAnalysisRequest(resume_id=resume, organisation_id=organisation),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "GetRedactedResume": lambda metadata: stub.GetRedactedResume(
                resume_pb2.GetRedactedResumeRequest(resume_id=resume, organisation_id=organisation),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "ListCandidateAnalyses": lambda metadata: stub.ListCandidateAnalyses(
                resume_pb2.ListCandidateAnalysesRequest(candidate_id=candidate, organisation_id=organisation),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "Health": lambda metadata: stub.Health(resume_pb2.HealthRequest(), timeout=RPC_TIMEOUT,
                                                   metadata=metadata),
            "SetWebhook": lambda metadata: stub.SetWebhook(
                resume_pb2.SetWebhookRequest(organisation_id=organisation, url="https://ats.example.com/hooks"),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "ListWebhookDeliveries": lambda metadata: stub.ListWebhookDeliveries(
                resume_pb2.ListWebhookDeliveriesRequest(organisation_id=organisation),
                timeout=RPC_TIMEOUT, metadata=metadata),
            "EraseCandidate": lambda metadata: stub.EraseCandidate(
                resume_pb2.EraseCandidateRequest(candidate_id=candidate, organisation_id=organisation),
                timeout=RPC_TIMEOUT, metadata=metadata),
        }
        assert set(calls) == set(REQUIRED_SCOPES)
        for rpc, call in calls.items():
            scope = REQUIRED_SCOPES[rpc]
            if scope is None:  # any valid token, whichever its scope
                for only in Scope:
                    token = await new_token(stack.redis.port, organisation, scopes=[only])
                    assert await answer(call(bearer(token))) == (grpc.StatusCode.OK, ""), (rpc, only)
                continue
            lacking = await new_token(stack.redis.port, organisation, scopes=[s for s in Scope if s != scope])
            code, message = await answer(call(bearer(lacking)))
            assert code == grpc.StatusCode.PERMISSION_DENIED, rpc
            assert f"{rpc} needs a token with the scope {scope.value!r}" in message
            assert f"resume-cli token create --organisation {organisation} --scope" in message
            only = await new_token(stack.redis.port, organisation, scopes=[scope])
            assert await answer(call(bearer(only))) == (grpc.StatusCode.OK, ""), rpc

        erased = await stub.EraseCandidate(
            resume_pb2.EraseCandidateRequest(candidate_id=candidate, organisation_id=organisation),
            timeout=RPC_TIMEOUT, metadata=bearer(everything))
        assert erased.analyses == 0, "the erase-only token erased the seeded analysis"


async def test_a_token_from_before_scopes_submits_and_reads_but_does_not_erase(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path, **SECURED) as stack:
        old = bearer(await token_without_scopes(stack.redis.port, "acme"))
        job_id = (await stack.stub.SubmitResume(submit_request(content=PDF, organisation_id="acme"),
                                                timeout=RPC_TIMEOUT, metadata=old)).job_id
        status = await stack.stub.GetJobStatus(resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id="acme"),
                                               timeout=RPC_TIMEOUT, metadata=old)
        assert status.job_id == job_id
        code, message = await answer(stack.stub.EraseCandidate(
            resume_pb2.EraseCandidateRequest(candidate_id="c1", organisation_id="acme"),
            timeout=RPC_TIMEOUT, metadata=old))
        assert code == grpc.StatusCode.PERMISSION_DENIED
        assert "has only submit, read" in message and "--scope submit,read,erase" in message

        client = redis.Redis(port=stack.redis.port, db=0, decode_responses=True)
        try:
            [listed] = await TokenStore(client).list()
        finally:
            await client.aclose()
        assert listed.scopes == (Scope.SUBMIT, Scope.READ)


async def cli(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "gateway_service.cli", *args, cwd=ROOT, env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(60):
        stdout, stderr = await process.communicate()
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_the_cli_creates_and_lists_scoped_tokens(tmp_path: Path) -> None:
    async with isolated_stack(tmp_path, **SECURED) as stack:
        code, out, err = await cli(stack.env, "token", "create", "--organisation", "acme", "--name", "eraser",
                                   "--scope", "erase,read", "--scope", "read")
        assert code == 0, err
        created = json.loads(out)
        assert created["scopes"] == ["read", "erase"]

        code, out, err = await cli(stack.env, "token", "list")
        assert code == 0, err
        assert [(token["id"], token["scopes"]) for token in json.loads(out)] == [(created["id"], ["read", "erase"])]

        # Past the scope check: this gateway has no database.
        code, _, err = await cli(stack.env, "--address", f"127.0.0.1:{stack.gateway.port}", "--token",
                                 created["token"], "erase", "c1", "--organisation", "acme")
        assert code == 2 and err.startswith("FAILED_PRECONDITION"), err
        code, _, err = await cli(stack.env, "--address", f"127.0.0.1:{stack.gateway.port}", "--token",
                                 created["token"], "redacted", "r1", "--organisation", "acme")
        assert code == 2 and err.startswith("FAILED_PRECONDITION") and "DATABASE_URL is unset" in err, err
        code, _, err = await cli(stack.env, "--address", f"127.0.0.1:{stack.gateway.port}", "--token",
                                 created["token"], "submit", "--url", "https://example.com/cv.pdf",
                                 "--organisation", "acme")
        assert code == 2 and err.startswith("PERMISSION_DENIED") and "'submit'" in err, err

        for scopes in (["delete"], ["submit,"]):
            code, _, err = await cli(stack.env, "token", "create", "--organisation", "acme", "--scope", *scopes)
            assert code == 2 and "unknown scope" in err, err
        code, _, err = await cli(stack.env, "token", "create", "--organisation", "acme")
        assert code == 2 and "--scope" in err, "a token's scopes are never implied"


async def test_the_stacks_token_from_before_scopes_is_replaced_by_one_with_every_scope(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "token"
    port = settings.redis_port
    old = await token_without_scopes(port, "demo")
    path.write_text(old + "\n")
    await _demo_token(settings, path)
    new = path.read_text().strip()
    assert new != old
    client = redis.Redis(port=port, db=0, decode_responses=True)
    try:
        store = TokenStore(client)
        assert await store.lookup(old) is None, "the old token is revoked"
        info = await store.lookup(new)
        assert info is not None and info.scopes == tuple(Scope)
        await _demo_token(settings, path)
        assert path.read_text().strip() == new, "a token with every scope is kept"
    finally:
        await client.aclose()
