"""Job events posted to organisations' webhooks: the event is enqueued on its own BullMQ
queue when a job ends, and delivered from there, signed per Standard Webhooks, with
attempts and exponential backoff; each attempt's outcome goes to the delivery log."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
from bullmq import Job, Queue
from bullmq.custom_errors import UnrecoverableError

from analysis_worker.analysis import ANALYSIS_VERSION
from common import failures, logs
from common.config import Settings
from common.jobs import ResumeJobData
from common.redis_modes import RedisClient
from common.url_vetting import UnsafeUrl, pin_to_address, vet
from common.webhooks import DELIVERY_JOB_NAME, WEBHOOK_QUEUE_NAME, DeliveryAttempt, Webhooks, signature

log = logs.get_logger(__name__)


class DeliveryFailed(Exception):
    """The receiver did not take the event; BullMQ tries again after a backoff."""


def event_body(event_type: str, job: Job) -> dict[str, Any]:
    """The event: which job ended and how, nothing of the candidate; the receiver reads the
    analysis with its own token."""
    data = ResumeJobData.of(job)
    return {
        "type": event_type,
        "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "data": {
            "jobId": job.id,
            "resumeId": data.resume_id,
            "state": event_type.removeprefix("job."),
            "analysisVersion": ANALYSIS_VERSION,
        },
    }


class WebhookEvents:
    """Enqueues an ended job's event when its organisation has a webhook."""

    def __init__(self, settings: Settings, client: RedisClient, webhooks: Webhooks) -> None:
        self._queue = Queue(WEBHOOK_QUEUE_NAME, {"connection": client, "prefix": settings.queue_prefix})
        self._webhooks = webhooks
        self._options = {
            "attempts": settings.webhook_attempts,
            "backoff": {"type": "exponential", "delay": settings.webhook_backoff_ms},
            "removeOnComplete": {"count": 1000},
            "removeOnFail": {"count": 5000},
        }

    async def job_ended(self, event_type: str, job: Job) -> None:
        organisation_id = ResumeJobData.of(job).organisation_id
        if await self._webhooks.get(organisation_id) is None:
            return
        event_id = f"msg_{uuid.uuid4().hex}"
        payload = {"organisationId": organisation_id, "eventId": event_id, "event": event_body(event_type, job)}
        await self._queue.add(DELIVERY_JOB_NAME, payload, {**self._options, "jobId": event_id})

    async def close(self) -> None:
        await self._queue.close()


class WebhookDeliverer:
    """The processor of the delivery queue: posts one event per job to the organisation's
    current webhook (none, once removed: the event is dropped)."""

    def __init__(self, settings: Settings, webhooks: Webhooks) -> None:
        self._settings = settings
        self._webhooks = webhooks
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.webhook_timeout), follow_redirects=False,
            headers={"user-agent": "resume-analysis-webhooks"},
        )

    async def __call__(self, job: Job, token: str) -> str:
        organisation_id, event_id = job.data["organisationId"], job.data["eventId"]
        event: dict[str, Any] = job.data["event"]
        webhook = await self._webhooks.get(organisation_id)
        if webhook is None:
            return "webhook removed"
        attempt = job.attemptsMade + 1
        last = attempt >= int(job.opts.get("attempts") or 1)
        outcome = {"event_id": event_id, "job_id": event["data"]["jobId"], "event_type": event["type"],
                   "attempt": attempt, "url": webhook.url}
        try:
            status = await self._post(webhook.url, webhook.secret, event_id, event)
        except UnsafeUrl as error:
            await self._record(organisation_id, DeliveryAttempt(**outcome, state="failed",
                                                                attempted_ms=_now_ms(), error=str(error)))
            raise UnrecoverableError(str(error)) from None
        except (httpx.HTTPError, OSError) as error:
            status, reason = 0, failures.describe(error)
        else:
            reason = "" if 200 <= status < 300 else f"the receiver answered HTTP {status}"
        state = "delivered" if not reason else "failed" if last else "retrying"
        await self._record(organisation_id, DeliveryAttempt(**outcome, state=state, attempted_ms=_now_ms(),
                                                            http_status=status, error=reason))
        if reason:
            raise DeliveryFailed(reason)
        return "delivered"

    async def _post(self, url: str, secret: str, event_id: str, event: dict[str, Any]) -> int:
        body = json.dumps(event, separators=(",", ":")).encode()
        timestamp = int(time.time())
        target, options = pin_to_address(url, await vet(url, self._settings.fetch_allow_private))
        headers = {
            **options.pop("headers", {}),
            "content-type": "application/json",
            "webhook-id": event_id,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature(secret, event_id, timestamp, body),
        }
        response = await self._http.post(target, content=body, headers=headers, **options)
        return response.status_code

    async def _record(self, organisation_id: str, attempt: DeliveryAttempt) -> None:
        await self._webhooks.record(organisation_id, attempt)
        log.info("webhook delivery attempt", extra={"event_id": attempt.event_id, "job_id": attempt.job_id,
                                                     "attempt": attempt.attempt, "state": attempt.state,
                                                     "http_status": attempt.http_status})

    async def close(self) -> None:
        await self._http.aclose()


def _now_ms() -> int:
    return int(time.time() * 1000)
