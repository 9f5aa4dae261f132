"""Running a few service processes together, and stopping them together."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Mapping, Sequence

from common import logs

log = logs.get_logger(__name__)

Command = tuple[Sequence[str], Mapping[str, str]]  # argv, environment


def supervise(commands: Mapping[str, Command]) -> int:
    """Starts the named commands and waits until one of them exits or this process gets
    SIGTERM or SIGINT; then sends SIGTERM to the others and waits for them. Returns 0 if
    every one exited with 0, else 1: a crash of one stops all, for the orchestrator to
    restart."""
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    # Own sessions: Ctrl-C reaches only this process, which then stops the others in order.
    children = {
        name: subprocess.Popen(list(argv), env=dict(env), start_new_session=True)
        for name, (argv, env) in commands.items()
    }
    try:
        while not stopping and all(child.poll() is None for child in children.values()):
            time.sleep(0.2)
    finally:
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for name, child in children.items():
            child.wait()
            log.info("stopped", extra={"child": name, "exit_code": child.returncode})
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0 if all(child.returncode == 0 for child in children.values()) else 1
