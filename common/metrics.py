"""Prometheus metrics shared by the gateway and the worker, and their HTTP endpoint."""

from __future__ import annotations

from prometheus_client import Gauge, Histogram, start_http_server

from common import logs

log = logs.get_logger(__name__)

REDIS_MEMORY_RATIO = Gauge(
    "resume_redis_memory_ratio",
    "Used memory of the Redis server of a database (cache, queue) as a fraction of its maxmemory; 0 without one.",
    ["database"],
)
REDIS_ROUNDTRIP = Histogram(
    "resume_redis_roundtrip_seconds",
    "Time of a small write to Redis (the gateway's health probe, the worker's heartbeat).",
    ["database"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
)


def serve_metrics(port: int) -> None:
    """Serves /metrics on `port` from a background thread; 0 serves nothing."""
    if port:
        start_http_server(port)
        log.info("metrics served", extra={"port": port})
