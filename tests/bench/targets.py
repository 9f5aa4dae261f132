"""The targets the bench checks its figures against, each with the figure and its limit."""

from __future__ import annotations

from typing import Any


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    anchor = results.get("node_anchor")
    if anchor:
        found.append({
            "target": f"gateway x{anchor['concurrency']} >= 0.5 x Express + BullMQ (Node load, 1 process)",
            "value": anchor["ratio"], "limit": 0.5, "met": anchor["ratio"] >= 0.5,
        })
        p99 = anchor["gateway"]["p99_ms"]
        found.append({
            "target": f"gateway x{anchor['concurrency']} p99 <= 25 ms (Node load, 1 process)",
            "value": p99, "limit": 25, "met": p99 is not None and p99 <= 25,
        })
    for row in results.get("worker", []):
        found.append(
            {
                "target": f"worker {row['files']} x{row['processes']} >= 0.9 x raw extraction",
                "value": row["ratio"],
                "limit": 0.9,
                "met": row["ratio"] >= 0.9,
            }
        )
    latency = results.get("latency")
    if latency:
        limit = latency["extraction_alone"]["p50_ms"] + 15
        value = latency["to_finished_on"]["p50_ms"]
        found.append(
            {
                "target": "idle submit-to-completed p50 <= extraction + 15 ms",
                "value": value,
                "limit": round(limit, 1),
                "met": value <= limit,
            }
        )
    memory = results.get("memory")
    if memory:
        value = memory["worker_peak_rss_mb"] + sum(memory["children_peak_rss_mb"])
        found.append(
            {
                "target": "worker RSS (main + pool) <= 250 MB at concurrency 10, 5 MB files",
                "value": round(value, 1),
                "limit": 250,
                "met": value <= 250,
            }
        )
    return found
