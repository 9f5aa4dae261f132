"""The analyses in PostgreSQL: add a version, read the current one, page a candidate's,
erase a candidate, expire old ones. Every operation is timed and counted (Prometheus)."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import time
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg
from prometheus_client import Counter, Gauge, Histogram

from common import failures, logs
from common.background import once_reachable
from common.store.migrations import migrate

log = logs.get_logger(__name__)

DATABASE_SECONDS = Histogram(
    "resume_database_seconds",
    "Time of a PostgreSQL operation, by operation.",
    ["operation"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
)
DATABASE_FAILURES = Counter(
    "resume_database_failures_total", "PostgreSQL operations that failed, by operation.", ["operation"]
)
DATABASE_POOL = Gauge(
    "resume_database_pool_connections", "Pooled PostgreSQL connections, by state (in_use, idle, max).", ["state"]
)

# Failures that say the database is unreachable, not that a statement is wrong.
_UNREACHABLE = (
    OSError,
    TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.exceptions.OperatorInterventionError,
)
_COLUMNS = (
    "id, organisation_id, resume_id, candidate_id, job_id, version, analysis_version, file_sha256, "
    "analysis::text AS analysis, created_at"
)
# A concurrent job of the same resume took the version this one counted; count again.
_VERSION_ATTEMPTS = 5
RETENTION_LOCK = int.from_bytes(b"resumert", "big") & 0x7FFF_FFFF_FFFF_FFFF


class StoreUnavailable(Exception):
    """PostgreSQL cannot be reached (down, restarting, out of connections)."""


@dataclass(frozen=True, kw_only=True)
class StoredAnalysis:
    organisation_id: str
    resume_id: str
    candidate_id: str
    job_id: str
    version: int
    analysis_version: str
    file_sha256: str
    analysis: dict[str, Any]
    created_at: datetime

    def metadata(self) -> dict[str, Any]:
        """Everything but the analysis, as JSON (the cache keeps it beside the analysis)."""
        fields = asdict(self)
        del fields["analysis"]
        fields["created_at"] = self.created_at.isoformat()
        return fields

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, Any], analysis: dict[str, Any]) -> StoredAnalysis:
        return cls(**{**metadata, "created_at": datetime.fromisoformat(metadata["created_at"])}, analysis=analysis)


@dataclass(frozen=True)
class RedactedAnalysis:
    stored: StoredAnalysis
    # common.redaction.Redaction as JSON; None when the analysis was not submitted with `redact`.
    redaction: dict[str, Any] | None


@dataclass(frozen=True)
class Page:
    analyses: list[StoredAnalysis]
    # The row id to continue after; None on the last page.
    next_after: int | None


@dataclass(frozen=True)
class ErasedRows:
    analyses: int
    resume_ids: frozenset[str]
    job_ids: frozenset[str]

    @classmethod
    def of(cls, rows: Sequence[asyncpg.Record]) -> ErasedRows:
        return cls(len(rows), frozenset(row["resume_id"] for row in rows), frozenset(row["job_id"] for row in rows))


@dataclass(frozen=True)
class ErasureCounts:
    analyses: int
    cache_keys: int
    uploads: int
    jobs: int
    active_jobs: int
    events: int


@dataclass(frozen=True)
class PoolUse:
    in_use: int
    idle: int
    max: int


def candidate_digest(organisation_id: str, candidate_id: str) -> str:
    return hashlib.sha256(f"{organisation_id}\0{candidate_id}".encode()).hexdigest()


def _stored(row: asyncpg.Record) -> StoredAnalysis:
    return StoredAnalysis(
        organisation_id=row["organisation_id"], resume_id=row["resume_id"], candidate_id=row["candidate_id"],
        job_id=row["job_id"], version=row["version"], analysis_version=row["analysis_version"],
        file_sha256=row["file_sha256"], analysis=json.loads(row["analysis"]), created_at=row["created_at"],
    )


class AnalysisDatabase:
    def __init__(self, url: str, *, pool_size: int, timeout: float) -> None:
        """`timeout` bounds connecting and each statement, so that a caller learns soon
        that PostgreSQL is gone instead of waiting for its deadline."""
        self._url = url
        self._pool_size = pool_size
        self._timeout = timeout
        self._pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        # No connection yet (min_size 0): a process starts while PostgreSQL is down, and says so.
        self._pool = await asyncpg.create_pool(
            self._url, min_size=0, max_size=self._pool_size, timeout=self._timeout,
            command_timeout=self._timeout, max_inactive_connection_lifetime=60,
        )

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()

    @contextlib.asynccontextmanager
    async def _connection(self, operation: str) -> AsyncIterator[asyncpg.pool.PoolConnectionProxy]:
        assert self._pool is not None, "AnalysisDatabase.open() first"
        # Created at 0 before any failure, so that rate() alerts see the series.
        failed = DATABASE_FAILURES.labels(operation)
        started = time.perf_counter()
        try:
            async with self._pool.acquire(timeout=self._timeout) as connection:
                yield connection
        except _UNREACHABLE as error:
            failed.inc()
            raise StoreUnavailable(f"{type(error).__name__}: {failures.describe(error)}") from error
        except Exception:
            failed.inc()
            raise
        finally:
            DATABASE_SECONDS.labels(operation).observe(time.perf_counter() - started)
            use = self.pool_use()
            DATABASE_POOL.labels("in_use").set(use.in_use)
            DATABASE_POOL.labels("idle").set(use.idle)
            DATABASE_POOL.labels("max").set(use.max)

    def pool_use(self) -> PoolUse:
        if self._pool is None:
            return PoolUse(0, 0, self._pool_size)
        size, idle = self._pool.get_size(), self._pool.get_idle_size()
        return PoolUse(in_use=size - idle, idle=idle, max=self._pool.get_max_size())

    async def migrate_when_reachable(self, retry_delay: float, stop: asyncio.Event) -> None:
        """Applies the schema migrations, waiting for PostgreSQL as long as it is unreachable."""

        async def migrate_once() -> None:
            async with self._connection("migrate") as connection:
                await migrate(connection)

        await once_reachable(migrate_once, (StoreUnavailable,), waiting_for="PostgreSQL", delay=retry_delay, stop=stop)

    async def ping(self) -> float:
        """Seconds of a round trip."""
        async with self._connection("ping") as connection:
            started = time.perf_counter()
            await connection.fetchval("SELECT 1")
            return time.perf_counter() - started

    async def record(
        self, *, organisation_id: str, resume_id: str, candidate_id: str, job_id: str, job_created_ms: int,
        analysis: dict[str, Any], file_sha256: str, redaction: dict[str, Any] | None = None,
    ) -> StoredAnalysis:
        """Adds the resume's next version, with its redacted copy if any; a job that already
        stored its analysis gets that row back."""
        job_created_at = datetime.fromtimestamp(job_created_ms / 1000, UTC)
        document = json.dumps(analysis, separators=(",", ":"))
        redacted = None if redaction is None else json.dumps(redaction, separators=(",", ":"))
        async with self._connection("record") as connection:
            for _ in range(_VERSION_ATTEMPTS):
                try:
                    row = await connection.fetchrow(
                        "INSERT INTO resume_analyses (organisation_id, resume_id, candidate_id, job_id,"
                        " job_created_at, version, analysis_version, file_sha256, analysis, redaction)"
                        " SELECT $1, $2, $3, $4, $5, coalesce(max(version), 0) + 1, $6, $7, $8::jsonb, $9::jsonb"
                        " FROM resume_analyses WHERE organisation_id = $1 AND resume_id = $2"
                        f" ON CONFLICT (job_id, job_created_at) DO NOTHING RETURNING {_COLUMNS}",
                        organisation_id, resume_id, candidate_id, job_id, job_created_at,
                        str(analysis.get("analysisVersion", "")), file_sha256, document, redacted,
                    )
                except asyncpg.UniqueViolationError:
                    continue
                if row is None:
                    row = await connection.fetchrow(
                        f"SELECT {_COLUMNS} FROM resume_analyses WHERE job_id = $1 AND job_created_at = $2",
                        job_id, job_created_at,
                    )
                    assert row is not None, "the row this job stored before"
                return _stored(row)
        raise StoreUnavailable(f"resume {resume_id!r} is being analysed by too many jobs at once; retry")

    async def current(self, organisation_id: str, resume_id: str) -> StoredAnalysis | None:
        row = await self._latest("current", _COLUMNS, organisation_id, resume_id)
        return None if row is None else _stored(row)

    async def current_redaction(self, organisation_id: str, resume_id: str) -> RedactedAnalysis | None:
        row = await self._latest("current_redaction", f"{_COLUMNS}, redaction::text AS redaction",
                                 organisation_id, resume_id)
        if row is None:
            return None
        return RedactedAnalysis(_stored(row), None if row["redaction"] is None else json.loads(row["redaction"]))

    async def _latest(self, operation: str, columns: str, organisation_id: str, resume_id: str) -> Any:
        """The row of the resume's latest version, with `columns`; None without one."""
        async with self._connection(operation) as connection:
            return await connection.fetchrow(
                f"SELECT {columns} FROM resume_analyses WHERE organisation_id = $1 AND resume_id = $2"
                " ORDER BY version DESC LIMIT 1",
                organisation_id, resume_id,
            )

    async def still_stored(self, stored: StoredAnalysis) -> bool:
        async with self._connection("still_stored") as connection:
            return bool(await connection.fetchval(
                "SELECT EXISTS (SELECT 1 FROM resume_analyses WHERE organisation_id = $1 AND resume_id = $2"
                " AND version = $3 AND job_id = $4)",
                stored.organisation_id, stored.resume_id, stored.version, stored.job_id,
            ))

    async def candidate_page(
        self, organisation_id: str, candidate_id: str, after: int | None, size: int
    ) -> Page:
        """The candidate's analyses, newest first, `size` at a time, after the row `after`."""
        async with self._connection("candidate_page") as connection:
            rows = await connection.fetch(
                f"SELECT {_COLUMNS} FROM resume_analyses WHERE organisation_id = $1 AND candidate_id = $2"
                " AND ($3::bigint IS NULL OR id < $3) ORDER BY id DESC LIMIT $4",
                organisation_id, candidate_id, after, size + 1,
            )
        more = len(rows) > size
        rows = rows[:size]
        return Page([_stored(row) for row in rows], rows[-1]["id"] if more else None)

    async def erase_candidate(self, organisation_id: str, candidate_id: str) -> ErasedRows:
        async with self._connection("erase") as connection:
            rows = await connection.fetch(
                "DELETE FROM resume_analyses WHERE organisation_id = $1 AND candidate_id = $2"
                " RETURNING resume_id, job_id",
                organisation_id, candidate_id,
            )
        return ErasedRows.of(rows)

    async def erase_job(self, job_id: str, job_created_ms: int) -> ErasedRows:
        async with self._connection("erase") as connection:
            rows = await connection.fetch(
                "DELETE FROM resume_analyses WHERE job_id = $1 AND job_created_at = $2 RETURNING resume_id, job_id",
                job_id, datetime.fromtimestamp(job_created_ms / 1000, UTC),
            )
        return ErasedRows.of(rows)

    async def record_erasure(
        self, organisation_id: str, candidate_id: str, requested_by: str, counts: ErasureCounts
    ) -> tuple[int, datetime]:
        """Keeps the audit record of an erasure; its id and time."""
        async with self._connection("record_erasure") as connection:
            row = await connection.fetchrow(
                "INSERT INTO erasures (organisation_id, candidate_sha256, requested_by, analyses, cache_keys,"
                " uploads, jobs, active_jobs, events) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
                " RETURNING id, requested_at",
                organisation_id, candidate_digest(organisation_id, candidate_id), requested_by,
                counts.analyses, counts.cache_keys, counts.uploads, counts.jobs, counts.active_jobs, counts.events,
            )
        assert row is not None, "INSERT ... RETURNING returns its row"
        return row["id"], row["requested_at"]

    async def erasures(self, organisation_id: str, candidate_id: str) -> Sequence[Mapping[str, Any]]:
        """The audit records of the candidate's erasures, oldest first."""
        async with self._connection("erasures") as connection:
            rows = await connection.fetch(
                "SELECT id, organisation_id, candidate_sha256, requested_by, requested_at, analyses,"
                " cache_keys, uploads, jobs, active_jobs, events FROM erasures"
                " WHERE organisation_id = $1 AND candidate_sha256 = $2 ORDER BY id",
                organisation_id, candidate_digest(organisation_id, candidate_id),
            )
        return [dict(row) for row in rows]

    async def service_key(self, name: str) -> bytes:
        """A secret the services share (sql/0002_service_keys.sql)."""
        async with self._connection("service_key") as connection:
            secret = await connection.fetchval("SELECT secret FROM service_keys WHERE name = $1", name)
        if secret is None:
            raise LookupError(f"no service key {name!r}: the schema migrations were not applied")
        return bytes(secret)

    async def expire(self, older_than_days: float) -> ErasedRows | None:
        """Deletes analyses older than the retention; None when another process is doing it."""
        async with self._connection("expire") as connection, connection.transaction():
            if not await connection.fetchval("SELECT pg_try_advisory_xact_lock($1)", RETENTION_LOCK):
                return None
            rows = await connection.fetch(
                "DELETE FROM resume_analyses WHERE created_at < now() - make_interval(secs => $1)"
                " RETURNING resume_id, job_id",
                older_than_days * 86400,
            )
        return ErasedRows.of(rows)
