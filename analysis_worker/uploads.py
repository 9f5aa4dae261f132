"""A completed job's inline file: deleted once the completion would outlive a failover.

The worker learns that a job completed from the master that took the completion. That master
may die before its replicas have it; the one promoted then still holds the job as active,
and runs it again. Deleting the file on the strength of the lost completion would make
that second run fail for want of its file, so the completion is first looked up on the
master now serving the queue, with REDIS_WAIT_REPLICAS once its replicas hold it too.
"""

from __future__ import annotations

from redis.exceptions import RedisError

from common import failures, logs
from common.config import Settings
from common.jobs import queue_key
from common.redis_connections import raise_if_cancelling
from common.redis_modes import RedisClient
from common.replication import replicated

log = logs.get_logger(__name__)


async def delete_when_completed(
    settings: Settings, queue_client: RedisClient, blobs: RedisClient, job_id: str, key: str
) -> bool:
    """Deletes the job's file `key` if the job's completion is kept; whether it did. A file
    not deleted is left to its expiry (UPLOAD_TTL_SECONDS)."""
    try:
        async with queue_client.pipeline(transaction=False) as pipe:
            job = queue_key(settings.queue_prefix, job_id)
            pipe.exists(job)
            pipe.hexists(job, "finishedOn")
            exists, finished = await replicated(settings, pipe, "completion")
        # A job no longer there was removed after it ended, by its retention.
        if exists and not finished:
            log.info("upload kept: the job's completion was lost with its master; the job runs again",
                     extra={"job_id": job_id})
            return False
        await blobs.delete(key)
        return True
    except (RedisError, OSError) as error:
        raise_if_cancelling(error)
        log.warning("upload left to expire: %s", failures.describe(error), extra={"job_id": job_id})
        return False
