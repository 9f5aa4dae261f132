"""Log calls that cannot fail: no `extra` key overwrites a LogRecord attribute, and every
module logs through the project's logger, which renames such a key instead of raising."""

import ast
import io
import json
import logging
from pathlib import Path

from opentelemetry.sdk.trace import TracerProvider

from common import logs
from tests.helpers.support import ROOT

PACKAGES = [ROOT / package for package in logs.PACKAGES]


def sources() -> list[Path]:
    return [path for package in PACKAGES for path in package.rglob("*.py") if "proto" not in path.parts]


def colliding_extras(source: str) -> list[tuple[int, str]]:
    """(line, key) of each literal `extra=` key that would overwrite a LogRecord attribute."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg == "extra" and isinstance(keyword.value, ast.Dict):
                found += [
                    (key.lineno, key.value) for key in keyword.value.keys
                    if isinstance(key, ast.Constant) and key.value in logs.RESERVED
                ]
    return found


def standard_loggers(source: str) -> list[int]:
    """Lines that make a module's logger with logging.getLogger rather than logs.get_logger."""
    return [
        node.lineno for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
        and ast.unparse(node.value.func) == "logging.getLogger"
    ]


def test_no_extra_key_overwrites_a_log_record_attribute() -> None:
    found = {str(path.relative_to(ROOT)): colliding_extras(path.read_text()) for path in sources()}
    assert {path: keys for path, keys in found.items() if keys} == {}
    assert sum(source.read_text().count("extra=") for source in sources()) >= 20, "the walk found the log calls"


def test_the_guard_finds_a_planted_collision() -> None:
    planted = 'log.info("schema migration applied", extra={"version": 1, "name": "analyses"})\n'
    assert colliding_extras(planted) == [(1, "name")]
    assert colliding_extras('log.info("x", extra={"message": 1, "job_id": 2})') == [(1, "message")]


def test_every_module_logs_through_the_project_logger() -> None:
    found = {str(path.relative_to(ROOT)): standard_loggers(path.read_text()) for path in sources()
             if path != ROOT / "common" / "logs.py"}
    assert {path: lines for path, lines in found.items() if lines} == {}
    assert standard_loggers("import logging\nlog = logging.getLogger(__name__)\n") == [2]


def test_a_colliding_key_is_renamed_not_raised() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.JsonFormatter("tests"))
    logger = logging.getLogger("common.tests.renamed")
    logger.addHandler(handler)
    try:
        logs.get_logger("common.tests.renamed").debug(
            "schema migration applied", extra={"name": "analyses", "args": [1], "job_id": "j"}
        )
    finally:
        logger.removeHandler(handler)
    entry = json.loads(stream.getvalue())
    assert entry["event"] == "schema migration applied"
    assert (entry["name_"], entry["args_"], entry["job_id"]) == ("analyses", [1], "j")
    assert entry["logger"] == "common.tests.renamed" and entry["level"] == "debug"


def test_the_project_loggers_run_at_debug_in_the_tests() -> None:
    for package in logs.PACKAGES:
        assert logs.get_logger(f"{package}.anything").isEnabledFor(logging.DEBUG)
    assert isinstance(logging.getLogger().handlers[0].formatter, logs.JsonFormatter)


def test_a_record_logged_in_a_span_names_its_trace() -> None:
    formatter = logs.JsonFormatter("tests")
    record = logging.makeLogRecord({"msg": "job attempt finished", "levelname": "INFO"})
    # A provider of this test's own: the process's global one stays unset.
    with TracerProvider().get_tracer("tests").start_as_current_span("process resume-analysis") as span:
        inside = json.loads(formatter.format(record))
    context = span.get_span_context()
    assert (inside["trace_id"], inside["span_id"]) == (f"{context.trace_id:032x}", f"{context.span_id:016x}")
    outside = json.loads(formatter.format(record))
    assert "trace_id" not in outside and "span_id" not in outside
