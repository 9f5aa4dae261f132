"""The printed report of a run's results: one table or block per part, then the targets."""

from __future__ import annotations

from typing import Any

from .files import KB
from .stub_gateway import STUB_LABELS


def fmt(value: Any, width: int = 8) -> str:
    if value is None:
        return "-".rjust(width)
    if isinstance(value, float):
        return (
            f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}"
        ).rjust(width)
    return str(value).rjust(width)


def submit_lines(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "1. SubmitResume: calls/s and latency (ms) vs bullmq Queue.add from one Python process",
        "   (inline: anchor is SET 100 KB + add); CPU in % of one core over the window",
        f"{'payload':<12}{'callers':>8}{'gw':>4}{'rate/s':>9}{'p50':>7}{'p99':>7} |{'raw/s':>8}"
        f"{'p50':>7}{'p99':>7} |{'node/s':>8} |{'gw/raw':>7} |"
        " cpu: gateways redis bench others | gw ms/call",
    ]
    for row in results["submit"]:
        g, r, n = row["gateway"], row["raw_add"], row["node_add"] or {}
        cpu = g.get("cpu", {})
        gw_cpu = "+".join(f"{v:.0f}" for k, v in cpu.items() if k.startswith("gateway"))
        lines.append(
            f"{row['payload']:<12}{row['concurrency']:>8}{row['gateways']:>4}{fmt(g['rate'], 9)}"
            f"{fmt(g['p50_ms'], 7)}{fmt(g['p99_ms'], 7)} |{fmt(r['rate'])}{fmt(r['p50_ms'], 7)}"
            f"{fmt(r['p99_ms'], 7)} |{fmt(n.get('rate'))} |{fmt(row['ratio'], 7)} | "
            f"{gw_cpu:>8} {cpu.get('redis', 0):>5.0f} {cpu.get('bench', 0):>5.0f}"
            f" {cpu.get('others', 0):>6.0f} |"
            f"{fmt(row.get('gateway_cpu_ms_per_call'), 6)}"
            + (f"  errors {g['errors']}" if g["errors"] else "")
        )
    alone = results.get("grpc_alone")
    if alone:
        lines.append(
            f"   gRPC alone, an empty SubmitResume handler, {alone['concurrency']} callers: {alone['rate']:.0f}/s"
            f" = {alone['ratio']} x raw add, {alone['cpu_ms_per_call']} ms CPU per call: the ceiling of one"
            " grpc-aio process here"
        )
    anchor = results.get("node_anchor")
    if anchor:
        lines += node_anchor_lines(anchor)
    return lines


def node_anchor_lines(anchor: dict[str, Any]) -> list[str]:
    g, e = anchor["gateway"], anchor["express"]
    lines = [
        f"   Node.js load generator, {anchor['concurrency']} callers, file URLs (node_submit.js; median of"
        f" rounds {anchor['ratios']}):",
        f"     gateway (gRPC)             {g['rate']:>8.0f}/s  p50 {fmt(g['p50_ms'], 6)}  p99"
        f" {fmt(g['p99_ms'], 6)}  cpu gateway {g['cpu'].get('gateway0', 0):.0f} load"
        f" {g['cpu'].get('load', 0):.0f} redis {g['cpu'].get('redis', 0):.0f}",
        f"     Express + BullMQ (HTTP)    {e['rate']:>8.0f}/s  p50 {fmt(e['p50_ms'], 6)}  p99"
        f" {fmt(e['p99_ms'], 6)}  cpu express {e['cpu'].get('express', 0):.0f} load"
        f" {e['cpu'].get('load', 0):.0f} redis {e['cpu'].get('redis', 0):.0f}",
    ]
    if anchor.get("parts"):
        lines.append("   where the gateway's time goes: servers doing part of its work (stub_gateway.py),"
                     " same load, median rounds")
        steps = [(STUB_LABELS[mode], result, "stub") for mode, result in anchor["parts"].items()]
        for label, result, process in [*steps, ("the gateway", g, "gateway0")]:
            used = result["cpu"].get(process, 0)
            per_call = 10 * used / result["rate"] if result["rate"] else None
            lines.append(
                f"     {label:<34}{result['rate']:>7.0f}/s  p50 {fmt(result['p50_ms'], 6)}  p99"
                f" {fmt(result['p99_ms'], 6)}  cpu {used:>4.0f}%  {fmt(per_call, 6)} ms CPU per call"
            )
    return lines


def worker_lines(results: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "2. Worker: resumes/s vs the same files in a pool of as many processes (medians of rounds)",
        f"{'files':<16}{'procs':>6}{'jobs':>6}{'worker/s':>10} |{'raw/s':>8}{'ratio':>7} |"
        f"{'service/s':>10}{'ratio':>7} | cpu worker redis others | peak MB main children",
    ]
    for row in results["worker"]:
        w = row["worker"]
        lines.append(
            f"{row['files']:<16}{row['processes']:>6}{w['jobs']:>6}{fmt(w['rate'], 10)} |"
            f"{fmt(row['raw_extraction']['rate'])}{fmt(row['ratio'], 7)} |"
            f"{fmt(row['service_pipeline']['rate'], 10)}"
            f"{fmt(row['ratio_pipeline'], 7)} | {w['cpu'].get('worker0', 0):>10.0f}"
            f" {w['cpu'].get('redis', 0):>5.0f}"
            f" {w['cpu'].get('others', 0):>6.0f} | {w['worker_peak_rss_mb']:>13.0f}"
            f" {w['children_peak_rss_mb']:>8.0f}" + (f"  failed {w['failed']}" if w["failed"] else "")
        )
    lines.append(
        "   raw = pypdf extract_text / python-docx paragraphs+cells; service = extract_document"
        " + analyse_document (what a pool process runs per job)"
    )
    costs = results.get("short_pdf_costs")
    if costs:
        lines.append(
            f"   short_pdf, CPU ms per document in one process ({costs['documents']} files): pypdf's text"
            f" {costs['pypdf_ms']}, the service's extraction {costs['extraction_ms']}"
            f" (+{costs['extraction_ms'] - costs['pypdf_ms']:.2f}), analysis {costs['analysis_ms']}"
        )
    return lines


def latency_lines(latency: dict[str, Any]) -> list[str]:
    return [
        "",
        f"3. Idle submit-to-completed, one-page PDF ({latency['file_bytes'] // KB} KB),"
        f" {latency['jobs']} jobs",
        f"   submit -> finishedOn      p50 {latency['to_finished_on']['p50_ms']} ms"
        f"  p99 {latency['to_finished_on']['p99_ms']} ms",
        f"   submit -> seen (WatchJob)  p50 {latency['watchjob_observed']['p50_ms']} ms"
        f"  p99 {latency['watchjob_observed']['p99_ms']} ms",
        f"   of which created -> taken by the worker p50 {latency['queue_wait']['p50_ms']} ms,"
        f" taken -> finished p50 {latency['processing']['p50_ms']} ms",
        f"   anchor: extraction alone, timed between the jobs  p50 {latency['extraction_alone']['p50_ms']} ms"
        f"  (in a warm loop {latency['extraction_warm']['p50_ms']} ms,"
        f" raw pypdf {latency['raw_pypdf_alone']['p50_ms']} ms,"
        f" analysis {latency['analysis_alone']['p50_ms']} ms)",
    ]


def memory_lines(results: dict[str, Any]) -> list[str]:
    memory = results.get("memory")
    lines = ["", "4. Peak RSS (VmHWM, MB)"]
    if results.get("gateway_peak_rss_mb"):
        per = [
            f"{r['payload']} {r['gateway_peak_rss_mb']}"
            for r in results["submit"]
            if "gateway_peak_rss_mb" in r
        ]
        lines.append(f"   gateway during run 1: {results['gateway_peak_rss_mb']}  ({', '.join(per)})")
    for row in results.get("worker", []):
        w = row["worker"]
        lines.append(
            f"   worker during run 2, {row['files']} x{row['processes']}: main {w['worker_peak_rss_mb']},"
            f" {w['children']} pool processes {w['children_peak_rss_mb']} (sum of peaks)"
        )
    if memory:
        lines.append(
            f"   concurrency 10, {memory['jobs']} files of {memory['file_mb']} MB ({memory['seconds']} s):"
            f" gateway {memory['gateway_peak_rss_mb']}, worker main {memory['worker_peak_rss_mb']},"
            f" pool {memory['children_peak_rss_mb']}"
            + (f", failed {memory['failed']}" if memory["failed"] else "")
        )
    return lines


def report(results: dict[str, Any]) -> str:
    lines = [
        f"bench {results['meta']['when']}  {results['meta']['cpus']} CPUs  python {results['meta']['python']}"
        f"  {'quick' if results['meta']['quick'] else 'full'}"
    ]
    if results.get("submit"):
        lines += submit_lines(results)
    if results.get("worker"):
        lines += worker_lines(results)
    if results.get("latency"):
        lines += latency_lines(results["latency"])
    lines += memory_lines(results)
    lines += ["", "Targets"]
    for target in results.get("targets", []):
        lines.append(
            f"   [{'met' if target['met'] else 'MISSED'}] {target['target']}: {target['value']}"
            f" (limit {target['limit']})"
        )
    return "\n".join(lines)
