"""glibc's malloc, set up for processes that pass multi-megabyte files around.

glibc serves a large allocation with its own mmap and unmaps it when freed, but the
size it counts as large starts at 128 KiB and rises to that of every such block freed
(up to 32 MiB). After the first 5 MB upload, later ones are carved from the heap,
whose freed space stays with the process: a worker's memory ratchets up with each
file (measured: 99 MB instead of 73 MB for the main process, 85 MB instead of 75 MB
for an extraction process, on 5 MB files). A fixed threshold keeps large buffers in
mmap, returned to the system as soon as they are freed.

Only the worker's processes use it: in the gateway, whose allocations are gRPC's many
medium buffers, a fixed threshold cost 15-23% more CPU per call (every buffer above
128 KiB became an mmap and munmap), and the gateway holds an upload only for the time
of one call.
"""

from __future__ import annotations

import ctypes

_M_MMAP_THRESHOLD = -3
_THRESHOLD = 128 * 1024


def keep_large_buffers_out_of_the_heap() -> None:
    """Fixes glibc's mmap threshold at its initial 128 KiB; does nothing on other C libraries."""
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, _THRESHOLD)
