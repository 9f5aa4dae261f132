"""Submit over gRPC, a real worker process analyses, read the result back."""

import asyncio

import grpc
import pytest
import redis.asyncio as redis

from common.cache import resume_analysis_key
from common.config import Settings
from common.jobs import upload_key
from common.proto.resume.v1 import resume_pb2
from common.redis_connections import connect_cache, connect_queue
from tests.helpers.docx_resumes import build_docx
from tests.helpers.pictures import EMAIL, EXTENSIONS, FORMATS, NAME, page_images, photographed, picture_file, resume_pdf
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, submit_request, unique, wait_for_final_state
from tests.labeled.cases import converted_cases

PDF_NAME = "John_Doe_ClassicTheme_CV.pdf"
PDF = (FIXTURES / PDF_NAME).read_bytes()
DOCX_NAME = "jane_roe.docx"
DOCX_RESUME = {
    "name": "Jane Roe",
    "email": "jane.roe@example.org",
    "phone": "+44 20 7946 0958",
    "location": "London, UK",
    "linkedin": "https://www.linkedin.com/in/jane-roe",
    "summary": "Backend engineer building data platforms.",
    "experience": [
        {"title": "Senior Software Engineer", "company": "Acme Analytics", "location": "London, UK",
         "dates": "Mar 2019 – Present",
         "highlights": ["Built streaming pipelines in Python and Kafka on Kubernetes"]},
    ],
    "education": [
        {"institution": "University of Leeds", "degree": "BSc in Computer Science", "dates": "2012 – 2015",
         "gpa": "3.7/4.0"},
    ],
    "skills": {"Languages": "Python, SQL", "Platforms": "PostgreSQL, Kubernetes, Kafka"},
    "languages": "English (native), German (fluent)",
    "certifications": ["Certified Kubernetes Administrator (2022)"],
}
DOCX = build_docx(DOCX_RESUME)

pytestmark = pytest.mark.usefixtures("worker")


async def submit_and_wait(stub, request) -> resume_pb2.GetJobStatusResponse:
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    assert submitted.job_id and ":" not in submitted.job_id and not submitted.duplicate
    return await wait_for_final_state(stub, submitted.job_id, request.organisation_id)


def assert_john_doe(status: resume_pb2.GetJobStatusResponse) -> None:
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    result = status.result
    assert result.contact.name == "John Doe"
    assert "john.doe@email.com" in result.contact.emails
    assert {"Python", "Kubernetes", "PyTorch"} <= {skill.name for skill in result.skills}
    assert result.analysis_version and 0 < result.score.overall <= 100


def assert_jane_roe(status: resume_pb2.GetJobStatusResponse) -> None:
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    result = status.result
    assert result.contact.name == "Jane Roe"
    assert result.contact.emails == ["jane.roe@example.org"]
    assert {"Python", "PostgreSQL", "Kubernetes"} <= {skill.name for skill in result.skills}


@pytest.fixture
async def queue_blobs(settings: Settings):
    client = connect_queue(settings, decode_responses=False)
    yield client
    await client.aclose()


@pytest.fixture
async def cache_client(settings: Settings):
    client = connect_cache(settings)
    yield client
    await client.aclose()


async def test_inline_pdf(stub, queue_blobs: redis.Redis, cache_client: redis.Redis) -> None:
    request = submit_request(content=PDF, file_name=PDF_NAME, mime_type="application/pdf")
    status = await submit_and_wait(stub, request)
    assert_john_doe(status)
    assert status.progress == 100
    assert status.attempts_made == 1 and status.max_attempts == 3
    assert status.create_time.ToMilliseconds() <= status.process_time.ToMilliseconds()
    assert status.process_time.ToMilliseconds() <= status.finish_time.ToMilliseconds()
    assert status.metadata.resume_id == request.resume_id
    assert status.metadata.candidate_id == request.candidate_id
    assert status.metadata.file_name == PDF_NAME
    name = status.result.evidence[0]
    assert (name.field, name.page, name.text) == ("contact.name", 1, "John Doe")
    assert 0 < name.box.left < name.box.right and 0 < name.box.top < name.box.bottom and 0.5 < name.confidence <= 1
    cached = await cache_client.get(resume_analysis_key(request.resume_id))
    assert cached is not None and "john.doe@email.com" in cached
    assert 0 < await cache_client.ttl(resume_analysis_key(request.resume_id))
    # The inline bytes are gone once the job completed.
    for _ in range(50):
        if not await queue_blobs.exists(upload_key(status.job_id)):
            break
        await asyncio.sleep(0.05)
    assert not await queue_blobs.exists(upload_key(status.job_id))


async def test_inline_docx_with_type_from_the_file_name(stub) -> None:
    status = await submit_and_wait(stub, submit_request(content=DOCX, file_name=DOCX_NAME))
    assert_jane_roe(status)
    # A DOCX has no pages: its evidence gives the line, without page or box.
    name = status.result.evidence[0]
    assert (name.field, name.page, name.text, name.HasField("box")) == ("contact.name", 0, "Jane Roe", False)


@pytest.mark.parametrize("extension", ["doc", "odt", "rtf", "html", "txt"])
async def test_inline_word_processor_and_text_formats(stub, extension: str) -> None:
    case = next(case for case in converted_cases(extension) if case.name.endswith(":tables"))
    status = await submit_and_wait(stub, submit_request(content=case.content, file_name=case.file_name))
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    result = status.result
    assert result.document.format == extension
    assert result.contact.name == case.expected["name"]
    assert list(result.contact.emails) == case.expected["emails"]
    assert {job.company for job in result.experience} == {job["company"] for job in case.expected["experience"]}


async def test_reference_date_durations_and_gaps_in_the_result(stub) -> None:
    resume = {**DOCX_RESUME, "experience": [
        DOCX_RESUME["experience"][0],
        {"title": "Engineering Manager", "company": "Bolt Data", "location": "Leeds, UK",
         "dates": "Jan 2015 – Jun 2018", "highlights": ["Led a team of six building Kafka services"]},
    ]}
    request = submit_request(content=build_docx(resume), file_name=DOCX_NAME, as_of="2022-03-31")
    status = await submit_and_wait(stub, request)
    assert_jane_roe(status)
    result = status.result
    assert (result.reference_date, result.reference_date_source) == (
        "2022-03-31", resume_pb2.REFERENCE_DATE_SOURCE_REQUEST)
    # "Present" is March 2022: 42 months at Bolt Data, 37 at Acme, a break from July 2018 to February 2019.
    assert result.total_experience_years == 6.6
    assert result.management_months == 42
    assert [(gap.start, gap.end, gap.months) for gap in result.employment_gaps] == [("2018-07", "2019-02", 8)]
    skills = {skill.name: (skill.months_used, skill.last_used_year) for skill in result.skills}
    assert skills["Apache Kafka"] == (42 + 37, 2022)
    assert skills["Python"] == (37, 2022)
    assert [(language.name, language.level) for language in result.spoken_languages] == [
        ("English", "native"), ("German", "C1")]
    assert [(entry.name, entry.year) for entry in result.certification_entries] == [
        ("Certified Kubernetes Administrator", 2022)]


@pytest.fixture(scope="module")
def resume_page():
    return page_images(resume_pdf(), dpi=200)[0]


@pytest.mark.parametrize("kind", [*FORMATS, "photo"])
async def test_inline_pictures_are_read_by_ocr(stub, resume_page, kind: str) -> None:
    content = photographed(resume_page, seed=5) if kind == "photo" else picture_file([resume_page], kind)
    request = submit_request(content=content, file_name=f"cv{EXTENSIONS.get(kind, '.jpg')}")
    status = await submit_and_wait(stub, request)
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    assert status.result.contact.name == NAME
    assert list(status.result.contact.emails) == [EMAIL]
    assert status.result.document.format == ("jpeg" if kind == "photo" else kind)
    assert resume_pb2.WARNING_CODE_OCR_USED in [warning.code for warning in status.result.warnings]


async def test_pdf_and_docx_by_url(stub, file_server) -> None:
    base, directory = file_server
    (directory / PDF_NAME).write_bytes(PDF)
    (directory / DOCX_NAME).write_bytes(DOCX)
    assert_john_doe(await submit_and_wait(stub, submit_request(file_url=f"{base}/{PDF_NAME}", file_name=PDF_NAME)))
    assert_jane_roe(await submit_and_wait(stub, submit_request(file_url=f"{base}/{DOCX_NAME}", file_name="")))


async def test_same_request_id_gives_one_job(stub) -> None:
    request = submit_request(content=PDF, request_id=unique("request"))
    first = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    second = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    assert (second.job_id, second.duplicate, first.duplicate) == (first.job_id, True, False)
    # The key is scoped to the organisation: another one gets its own job.
    other = submit_request(content=PDF, request_id=request.request_id)
    assert (await stub.SubmitResume(other, timeout=RPC_TIMEOUT)).job_id != first.job_id


async def test_another_organisations_job_is_not_found(stub) -> None:
    request = submit_request(content=PDF)
    submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    missing_id = unique("resume")
    details = []
    for job_id in (submitted.job_id, missing_id):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            status_request = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=unique("org"))
            await stub.GetJobStatus(status_request, timeout=RPC_TIMEOUT)
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        details.append(caught.value.details().replace(job_id, "ID"))
    assert details[0] == details[1]


async def test_a_corrupt_pdf_fails_at_once_with_a_reason(stub) -> None:
    status = await submit_and_wait(stub, submit_request(content=PDF[: len(PDF) // 3]))
    assert status.state == resume_pb2.JOB_STATE_FAILED
    assert status.failed_reason
    assert status.attempts_made == 1, "a corrupt file must not be retried"
    assert not status.HasField("result")


async def test_a_missing_url_fails_at_once(stub, file_server) -> None:
    base, _ = file_server
    status = await submit_and_wait(stub, submit_request(file_url=f"{base}/nothing-here.pdf"))
    assert status.state == resume_pb2.JOB_STATE_FAILED
    assert "HTTP 404" in status.failed_reason
    assert status.attempts_made == 1
