"""Closed-loop load, quantiles and rates: how every part of the bench turns calls into figures."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

from .procfs import CpuWindow


def quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


async def closed_loop(
    concurrency: int,
    seconds: float,
    warmup: float,
    call_of: Callable[[int], Callable[[], Awaitable[Any]]],
    cpu: CpuWindow | None = None,
) -> dict[str, Any]:
    """`concurrency` callers, each issuing its next call when the last one answered.
    Only calls that start after the warm-up and end within the window count."""
    start = time.perf_counter()
    measure_from, end = start + warmup, start + warmup + seconds
    latencies: list[float] = []
    errors: list[str] = []

    async def caller(index: int) -> None:
        call = call_of(index)
        while True:
            t0 = time.perf_counter()
            if t0 >= end:
                return
            try:
                await call()
            except Exception as error:  # noqa: BLE001 - counted and shown, the run goes on
                errors.append(f"{type(error).__name__}: {error}"[:200])
                continue
            t1 = time.perf_counter()
            if t0 >= measure_from and t1 <= end:
                latencies.append(t1 - t0)

    async def window() -> dict[str, float]:
        await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
        cpu.start()
        await asyncio.sleep(max(0.0, end - time.perf_counter()))
        return cpu.stop()

    watching = asyncio.create_task(window()) if cpu else None
    await asyncio.gather(*(caller(i) for i in range(concurrency)))
    result = {
        "rate": round(len(latencies) / seconds, 1),
        "calls": len(latencies),
        "p50_ms": ms(quantile(latencies, 0.5)),
        "p99_ms": ms(quantile(latencies, 0.99)),
        "errors": len(errors),
    }
    if errors:
        result["first_error"] = errors[0]
    if watching:
        result["cpu"] = await watching
    return result


def median_round(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The round of median rate."""
    return sorted(rounds, key=lambda result: result["rate"])[(len(rounds) - 1) // 2]


def rate_ratio(measured: dict[str, Any], anchor: dict[str, Any]) -> float | None:
    return round(measured["rate"] / anchor["rate"], 3) if anchor["rate"] else None


def time_alone(function: Callable[[], Any], repeat: int) -> dict[str, float]:
    function()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        function()
        times.append(time.perf_counter() - t0)
    return {"p50_ms": ms(statistics.median(times)), "min_ms": ms(min(times))}
