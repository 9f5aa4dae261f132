"""`python -m gateway_service`: serve until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import signal

from common import logs
from common.config import Settings
from gateway_service.server import Gateway


async def serve(settings: Settings) -> None:
    gateway = Gateway(settings)
    await gateway.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await gateway.stop()


def main() -> None:
    settings = Settings.from_env()
    logs.configure(settings.log_level, "gateway")
    asyncio.run(serve(settings))


if __name__ == "__main__":
    main()
