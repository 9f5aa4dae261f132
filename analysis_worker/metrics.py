"""The worker's metrics: jobs by outcome and duration, extraction time per page."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

JOBS = Counter("resume_jobs_total", "Job attempts finished, by outcome (completed, failed, retry).", ["outcome"])
JOB_SECONDS = Histogram(
    "resume_job_duration_seconds",
    "Time of a job attempt, from start to outcome.",
    ["outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
EXTRACTION_SECONDS_PER_PAGE = Histogram(
    "resume_extraction_seconds_per_page",
    "Text extraction time divided by the document's pages.",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
ACTIVE_JOBS = Gauge("resume_jobs_active", "Jobs this worker is running now.")
