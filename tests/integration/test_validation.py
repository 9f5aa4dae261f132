"""Invalid requests get INVALID_ARGUMENT naming the field, through the real server."""

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from common import file_types
from common.config import Settings
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from tests.helpers.support import FIXTURES, RPC_TIMEOUT, submit_request, unique
from tests.labeled.cases import converted_cases

PDF = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()


def violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    status = rpc_status.from_call(error)
    assert status is not None, "no google.rpc.Status details"
    bad_request = error_details_pb2.BadRequest()
    assert status.details[0].Unpack(bad_request)
    return {v.field: v.description for v in bad_request.field_violations}


async def expect_invalid(stub: resume_pb2_grpc.GatewayServiceStub, request, field: str, words: str) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in caught.value.details()
    found = violations(caught.value)
    assert words in found[field], found


async def test_missing_organisation(stub) -> None:
    await expect_invalid(stub, submit_request(content=PDF, organisation_id=""), "organisation_id", "required")
    # Empty string and unset are the same in proto3.
    request = submit_request(content=PDF)
    request.ClearField("organisation_id")
    await expect_invalid(stub, request, "organisation_id", "required")


async def test_ids_that_would_break_cache_keys(stub) -> None:
    await expect_invalid(stub, submit_request(content=PDF, resume_id="a:b"), "resume_id", "letters, digits")


async def test_no_file_at_all(stub) -> None:
    await expect_invalid(stub, submit_request(), "source", "content")


async def test_empty_content(stub) -> None:
    await expect_invalid(stub, submit_request(content=b""), "content", "empty")


async def test_unsupported_type(stub) -> None:
    request = submit_request(content=PDF, mime_type="image/gif")
    await expect_invalid(stub, request, "mime_type", f"not supported; send {file_types.SUPPORTED}")
    await expect_invalid(stub, submit_request(content=b"GIF89a......"), "content", "a GIF image, which is not read")
    await expect_invalid(stub, submit_request(content=b"\x00\x00\x00\x18ftypheic...."), "content", "a HEIC photo")
    await expect_invalid(stub, submit_request(content=b"Jane Doe\x00\x01\x02\x03"), "content", "unknown magic bytes")


async def test_a_picture_labelled_as_a_pdf_is_refused(stub) -> None:
    request = submit_request(content=b"\x89PNG\r\n\x1a\n....", mime_type=file_types.PDF)
    await expect_invalid(stub, request, "mime_type", "disagrees with the content, which is a PNG file")


@pytest.mark.parametrize(("extension", "mime_type"), [
    ("odt", "application/pdf"), ("rtf", file_types.ODT), ("doc", "text/html"), ("html", "text/plain"),
    ("txt", "application/msword"),
])
async def test_a_declared_type_that_disagrees_with_a_text_format_is_refused(stub, extension, mime_type) -> None:
    content = converted_cases(extension)[0].content
    request = submit_request(content=content, mime_type=mime_type)
    await expect_invalid(stub, request, "mime_type", f"disagrees with the content, which is a {extension.upper()} file")


async def test_mime_type_that_contradicts_the_content(stub) -> None:
    request = submit_request(content=PDF, mime_type=file_types.DOCX)
    await expect_invalid(stub, request, "mime_type", "disagrees with the content, which is a PDF")


async def test_file_over_the_limit(stub, settings: Settings) -> None:
    oversized = b"%PDF-1.7\n" + b"0" * settings.max_file_bytes
    await expect_invalid(stub, submit_request(content=oversized), "content", "limit")


async def test_bad_file_url(stub) -> None:
    await expect_invalid(stub, submit_request(file_url="ftp://example.com/cv.pdf"), "file_url", "http")
    await expect_invalid(stub, submit_request(file_url="not a url"), "file_url", "http")


async def test_impossible_or_future_reference_dates(stub) -> None:
    await expect_invalid(stub, submit_request(content=PDF, as_of="2023-02-29"), "as_of", "not a date of the calendar")
    await expect_invalid(stub, submit_request(content=PDF, as_of="31/12/2023"), "as_of", "YYYY-MM-DD")
    await expect_invalid(stub, submit_request(content=PDF, as_of="2999-01-01"), "as_of", "in the future")


async def test_every_violation_is_reported_at_once(stub) -> None:
    request = resume_pb2.SubmitResumeRequest()
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
    assert set(violations(caught.value)) == {"resume_id", "candidate_id", "organisation_id", "source"}


async def test_status_of_unknown_job(stub) -> None:
    request = resume_pb2.GetJobStatusRequest(job_id=unique("resume"), organisation_id=unique("org"))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetJobStatus(request, timeout=RPC_TIMEOUT)
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    assert "not found" in caught.value.details()


async def test_status_request_needs_job_and_organisation(stub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetJobStatus(resume_pb2.GetJobStatusRequest(), timeout=RPC_TIMEOUT)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(violations(caught.value)) == {"job_id", "organisation_id"}
