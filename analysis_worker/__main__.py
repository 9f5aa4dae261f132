"""`python -m analysis_worker`: process jobs until SIGTERM or SIGINT, then exit 0."""

from __future__ import annotations

import asyncio
import signal

from analysis_worker.worker import run_worker
from common import logs
from common.config import Settings


async def serve(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await run_worker(settings, stop)


def main() -> None:
    settings = Settings.from_env()
    logs.configure(settings.log_level, "worker")
    asyncio.run(serve(settings))


if __name__ == "__main__":
    main()
