"""Clients for each way Redis is deployed: one server, a master found through Sentinel,
or a cluster. Everything else takes the client it is given and works on all three."""

from __future__ import annotations

from typing import Any

import redis.asyncio as redis
from redis.asyncio.cluster import ClusterNode, RedisCluster
from redis.asyncio.sentinel import Sentinel, SentinelConnectionPool

from common.config import Settings, host_ports

RedisClient = redis.Redis | RedisCluster


def redis_client(settings: Settings, db: int, **options: Any) -> RedisClient:
    """A client of `db` (ignored by a cluster, which has database 0 only) in REDIS_MODE;
    `options` are redis-py connection options, the same in every mode."""
    options = {"username": settings.redis_username, "password": settings.redis_password, **_tls(settings), **options}
    if settings.redis_mode == "cluster":
        nodes = host_ports(settings.redis_cluster_nodes) or [(settings.redis_host, settings.redis_port)]
        return RedisCluster(startup_nodes=[ClusterNode(host, port) for host, port in nodes], **options)
    if settings.redis_mode == "sentinel":
        # Sentinels have credentials of their own; the data nodes' go to the master's pool.
        timeouts: dict[str, Any] = {
            key: options[key] for key in ("socket_connect_timeout", "socket_timeout") if key in options
        }
        sentinel = Sentinel(
            host_ports(settings.redis_sentinels),
            sentinel_kwargs={**timeouts, **_tls(settings), "password": settings.redis_sentinel_password},
        )
        master: _SentinelMaster = sentinel.master_for(
            settings.redis_sentinel_master, redis_class=_SentinelMaster, db=db, **options
        )
        return master
    return redis.Redis(host=settings.redis_host, port=settings.redis_port, db=db, **options)


# A stream's entries as a client that decodes replies reads them: (id, fields).
StreamEntries = list[tuple[str, dict[str, str]]]


class _SentinelMaster(redis.Redis):
    """The master's client; closing it closes its connections to the sentinels too."""

    async def aclose(self, close_connection_pool: bool | None = None) -> None:
        await super().aclose(close_connection_pool)
        assert isinstance(self.connection_pool, SentinelConnectionPool)
        for sentinel in self.connection_pool.sentinel_manager.sentinels:
            await sentinel.aclose()


def _tls(settings: Settings) -> dict[str, Any]:
    # Connections without TLS refuse the ssl_* options.
    if not settings.redis_tls:
        return {}
    return {
        "ssl": True,
        "ssl_ca_certs": settings.redis_tls_ca,
        "ssl_certfile": settings.redis_tls_cert,
        "ssl_keyfile": settings.redis_tls_key,
    }
