"""Bearer tokens on gRPC calls; the tokens themselves are kept by `common.tokens`."""

from __future__ import annotations

from typing import Any

import grpc

from gateway_service.errors import Unauthenticated


def bearer_token(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    for key, value in context.invocation_metadata() or ():
        if key == "authorization":
            scheme, _, token = str(value).partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token.strip()
            break
    raise Unauthenticated(
        "missing or malformed credentials: send the metadata `authorization: Bearer <token>`"
    )
