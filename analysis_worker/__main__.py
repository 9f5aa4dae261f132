"""`python -m analysis_worker`: process jobs until SIGTERM or SIGINT, then exit 0.

`python -m analysis_worker healthcheck [--require-redis]` exits 0 when this host's worker
refreshed its heartbeat recently, else 1: an exec probe for orchestrators.
"""

from __future__ import annotations

import argparse
import sys

from analysis_worker import heartbeat
from analysis_worker.malloc import keep_large_buffers_out_of_the_heap
from analysis_worker.worker import serve
from common.config import Settings
from common.lifecycle import run_service


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis_worker")
    commands = parser.add_subparsers(dest="command")
    probe = commands.add_parser("healthcheck", help="exit 0 if the worker is alive, 1 if not")
    probe.add_argument(
        "--require-redis", action="store_true",
        help="also fail while the worker cannot reach Redis (not for liveness: restarts do not fix Redis)",
    )
    args = parser.parse_args(argv)
    if args.command == "healthcheck":
        problem = heartbeat.check(Settings.from_env(), require_redis=args.require_redis)
        print(problem or "ok")
        return 1 if problem else 0
    keep_large_buffers_out_of_the_heap()
    return run_service("worker", serve)


if __name__ == "__main__":
    sys.exit(main())
