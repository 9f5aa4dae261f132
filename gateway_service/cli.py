"""`resume-cli`: submit a resume, read a job's status, show health; prints JSON.

    resume-cli submit resume.pdf --organisation acme --wait
    resume-cli submit --url https://example.com/cv.docx --organisation acme
    resume-cli status JOB_ID --organisation acme
    resume-cli health
"""

from __future__ import annotations

import argparse
import asyncio
import mimetypes
import sys
import time
import uuid
from pathlib import Path

import grpc
from google.protobuf import json_format
from google.protobuf.message import Message

from common.config import Settings
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc

FINAL_STATES = {resume_pb2.JOB_STATE_COMPLETED, resume_pb2.JOB_STATE_FAILED}
POLL_INTERVAL = 0.1


def _print(message: Message) -> None:
    print(json_format.MessageToJson(message, indent=2, ensure_ascii=False))


def _submit_request(args: argparse.Namespace) -> resume_pb2.SubmitResumeRequest:
    request = resume_pb2.SubmitResumeRequest(
        resume_id=args.resume_id or uuid.uuid4().hex,
        candidate_id=args.candidate_id or uuid.uuid4().hex,
        organisation_id=args.organisation,
        request_id=args.request_id or "",
        job_description=args.job_description or "",
        required_skills=args.skill or [],
    )
    if args.url:
        request.file_url = args.url
        request.file_name = Path(args.url).name
    else:
        path = Path(args.file)
        request.content = path.read_bytes()
        request.file_name = path.name
        request.mime_type = mimetypes.guess_type(path.name)[0] or ""
    return request


async def _run(args: argparse.Namespace) -> int:
    async with grpc.aio.insecure_channel(args.address) as channel:
        stub = resume_pb2_grpc.GatewayServiceStub(channel)
        if args.command == "health":
            check = resume_pb2.HealthCheck.Value(f"HEALTH_CHECK_{args.check.upper()}")
            response = await stub.Health(resume_pb2.HealthRequest(check=check), timeout=args.timeout)
            _print(response)
            return 0 if response.status == resume_pb2.HEALTH_STATUS_HEALTHY else 1
        if args.command == "submit":
            submitted = await stub.SubmitResume(_submit_request(args), timeout=args.timeout)
            if not args.wait:
                _print(submitted)
                return 0
            job_id = submitted.job_id
        else:
            job_id = args.job_id
        request = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=args.organisation)
        deadline = time.monotonic() + args.wait_timeout
        while True:
            status = await stub.GetJobStatus(request, timeout=args.timeout)
            if args.command == "status" or status.state in FINAL_STATES or time.monotonic() > deadline:
                break
            await asyncio.sleep(POLL_INTERVAL)
        _print(status)
        return 0 if status.state != resume_pb2.JOB_STATE_FAILED else 1


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="resume-cli", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", default=f"localhost:{settings.grpc_port}",
                        help="gateway host:port (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=10.0, help="deadline of each RPC in seconds")
    commands = parser.add_subparsers(dest="command", required=True)

    submit = commands.add_parser("submit", help="submit a PDF or DOCX")
    source = submit.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="path of the resume")
    source.add_argument("--url", help="http(s) URL the worker downloads the resume from")
    submit.add_argument("--organisation", required=True)
    submit.add_argument("--resume-id", help="default: a random id")
    submit.add_argument("--candidate-id", help="default: a random id")
    submit.add_argument("--request-id", help="idempotency key")
    submit.add_argument("--job-description", help="text to match the resume against")
    submit.add_argument("--skill", action="append", help="a required skill (repeatable)")
    submit.add_argument("--wait", action="store_true", help="wait for the job to finish")

    status = commands.add_parser("status", help="show a job's status")
    status.add_argument("job_id")
    status.add_argument("--organisation", required=True)

    health = commands.add_parser("health", help="show the gateway's health report")
    health.add_argument("--check", default="full", choices=["redis", "queue", "cache", "full"])

    args = parser.parse_args(argv)
    args.wait_timeout = 120.0
    try:
        return asyncio.run(_run(args))
    except grpc.aio.AioRpcError as error:
        print(f"{error.code().name}: {error.details()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
