"""`python -m gateway_service`: serve until SIGTERM or SIGINT, then drain and exit 0.

With GATEWAY_PROCESSES above 1, this process runs that many gateway processes on the
same port and stops them together.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys

import uvloop

from common import logs
from common.config import Settings
from common.lifecycle import run_service
from common.processes import supervise
from gateway_service.server import Gateway


async def serve(settings: Settings, stop: asyncio.Event) -> None:
    gateway = Gateway(settings)
    await gateway.start()
    # What exists now (modules, descriptors, the server) lives as long as the process:
    # left to the collector, each full collection walks all of it, pausing every call in
    # flight for up to 30 ms under load.
    gc.freeze()
    await stop.wait()
    await gateway.stop()


def main() -> None:
    settings = Settings.from_env()
    processes = settings.gateway_processes or os.cpu_count() or 1
    if processes == 1:
        # uvloop: the gateway's own Python per call is small beside the event loop's, and
        # uvloop's loop costs less per call (README, Performance). The worker keeps asyncio's.
        sys.exit(run_service("gateway", serve, uvloop.new_event_loop))
    logs.configure(settings.log_level, "gateway")
    if not settings.grpc_port:
        sys.exit("GATEWAY_PROCESSES above 1 needs a fixed GRPC_PORT: with 0 each process would pick its own port")
    # grpc.so_reuseport lets them all bind GRPC_PORT; the kernel spreads the connections.
    sys.exit(supervise({
        f"gateway-{index}": ([sys.executable, "-m", "gateway_service"], {
            **os.environ,
            "GATEWAY_PROCESSES": "1",
            "GATEWAY_METRICS_PORT": str(settings.gateway_metrics_port + index if settings.gateway_metrics_port else 0),
        })
        for index in range(processes)
    }))


if __name__ == "__main__":
    main()
