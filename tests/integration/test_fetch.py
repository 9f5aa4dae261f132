"""Downloading fileUrl: schemes, redirects, size and time limits, private addresses,
transient and permanent failures, against local HTTP servers on real sockets."""

from __future__ import annotations

import http.server
import ipaddress
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from analysis_worker.file_source import FileSource, FileUnavailable
from common.config import Settings
from common.proto.resume.v1 import resume_pb2
from common.url_vetting import pin_to_address
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, submit_request, wait_for_final_state

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
LIMIT = 64 * 1024
BODY = b"%PDF-1.7 small file"
# A public address that needs no DNS; nothing is ever sent to it (see the proxy test).
PUBLIC_IP = "93.184.215.14"

Route = Callable[[http.server.BaseHTTPRequestHandler], None]


def answer(status: int, body: bytes = b"", headers: dict[str, str] | None = None, *,
           length: bool = True) -> Route:
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if length:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return route


def stream_forever(chunk: bytes, pause: float) -> Route:
    """A body without Content-Length that never ends (HTTP/1.0: it ends when the server closes)."""
    def route(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.end_headers()
        try:
            for _ in range(100_000):
                handler.wfile.write(chunk)
                handler.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass  # the client gave up, as it should
    return route


def after(seconds: float, route: Route) -> Route:
    def delayed(handler: http.server.BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        route(handler)
    return delayed


class Server:
    """A threaded HTTP server answering each path with its route; it records the
    paths asked for (absolute URLs too, as a proxy receives them)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                path = urlsplit(self.path).path
                server.routes.get(path, answer(404, b"not found"))(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(target=self._http.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join()


@pytest.fixture
def server() -> Iterator[Server]:
    server = Server()
    yield server
    server.close()


def settings(**overrides: object) -> Settings:
    values = {"fetch_timeout": 0.5, "fetch_max_redirects": 3, "fetch_allow_private": True,
              "max_file_bytes": LIMIT, **overrides}
    return Settings(**values)  # type: ignore[arg-type]


async def fetch(url: str, **overrides: object) -> bytes:
    source = FileSource(settings(**overrides), blobs=None)  # type: ignore[arg-type]  # fetch never uses Redis
    try:
        return await source.fetch(url)
    finally:
        await source.close()


def redirect_chain(server: Server, hops: int) -> str:
    """/hop{hops} -> ... -> /hop1 -> /file; relative and absolute Locations alternate."""
    server.routes["/file"] = answer(200, BODY)
    for hop in range(1, hops + 1):
        target = "/file" if hop == 1 else f"/hop{hop - 1}"
        location = target if hop % 2 else server.base + target
        server.routes[f"/hop{hop}"] = answer(302, headers={"Location": location})
    return f"{server.base}/hop{hops}"


async def test_a_file_is_downloaded(server: Server) -> None:
    server.routes["/cv.pdf"] = answer(200, BODY)
    assert await fetch(f"{server.base}/cv.pdf") == BODY


async def test_redirects_are_followed_up_to_the_limit(server: Server) -> None:
    assert await fetch(redirect_chain(server, 3)) == BODY
    with pytest.raises(FileUnavailable, match="more than 3 redirects"):
        await fetch(redirect_chain(server, 4))
    with pytest.raises(FileUnavailable, match="more than 1 redirects"):
        await fetch(redirect_chain(server, 2), fetch_max_redirects=1)


async def test_size_limit_by_content_length(server: Server) -> None:
    server.routes["/big"] = answer(200, b"x" * (LIMIT + 1))
    with pytest.raises(FileUnavailable, match=f"{LIMIT + 1} bytes; the limit is {LIMIT}"):
        await fetch(f"{server.base}/big")


async def test_size_limit_while_streaming_without_content_length(server: Server) -> None:
    server.routes["/endless"] = stream_forever(b"x" * 8192, 0)
    started = time.monotonic()
    with pytest.raises(FileUnavailable, match=f"larger than the limit of {LIMIT} bytes"):
        await fetch(f"{server.base}/endless")
    assert time.monotonic() - started < 2


async def test_a_compressed_body_is_refused(server: Server) -> None:
    # Inflating it could exceed the size limit many times over inside one chunk.
    server.routes["/gz"] = answer(200, b"\x1f\x8b" + bytes(100), {"Content-Encoding": "gzip"})
    with pytest.raises(FileUnavailable, match="gzip-encoded"):
        await fetch(f"{server.base}/gz")


async def test_not_found_is_permanent(server: Server) -> None:
    with pytest.raises(FileUnavailable, match="HTTP 404"):
        await fetch(f"{server.base}/missing.pdf")
    server.routes["/gone"] = answer(410)
    with pytest.raises(FileUnavailable, match="HTTP 410"):
        await fetch(f"{server.base}/gone")


@pytest.mark.parametrize("status", [500, 502, 503, 429, 408])
async def test_server_errors_and_throttling_are_transient(server: Server, status: int) -> None:
    server.routes["/flaky"] = answer(status, b"try later")
    with pytest.raises(httpx.HTTPStatusError) as caught:
        await fetch(f"{server.base}/flaky")
    assert not isinstance(caught.value, FileUnavailable)
    assert caught.value.response.status_code == status


async def test_a_silent_server_times_out_as_a_transient_error(server: Server) -> None:
    server.routes["/silent"] = after(3, answer(200, BODY))
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        await fetch(f"{server.base}/silent", fetch_timeout=0.3)
    assert time.monotonic() - started < 1.5


async def test_a_trickling_server_hits_the_whole_download_limit(server: Server) -> None:
    # A byte every 0.1 s never trips the read timeout; the whole download is bounded too.
    server.routes["/drip"] = stream_forever(b"x", 0.1)
    started = time.monotonic()
    with pytest.raises(httpx.TimeoutException, match="took longer than"):
        await fetch(f"{server.base}/drip", fetch_timeout=0.3)
    assert time.monotonic() - started < 3


async def test_a_refused_connection_is_transient() -> None:
    closed = Server()
    closed.close()  # nothing listens on its port any more
    with pytest.raises(httpx.ConnectError):
        await fetch(f"{closed.base}/cv.pdf")


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/cv.pdf", "file:///etc/passwd", "gopher://127.0.0.1/",
                                 "data:application/pdf;base64,JVBERg==", "http:///no-host"])
async def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(FileUnavailable, match="not an http or https URL"):
        await fetch(url)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
async def test_loopback_is_refused_unless_allowed(server: Server, host: str) -> None:
    server.routes["/cv.pdf"] = answer(200, BODY)
    port = urlsplit(server.base).port
    with pytest.raises(FileUnavailable, match="FETCH_ALLOW_PRIVATE=true"):
        await fetch(f"http://{host}:{port}/cv.pdf", fetch_allow_private=False)
    assert server.requests == []


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.10", "172.16.5.4", "169.254.169.254", "0.0.0.0",
                                     "[fd00::1]", "[fe80::1]", "[::ffff:127.0.0.1]"])
async def test_private_and_link_local_addresses_are_refused(address: str) -> None:
    with pytest.raises(FileUnavailable, match="private or local address"):
        await fetch(f"http://{address}/cv.pdf", fetch_allow_private=False)


async def test_a_redirect_to_loopback_is_refused(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop is a public address, reached through a local HTTP proxy (httpx honours
    HTTP_PROXY): the proxy answers for it with a redirect to loopback, which is refused
    before anything is asked of it."""
    monkeypatch.setenv("HTTP_PROXY", server.base)
    for name in ("NO_PROXY", "no_proxy", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    server.routes["/cv.pdf"] = answer(302, headers={"Location": f"{server.base}/secret"})
    server.routes["/secret"] = answer(200, b"internal")
    with pytest.raises(FileUnavailable, match="127.0.0.1, a private or local address"):
        await fetch(f"http://{PUBLIC_IP}/cv.pdf", fetch_allow_private=False)
    assert server.requests == [f"http://{PUBLIC_IP}/cv.pdf"]


# ---------------------------------------------------------------- end to end


async def test_a_transient_error_is_retried_with_backoff_and_the_job_succeeds(
    stub, worker, server: Server
) -> None:
    answers = iter([answer(503, b"busy"), answer(200, PDF)])
    server.routes["/flaky.pdf"] = lambda handler: next(answers)(handler)
    request = submit_request(file_url=f"{server.base}/flaky.pdf", file_name="flaky.pdf")
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    status = await wait_for_final_state(stub, submitted.job_id, request.organisation_id)
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    assert status.attempts_made == 2
    assert status.result.contact.name == "John Doe"
    assert len(server.requests) == 2


async def test_a_missing_file_fails_at_once_end_to_end(stub, worker, server: Server) -> None:
    request = submit_request(file_url=f"{server.base}/nothing.pdf")
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    status = await wait_for_final_state(stub, submitted.job_id, request.organisation_id)
    assert status.state == resume_pb2.JOB_STATE_FAILED
    assert "HTTP 404" in status.failed_reason
    assert status.attempts_made == 1 and server.requests == ["/nothing.pdf"]


def test_the_connection_goes_to_the_vetted_address_under_the_original_name() -> None:
    # Resolving the name a second time could yield another, private, address (DNS rebinding).
    target, options = pin_to_address("https://files.example.com:8443/cv.pdf?v=2", ipaddress.ip_address("93.184.216.34"))
    assert target == "https://93.184.216.34:8443/cv.pdf?v=2"
    assert options == {"headers": {"host": "files.example.com:8443"},
                       "extensions": {"sni_hostname": "files.example.com"}}
    target, _ = pin_to_address("http://files.example.com/cv.pdf", ipaddress.ip_address("2606:2800:220:1::1"))
    assert target == "http://[2606:2800:220:1::1]/cv.pdf"
