"""`python -m analysis_worker`: process jobs until SIGTERM or SIGINT, then exit 0."""

from __future__ import annotations

from analysis_worker.worker import run_worker
from common.lifecycle import run_service


def main() -> None:
    run_service("worker", run_worker)


if __name__ == "__main__":
    main()
