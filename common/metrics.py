"""Prometheus metrics shared by the gateway and the worker, and their HTTP endpoint."""

from __future__ import annotations

from prometheus_client import Histogram, start_http_server

from common import logs

log = logs.get_logger(__name__)

REDIS_ROUNDTRIP = Histogram(
    "resume_redis_roundtrip_seconds",
    "Time of a PING to Redis.",
    ["database"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
)


def serve_metrics(port: int) -> None:
    """Serves /metrics on `port` from a background thread; 0 serves nothing."""
    if port:
        start_http_server(port)
        log.info("metrics served", extra={"port": port})
