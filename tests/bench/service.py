"""A service of the measured stack as a child process of the bench."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import ROOT
from .procfs import proc_children


class Service:
    """A service as a child process, its log kept in .bench/logs."""

    def __init__(self, arguments: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, *arguments],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.pid = self.process.pid

    def family(self) -> list[int]:
        return [self.pid, *proc_children(self.pid)]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


async def wait_log(service: Service, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in service.log():
        if service.process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{service.log_path} never said {text!r}:\n{service.log()[-3000:]}")
        await asyncio.sleep(0.05)
