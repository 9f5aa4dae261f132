"""What tracing costs SubmitResume: a gateway process with tracing off
(OTEL_EXPORTER_OTLP_ENDPOINT unset) and, with `--on`, one exporting every call's spans to
an OTLP receiver in this process. The modes alternate over rounds, so that the machine's
drift falls on each; the medians of the rounds are printed.

    python -m tests.bench.tracing_overhead [--rounds 5] [--seconds 3] [--callers 16] [--on]

Run against two checkouts with tracing off, it compares the gateway before and after
tracing was added (README, Tracing)."""

from __future__ import annotations

import argparse
import asyncio
import statistics
from typing import Any

from .bench_run import BenchRun
from .submit import grpc_submit


async def measure(rounds: int, seconds: float, callers: int, modes: list[str]) -> dict[str, list[dict[str, Any]]]:
    results: dict[str, list[dict[str, Any]]] = {mode: [] for mode in modes}
    run = BenchRun(argparse.Namespace(quick=False, callers=str(callers)))
    run.seconds = seconds
    receiver = None
    if "on" in modes:
        # Imported only here: the checkout before tracing has no such helper.
        from tests.helpers.otlp import OtlpReceiver

        receiver = OtlpReceiver()
    async with run:
        plain = run.stack.env
        for _ in range(rounds):
            for mode in modes:
                if mode == "on" and receiver is not None:
                    run.stack.env = {**plain, "OTEL_EXPORTER_OTLP_ENDPOINT": receiver.endpoint}
                gateway = await run.stack.start_gateway()
                measured = await grpc_submit(run, callers, None)
                run.stack.stop_gateway(gateway)
                run.stack.env = plain
                await run.stack.flush_queue()
                cpu = measured.get("cpu", {}).get("gateway0", 0.0)
                measured["cpu_ms_per_call"] = round(10 * cpu / measured["rate"], 4) if measured["rate"] else None
                results[mode].append(measured)
                print(f"  {mode}: {measured['rate']}/s, p50 {measured['p50_ms']} ms, p99 {measured['p99_ms']} ms, "
                      f"{measured['cpu_ms_per_call']} ms CPU/call, errors {measured['errors']}", flush=True)
    if receiver is not None:
        print(f"  the receiver got {len(receiver.spans())} spans", flush=True)
        receiver.stop()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--callers", type=int, default=16)
    parser.add_argument("--on", action="store_true", help="also measure with tracing on")
    args = parser.parse_args()
    modes = ["off", "on"] if args.on else ["off"]
    results = asyncio.run(measure(args.rounds, args.seconds, args.callers, modes))
    for mode, rounds in results.items():
        print(
            f"{mode}, median of {len(rounds)}: {statistics.median(r['rate'] for r in rounds):.0f} calls/s, "
            f"p50 {statistics.median(r['p50_ms'] for r in rounds):.2f} ms, "
            f"p99 {statistics.median(r['p99_ms'] for r in rounds):.2f} ms, "
            f"{statistics.median(r['cpu_ms_per_call'] for r in rounds):.4f} ms CPU/call"
        )


if __name__ == "__main__":
    main()
