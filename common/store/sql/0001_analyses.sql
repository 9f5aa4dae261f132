-- One row per analysis; the highest version of a resume is its current analysis.
CREATE TABLE resume_analyses (
    id bigserial PRIMARY KEY,
    organisation_id text NOT NULL,
    resume_id text NOT NULL,
    candidate_id text NOT NULL,
    job_id text NOT NULL,
    -- With the job id, names one run of a job: BullMQ ids may be reused once a job is removed.
    job_created_at timestamptz NOT NULL,
    version integer NOT NULL,
    analysis_version text NOT NULL,
    file_sha256 text NOT NULL,
    analysis jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, resume_id, version),
    -- A retried job that had stored its analysis finds it instead of adding a version.
    UNIQUE (job_id, job_created_at)
);
CREATE INDEX resume_analyses_candidate ON resume_analyses (organisation_id, candidate_id, id DESC);
CREATE INDEX resume_analyses_created ON resume_analyses (created_at);

-- Who erased which candidate, when, and how much: never the data. The candidate is kept
-- as a SHA-256 of organisation and candidate id, enough to answer "was C erased?".
CREATE TABLE erasures (
    id bigserial PRIMARY KEY,
    organisation_id text NOT NULL,
    candidate_sha256 text NOT NULL,
    requested_by text NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    analyses bigint NOT NULL,
    cache_keys bigint NOT NULL,
    uploads bigint NOT NULL,
    jobs bigint NOT NULL,
    active_jobs bigint NOT NULL
);
CREATE INDEX erasures_candidate ON erasures (organisation_id, candidate_sha256);
