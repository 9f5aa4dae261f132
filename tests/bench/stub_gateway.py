"""A gRPC server set up as the gateway is, whose SubmitResume does only part of the
gateway's work: the bench drives it with the gateway's load to split the cost per call.

    python -m tests.bench.stub_gateway PORT MODE

MODE is what SubmitResume does before answering:
- empty: nothing (the cost of grpc-aio alone);
- ping: one Redis PING through redis-py (a round trip to Redis, as every submission makes);
- add: bullmq's Queue.add of the request's job with the gateway's options (the queue
  work, without the gateway's validation, time bound, logs or metrics).
It runs on uvloop, as the gateway does, with Redis and the queue as REDIS_* and QUEUE_DB say.
"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable

import grpc
import uvloop
from bullmq import Queue

from common.config import Settings
from common.jobs import JOB_NAME, QUEUE_NAME, ResumeJobData, job_options, new_job_id
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_queue

# What this server can do of the gateway's work, from none to the queue's, and how the
# bench's report names each.
STUB_MODES = ("empty", "ping", "add")
STUB_LABELS = {
    "empty": "gRPC alone (empty handler)",
    "ping": "+ one Redis PING (redis-py)",
    "add": "+ bullmq Queue.add instead of PING",
}
ANSWER = resume_pb2.SubmitResumeResponse(job_id="resume-0", state=resume_pb2.JOB_STATE_WAITING)


class StubGateway(resume_pb2_grpc.GatewayServiceServicer):
    def __init__(self, work: Callable[[resume_pb2.SubmitResumeRequest], Awaitable[object]] | None) -> None:
        self._work = work

    async def SubmitResume(
        self, request: resume_pb2.SubmitResumeRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.SubmitResumeResponse:
        if self._work is not None:
            await self._work(request)
        return ANSWER


def work_of(mode: str) -> Callable[[resume_pb2.SubmitResumeRequest], Awaitable[object]] | None:
    if mode == "empty":
        return None
    settings = Settings.from_env()
    client = connect_queue(settings)
    if mode == "ping":
        return lambda request: client.ping()
    if mode != "add":
        raise SystemExit(f"unknown mode {mode!r}: empty, ping or add")
    queue = Queue(QUEUE_NAME, {"connection": client, "prefix": settings.queue_prefix})
    options = job_options(settings)

    def add(request: resume_pb2.SubmitResumeRequest) -> Awaitable[object]:
        data = ResumeJobData(
            resume_id=request.resume_id, candidate_id=request.candidate_id,
            organisation_id=request.organisation_id, file_name=request.file_name,
            mime_type=request.mime_type, file_url=request.file_url,
        )
        return queue.add(JOB_NAME, data.to_json(), {**options, "jobId": new_job_id()})

    return add


async def serve(port: int, mode: str) -> None:
    server = grpc.aio.server()
    resume_pb2_grpc.add_GatewayServiceServicer_to_server(StubGateway(work_of(mode)), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print("gateway listening", flush=True)
    await server.wait_for_termination()


if __name__ == "__main__":
    uvloop.run(serve(int(sys.argv[1]), sys.argv[2]))
