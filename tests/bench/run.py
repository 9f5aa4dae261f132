"""`make bench`: throughput, latency and memory of the real stack, each figure beside an
anchor measured in the same run on the same machine.

    python tests/bench/run.py [--quick] [--only submit,worker,latency,memory] [--out PATH]
    python tests/bench/run.py --compare A.json B.json

The stack is an embedded redis-server, `python -m gateway_service` and
`python -m analysis_worker` as separate processes (so that their CPU and RSS are their
own), configured as the tests configure them (tests/support.py service_env). The load
comes from this process. Results go to .bench/results-<timestamp>.json.

Anchors, and why these:
- SubmitResume vs bullmq's Queue.add from this process, with the same job data and
  options and the same number of adds in flight: what the gateway adds on top of the
  queue library it is built on. Inline uploads also SET the file first, so their anchor
  is SET + add, the same Redis work. Node.js BullMQ's queue.add shows what the Redis
  side allows when the client is fast.
- SubmitResume vs the smallest Node.js Express + BullMQ submit path (node_submit.js),
  both driven by the same Node.js load generator: what a caller gets from this service
  beside what a plain Node service on the same Redis would give it. Under that load
  too, servers that do part of the gateway's work (stub_gateway.py: nothing, a Redis
  PING, bullmq's add) show where its time goes.
- Worker throughput vs pypdf/python-docx called directly in a process pool of the same
  size on the same files (the RenderCV PDFs, longer; the corpus's one- and two-page PDFs
  and the labeled DOCX files, where a job's fixed cost shows), and vs the service's own
  extraction + analysis in that pool: the first is the target's anchor, the second
  separates the queue's overhead from the document work the service chooses to do. The
  short PDFs' CPU per document splits that work into pypdf's text, the rest of the
  extraction and the analysis.
- Submit-to-completed latency vs the extraction time of the same file in one process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import io
import json
import math
import multiprocessing
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
for entry in (str(ROOT), str(TESTS)):
    if entry not in sys.path:
        sys.path.insert(0, entry)

import grpc  # noqa: E402
from bullmq import Queue  # noqa: E402

from common.config import Settings  # noqa: E402
from common.embedded_redis import RedisServer, free_port  # noqa: E402
from common.jobs import JOB_NAME, QUEUE_NAME, ResumeJobData, job_options, new_job_id, upload_key  # noqa: E402
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc  # noqa: E402
from common.redis_connections import connect_queue  # noqa: E402
from support import FIXTURES, service_env, wait_serving  # noqa: E402

BENCH_DIR = ROOT / ".bench"
NODE_SCRIPT = Path(__file__).resolve().parent / "node_add_rate.js"
NODE_SUBMIT = Path(__file__).resolve().parent / "node_submit.js"
# What tests/bench/stub_gateway.py can do of the gateway's work, from none to the queue's.
STUB_MODES = ("empty", "ping", "add")
STUB_LABELS = {
    "empty": "gRPC alone (empty handler)",
    "ping": "+ one Redis PING (redis-py)",
    "add": "+ bullmq Queue.add instead of PING",
}
KB = 1024
MB = 1024 * 1024
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


# ----------------------------------------------------------------------------- processes


def proc_children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def cpu_seconds(pid: int) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def peak_rss_mb(pid: int) -> float:
    """VmHWM: the peak resident set since start or since reset_peak."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def reset_peak(pid: int) -> None:
    # Linux >= 4.0: "5" resets VmHWM to the current RSS, so that a figure belongs to
    # one measurement rather than to everything the process did before it.
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("5")
    except OSError:
        pass


def machine_busy() -> tuple[float, float]:
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) / CLK_TCK, idle / CLK_TCK


class CpuWindow:
    """CPU use of named process groups over a window, in % of one core; `machine` in %
    of all cores. Groups are re-resolved at each end so pool children count too."""

    def __init__(self, groups: dict[str, Callable[[], list[int]]]) -> None:
        self.groups = groups

    def _sample(self) -> dict[str, float]:
        sample = {name: sum(cpu_seconds(p) for p in pids()) for name, pids in self.groups.items()}
        total, idle = machine_busy()
        sample["_total"], sample["_idle"] = total, idle
        sample["_wall"] = time.monotonic()
        return sample

    def start(self) -> None:
        self._before = self._sample()

    def stop(self) -> dict[str, float]:
        after, before = self._sample(), self._before
        wall = after["_wall"] - before["_wall"]
        result = {name: round(100 * (after[name] - before[name]) / wall, 1) for name in self.groups}
        total = after["_total"] - before["_total"]
        busy = (1 - (after["_idle"] - before["_idle"]) / total) if total else 0.0
        result["machine"] = round(100 * busy, 1)
        # What processes outside the bench used (in % of one core): the machine may be
        # shared, and a figure taken while something else ran is worth less.
        result["others"] = round(
            max(0.0, 100 * busy * (os.cpu_count() or 1) - sum(result[name] for name in self.groups)), 1
        )
        return result


class Service:
    """A service as a child process, its log kept in .bench/logs."""

    def __init__(self, arguments: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, *arguments],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self.pid = self.process.pid

    def family(self) -> list[int]:
        return [self.pid, *proc_children(self.pid)]

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


async def wait_log(service: Service, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in service.log():
        if service.process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{service.log_path} never said {text!r}:\n{service.log()[-3000:]}")
        await asyncio.sleep(0.05)


# ----------------------------------------------------------------------------- statistics


def quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


async def closed_loop(
    concurrency: int,
    seconds: float,
    warmup: float,
    call_of: Callable[[int], Callable[[], Awaitable[Any]]],
    cpu: CpuWindow | None = None,
) -> dict[str, Any]:
    """`concurrency` callers, each issuing its next call when the last one answered.
    Only calls that start after the warm-up and end within the window count."""
    start = time.perf_counter()
    measure_from, end = start + warmup, start + warmup + seconds
    latencies: list[float] = []
    errors: list[str] = []

    async def caller(index: int) -> None:
        call = call_of(index)
        while True:
            t0 = time.perf_counter()
            if t0 >= end:
                return
            try:
                await call()
            except Exception as error:  # noqa: BLE001 - counted and shown, the run goes on
                errors.append(f"{type(error).__name__}: {error}"[:200])
                continue
            t1 = time.perf_counter()
            if t0 >= measure_from and t1 <= end:
                latencies.append(t1 - t0)

    async def window() -> dict[str, float]:
        await asyncio.sleep(max(0.0, measure_from - time.perf_counter()))
        cpu.start()
        await asyncio.sleep(max(0.0, end - time.perf_counter()))
        return cpu.stop()

    watching = asyncio.create_task(window()) if cpu else None
    await asyncio.gather(*(caller(i) for i in range(concurrency)))
    result = {
        "rate": round(len(latencies) / seconds, 1),
        "calls": len(latencies),
        "p50_ms": ms(quantile(latencies, 0.5)),
        "p99_ms": ms(quantile(latencies, 0.99)),
        "errors": len(errors),
    }
    if errors:
        result["first_error"] = errors[0]
    if watching:
        result["cpu"] = await watching
    return result


# ----------------------------------------------------------------------------- files


def padded_pdf(size: int) -> bytes:
    # A real resume grown to `size` with a PDF comment after %%EOF, which readers ignore.
    content = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
    return content + b"\n%" + b"x" * max(0, size - len(content) - 2)


def one_page_pdf() -> bytes:
    import pypdf

    reader = pypdf.PdfReader(FIXTURES / "John_Doe_ClassicTheme_CV.pdf")
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def rendercv_pdfs() -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(FIXTURES.glob("*.pdf"))]


def short_pdfs() -> list[tuple[str, bytes]]:
    """The corpus's one- and two-page PDFs (tests/corpus: JSON Resume themes printed by
    Chromium, Word and job-board layouts converted by LibreOffice), as most resumes are."""
    import pypdf

    files = []
    for path in sorted((TESTS / "corpus" / "files").glob("*.pdf")):
        content = path.read_bytes()
        if len(pypdf.PdfReader(io.BytesIO(content)).pages) <= 2:
            files.append((path.name, content))
    return files


def short_docx() -> list[tuple[str, bytes]]:
    """The labeled set's DOCX renderings (python-docx, one page or two), and the sample
    resume in both contact layouts."""
    from docx_resumes import SAMPLE, build_docx
    from labeled.cases import TRUTH
    from labeled.content import resume_of
    from labeled.render_docx import render_docx

    files = [
        ("sample-header.docx", build_docx(SAMPLE)),
        ("sample-body.docx", build_docx(SAMPLE, contact_in_header=False)),
    ]
    for index, path in enumerate(sorted(TRUTH.glob("*.json"))):
        truth = json.loads(path.read_text(encoding="utf-8"))
        for rendering in truth["renderings"]:
            kind, layout = rendering.split(":")
            if kind == "docx":
                files.append((f"{path.stem}-{layout}.docx", render_docx(resume_of(truth, index), layout)))
    return files


def large_files(size: int) -> list[tuple[str, bytes]]:
    """A PDF and a DOCX of about `size` bytes, as resumes with a photo get: the PDF
    carries the bytes as an embedded file, the DOCX as a picture."""
    import pypdf
    from docx import Document
    from docx.shared import Inches
    from PIL import Image

    writer = pypdf.PdfWriter(clone_from=FIXTURES / "John_Doe_ClassicTheme_CV.pdf")
    writer.add_attachment("photo.bin", os.urandom(size))
    pdf = io.BytesIO()
    writer.write(pdf)

    from docx_resumes import SAMPLE, build_docx

    side = int(math.sqrt(size / 3))
    png = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(png, "PNG")
    document = Document(io.BytesIO(build_docx(SAMPLE)))
    document.add_picture(io.BytesIO(png.getvalue()), width=Inches(2))
    docx_bytes = io.BytesIO()
    document.save(docx_bytes)
    return [("large.pdf", pdf.getvalue()), ("large.docx", docx_bytes.getvalue())]


def mime_of(name: str) -> str:
    if name.endswith(".pdf"):
        return "application/pdf"
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# Run in pool processes: module-level so that spawn can pickle them.
def raw_extract(content: bytes) -> int:
    """The libraries alone: every page's text (pypdf), every paragraph and table cell (python-docx)."""
    if content[:4] == b"%PDF":
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(content))
        return sum(len(page.extract_text() or "") for page in reader.pages)
    import docx

    document = docx.Document(io.BytesIO(content))
    size = sum(len(p.text) for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            size += sum(len(cell.text) for cell in row.cells)
    return size


def service_pipeline(item: tuple[bytes, str, str]) -> int:
    """What a worker's pool process does for one job: the service's extraction and analysis."""
    from analysis_worker.pipeline import extract_and_analyse

    content, mime_type, file_name = item
    return len(extract_and_analyse(content, mime_type, file_name, 50, "", ()).analysis)


def median_round(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """The round of median rate."""
    return sorted(rounds, key=lambda result: result["rate"])[(len(rounds) - 1) // 2]


def node_with(package: str) -> str | None:
    """The node binary, when it and `package` (in tests/node) are installed."""
    node = shutil.which("node")
    return node if node and (TESTS / "node" / "node_modules" / package).exists() else None


def rate_ratio(measured: dict[str, Any], anchor: dict[str, Any]) -> float | None:
    return round(measured["rate"] / anchor["rate"], 3) if anchor["rate"] else None


def submit_row(
    payload: str, concurrency: int, gateways: int, measured: dict[str, Any], anchor: dict[str, Any],
    node: dict[str, Any] | None,
) -> dict[str, Any]:
    """One row of part 1: the gateway's figures beside the raw and Node.js adds."""
    return {
        "payload": payload,
        "concurrency": concurrency,
        "gateways": gateways,
        "gateway": measured,
        "raw_add": anchor,
        "node_add": node,
        "ratio": rate_ratio(measured, anchor),
    }


def pool_rate(processes: int, function: Callable[[Any], Any], items: list[Any]) -> dict[str, Any]:
    """Items per second over a pre-started, warmed-up pool of `processes` (spawned, as the
    worker's pool is)."""
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.map(function, items[: 2 * processes], chunksize=1)
        started = time.perf_counter()
        pool.map(function, items, chunksize=1)
        elapsed = time.perf_counter() - started
    return {"rate": round(len(items) / elapsed, 2), "items": len(items), "seconds": round(elapsed, 3)}


def short_pdf_costs(files: list[tuple[str, bytes]], rounds: int) -> dict[str, float]:
    """CPU ms per document in this process, the best of `rounds` passes over `files`:
    pypdf's text alone, the service's extraction (pypdf's text plus reading order, links
    and checks), and the analysis of the extracted text."""
    from analysis_worker.pipeline import analyse_document, extract_document

    contents = [content for _, content in files]
    documents = [extract_document(content, "application/pdf", name, 50) for name, content in files]

    def per_document(work: Callable[[Any], Any], items: list[Any]) -> float:
        best = math.inf
        for _ in range(rounds):
            started = time.process_time()
            for item in items:
                work(item)
            best = min(best, time.process_time() - started)
        return round(1000 * best / len(items), 2)

    return {
        "documents": len(files),
        "pypdf_ms": per_document(raw_extract, contents),
        "extraction_ms": per_document(lambda content: extract_document(content, "application/pdf", "", 50), contents),
        "analysis_ms": per_document(lambda document: analyse_document(document, "", ()), documents),
    }


def time_alone(function: Callable[[], Any], repeat: int) -> dict[str, float]:
    function()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        function()
        times.append(time.perf_counter() - t0)
    return {"p50_ms": ms(statistics.median(times)), "min_ms": ms(min(times))}


# ----------------------------------------------------------------------------- the bench


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.quick = args.quick
        self.seconds = 1.0 if args.quick else 3.0
        self.warmup = 0.3 if args.quick else 0.5
        self.logs = BENCH_DIR / "logs"
        self.results: dict[str, Any] = {}
        self.callers = tuple(int(c) for c in args.callers.split(","))

    # -- stack

    async def __aenter__(self) -> Bench:
        self.logs.mkdir(parents=True, exist_ok=True)
        self.redis = RedisServer(BENCH_DIR / "redis")
        self.redis.start()
        self.grpc_port = free_port()
        self.env = service_env(
            self.redis.port,
            GRPC_PORT=str(self.grpc_port),
            # Every measured job must stay readable until its timestamps are read.
            KEEP_COMPLETED_COUNT="100000",
            WORKER_HEARTBEAT_FILE=str(self.logs / "worker.heartbeat"),
        )
        self.settings = Settings.from_env(self.env)
        self.queue_client = connect_queue(self.settings)
        self.blob_client = connect_queue(self.settings, decode_responses=False)
        self.queue = Queue(QUEUE_NAME, {"connection": self.queue_client})
        self.gateways: list[Service] = []
        self.workers: list[Service] = []
        return self

    async def __aexit__(self, *exc: object) -> None:
        for service in [*self.workers, *self.gateways]:
            service.stop()
        await self.queue.close()
        await self.blob_client.aclose()
        self.redis.stop()

    async def start_gateway(self, processes: int = 1) -> Service:
        gateway = Service(
            ["-m", "gateway_service"], {**self.env, "GATEWAY_PROCESSES": str(processes)},
            self.logs / f"gateway-{len(self.gateways)}.log",
        )
        self.gateways.append(gateway)
        deadline = time.monotonic() + 30
        while gateway.log().count("gateway listening") < processes:
            if gateway.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gateway did not start:\n{gateway.log()[-3000:]}")
            await asyncio.sleep(0.05)
        await wait_serving(self.grpc_port)
        return gateway

    def stop_gateway(self, gateway: Service) -> None:
        gateway.stop()
        self.gateways.remove(gateway)

    async def start_worker(self, **env: str) -> Service:
        worker = Service(
            ["-m", "analysis_worker"], {**self.env, **env}, self.logs / f"worker-{len(self.workers)}.log"
        )
        self.workers.append(worker)
        await wait_log(worker, "worker started")
        return worker

    def stop_worker(self, worker: Service) -> None:
        worker.stop()
        self.workers.remove(worker)

    async def flush_queue(self) -> None:
        await self.queue_client.flushdb()

    def channels(self, count: int, port: int | None = None) -> list[grpc.aio.Channel]:
        # A local subchannel pool gives each channel its own TCP connection (gRPC would
        # otherwise share one between channels of the same target), so that several
        # channels spread over CPUs and over SO_REUSEPORT listeners.
        limit = 32 * MB
        return [
            grpc.aio.insecure_channel(
                f"127.0.0.1:{port or self.grpc_port}",
                options=[
                    ("grpc.use_local_subchannel_pool", 1),
                    ("grpc.max_send_message_length", limit),
                    ("grpc.max_receive_message_length", limit),
                ],
            )
            for _ in range(count)
        ]

    def cpu_window(self, **extra: Callable[[], list[int]]) -> CpuWindow:
        groups: dict[str, Callable[[], list[int]]] = {
            "redis": lambda: [self.redis.process.pid],
            "bench": lambda: [os.getpid()],
        }
        for index, gateway in enumerate(self.gateways):
            groups[f"gateway{index}"] = gateway.family
        for index, worker in enumerate(self.workers):
            groups[f"worker{index}"] = worker.family
        groups.update(extra)
        return CpuWindow(groups)

    # -- 1. SubmitResume

    def submit_payloads(self) -> dict[str, dict[str, Any]]:
        return {
            "file_url": {"content": None},
            "inline_100k": {"content": padded_pdf(100 * KB)},
        }

    async def grpc_submit(
        self, concurrency: int, content: bytes | None, port: int | None = None, **cpu: Callable[[], list[int]]
    ) -> dict[str, Any]:
        channels = self.channels(max(1, min(16, math.ceil(concurrency / 4))), port)
        await asyncio.gather(*(channel.channel_ready() for channel in channels))
        stubs = [resume_pb2_grpc.GatewayServiceStub(channel) for channel in channels]
        counter = iter(range(10**9))

        def call_of(index: int) -> Callable[[], Awaitable[Any]]:
            stub = stubs[index % len(stubs)]

            def call() -> Awaitable[Any]:
                n = next(counter)
                request = resume_pb2.SubmitResumeRequest(
                    resume_id=f"r{n}",
                    candidate_id=f"c{n}",
                    organisation_id="bench",
                    file_name="resume.pdf",
                )
                if content is None:
                    request.file_url = f"https://files.example.com/resumes/r{n}.pdf"
                else:
                    request.content = content
                return stub.SubmitResume(request, timeout=10)

            return call

        try:
            return await closed_loop(concurrency, self.seconds, self.warmup, call_of, self.cpu_window(**cpu))
        finally:
            await asyncio.gather(*(channel.close() for channel in channels))

    async def raw_add(self, concurrency: int, content: bytes | None) -> dict[str, Any]:
        # The gateway's own job data and options (validation.py, resume_queue.py), on a
        # client configured as the gateway's (connect_queue), one Queue object as there.
        options = job_options(self.settings)
        counter = iter(range(10**9))

        def call_of(index: int) -> Callable[[], Awaitable[Any]]:
            async def call() -> None:
                n = next(counter)
                job_id = new_job_id()
                data = ResumeJobData(
                    resume_id=f"r{n}",
                    candidate_id=f"c{n}",
                    organisation_id="bench",
                    file_name="resume.pdf",
                    mime_type="application/pdf",
                    file_url="" if content is not None else f"https://files.example.com/resumes/r{n}.pdf",
                    content_key=upload_key(job_id) if content is not None else "",
                )
                if content is not None:
                    await self.blob_client.set(
                        upload_key(job_id), content, ex=self.settings.upload_ttl_seconds
                    )
                await self.queue.add(JOB_NAME, data.to_json(), {**options, "jobId": job_id})

            return call

        return await closed_loop(concurrency, self.seconds, self.warmup, call_of, self.cpu_window())

    async def node_add(self, concurrency: int) -> dict[str, Any] | None:
        node = node_with("bullmq")
        if not node:
            return None
        data = ResumeJobData(
            resume_id="r0",
            candidate_id="c0",
            organisation_id="bench",
            file_name="resume.pdf",
            mime_type="application/pdf",
            file_url="https://files.example.com/resumes/r0.pdf",
        ).to_json()
        args = {
            "queue": QUEUE_NAME,
            "name": JOB_NAME,
            "concurrency": concurrency,
            "seconds": self.seconds,
            "warmup": self.warmup,
            "data": data,
            "opts": job_options(self.settings),
        }
        process = await asyncio.create_subprocess_exec(
            node,
            str(NODE_SCRIPT),
            json.dumps(args),
            env={**os.environ, **self.env},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
        if process.returncode != 0:
            return {"error": err.decode(errors="replace")[-500:]}
        answer = json.loads(out)
        return {
            "rate": round(answer["adds"] / answer["seconds"], 1),
            "p50_ms": answer["p50Ms"],
            "p99_ms": answer["p99Ms"],
        }

    async def bench_submit(self) -> None:
        print("== SubmitResume", flush=True)
        rows = []
        concurrencies = self.callers
        node_rates: dict[int, Any] = {}
        for concurrency in concurrencies:
            node_rates[concurrency] = await self.node_add(concurrency)
            await self.flush_queue()
        gateway = await self.start_gateway()
        for payload, spec in self.submit_payloads().items():
            reset_peak(gateway.pid)
            for concurrency in concurrencies:
                measured = await self.grpc_submit(concurrency, spec["content"])
                await self.flush_queue()
                anchor = await self.raw_add(concurrency, spec["content"])
                await self.flush_queue()
                rows.append(submit_row(payload, concurrency, 1, measured, anchor, node_rates[concurrency]))
                print(f"  {payload} x{concurrency}: {measured['rate']}/s, raw {anchor['rate']}/s", flush=True)
            rows[-1]["gateway_peak_rss_mb"] = round(peak_rss_mb(gateway.pid), 1)
        await self.bench_grpc_alone(rows)
        await self.bench_node_anchor(gateway)
        # GATEWAY_PROCESSES=2: two processes on one port (grpc.so_reuseport); the kernel
        # spreads the connections over them; the callers' 16 channels are 16 connections.
        peak = round(peak_rss_mb(gateway.pid), 1)
        self.stop_gateway(gateway)
        pair = await self.start_gateway(processes=2)
        for payload, spec in self.submit_payloads().items():
            most = max(concurrencies)
            measured = await self.grpc_submit(most, spec["content"])
            await self.flush_queue()
            anchor = next(r for r in rows if r["payload"] == payload and r["concurrency"] == most)["raw_add"]
            rows.append(submit_row(payload, most, 2, measured, anchor, node_rates[most]))
            print(f"  {payload} x{most}, 2 gateways: {measured['rate']}/s", flush=True)
        # The parts after this one start a gateway of their own when none runs.
        self.stop_gateway(pair)
        self.results["submit"] = rows
        self.results["gateway_peak_rss_mb"] = peak

    async def bench_grpc_alone(self, rows: list[dict[str, Any]]) -> None:
        """gRPC's own share of the gateway's cost: the same callers against a server whose
        SubmitResume does nothing (tests/bench/stub_gateway.py)."""
        most = max(self.callers)
        async with self.stub_gateway("empty") as (port, stub):
            measured = await self.grpc_submit(most, None, port, empty=stub.family)
        anchor = next(r for r in rows if r["payload"] == "file_url" and r["concurrency"] == most)["raw_add"]
        used = measured.get("cpu", {}).get("empty", 0)
        self.results["grpc_alone"] = {
            **measured,
            "concurrency": most,
            "ratio": rate_ratio(measured, anchor),
            "cpu_ms_per_call": round(10 * used / measured["rate"], 3) if measured["rate"] else None,
        }
        print(f"  empty handler x{most}: {measured['rate']}/s", flush=True)

    @contextlib.asynccontextmanager
    async def stub_gateway(self, mode: str) -> AsyncIterator[tuple[int, Service]]:
        """tests/bench/stub_gateway.py doing `mode` of the gateway's work, and its port."""
        port = free_port()
        stub = Service([str(Path(__file__).with_name("stub_gateway.py")), str(port), mode], self.env,
                       self.logs / f"stub-gateway-{mode}.log")
        try:
            await wait_log(stub, "gateway listening")
            yield port, stub
        finally:
            stub.stop()

    async def bench_node_anchor(self, gateway: Service) -> None:
        """The gateway against the smallest Node.js Express + BullMQ submit path, both driven
        by the same Node.js load generator (node_submit.js) with file URLs: what a caller
        gets from this service beside what a plain Node service would give it. Rounds
        alternate between the two, and the ratio is their median."""
        node = node_with("express")
        if not node:
            return
        most = max(self.callers)
        server = await asyncio.create_subprocess_exec(
            node, str(NODE_SUBMIT), "serve",
            json.dumps({"port": 0, "queue": QUEUE_NAME, "name": JOB_NAME, "opts": job_options(self.settings)}),
            env={**os.environ, **self.env}, stdout=asyncio.subprocess.PIPE,
        )
        try:
            assert server.stdout is not None
            port = json.loads(await asyncio.wait_for(server.stdout.readline(), 30))["port"]
            rounds: list[tuple[dict[str, Any], dict[str, Any]]] = []
            parts: dict[str, list[dict[str, Any]]] = {mode: [] for mode in STUB_MODES}
            async with contextlib.AsyncExitStack() as stack:
                stubs = {mode: await stack.enter_async_context(self.stub_gateway(mode)) for mode in STUB_MODES}
                for _ in range(1 if self.quick else 3):
                    express = await self.node_load(node, "http", port, most, express=lambda: [server.pid])
                    await self.flush_queue()
                    measured = await self.node_load(node, "grpc", self.grpc_port, most)
                    await self.flush_queue()
                    rounds.append((measured, express))
                    for mode, (stub_port, stub) in stubs.items():
                        parts[mode].append(await self.node_load(node, "grpc", stub_port, most, stub=stub.family))
                        await self.flush_queue()
        finally:
            server.terminate()
            await server.wait()
        pick = statistics.median_low([measured["rate"] / express["rate"] for measured, express in rounds])
        measured, express = next(r for r in rounds if r[0]["rate"] / r[1]["rate"] == pick)
        self.results["node_anchor"] = {
            "concurrency": most, "gateway": measured, "express": express, "ratio": round(pick, 3),
            "ratios": [round(m["rate"] / e["rate"], 3) for m, e in rounds],
            # Servers that do part of the gateway's work, under the same load: where its time goes.
            "parts": {mode: median_round(results) for mode, results in parts.items()},
        }
        print(f"  Node load x{most}: gateway {measured['rate']}/s, Express + BullMQ {express['rate']}/s", flush=True)

    async def node_load(
        self, node: str, target: str, port: int, concurrency: int, **cpu: Callable[[], list[int]]
    ) -> dict[str, Any]:
        """node_submit.js's load generator against `target` ("http" or "grpc") on `port`."""
        args = {"target": target, "address": f"127.0.0.1:{port}", "concurrency": concurrency,
                "seconds": self.seconds, "warmup": self.warmup}
        load = await asyncio.create_subprocess_exec(
            node, str(NODE_SUBMIT), "load", json.dumps(args), env={**os.environ, **self.env},
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        assert load.stdout is not None
        window = self.cpu_window(load=lambda: [load.pid], **cpu)
        await load.stdout.readline()  # "measuring"
        window.start()
        # Sampled within the window, while the load generator still runs and its CPU figures
        # can be read: it exits as soon as the window ends.
        await asyncio.sleep(0.9 * self.seconds)
        usage = window.stop()
        out, err = await load.communicate()
        if load.returncode != 0:
            raise RuntimeError(f"node load generator failed: {err.decode(errors='replace')[-500:]}")
        answer = json.loads(out)
        return {
            "rate": round(answer["calls"] / answer["seconds"], 1), "p50_ms": round(answer["p50Ms"], 2),
            "p99_ms": round(answer["p99Ms"], 2), "errors": answer["errors"], "cpu": usage,
        }

    # -- 2. worker throughput

    async def submit_files(
        self, files: list[tuple[str, bytes]], count: int, concurrency: int = 8
    ) -> list[str]:
        channels = self.channels(2)
        stubs = [resume_pb2_grpc.GatewayServiceStub(channel) for channel in channels]
        job_ids: list[str] = []
        pending = iter(range(count))

        async def caller(index: int) -> None:
            for n in pending:
                name, content = files[n % len(files)]
                answer = await stubs[index % 2].SubmitResume(
                    resume_pb2.SubmitResumeRequest(
                        resume_id=f"w{uuid.uuid4().hex[:12]}",
                        candidate_id="c",
                        organisation_id="bench",
                        file_name=name,
                        mime_type=mime_of(name),
                        content=content,
                    ),
                    timeout=30,
                )
                job_ids.append(answer.job_id)

        try:
            await asyncio.gather(*(caller(i) for i in range(concurrency)))
        finally:
            await asyncio.gather(*(channel.close() for channel in channels))
        return job_ids

    async def job_times(self, job_ids: list[str]) -> list[dict[str, Any]]:
        async with self.queue_client.pipeline(transaction=False) as pipe:
            for job_id in job_ids:
                pipe.hmget(
                    f"bull:{QUEUE_NAME}:{job_id}", "processedOn", "finishedOn", "timestamp", "failedReason"
                )
            answers = await pipe.execute()
        return [
            {
                "processed": int(a[0] or 0),
                "finished": int(a[1] or 0),
                "created": int(a[2] or 0),
                "failed_reason": a[3],
            }
            for a in answers
        ]

    async def wait_finished(self, job_ids: list[str], timeout: float) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            times = await self.job_times(job_ids)
            if all(t["finished"] for t in times):
                return times
            if time.monotonic() > deadline:
                done = sum(1 for t in times if t["finished"])
                raise TimeoutError(f"{done} of {len(job_ids)} jobs finished after {timeout} s")
            await asyncio.sleep(0.05)

    async def worker_batch(self, worker: Service, files: list[tuple[str, bytes]], count: int) -> dict[str, Any]:
        """Jobs queued while the queue is paused, then released at once: the rate is from
        the release to the last job's finishedOn, so neither submission nor the worker's
        start-up counts."""
        await self.queue.pause()
        job_ids = await self.submit_files(files, count)
        cpu = self.cpu_window()
        cpu.start()
        released = time.time() * 1000
        await self.queue.resume()
        times = await self.wait_finished(job_ids, 300)
        usage = cpu.stop()
        await self.flush_queue()
        return {
            "jobs": count,
            "rate": round(count / ((max(t["finished"] for t in times) - released) / 1000), 2),
            "failed": sum(1 for t in times if t["failed_reason"]),
            "cpu": usage,
        }

    async def bench_worker(self) -> None:
        """Each figure is the median of a few rounds, each round measuring the worker, the
        libraries alone and the service's pipeline alone one after the other: this machine's
        speed drifts over seconds, and a ratio of figures taken far apart drifts with it."""
        print("== Worker throughput", flush=True)
        gateway = self.gateways[0] if self.gateways else await self.start_gateway()
        rounds = 1 if self.quick else 3
        sets = {
            "rendercv_pdf": (rendercv_pdfs(), 1 if self.quick else 4),
            "short_pdf": (short_pdfs(), 1 if self.quick else 4),
            "short_docx": (short_docx(), 2 if self.quick else 8),
        }
        rows = []
        for name, (files, repeat) in sets.items():
            count = len(files) * repeat
            chosen = [files[n % len(files)] for n in range(count)]
            for processes in (1, 2):
                worker = await self.start_worker(WORKER_PROCESSES=str(processes))
                # Warm every pool process (imports, first-call caches) before measuring.
                await self.wait_finished(await self.submit_files(files, 2 * processes), 60)
                for pid in worker.family():
                    reset_peak(pid)
                measured, raw, pipeline = [], [], []
                for _ in range(rounds):
                    measured.append(await self.worker_batch(worker, files, count))
                    raw.append(pool_rate(processes, raw_extract, [content for _, content in chosen]))
                    pipeline.append(pool_rate(
                        processes, service_pipeline, [(content, mime_of(n), n) for n, content in chosen]
                    ))
                children = proc_children(worker.pid)
                summary = {
                    **measured[-1],
                    "rate": statistics.median(m["rate"] for m in measured),
                    "rates": [m["rate"] for m in measured],
                    "failed": sum(m["failed"] for m in measured),
                    "worker_peak_rss_mb": round(peak_rss_mb(worker.pid), 1),
                    "children_peak_rss_mb": round(sum(peak_rss_mb(p) for p in children), 1),
                    "children": len(children),
                }
                self.stop_worker(worker)
                rows.append(
                    {
                        "files": name,
                        "processes": processes,
                        "worker": summary,
                        "raw_extraction": {"rate": statistics.median(r["rate"] for r in raw),
                                           "rates": [r["rate"] for r in raw]},
                        "service_pipeline": {"rate": statistics.median(p["rate"] for p in pipeline),
                                             "rates": [p["rate"] for p in pipeline]},
                        "ratio": round(statistics.median(
                            m["rate"] / r["rate"] for m, r in zip(measured, raw, strict=True)), 3),
                        "ratio_pipeline": round(statistics.median(
                            m["rate"] / p["rate"] for m, p in zip(measured, pipeline, strict=True)), 3),
                    }
                )
                print(
                    f"  {name} x{processes}: {summary['rate']}/s, raw {rows[-1]['raw_extraction']['rate']}/s, "
                    f"pipeline {rows[-1]['service_pipeline']['rate']}/s",
                    flush=True,
                )
        self.results["worker"] = rows
        self.results["short_pdf_costs"] = short_pdf_costs(short_pdfs(), 1 if self.quick else 3)
        self.results["gateway_peak_rss_mb_worker_runs"] = round(peak_rss_mb(gateway.pid), 1)

    # -- 3. idle submit-to-completed

    async def bench_latency(self) -> None:
        print("== Idle submit-to-completed", flush=True)
        if not self.gateways:
            await self.start_gateway()
        worker = await self.start_worker()
        content = one_page_pdf()
        count = 10 if self.quick else 40
        channel = self.channels(1)[0]
        stub = resume_pb2_grpc.GatewayServiceStub(channel)
        from analysis_worker.pipeline import analyse_document, extract_document

        def extract() -> Any:
            return extract_document(content, "application/pdf", "one-page.pdf", 50)

        recorded, observed, waited, processing, alone = [], [], [], [], []
        cpu = self.cpu_window()
        cpu.start()
        try:
            for n in range(count + 3):
                submitted = time.time()
                answer = await stub.SubmitResume(
                    resume_pb2.SubmitResumeRequest(
                        resume_id=f"l{n}",
                        candidate_id="c",
                        organisation_id="bench",
                        file_name="one-page.pdf",
                        content=content,
                    ),
                    timeout=10,
                )
                async for update in stub.WatchJob(
                    resume_pb2.WatchJobRequest(job_id=answer.job_id, organisation_id="bench"), timeout=30
                ):
                    if update.status.state in (resume_pb2.JOB_STATE_COMPLETED, resume_pb2.JOB_STATE_FAILED):
                        break
                seen = time.time()
                (times,) = await self.job_times([answer.job_id])
                if update.status.state != resume_pb2.JOB_STATE_COMPLETED:
                    raise RuntimeError(f"job failed: {update.status.failed_reason}")
                if n >= 3:  # the first jobs warm the pool processes
                    recorded.append(times["finished"] / 1000 - submitted)
                    observed.append(seen - submitted)
                    waited.append((times["processed"] - times["created"]) / 1000)
                    processing.append((times["finished"] - times["processed"]) / 1000)
                    # The anchor is timed between jobs, so that both see the machine as it is then.
                    started = time.perf_counter()
                    extract()
                    alone.append(time.perf_counter() - started)
                await asyncio.sleep(0.1)  # idle between jobs, as the target says
        finally:
            await channel.close()
        usage = cpu.stop()
        self.stop_worker(worker)
        await self.flush_queue()

        document = extract()
        repeat = 10 if self.quick else 30
        self.results["latency"] = {
            "jobs": count,
            "file_bytes": len(content),
            "to_finished_on": {"p50_ms": ms(quantile(recorded, 0.5)), "p99_ms": ms(quantile(recorded, 0.99))},
            "watchjob_observed": {
                "p50_ms": ms(quantile(observed, 0.5)),
                "p99_ms": ms(quantile(observed, 0.99)),
            },
            # From BullMQ's own timestamps: created -> taken by the worker -> finished.
            "queue_wait": {"p50_ms": ms(quantile(waited, 0.5)), "p99_ms": ms(quantile(waited, 0.99))},
            "processing": {"p50_ms": ms(quantile(processing, 0.5)), "p99_ms": ms(quantile(processing, 0.99))},
            "cpu": usage,
            "extraction_alone": {"p50_ms": ms(statistics.median(alone)), "min_ms": ms(min(alone))},
            # The same in a tight loop, caches warm: the lower bound.
            "extraction_warm": time_alone(extract, repeat),
            "raw_pypdf_alone": time_alone(lambda: raw_extract(content), repeat),
            "analysis_alone": time_alone(lambda: analyse_document(document, "", ()), repeat),
        }
        print(f"  p50 {self.results['latency']['to_finished_on']['p50_ms']} ms", flush=True)

    # -- 4. memory at concurrency 10 with 5 MB files

    async def bench_memory(self) -> None:
        print("== Memory, concurrency 10, 5 MB files", flush=True)
        gateway = self.gateways[0] if self.gateways else await self.start_gateway()
        files = large_files(5 * MB)
        count = 10 if self.quick else 40
        worker = await self.start_worker(WORKER_CONCURRENCY="10")
        await self.wait_finished(await self.submit_files(files, 2), 60)
        for pid in [gateway.pid, *worker.family()]:
            reset_peak(pid)
        started = time.monotonic()
        job_ids = await self.submit_files(files, count, concurrency=10)
        times = await self.wait_finished(job_ids, 300)
        children = proc_children(worker.pid)
        self.results["memory"] = {
            "jobs": count,
            "file_mb": [round(len(c) / MB, 2) for _, c in files],
            "seconds": round(time.monotonic() - started, 2),
            "failed": sum(1 for t in times if t["failed_reason"]),
            "gateway_peak_rss_mb": round(peak_rss_mb(gateway.pid), 1),
            "worker_peak_rss_mb": round(peak_rss_mb(worker.pid), 1),
            "children_peak_rss_mb": [round(peak_rss_mb(p), 1) for p in children],
        }
        self.stop_worker(worker)
        await self.flush_queue()
        print(f"  worker {self.results['memory']['worker_peak_rss_mb']} MB", flush=True)


# ----------------------------------------------------------------------------- report


def fmt(value: Any, width: int = 8) -> str:
    if value is None:
        return "-".rjust(width)
    if isinstance(value, float):
        return (
            f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}"
        ).rjust(width)
    return str(value).rjust(width)


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    anchor = results.get("node_anchor")
    if anchor:
        found.append({
            "target": f"gateway x{anchor['concurrency']} >= 0.5 x Express + BullMQ (Node load, 1 process)",
            "value": anchor["ratio"], "limit": 0.5, "met": anchor["ratio"] >= 0.5,
        })
        p99 = anchor["gateway"]["p99_ms"]
        found.append({
            "target": f"gateway x{anchor['concurrency']} p99 <= 25 ms (Node load, 1 process)",
            "value": p99, "limit": 25, "met": p99 is not None and p99 <= 25,
        })
    for row in results.get("worker", []):
        found.append(
            {
                "target": f"worker {row['files']} x{row['processes']} >= 0.9 x raw extraction",
                "value": row["ratio"],
                "limit": 0.9,
                "met": row["ratio"] >= 0.9,
            }
        )
    latency = results.get("latency")
    if latency:
        limit = latency["extraction_alone"]["p50_ms"] + 15
        value = latency["to_finished_on"]["p50_ms"]
        found.append(
            {
                "target": "idle submit-to-completed p50 <= extraction + 15 ms",
                "value": value,
                "limit": round(limit, 1),
                "met": value <= limit,
            }
        )
    memory = results.get("memory")
    if memory:
        value = memory["worker_peak_rss_mb"] + sum(memory["children_peak_rss_mb"])
        found.append(
            {
                "target": "worker RSS (main + pool) <= 250 MB at concurrency 10, 5 MB files",
                "value": round(value, 1),
                "limit": 250,
                "met": value <= 250,
            }
        )
    return found


def report(results: dict[str, Any]) -> str:
    lines = [
        f"bench {results['meta']['when']}  {results['meta']['cpus']} CPUs  python {results['meta']['python']}"
        f"  {'quick' if results['meta']['quick'] else 'full'}"
    ]
    if results.get("submit"):
        lines += [
            "",
            "1. SubmitResume: calls/s and latency (ms) vs bullmq Queue.add from one Python process",
            "   (inline: anchor is SET 100 KB + add); CPU in % of one core over the window",
            f"{'payload':<12}{'callers':>8}{'gw':>4}{'rate/s':>9}{'p50':>7}{'p99':>7} |{'raw/s':>8}"
            f"{'p50':>7}{'p99':>7} |{'node/s':>8} |{'gw/raw':>7} |"
            " cpu: gateways redis bench others | gw ms/call",
        ]
        for row in results["submit"]:
            g, r, n = row["gateway"], row["raw_add"], row["node_add"] or {}
            cpu = g.get("cpu", {})
            gw_cpu = "+".join(f"{v:.0f}" for k, v in cpu.items() if k.startswith("gateway"))
            lines.append(
                f"{row['payload']:<12}{row['concurrency']:>8}{row['gateways']:>4}{fmt(g['rate'], 9)}"
                f"{fmt(g['p50_ms'], 7)}{fmt(g['p99_ms'], 7)} |{fmt(r['rate'])}{fmt(r['p50_ms'], 7)}"
                f"{fmt(r['p99_ms'], 7)} |{fmt(n.get('rate'))} |{fmt(row['ratio'], 7)} | "
                f"{gw_cpu:>8} {cpu.get('redis', 0):>5.0f} {cpu.get('bench', 0):>5.0f}"
                f" {cpu.get('others', 0):>6.0f} |"
                f"{fmt(row.get('gateway_cpu_ms_per_call'), 6)}"
                + (f"  errors {g['errors']}" if g["errors"] else "")
            )
        alone = results.get("grpc_alone")
        if alone:
            lines.append(
                f"   gRPC alone, an empty SubmitResume handler, {alone['concurrency']} callers: {alone['rate']:.0f}/s"
                f" = {alone['ratio']} x raw add, {alone['cpu_ms_per_call']} ms CPU per call: the ceiling of one"
                " grpc-aio process here"
            )
        anchor = results.get("node_anchor")
        if anchor:
            g, e = anchor["gateway"], anchor["express"]
            lines += [
                f"   Node.js load generator, {anchor['concurrency']} callers, file URLs (node_submit.js; median of"
                f" rounds {anchor['ratios']}):",
                f"     gateway (gRPC)             {g['rate']:>8.0f}/s  p50 {fmt(g['p50_ms'], 6)}  p99"
                f" {fmt(g['p99_ms'], 6)}  cpu gateway {g['cpu'].get('gateway0', 0):.0f} load"
                f" {g['cpu'].get('load', 0):.0f} redis {g['cpu'].get('redis', 0):.0f}",
                f"     Express + BullMQ (HTTP)    {e['rate']:>8.0f}/s  p50 {fmt(e['p50_ms'], 6)}  p99"
                f" {fmt(e['p99_ms'], 6)}  cpu express {e['cpu'].get('express', 0):.0f} load"
                f" {e['cpu'].get('load', 0):.0f} redis {e['cpu'].get('redis', 0):.0f}",
            ]
            if anchor.get("parts"):
                lines.append("   where the gateway's time goes: servers doing part of its work (stub_gateway.py),"
                             " same load, median rounds")
                steps = [(STUB_LABELS[mode], result, "stub") for mode, result in anchor["parts"].items()]
                for label, result, process in [*steps, ("the gateway", g, "gateway0")]:
                    used = result["cpu"].get(process, 0)
                    per_call = 10 * used / result["rate"] if result["rate"] else None
                    lines.append(
                        f"     {label:<34}{result['rate']:>7.0f}/s  p50 {fmt(result['p50_ms'], 6)}  p99"
                        f" {fmt(result['p99_ms'], 6)}  cpu {used:>4.0f}%  {fmt(per_call, 6)} ms CPU per call"
                    )
    if results.get("worker"):
        lines += [
            "",
            "2. Worker: resumes/s vs the same files in a pool of as many processes (medians of rounds)",
            f"{'files':<16}{'procs':>6}{'jobs':>6}{'worker/s':>10} |{'raw/s':>8}{'ratio':>7} |"
            f"{'service/s':>10}{'ratio':>7} | cpu worker redis others | peak MB main children",
        ]
        for row in results["worker"]:
            w = row["worker"]
            lines.append(
                f"{row['files']:<16}{row['processes']:>6}{w['jobs']:>6}{fmt(w['rate'], 10)} |"
                f"{fmt(row['raw_extraction']['rate'])}{fmt(row['ratio'], 7)} |"
                f"{fmt(row['service_pipeline']['rate'], 10)}"
                f"{fmt(row['ratio_pipeline'], 7)} | {w['cpu'].get('worker0', 0):>10.0f}"
                f" {w['cpu'].get('redis', 0):>5.0f}"
                f" {w['cpu'].get('others', 0):>6.0f} | {w['worker_peak_rss_mb']:>13.0f}"
                f" {w['children_peak_rss_mb']:>8.0f}" + (f"  failed {w['failed']}" if w["failed"] else "")
            )
        lines.append(
            "   raw = pypdf extract_text / python-docx paragraphs+cells; service = extract_document"
            " + analyse_document (what a pool process runs per job)"
        )
        costs = results.get("short_pdf_costs")
        if costs:
            lines.append(
                f"   short_pdf, CPU ms per document in one process ({costs['documents']} files): pypdf's text"
                f" {costs['pypdf_ms']}, the service's extraction {costs['extraction_ms']}"
                f" (+{costs['extraction_ms'] - costs['pypdf_ms']:.2f}), analysis {costs['analysis_ms']}"
            )
    latency = results.get("latency")
    if latency:
        lines += [
            "",
            f"3. Idle submit-to-completed, one-page PDF ({latency['file_bytes'] // KB} KB),"
            f" {latency['jobs']} jobs",
            f"   submit -> finishedOn      p50 {latency['to_finished_on']['p50_ms']} ms"
            f"  p99 {latency['to_finished_on']['p99_ms']} ms",
            f"   submit -> seen (WatchJob)  p50 {latency['watchjob_observed']['p50_ms']} ms"
            f"  p99 {latency['watchjob_observed']['p99_ms']} ms",
            f"   of which created -> taken by the worker p50 {latency['queue_wait']['p50_ms']} ms,"
            f" taken -> finished p50 {latency['processing']['p50_ms']} ms",
            f"   anchor: extraction alone, timed between the jobs  p50 {latency['extraction_alone']['p50_ms']} ms"
            f"  (in a warm loop {latency['extraction_warm']['p50_ms']} ms,"
            f" raw pypdf {latency['raw_pypdf_alone']['p50_ms']} ms,"
            f" analysis {latency['analysis_alone']['p50_ms']} ms)",
        ]
    memory = results.get("memory")
    lines += ["", "4. Peak RSS (VmHWM, MB)"]
    if results.get("gateway_peak_rss_mb"):
        per = [
            f"{r['payload']} {r['gateway_peak_rss_mb']}"
            for r in results["submit"]
            if "gateway_peak_rss_mb" in r
        ]
        lines.append(f"   gateway during run 1: {results['gateway_peak_rss_mb']}  ({', '.join(per)})")
    for row in results.get("worker", []):
        w = row["worker"]
        lines.append(
            f"   worker during run 2, {row['files']} x{row['processes']}: main {w['worker_peak_rss_mb']},"
            f" {w['children']} pool processes {w['children_peak_rss_mb']} (sum of peaks)"
        )
    if memory:
        lines.append(
            f"   concurrency 10, {memory['jobs']} files of {memory['file_mb']} MB ({memory['seconds']} s):"
            f" gateway {memory['gateway_peak_rss_mb']}, worker main {memory['worker_peak_rss_mb']},"
            f" pool {memory['children_peak_rss_mb']}"
            + (f", failed {memory['failed']}" if memory["failed"] else "")
        )
    lines += ["", "Targets"]
    for target in results.get("targets", []):
        lines.append(
            f"   [{'met' if target['met'] else 'MISSED'}] {target['target']}: {target['value']}"
            f" (limit {target['limit']})"
        )
    return "\n".join(lines)


def flatten(value: Any, prefix: str = "") -> dict[str, float]:
    """Numeric leaves keyed by a readable path; list rows keyed by their identifying fields."""
    found: dict[str, float] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("meta", "targets"):
                continue
            found.update(flatten(item, f"{prefix}.{key}" if prefix else key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                label = "/".join(
                    str(item[k])
                    for k in ("payload", "files", "concurrency", "processes", "gateways")
                    if k in item
                ) or str(index)
            else:
                label = str(index)
            found.update(flatten(item, f"{prefix}[{label}]"))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        found[prefix] = float(value)
    return found


def compare(first: Path, second: Path) -> str:
    a, b = (flatten(json.loads(path.read_text())) for path in (first, second))
    lines = [f"{'figure':<70}{'A':>10}{'B':>10}{'B/A':>8}", f"   A = {first}", f"   B = {second}"]
    for key in sorted(a.keys() | b.keys()):
        left, right = a.get(key), b.get(key)
        ratio = f"{right / left:.2f}" if left and right is not None else "-"
        lines.append(f"{key:<70}{fmt(left, 10)}{fmt(right, 10)}{ratio:>8}")
    return "\n".join(lines)


async def main(args: argparse.Namespace) -> None:
    parts = args.only.split(",") if args.only else ["submit", "worker", "latency", "memory"]
    started = time.monotonic()
    async with Bench(args) as bench:
        bench.results["meta"] = {
            "when": dt.datetime.now().isoformat(timespec="seconds"),
            "quick": args.quick,
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "parts": parts,
        }
        for part in parts:
            await getattr(bench, f"bench_{part}")()
        results = bench.results
    results["meta"]["seconds"] = round(time.monotonic() - started, 1)
    for row in results.get("submit", []):
        # CPU the gateway spends per call: steadier than the rate when the machine is shared.
        used = sum(v for k, v in row["gateway"].get("cpu", {}).items() if k.startswith("gateway"))
        row["gateway_cpu_ms_per_call"] = (
            round(10 * used / row["gateway"]["rate"], 3) if row["gateway"]["rate"] else None
        )
    results["targets"] = targets(results)
    out = Path(args.out) if args.out else BENCH_DIR / f"results-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print()
    print(report(results))
    print(f"\n{results['meta']['seconds']} s; results in {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short windows and few jobs: a smoke run")
    parser.add_argument("--only", help="comma-separated parts: submit, worker, latency, memory")
    parser.add_argument("--callers", default="1,16,64", help="concurrent SubmitResume callers to measure")
    parser.add_argument("--out", help="where to write the JSON results")
    parser.add_argument(
        "--compare", nargs=2, metavar=("A", "B"), help="print B/A for every figure of two results"
    )
    arguments = parser.parse_args()
    if arguments.compare:
        print(compare(Path(arguments.compare[0]), Path(arguments.compare[1])))
    else:
        asyncio.run(main(arguments))
