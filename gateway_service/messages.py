"""The messages the gateway answers with, built from jobs, stored analyses and erasures."""

from __future__ import annotations

import asyncio
import dataclasses

from google.protobuf import json_format, timestamp_pb2

from common import logs
from common.proto.resume.v1 import resume_pb2
from common.redaction import Redaction
from common.store.database import Page, StoredAnalysis
from common.store.erasure import Erasure
from common.webhooks import DeliveryAttempt
from gateway_service.errors import InvalidRequest, ServiceError
from gateway_service.resume_queue import JobSnapshot, Submission

log = logs.get_logger(__name__)

STATE_MESSAGES = {
    "waiting": resume_pb2.JOB_STATE_WAITING,
    "active": resume_pb2.JOB_STATE_ACTIVE,
    "completed": resume_pb2.JOB_STATE_COMPLETED,
    "failed": resume_pb2.JOB_STATE_FAILED,
    "delayed": resume_pb2.JOB_STATE_DELAYED,
    "prioritized": resume_pb2.JOB_STATE_PRIORITIZED,
    "waiting-children": resume_pb2.JOB_STATE_WAITING_CHILDREN,
}


def submitted_message(submission: Submission) -> resume_pb2.SubmitResumeResponse:
    return resume_pb2.SubmitResumeResponse(
        job_id=submission.job_id,
        state=STATE_MESSAGES.get(submission.state, resume_pb2.JOB_STATE_UNSPECIFIED),
        duplicate=submission.duplicate,
    )


def item_error(error: ServiceError) -> resume_pb2.ItemError:
    """A batch item's refusal, as SubmitResume would have answered it."""
    violations = error.violations if isinstance(error, InvalidRequest) else {}
    return resume_pb2.ItemError(
        code=error.code.value[0], message=str(error),
        field_violations=[
            resume_pb2.FieldViolation(field=field, description=what) for field, what in violations.items()
        ],
    )


def status_message(snapshot: JobSnapshot) -> resume_pb2.GetJobStatusResponse:
    data = snapshot.data
    response = resume_pb2.GetJobStatusResponse(
        job_id=snapshot.job_id,
        state=STATE_MESSAGES.get(snapshot.state, resume_pb2.JOB_STATE_UNSPECIFIED),
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
            as_of=data.as_of,
            redact=data.redact,
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


_DELIVERY_STATES = {
    "delivered": resume_pb2.WEBHOOK_DELIVERY_STATE_DELIVERED,
    "retrying": resume_pb2.WEBHOOK_DELIVERY_STATE_RETRYING,
    "failed": resume_pb2.WEBHOOK_DELIVERY_STATE_FAILED,
}


def delivery_message(attempt: DeliveryAttempt) -> resume_pb2.WebhookDelivery:
    return resume_pb2.WebhookDelivery(
        event_id=attempt.event_id, job_id=attempt.job_id, event_type=attempt.event_type,
        attempt=attempt.attempt, http_status=attempt.http_status, error=attempt.error,
        state=_DELIVERY_STATES.get(attempt.state, resume_pb2.WEBHOOK_DELIVERY_STATE_UNSPECIFIED),
        url=attempt.url, attempted_at=_timestamp(attempt.attempted_ms),
    )


def _timestamp(millis: int) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromMilliseconds(millis)
    return stamp


def stored_message(stored: StoredAnalysis) -> resume_pb2.StoredAnalysis:
    message = resume_pb2.StoredAnalysis(
        resume_id=stored.resume_id, candidate_id=stored.candidate_id, organisation_id=stored.organisation_id,
        job_id=stored.job_id, version=stored.version, file_sha256=stored.file_sha256,
    )
    message.create_time.FromDatetime(stored.created_at)
    # Analyses stored by an older version may carry fields this one dropped.
    json_format.ParseDict(stored.analysis, message.analysis, ignore_unknown_fields=True)
    return message


# common.redaction's kinds; a kind a newer worker stored reads as unspecified, not as a failure.
_MASK_KINDS = {name.removeprefix("MASK_KIND_"): value for name, value in resume_pb2.MaskKind.items()}


def redacted_message(stored: StoredAnalysis, redaction: Redaction) -> resume_pb2.GetRedactedResumeResponse:
    """The stored analysis' metadata with the redacted analysis, text and tokens."""
    message = stored_message(dataclasses.replace(stored, analysis=redaction.analysis))
    return resume_pb2.GetRedactedResumeResponse(
        analysis=message, text=redaction.text,
        masked_spans=[resume_pb2.MaskedSpan(kind=_MASK_KINDS.get(span.kind, resume_pb2.MASK_KIND_UNSPECIFIED),
                                            start=span.start, end=span.end) for span in redaction.spans],
    )


async def page_messages(page: Page) -> list[resume_pb2.StoredAnalysis]:
    # A page of up to 100 analyses is parsed off the event loop.
    return await asyncio.to_thread(lambda: [stored_message(stored) for stored in page.analyses])


def erasure_message(erasure: Erasure) -> resume_pb2.EraseCandidateResponse:
    counts = erasure.counts
    response = resume_pb2.EraseCandidateResponse(
        erasure_id=erasure.erasure_id, analyses=counts.analyses, cache_keys=counts.cache_keys,
        uploads=counts.uploads, jobs=counts.jobs, active_jobs=counts.active_jobs, events=counts.events,
    )
    response.erase_time.FromDatetime(erasure.erased_at)
    return response
