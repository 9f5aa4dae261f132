"""resume.v1.GatewayService: the RPC handlers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import grpc

from common import logs
from common.config import Settings
from common.jobs import FINAL_STATES
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redaction import Redaction
from common.redis_connections import retry_transient
from common.store.analyses import Analyses
from common.tokens import TokenInfo, TokenStore
from common.webhooks import Webhooks
from gateway_service.auth import bearer_token
from gateway_service.errors import (
    JobNotFound,
    NotRedacted,
    PermissionDenied,
    RateLimited,
    ResumeNotFound,
    ServiceError,
    StoreNotConfigured,
    Unauthenticated,
)
from gateway_service.health import HealthReporter
from gateway_service.job_events import JobEvents
from gateway_service.messages import (
    delivery_message,
    erasure_message,
    item_error,
    page_messages,
    redacted_message,
    status_message,
    stored_message,
    submitted_message,
)
from gateway_service.rate_limit import RateLimiter
from gateway_service.resume_queue import JobSnapshot, ResumeQueue, Submission
from gateway_service.scopes import require_scope
from gateway_service.validation import (
    page_token,
    validate_batch,
    validate_job_reference,
    validate_list,
    validate_owned_id,
    validate_submit,
    validate_webhook,
)

log = logs.get_logger(__name__)



class GatewayServicer(resume_pb2_grpc.GatewayServiceServicer):
    def __init__(
        self, settings: Settings, queue: ResumeQueue, events: JobEvents, health: HealthReporter,
        tokens: TokenStore, limiter: RateLimiter, analyses: Analyses, webhooks: Webhooks,
    ) -> None:
        self.settings = settings
        self._queue = queue
        self._events = events
        self._health = health
        self._tokens = tokens
        self._limiter = limiter
        self._analyses = analyses
        self._webhooks = webhooks

    async def _caller(self, context: grpc.aio.ServicerContext[Any, Any], rpc: str) -> TokenInfo | None:
        """The caller's token, if it may call `rpc`; None when authentication is off."""
        if not self.settings.auth_required:
            return None
        info = await self._tokens.lookup(bearer_token(context))
        if info is None:
            raise Unauthenticated("the token is unknown, expired or revoked")
        require_scope(info, rpc)
        return info

    async def SubmitResume(
        self, request: resume_pb2.SubmitResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.SubmitResumeResponse:
        async def submit() -> Submission:
            caller = await self._caller(context, "SubmitResume")
            data, content = validate_submit(request, self.settings)
            _require_organisation(caller, data.organisation_id)
            await self._within_rate(data.organisation_id)
            return await self._queue.submit(job_id, data, content)

        job_id = self._queue.job_id(request.organisation_id, request.request_id)
        # Through a failover too: an accepted file is answered late rather than refused.
        submission = await retry_transient(submit)
        # At DEBUG: at INFO this line costs a seventh of a submission's CPU, and the worker
        # logs each job at INFO when it ends (README, Operating it).
        log.debug(
            "job submitted",
            extra={"job_id": submission.job_id, "resume_id": request.resume_id,
                   "organisation_id": request.organisation_id, "duplicate": submission.duplicate},
        )
        return submitted_message(submission)

    async def SubmitResumes(
        self, request: resume_pb2.SubmitResumesRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.SubmitResumesResponse:
        """Each item as SubmitResume takes it, its refusal its own; the batch counts once
        against each of its organisations' rate limits."""
        caller = await self._caller(context, "SubmitResumes")
        validate_batch(request)
        for organisation_id in sorted({item.organisation_id for item in request.items} - {""}):
            if not _foreign(caller, organisation_id):
                await self._within_rate(organisation_id)
        results = [await self._submit_item(caller, item) for item in request.items]
        log.info(
            "batch submitted",
            extra={"items": len(results), "refused": sum(result.HasField("error") for result in results)},
        )
        return resume_pb2.SubmitResumesResponse(results=results)

    async def _submit_item(
        self, caller: TokenInfo | None, item: resume_pb2.SubmitResumeRequest
    ) -> resume_pb2.SubmitResumesResult:
        job_id = self._queue.job_id(item.organisation_id, item.request_id)
        try:
            data, content = validate_submit(item, self.settings)
            _require_organisation(caller, data.organisation_id)
            submission = await retry_transient(lambda: self._queue.submit(job_id, data, content, batch=True))
        except ServiceError as error:
            return resume_pb2.SubmitResumesResult(error=item_error(error))
        return resume_pb2.SubmitResumesResult(submitted=submitted_message(submission))

    async def _within_rate(self, organisation_id: str) -> None:
        retry_after_ms = await self._limiter.acquire(organisation_id)
        if retry_after_ms:
            raise RateLimited(organisation_id, retry_after_ms)

    async def GetJobStatus(
        self, request: resume_pb2.GetJobStatusRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.GetJobStatusResponse:
        return status_message(await self._visible_snapshot(request, context, "GetJobStatus"))

    async def WatchJob(
        self, request: resume_pb2.WatchJobRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[resume_pb2.WatchJobResponse]:
        """Events only say when to look; each message is the job as Redis holds it then,
        so a missed or repeated event cannot make the stream lie."""
        with self._events.watch(request.job_id) as events:
            snapshot = await self._visible_snapshot(request, context, "WatchJob")
            event, sent = "snapshot", None
            while True:
                message = status_message(snapshot)
                if (message.state, message.progress) != sent:
                    yield resume_pb2.WatchJobResponse(status=message, event=event)
                    sent = (message.state, message.progress)
                if snapshot.state in FINAL_STATES:
                    return
                event = await events.get()
                latest = await self._snapshot_once_reachable(request.job_id)
                if latest is None:
                    return  # removed meanwhile
                snapshot = latest

    async def _visible_snapshot(
        self, request: resume_pb2.GetJobStatusRequest | resume_pb2.WatchJobRequest,
        context: grpc.aio.ServicerContext[Any, Any], rpc: str,
    ) -> JobSnapshot:
        caller = await self._caller(context, rpc)
        validate_job_reference(request)
        # Another organisation's job answers exactly as a missing one: ids leak nothing.
        if _foreign(caller, request.organisation_id):
            raise JobNotFound(request.job_id)
        snapshot = await self._queue.snapshot(request.job_id)
        if snapshot is None or snapshot.data.organisation_id != request.organisation_id:
            raise JobNotFound(request.job_id)
        return snapshot

    async def _snapshot_once_reachable(self, job_id: str) -> JobSnapshot | None:
        # Mid-stream, a Redis outage only delays the next message; the caller's deadline bounds it.
        return await retry_transient(lambda: self._queue.snapshot(job_id), delay=self.settings.health_interval)

    async def Health(
        self, request: resume_pb2.HealthRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.HealthResponse:
        await self._caller(context, "Health")
        return await self._health.report(request.check)

    def _configured_store(self) -> Analyses:
        if self._analyses.database is None:
            raise StoreNotConfigured()
        return self._analyses

    async def _resume_store(
        self, context: grpc.aio.ServicerContext[Any, Any], rpc: str,
        request: resume_pb2.GetResumeAnalysisRequest | resume_pb2.GetRedactedResumeRequest,
    ) -> Analyses:
        """The store, for a valid request of the caller's own organisation about one resume:
        another organisation's resume answers exactly as a missing one."""
        caller = await self._caller(context, rpc)
        validate_owned_id(request, "resume_id")
        analyses = self._configured_store()
        if _foreign(caller, request.organisation_id):
            raise ResumeNotFound(request.resume_id)
        return analyses

    async def GetResumeAnalysis(
        self, request: resume_pb2.GetResumeAnalysisRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.GetResumeAnalysisResponse:
        analyses = await self._resume_store(context, "GetResumeAnalysis", request)
        stored = await analyses.current(request.organisation_id, request.resume_id)
        if stored is None:
            raise ResumeNotFound(request.resume_id)
        return resume_pb2.GetResumeAnalysisResponse(analysis=stored_message(stored))

    async def GetRedactedResume(
        self, request: resume_pb2.GetRedactedResumeRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.GetRedactedResumeResponse:
        analyses = await self._resume_store(context, "GetRedactedResume", request)
        found = await analyses.current_redaction(request.organisation_id, request.resume_id)
        if found is None:
            raise ResumeNotFound(request.resume_id)
        if found.redaction is None:
            raise NotRedacted(request.resume_id, found.stored.version)
        redaction, stored = found.redaction, found.stored

        def answer() -> resume_pb2.GetRedactedResumeResponse:
            masked = Redaction.from_json(redaction).with_organisations_masked(
                request.mask_employers, request.mask_institutions)
            return redacted_message(stored, masked)

        # A text of up to a million characters is masked and its message built off the event loop.
        return await asyncio.to_thread(answer)

    async def ListCandidateAnalyses(
        self, request: resume_pb2.ListCandidateAnalysesRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.ListCandidateAnalysesResponse:
        caller = await self._caller(context, "ListCandidateAnalyses")
        size, after = validate_list(request)
        analyses = self._configured_store()
        # Another organisation's candidate has, as far as this caller can tell, no analyses.
        if _foreign(caller, request.organisation_id):
            return resume_pb2.ListCandidateAnalysesResponse()
        page = await analyses.candidate_page(request.organisation_id, request.candidate_id, after, size)
        return resume_pb2.ListCandidateAnalysesResponse(
            analyses=await page_messages(page), next_page_token=page_token(page.next_after)
        )

    async def EraseCandidate(
        self, request: resume_pb2.EraseCandidateRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.EraseCandidateResponse:
        caller = await self._caller(context, "EraseCandidate")
        validate_owned_id(request, "candidate_id")
        analyses = self._configured_store()
        _require_organisation(caller, request.organisation_id)
        requested_by = f"token {caller.id}" if caller is not None else "unauthenticated caller (AUTH_REQUIRED=false)"
        erasure = await analyses.erase(request.organisation_id, request.candidate_id, requested_by)
        return erasure_message(erasure)

    async def SetWebhook(
        self, request: resume_pb2.SetWebhookRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.SetWebhookResponse:
        await self._webhook_admin(request, context, "SetWebhook")
        if not request.url:
            await self._webhooks.remove(request.organisation_id)
            log.info("webhook removed", extra={"organisation_id": request.organisation_id})
            return resume_pb2.SetWebhookResponse()
        secret = await self._webhooks.set(request.organisation_id, request.url)
        log.info("webhook set", extra={"organisation_id": request.organisation_id})
        return resume_pb2.SetWebhookResponse(secret=secret)

    async def ListWebhookDeliveries(
        self, request: resume_pb2.ListWebhookDeliveriesRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> resume_pb2.ListWebhookDeliveriesResponse:
        await self._webhook_admin(request, context, "ListWebhookDeliveries")
        attempts = await self._webhooks.deliveries(request.organisation_id)
        return resume_pb2.ListWebhookDeliveriesResponse(deliveries=[delivery_message(a) for a in attempts])

    async def _webhook_admin(
        self, request: resume_pb2.SetWebhookRequest | resume_pb2.ListWebhookDeliveriesRequest,
        context: grpc.aio.ServicerContext[Any, Any], rpc: str,
    ) -> None:
        """Refuses the call unless the caller may administer the request's organisation."""
        caller = await self._caller(context, rpc)
        validate_webhook(request)
        _require_organisation(caller, request.organisation_id)


def _foreign(caller: TokenInfo | None, organisation_id: str) -> bool:
    """Whether the caller's token acts for another organisation than `organisation_id`."""
    return caller is not None and caller.organisation_id != organisation_id


def _require_organisation(caller: TokenInfo | None, organisation_id: str) -> None:
    """Writes for another organisation are refused, and say why."""
    if caller is not None and _foreign(caller, organisation_id):
        raise PermissionDenied(f"the token acts for organisation {caller.organisation_id!r}, not {organisation_id!r}")
