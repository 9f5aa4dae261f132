"""Builds the gateway's gRPC server: the service, grpc.health.v1 and reflection."""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from common.cache import Cache
from common.config import Settings
from common.proto.resume.v1 import resume_pb2_grpc
from common.redis_connections import connect_cache, connect_queue
from gateway_service.health import PROBED_SERVICES, SERVICE_NAME, HealthReporter, follow_redis
from gateway_service.resume_queue import ResumeQueue
from gateway_service.servicer import GatewayServicer

log = logging.getLogger(__name__)


class Gateway:
    """The server and what it owns; `start()` binds, `stop()` drains and releases."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._cache_client = connect_cache(settings)
        self._queue_client = connect_queue(settings)
        self._queue = ResumeQueue(settings, self._queue_client, connect_queue(settings, decode_responses=False))
        self._health_reporter = HealthReporter(
            self._cache_client, self._queue_client, Cache(self._cache_client), self._queue,
            timeout=max(settings.health_interval, 0.5),
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
        resume_pb2_grpc.add_GatewayServiceServicer_to_server(
            GatewayServicer(settings, self._queue, self._health_reporter), self.server
        )
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        reflection.enable_server_reflection(
            (SERVICE_NAME, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name,
             reflection.SERVICE_NAME),
            self.server,
        )
        self._follower: asyncio.Task[None] | None = None
        self.port = 0

    async def start(self) -> int:
        self.port = self.server.add_insecure_port(self.settings.grpc_address)
        if self.port == 0:
            raise OSError(f"cannot listen on {self.settings.grpc_address}")
        # Until the first check of Redis, probes see NOT_SERVING rather than NOT_FOUND.
        for service in PROBED_SERVICES:
            await self.health.set(service, health_pb2.HealthCheckResponse.NOT_SERVING)
        await self.server.start()
        self._follower = asyncio.create_task(
            follow_redis(self.health, self._health_reporter, self.settings.health_interval)
        )
        log.info("gateway listening", extra={"address": self.settings.grpc_address, "port": self.port})
        return self.port

    async def stop(self) -> None:
        """Probes see NOT_SERVING first; calls are still served during the drain period,
        then refused, and those in flight get the grace period."""
        if self._follower is not None:
            self._follower.cancel()
            with suppress(asyncio.CancelledError):
                await self._follower
        await self.health.enter_graceful_shutdown()
        log.info("gateway draining", extra={"drain_seconds": self.settings.gateway_drain})
        await asyncio.sleep(self.settings.gateway_drain)
        await self.server.stop(self.settings.gateway_grace)
        await self._queue.close()
        await self._cache_client.aclose()
        log.info("gateway stopped")
