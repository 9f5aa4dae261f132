"""Where a job's file comes from: the inline upload beside the job, or its file URL."""

from __future__ import annotations

import asyncio
from typing import cast
from urllib.parse import urljoin

import httpx

from common.config import Settings
from common.jobs import ResumeJobData
from common.redis_modes import RedisClient
from common.url_vetting import Address, UnsafeUrl, pin_to_address, vet

_REDIRECTS = {301, 302, 303, 307, 308}
# Worth another attempt later; any other 4xx will answer the same next time.
_TRANSIENT_STATUS = {408, 425, 429}
# FETCH_TIMEOUT bounds connecting and each read; a server that trickles a byte now
# and then never trips those, so the whole download has a bound too.
_WHOLE_DOWNLOAD_TIMEOUTS = 4


class FileUnavailable(Exception):
    """The file cannot be had, and retrying will not change that."""


class FileSource:
    def __init__(self, settings: Settings, blobs: RedisClient) -> None:
        """`blobs` reads raw bytes from the queue database."""
        self._settings = settings
        self._blobs = blobs
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(settings.fetch_timeout, connect=min(5.0, settings.fetch_timeout)),
            follow_redirects=False,
            # A compressed body could inflate far past MAX_FILE_BYTES inside a single chunk.
            headers={"user-agent": "resume-analysis-worker", "accept-encoding": "identity"},
        )

    async def load(self, data: ResumeJobData) -> bytes:
        if data.content_key:
            content = await self._blobs.get(data.content_key)
            if content is None:
                raise FileUnavailable(
                    "the uploaded file is no longer stored (it expired before the job ran); submit it again"
                )
            return cast(bytes, content)  # the blobs client does not decode: redis's types cannot tell
        if data.file_url:
            return await self.fetch(data.file_url)
        raise FileUnavailable("the job carries neither fileUrl nor uploaded content")

    async def fetch(self, url: str) -> bytes:
        """Downloads `url`, vetting every redirect hop and bounding the size while streaming.

        Transient failures (timeouts, connection errors, 5xx, 429) raise httpx errors so
        that the job is retried with backoff; permanent ones raise FileUnavailable.
        """
        deadline = self._settings.fetch_timeout * _WHOLE_DOWNLOAD_TIMEOUTS
        try:
            async with asyncio.timeout(deadline):
                return await self._fetch(url)
        except TimeoutError:
            raise httpx.ReadTimeout(f"downloading {url} took longer than {deadline:g} s") from None

    async def _fetch(self, url: str) -> bytes:
        limit = self._settings.max_file_bytes
        for _ in range(self._settings.fetch_max_redirects + 1):
            target, options = pin_to_address(url, await self._vet(url))
            async with self._http.stream("GET", target, **options) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                if response.status_code >= 500 or response.status_code in _TRANSIENT_STATUS:
                    response.raise_for_status()
                if response.status_code != 200:
                    raise FileUnavailable(f"fetching {url} answered HTTP {response.status_code}")
                encoding = response.headers.get("content-encoding", "identity").strip().lower()
                if encoding not in ("", "identity"):
                    raise FileUnavailable(f"fetching {url} answered with a {encoding}-encoded body; "
                                          "serve the file as is")
                declared = int(response.headers.get("content-length") or 0)
                if declared > limit:
                    raise FileUnavailable(f"the file at {url} is {declared} bytes; the limit is {limit}")
                chunks = bytearray()
                async for chunk in response.aiter_raw():
                    chunks += chunk
                    if len(chunks) > limit:
                        raise FileUnavailable(f"the file at {url} is larger than the limit of {limit} bytes")
                return bytes(chunks)
        raise FileUnavailable(
            f"fetching the file took more than {self._settings.fetch_max_redirects} redirects"
        )

    async def _vet(self, url: str) -> Address | None:
        try:
            return await vet(url, self._settings.fetch_allow_private)
        except UnsafeUrl as error:
            raise FileUnavailable(str(error)) from None

    async def close(self) -> None:
        await self._http.aclose()

