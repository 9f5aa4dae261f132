"""BullMQ's event stream, read once per gateway and fanned out to the watchers of single jobs.

BullMQ's own QueueEvents stops for good when redis-py's retries run out; this reader
keeps the id of the last event it handed out and, after a reconnect, reads on from
there, so a watcher misses no event that Redis still holds.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine, Iterator
from typing import Any, cast

from redis.exceptions import RedisError

from common import failures, logs
from common.jobs import queue_key
from common.redis_connections import raise_if_cancelling
from common.redis_modes import RedisClient, StreamEntries

log = logs.get_logger(__name__)

# Sent to every watcher after a reconnect: re-read the job, something may have changed.
RESYNC = "resync"


class JobEvents:
    def __init__(
        self, client: RedisClient, queue_prefix: str, *, block_ms: int = 1000, retry_delay: float = 0.5
    ) -> None:
        """`client` needs a socket timeout above `block_ms`."""
        self._client = client
        self._key = queue_key(queue_prefix, "events")
        self._block_ms = block_ms
        self._retry_delay = retry_delay
        self._watchers: dict[str, set[asyncio.Queue[str]]] = {}
        self._watched = asyncio.Event()

    @contextlib.contextmanager
    def watch(self, job_id: str) -> Iterator[asyncio.Queue[str]]:
        """The names of the job's events ("active", "progress", "completed", ...) as they come."""
        events: asyncio.Queue[str] = asyncio.Queue()
        self._watchers.setdefault(job_id, set()).add(events)
        self._watched.set()
        try:
            yield events
        finally:
            watchers = self._watchers[job_id]
            watchers.discard(events)
            if not watchers:
                del self._watchers[job_id]

    def watched_jobs(self) -> int:
        return len(self._watchers)

    async def run(self, stop: asyncio.Event) -> None:
        """Reads until `stop` is set. The flag, not only cancellation, ends the loop:
        redis-py can lose a cancellation that lands in a blocking read."""
        last_id = None
        while not stop.is_set():
            if not self._watchers:
                # Nobody watches: reading every event of every job would cost CPU for nothing.
                self._watched.clear()
                last_id = None
                await _first_of(self._watched.wait(), stop.wait())
                continue
            try:
                if last_id is None:
                    last_id = await self._latest_id()
                    # What happened between a watcher's first snapshot and this id was not
                    # read: the watchers look at their job again.
                    self._resync()
                # The client decodes replies (decode_responses): ids and fields are str.
                replies = cast(
                    list[tuple[str, StreamEntries]],
                    await self._client.xread({self._key: last_id}, block=self._block_ms, count=500),
                )
            except (RedisError, OSError) as error:
                raise_if_cancelling(error)
                log.warning("job event stream unavailable: %s", failures.describe(error))
                await self._reconnected()
                continue
            for _, entries in replies:
                for entry_id, fields in entries:
                    last_id = entry_id
                    for events in self._watchers.get(fields.get("jobId", ""), ()):
                        events.put_nowait(fields.get("event", ""))

    async def _latest_id(self) -> str:
        # A concrete id rather than "$": a reconnect must not skip what came meanwhile.
        newest = cast(StreamEntries, await self._client.xrevrange(self._key, count=1))
        return newest[0][0] if newest else "0-0"

    async def _reconnected(self) -> None:
        while True:
            await asyncio.sleep(self._retry_delay)
            try:
                await self._client.ping()
            except (RedisError, OSError) as error:
                raise_if_cancelling(error)
                continue
            log.info("job event stream back")
            self._resync()
            return

    def _resync(self) -> None:
        for watchers in self._watchers.values():
            for events in watchers:
                events.put_nowait(RESYNC)


async def _first_of(*waits: Coroutine[Any, Any, Any]) -> None:
    tasks = [asyncio.ensure_future(wait) for wait in waits]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
