"""A completed job's inline file is deleted only where its completion is kept: a completion
lost with its master leaves the job to run again, and that run needs the file."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import AsyncIterator

import pytest

from analysis_worker.uploads import delete_when_completed
from common.config import Settings
from common.jobs import queue_key, upload_key
from common.redis_connections import connect_queue
from common.redis_modes import RedisClient
from tests.helpers.support import unique


@pytest.fixture
async def clients(settings: Settings) -> AsyncIterator[tuple[RedisClient, RedisClient]]:
    queue, blobs = connect_queue(settings), connect_queue(settings, decode_responses=False)
    yield queue, blobs
    await queue.aclose()
    await blobs.aclose()


async def stored_job(settings: Settings, queue: RedisClient, blobs: RedisClient, **fields: str) -> str:
    """A job's id whose file is stored; its record holds `fields`, and is absent without any."""
    job_id = unique("job")
    await blobs.set(upload_key(job_id), b"%PDF-1.7", ex=60)
    if fields:
        await queue.hset(queue_key(settings.queue_prefix, job_id), mapping={"name": "analyse", **fields})
    return job_id


@pytest.mark.parametrize(("record", "deleted"), [
    ({"processedOn": "1", "finishedOn": "2"}, True),
    ({}, True),  # removed after it completed, by its retention
    ({"processedOn": "1"}, False),  # active again on the promoted master
], ids=["completed", "removed", "completion-lost"])
async def test_the_file_goes_only_with_a_kept_completion(
    settings: Settings, clients: tuple[RedisClient, RedisClient], caplog: pytest.LogCaptureFixture,
    record: dict[str, str], deleted: bool,
) -> None:
    queue, blobs = clients
    job_id = await stored_job(settings, queue, blobs, **record)
    with caplog.at_level(logging.DEBUG, logger="analysis_worker.uploads"):
        assert await delete_when_completed(settings, queue, blobs, job_id, upload_key(job_id)) is deleted
    assert await blobs.exists(upload_key(job_id)) == (not deleted)
    assert ["upload kept" in message for message in caplog.messages] == ([] if deleted else [True])


async def test_a_completion_no_replica_confirms_leaves_the_file_to_expire(
    settings: Settings, clients: tuple[RedisClient, RedisClient], caplog: pytest.LogCaptureFixture
) -> None:
    queue, blobs = clients
    job_id = await stored_job(settings, queue, blobs, processedOn="1", finishedOn="2")
    waiting = dataclasses.replace(settings, redis_wait_replicas=1, redis_wait_timeout_ms=50)
    with caplog.at_level(logging.DEBUG, logger="analysis_worker.uploads"):
        assert not await delete_when_completed(waiting, queue, blobs, job_id, upload_key(job_id))
    assert await blobs.exists(upload_key(job_id))
    assert caplog.messages == [
        "upload left to expire: 0 of 1 replicas confirmed the completion within 50 ms (REDIS_WAIT_REPLICAS); "
        "retry with backoff"
    ]
