"""`resume-cli`: submit a resume, follow a job, show health; manage tokens. Prints JSON.

    resume-cli submit resume.pdf --organisation acme --wait
    resume-cli submit --url https://example.com/cv.docx --organisation acme
    resume-cli status JOB_ID --organisation acme
    resume-cli watch JOB_ID --organisation acme
    resume-cli health
    resume-cli analysis RESUME_ID --organisation acme
    resume-cli redacted RESUME_ID --organisation acme [--mask-employers] [--mask-institutions]
    resume-cli analyses CANDIDATE_ID --organisation acme [--page-token TOKEN]
    resume-cli erase CANDIDATE_ID --organisation acme
    resume-cli webhook set https://ats.example.com/hooks --organisation acme
    resume-cli webhook remove --organisation acme
    resume-cli webhook deliveries --organisation acme

The token comes from --token or RESUME_TOKEN. Token administration talks to Redis
directly (REDIS_* variables), so run it where Redis is reachable:

    resume-cli token create --organisation acme --name ci --scope submit,read [--ttl-days 90]
    resume-cli token list
    resume-cli token revoke TOKEN_ID [--after SECONDS]

Scopes: submit (SubmitResume), read (GetJobStatus, WatchJob, GetResumeAnalysis,
ListCandidateAnalyses), erase (EraseCandidate), admin (SetWebhook, ListWebhookDeliveries).
Health takes any valid token. Tokens made before scopes existed have submit and read. A
token's scopes never change: to give a caller more, create a token with them and revoke
the old one with --after, as to rotate.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import mimetypes
import sys
import uuid
from collections.abc import Awaitable
from dataclasses import asdict
from pathlib import Path

import grpc
from google.protobuf import json_format
from google.protobuf.message import Message

from common.config import Settings
from common.proto.resume.v1 import resume_pb2, resume_pb2_grpc
from common.redis_connections import connect_cache
from common.tokens import Scope, TokenStore, scopes_of


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
        as_of=args.as_of or "",
        redact=args.redact,
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


def _channel(args: argparse.Namespace) -> grpc.aio.Channel:
    if not args.tls_ca:
        return grpc.aio.insecure_channel(args.address)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=Path(args.tls_ca).read_bytes(),
        private_key=Path(args.tls_key).read_bytes() if args.tls_key else None,
        certificate_chain=Path(args.tls_cert).read_bytes() if args.tls_cert else None,
    )
    return grpc.aio.secure_channel(args.address, credentials)


async def _call(args: argparse.Namespace) -> int:
    metadata = (("authorization", f"Bearer {args.token}"),) if args.token else ()
    async with _channel(args) as channel:
        stub = resume_pb2_grpc.GatewayServiceStub(channel)
        if args.command == "health":
            check = resume_pb2.HealthCheck.Value(f"HEALTH_CHECK_{args.check.upper()}")
            response = await stub.Health(
                resume_pb2.HealthRequest(check=check), timeout=args.timeout, metadata=metadata
            )
            _print(response)
            return 0 if response.status == resume_pb2.HEALTH_STATUS_HEALTHY else 1
        if args.command == "webhook":
            _print(await _webhook_call(stub, args, metadata))
            if args.action == "set":
                print("The secret is shown only now; give it to the receiver to verify signatures.", file=sys.stderr)
            return 0
        if args.command in ANALYSIS_COMMANDS:
            _print(await _analysis_call(stub, args, metadata))
            return 0
        if args.command == "submit":
            submitted = await stub.SubmitResume(_submit_request(args), timeout=args.timeout, metadata=metadata)
            if not args.wait:
                _print(submitted)
                return 0
            job_id = submitted.job_id
        else:
            job_id = args.job_id
        if args.command == "status":
            request = resume_pb2.GetJobStatusRequest(job_id=job_id, organisation_id=args.organisation)
            status = await stub.GetJobStatus(request, timeout=args.timeout, metadata=metadata)
        else:  # follow the job to its end: `watch`, or `submit --wait`
            watch = resume_pb2.WatchJobRequest(job_id=job_id, organisation_id=args.organisation)
            async for change in stub.WatchJob(watch, timeout=args.wait_timeout, metadata=metadata):
                status = change.status
                if args.command == "watch":
                    print(json.dumps({"event": change.event, "state": resume_pb2.JobState.Name(status.state),
                                      "progress": status.progress}))
        _print(status)
        return 0 if status.state != resume_pb2.JOB_STATE_FAILED else 1


ANALYSIS_COMMANDS = ("analysis", "redacted", "analyses", "erase")


def _analysis_call(
    stub: resume_pb2_grpc.GatewayServiceAsyncStub, args: argparse.Namespace, metadata: tuple[tuple[str, str], ...]
) -> Awaitable[Message]:
    """The call one of ANALYSIS_COMMANDS makes."""
    if args.command == "analysis":
        return stub.GetResumeAnalysis(resume_pb2.GetResumeAnalysisRequest(
            resume_id=args.id, organisation_id=args.organisation), timeout=args.timeout, metadata=metadata)
    if args.command == "redacted":
        return stub.GetRedactedResume(resume_pb2.GetRedactedResumeRequest(
            resume_id=args.id, organisation_id=args.organisation, mask_employers=args.mask_employers,
            mask_institutions=args.mask_institutions), timeout=args.timeout, metadata=metadata)
    if args.command == "analyses":
        return stub.ListCandidateAnalyses(resume_pb2.ListCandidateAnalysesRequest(
            candidate_id=args.id, organisation_id=args.organisation, page_size=args.page_size,
            page_token=args.page_token), timeout=args.timeout, metadata=metadata)
    return stub.EraseCandidate(resume_pb2.EraseCandidateRequest(
        candidate_id=args.id, organisation_id=args.organisation), timeout=args.timeout, metadata=metadata)


def _webhook_call(
    stub: resume_pb2_grpc.GatewayServiceAsyncStub, args: argparse.Namespace, metadata: tuple[tuple[str, str], ...]
) -> Awaitable[Message]:
    if args.action == "deliveries":
        return stub.ListWebhookDeliveries(resume_pb2.ListWebhookDeliveriesRequest(
            organisation_id=args.organisation), timeout=args.timeout, metadata=metadata)
    url = args.url if args.action == "set" else ""
    return stub.SetWebhook(resume_pb2.SetWebhookRequest(organisation_id=args.organisation, url=url),
                           timeout=args.timeout, metadata=metadata)


async def _tokens(args: argparse.Namespace, settings: Settings) -> int:
    client = connect_cache(settings)
    store = TokenStore(client)
    try:
        if args.action == "create":
            scopes = [scope for given in args.scope for scope in given]
            token, info = await store.create(args.organisation, args.name, scopes, args.ttl_days * 86400)
            print(json.dumps({"token": token, **asdict(info)}, indent=2))
            print("The token is shown only now; store it in a secret manager.", file=sys.stderr)
            return 0
        if args.action == "list":
            print(json.dumps([asdict(info) for info in await store.list()], indent=2))
            return 0
        revoked = await store.revoke(args.token_id, after_seconds=args.after)
        print(json.dumps(asdict(revoked) if revoked else None, indent=2))
        return 0 if revoked else 1
    finally:
        await client.aclose()


def _scope_list(text: str) -> tuple[Scope, ...]:
    try:
        return scopes_of(text.split(","))
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="resume-cli", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--address", default=f"localhost:{settings.grpc_port}",
                        help="gateway host:port (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=10.0, help="deadline of each RPC in seconds")
    parser.add_argument("--token", default=settings.resume_token, help="bearer token (default: RESUME_TOKEN)")
    parser.add_argument("--tls-ca", help="CA certificate of the gateway: use TLS (default: plaintext)")
    parser.add_argument("--tls-cert", help="client certificate, for mutual TLS")
    parser.add_argument("--tls-key", help="client key, for mutual TLS")
    commands = parser.add_subparsers(dest="command", required=True)

    submit = commands.add_parser("submit", help="submit a PDF, DOCX or picture (PNG, JPEG, TIFF, WebP) of a resume")
    source = submit.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", help="path of the resume")
    source.add_argument("--url", help="http(s) URL the worker downloads the resume from")
    submit.add_argument("--organisation", required=True)
    submit.add_argument("--resume-id", help="default: a random id")
    submit.add_argument("--candidate-id", help="default: a random id")
    submit.add_argument("--request-id", help="idempotency key")
    submit.add_argument("--job-description", help="text to match the resume against")
    submit.add_argument("--skill", action="append", help="a required skill (repeatable)")
    submit.add_argument("--as-of", help='the reference date, YYYY-MM-DD, that "present" in the resume means')
    submit.add_argument("--redact", action="store_true", help="keep a redacted copy, for `redacted`")
    submit.add_argument("--wait", action="store_true", help="wait for the job to finish")

    status = commands.add_parser("status", help="show a job's status")
    status.add_argument("job_id")
    status.add_argument("--organisation", required=True)

    watch = commands.add_parser("watch", help="print a job's changes until it ends")
    watch.add_argument("job_id")
    watch.add_argument("--organisation", required=True)

    health = commands.add_parser("health", help="show the gateway's health report")
    health.add_argument("--check", default="full", choices=["redis", "queue", "cache", "full"])

    analysis = commands.add_parser("analysis", help="show a resume's current stored analysis")
    analysis.add_argument("id", metavar="resume_id")
    analysis.add_argument("--organisation", required=True)

    redacted = commands.add_parser("redacted", help="show a resume's analysis and text without what identifies "
                                                    "the candidate (submitted with --redact)")
    redacted.add_argument("id", metavar="resume_id")
    redacted.add_argument("--organisation", required=True)
    redacted.add_argument("--mask-employers", action="store_true")
    redacted.add_argument("--mask-institutions", action="store_true")

    analyses = commands.add_parser("analyses", help="list a candidate's stored analyses, newest first")
    analyses.add_argument("id", metavar="candidate_id")
    analyses.add_argument("--organisation", required=True)
    analyses.add_argument("--page-size", type=int, default=0)
    analyses.add_argument("--page-token", default="", help="next_page_token of the previous page")

    erase = commands.add_parser("erase", help="erase a candidate's analyses, files and jobs; prints the counts")
    erase.add_argument("id", metavar="candidate_id")
    erase.add_argument("--organisation", required=True)

    webhook = commands.add_parser("webhook", help="set or remove the organisation's webhook, list its deliveries")
    webhook_actions = webhook.add_subparsers(dest="action", required=True)
    webhook_set = webhook_actions.add_parser("set", help="register a URL; prints its new secret, once")
    webhook_set.add_argument("url")
    webhook_remove = webhook_actions.add_parser("remove", help="stop posting events")
    webhook_deliveries = webhook_actions.add_parser("deliveries", help="the latest delivery attempts, newest first")
    for action in (webhook_set, webhook_remove, webhook_deliveries):
        action.add_argument("--organisation", required=True)

    token = commands.add_parser("token", help="create, list or revoke tokens (talks to Redis)")
    actions = token.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a token and print it, once")
    create.add_argument("--organisation", required=True)
    create.add_argument("--name", default="", help="what the token is for")
    create.add_argument(
        "--scope", type=_scope_list, action="append", required=True, metavar="SCOPE[,SCOPE...]",
        help=f"what the token may do, among {', '.join(Scope)}: repeat it or give a comma list",
    )
    create.add_argument("--ttl-days", type=int, default=0, help="expiry; 0: never")
    actions.add_parser("list", help="list the tokens' ids, organisations, names, scopes and times")
    revoke = actions.add_parser("revoke", help="revoke a token, at once or after a delay")
    revoke.add_argument("token_id")
    revoke.add_argument("--after", type=int, default=0, help="seconds of grace, to rotate")

    args = parser.parse_args(argv)
    args.wait_timeout = 120.0
    try:
        if args.command == "token":
            return asyncio.run(_tokens(args, settings))
        return asyncio.run(_call(args))
    except grpc.aio.AioRpcError as error:
        print(f"{error.code().name}: {error.details()}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
