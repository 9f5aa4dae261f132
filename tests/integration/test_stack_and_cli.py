"""The `make run` stack and the CLI, as a person would use them."""

import asyncio
import contextlib
import json
import shutil
import signal
import sys
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from common.devstack.embedded_redis import free_port
from tests.helpers.processes import ServiceProcess
from tests.helpers.support import FIXTURES, ROOT, wait_serving

PDF = FIXTURES / "John_Doe_ClassicTheme_CV.pdf"


async def cli(port: int, *args: str, timeout: float = 60) -> tuple[int, str, str]:
    """Runs the CLI without blocking the event loop, which serves the in-process gateway."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "gateway_service.cli", "--address", f"127.0.0.1:{port}", *args,
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    async with asyncio.timeout(timeout):
        stdout, stderr = await process.communicate()
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


@pytest.mark.usefixtures("worker")
async def test_cli_submits_waits_and_reads_back(gateway) -> None:
    code, out, err = await cli(gateway.port, "submit", str(PDF), "--organisation", "cli-org", "--wait")
    assert code == 0, err
    status = json.loads(out)
    assert status["state"] == "JOB_STATE_COMPLETED"
    assert "john.doe@email.com" in status["result"]["contact"]["emails"]

    code, out, err = await cli(gateway.port, "status", status["jobId"], "--organisation", "cli-org")
    assert code == 0 and json.loads(out)["jobId"] == status["jobId"]

    code, out, err = await cli(gateway.port, "status", status["jobId"], "--organisation", "other-org")
    assert code == 2 and err.startswith("NOT_FOUND")

    code, out, err = await cli(gateway.port, "health", "--check", "queue")
    assert code == 0, err
    assert json.loads(out)["queue"]["name"] == "resume-analysis"


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A working directory others may enter: under root, the embedded PostgreSQL runs as
    `nobody` and must reach .run/postgres, which pytest's private tmp_path forbids."""
    directory = Path(tempfile.mkdtemp(prefix="resume-stack-"))
    directory.chmod(0o755)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


@contextlib.asynccontextmanager
async def running_stack(directory: Path) -> AsyncIterator[tuple[int, ServiceProcess]]:
    """`python -m common.devstack` in `directory`, from empty data directories, as `make run`
    starts it: (gRPC port, the stack's process) once the gateway reports SERVING. Stopped
    with Ctrl-C after, and expected to stop cleanly."""
    grpc_port = free_port()
    env = {"GRPC_PORT": str(grpc_port), "REDIS_PORT": str(free_port()), "LOG_LEVEL": "DEBUG",
           "GATEWAY_METRICS_PORT": "0", "WORKER_METRICS_PORT": "0", "PYTHONPATH": str(ROOT)}
    stack = ServiceProcess.python("common.devstack", directory / "stack.log", env, cwd=directory,
                                  unset=("REDIS_HOST", "DATABASE_URL"))
    try:
        await wait_serving(grpc_port, timeout=60, alive=stack.running)
        yield grpc_port, stack
    finally:
        code = stack.stop(signal.SIGINT, timeout=60)
    text = stack.log()
    events = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    assert code == 0, text
    assert "--- Logging error ---" not in text
    stopped = [(e.get("child"), e.get("exit_code")) for e in events if e["event"] == "stopped"]
    assert sorted(stopped) == [("gateway", 0), ("worker", 0)]
    assert any(e["event"] == "embedded redis-server stopped" for e in events)
    assert any(e["event"] == "embedded postgres stopped" for e in events)
    assert any(e["event"] == "schema migration applied" for e in events)


@pytest.mark.usefixtures("postgres")
async def test_stack_starts_embedded_redis_and_postgres_and_stops_cleanly_on_ctrl_c(public_dir: Path) -> None:
    async with running_stack(public_dir) as (grpc_port, _):
        token = (public_dir / ".run" / "token").read_text().strip()
        code, out, err = await cli(grpc_port, "--token", token, "submit", str(PDF), "--organisation", "demo",
                                   "--redact", "--wait")
        status = json.loads(out)
        assert status["state"] == "JOB_STATE_COMPLETED", err
        code, out, err = await cli(grpc_port, "--token", token, "analysis", status["metadata"]["resumeId"],
                                   "--organisation", "demo")
        assert json.loads(out)["analysis"]["version"] == 1, err
        name = json.loads(out)["analysis"]["analysis"]["contact"]["name"]
        code, out, err = await cli(grpc_port, "--token", token, "redacted", status["metadata"]["resumeId"],
                                   "--organisation", "demo", "--mask-employers")
        redacted = json.loads(out)
        assert code == 0 and name and name not in out and "[NAME]" in redacted["text"], err
        assert {"MASK_KIND_NAME", "MASK_KIND_EMPLOYER"} <= {span["kind"] for span in redacted["maskedSpans"]}
        # The stack's token has every scope, erasing among them.
        code, out, err = await cli(grpc_port, "--token", token, "erase", status["metadata"]["candidateId"],
                                   "--organisation", "demo")
        assert code == 0 and json.loads(out)["analyses"] == "1", err  # int64: a string in JSON
        code, out, err = await cli(grpc_port, "submit", str(PDF), "--organisation", "demo")
        assert code == 2 and err.startswith("UNAUTHENTICATED"), "the stack must require a token"


@pytest.mark.usefixtures("postgres")
@pytest.mark.parametrize("start", range(5))
async def test_a_fresh_stack_stays_up_and_analyses(public_dir: Path, start: int) -> None:
    """Gateway and worker race to apply the schema of a new database and log it: whichever
    wins must carry on (both still running 5 s after SERVING), and a resume completes."""
    async with running_stack(public_dir) as (grpc_port, stack):
        await asyncio.sleep(5)
        assert stack.running(), "a service stopped after the stack became ready"
        token = (public_dir / ".run" / "token").read_text().strip()
        code, out, err = await cli(grpc_port, "--token", token, "submit", str(PDF), "--organisation", "demo", "--wait")
        assert code == 0 and json.loads(out)["state"] == "JOB_STATE_COMPLETED", err
