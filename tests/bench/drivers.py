"""asyncpg against psycopg 3 (async, psycopg_pool): the choice of the PostgreSQL driver.

    .venv/bin/pip install 'psycopg[binary]' psycopg_pool   # not dependencies of the project
    .venv/bin/python -m tests.bench.drivers [--rounds N]

Both drive the same embedded PostgreSQL (fsync on) through a pool of 4, one statement at a
time: an INSERT of a 5 kB JSONB document and a SELECT of the latest by key, as the store
does. Prints median and p99 in milliseconds, two rounds each, alternating.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
import psycopg_pool
from psycopg.types.json import Jsonb

from common.devstack.embedded_postgres import PostgresServer

DOCUMENT = {"skills": [{"name": f"skill {i}", "category": "tools"} for i in range(60)], "summary": "x" * 2000}


async def timed(rounds: int, call: Callable[[int], Awaitable[object]]) -> str:
    spent = []
    for index in range(rounds):
        started = time.perf_counter()
        await call(index)
        spent.append(time.perf_counter() - started)
    spent.sort()
    return f"median {statistics.median(spent) * 1000:.3f} ms, p99 {spent[int(len(spent) * 0.99)] * 1000:.3f} ms"


async def asyncpg_round(url: str, rounds: int, tag: str) -> None:
    pool = await asyncpg.create_pool(url, min_size=2, max_size=4)
    try:
        insert = await timed(rounds, lambda i: pool.execute(
            "INSERT INTO t (k, a) VALUES ($1, $2::jsonb)", f"{tag}{i}", json.dumps(DOCUMENT)))

        async def select(i: int) -> None:
            row = await pool.fetchrow("SELECT a::text FROM t WHERE k = $1 ORDER BY id DESC LIMIT 1", f"{tag}{i}")
            json.loads(row[0])

        print(f"asyncpg  insert {insert}; select {await timed(rounds, select)}")
    finally:
        await pool.close()


async def psycopg_round(url: str, rounds: int, tag: str) -> None:
    pool = psycopg_pool.AsyncConnectionPool(url, min_size=2, max_size=4, open=False, kwargs={"autocommit": True})
    await pool.open()
    try:
        async def insert(i: int) -> None:
            async with pool.connection() as connection:
                await connection.execute("INSERT INTO t (k, a) VALUES (%s, %s)", (f"{tag}{i}", Jsonb(DOCUMENT)))

        async def select(i: int) -> None:
            async with pool.connection() as connection:
                cursor = await connection.execute(
                    "SELECT a FROM t WHERE k = %s ORDER BY id DESC LIMIT 1", (f"{tag}{i}",))
                await cursor.fetchone()

        print(f"psycopg  insert {await timed(rounds, insert)}; select {await timed(rounds, select)}")
    finally:
        await pool.close()


async def main(rounds: int) -> None:
    directory = Path(tempfile.mkdtemp(prefix="resume-bench-drivers-"))
    server = PostgresServer(directory)
    server.start()
    try:
        connection = await asyncpg.connect(server.url)
        await connection.execute("CREATE TABLE t (id bigserial PRIMARY KEY, k text, a jsonb); CREATE INDEX ON t (k)")
        await connection.close()
        for round_ in range(2):
            await asyncpg_round(server.url, rounds, f"a{round_}-")
            await psycopg_round(server.url, rounds, f"p{round_}-")
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2000)
    asyncio.run(main(parser.parse_args().rounds))
