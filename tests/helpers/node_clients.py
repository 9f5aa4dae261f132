"""The Node.js clients of tests/node, run as a Node service would run them."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from typing import Any, TypeVar

import pytest

from tests.helpers.support import ROOT

NODE_DIR = ROOT / "tests" / "node"
NODE = shutil.which("node")
T = TypeVar("T")
# How long one Node command may take; the subprocess is killed a little after.
NODE_TIMEOUT = 30.0

# CI sets REQUIRE_NODE_TESTS=1: there a missing Node.js fails these tests instead of skipping them.
_OPTIONAL = os.environ.get("REQUIRE_NODE_TESTS") != "1"
NEEDS_NODE = [
    pytest.mark.skipif(
        _OPTIONAL and NODE is None, reason="node is not on PATH; install Node.js 18+ to run these tests"
    ),
    pytest.mark.skipif(
        _OPTIONAL and not (NODE_DIR / "node_modules").is_dir(),
        reason="tests/node/node_modules is missing; run `npm ci --prefix tests/node` (make test does)",
    ),
]


def needs_node(test: T) -> T:
    for mark in NEEDS_NODE:
        test = mark(test)
    return test


async def run_node(script: str, command: str, args: dict[str, Any], env: dict[str, str]) -> Any:
    """Runs one command of a tests/node script; its JSON answer."""
    assert NODE is not None
    process = await asyncio.create_subprocess_exec(
        NODE, str(NODE_DIR / script), command,
        json.dumps({**args, "timeoutMs": int(NODE_TIMEOUT * 1000)}),
        cwd=NODE_DIR, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), NODE_TIMEOUT + 5)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode == 0, f"{script} {command} exited {process.returncode}: {stderr.decode()}"
    return json.loads(stdout)
