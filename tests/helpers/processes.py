"""Child processes the tests start and stop: the services, workers, the stack, Node.js listeners."""

from __future__ import annotations

import asyncio
import inspect
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from pathlib import Path

import pytest

from tests.helpers.support import ROOT


class ServiceProcess:
    """A child process that runs until it is stopped, started with this process's environment
    and `env` over it; its stdout and stderr go to one log file, kept for failure messages."""

    def __init__(self, command: Sequence[str], log_path: Path, env: Mapping[str, str] | None = None, *,
                 cwd: Path = ROOT, unset: Iterable[str] = ()) -> None:
        self.log_path = log_path
        environment = {**os.environ, **(env or {})}
        for name in unset:
            environment.pop(name, None)
        # The child writes to a descriptor of its own: this one can be closed at once.
        with log_path.open("wb") as log:
            self._process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=log, stderr=subprocess.STDOUT)

    @classmethod
    def python(cls, module: str, log_path: Path, env: Mapping[str, str] | None = None, *,
               cwd: Path = ROOT, unset: Iterable[str] = ()) -> ServiceProcess:
        """`python -m module` with this interpreter."""
        return cls([sys.executable, "-m", module], log_path, env, cwd=cwd, unset=unset)

    @property
    def pid(self) -> int:
        return self._process.pid

    def running(self) -> bool:
        return self._process.poll() is None

    def send_signal(self, number: int) -> None:
        self._process.send_signal(number)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def logging_errors(self) -> list[str]:
        """The log calls that could not be formatted: the logging module reports them on
        stderr and carries on."""
        return self.log().split("--- Logging error ---")[1:]

    async def wait_until(self, ready: Callable[[], bool | Awaitable[bool]], timeout: float = 30.0) -> None:
        """Until `ready()` is true; fails with the log if the process ends first or `timeout`
        seconds pass."""
        deadline = time.monotonic() + timeout
        while True:
            answer = ready()
            if await answer if inspect.isawaitable(answer) else answer:
                return
            if not self.running():
                pytest.fail(f"{self._command()} exited {self._process.returncode} before it was ready:\n{self.log()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self._command()} not ready after {timeout:g} s:\n{self.log()}")
            await asyncio.sleep(0.05)

    def wait(self, timeout: float = 30.0) -> int:
        """The exit code; a process still running after `timeout` seconds is killed, so that
        none outlives its test."""
        try:
            return self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            return self._process.wait()

    def stop(self, number: int = signal.SIGTERM, timeout: float = 30.0) -> int:
        """Sends the signal unless the process has ended, then its exit code (see `wait`)."""
        if self.running():
            self.send_signal(number)
        return self.wait(timeout)

    def _command(self) -> str:
        return " ".join(map(str, self._process.args))


def start_worker(env: Mapping[str, str], log_path: Path) -> ServiceProcess:
    """`python -m analysis_worker`, its heartbeat file beside its log unless the environment
    names one."""
    heartbeat = os.environ.get("WORKER_HEARTBEAT_FILE", str(log_path.with_suffix(".heartbeat")))
    return ServiceProcess.python("analysis_worker", log_path, {"WORKER_HEARTBEAT_FILE": heartbeat, **env})
