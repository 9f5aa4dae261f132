import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class JobState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_STATE_UNSPECIFIED: _ClassVar[JobState]
    JOB_STATE_WAITING: _ClassVar[JobState]
    JOB_STATE_ACTIVE: _ClassVar[JobState]
    JOB_STATE_COMPLETED: _ClassVar[JobState]
    JOB_STATE_FAILED: _ClassVar[JobState]
    JOB_STATE_DELAYED: _ClassVar[JobState]
    JOB_STATE_PRIORITIZED: _ClassVar[JobState]
    JOB_STATE_WAITING_CHILDREN: _ClassVar[JobState]

class HealthCheck(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HEALTH_CHECK_UNSPECIFIED: _ClassVar[HealthCheck]
    HEALTH_CHECK_REDIS: _ClassVar[HealthCheck]
    HEALTH_CHECK_QUEUE: _ClassVar[HealthCheck]
    HEALTH_CHECK_CACHE: _ClassVar[HealthCheck]
    HEALTH_CHECK_FULL: _ClassVar[HealthCheck]
    HEALTH_CHECK_DATABASE: _ClassVar[HealthCheck]

class HealthStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HEALTH_STATUS_UNSPECIFIED: _ClassVar[HealthStatus]
    HEALTH_STATUS_HEALTHY: _ClassVar[HealthStatus]
    HEALTH_STATUS_UNHEALTHY: _ClassVar[HealthStatus]
    HEALTH_STATUS_DEGRADED: _ClassVar[HealthStatus]

class LinkType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LINK_TYPE_UNSPECIFIED: _ClassVar[LinkType]
    LINK_TYPE_LINKEDIN: _ClassVar[LinkType]
    LINK_TYPE_GITHUB: _ClassVar[LinkType]
    LINK_TYPE_WEBSITE: _ClassVar[LinkType]
    LINK_TYPE_OTHER: _ClassVar[LinkType]

class SkillSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SKILL_SOURCE_UNSPECIFIED: _ClassVar[SkillSource]
    SKILL_SOURCE_SKILLS_SECTION: _ClassVar[SkillSource]
    SKILL_SOURCE_EXPERIENCE: _ClassVar[SkillSource]
    SKILL_SOURCE_OTHER: _ClassVar[SkillSource]

class DegreeLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DEGREE_LEVEL_UNSPECIFIED: _ClassVar[DegreeLevel]
    DEGREE_LEVEL_HIGH_SCHOOL: _ClassVar[DegreeLevel]
    DEGREE_LEVEL_ASSOCIATE: _ClassVar[DegreeLevel]
    DEGREE_LEVEL_BACHELOR: _ClassVar[DegreeLevel]
    DEGREE_LEVEL_MASTER: _ClassVar[DegreeLevel]
    DEGREE_LEVEL_DOCTORATE: _ClassVar[DegreeLevel]
    DEGREE_LEVEL_CERTIFICATE: _ClassVar[DegreeLevel]

class WarningCode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    WARNING_CODE_UNSPECIFIED: _ClassVar[WarningCode]
    WARNING_CODE_NO_TEXT_LAYER: _ClassVar[WarningCode]
    WARNING_CODE_ENCRYPTED: _ClassVar[WarningCode]
    WARNING_CODE_GARBLED_TEXT: _ClassVar[WarningCode]
    WARNING_CODE_CONTACT_IN_HEADER: _ClassVar[WarningCode]
    WARNING_CODE_TOO_MANY_PAGES: _ClassVar[WarningCode]
    WARNING_CODE_READING_ORDER: _ClassVar[WarningCode]
    WARNING_CODE_OCR_USED: _ClassVar[WarningCode]
JOB_STATE_UNSPECIFIED: JobState
JOB_STATE_WAITING: JobState
JOB_STATE_ACTIVE: JobState
JOB_STATE_COMPLETED: JobState
JOB_STATE_FAILED: JobState
JOB_STATE_DELAYED: JobState
JOB_STATE_PRIORITIZED: JobState
JOB_STATE_WAITING_CHILDREN: JobState
HEALTH_CHECK_UNSPECIFIED: HealthCheck
HEALTH_CHECK_REDIS: HealthCheck
HEALTH_CHECK_QUEUE: HealthCheck
HEALTH_CHECK_CACHE: HealthCheck
HEALTH_CHECK_FULL: HealthCheck
HEALTH_CHECK_DATABASE: HealthCheck
HEALTH_STATUS_UNSPECIFIED: HealthStatus
HEALTH_STATUS_HEALTHY: HealthStatus
HEALTH_STATUS_UNHEALTHY: HealthStatus
HEALTH_STATUS_DEGRADED: HealthStatus
LINK_TYPE_UNSPECIFIED: LinkType
LINK_TYPE_LINKEDIN: LinkType
LINK_TYPE_GITHUB: LinkType
LINK_TYPE_WEBSITE: LinkType
LINK_TYPE_OTHER: LinkType
SKILL_SOURCE_UNSPECIFIED: SkillSource
SKILL_SOURCE_SKILLS_SECTION: SkillSource
SKILL_SOURCE_EXPERIENCE: SkillSource
SKILL_SOURCE_OTHER: SkillSource
DEGREE_LEVEL_UNSPECIFIED: DegreeLevel
DEGREE_LEVEL_HIGH_SCHOOL: DegreeLevel
DEGREE_LEVEL_ASSOCIATE: DegreeLevel
DEGREE_LEVEL_BACHELOR: DegreeLevel
DEGREE_LEVEL_MASTER: DegreeLevel
DEGREE_LEVEL_DOCTORATE: DegreeLevel
DEGREE_LEVEL_CERTIFICATE: DegreeLevel
WARNING_CODE_UNSPECIFIED: WarningCode
WARNING_CODE_NO_TEXT_LAYER: WarningCode
WARNING_CODE_ENCRYPTED: WarningCode
WARNING_CODE_GARBLED_TEXT: WarningCode
WARNING_CODE_CONTACT_IN_HEADER: WarningCode
WARNING_CODE_TOO_MANY_PAGES: WarningCode
WARNING_CODE_READING_ORDER: WarningCode
WARNING_CODE_OCR_USED: WarningCode

class SubmitResumeRequest(_message.Message):
    __slots__ = ("resume_id", "candidate_id", "organisation_id", "file_name", "mime_type", "content", "file_url", "request_id", "job_description", "required_skills")
    RESUME_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FILE_URL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_SKILLS_FIELD_NUMBER: _ClassVar[int]
    resume_id: str
    candidate_id: str
    organisation_id: str
    file_name: str
    mime_type: str
    content: bytes
    file_url: str
    request_id: str
    job_description: str
    required_skills: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, resume_id: _Optional[str] = ..., candidate_id: _Optional[str] = ..., organisation_id: _Optional[str] = ..., file_name: _Optional[str] = ..., mime_type: _Optional[str] = ..., content: _Optional[bytes] = ..., file_url: _Optional[str] = ..., request_id: _Optional[str] = ..., job_description: _Optional[str] = ..., required_skills: _Optional[_Iterable[str]] = ...) -> None: ...

class SubmitResumeResponse(_message.Message):
    __slots__ = ("job_id", "state", "duplicate")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    state: JobState
    duplicate: bool
    def __init__(self, job_id: _Optional[str] = ..., state: _Optional[_Union[JobState, str]] = ..., duplicate: _Optional[bool] = ...) -> None: ...

class GetJobStatusRequest(_message.Message):
    __slots__ = ("job_id", "organisation_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    organisation_id: str
    def __init__(self, job_id: _Optional[str] = ..., organisation_id: _Optional[str] = ...) -> None: ...

class JobMetadata(_message.Message):
    __slots__ = ("resume_id", "candidate_id", "organisation_id", "file_name", "mime_type", "file_url", "request_id")
    RESUME_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_URL_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    resume_id: str
    candidate_id: str
    organisation_id: str
    file_name: str
    mime_type: str
    file_url: str
    request_id: str
    def __init__(self, resume_id: _Optional[str] = ..., candidate_id: _Optional[str] = ..., organisation_id: _Optional[str] = ..., file_name: _Optional[str] = ..., mime_type: _Optional[str] = ..., file_url: _Optional[str] = ..., request_id: _Optional[str] = ...) -> None: ...

class GetJobStatusResponse(_message.Message):
    __slots__ = ("job_id", "state", "progress", "attempts_made", "failed_reason", "create_time", "process_time", "finish_time", "metadata", "result", "max_attempts")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_MADE_FIELD_NUMBER: _ClassVar[int]
    FAILED_REASON_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    PROCESS_TIME_FIELD_NUMBER: _ClassVar[int]
    FINISH_TIME_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    state: JobState
    progress: int
    attempts_made: int
    failed_reason: str
    create_time: _timestamp_pb2.Timestamp
    process_time: _timestamp_pb2.Timestamp
    finish_time: _timestamp_pb2.Timestamp
    metadata: JobMetadata
    result: ResumeAnalysis
    max_attempts: int
    def __init__(self, job_id: _Optional[str] = ..., state: _Optional[_Union[JobState, str]] = ..., progress: _Optional[int] = ..., attempts_made: _Optional[int] = ..., failed_reason: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., process_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finish_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., metadata: _Optional[_Union[JobMetadata, _Mapping]] = ..., result: _Optional[_Union[ResumeAnalysis, _Mapping]] = ..., max_attempts: _Optional[int] = ...) -> None: ...

class WatchJobRequest(_message.Message):
    __slots__ = ("job_id", "organisation_id")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    organisation_id: str
    def __init__(self, job_id: _Optional[str] = ..., organisation_id: _Optional[str] = ...) -> None: ...

class WatchJobResponse(_message.Message):
    __slots__ = ("status", "event")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EVENT_FIELD_NUMBER: _ClassVar[int]
    status: GetJobStatusResponse
    event: str
    def __init__(self, status: _Optional[_Union[GetJobStatusResponse, _Mapping]] = ..., event: _Optional[str] = ...) -> None: ...

class HealthRequest(_message.Message):
    __slots__ = ("check",)
    CHECK_FIELD_NUMBER: _ClassVar[int]
    check: HealthCheck
    def __init__(self, check: _Optional[_Union[HealthCheck, str]] = ...) -> None: ...

class RedisConnectionHealth(_message.Message):
    __slots__ = ("connected", "latency_ms", "error", "used_memory_bytes", "maxmemory_bytes", "eviction_policy", "memory_ratio", "accepts_writes")
    CONNECTED_FIELD_NUMBER: _ClassVar[int]
    LATENCY_MS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    USED_MEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    MAXMEMORY_BYTES_FIELD_NUMBER: _ClassVar[int]
    EVICTION_POLICY_FIELD_NUMBER: _ClassVar[int]
    MEMORY_RATIO_FIELD_NUMBER: _ClassVar[int]
    ACCEPTS_WRITES_FIELD_NUMBER: _ClassVar[int]
    connected: bool
    latency_ms: float
    error: str
    used_memory_bytes: int
    maxmemory_bytes: int
    eviction_policy: str
    memory_ratio: float
    accepts_writes: bool
    def __init__(self, connected: _Optional[bool] = ..., latency_ms: _Optional[float] = ..., error: _Optional[str] = ..., used_memory_bytes: _Optional[int] = ..., maxmemory_bytes: _Optional[int] = ..., eviction_policy: _Optional[str] = ..., memory_ratio: _Optional[float] = ..., accepts_writes: _Optional[bool] = ...) -> None: ...

class RedisHealth(_message.Message):
    __slots__ = ("cache", "queue")
    CACHE_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    cache: RedisConnectionHealth
    queue: RedisConnectionHealth
    def __init__(self, cache: _Optional[_Union[RedisConnectionHealth, _Mapping]] = ..., queue: _Optional[_Union[RedisConnectionHealth, _Mapping]] = ...) -> None: ...

class QueueHealth(_message.Message):
    __slots__ = ("name", "waiting", "active", "completed", "failed", "delayed", "prioritized", "total")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WAITING_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    DELAYED_FIELD_NUMBER: _ClassVar[int]
    PRIORITIZED_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    name: str
    waiting: int
    active: int
    completed: int
    failed: int
    delayed: int
    prioritized: int
    total: int
    def __init__(self, name: _Optional[str] = ..., waiting: _Optional[int] = ..., active: _Optional[int] = ..., completed: _Optional[int] = ..., failed: _Optional[int] = ..., delayed: _Optional[int] = ..., prioritized: _Optional[int] = ..., total: _Optional[int] = ...) -> None: ...

class CacheHealth(_message.Message):
    __slots__ = ("keys", "memory_used_bytes", "hits", "misses", "hit_ratio")
    KEYS_FIELD_NUMBER: _ClassVar[int]
    MEMORY_USED_BYTES_FIELD_NUMBER: _ClassVar[int]
    HITS_FIELD_NUMBER: _ClassVar[int]
    MISSES_FIELD_NUMBER: _ClassVar[int]
    HIT_RATIO_FIELD_NUMBER: _ClassVar[int]
    keys: int
    memory_used_bytes: int
    hits: int
    misses: int
    hit_ratio: float
    def __init__(self, keys: _Optional[int] = ..., memory_used_bytes: _Optional[int] = ..., hits: _Optional[int] = ..., misses: _Optional[int] = ..., hit_ratio: _Optional[float] = ...) -> None: ...

class HealthResponse(_message.Message):
    __slots__ = ("status", "message", "redis", "queue", "cache", "check_time", "database")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    REDIS_FIELD_NUMBER: _ClassVar[int]
    QUEUE_FIELD_NUMBER: _ClassVar[int]
    CACHE_FIELD_NUMBER: _ClassVar[int]
    CHECK_TIME_FIELD_NUMBER: _ClassVar[int]
    DATABASE_FIELD_NUMBER: _ClassVar[int]
    status: HealthStatus
    message: str
    redis: RedisHealth
    queue: QueueHealth
    cache: CacheHealth
    check_time: _timestamp_pb2.Timestamp
    database: DatabaseHealth
    def __init__(self, status: _Optional[_Union[HealthStatus, str]] = ..., message: _Optional[str] = ..., redis: _Optional[_Union[RedisHealth, _Mapping]] = ..., queue: _Optional[_Union[QueueHealth, _Mapping]] = ..., cache: _Optional[_Union[CacheHealth, _Mapping]] = ..., check_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., database: _Optional[_Union[DatabaseHealth, _Mapping]] = ...) -> None: ...

class DatabaseHealth(_message.Message):
    __slots__ = ("configured", "connected", "latency_ms", "error", "pool_in_use", "pool_idle", "pool_max")
    CONFIGURED_FIELD_NUMBER: _ClassVar[int]
    CONNECTED_FIELD_NUMBER: _ClassVar[int]
    LATENCY_MS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    POOL_IN_USE_FIELD_NUMBER: _ClassVar[int]
    POOL_IDLE_FIELD_NUMBER: _ClassVar[int]
    POOL_MAX_FIELD_NUMBER: _ClassVar[int]
    configured: bool
    connected: bool
    latency_ms: float
    error: str
    pool_in_use: int
    pool_idle: int
    pool_max: int
    def __init__(self, configured: _Optional[bool] = ..., connected: _Optional[bool] = ..., latency_ms: _Optional[float] = ..., error: _Optional[str] = ..., pool_in_use: _Optional[int] = ..., pool_idle: _Optional[int] = ..., pool_max: _Optional[int] = ...) -> None: ...

class StoredAnalysis(_message.Message):
    __slots__ = ("resume_id", "candidate_id", "organisation_id", "job_id", "version", "file_sha256", "create_time", "analysis")
    RESUME_ID_FIELD_NUMBER: _ClassVar[int]
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    FILE_SHA256_FIELD_NUMBER: _ClassVar[int]
    CREATE_TIME_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    resume_id: str
    candidate_id: str
    organisation_id: str
    job_id: str
    version: int
    file_sha256: str
    create_time: _timestamp_pb2.Timestamp
    analysis: ResumeAnalysis
    def __init__(self, resume_id: _Optional[str] = ..., candidate_id: _Optional[str] = ..., organisation_id: _Optional[str] = ..., job_id: _Optional[str] = ..., version: _Optional[int] = ..., file_sha256: _Optional[str] = ..., create_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., analysis: _Optional[_Union[ResumeAnalysis, _Mapping]] = ...) -> None: ...

class GetResumeAnalysisRequest(_message.Message):
    __slots__ = ("resume_id", "organisation_id")
    RESUME_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    resume_id: str
    organisation_id: str
    def __init__(self, resume_id: _Optional[str] = ..., organisation_id: _Optional[str] = ...) -> None: ...

class GetResumeAnalysisResponse(_message.Message):
    __slots__ = ("analysis",)
    ANALYSIS_FIELD_NUMBER: _ClassVar[int]
    analysis: StoredAnalysis
    def __init__(self, analysis: _Optional[_Union[StoredAnalysis, _Mapping]] = ...) -> None: ...

class ListCandidateAnalysesRequest(_message.Message):
    __slots__ = ("candidate_id", "organisation_id", "page_size", "page_token")
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    candidate_id: str
    organisation_id: str
    page_size: int
    page_token: str
    def __init__(self, candidate_id: _Optional[str] = ..., organisation_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListCandidateAnalysesResponse(_message.Message):
    __slots__ = ("analyses", "next_page_token")
    ANALYSES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    analyses: _containers.RepeatedCompositeFieldContainer[StoredAnalysis]
    next_page_token: str
    def __init__(self, analyses: _Optional[_Iterable[_Union[StoredAnalysis, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class EraseCandidateRequest(_message.Message):
    __slots__ = ("candidate_id", "organisation_id")
    CANDIDATE_ID_FIELD_NUMBER: _ClassVar[int]
    ORGANISATION_ID_FIELD_NUMBER: _ClassVar[int]
    candidate_id: str
    organisation_id: str
    def __init__(self, candidate_id: _Optional[str] = ..., organisation_id: _Optional[str] = ...) -> None: ...

class EraseCandidateResponse(_message.Message):
    __slots__ = ("erasure_id", "erase_time", "analyses", "cache_keys", "uploads", "jobs", "active_jobs", "events")
    ERASURE_ID_FIELD_NUMBER: _ClassVar[int]
    ERASE_TIME_FIELD_NUMBER: _ClassVar[int]
    ANALYSES_FIELD_NUMBER: _ClassVar[int]
    CACHE_KEYS_FIELD_NUMBER: _ClassVar[int]
    UPLOADS_FIELD_NUMBER: _ClassVar[int]
    JOBS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_JOBS_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    erasure_id: int
    erase_time: _timestamp_pb2.Timestamp
    analyses: int
    cache_keys: int
    uploads: int
    jobs: int
    active_jobs: int
    events: int
    def __init__(self, erasure_id: _Optional[int] = ..., erase_time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., analyses: _Optional[int] = ..., cache_keys: _Optional[int] = ..., uploads: _Optional[int] = ..., jobs: _Optional[int] = ..., active_jobs: _Optional[int] = ..., events: _Optional[int] = ...) -> None: ...

class ResumeAnalysis(_message.Message):
    __slots__ = ("analysis_version", "contact", "summary", "skills", "experience", "education", "sections", "score", "certifications", "languages", "projects", "total_experience_years", "warnings", "document", "match")
    ANALYSIS_VERSION_FIELD_NUMBER: _ClassVar[int]
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    EXPERIENCE_FIELD_NUMBER: _ClassVar[int]
    EDUCATION_FIELD_NUMBER: _ClassVar[int]
    SECTIONS_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    PROJECTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_EXPERIENCE_YEARS_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    MATCH_FIELD_NUMBER: _ClassVar[int]
    analysis_version: str
    contact: Contact
    summary: str
    skills: _containers.RepeatedCompositeFieldContainer[Skill]
    experience: _containers.RepeatedCompositeFieldContainer[Experience]
    education: _containers.RepeatedCompositeFieldContainer[Education]
    sections: _containers.RepeatedCompositeFieldContainer[Section]
    score: Score
    certifications: _containers.RepeatedScalarFieldContainer[str]
    languages: _containers.RepeatedScalarFieldContainer[str]
    projects: _containers.RepeatedCompositeFieldContainer[Project]
    total_experience_years: float
    warnings: _containers.RepeatedCompositeFieldContainer[Warning]
    document: Document
    match: JobMatch
    def __init__(self, analysis_version: _Optional[str] = ..., contact: _Optional[_Union[Contact, _Mapping]] = ..., summary: _Optional[str] = ..., skills: _Optional[_Iterable[_Union[Skill, _Mapping]]] = ..., experience: _Optional[_Iterable[_Union[Experience, _Mapping]]] = ..., education: _Optional[_Iterable[_Union[Education, _Mapping]]] = ..., sections: _Optional[_Iterable[_Union[Section, _Mapping]]] = ..., score: _Optional[_Union[Score, _Mapping]] = ..., certifications: _Optional[_Iterable[str]] = ..., languages: _Optional[_Iterable[str]] = ..., projects: _Optional[_Iterable[_Union[Project, _Mapping]]] = ..., total_experience_years: _Optional[float] = ..., warnings: _Optional[_Iterable[_Union[Warning, _Mapping]]] = ..., document: _Optional[_Union[Document, _Mapping]] = ..., match: _Optional[_Union[JobMatch, _Mapping]] = ...) -> None: ...

class Contact(_message.Message):
    __slots__ = ("name", "emails", "phones", "links", "location")
    NAME_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    emails: _containers.RepeatedScalarFieldContainer[str]
    phones: _containers.RepeatedScalarFieldContainer[str]
    links: _containers.RepeatedCompositeFieldContainer[Link]
    location: str
    def __init__(self, name: _Optional[str] = ..., emails: _Optional[_Iterable[str]] = ..., phones: _Optional[_Iterable[str]] = ..., links: _Optional[_Iterable[_Union[Link, _Mapping]]] = ..., location: _Optional[str] = ...) -> None: ...

class Link(_message.Message):
    __slots__ = ("url", "type")
    URL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    url: str
    type: LinkType
    def __init__(self, url: _Optional[str] = ..., type: _Optional[_Union[LinkType, str]] = ...) -> None: ...

class Skill(_message.Message):
    __slots__ = ("name", "category", "sources")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    name: str
    category: str
    sources: _containers.RepeatedScalarFieldContainer[SkillSource]
    def __init__(self, name: _Optional[str] = ..., category: _Optional[str] = ..., sources: _Optional[_Iterable[_Union[SkillSource, str]]] = ...) -> None: ...

class Experience(_message.Message):
    __slots__ = ("title", "company", "location", "start", "end", "current", "highlights")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    CURRENT_FIELD_NUMBER: _ClassVar[int]
    HIGHLIGHTS_FIELD_NUMBER: _ClassVar[int]
    title: str
    company: str
    location: str
    start: str
    end: str
    current: bool
    highlights: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, title: _Optional[str] = ..., company: _Optional[str] = ..., location: _Optional[str] = ..., start: _Optional[str] = ..., end: _Optional[str] = ..., current: _Optional[bool] = ..., highlights: _Optional[_Iterable[str]] = ...) -> None: ...

class Education(_message.Message):
    __slots__ = ("institution", "degree", "degree_level", "field", "start", "end", "gpa", "location")
    INSTITUTION_FIELD_NUMBER: _ClassVar[int]
    DEGREE_FIELD_NUMBER: _ClassVar[int]
    DEGREE_LEVEL_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    GPA_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    institution: str
    degree: str
    degree_level: DegreeLevel
    field: str
    start: str
    end: str
    gpa: str
    location: str
    def __init__(self, institution: _Optional[str] = ..., degree: _Optional[str] = ..., degree_level: _Optional[_Union[DegreeLevel, str]] = ..., field: _Optional[str] = ..., start: _Optional[str] = ..., end: _Optional[str] = ..., gpa: _Optional[str] = ..., location: _Optional[str] = ...) -> None: ...

class Project(_message.Message):
    __slots__ = ("name", "description")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class Section(_message.Message):
    __slots__ = ("kind", "heading")
    KIND_FIELD_NUMBER: _ClassVar[int]
    HEADING_FIELD_NUMBER: _ClassVar[int]
    kind: str
    heading: str
    def __init__(self, kind: _Optional[str] = ..., heading: _Optional[str] = ...) -> None: ...

class Score(_message.Message):
    __slots__ = ("overall", "parts")
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    overall: int
    parts: _containers.RepeatedCompositeFieldContainer[ScorePart]
    def __init__(self, overall: _Optional[int] = ..., parts: _Optional[_Iterable[_Union[ScorePart, _Mapping]]] = ...) -> None: ...

class ScorePart(_message.Message):
    __slots__ = ("name", "score", "weight", "reason", "parts")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    name: str
    score: int
    weight: float
    reason: str
    parts: _containers.RepeatedCompositeFieldContainer[ScorePart]
    def __init__(self, name: _Optional[str] = ..., score: _Optional[int] = ..., weight: _Optional[float] = ..., reason: _Optional[str] = ..., parts: _Optional[_Iterable[_Union[ScorePart, _Mapping]]] = ...) -> None: ...

class Warning(_message.Message):
    __slots__ = ("code", "message")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    code: WarningCode
    message: str
    def __init__(self, code: _Optional[_Union[WarningCode, str]] = ..., message: _Optional[str] = ...) -> None: ...

class Document(_message.Message):
    __slots__ = ("format", "pages", "characters", "words")
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    CHARACTERS_FIELD_NUMBER: _ClassVar[int]
    WORDS_FIELD_NUMBER: _ClassVar[int]
    format: str
    pages: int
    characters: int
    words: int
    def __init__(self, format: _Optional[str] = ..., pages: _Optional[int] = ..., characters: _Optional[int] = ..., words: _Optional[int] = ...) -> None: ...

class JobMatch(_message.Message):
    __slots__ = ("score", "covered_skills", "missing_skills", "keyword_similarity")
    SCORE_FIELD_NUMBER: _ClassVar[int]
    COVERED_SKILLS_FIELD_NUMBER: _ClassVar[int]
    MISSING_SKILLS_FIELD_NUMBER: _ClassVar[int]
    KEYWORD_SIMILARITY_FIELD_NUMBER: _ClassVar[int]
    score: Score
    covered_skills: _containers.RepeatedScalarFieldContainer[str]
    missing_skills: _containers.RepeatedScalarFieldContainer[str]
    keyword_similarity: float
    def __init__(self, score: _Optional[_Union[Score, _Mapping]] = ..., covered_skills: _Optional[_Iterable[str]] = ..., missing_skills: _Optional[_Iterable[str]] = ..., keyword_similarity: _Optional[float] = ...) -> None: ...
