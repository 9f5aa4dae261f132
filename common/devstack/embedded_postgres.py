"""A PostgreSQL child process, for `make run` and the tests.

The binaries come from PATH, else from where Debian installs them
(/usr/lib/postgresql/<version>/bin), else from the PyPI `pgserver` wheel, of which only
the binaries are used: its own server management, run as root, creates a system user and
opens directory permissions up to `/`.

PostgreSQL refuses to run as root, so under uid 0 the cluster belongs to, and runs as,
the unprivileged user `nobody`: its directory must then be reachable by that user.
"""

from __future__ import annotations

import glob
import importlib.util
import os
import pwd
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path
from typing import TypedDict

from common.devstack.embedded_redis import free_port, wait_until_ready

UNPRIVILEGED_USER = "nobody"
SUPERUSER = "postgres"


def binaries_dir() -> Path:
    found = shutil.which("postgres")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    debian = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name))
    if debian:
        return Path(debian[-1])
    wheel = pgserver_binaries()
    if wheel is None:
        raise RuntimeError(
            "no PostgreSQL: install Debian's `postgresql` package, `pip install pgserver`, or set DATABASE_URL"
        )
    return wheel


def pgserver_binaries() -> Path | None:
    # Found, not imported: importing pgserver runs its server management's set-up.
    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0]) / "pginstall" / "bin"


def _pid_file_status(directory: Path) -> tuple[int, str] | None:
    """The postmaster's pid and status ("starting", "ready", ...) from its lock file."""
    try:
        lines = (directory / "postmaster.pid").read_text().splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    return int(lines[0]), lines[7].strip() if len(lines) > 7 else ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_by_directory(directory: Path, timeout: float = 15.0) -> None:
    """Stops a server left running on `directory`, e.g. by an owner that was SIGKILLed."""
    status = _pid_file_status(directory)
    if status is None or not _alive(status[0]):
        return
    os.kill(status[0], signal.SIGINT)  # fast shutdown: sessions end, the data stays consistent
    deadline = time.monotonic() + timeout
    while _alive(status[0]):
        if time.monotonic() > deadline:
            os.kill(status[0], signal.SIGKILL)
            break
        time.sleep(0.05)


class _RunAs(TypedDict, total=False):
    """The arguments that run a child as the unprivileged account."""

    user: int
    group: int
    extra_groups: list[int]


class PostgresServer:
    def __init__(self, directory: Path, port: int = 0, *, durable: bool = True, binaries: Path | None = None) -> None:
        """`durable=False` turns fsync off: for tests, whose data may be lost with the machine.
        `binaries`: the directory of `postgres` and `initdb`; by default, see `binaries_dir`."""
        # Absolute: the server runs in it, and resolves its own path from there.
        self.directory = directory.absolute()
        self.port = port or free_port()
        self.durable = durable
        self.process: subprocess.Popen[bytes] | None = None
        self._bin = binaries or binaries_dir()
        self._account = pwd.getpwnam(UNPRIVILEGED_USER) if os.getuid() == 0 else None

    @property
    def url(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _run_as(self) -> _RunAs:
        if self._account is None:
            return {}
        return {"user": self._account.pw_uid, "group": self._account.pw_gid, "extra_groups": []}

    def _initialise(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if self._account is not None:
            for parent in self.directory.resolve().parents:
                if not parent.stat().st_mode & stat.S_IXOTH:
                    raise RuntimeError(
                        f"PostgreSQL runs as {UNPRIVILEGED_USER!r} under root, and cannot reach "
                        f"{self.directory}: {parent} is private; choose a directory under a public one"
                    )
            os.chown(self.directory, self._account.pw_uid, self._account.pw_gid)
        self.directory.chmod(0o700)
        if (self.directory / "PG_VERSION").exists():
            return
        done = subprocess.run(
            [str(self._bin / "initdb"), "-D", str(self.directory), "-U", SUPERUSER, "--auth=trust",
             "-E", "UTF8", "--locale=C", *([] if self.durable else ["--no-sync"])],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            cwd=self.directory, **self._run_as(),
        )
        if done.returncode:
            raise RuntimeError(f"initdb failed in {self.directory}: {done.stderr.decode(errors='replace')}")

    def start(self, timeout: float = 30.0) -> None:
        stop_by_directory(self.directory)
        self._initialise()
        speed = [] if self.durable else ["-c", "fsync=off", "-c", "synchronous_commit=off",
                                         "-c", "full_page_writes=off"]
        log = open(self.directory / "server.log", "ab")  # noqa: SIM115 - handed to the child
        self.process = subprocess.Popen(
            [str(self._bin / "postgres"), "-D", str(self.directory), "-p", str(self.port),
             "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
             "-c", "max_connections=200", *speed],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=self.directory,
            start_new_session=True, **self._run_as(),
        )
        log.close()
        wait_until_ready(self.process, self.ready, timeout, "postgres", self.port, self.directory / "server.log")

    def ready(self) -> bool:
        status = _pid_file_status(self.directory)
        return status is not None and status[1] == "ready"

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None

    def kill(self) -> None:
        """Kills the server and its backends at once, as a crash would."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.process = None
