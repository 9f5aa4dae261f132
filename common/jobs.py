"""The resume-analysis job as it travels through the BullMQ queue.

Job data is camelCase JSON, as the Node.js producers write it, so that either side
can enqueue jobs for the other.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bullmq import Job

from common.config import Settings
from common.redis_modes import RedisClient

QUEUE_NAME = "resume-analysis"
JOB_NAME = "analyze-resume"

# Every state BullMQ keeps a job in. In this order, a job that starts while they are read
# one after the other is still found: "active" comes last.
JOB_STATES = ("waiting", "paused", "delayed", "prioritized", "waiting-children", "completed", "failed", "active")
# The states the gateway's metrics count (this queue is never paused and has no child jobs).
COUNTED_STATES = ("waiting", "active", "completed", "failed", "delayed", "prioritized")
FINAL_STATES = frozenset({"completed", "failed"})


def new_job_id() -> str:
    # Node BullMQ refuses custom ids that contain ':' or look like integers.
    return f"resume-{uuid.uuid4().hex}"


def idempotent_job_id(organisation_id: str, request_id: str) -> str:
    """The same (organisation, request id) always names the same job."""
    digest = hashlib.sha256(f"{organisation_id}\0{request_id}".encode()).hexdigest()
    return f"request-{digest[:40]}"


def job_span_attributes(operation: str, job_id: str, job_name: str = JOB_NAME) -> dict[str, str]:
    """The attributes of a span of one job: OpenTelemetry's messaging conventions, and
    the job's name as Node.js BullMQ's spans give it."""
    return {
        "messaging.system": "bullmq",
        "messaging.destination.name": QUEUE_NAME,
        "messaging.operation.name": operation,
        "messaging.message.id": job_id,
        "bullmq.job.name": job_name,
    }


def queue_key(prefix: str, suffix: str) -> str:
    """A key of BullMQ's for the queue, e.g. queue_key("bull", "events")."""
    return f"{prefix}:{QUEUE_NAME}:{suffix}"


def node_client_name(worker_name: str, prefix: str, queue: str = QUEUE_NAME) -> str:
    """The Redis client name Node.js BullMQ gives a named worker of `queue`."""
    encoded = base64.b64encode(queue.encode()).decode()
    return f"{prefix}:{encoded}:w:{worker_name}"


# Batch jobs wait behind every single submission: BullMQ takes jobs without a priority
# first, then prioritized ones, lowest number first and in order among equals. A batch
# item's number is BATCH_PRIORITY plus its rank among its organisation's unfinished batch
# jobs, so that two organisations' batches take turns instead of one after the other.
BATCH_PRIORITY = 10
_MAX_PRIORITY = 2**21 - 1  # BullMQ's largest
_UNFINISHED_TTL_SECONDS = 24 * 3600


def batch_priority(rank: int) -> int:
    # A count taken below 1 (a Node.js producer's prioritized jobs counted down) ranks first.
    return min(BATCH_PRIORITY + max(rank, 1), _MAX_PRIORITY)


def is_batch_job(job: Job) -> bool:
    return int((job.opts or {}).get("priority") or 0) >= BATCH_PRIORITY


async def count_unfinished_batch_jobs(queue_client: RedisClient, organisation_id: str, change: int) -> int:
    """Changes, by +1 as a batch job is added or -1 as it finishes, how many of the
    organisation's batch jobs have not finished; the count after."""
    key = f"batch-unfinished:{organisation_id}"
    async with queue_client.pipeline(transaction=False) as pipe:
        pipe.incrby(key, change)
        # A count left by jobs that never finish (erased before they ran, say) goes after
        # a day without batches, rather than putting the organisation behind for ever.
        pipe.expire(key, _UNFINISHED_TTL_SECONDS)
        count, _ = await pipe.execute()
    return int(count)


def upload_key(job_id: str) -> str:
    """Where inline file content waits for its job, in the queue database."""
    return f"upload:{job_id}"


def job_options(settings: Settings) -> dict[str, Any]:
    """Attempts, backoff and retention of a new job, in BullMQ's option names."""
    return {
        "attempts": settings.job_attempts,
        "backoff": {"type": "exponential", "delay": settings.job_backoff_ms},
        **retention_options(settings),
    }


def retention_options(settings: Settings) -> dict[str, Any]:
    return {
        "removeOnComplete": {
            "age": settings.keep_completed_seconds,
            "count": settings.keep_completed_count,
        },
        "removeOnFail": {"age": settings.keep_failed_seconds, "count": settings.keep_failed_count},
    }


@dataclass(frozen=True, kw_only=True)
class ResumeJobData:
    resume_id: str
    candidate_id: str
    organisation_id: str
    file_name: str = ""
    mime_type: str = ""
    file_url: str = ""
    # Set when the file was submitted inline: the key of its bytes (see upload_key).
    content_key: str = ""
    request_id: str = ""
    job_description: str = ""
    required_skills: tuple[str, ...] = field(default_factory=tuple)
    # The reference date of the analysis, "YYYY-MM-DD" (common/reference_dates.py); empty: none named.
    as_of: str = ""
    # Keep a redacted copy of the text with the analysis (SubmitResumeRequest.redact).
    redact: bool = False

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "resumeId": self.resume_id,
            "candidateId": self.candidate_id,
            "organisationId": self.organisation_id,
            "fileName": self.file_name,
            "mimeType": self.mime_type,
        }
        optional = {
            "fileUrl": self.file_url,
            "contentKey": self.content_key,
            "requestId": self.request_id,
            "jobDescription": self.job_description,
            "requiredSkills": list(self.required_skills),
            "asOf": self.as_of,
            "redact": self.redact,
        }
        data.update((key, value) for key, value in optional.items() if value)
        return data

    @classmethod
    def of(cls, job: Job) -> ResumeJobData:
        """The job's data; a job whose data is not an object (a foreign producer's) has none."""
        return cls.from_json(job.data if isinstance(job.data, dict) else {})

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ResumeJobData:
        """Reads data written by this service or by a Node.js producer; absent fields are empty."""

        def text(key: str) -> str:
            value = data.get(key)
            return "" if value is None else str(value)

        return cls(
            resume_id=text("resumeId"),
            candidate_id=text("candidateId"),
            organisation_id=text("organisationId"),
            file_name=text("fileName"),
            mime_type=text("mimeType"),
            file_url=text("fileUrl"),
            content_key=text("contentKey"),
            request_id=text("requestId"),
            job_description=text("jobDescription"),
            required_skills=tuple(str(s) for s in data.get("requiredSkills") or ()),
            as_of=text("asOf"),
            # JSON true only: a producer's "false" string must not ask for a copy.
            redact=data.get("redact") is True,
        )
