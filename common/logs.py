"""Structured logs: one JSON object per line, with the `extra` fields of each call.

Every module logs through `get_logger`, whose loggers keep `extra` from colliding with the
attributes of a `LogRecord`: the standard library raises `KeyError` for an extra field named
like one of them (`name`, `args`, `module`), so one such call would crash whatever logged
it, and only at the level where it logs.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import MutableMapping
from typing import Any

from opentelemetry import trace

from common import failures

# Attributes every LogRecord has, and those the formatters add; anything else came through `extra=`.
RESERVED = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
# The packages whose loggers LOG_LEVEL sets; libraries log at INFO and above.
PACKAGES = ("common", "gateway_service", "analysis_worker")


def safe_key(key: str) -> str:
    """`key`, or `key_` where it would overwrite a LogRecord attribute (as Python names
    avoid keywords: `class_`)."""
    return f"{key}_" if key in RESERVED else key


class StructuredLogger(logging.LoggerAdapter[logging.Logger]):
    """A logger whose `extra` fields are renamed where they collide, never rejected."""

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        extra = kwargs.get("extra")
        if extra:
            kwargs["extra"] = {safe_key(key): value for key, value in extra.items()}
        return msg, kwargs


def get_logger(name: str) -> StructuredLogger:
    return StructuredLogger(logging.getLogger(name))


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "service": self.service,
            "logger": record.name,
            "event": record.getMessage(),
        }
        # The span the call was logged in, so that a trace's logs can be found (common/tracing.py).
        span = trace.get_current_span().get_span_context()
        if span.is_valid:
            entry["trace_id"] = trace.format_trace_id(span.trace_id)
            entry["span_id"] = trace.format_span_id(span.span_id)
        entry.update((k, v) for k, v in vars(record).items() if k not in RESERVED)
        if record.exc_info and record.exc_info[1] is not None:
            # Not formatException: the text of a Redis or PostgreSQL error may quote data.
            entry["exception"] = failures.traceback_text(record.exc_info[1])
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure(level: str, service: str, handler: logging.Handler | None = None) -> None:
    """The process's logs as JSON on stderr (or through `handler`): the service's own
    loggers at `level`, libraries at `level` but not below INFO."""
    handler = handler or logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    numeric = logging.getLevelNamesMapping()[level.upper()]
    root.setLevel(max(numeric, logging.INFO))
    for package in PACKAGES:
        logging.getLogger(package).setLevel(numeric)
