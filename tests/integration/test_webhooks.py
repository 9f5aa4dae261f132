"""Webhooks on the real stack: a gateway, a worker process and a receiver on a real
socket, which verifies each event as a Standard Webhooks consumer would."""

from __future__ import annotations

import asyncio
import base64
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from standardwebhooks import Webhook

from common.config import Settings
from common.jobs import QUEUE_NAME
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_queue
from common.webhooks import WEBHOOK_QUEUE_NAME
from tests.helpers.processes import start_worker
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, isolated_stack, submit_request, unique, wait_for_final_state
from tests.helpers.tokens import bearer, new_token
from tests.integration.test_stack_and_cli import cli

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
SECURED_FAST_RETRIES = {"AUTH_REQUIRED": "true", "WEBHOOK_BACKOFF_MS": "200"}


class Receiver:
    """Takes POSTs, answering each with the next of `statuses` (the last one repeats)."""

    def __init__(self, statuses: list[int]) -> None:
        self.received: list[tuple[bytes, dict[str, str]]] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver.received.append((body, {name.lower(): value for name, value in self.headers.items()}))
                self.send_response(statuses[min(len(receiver.received), len(statuses)) - 1])
                self.send_header("content-length", "0")
                self.end_headers()

            def do_GET(self) -> None:  # a file URL that is not there: its job fails for good
                self.send_response(404)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/hooks"
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def events(self, secret: str) -> list[dict[str, object]]:
        """Every event received, each verified with `secret` (raises when one does not verify)."""
        return [Webhook(secret).verify(body, headers) for body, headers in self.received]

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    receiver = Receiver([500, 200])
    yield receiver
    receiver.close()


async def deliveries(
    stub: resume_pb2_grpc.GatewayServiceStub, organisation: str, metadata: tuple[tuple[str, str], ...], count: int
) -> list[resume_pb2.WebhookDelivery]:
    """The delivery log, once it holds `count` attempts."""
    request = resume_pb2.ListWebhookDeliveriesRequest(organisation_id=organisation)
    async with asyncio.timeout(30):
        while True:
            log = list((await stub.ListWebhookDeliveries(request, timeout=RPC_TIMEOUT, metadata=metadata)).deliveries)
            if len(log) >= count:
                return log
            await asyncio.sleep(0.05)


async def test_events_are_signed_retried_logged_and_stop_once_removed(tmp_path: Path, receiver: Receiver) -> None:
    organisation = unique("org")
    async with isolated_stack(tmp_path, **SECURED_FAST_RETRIES) as stack:
        metadata = bearer(await new_token(stack.redis.port, organisation))
        stub = stack.stub
        secret = (await stub.SetWebhook(resume_pb2.SetWebhookRequest(organisation_id=organisation, url=receiver.url),
                                        timeout=RPC_TIMEOUT, metadata=metadata)).secret
        assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"))) >= 24
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            completed = (await stub.SubmitResume(submit_request(content=PDF, organisation_id=organisation),
                                                 timeout=RPC_TIMEOUT, metadata=metadata)).job_id
            await wait_for_final_state(stub, completed, organisation, metadata=metadata)
            delivered, refused = await deliveries(stub, organisation, metadata, 2)

            failing = submit_request(file_url=receiver.url.replace("/hooks", "/missing.pdf"),
                                     organisation_id=organisation)
            failed = (await stub.SubmitResume(failing, timeout=RPC_TIMEOUT, metadata=metadata)).job_id
            assert (await wait_for_final_state(stub, failed, organisation, metadata=metadata)).state == \
                resume_pb2.JOB_STATE_FAILED
            failure_delivered = (await deliveries(stub, organisation, metadata, 3))[0]

            await stub.SetWebhook(resume_pb2.SetWebhookRequest(organisation_id=organisation), timeout=RPC_TIMEOUT,
                                  metadata=metadata)
            unwatched = (await stub.SubmitResume(submit_request(content=PDF, organisation_id=organisation),
                                                 timeout=RPC_TIMEOUT, metadata=metadata)).job_id
            await wait_for_final_state(stub, unwatched, organisation, metadata=metadata)
            await asyncio.sleep(1)  # time enough for an event to reach the receiver, were one sent
        finally:
            assert worker.stop() == 0, worker.log()

    first, second, third = receiver.events(secret)
    assert first == second, "a retry posts the same event"
    assert first["type"] == "job.completed" and set(first) == {"type", "timestamp", "data"}
    assert first["data"] == {"jobId": completed, "resumeId": first["data"]["resumeId"],  # type: ignore[index]
                             "state": "completed", "analysisVersion": "1.0.0"}
    assert third["type"] == "job.failed" and third["data"]["jobId"] == failed  # type: ignore[index]
    assert third["data"]["state"] == "failed"  # type: ignore[index]
    for body, _ in receiver.received:
        assert b"@" not in body and b"john" not in body.lower(), "the event holds personal data"
    assert receiver.received[0][1]["webhook-id"] == receiver.received[1][1]["webhook-id"] == refused.event_id

    assert (refused.attempt, refused.http_status, refused.state) == (1, 500, resume_pb2.WEBHOOK_DELIVERY_STATE_RETRYING)
    assert "HTTP 500" in refused.error
    assert (delivered.attempt, delivered.http_status, delivered.state, delivered.error) == \
        (2, 200, resume_pb2.WEBHOOK_DELIVERY_STATE_DELIVERED, "")
    assert delivered.job_id == completed and delivered.event_type == "job.completed"
    assert failure_delivered.job_id == failed and failure_delivered.state == resume_pb2.WEBHOOK_DELIVERY_STATE_DELIVERED
    assert len(receiver.received) == 3, "an event was posted after the webhook was removed"


async def test_a_private_address_is_refused_at_delivery(tmp_path: Path, receiver: Receiver) -> None:
    organisation = unique("org")
    async with isolated_stack(tmp_path, **SECURED_FAST_RETRIES) as stack:
        metadata = bearer(await new_token(stack.redis.port, organisation))
        stub = stack.stub
        await stub.SetWebhook(resume_pb2.SetWebhookRequest(organisation_id=organisation, url=receiver.url),
                              timeout=RPC_TIMEOUT, metadata=metadata)
        worker = start_worker({**stack.env, "FETCH_ALLOW_PRIVATE": "false"}, tmp_path / "worker.log")
        try:
            job_id = (await stub.SubmitResume(submit_request(content=PDF, organisation_id=organisation),
                                              timeout=RPC_TIMEOUT, metadata=metadata)).job_id
            await wait_for_final_state(stub, job_id, organisation, metadata=metadata)
            (refused,) = await deliveries(stub, organisation, metadata, 1)
            await asyncio.sleep(1)  # a retry, were there one, would come after 200 ms
            log = await deliveries(stub, organisation, metadata, 1)
        finally:
            assert worker.stop() == 0, worker.log()
    assert refused.state == resume_pb2.WEBHOOK_DELIVERY_STATE_FAILED and refused.http_status == 0
    assert "127.0.0.1, a private or local address" in refused.error and "FETCH_ALLOW_PRIVATE" in refused.error
    assert len(log) == 1, "a refused address was tried again"
    assert receiver.received == []


async def test_a_webhook_needs_a_valid_url_and_the_admin_scope(tmp_path: Path) -> None:
    organisation = unique("org")
    async with isolated_stack(tmp_path, **SECURED_FAST_RETRIES) as stack:
        admin = bearer(await new_token(stack.redis.port, organisation, scopes=["admin"]))
        others = bearer(await new_token(stack.redis.port, organisation, scopes=["submit", "read", "erase"]))
        for url in ("ftp://example.com/hooks", "example.com/hooks", "https://" + "a" * 2048):
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await stack.stub.SetWebhook(resume_pb2.SetWebhookRequest(organisation_id=organisation, url=url),
                                            timeout=RPC_TIMEOUT, metadata=admin)
            assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert "url:" in (refused.value.details() or ""), url
        with pytest.raises(grpc.aio.AioRpcError) as denied:
            await stack.stub.SetWebhook(resume_pb2.SetWebhookRequest(
                organisation_id=organisation, url="https://ats.example.com/hooks"), timeout=RPC_TIMEOUT,
                metadata=others)
        assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
        assert "SetWebhook needs a token with the scope 'admin'" in (denied.value.details() or "")
        with pytest.raises(grpc.aio.AioRpcError) as foreign:
            await stack.stub.SetWebhook(resume_pb2.SetWebhookRequest(
                organisation_id=unique("org"), url="https://ats.example.com/hooks"), timeout=RPC_TIMEOUT,
                metadata=admin)
        assert foreign.value.code() == grpc.StatusCode.PERMISSION_DENIED
        first = await stack.stub.SetWebhook(resume_pb2.SetWebhookRequest(
            organisation_id=organisation, url="https://ats.example.com/hooks"), timeout=RPC_TIMEOUT, metadata=admin)
        again = await stack.stub.SetWebhook(resume_pb2.SetWebhookRequest(
            organisation_id=organisation, url="https://ats.example.com/v2/hooks"), timeout=RPC_TIMEOUT,
            metadata=admin)
        assert first.secret != again.secret, "setting again gives a new secret"


async def test_the_cli_sets_lists_and_removes_a_webhook(tmp_path: Path, receiver: Receiver) -> None:
    organisation = unique("org")
    async with isolated_stack(tmp_path, WEBHOOK_BACKOFF_MS="200") as stack:
        port = stack.gateway.port
        code, out, err = await cli(port, "webhook", "set", "ftp://ats.example.com", "--organisation", organisation)
        assert code == 2 and err.startswith("INVALID_ARGUMENT") and "url:" in err
        code, out, err = await cli(port, "webhook", "set", receiver.url, "--organisation", organisation)
        assert code == 0 and "shown only now" in err
        secret = json.loads(out)["secret"]
        queue_client = connect_queue(Settings.from_env(stack.env))
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            job_id = (await stack.stub.SubmitResume(submit_request(content=PDF, organisation_id=organisation),
                                                    timeout=RPC_TIMEOUT)).job_id
            await deliveries(stack.stub, organisation, (), 2)
            names = [client["name"] for client in await queue_client.client_list()]
        finally:
            assert worker.stop() == 0, worker.log()
        # As Node.js BullMQ names them: one connection per queue, for Queue.getWorkers().
        for queue in (QUEUE_NAME, WEBHOOK_QUEUE_NAME):
            encoded = base64.b64encode(queue.encode()).decode()
            assert sum(name.startswith(f"bull:{encoded}:w:") for name in names) == 1, (queue, names)
        code, out, err = await cli(port, "webhook", "deliveries", "--organisation", organisation)
        assert code == 0, err
        log = json.loads(out)["deliveries"]
        assert [(entry["jobId"], entry["attempt"], entry["state"]) for entry in log] == [
            (job_id, 2, "WEBHOOK_DELIVERY_STATE_DELIVERED"), (job_id, 1, "WEBHOOK_DELIVERY_STATE_RETRYING")]
        code, out, err = await cli(port, "webhook", "remove", "--organisation", organisation)
        assert (code, json.loads(out)) == (0, {}), err
        assert await queue_client.exists(f"webhook:{organisation}") == 0, "the webhook outlived its removal"
        await queue_client.aclose()
    assert len(receiver.events(secret)) == 2
