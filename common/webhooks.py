"""Organisations' webhooks: where each wants its job events posted, the secret they are
signed with (Standard Webhooks), and the log of delivery attempts.

The queue database holds `webhook:{organisation}` (url, secret) and
`webhook:deliveries:{organisation}`, a list of the latest attempts, newest first, capped
at DELIVERY_LOG_LENGTH.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import asdict, dataclass
from typing import Any, cast

from common.redis_modes import RedisClient

SECRET_PREFIX = "whsec_"
# The Standard Webhooks specification asks for 24 to 64 random bytes.
_SECRET_BYTES = 32
DELIVERY_LOG_LENGTH = 100
WEBHOOK_QUEUE_NAME = "webhook-delivery"
DELIVERY_JOB_NAME = "deliver-event"


@dataclass(frozen=True)
class Webhook:
    url: str
    secret: str


@dataclass(frozen=True)
class DeliveryAttempt:
    event_id: str
    job_id: str
    event_type: str
    attempt: int
    # "delivered", "retrying" or "failed".
    state: str
    url: str
    attempted_ms: int
    http_status: int = 0
    error: str = ""


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(_SECRET_BYTES)).decode()


def signature(secret: str, event_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header: HMAC-SHA256 of "{id}.{timestamp}.{body}", keyed with
    the secret's decoded bytes."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{event_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def _webhook_key(organisation_id: str) -> str:
    return f"webhook:{organisation_id}"


def _log_key(organisation_id: str) -> str:
    return f"webhook:deliveries:{organisation_id}"


class Webhooks:
    def __init__(self, client: RedisClient) -> None:
        """`client` is a decoding client of the queue database."""
        self._client = client

    async def set(self, organisation_id: str, url: str) -> str:
        """Registers `url` with a new secret, which is returned, replacing any earlier one."""
        secret = new_secret()
        await self._client.hset(_webhook_key(organisation_id), mapping={"url": url, "secret": secret})
        return secret

    async def remove(self, organisation_id: str) -> None:
        await self._client.delete(_webhook_key(organisation_id))

    async def get(self, organisation_id: str) -> Webhook | None:
        fields = cast(dict[str, str], await self._client.hgetall(_webhook_key(organisation_id)))
        if not fields.get("url"):
            return None
        return Webhook(fields["url"], fields["secret"])

    async def record(self, organisation_id: str, attempt: DeliveryAttempt) -> None:
        key = _log_key(organisation_id)
        async with self._client.pipeline() as pipe:
            pipe.lpush(key, json.dumps(asdict(attempt)))
            pipe.ltrim(key, 0, DELIVERY_LOG_LENGTH - 1)
            await pipe.execute()

    async def deliveries(self, organisation_id: str) -> list[DeliveryAttempt]:
        """The latest attempts, newest first."""
        entries = cast(list[str], await self._client.lrange(_log_key(organisation_id), 0, DELIVERY_LOG_LENGTH - 1))
        return [DeliveryAttempt(**_fields(entry)) for entry in entries]


def _fields(entry: str) -> dict[str, Any]:
    fields: dict[str, Any] = json.loads(entry)
    return fields
