"""One run of `python -m tests.bench.run`: its windows and sizes, the stack it measures, and
the results so far."""

from __future__ import annotations

import argparse
from typing import Any

from .stack import Stack


class BenchRun:
    def __init__(self, args: argparse.Namespace) -> None:
        self.quick = args.quick
        self.seconds = 1.0 if args.quick else 3.0
        self.warmup = 0.3 if args.quick else 0.5
        self.results: dict[str, Any] = {}
        self.callers = tuple(int(c) for c in args.callers.split(","))
        self.stack = Stack()

    async def __aenter__(self) -> BenchRun:
        await self.stack.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stack.stop()
