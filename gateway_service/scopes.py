"""Which scope of its token each RPC needs (README, Security)."""

from __future__ import annotations

from common.tokens import Scope, TokenInfo
from gateway_service.errors import MissingScope

# None: any valid token. Health tells how the service is, nothing of any organisation's
# data, and whoever calls the service needs to know whether to try.
REQUIRED_SCOPES: dict[str, Scope | None] = {
    "SubmitResume": Scope.SUBMIT,
    "SubmitResumes": Scope.SUBMIT,
    "GetJobStatus": Scope.READ,
    "WatchJob": Scope.READ,
    "GetResumeAnalysis": Scope.READ,
    "ListCandidateAnalyses": Scope.READ,
    "GetRedactedResume": Scope.READ,
    "EraseCandidate": Scope.ERASE,
    "SetWebhook": Scope.ADMIN,
    "ListWebhookDeliveries": Scope.ADMIN,
    "Health": None,
}


def require_scope(caller: TokenInfo, rpc: str) -> None:
    """Refuses `caller` with PERMISSION_DENIED unless its token has the scope `rpc` needs."""
    scope = REQUIRED_SCOPES[rpc]
    if scope is not None and scope not in caller.scopes:
        raise MissingScope(rpc, scope, caller)
