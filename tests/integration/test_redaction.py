"""GetRedactedResume on the real gateway, worker, Redis and PostgreSQL: a resume submitted
with `redact` reads back without what identifies the candidate, employers and institutions
masked on request; the refusals; erasure takes the redacted copy with the analysis."""

from __future__ import annotations

import asyncpg
import grpc
import pytest

from common.cache import resume_analysis_key
from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redaction import Masked, Redaction
from common.redis_connections import connect_cache
from common.store.database import AnalysisDatabase
from tests.helpers.support import ROOT, RPC_TIMEOUT, analysed, submit_request, unique

# A resume with a phone number and a location, which the shared fixtures lack.
PDF = (ROOT / "tests" / "corpus" / "files" / "eu00_pieter_vanderberg.latex-banking.pdf").read_bytes()


def redacted_request(resume_id: str, organisation_id: str, **masks: bool) -> resume_pb2.GetRedactedResumeRequest:
    return resume_pb2.GetRedactedResumeRequest(resume_id=resume_id, organisation_id=organisation_id, **masks)


async def refusal(stub: resume_pb2_grpc.GatewayServiceStub, request: resume_pb2.GetRedactedResumeRequest
                  ) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetRedactedResume(request, timeout=RPC_TIMEOUT)
    return caught.value.code(), caught.value.details() or ""


@pytest.mark.usefixtures("worker")
async def test_a_resume_submitted_with_redact_reads_back_without_the_candidate(
    stub: resume_pb2_grpc.GatewayServiceStub, settings: Settings
) -> None:
    request = submit_request(content=PDF, file_name="cv.pdf", redact=True)
    status = await analysed(stub, request)
    assert status.metadata.redact
    contact = status.result.contact
    secrets = [*contact.name.split(), *contact.emails, contact.phones[0][-7:], contact.location]
    assert all(secrets) and len(secrets) >= 5, secrets

    answer = await stub.GetRedactedResume(redacted_request(request.resume_id, request.organisation_id),
                                          timeout=RPC_TIMEOUT)
    stored = answer.analysis
    assert (stored.job_id, stored.version, stored.resume_id) == (status.job_id, 1, request.resume_id)
    assert stored.analysis.contact == resume_pb2.Contact()
    for secret in secrets:
        assert secret not in answer.text and secret not in str(stored.analysis), secret
    kinds = {span.kind for span in answer.masked_spans}
    assert {resume_pb2.MASK_KIND_NAME, resume_pb2.MASK_KIND_EMAIL, resume_pb2.MASK_KIND_PHONE,
            resume_pb2.MASK_KIND_ADDRESS} <= kinds
    for span in answer.masked_spans:
        name = resume_pb2.MaskKind.Name(span.kind).removeprefix("MASK_KIND_")
        assert answer.text[span.start:span.end] == f"[{name}]"
    companies = [job.company for job in stored.analysis.experience]
    assert companies and all(companies) and companies[0] in answer.text

    masked = await stub.GetRedactedResume(
        redacted_request(request.resume_id, request.organisation_id, mask_employers=True, mask_institutions=True),
        timeout=RPC_TIMEOUT)
    assert {job.company for job in masked.analysis.analysis.experience} == {""}
    assert {school.institution for school in masked.analysis.analysis.education} == {""}
    assert companies[0] not in masked.text
    assert {resume_pb2.MASK_KIND_EMPLOYER, resume_pb2.MASK_KIND_INSTITUTION} <= {
        span.kind for span in masked.masked_spans}

    # The analysis itself is whole, and the redacted copy is in PostgreSQL only.
    whole = await stub.GetResumeAnalysis(
        resume_pb2.GetResumeAnalysisRequest(resume_id=request.resume_id, organisation_id=request.organisation_id),
        timeout=RPC_TIMEOUT)
    assert whole.analysis.analysis.contact == contact
    cache = connect_cache(settings)
    try:
        cached = await cache.get(resume_analysis_key(request.resume_id))
    finally:
        await cache.aclose()
    assert cached is not None and "[NAME]" not in cached and "[PHONE]" not in cached


async def test_refusals_name_what_to_do(stub: resume_pb2_grpc.GatewayServiceStub, store: AnalysisDatabase) -> None:
    organisation, resume = unique("org"), unique("resume")
    await store.record(organisation_id=organisation, resume_id=resume, candidate_id=unique("candidate"),
                       job_id=unique("job"), job_created_ms=1_700_000_000_000,
                       analysis={"analysisVersion": "t", "summary": "not redacted"}, file_sha256="0" * 64)

    code, message = await refusal(stub, redacted_request(resume, organisation))
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    assert f"version 1 of resume {resume!r} was not submitted with redact" in message
    assert "SubmitResumeRequest.redact" in message

    # Another organisation's resume answers exactly as a missing one.
    missing = []
    for resume_id, organisation_id in ((resume, "another-org"), (unique("resume"), organisation)):
        code, message = await refusal(stub, redacted_request(resume_id, organisation_id))
        missing.append((code, message.replace(resume_id, "ID")))
    assert missing[0] == missing[1] and missing[0][0] == grpc.StatusCode.NOT_FOUND

    code, message = await refusal(stub, resume_pb2.GetRedactedResumeRequest(organisation_id="a:b"))
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert "resume_id" in message and "organisation_id" in message


async def test_erasure_takes_the_redacted_copy_with_the_analysis(
    stub: resume_pb2_grpc.GatewayServiceStub, store: AnalysisDatabase, postgres: PostgresServer
) -> None:
    organisation, candidate, resume = unique("org"), unique("candidate"), unique("resume")
    redaction = Redaction({"analysisVersion": "t", "summary": "[NAME] builds things"}, "[NAME]\nEngineer",
                          (Masked(0, 6, "NAME"),))
    await store.record(organisation_id=organisation, resume_id=resume, candidate_id=candidate,
                       job_id=unique("job"), job_created_ms=1_700_000_000_000,
                       analysis={"analysisVersion": "t", "summary": "Ada builds things"}, file_sha256="0" * 64,
                       redaction=redaction.to_json())
    answer = await stub.GetRedactedResume(redacted_request(resume, organisation), timeout=RPC_TIMEOUT)
    assert (answer.text, answer.analysis.analysis.summary) == ("[NAME]\nEngineer", "[NAME] builds things")
    assert list(answer.masked_spans) == [resume_pb2.MaskedSpan(kind=resume_pb2.MASK_KIND_NAME, start=0, end=6)]

    erased = await stub.EraseCandidate(
        resume_pb2.EraseCandidateRequest(candidate_id=candidate, organisation_id=organisation), timeout=RPC_TIMEOUT)
    assert erased.analyses == 1
    code, _ = await refusal(stub, redacted_request(resume, organisation))
    assert code == grpc.StatusCode.NOT_FOUND
    connection = await asyncpg.connect(postgres.url)
    try:
        left = await connection.fetchval(
            "SELECT count(*) FROM resume_analyses WHERE redaction::text LIKE '%builds things%'")
    finally:
        await connection.close()
    assert left == 0

