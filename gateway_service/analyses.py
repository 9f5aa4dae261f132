"""The gateway's side of the analysis store: cache-aside reads, candidate pages, erasure,
and their conversion to messages."""

from __future__ import annotations

import asyncio

from bullmq import Queue
from google.protobuf import json_format

from common.cache import Cache
from common.config import Settings
from common.proto.resume.v1 import resume_pb2
from common.redis_modes import RedisClient
from common.store.analyses import AnalysisStore, Page, StoredAnalysis
from common.store.cached import CachedAnalyses
from common.store.erasure import Eraser, Erasure, ErasureMarks


class GatewayStore:
    def __init__(self, settings: Settings, store: AnalysisStore, cache: Cache, queue: Queue,
                 queue_client: RedisClient) -> None:
        self.store = store
        self.analyses = CachedAnalyses(store, cache, settings.analysis_ttl_seconds)
        marks = ErasureMarks(queue_client, store, settings.keep_failed_seconds)
        self._eraser = Eraser(store, self.analyses, marks, queue, queue_client, settings.queue_prefix)

    async def erase(self, organisation_id: str, candidate_id: str, requested_by: str) -> Erasure:
        return await self._eraser.erase(organisation_id, candidate_id, requested_by)


def stored_message(stored: StoredAnalysis) -> resume_pb2.StoredAnalysis:
    message = resume_pb2.StoredAnalysis(
        resume_id=stored.resume_id, candidate_id=stored.candidate_id, organisation_id=stored.organisation_id,
        job_id=stored.job_id, version=stored.version, file_sha256=stored.file_sha256,
    )
    message.create_time.FromDatetime(stored.created_at)
    # Analyses stored by an older version may carry fields this one dropped.
    json_format.ParseDict(stored.analysis, message.analysis, ignore_unknown_fields=True)
    return message


async def page_messages(page: Page) -> list[resume_pb2.StoredAnalysis]:
    # A page of up to 100 analyses is parsed off the event loop.
    return await asyncio.to_thread(lambda: [stored_message(stored) for stored in page.analyses])


def erasure_message(erasure: Erasure) -> resume_pb2.EraseCandidateResponse:
    counts = erasure.counts
    response = resume_pb2.EraseCandidateResponse(
        erasure_id=erasure.erasure_id, analyses=counts.analyses, cache_keys=counts.cache_keys,
        uploads=counts.uploads, jobs=counts.jobs, active_jobs=counts.active_jobs, events=counts.events,
    )
    response.erase_time.FromDatetime(erasure.erased_at)
    return response
