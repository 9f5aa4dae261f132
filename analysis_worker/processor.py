"""What the worker does with one job: load the file, extract, analyse, cache."""

from __future__ import annotations

import asyncio
import hashlib
import time
from datetime import UTC, date, datetime
from typing import Any

from bullmq import Job, UnrecoverableError
from opentelemetry.trace import SpanKind
from redis.exceptions import ResponseError

from analysis_worker.document import ExtractionError, OcrOptions
from analysis_worker.file_source import FileSource, FileUnavailable
from analysis_worker.metrics import ACTIVE_JOBS, EXTRACTION_SECONDS_PER_PAGE, JOB_SECONDS, JOBS
from analysis_worker.pipeline import Analysed, extract_and_analyse
from analysis_worker.process_pool import CallTimeout, ProcessDied, ProcessPool
from common import failures, logs, tracing
from common.config import Settings
from common.jobs import QUEUE_NAME, ResumeJobData, job_span_attributes
from common.reference_dates import parse_as_of
from common.store.analyses import Analyses

log = logs.get_logger(__name__)

# Progress: the file is loaded and being analysed, then the analysis is stored. Each
# write is a BullMQ script and an event, the larger part of a short job's cost in this
# process, so there is no step in between: analysis follows extraction by a millisecond.
LOADED, DONE = 20, 100
# Below this size the file is hashed here: a thread hop costs more than hashing it.
_HASH_IN_THREAD_BYTES = 1024 * 1024


def ocr_options(settings: Settings) -> OcrOptions:
    return OcrOptions(settings.ocr_enabled, settings.ocr_max_pages, settings.ocr_dpi)


class ResumeProcessor:
    def __init__(self, settings: Settings, pool: ProcessPool, files: FileSource, analyses: Analyses) -> None:
        self._settings = settings
        self._pool = pool
        self._files = files
        self._analyses = analyses
        self._ocr = ocr_options(settings)
        # A job holds its file only while a process works on it, or as the one next in line:
        # ten jobs waiting for two processes would otherwise hold ten files (50 MB of 5 MB
        # files) at once. The one in line keeps a process from idling while the next file loads.
        self._extracting = asyncio.Semaphore(pool.size + 1)

    async def __call__(self, job: Job, token: str) -> dict[str, Any]:
        # A child of the producer's span, when the job carries its context: one trace.
        with tracing.span(
            f"process {QUEUE_NAME}", kind=SpanKind.CONSUMER, parent=tracing.context_of_job(job.opts or {}),
            attributes={**job_span_attributes("process", str(job.id), job.name),
                        "bullmq.job.attempts.made": job.attemptsMade},
        ):
            return await self._attempt(job)

    async def _attempt(self, job: Job) -> dict[str, Any]:
        started = time.monotonic()
        data = ResumeJobData.of(job)
        # Anything but success or an unrecoverable error is retried by BullMQ, if attempts remain.
        outcome, reason = "retry", ""
        ACTIVE_JOBS.inc()
        try:
            analysis = await self._process(job, data)
            outcome = "completed"
            return analysis
        except UnrecoverableError as error:
            outcome, reason = "failed", str(error)
            raise
        except Exception as error:
            reason = f"{type(error).__name__}: {failures.describe(error)}"
            if failures.may_quote_data(error):
                # BullMQ keeps an error's text and traceback in the job, where callers read them.
                raise JobFailure(reason) from None
            raise
        finally:
            ACTIVE_JOBS.dec()
            elapsed = time.monotonic() - started
            JOBS.labels(outcome).inc()
            JOB_SECONDS.labels(outcome).observe(elapsed)
            log.info(
                "job attempt finished",
                extra={
                    "job_id": job.id, "resume_id": data.resume_id, "organisation_id": data.organisation_id,
                    "attempt": job.attemptsMade + 1, "outcome": outcome, "reason": reason,
                    "duration_ms": round(elapsed * 1000, 1),
                },
            )

    async def _process(self, job: Job, data: ResumeJobData) -> dict[str, Any]:
        if not data.resume_id:
            raise UnrecoverableError("the job data lacks resumeId")
        submitted = datetime.fromtimestamp(job.timestamp / 1000, UTC).date()
        as_of = _as_of(data, submitted)
        try:
            async with self._extracting:
                # The time limit counts the job's own work from here: a job waiting behind
                # others (five-page scans) has not begun, and is no more complex for it.
                began = time.monotonic()
                content = await self._files.load(data)
                # Progress is written while the work goes on: a job's latency is mostly
                # round trips like these once the file is small.
                _, analysed, file_sha256 = await asyncio.gather(
                    _progress(job, LOADED),
                    self._analysed(began, content, data, as_of, submitted),
                    _sha256(content),
                )
                del content
        except (FileUnavailable, ExtractionError) as error:
            raise UnrecoverableError(str(error)) from error
        except CallTimeout:
            raise UnrecoverableError(
                f"analysing the file took longer than the limit of {self._settings.job_timeout:g} s "
                "(JOB_TIMEOUT); the file is too complex or malformed"
            ) from None
        except MemoryError as error:
            raise UnrecoverableError(f"analysing the file {error} (EXTRACTION_MEMORY_BYTES)") from None
        except ProcessDied as error:
            raise UnrecoverableError(f"analysing the file failed: {error}") from None
        EXTRACTION_SECONDS_PER_PAGE.observe(analysed.extraction_seconds / max(1, analysed.pages))
        await self._analyses.keep(job, data, analysed.analysis, file_sha256, analysed.redaction)
        await _progress(job, DONE)
        return analysed.analysis

    async def _analysed(
        self, began: float, content: bytes, data: ResumeJobData, as_of: date | None, submitted: date
    ) -> Analysed:
        with tracing.span("extract and analyse"):
            analysed = await self._pool.run(
                self._remaining(began), extract_and_analyse,
                content, data.mime_type, data.file_name, self._settings.max_pages,
                data.job_description, data.required_skills, self._ocr,
                as_of, submitted, self._settings.gap_months, data.redact,
            )
            pages = {"document.pages": analysed.pages}
            tracing.record_span("extract", analysed.started_ns, analysed.extracted_ns, pages)
            tracing.record_span("analyse", analysed.extracted_ns, analysed.analysed_ns)
        return analysed

    def _remaining(self, began: float) -> float:
        # One time limit for the whole file, whichever step spends it (loading it, reading it).
        return max(0.001, self._settings.job_timeout - (time.monotonic() - began))


def _as_of(data: ResumeJobData, submitted: date) -> date | None:
    """The job's asOf: the gateway checked its own, a Node.js producer's is checked here."""
    if not data.as_of:
        return None
    try:
        return parse_as_of(data.as_of, submitted)
    except ValueError as error:
        raise UnrecoverableError(f"the job data's asOf {error}") from None


class JobFailure(Exception):
    """A transient failure of Redis or PostgreSQL, told without the data its own text may quote."""


async def _progress(job: Job, percent: int) -> None:
    """Progress is for watchers only: a Redis out of memory refuses it, and the job goes on."""
    try:
        await job.updateProgress(percent)
    except ResponseError as error:
        if not failures.is_out_of_memory(error):
            raise
        log.debug("progress not written: Redis is out of memory", extra={"job_id": job.id})


async def _sha256(content: bytes) -> str:
    if len(content) < _HASH_IN_THREAD_BYTES:
        return _digest(content)
    return await asyncio.to_thread(_digest, content)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
