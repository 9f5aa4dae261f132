"""Webhook secrets and signatures as any Standard Webhooks library checks them, and the
default retries spanning about a day."""

from __future__ import annotations

import base64
import time

import pytest
from standardwebhooks import Webhook, WebhookVerificationError

from common.config import Settings
from common.webhooks import new_secret, signature


def test_a_signature_verifies_with_its_secret_only() -> None:
    secret, body, timestamp = new_secret(), b'{"type":"job.completed"}', int(time.time())
    assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"))) >= 24
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(timestamp),
               "webhook-signature": signature(secret, "msg_1", timestamp, body)}
    assert Webhook(secret).verify(body, headers) == {"type": "job.completed"}
    with pytest.raises(WebhookVerificationError):
        Webhook(new_secret()).verify(body, headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace(b"completed", b"failed"), headers)


def test_the_default_retries_span_about_a_day() -> None:
    settings = Settings()
    # BullMQ's exponential backoff waits delay * 2^(n-1) before the n-th retry.
    span_hours = settings.webhook_backoff_ms * (2 ** (settings.webhook_attempts - 1) - 1) / 3_600_000
    assert 20 <= span_hours <= 30
