"""A gRPC server whose SubmitResume does nothing: the cost of grpc-aio alone.

    python tests/bench/empty_gateway.py PORT

The same server setup as the gateway's (grpc.aio, insecure port, the same generated
service) with a handler that returns a constant answer, so that the benchmark can
split the gateway's cost per call into gRPC's share and the service's.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc  # noqa: E402


class EmptyGateway(resume_pb2_grpc.GatewayServiceServicer):
    async def SubmitResume(
        self, request: resume_pb2.SubmitResumeRequest, context: grpc.aio.ServicerContext
    ) -> resume_pb2.SubmitResumeResponse:
        return resume_pb2.SubmitResumeResponse(job_id="resume-0", state=resume_pb2.JOB_STATE_WAITING)


async def serve(port: int) -> None:
    server = grpc.aio.server()
    resume_pb2_grpc.add_GatewayServiceServicer_to_server(EmptyGateway(), server)
    server.add_insecure_port(f"127.0.0.1:{port}")
    await server.start()
    print("gateway listening", flush=True)
    await server.wait_for_termination()


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1])))
