"""`python -m gateway_service`: serve until SIGTERM or SIGINT, then drain and exit 0."""

from __future__ import annotations

import asyncio

from common.config import Settings
from common.lifecycle import run_service
from gateway_service.server import Gateway


async def serve(settings: Settings, stop: asyncio.Event) -> None:
    gateway = Gateway(settings)
    await gateway.start()
    await stop.wait()
    await gateway.stop()


def main() -> None:
    run_service("gateway", serve)


if __name__ == "__main__":
    main()
