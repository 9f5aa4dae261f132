"""Hostile files fail at once with a specific reason, within time and memory bounds,
and the worker goes on serving.

Three levels, each printing its figures (inputs tried, failed as expected, time, peak RSS):
- each file through extraction (and analysis) in a process pool with limits;
- each file submitted inline to the real gateway and analysed by a real worker;
- a stack of its own with a small JOB_TIMEOUT and EXTRACTION_MEMORY_BYTES, where files
  that run or grow without bound fail with the limit's reason while normal jobs complete.

Encrypted PDFs that open with the empty password are analysed, with an ENCRYPTED
warning, as PDF viewers open them; any other password fails the job.
"""

from __future__ import annotations

import asyncio
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from docx.oxml.parser import parse_xml

from analysis_worker.extraction import ExtractionError
from analysis_worker.pipeline import analyse_document, extract_document
from analysis_worker.process_pool import CallTimeout, ProcessPool
from common.proto.resume.v1 import resume_pb2
from tests.helpers import hostile_files as hostile
from tests.helpers.processes import ServiceProcess, start_worker
from tests.helpers.support import RPC_TIMEOUT, isolated_stack, submit_request, tree_rss, wait_for_final_state

ANALYSED = None
# What each hostile file ends with: a fragment of the failure reason, or ANALYSED.
EXPECTED: dict[str, str | None] = {
    "truncated PDF": "damaged or truncated",
    "broken xref": "damaged or truncated",
    "encrypted PDF, empty password": ANALYSED,
    "encrypted PDF, password": "encrypted with a password",
    "5,000 pages": "has 5,000 pages",
    "Flate bomb (1 GiB)": "decompression bomb",
    "deeply nested arrays": "nested too deeply",
    "deep page tree": "safety limit (Maximum page tree depth",
    "page tree cycle": "damaged or truncated",
    "self-drawing XObject": ANALYSED,
    # pdfium refuses to decode the image, so the page renders blank: analysed, NO_TEXT_LAYER.
    "image bomb (60,000 x 60,000)": ANALYSED,
    # The first OCR_MAX_PAGES (5) pages are read; the others are named in a warning.
    "200-page scan": ANALYSED,
    "DOCX zip bomb (1 GiB)": "expands to an unreasonable size",
    "DOCX zip bomb, lying sizes": "DOCX file is damaged",
    "DOCX with XXE": "declares a DTD",
    "DOCX billion laughs": "declares a DTD",
    "DOCX nested 5,000 deep": "nested too deeply",
    "text labelled DOCX": "does not match the content",
    "ODT zip bomb (1 GiB)": "expands to an unreasonable size",
    "RTF nested 100,000 deep": "nests its groups more than 200 deep",
    "RTF with a 2 GB \\bin": "binary data (\\bin) larger than the file",
    "malformed OLE file": "OLE structure is damaged",
    "HTML nested 100,000 deep": "nests its elements more than 200 levels deep",
    "TXT of binary garbage": "holds binary data",
    "truncated ZIP labelled DOCX": "not a valid ZIP archive",
    "PDF labelled DOCX": "does not match the content",
    "empty file": "The file is empty",
    "random bytes": "is not a PDF, DOCX, DOC, ODT, RTF, HTML, TXT, PNG, JPEG, TIFF or WebP file",
    "random bytes after a PDF header": "damaged or truncated",
    "PNG bomb (100,000 x 100,000)": "megapixels, which are not read",
    "truncated JPEG": "damaged or truncated",
    # The first OCR_MAX_PAGES (5) frames are read, blank: analysed, with warnings.
    "TIFF of 300 pages": ANALYSED,
}
# The gateway refuses these inline uploads itself (INVALID_ARGUMENT), naming the field.
REFUSED_BY_GATEWAY = {
    "empty file": "content",
    "random bytes": "content",
    "text labelled DOCX": "mime_type",
    "PDF labelled DOCX": "mime_type",
}
# Room for OCR (five pages of the 200-page scan) on a shared machine, and its address
# space: EXTRACTION_MEMORY_BYTES's default.
POOL_TIMEOUT = 30.0
POOL_MEMORY = 2048 * 2**20


def test_every_hostile_file_has_an_expectation() -> None:
    assert {item.name for item in hostile.CORPUS} == set(EXPECTED)


def assert_clear_reason(reason: str, fragment: str) -> None:
    assert fragment in reason, reason
    assert reason[0].isupper() and reason.endswith(".") and len(reason) < 400, reason


def peak_rss(pid: int | str = "self") -> int:
    """Peak resident set size of a process in bytes (VmHWM), 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return int(fields.get("VmHWM", "0 kB").split()[0]) * 1024


def child_peak_rss() -> int:
    """Runs in a pool process: its own peak RSS."""
    return peak_rss()


@pytest.fixture(scope="module")
def pool() -> Iterator[ProcessPool]:
    # One process, so that its peak RSS covers every file it read.
    pool = ProcessPool(1, memory_limit=POOL_MEMORY, preload=("analysis_worker.pipeline",))
    yield pool
    pool.close()


async def test_each_hostile_file_fails_in_the_pool_with_a_specific_reason(
    pool: ProcessPool, capsys: pytest.CaptureFixture[str]
) -> None:
    problems, slowest, peak = [], 0.0, 0
    started = time.monotonic()
    for item in hostile.CORPUS:
        content = item.build()
        began = time.monotonic()
        try:
            document = await pool.run(
                POOL_TIMEOUT, extract_document, content, item.mime_type, item.file_name, 50)
            await pool.run(POOL_TIMEOUT, analyse_document, document, "", ())
            outcome = ANALYSED
        except ExtractionError as error:
            outcome = str(error)
        except (CallTimeout, MemoryError) as error:  # bounded, but every file here should fail faster
            outcome = f"{type(error).__name__}: {error}"
        slowest = max(slowest, time.monotonic() - began)
        peak = max(peak, await pool.run(5, child_peak_rss))
        expected = EXPECTED[item.name]
        if expected is ANALYSED:
            if outcome is not ANALYSED:
                problems.append(f"{item.name}: expected an analysis, got {outcome}")
        elif outcome is ANALYSED or expected not in outcome:
            problems.append(f"{item.name}: expected '{expected}', got {outcome}")
        elif not (outcome[0].isupper() and outcome.endswith(".")):
            problems.append(f"{item.name}: reason is not a sentence: {outcome}")
    with capsys.disabled():
        print(f"\n[hostile, pool] inputs={len(hostile.CORPUS)} "
              f"as_expected={len(hostile.CORPUS) - len(problems)} "
              f"total={time.monotonic() - started:.1f}s slowest={slowest:.2f}s "
              f"peak_rss={peak / 2**20:.0f}MiB (limit {POOL_MEMORY // 2**20} MiB)")
    assert not problems, "\n".join(problems)


async def test_a_file_that_runs_without_bound_costs_only_its_own_process(pool: ProcessPool) -> None:
    started = time.monotonic()
    with pytest.raises(CallTimeout):
        await pool.run(2, extract_document, hostile.slow_content_pdf(), "application/pdf", "cv.pdf", 50)
    assert time.monotonic() - started < 5
    document = await pool.run(POOL_TIMEOUT, extract_document, hostile.fixture_pdf(), "", "cv.pdf", 50)
    assert "John Doe" in document.text


async def test_a_file_that_grows_without_bound_stops_at_the_memory_limit() -> None:
    small = ProcessPool(1, memory_limit=224 * 2**20, preload=("analysis_worker.pipeline",))
    try:
        with pytest.raises(MemoryError, match="memory limit of 224 MiB"):
            await small.run(POOL_TIMEOUT, extract_document, hostile.docx_paragraph_flood(), "", "cv.docx", 50)
        document = await small.run(POOL_TIMEOUT, extract_document, hostile.good_docx(), "", "cv.docx", 50)
        assert "Maria Lopez" in document.text
    finally:
        small.close()


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"LEAKED-OVER-HTTP")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records the paths asked for."""
    _Recorder.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.requests
    server.shutdown()
    server.server_close()
    thread.join()


def test_python_docx_never_resolves_external_entities(tmp_path: Path, recorder) -> None:
    """The parser python-docx uses leaves entities unexpanded and fetches nothing, so even
    a DOCX whose DTD escaped the check could not read files or reach the network."""
    base, requests = recorder
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for target in (secret.as_uri(), f"{base}/entity", f"{base}/dtd"):
        xml = (f'<!DOCTYPE w:document SYSTEM "{base}/dtd" [<!ENTITY xxe SYSTEM "{target}">]>'
               '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               "<w:body><w:p><w:r><w:t>Name &xxe;</w:t></w:r></w:p></w:body></w:document>")
        text = "".join(parse_xml(xml.encode()).itertext())
        assert "TOP-SECRET" not in text and "LEAKED" not in text
    assert requests == []


def test_a_docx_with_external_entities_is_refused_without_any_access(tmp_path: Path, recorder) -> None:
    base, requests = recorder
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for target in (secret.as_uri(), f"{base}/entity"):
        with pytest.raises(ExtractionError, match="declares a DTD"):
            extract_document(hostile.docx_xxe(target), hostile.DOCX_MIME, "cv.docx", 50)
    assert requests == []


# ---------------------------------------------------------------- end to end


async def test_each_hostile_file_fails_at_once_end_to_end(
    stub, worker: ServiceProcess, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    pending: dict[str, tuple[str, str]] = {}
    refused = 0
    for item in hostile.CORPUS:
        request = submit_request(content=item.build(), mime_type=item.mime_type, file_name=item.file_name)
        try:
            submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
        except grpc.aio.AioRpcError as error:
            assert item.name in REFUSED_BY_GATEWAY, f"{item.name}: refused by the gateway: {error.details()}"
            assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert REFUSED_BY_GATEWAY[item.name] in error.details()
            refused += 1
            continue
        assert item.name not in REFUSED_BY_GATEWAY, f"{item.name}: accepted by the gateway"
        pending[item.name] = (submitted.job_id, request.organisation_id)
    failed = 0
    for name, (job_id, organisation) in pending.items():
        status = await wait_for_final_state(stub, job_id, organisation)
        if EXPECTED[name] is ANALYSED:
            assert status.state == resume_pb2.JOB_STATE_COMPLETED, f"{name}: {status.failed_reason}"
            continue
        assert status.state == resume_pb2.JOB_STATE_FAILED, name
        assert_clear_reason(status.failed_reason, EXPECTED[name])  # type: ignore[arg-type]
        assert status.attempts_made == 1, f"{name} was retried"
        failed += 1
    # The worker is still there and serving.
    good = submit_request(content=hostile.fixture_pdf(), mime_type=hostile.PDF_MIME)
    status = await wait_for_final_state(
        stub, (await stub.SubmitResume(good, timeout=RPC_TIMEOUT)).job_id, good.organisation_id)
    assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
    assert worker.running()
    with capsys.disabled():
        print(f"\n[hostile, end to end] inputs={len(hostile.CORPUS)} refused_by_gateway={refused} "
              f"failed_as_expected={failed} analysed={len(pending) - failed} "
              f"time={time.monotonic() - started:.1f}s "
              f"worker_tree_rss={tree_rss(worker.pid) / 2**20:.0f}MiB")


async def test_files_the_gateway_cannot_see_fail_in_the_worker_when_fetched(
    stub, worker: ServiceProcess, file_server: tuple[str, Path]
) -> None:
    """By URL the gateway never sees the bytes: the worker refuses the same files."""
    base, directory = file_server
    for number, item in enumerate(hostile.CORPUS):
        if item.name not in REFUSED_BY_GATEWAY:
            continue
        name = f"hostile-{number}"
        (directory / name).write_bytes(item.build())
        request = submit_request(
            file_url=f"{base}/{name}", mime_type=item.mime_type, file_name=item.file_name)
        submitted = await stub.SubmitResume(request, timeout=RPC_TIMEOUT)
        status = await wait_for_final_state(stub, submitted.job_id, request.organisation_id)
        assert status.state == resume_pb2.JOB_STATE_FAILED, item.name
        assert_clear_reason(status.failed_reason, EXPECTED[item.name])  # type: ignore[arg-type]
        assert status.attempts_made == 1


async def test_runaway_files_hit_the_limits_while_other_jobs_complete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    limits = {"JOB_TIMEOUT": "2", "EXTRACTION_MEMORY_BYTES": str(224 * 2**20),
              "WORKER_PROCESSES": "2", "WORKER_CONCURRENCY": "4"}
    async with isolated_stack(tmp_path, **limits) as stack:
        worker = start_worker(stack.env, tmp_path / "worker.log")
        peak = 0
        sampling = True

        async def sample() -> None:
            nonlocal peak
            while sampling:
                peak = max(peak, tree_rss(worker.pid))
                await asyncio.sleep(0.05)

        async def submit(content: bytes, file_name: str) -> tuple[str, str]:
            request = submit_request(content=content, file_name=file_name)
            submitted = await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT)
            return submitted.job_id, request.organisation_id

        async def final(job: tuple[str, str]) -> resume_pb2.GetJobStatusResponse:
            return await wait_for_final_state(stack.stub, *job, timeout=60)

        sampler = asyncio.create_task(sample())
        started = time.monotonic()
        try:
            slow = await submit(hostile.slow_content_pdf(), "slow.pdf")
            flood = await submit(hostile.docx_paragraph_flood(), "flood.docx")
            normal = [await submit(hostile.fixture_pdf(), "cv.pdf"),
                      await submit(hostile.good_docx(), "cv.docx")]
            slow_status, flood_status = await final(slow), await final(flood)
            normal_statuses = [await final(job) for job in normal]
            # The pool replaced the killed process: more jobs go through.
            after = await final(await submit(hostile.fixture_pdf(), "again.pdf"))
            elapsed = time.monotonic() - started
        finally:
            sampling = False
            await sampler
            code = worker.stop()
        assert code == 0, worker.log()
        assert slow_status.state == resume_pb2.JOB_STATE_FAILED
        assert "longer than the limit of 2 s (JOB_TIMEOUT)" in slow_status.failed_reason
        assert flood_status.state == resume_pb2.JOB_STATE_FAILED
        assert "memory limit of 224 MiB (EXTRACTION_MEMORY_BYTES)" in flood_status.failed_reason
        assert (slow_status.attempts_made, flood_status.attempts_made) == (1, 1)
        for status in [*normal_statuses, after]:
            assert status.state == resume_pb2.JOB_STATE_COMPLETED, status.failed_reason
        with capsys.disabled():
            print(f"\n[hostile, limits] runaway_inputs=2 failed_with_limit_reason=2 "
                  f"normal_completed={len(normal_statuses) + 1} time={elapsed:.1f}s "
                  f"worker_tree_peak_rss={peak / 2**20:.0f}MiB (2 processes x 224 MiB address space)")


async def test_a_job_s_time_limit_counts_its_own_work_not_its_wait(tmp_path: Path) -> None:
    """Eight one-page scans submitted at once to one process, under a limit each fits in
    but all of them together do not: the ones waiting their turn are not "too complex"."""
    limits = {"JOB_TIMEOUT": "5", "WORKER_PROCESSES": "1", "WORKER_CONCURRENCY": "8"}
    async with isolated_stack(tmp_path, **limits) as stack:
        worker = start_worker(stack.env, tmp_path / "worker.log")
        try:
            requests = [submit_request(content=hostile.scanned_pdf(1), file_name=f"scan{number}.pdf")
                        for number in range(8)]
            started = time.monotonic()
            submitted = [await stack.stub.SubmitResume(request, timeout=RPC_TIMEOUT) for request in requests]
            statuses = [await wait_for_final_state(stack.stub, job.job_id, request.organisation_id, timeout=120)
                        for job, request in zip(submitted, requests, strict=True)]
            elapsed = time.monotonic() - started
        finally:
            code = worker.stop()
        assert code == 0, worker.log()
        assert [status.state for status in statuses] == [resume_pb2.JOB_STATE_COMPLETED] * 8, \
            [status.failed_reason for status in statuses]
        # All of them took longer than one job may: the limit was not the wait's.
        assert elapsed > 5
