"""Admission: new submissions are refused once the queue's Redis is REDIS_ADMISSION_LIMIT
full, so that the jobs it accepted keep the memory they need to complete.

Redis runs `noeviction` for the queue's sake: at maxmemory it refuses every write, a
worker's result among them. Stopping short of it leaves the accepted jobs their room.
"""

from __future__ import annotations

from common.redis_memory import MemoryWatch
from gateway_service.errors import QueueFull

# What a job takes in the queue's Redis besides its file, until it is removed: its record,
# its result (the analysis, a few kB) and the events that carry it.
JOB_BYTES = 16 * 1024


class Admission:
    def __init__(self, watch: MemoryWatch, limit: float) -> None:
        self._watch = watch
        self._limit = limit

    async def admit(self, file_bytes: int) -> None:
        """Counts a submission of a file of `file_bytes` (0: a URL) in, or raises QueueFull."""
        size = file_bytes + JOB_BYTES
        if (await self._watch.use()).ratio(size) > self._limit:
            raise QueueFull()
        self._watch.wrote(size)
