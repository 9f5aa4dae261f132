"""`python -m common.devstack`: Redis (embedded unless REDIS_HOST is set), PostgreSQL (embedded
unless DATABASE_URL is set), the gateway and a worker.

Ctrl-C stops the worker and the gateway gracefully, then PostgreSQL and Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from pathlib import Path

from common import logs
from common.config import Settings
from common.devstack.embedded_postgres import PostgresServer
from common.devstack.embedded_redis import RedisServer, free_port, port_free
from common.processes import supervise
from common.redis_connections import connect_cache
from common.tokens import Scope, TokenStore

log = logs.get_logger("common.devstack")
STATE_DIR = Path(".run")
DEMO_ORGANISATION = "demo"


async def _demo_token(settings: Settings, path: Path) -> None:
    """Keeps a valid token of the demo organisation, with every scope, in `path`."""
    client = connect_cache(settings)
    store = TokenStore(client)
    try:
        kept = await store.lookup(path.read_text().strip()) if path.exists() else None
        if kept is not None and set(kept.scopes) == set(Scope):
            return
        token, _ = await store.create(DEMO_ORGANISATION, "make run", Scope)
        if kept is not None:
            # One written before scopes existed: the new one replaces it.
            await store.revoke(kept.id)
    finally:
        await client.aclose()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(token + "\n")
    path.chmod(0o600)


def _stopped(server: RedisServer | PostgresServer, name: str) -> None:
    server.stop()
    log.info(f"embedded {name} stopped")


def main() -> None:
    settings = Settings.from_env()
    logs.configure(settings.log_level, "stack")
    env = dict(os.environ)
    # Whatever was started is stopped, in reverse order, however the rest ends.
    with contextlib.ExitStack() as embedded:
        if not os.environ.get("REDIS_HOST"):
            port = settings.redis_port if port_free(settings.redis_port) else free_port()
            # AOF on, as in production: jobs survive a restart of the stack.
            redis_server = RedisServer(STATE_DIR / "redis", port, extra_args=("--appendonly", "yes"))
            redis_server.start()
            embedded.callback(_stopped, redis_server, "redis-server")
            env.update(REDIS_HOST="127.0.0.1", REDIS_PORT=str(port))
            # A single-machine stack fetches file URLs from localhost too.
            env.setdefault("FETCH_ALLOW_PRIVATE", "true")
            log.info(
                "embedded redis-server started (plaintext, no password, localhost only)",
                extra={"port": port, "data": str(STATE_DIR / "redis")},
            )
        if not os.environ.get("DATABASE_URL"):
            postgres_server = PostgresServer(STATE_DIR / "postgres", 5432 if port_free(5432) else free_port())
            postgres_server.start()
            embedded.callback(_stopped, postgres_server, "postgres")
            env["DATABASE_URL"] = postgres_server.url
            log.info(
                "embedded postgres started (no password, localhost only)",
                extra={"port": postgres_server.port, "data": str(STATE_DIR / "postgres")},
            )
        # A developer's stack: plaintext gRPC on localhost only, unless configured otherwise.
        env.setdefault("GRPC_PLAINTEXT", "true")
        env.setdefault("GRPC_HOST", "127.0.0.1")
        stack_settings = Settings.from_env(env)
        if stack_settings.auth_required:
            asyncio.run(_demo_token(stack_settings, STATE_DIR / "token"))
            log.info(f"a token of organisation {DEMO_ORGANISATION!r} is in {STATE_DIR / 'token'}: "
                     f"export RESUME_TOKEN=$(cat {STATE_DIR / 'token'})")
        log.info("stack running; Ctrl-C stops it", extra={"grpc_port": settings.grpc_port})
        supervise({name: ([sys.executable, "-m", module], env)
                   for name, module in (("gateway", "gateway_service"), ("worker", "analysis_worker"))})


if __name__ == "__main__":
    main()
