"""Versioned schema migrations (sql/NNNN_name.sql), applied at start-up.

Every gateway and worker applies them when it starts; a PostgreSQL advisory lock lets
one process do it while the others wait, then find nothing left to apply.
"""

from __future__ import annotations

from importlib import resources

import asyncpg

from common import logs

log = logs.get_logger(__name__)

# Any constant shared by every process of the service; the name's bytes, as a bigint.
MIGRATION_LOCK = int.from_bytes(b"resumemg", "big") & 0x7FFF_FFFF_FFFF_FFFF


def available() -> list[tuple[int, str, str]]:
    """(version, name, SQL) of every migration in the package, in order."""
    found = []
    for entry in resources.files("common.store").joinpath("sql").iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.removesuffix(".sql").partition("_")
            found.append((int(number), name, entry.read_text()))
    return sorted(found)


async def migrate(connection: asyncpg.Connection | asyncpg.pool.PoolConnectionProxy) -> list[int]:
    """Applies the migrations this database lacks, each in its own transaction; their versions."""
    await connection.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
    try:
        await connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        done = {row["version"] for row in await connection.fetch("SELECT version FROM schema_migrations")}
        applied = []
        for version, name, sql in available():
            if version in done:
                continue
            async with connection.transaction():
                await connection.execute(sql)
                await connection.execute(
                    "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", version, name
                )
            log.info("schema migration applied", extra={"version": version, "migration": name})
            applied.append(version)
        return applied
    finally:
        await connection.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
