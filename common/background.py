"""A service's background tasks, none of which may die unnoticed.

A task that ends with an exception rather than by returning or being cancelled is logged
at ERROR with its traceback and recorded among the failures, and the owner acts on it (the
gateway reports NOT_SERVING to every probe, the worker stops and exits 1), so that a process
which can no longer do its work is restarted instead of carrying on half-dead.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

from common import failures, logs

log = logs.get_logger(__name__)

T = TypeVar("T")


class BackgroundTasks:
    def __init__(self, on_failure: Callable[[], None] | None = None) -> None:
        """`on_failure` is called once for each task that dies, after it is recorded."""
        self._running: set[asyncio.Task[Any]] = set()
        self._on_failure = on_failure
        self.failures: list[str] = []

    def spawn(self, name: str, work: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.create_task(work, name=name)
        self._running.add(task)
        task.add_done_callback(self._ended)
        return task

    def _ended(self, task: asyncio.Task[Any]) -> None:
        self._running.discard(task)
        if task.cancelled() or task.exception() is None:
            return
        error = task.exception()
        # The type only: an exception's text may quote what it was working on.
        self.failures.append(f"background task {task.get_name()!r} died ({type(error).__name__})")
        log.error("background task died", exc_info=error, extra={"task": task.get_name()})
        if self._on_failure is not None:
            self._on_failure()

    async def join(self) -> None:
        """Waits for the running tasks to end by themselves."""
        while self._running:
            await asyncio.wait(set(self._running))

    async def cancel(self) -> None:
        for task in self._running:
            task.cancel()
        await self.join()


async def once_reachable(
    attempt: Callable[[], Awaitable[T]], retry_on: tuple[type[Exception], ...], *,
    waiting_for: str, delay: float, stop: asyncio.Event,
) -> T | None:
    """`attempt`'s result, trying again every `delay` seconds while it fails with `retry_on`
    (each failure logged as waiting for `waiting_for`); None if `stop` is set first."""
    while not stop.is_set():
        try:
            return await attempt()
        except retry_on as error:
            log.warning("waiting for %s: %s", waiting_for, failures.describe(error))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
    return None
