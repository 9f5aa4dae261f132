"""A pool of pre-started processes for CPU-bound work, with a time and memory limit per call.

concurrent.futures' pool cannot stop one runaway call: a hostile file would hold its
process forever, or the whole pool would have to go. Here a call that overruns its
time limit costs only its own process, which is killed and replaced.

The processes are plain `python` subprocesses talking over an inherited socket, not
multiprocessing's: they import only what they run, not a copy of the parent's event
loop and sockets, and no resource-tracker process (13 MB) runs beside them.
"""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar, cast

from analysis_worker.malloc import keep_large_buffers_out_of_the_heap
from common import logs

log = logs.get_logger(__name__)
T = TypeVar("T")

# A function and its arguments, as a child runs them.
Call = tuple[Callable[..., Any], tuple[Any, ...]]
# Calls (a function and its arguments, the file among them) at least this large are
# written to the child from a thread.
_SEND_IN_THREAD_BYTES = 1024 * 1024


class CallTimeout(Exception):
    """The call ran past its time limit; its process was killed."""


class ProcessDied(Exception):
    """The process running the call died (killed by the kernel or by a crash)."""


class _Child:
    def __init__(self, memory_limit: int, preload: tuple[str, ...], initializer: Call | None) -> None:
        parent_end, child_end = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from analysis_worker.process_pool import serve; serve()",
             str(child_end.fileno()), str(memory_limit), *preload],
            pass_fds=[child_end.fileno()],
            # The functions and arguments sent are pickled by reference to their modules:
            # the child imports them from where this process found them.
            env={**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)},
        )
        child_end.close()
        self.connection = Connection(parent_end.detach())
        # Small enough for the socket's buffer: the child reads it once its modules are imported.
        self.connection.send_bytes(ForkingPickler.dumps(initializer))
        # Until the child says it has imported its modules and run the initializer: a call's
        # time limit does not count a process starting (a second or more on a loaded machine).
        self.ready = False

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()
        self.connection.close()


class ProcessPool:
    def __init__(self, size: int, *, memory_limit: int, preload: tuple[str, ...] = (),
                 initializer: Call | None = None) -> None:
        """Each process imports the `preload` modules, then runs `initializer` (a function
        and its arguments) before its first call: what it loads is not counted against
        a call's time limit. A failed initializer is logged; the process serves calls anyway."""
        self.size = size
        self._memory_limit = memory_limit
        self._preload = preload
        self._initializer = initializer
        self._idle: asyncio.Queue[_Child] = asyncio.Queue()
        self._children: set[_Child] = set()
        for _ in range(size):
            self._add_child()

    def _add_child(self) -> None:
        child = _Child(self._memory_limit, self._preload, self._initializer)
        self._children.add(child)
        self._idle.put_nowait(child)

    def _replace(self, child: _Child) -> None:
        self._children.discard(child)
        child.kill()
        self._add_child()

    async def run(self, timeout: float, function: Callable[..., T], *args: Any) -> T:
        """Runs `function(*args)` in a child; its exceptions are raised here."""
        child = await self._idle.get()
        try:
            if not child.ready:
                initialized, error = await _receive(child.connection)
                child.ready = True
                if not initialized:
                    log.warning("a pool process could not prepare: %s", error)
            await _send(child.connection, (function, args))
            ok, value = await asyncio.wait_for(_receive(child.connection), timeout)
        except TimeoutError:
            self._replace(child)
            raise CallTimeout(f"took longer than {timeout:g} s") from None
        except (EOFError, OSError):
            try:
                code: int | None = child.process.wait(5)
            except subprocess.TimeoutExpired:
                code = None
            self._replace(child)
            raise ProcessDied(f"the process died (exit code {code})") from None
        except BaseException:
            # Cancelled mid-call: the child's answer would confuse its next caller.
            self._replace(child)
            raise
        self._idle.put_nowait(child)
        if ok:
            # What `function` returned, unpickled.
            return cast(T, value)
        raise value

    def close(self) -> None:
        for child in self._children:
            child.kill()
        self._children.clear()


async def _send(connection: Connection, call: Call) -> None:
    """Sends from the event loop when the call is small: the child waits in recv, so the
    write ends at once, and a thread hop would cost more than it. A large one (a file of
    megabytes) is sent from a thread, so that the loop goes on meanwhile."""
    payload = ForkingPickler.dumps(call)
    if len(payload) < _SEND_IN_THREAD_BYTES:
        connection.send_bytes(payload)
    else:
        await asyncio.to_thread(connection.send_bytes, payload)


async def _receive(connection: Connection) -> tuple[bool, Any]:
    loop = asyncio.get_running_loop()
    readable: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not readable.done():
            readable.set_result(None)

    loop.add_reader(connection.fileno(), wake)
    try:
        await readable
    finally:
        loop.remove_reader(connection.fileno())
    # The child writes its whole answer at once: once readable, recv finishes promptly.
    answer: tuple[bool, Any] = connection.recv()
    return answer


def serve() -> None:
    """The child's side: `python -c ... FD MEMORY_LIMIT [MODULE...]`, answering calls until
    the parent closes the socket."""
    connection = Connection(int(sys.argv[1]))
    memory_limit = int(sys.argv[2])
    # Ctrl-C reaches the whole process group; the parent decides when children stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    keep_large_buffers_out_of_the_heap()
    if memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    for module in sys.argv[3:]:
        __import__(module)
    initializer = connection.recv()
    try:
        if initializer is not None:
            function, args = initializer
            function(*args)
        connection.send((True, None))  # ready
    except Exception as error:  # noqa: BLE001 - reported by the parent; calls are served anyway
        connection.send((False, f"{type(error).__name__}: {error}"))
    while True:
        try:
            function, args = connection.recv()
        except EOFError:
            return
        try:
            answer: tuple[bool, Any] = (True, function(*args))
        except MemoryError:
            answer = (False, MemoryError(f"exceeded the memory limit of {memory_limit // 2**20} MiB"))
        except Exception as error:  # noqa: BLE001 - every failure goes back to the caller
            answer = (False, error)
        try:
            connection.send(answer)
        except Exception as error:  # noqa: BLE001 - e.g. an exception that cannot be pickled
            connection.send((False, RuntimeError(f"{type(error).__name__}: {error}")))
