"""Real Redis Sentinel and Redis Cluster deployments on loopback, started by the tests."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import redis

from common.devstack.embedded_redis import RedisServer, port_free, server_binary

MASTER_NAME = "resumes"
SLOTS = 16384


def wait_until(ready: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not ready after {timeout} s")
        time.sleep(0.1)


class SentinelProcess(RedisServer):
    """`redis-server sentinel.conf --sentinel`, watching one master."""

    def __init__(self, directory: Path, master_port: int) -> None:
        super().__init__(directory)
        self.master_port = master_port

    def command(self) -> list[str]:
        config = self.directory / "sentinel.conf"
        # Sentinel rewrites its file as it learns: written once, at the first start.
        if not config.exists():
            config.write_text(
                f"port {self.port}\nbind 127.0.0.1\ndir {self.directory}\nlogfile redis.log\n"
                f"sentinel monitor {MASTER_NAME} 127.0.0.1 {self.master_port} 2\n"
                f"sentinel down-after-milliseconds {MASTER_NAME} 1000\n"
                f"sentinel failover-timeout {MASTER_NAME} 5000\n"
            )
        return [server_binary(), str(config), "--sentinel"]


class SentinelDeployment:
    """A master, two replicas and three sentinels (quorum 2), as a small production runs
    it: after a failover the new master still has a replica."""

    def __init__(self, directory: Path) -> None:
        self.master = RedisServer(directory / "master")
        self.replicas = [
            RedisServer(directory / f"replica{i}", extra_args=("--replicaof", "127.0.0.1", str(self.master.port)))
            for i in range(2)
        ]
        self.sentinels = [SentinelProcess(directory / f"sentinel{i}", self.master.port) for i in range(3)]

    def start(self) -> None:
        for server in (self.master, *self.replicas, *self.sentinels):
            server.start()
        wait_until(lambda: self._replicas_linked() and self._sentinels_see_replicas(), "replication")

    def stop(self) -> None:
        for server in (*self.sentinels, *self.replicas, self.master):
            server.stop()

    def env(self) -> dict[str, str]:
        return {
            "REDIS_MODE": "sentinel",
            "REDIS_SENTINELS": ",".join(f"127.0.0.1:{s.port}" for s in self.sentinels),
            "REDIS_SENTINEL_MASTER": MASTER_NAME,
        }

    def master_port(self) -> int:
        """The port the sentinels name as master now."""
        with redis.Redis(port=self.sentinels[0].port, socket_timeout=1) as sentinel:
            return int(sentinel.sentinel_get_master_addr_by_name(MASTER_NAME)[1])

    def wait_for_promotion(self, away_from: int) -> None:
        wait_until(lambda: self.master_port() != away_from, "promotion of a replica")

    def _replicas_linked(self) -> bool:
        for replica in self.replicas:
            with redis.Redis(port=replica.port, socket_timeout=1) as client:
                if client.info("replication").get("master_link_status") != "up":
                    return False
        return True

    def _sentinels_see_replicas(self) -> bool:
        for sentinel in self.sentinels:
            with redis.Redis(port=sentinel.port, socket_timeout=1) as client:
                known = client.sentinel_slaves(MASTER_NAME)
                if len(known) < len(self.replicas) or len(client.sentinel_sentinels(MASTER_NAME)) < 2:
                    return False
        return True


def _cluster_port() -> int:
    """A free port whose cluster bus port (10000 above) is free too; at most 55535."""
    while True:
        port = random.randrange(20000, 45000)
        if port_free(port) and port_free(port + 10000):
            return port


class ClusterDeployment:
    """Three masters sharing the slots, formed with CLUSTER ADDSLOTS and MEET."""

    def __init__(self, directory: Path, masters: int = 3) -> None:
        self.nodes = [
            RedisServer(
                directory / f"node{i}",
                _cluster_port(),
                extra_args=("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                            "--cluster-node-timeout", "2000"),
            )
            for i in range(masters)
        ]

    def start(self) -> None:
        for node in self.nodes:
            node.start()
        share = SLOTS // len(self.nodes)
        for i, node in enumerate(self.nodes):
            last = SLOTS - 1 if i == len(self.nodes) - 1 else (i + 1) * share - 1
            with redis.Redis(port=node.port) as client:
                client.execute_command("CLUSTER ADDSLOTS", *range(i * share, last + 1))
                if i:
                    client.execute_command("CLUSTER MEET", "127.0.0.1", self.nodes[0].port)
        wait_until(self._formed, "cluster")

    def _formed(self) -> bool:
        for node in self.nodes:
            with redis.Redis(port=node.port) as client:
                info = client.cluster("info")
                if info["cluster_state"] != "ok" or int(info["cluster_known_nodes"]) != len(self.nodes):
                    return False
        return True

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def env(self) -> dict[str, str]:
        return {
            "REDIS_MODE": "cluster",
            "REDIS_CLUSTER_NODES": ",".join(f"127.0.0.1:{node.port}" for node in self.nodes),
            "QUEUE_PREFIX": "{bull}",
        }

