"""What a failure of Redis or PostgreSQL may say, to a caller or in a log: a fixed text
chosen by the kind of failure, with the command's name at most.

The exceptions' own text is never passed on: redis-py writes a pipeline command's
arguments into it (an uploaded file, an analysis), and PostgreSQL quotes the values it
rejects. Everything that reports such a failure goes through `describe`, and the log
formatter prints tracebacks through `traceback_text`.
"""

from __future__ import annotations

import re
import traceback

import asyncpg
from redis import exceptions as redis_errors

from common.replication import NotReplicated

# redis-py's annotation of a failed pipeline command: "Command # 1 (SET key value...) of pipeline ...".
_PIPELINE_COMMAND = re.compile(r"^Command # \d+ \((\w+)")
# The first word of Redis' error reply names the kind of failure.
_REPLIES = {
    "WRONGTYPE": "a Redis key holds another type of value than this service writes there (WRONGTYPE): "
                 "is another application using the same Redis database?",
    "NOSCRIPT": "Redis lost a script (NOSCRIPT); retry",
    "BUSY": "Redis is busy running a script (BUSY); retry with backoff",
    "MASTERDOWN": "the Redis replica lost its master (MASTERDOWN); retry with backoff",
    "CLUSTERDOWN": "the Redis cluster is down (CLUSTERDOWN); retry with backoff",
    "NOPERM": "the Redis user lacks a permission this service needs (NOPERM): check its ACL",
    "EXECABORT": "Redis aborted a transaction (EXECABORT); retry",
}


def describe(error: BaseException) -> str:
    """A fixed, actionable text for `error`; errors of neither Redis nor PostgreSQL keep theirs."""
    if isinstance(error, redis_errors.RedisError):
        return _redis(error)
    if isinstance(error, asyncpg.PostgresError):
        return f"PostgreSQL refused a statement ({type(error).__name__}, SQLSTATE {error.sqlstate})"
    if isinstance(error, asyncpg.InterfaceError):
        return f"the connection to PostgreSQL failed ({type(error).__name__})"
    return str(error) or type(error).__name__


def may_quote_data(error: BaseException) -> bool:
    """Whether the exception's own text may quote data: that of Redis and PostgreSQL errors."""
    return isinstance(error, redis_errors.RedisError | asyncpg.PostgresError)


def is_out_of_memory(error: BaseException) -> bool:
    """Whether Redis refused a write for want of memory (maxmemory reached, noeviction)."""
    return isinstance(error, redis_errors.OutOfMemoryError) or (
        isinstance(error, redis_errors.ResponseError) and "used memory > 'maxmemory'" in str(error)
    )


def _redis(error: redis_errors.RedisError) -> str:
    command = _PIPELINE_COMMAND.match(str(error))
    where = f" [{command.group(1).upper()}]" if command else ""
    if is_out_of_memory(error):
        return f"Redis is out of memory (maxmemory reached) and refuses writes{where}"
    if isinstance(error, redis_errors.ReadOnlyError):
        return f"the Redis server is a read-only replica (READONLY): a failover may be under way; retry{where}"
    if isinstance(error, redis_errors.AuthenticationError | redis_errors.AuthorizationError):
        return ("Redis refused authentication: check REDIS_USERNAME and REDIS_PASSWORD "
                "(CACHE_REDIS_USERNAME and CACHE_REDIS_PASSWORD for a cache of its own)")
    if isinstance(error, redis_errors.BusyLoadingError):
        return "Redis is loading its data set into memory; retry shortly"
    if isinstance(error, redis_errors.TimeoutError):
        return "Redis did not answer in time; retry with backoff"
    if isinstance(error, NotReplicated):
        return f"{error}; retry with backoff"
    if isinstance(error, redis_errors.ConnectionError):
        return "the connection to Redis was refused or lost; retry with backoff"
    reply = str(error).split(" of pipeline caused error: ")[-1].strip("(\"',) ")
    for prefix, text in _REPLIES.items():
        if reply.startswith(prefix):
            return text + where
    return f"Redis refused a command ({type(error).__name__}){where}"


def traceback_text(error: BaseException) -> str:
    """`error`'s traceback as Python prints it, but each exception of the chain as `describe`
    tells it."""
    sections = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        sections.append(
            "Traceback (most recent call last):\n" + "".join(traceback.format_tb(current.__traceback__))
            + f"{type(current).__module__}.{type(current).__qualname__}: {describe(current)}\n"
        )
        if current.__cause__ is not None:
            sections.append("\nThe above exception was the direct cause of the following exception:\n\n")
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            sections.append("\nDuring handling of the above exception, another exception occurred:\n\n")
            current = current.__context__
        else:
            current = None
    # Python prints the first cause first, the exception raised last at the end.
    return "".join(reversed(sections)).rstrip("\n")
