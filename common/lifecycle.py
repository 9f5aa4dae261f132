"""Running a service process: configuration, logs, tracing, and a stop event set by SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable

from common import logs, tracing
from common.config import Settings

# A service returns its exit status (None for 0).
Service = Callable[[Settings, asyncio.Event], Awaitable[int | None]]


def run_service(
    name: str, service: Service, loop_factory: Callable[[], asyncio.AbstractEventLoop] | None = None
) -> int:
    """Runs `service` until it returns, which it should soon after the stop event is set;
    its exit status."""
    settings = Settings.from_env()
    logs.configure(settings.log_level, name)
    tracing.configure(settings, f"resume-{name}")
    try:
        with asyncio.Runner(loop_factory=loop_factory) as runner:
            return runner.run(_until_signalled(service, settings)) or 0
    finally:
        tracing.shutdown()


async def _until_signalled(service: Service, settings: Settings) -> int | None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    return await service(settings, stop)
