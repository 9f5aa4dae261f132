"""Checks of incoming requests; every violation names its field."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

from common import file_types
from common.config import Settings
from common.jobs import ResumeJobData
from common.proto.resume.v1 import resume_pb2
from common.reference_dates import parse_as_of
from gateway_service.errors import InvalidRequest

# Ids end up inside Redis keys such as `resume:{id}:analysis`: no ':' or spaces.
_ID = re.compile(r"^[A-Za-z0-9._@~-]{1,128}$")
_ID_RULE = "1 to 128 characters among letters, digits and . _ @ ~ -"
MAX_URL_LENGTH = 2048
MAX_JOB_DESCRIPTION = 50_000
MAX_REQUIRED_SKILLS = 100
MAX_SKILL_LENGTH = 100
MAX_JOB_ID_LENGTH = 256
MAX_BATCH_ITEMS = 500
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
_PAGE_TOKEN_PREFIX = "after:"


def validate_submit(
    request: resume_pb2.SubmitResumeRequest, settings: Settings
) -> tuple[ResumeJobData, bytes | None]:
    """The job data and the inline content (None when the file comes by URL)."""
    violations: dict[str, str] = {}
    for name in ("resume_id", "candidate_id", "organisation_id"):
        _check_id(violations, name, getattr(request, name), required=True)
    _check_id(violations, "request_id", request.request_id, required=False)

    source = request.WhichOneof("source")
    try:
        declared = file_types.declared_kind(request.mime_type)
    except file_types.UnsupportedType as error:
        violations["mime_type"] = str(error)
        declared = ""
    # A file name's extension is a hint only: the bytes win over it, not over mime_type.
    kind = declared or file_types.from_file_name(request.file_name)
    content: bytes | None = None
    if source is None:
        violations["source"] = "set either content (the file's bytes) or file_url"
    elif source == "content":
        content = request.content
        kind = _check_content(violations, content, declared, settings.max_file_bytes) or kind
    else:
        _check_url(violations, request.file_url)

    if len(request.job_description) > MAX_JOB_DESCRIPTION:
        violations["job_description"] = f"longer than {MAX_JOB_DESCRIPTION} characters"
    if len(request.required_skills) > MAX_REQUIRED_SKILLS or any(
        not skill.strip() or len(skill) > MAX_SKILL_LENGTH for skill in request.required_skills
    ):
        violations["required_skills"] = (
            f"at most {MAX_REQUIRED_SKILLS} non-empty skills of at most {MAX_SKILL_LENGTH} characters"
        )
    if request.as_of:
        try:
            parse_as_of(request.as_of, datetime.now(UTC).date())
        except ValueError as error:
            violations["as_of"] = str(error)
    if violations:
        raise InvalidRequest(violations)
    data = ResumeJobData(
        resume_id=request.resume_id,
        candidate_id=request.candidate_id,
        organisation_id=request.organisation_id,
        file_name=request.file_name,
        # The worker tells the type from the bytes when neither type nor name told it.
        mime_type=request.mime_type or file_types.STANDARD_MIME.get(kind, ""),
        file_url=request.file_url,
        request_id=request.request_id,
        job_description=request.job_description,
        required_skills=tuple(skill.strip() for skill in request.required_skills),
        as_of=request.as_of,
        redact=request.redact,
    )
    return data, content


def validate_job_reference(request: resume_pb2.GetJobStatusRequest | resume_pb2.WatchJobRequest) -> None:
    violations: dict[str, str] = {}
    if not request.job_id or len(request.job_id) > MAX_JOB_ID_LENGTH:
        violations["job_id"] = f"required, at most {MAX_JOB_ID_LENGTH} characters"
    _check_id(violations, "organisation_id", request.organisation_id, required=True)
    if violations:
        raise InvalidRequest(violations)


def validate_owned_id(
    request: resume_pb2.GetResumeAnalysisRequest | resume_pb2.GetRedactedResumeRequest
    | resume_pb2.EraseCandidateRequest, name: str,
) -> None:
    """An id (`name`) and the organisation it belongs to, both required."""
    violations: dict[str, str] = {}
    for field in (name, "organisation_id"):
        _check_id(violations, field, getattr(request, field), required=True)
    if violations:
        raise InvalidRequest(violations)


def validate_list(request: resume_pb2.ListCandidateAnalysesRequest) -> tuple[int, int | None]:
    """The page size and the row to continue after (None for the first page)."""
    violations: dict[str, str] = {}
    for field in ("candidate_id", "organisation_id"):
        _check_id(violations, field, getattr(request, field), required=True)
    if not 0 <= request.page_size <= MAX_PAGE_SIZE:
        violations["page_size"] = f"must be 1 to {MAX_PAGE_SIZE}, or 0 for {DEFAULT_PAGE_SIZE}"
    after = None
    if request.page_token:
        try:
            decoded = base64.urlsafe_b64decode(request.page_token.encode()).decode()
            if not decoded.startswith(_PAGE_TOKEN_PREFIX):
                raise ValueError(decoded)
            after = int(decoded.removeprefix(_PAGE_TOKEN_PREFIX))
        except (ValueError, binascii.Error):
            violations["page_token"] = "not a next_page_token of this API: pass one back unchanged, or none"
    if violations:
        raise InvalidRequest(violations)
    return request.page_size or DEFAULT_PAGE_SIZE, after


def validate_webhook(request: resume_pb2.SetWebhookRequest | resume_pb2.ListWebhookDeliveriesRequest) -> None:
    """The organisation, and the webhook's URL when there is one (empty removes the webhook)."""
    violations: dict[str, str] = {}
    _check_id(violations, "organisation_id", request.organisation_id, required=True)
    if isinstance(request, resume_pb2.SetWebhookRequest) and request.url:
        _check_url(violations, request.url, "url")
    if violations:
        raise InvalidRequest(violations)


def page_token(after: int | None) -> str:
    return "" if after is None else base64.urlsafe_b64encode(f"{_PAGE_TOKEN_PREFIX}{after}".encode()).decode()


def _check_id(violations: dict[str, str], name: str, value: str, *, required: bool) -> None:
    if not value:
        if required:
            violations[name] = "required"
    elif not _ID.match(value):
        violations[name] = f"must be {_ID_RULE}"


def _check_content(violations: dict[str, str], content: bytes, declared: str, limit: int) -> str:
    """The kind the content is, as far as its first bytes tell."""
    if not content:
        violations["content"] = "the file is empty"
        return ""
    if len(content) > limit:
        violations["content"] = (
            f"the file is {len(content)} bytes; the limit is {limit} bytes ({limit / 2**20:g} MiB)"
        )
        return ""
    sniffed = file_types.sniff(content).replace("zip", "docx")
    if not sniffed:
        picture = file_types.unsupported_picture(content)
        violations["content"] = (f"the file is {picture}, which is not read; convert it to PNG or JPEG" if picture
                                 else f"the file is not {file_types.SUPPORTED} (unknown magic bytes)")
    elif declared and not file_types.agrees(declared, sniffed):
        violations["mime_type"] = (
            f"it says {declared.upper()} but disagrees with the content, which is a {sniffed.upper()} file"
        )
    return sniffed


def _check_url(violations: dict[str, str], url: str, field: str = "file_url") -> None:
    if len(url) > MAX_URL_LENGTH:
        violations[field] = f"longer than {MAX_URL_LENGTH} characters"
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        violations[field] = "must be an absolute http:// or https:// URL"


def validate_batch(request: resume_pb2.SubmitResumesRequest) -> None:
    """The batch's size; each item is checked as SubmitResume checks its request."""
    if not 0 < len(request.items) <= MAX_BATCH_ITEMS:
        raise InvalidRequest({"items": f"1 to {MAX_BATCH_ITEMS} items, not {len(request.items)}; "
                                       "split larger batches"})
