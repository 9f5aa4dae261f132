"""Builds the gateway's gRPC server: the service, grpc.health.v1 and reflection."""

from __future__ import annotations

import asyncio
from pathlib import Path

import grpc
from google.protobuf import descriptor_pool
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from common import logs
from common.background import BackgroundTasks
from common.cache import Cache
from common.config import Settings
from common.metrics import serve_metrics
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_cache, connect_queue
from common.store.analyses import Analyses
from common.tokens import TokenStore
from common.webhooks import Webhooks
from gateway_service.errors import answered
from gateway_service.health import FOLLOWING_REDIS, LIVENESS, SERVICE_NAME, HealthReporter, follow_redis
from gateway_service.job_events import JobEvents
from gateway_service.metrics import timed
from gateway_service.rate_limit import RateLimiter
from gateway_service.resume_queue import ResumeQueue
from gateway_service.servicer import GatewayServicer
from gateway_service.tracing import traced

log = logs.get_logger(__name__)


class Gateway:
    """The server and what it owns; `start()` binds, `stop()` drains and releases."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._cache_client = connect_cache(settings)
        self._queue_client = connect_queue(settings)
        self._queue = ResumeQueue(settings, self._queue_client, connect_queue(settings, decode_responses=False))
        self._events_client = connect_queue(settings)
        self._events = JobEvents(self._events_client, settings.queue_prefix)
        self._analyses = Analyses.of(settings, self._cache_client, self._queue_client)
        self._database = self._analyses.database
        self._tasks = BackgroundTasks(on_failure=self._out_of_service)
        self._health_reporter = HealthReporter(
            self._cache_client, self._queue_client, Cache(self._cache_client), self._queue,
            timeout=max(settings.health_interval, 0.5), tasks=self._tasks,
            admission_limit=settings.redis_admission_limit, database=self._database,
        )
        self.health = health.aio.HealthServicer()
        limit = 2 * settings.max_message_bytes  # larger files get a clear INVALID_ARGUMENT
        self.server = grpc.aio.server(
            options=[
                ("grpc.max_receive_message_length", limit),
                ("grpc.max_send_message_length", limit),
                ("grpc.so_reuseport", 1),
            ]
        )
        servicer = GatewayServicer(
            settings, self._queue, self._events, self._health_reporter, TokenStore(self._cache_client),
            RateLimiter(self._cache_client, settings.rate_limit_per_minute, settings.rate_limit_burst),
            self._analyses, Webhooks(self._queue_client),
        )
        service = resume_pb2.DESCRIPTOR.services_by_name["GatewayService"]
        resume_pb2_grpc.add_GatewayServiceServicer_to_server(
            timed(traced(answered(servicer, service, settings.rpc_timeout), service), service), self.server
        )
        health_pb2_grpc.add_HealthServicer_to_server(
            timed(self.health, descriptor_pool.Default().FindServiceByName(health.SERVICE_NAME)), self.server
        )
        reflection.enable_server_reflection(
            (SERVICE_NAME, health.SERVICE_NAME, reflection.SERVICE_NAME),
            self.server,
        )
        self._stopping = asyncio.Event()
        self.port = 0

    async def start(self) -> int:
        self.port = self._listen()
        await self.health.set(LIVENESS, health_pb2.HealthCheckResponse.SERVING)
        # Until the first check of Redis, probes see NOT_SERVING rather than NOT_FOUND.
        for service in FOLLOWING_REDIS:
            await self.health.set(service, health_pb2.HealthCheckResponse.NOT_SERVING)
        if self._database is not None:
            await self._database.open()
        await self.server.start()
        serve_metrics(self.settings.gateway_metrics_port)
        self._tasks.spawn(
            "health", follow_redis(self.health, self._health_reporter, self.settings.health_interval, self._stopping)
        )
        self._tasks.spawn("job events", self._events.run(self._stopping))
        if self._database is not None:
            self._tasks.spawn(
                "schema migration", self._database.migrate_when_reachable(self.settings.health_interval, self._stopping)
            )
        log.info("gateway listening", extra={"address": self.settings.grpc_address, "port": self.port})
        return self.port

    def _listen(self) -> int:
        settings = self.settings
        if settings.grpc_tls_cert and settings.grpc_tls_key:
            client_ca = Path(settings.grpc_tls_client_ca).read_bytes() if settings.grpc_tls_client_ca else None
            credentials = grpc.ssl_server_credentials(
                [(Path(settings.grpc_tls_key).read_bytes(), Path(settings.grpc_tls_cert).read_bytes())],
                root_certificates=client_ca,
                require_client_auth=client_ca is not None,
            )
            port = self.server.add_secure_port(settings.grpc_address, credentials)
            log.info("gRPC over TLS", extra={"mutual_tls": client_ca is not None})
        elif settings.grpc_plaintext:
            port = self.server.add_insecure_port(settings.grpc_address)
            log.warning("gRPC in plaintext (GRPC_PLAINTEXT=true): use only on a trusted network")
        else:
            raise ValueError(
                "no TLS certificate: set GRPC_TLS_CERT and GRPC_TLS_KEY, or GRPC_PLAINTEXT=true "
                "to serve plaintext on purpose"
            )
        if port == 0:
            raise OSError(f"cannot listen on {settings.grpc_address}")
        if not settings.auth_required:
            log.warning("authentication is off (AUTH_REQUIRED=false): callers are trusted")
        return port

    def _out_of_service(self) -> None:
        """A background task died: the process cannot recover it, so every probe, liveness
        included, says NOT_SERVING, for the orchestrator to restart the gateway."""
        self._tasks.spawn("out of service", self._not_serving())

    async def _not_serving(self) -> None:
        for service in (*FOLLOWING_REDIS, LIVENESS):
            await self.health.set(service, health_pb2.HealthCheckResponse.NOT_SERVING)

    def watched_jobs(self) -> int:
        """How many jobs WatchJob streams follow now."""
        return self._events.watched_jobs()

    async def stop(self) -> None:
        """Probes see NOT_SERVING first; calls are still served during the drain period,
        then refused, and those in flight get the grace period."""
        self._stopping.set()
        await self._tasks.cancel()
        await self.health.enter_graceful_shutdown()
        log.info("gateway draining", extra={"drain_seconds": self.settings.gateway_drain})
        await asyncio.sleep(self.settings.gateway_drain)
        await self.server.stop(self.settings.gateway_grace)
        await self._queue.close()
        # BullMQ closes only the connections it made itself.
        await self._queue_client.aclose()
        if self._database is not None:
            await self._database.close()
        await self._cache_client.aclose()
        await self._events_client.aclose()
        log.info("gateway stopped")
