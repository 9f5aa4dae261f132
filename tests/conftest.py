"""Real parts for the tests: a redis-server, the gateway on a free port, worker processes."""

from __future__ import annotations

import http.server
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

# This process hosts the gateway and also starts PostgreSQL as another user, which makes
# subprocess fork rather than vfork. gRPC's fork handlers then restart its poller in the
# child, which dies on the descriptors subprocess closes before exec (grpc/grpc#43055).
# No child here uses gRPC without exec, so they are not needed. Read when grpc loads.
os.environ["GRPC_ENABLE_FORK_SUPPORT"] = "false"

import asyncpg
import grpc
import pytest

from common import logs
from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer, binaries_dir, pgserver_binaries
from common.devstack.embedded_redis import RedisServer
from common.proto.resume.v1 import resume_pb2_grpc
from common.store.database import AnalysisDatabase
from common.store.migrations import migrate
from gateway_service.server import Gateway
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.support import service_env

LOG_FILE = Path(tempfile.gettempdir()) / f"resume-tests-{os.getpid()}.log"


class StrictHandler(logging.FileHandler):
    """Fails the log call whose record cannot be formatted, where production prints the
    error and carries on: a log call that cannot format is a crash waiting for a user."""

    def handleError(self, record: logging.LogRecord) -> None:
        raise  # the exception that emit() caught


def pytest_configure(config: pytest.Config) -> None:
    # The project's loggers at DEBUG through its JSON formatter, so that every log call on a
    # tested path builds and formats its record, as the services' own processes do.
    logs.configure("DEBUG", "tests", StrictHandler(LOG_FILE, delay=True))


def pytest_report_header(config: pytest.Config) -> str:
    return f"logs of the in-process services: {LOG_FILE}"


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


# CI sets REQUIRE_POSTGRES=1: there the tests that need PostgreSQL fail without Debian's
# (the one `.ci/run` installs) instead of skipping, or settling for the pgserver wheel's.
POSTGRES_OPTIONAL = os.environ.get("REQUIRE_POSTGRES") != "1"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer | None]:
    """PostgreSQL for the session, or None when there is none to run and it is optional."""
    try:
        binaries = binaries_dir()
    except RuntimeError:
        if POSTGRES_OPTIONAL:
            yield None
            return
        raise
    assert POSTGRES_OPTIONAL or binaries != pgserver_binaries(), "REQUIRE_POSTGRES=1 wants Debian's PostgreSQL"
    # Not under pytest's temporary directory: as root the server runs as `nobody`, which
    # must reach its directory, and pytest's is private to the user running the tests.
    directory = tempfile.mkdtemp(prefix="resume-postgres-")
    server = PostgresServer(Path(directory), durable=False)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres(postgres_server: PostgresServer | None) -> PostgresServer:
    if postgres_server is None:
        pytest.skip("no PostgreSQL: install Debian's `postgresql` or `pip install pgserver`")
    return postgres_server


@pytest.fixture
async def store(postgres: PostgresServer) -> AsyncIterator[AnalysisDatabase]:
    """The analysis database, its schema migrated."""
    store = AnalysisDatabase(postgres.url, pool_size=4, timeout=5)
    await store.open()
    connection = await asyncpg.connect(postgres.url)
    try:
        await migrate(connection)
    finally:
        await connection.close()
    yield store
    await store.close()


@pytest.fixture(scope="session")
def env(redis_server: RedisServer, postgres_server: PostgresServer | None) -> dict[str, str]:
    return service_env(redis_server.port, **({"DATABASE_URL": postgres_server.url} if postgres_server else {}))


@pytest.fixture(scope="session")
def settings(env: dict[str, str]) -> Settings:
    return Settings.from_env(env)


@pytest.fixture(scope="session")
async def gateway(settings: Settings) -> AsyncIterator[Gateway]:
    gateway = Gateway(settings)
    await gateway.start()
    yield gateway
    await gateway.stop()


@pytest.fixture(scope="session")
async def channel(gateway: Gateway) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(f"127.0.0.1:{gateway.port}") as channel:
        yield channel


@pytest.fixture(scope="session")
def stub(channel: grpc.aio.Channel) -> resume_pb2_grpc.GatewayServiceStub:
    return resume_pb2_grpc.GatewayServiceStub(channel)


@pytest.fixture(scope="session")
def worker(env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    process = start_worker(env, tmp_path_factory.mktemp("worker") / "worker.log")
    yield process
    assert process.stop() == 0, process.log()
    assert process.logging_errors() == [], process.log()


@pytest.fixture(scope="session")
def file_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A local HTTP server: (base URL, the directory it serves)."""
    directory = tmp_path_factory.mktemp("files")

    class Handler(http.server.SimpleHTTPRequestHandler):
        """Serves `directory`; `?delay=S` answers after S seconds, like a slow file store."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(directory), **kwargs)  # type: ignore[arg-type]

        def do_GET(self) -> None:
            delay = parse_qs(urlsplit(self.path).query).get("delay")
            if delay:
                time.sleep(float(delay[0]))
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", directory
    server.shutdown()
    server.server_close()
    thread.join()
