"""The one place that reads configuration from the environment.

Every other module receives a `Settings` (or the values it needs) as an argument,
so tests build settings explicitly instead of patching the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

MIB = 1024 * 1024
# Hard ceilings, which no setting can raise: the extraction's defences (pypdf's stream and
# page-tree limits, the pool process's memory) are sized for them. A larger file, or a PDF
# of more pages, is refused whatever MAX_FILE_BYTES and MAX_PAGES say.
FILE_BYTES_CEILING = 20 * MIB
PAGES_CEILING = 1000
REDIS_MODES = ("standalone", "sentinel", "cluster")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


@dataclass(frozen=True, kw_only=True)
class Settings:
    # Redis: one server, the cache and the queue in separate databases.
    redis_host: str = "localhost"
    redis_port: int = 6379
    redis_password: str | None = None
    redis_username: str | None = None
    # TLS to Redis (rediss): CA bundle to verify the server, and a client certificate if it asks.
    redis_tls: bool = False
    redis_tls_ca: str | None = None
    redis_tls_cert: str | None = None
    redis_tls_key: str | None = None
    # Retries of one Redis command on a connection error before the caller sees it.
    redis_max_retries: int = 3
    redis_connect_timeout: float = 2.0
    # Must stay above BullMQ's longest blocking wait (10 s), or idle workers time out.
    redis_socket_timeout: float = 15.0
    cache_db: int = 0
    queue_db: int = 1
    # The cache on a Redis server of its own (one server, whatever REDIS_MODE says), where an
    # eviction policy such as allkeys-lru may drop it; unset, it shares the queue's server.
    cache_redis_host: str = ""
    cache_redis_port: int = 6379
    cache_redis_password: str | None = None
    cache_redis_username: str | None = None
    cache_redis_tls: bool = False
    cache_redis_tls_ca: str | None = None
    cache_redis_tls_cert: str | None = None
    cache_redis_tls_key: str | None = None
    # How Redis is found (common/redis_modes.py): standalone, the master that Sentinel names,
    # or a cluster. A cluster has database 0 only: the cache and the queue share it, their
    # keys apart by prefix. Host lists are "host:port,host:port"; an empty cluster list
    # starts from REDIS_HOST:REDIS_PORT.
    redis_mode: str = "standalone"
    redis_sentinels: str = ""
    redis_sentinel_master: str = "mymaster"
    redis_sentinel_password: str | None = None
    redis_cluster_nodes: str = ""
    # BullMQ's key prefix, shared with Node.js services. A cluster needs it hash-tagged
    # ("{bull}"): a queue's Lua scripts touch many keys, which must share one slot.
    queue_prefix: str = "bull"
    # Replication is asynchronous: a submission acknowledged by a master that dies before
    # passing it on is lost. N > 0 acknowledges a submission only once N replicas hold it.
    redis_wait_replicas: int = 0
    redis_wait_timeout_ms: int = 1000
    # Fractions of the queue server's maxmemory (README, When Redis is full): above the
    # first the gateway refuses submissions, so that accepted jobs keep room to complete;
    # above the second, while the cache shares that server, analyses are not cached.
    redis_admission_limit: float = 0.85
    cache_memory_limit: float = 0.70

    grpc_host: str = "[::]"
    grpc_port: int = 50051
    # The gateway serves TLS with this certificate and key; with a client CA, callers
    # must present a certificate it signed (mutual TLS). Without a certificate the
    # gateway refuses to start unless GRPC_PLAINTEXT says plaintext is intended.
    grpc_tls_cert: str | None = None
    grpc_tls_key: str | None = None
    grpc_tls_client_ca: str | None = None
    grpc_plaintext: bool = False
    # Callers present `authorization: Bearer <token>`; false trusts organisation_id as sent.
    auth_required: bool = True
    # Submissions an organisation may make per minute, shared by every gateway; 0: no limit.
    rate_limit_per_minute: int = 600
    rate_limit_burst: int = 60
    # Largest file accepted, at most FILE_BYTES_CEILING.
    max_file_bytes: int = 10 * MIB
    # Upper bound of any RPC's own work when the caller sets no deadline.
    rpc_timeout: float = 10.0
    # How often the gateway pings Redis to drive grpc.health.v1.
    health_interval: float = 1.0
    # On SIGTERM the gateway reports NOT_SERVING but keeps serving this long, so that
    # balancers stop routing to it before it refuses calls; then in-flight RPCs get the grace.
    gateway_drain: float = 1.0
    gateway_grace: float = 10.0
    # Gateway processes sharing GRPC_PORT (SO_REUSEPORT), each on about one core; 0: one per CPU.
    gateway_processes: int = 1

    worker_concurrency: int = 5
    # Processes that run extraction and analysis; 0 means one per CPU, at most the concurrency.
    worker_processes: int = 0
    # How long a worker lets running jobs finish on SIGTERM before handing them back.
    worker_grace: float = 25.0
    # A job whose worker stopped renewing its lock this long ago is handed to another
    # worker at the next stalled-job check.
    worker_lock_duration_ms: int = 30_000
    worker_stalled_interval_ms: int = 30_000
    # Pause before a worker retries Redis after losing it.
    worker_reconnect_delay_ms: int = 1000
    # Wall-clock limit of extraction and analysis of one file.
    job_timeout: float = 60.0
    # Address-space limit of an extraction process. OCR of a page reserves about 1.4 GB of
    # address space (onnxruntime; some 0.8 GB resident) and fails with 1.25 GiB.
    extraction_memory_bytes: int = 2048 * MIB
    # Pages of a document read (a warning names the rest), at most PAGES_CEILING.
    max_pages: int = 50
    # OCR of PDF pages without a usable text layer and of DOCX files that are one picture.
    ocr_enabled: bool = True
    # Pages read by OCR per document (about 3-5 s each on one core); further ones get a warning.
    ocr_max_pages: int = 5
    # Resolution of the page images given to OCR, chosen by measurement (README, OCR).
    ocr_dpi: int = 300
    # Breaks between jobs longer than this many months are reported as employment gaps.
    gap_months: int = 6

    job_attempts: int = 3
    job_backoff_ms: int = 2000
    keep_completed_seconds: int = 24 * 3600
    keep_completed_count: int = 1000
    keep_failed_seconds: int = 7 * 24 * 3600
    keep_failed_count: int = 5000
    # Inline uploads wait for their job at most this long; then they expire.
    upload_ttl_seconds: int = 7 * 24 * 3600
    analysis_ttl_seconds: int = 7 * 24 * 3600

    fetch_timeout: float = 15.0
    fetch_max_redirects: int = 3
    # Lets file URLs point at loopback and private networks (tests, single-host setups).
    fetch_allow_private: bool = False

    # Webhook deliveries: attempts, and the first of their exponentially growing delays;
    # 12 attempts from 45 s span about a day. The timeout bounds each POST.
    webhook_attempts: int = 12
    webhook_backoff_ms: int = 45_000
    webhook_timeout: float = 10.0

    # Prometheus metrics over HTTP (/metrics); 0 turns them off.
    gateway_metrics_port: int = 9464
    worker_metrics_port: int = 9465
    # The worker proves it is alive by refreshing this file (for exec probes) and a
    # `worker:heartbeat:{name}` key in the queue database.
    worker_heartbeat_file: str = "/tmp/resume-worker.heartbeat"
    worker_heartbeat_interval: float = 5.0

    # PostgreSQL, the store of record of analyses (postgresql://user:password@host:port/db).
    # Unset, analyses live in the cache only and the analysis RPCs answer FAILED_PRECONDITION.
    database_url: str | None = None
    database_pool_size: int = 10
    # Bounds connecting and each statement, so that callers learn soon that PostgreSQL is gone.
    database_timeout: float = 5.0
    # Analyses older than this many days are deleted, by one worker at a time; 0 keeps them.
    analysis_retention_days: float = 0.0
    analysis_retention_interval: float = 3600.0

    # Traces go by OTLP over gRPC to this collector (e.g. http://otel-collector:4317; https
    # for TLS); unset, nothing is traced (common/tracing.py). The service's name in them,
    # unless set: resume-gateway, resume-worker.
    otel_exporter_otlp_endpoint: str = ""
    otel_service_name: str = ""

    # The token resume-cli sends.
    resume_token: str | None = None

    log_level: str = "INFO"

    def __post_init__(self) -> None:
        if not 0 < self.cache_memory_limit <= self.redis_admission_limit <= 1:
            raise ValueError(
                f"CACHE_MEMORY_LIMIT={self.cache_memory_limit} and REDIS_ADMISSION_LIMIT={self.redis_admission_limit} "
                "are fractions of maxmemory with 0 < CACHE_MEMORY_LIMIT <= REDIS_ADMISSION_LIMIT <= 1"
            )
        for name, value, ceiling in (("MAX_FILE_BYTES", self.max_file_bytes, FILE_BYTES_CEILING),
                                     ("MAX_PAGES", self.max_pages, PAGES_CEILING)):
            if not 0 < value <= ceiling:
                raise ValueError(f"{name}={value} is not between 1 and its hard ceiling, {ceiling}")
        if self.gap_months < 0:
            raise ValueError(f"GAP_MONTHS={self.gap_months} is negative; give a number of months, 0 or more")
        if self.log_level.upper() not in LOG_LEVELS:
            raise ValueError(f"LOG_LEVEL={self.log_level!r} is not one of {', '.join(LOG_LEVELS)}")
        if self.redis_mode not in REDIS_MODES:
            raise ValueError(f"REDIS_MODE={self.redis_mode!r} is not one of {', '.join(REDIS_MODES)}")
        if self.redis_mode == "sentinel" and not host_ports(self.redis_sentinels):
            raise ValueError("REDIS_MODE=sentinel needs REDIS_SENTINELS (host:port,host:port)")
        host_ports(self.redis_cluster_nodes)
        if self.redis_mode == "cluster" and self.redis_wait_replicas:
            raise ValueError("REDIS_WAIT_REPLICAS is not supported with REDIS_MODE=cluster")
        if self.redis_mode == "cluster" and not _hash_tagged(self.queue_prefix):
            raise ValueError(
                f"QUEUE_PREFIX={self.queue_prefix!r} is not hash-tagged: in a Redis Cluster every key of "
                f"a queue must share one slot; set QUEUE_PREFIX={{{self.queue_prefix}}} (and the same "
                "prefix in Node.js producers and workers)"
            )

    def cache_server(self) -> Settings:
        """These settings with the cache's own server, when it has one, in place of the queue's."""
        if not self.cache_redis_host:
            return self
        return replace(
            self, redis_mode="standalone", redis_host=self.cache_redis_host, redis_port=self.cache_redis_port,
            redis_password=self.cache_redis_password, redis_username=self.cache_redis_username,
            redis_tls=self.cache_redis_tls, redis_tls_ca=self.cache_redis_tls_ca,
            redis_tls_cert=self.cache_redis_tls_cert, redis_tls_key=self.cache_redis_tls_key,
        )

    @property
    def grpc_address(self) -> str:
        return f"{self.grpc_host}:{self.grpc_port}"

    @property
    def max_message_bytes(self) -> int:
        # Room for the request's other fields beside the file.
        return self.max_file_bytes + MIB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from environment variables named as the fields in upper case."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for field in fields(cls):
            raw = environ.get(field.name.upper())
            if raw is None or raw == "":
                continue
            values[field.name] = _parse(field.name, raw, type(getattr(cls, field.name)))
        values.update(overrides)
        return cls(**values)


def _hash_tagged(prefix: str) -> bool:
    # Redis hashes only what is between the first "{" and the next "}", when not empty.
    start = prefix.find("{")
    end = prefix.find("}", start + 1)
    return start >= 0 and end > start + 1


def host_ports(hosts: str) -> list[tuple[str, int]]:
    """"a:1, b:2" as [("a", 1), ("b", 2)]."""
    pairs = []
    for item in filter(None, (part.strip() for part in hosts.split(","))):
        host, _, port = item.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f"{item!r} in {hosts!r} is not host:port")
        pairs.append((host.strip("[]"), int(port)))
    return pairs


def _parse(name: str, raw: str, kind: type) -> Any:
    try:
        if kind is bool:
            if raw.lower() not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError(raw)
            return raw.lower() in {"1", "true", "yes"}
        if kind in (int, float):
            return kind(raw)
    except ValueError:
        raise ValueError(f"{name.upper()}={raw!r} is not a valid {kind.__name__}") from None
    return raw
