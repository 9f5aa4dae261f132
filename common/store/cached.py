"""Reads through the cache: a resume's current analysis from Redis, else from PostgreSQL,
which then fills the cache (cache-aside; the cache counts its hits and misses)."""

from __future__ import annotations

from collections.abc import Iterable

from common.cache import Cache, resume_analysis_key, resume_analysis_metadata_key
from common.store.analyses import AnalysisStore, StoredAnalysis


class CachedAnalyses:
    def __init__(self, store: AnalysisStore, cache: Cache, ttl: int) -> None:
        self._store = store
        self._cache = cache
        self._ttl = ttl

    async def put(self, stored: StoredAnalysis) -> None:
        """Caches the analysis if the cache has room (Cache.offer): PostgreSQL holds it anyway."""
        await self._cache.offer(
            {
                resume_analysis_key(stored.resume_id): stored.analysis,
                resume_analysis_metadata_key(stored.resume_id): stored.metadata(),
            },
            self._ttl,
        )

    async def current(self, organisation_id: str, resume_id: str) -> StoredAnalysis | None:
        analysis, metadata = await self._cache.get_all(
            resume_analysis_key(resume_id), resume_analysis_metadata_key(resume_id)
        )
        cached_owner = metadata.get("organisation_id") if isinstance(metadata, dict) else None
        if analysis is not None and cached_owner == organisation_id:
            return StoredAnalysis.from_metadata(metadata, analysis)  # type: ignore[arg-type]
        stored = await self._store.current(organisation_id, resume_id)
        # Two organisations may use the same resume id: the cache keeps the one it has.
        if stored is not None and cached_owner in (None, organisation_id):
            await self.put(stored)
            # An erasure may have deleted the row and cleared the cache between the read and
            # the put. Row still there: the erasure, if any, clears the cache after this put.
            # Row gone: the copy just put goes too.
            if not await self._store.still_stored(stored):
                await self.forget([resume_id])
                return None
        return stored

    async def forget(self, resume_ids: Iterable[str]) -> int:
        """Deletes the cached analyses of these resumes; how many keys were deleted."""
        keys = [key for resume_id in resume_ids
                for key in (resume_analysis_key(resume_id), resume_analysis_metadata_key(resume_id))]
        return await self._cache.delete(*keys)
