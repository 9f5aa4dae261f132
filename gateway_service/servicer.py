"""resume.v1.GatewayService: the RPC handlers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import grpc
from google.protobuf import json_format, timestamp_pb2
from redis.exceptions import RedisError

from common import logs
from common.config import Settings
from common.jobs import ResumeJobData
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import retry_transient
from common.tokens import TokenInfo, TokenStore
from gateway_service.analyses import GatewayStore, erasure_message, page_messages, stored_message
from gateway_service.auth import bearer_token
from gateway_service.errors import (
    JobNotFound,
    PermissionDenied,
    RateLimited,
    ResumeNotFound,
    StoreNotConfigured,
    Unauthenticated,
)
from gateway_service.health import HealthReporter
from gateway_service.job_events import JobEvents
from gateway_service.rate_limit import RateLimiter
from gateway_service.resume_queue import JobSnapshot, ResumeQueue, Submission
from gateway_service.validation import (
    page_token,
    validate_job_reference,
    validate_list,
    validate_owned_id,
    validate_submit,
)

log = logs.get_logger(__name__)

JOB_STATES = {
    "waiting": resume_pb2.JOB_STATE_WAITING,
    "active": resume_pb2.JOB_STATE_ACTIVE,
    "completed": resume_pb2.JOB_STATE_COMPLETED,
    "failed": resume_pb2.JOB_STATE_FAILED,
    "delayed": resume_pb2.JOB_STATE_DELAYED,
    "prioritized": resume_pb2.JOB_STATE_PRIORITIZED,
    "waiting-children": resume_pb2.JOB_STATE_WAITING_CHILDREN,
}
FINAL_STATES = {"completed", "failed"}


class GatewayServicer(resume_pb2_grpc.GatewayServiceServicer):
    def __init__(
        self, settings: Settings, queue: ResumeQueue, events: JobEvents, health: HealthReporter,
        tokens: TokenStore, limiter: RateLimiter, store: GatewayStore | None = None,
    ) -> None:
        self.settings = settings
        self._queue = queue
        self._events = events
        self._health = health
        self._tokens = tokens
        self._limiter = limiter
        self._store = store

    async def _caller(self, context: grpc.aio.ServicerContext) -> TokenInfo | None:
        """The caller's token, or None when authentication is off."""
        if not self.settings.auth_required:
            return None
        info = await self._tokens.lookup(bearer_token(context))
        if info is None:
            raise Unauthenticated("the token is unknown, expired or revoked")
        return info

    async def SubmitResume(
        self, request: resume_pb2.SubmitResumeRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.SubmitResumeResponse:
        job_id = self._queue.job_id(request.organisation_id, request.request_id)

        async def submit() -> tuple[Submission, ResumeJobData]:
            caller = await self._caller(context)
            data, content = validate_submit(request, self.settings)
            _require_organisation(caller, data.organisation_id)
            retry_after_ms = await self._limiter.acquire(data.organisation_id)
            if retry_after_ms:
                raise RateLimited(data.organisation_id, retry_after_ms)
            return await self._queue.submit(job_id, data, content), data

        # Through a failover too: an accepted file is answered late rather than refused.
        submission, data = await retry_transient(submit)
        # At DEBUG: at INFO this line costs a seventh of a submission's CPU, and the worker
        # logs each job at INFO when it ends (README, Operating it).
        log.debug(
            "job submitted",
            extra={"job_id": submission.job_id, "resume_id": data.resume_id,
                   "organisation_id": data.organisation_id, "duplicate": submission.duplicate},
        )
        return resume_pb2.SubmitResumeResponse(
            job_id=submission.job_id,
            state=JOB_STATES.get(submission.state, resume_pb2.JOB_STATE_UNSPECIFIED),
            duplicate=submission.duplicate,
        )

    async def GetJobStatus(
        self, request: resume_pb2.GetJobStatusRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.GetJobStatusResponse:
        return status_message(await self._visible_snapshot(request, context))

    async def WatchJob(
        self, request: resume_pb2.WatchJobRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[resume_pb2.WatchJobResponse]:
        """Events only say when to look; each message is the job as Redis holds it then,
        so a missed or repeated event cannot make the stream lie."""
        with self._events.watch(request.job_id) as events:
            snapshot = await self._visible_snapshot(request, context)
            event, sent = "snapshot", None
            while True:
                message = status_message(snapshot)
                if (message.state, message.progress) != sent:
                    yield resume_pb2.WatchJobResponse(status=message, event=event)
                    sent = (message.state, message.progress)
                if snapshot.state in FINAL_STATES:
                    return
                event = await events.get()
                snapshot = await self._snapshot_once_reachable(request.job_id)
                if snapshot is None:
                    return  # removed meanwhile

    async def _visible_snapshot(
        self, request: resume_pb2.GetJobStatusRequest | resume_pb2.WatchJobRequest,
        context: grpc.aio.ServicerContext,
    ) -> JobSnapshot:
        caller = await self._caller(context)
        validate_job_reference(request)
        # Another organisation's job answers exactly as a missing one: ids leak nothing.
        if caller is not None and caller.organisation_id != request.organisation_id:
            raise JobNotFound(request.job_id)
        snapshot = await self._queue.snapshot(request.job_id)
        if snapshot is None or snapshot.data.organisation_id != request.organisation_id:
            raise JobNotFound(request.job_id)
        return snapshot

    async def _snapshot_once_reachable(self, job_id: str) -> JobSnapshot | None:
        # Mid-stream, a Redis outage only delays the next message; the caller's deadline bounds it.
        while True:
            try:
                return await self._queue.snapshot(job_id)
            except (RedisError, OSError):
                await asyncio.sleep(self.settings.health_interval)

    async def Health(
        self, request: resume_pb2.HealthRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.HealthResponse:
        await self._caller(context)
        return await self._health.report(request.check)

    def _configured_store(self) -> GatewayStore:
        if self._store is None:
            raise StoreNotConfigured()
        return self._store

    async def GetResumeAnalysis(
        self, request: resume_pb2.GetResumeAnalysisRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.GetResumeAnalysisResponse:
        caller = await self._caller(context)
        validate_owned_id(request, "resume_id")
        store = self._configured_store()
        # Another organisation's resume answers exactly as a missing one.
        if caller is not None and caller.organisation_id != request.organisation_id:
            raise ResumeNotFound(request.resume_id)
        stored = await store.analyses.current(request.organisation_id, request.resume_id)
        if stored is None:
            raise ResumeNotFound(request.resume_id)
        return resume_pb2.GetResumeAnalysisResponse(analysis=stored_message(stored))

    async def ListCandidateAnalyses(
        self, request: resume_pb2.ListCandidateAnalysesRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.ListCandidateAnalysesResponse:
        caller = await self._caller(context)
        size, after = validate_list(request)
        store = self._configured_store()
        # Another organisation's candidate has, as far as this caller can tell, no analyses.
        if caller is not None and caller.organisation_id != request.organisation_id:
            return resume_pb2.ListCandidateAnalysesResponse()
        page = await store.store.candidate_page(request.organisation_id, request.candidate_id, after, size)
        return resume_pb2.ListCandidateAnalysesResponse(
            analyses=await page_messages(page), next_page_token=page_token(page.next_after)
        )

    async def EraseCandidate(
        self, request: resume_pb2.EraseCandidateRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.EraseCandidateResponse:
        caller = await self._caller(context)
        validate_owned_id(request, "candidate_id")
        store = self._configured_store()
        _require_organisation(caller, request.organisation_id)
        requested_by = f"token {caller.id}" if caller is not None else "unauthenticated caller (AUTH_REQUIRED=false)"
        erasure = await store.erase(request.organisation_id, request.candidate_id, requested_by)
        return erasure_message(erasure)


def _require_organisation(caller: TokenInfo | None, organisation_id: str) -> None:
    """Writes for another organisation are refused, and say why."""
    if caller is not None and caller.organisation_id != organisation_id:
        raise PermissionDenied(f"the token acts for organisation {caller.organisation_id!r}, not {organisation_id!r}")


def status_message(snapshot: JobSnapshot) -> resume_pb2.GetJobStatusResponse:
    data = snapshot.data
    response = resume_pb2.GetJobStatusResponse(
        job_id=snapshot.job_id,
        state=JOB_STATES.get(snapshot.state, resume_pb2.JOB_STATE_UNSPECIFIED),
        progress=snapshot.progress,
        attempts_made=snapshot.attempts_made,
        max_attempts=snapshot.max_attempts,
        failed_reason=snapshot.failed_reason,
        metadata=resume_pb2.JobMetadata(
            resume_id=data.resume_id,
            candidate_id=data.candidate_id,
            organisation_id=data.organisation_id,
            file_name=data.file_name,
            mime_type=data.mime_type,
            file_url=data.file_url,
            request_id=data.request_id,
        ),
    )
    for field, millis in (
        (response.create_time, snapshot.created_ms),
        (response.process_time, snapshot.processed_ms),
        (response.finish_time, snapshot.finished_ms),
    ):
        if millis:
            field.CopyFrom(_timestamp(millis))
    if snapshot.state == "completed" and snapshot.result is not None:
        try:
            # Results written by an older analysis may carry fields this version dropped.
            json_format.ParseDict(snapshot.result, response.result, ignore_unknown_fields=True)
        except json_format.ParseError:
            # Not the parser's text, which quotes the value it could not read.
            log.warning("unreadable job result", extra={"job_id": snapshot.job_id})
    return response


def _timestamp(millis: int) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromMilliseconds(millis)
    return stamp
