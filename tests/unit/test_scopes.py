"""Scopes: every RPC says which it needs, and scope names are read strictly."""

import pytest

from common.proto.resume.v1 import resume_pb2
from common.tokens import Scope, scopes_of
from gateway_service.scopes import REQUIRED_SCOPES


def test_every_rpc_of_the_service_says_which_scope_it_needs() -> None:
    # A new RPC without an entry would fail every call with a KeyError, not be let through.
    methods = {method.name for method in resume_pb2.DESCRIPTOR.services_by_name["GatewayService"].methods}
    assert set(REQUIRED_SCOPES) == methods


def test_scopes_are_read_in_one_order_without_repeats() -> None:
    assert scopes_of(["read", " submit", "read"]) == (Scope.SUBMIT, Scope.READ)
    assert scopes_of([]) == ()


def test_an_unknown_scope_is_named_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown scope 'delete': choose among submit, read, erase, admin"):
        scopes_of(["submit", "delete"])
