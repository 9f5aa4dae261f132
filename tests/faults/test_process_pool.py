"""The process pool: answers, errors, and runaway calls that cost only their own process."""

import asyncio
import hashlib
import os
import time

import pytest

from analysis_worker.process_pool import CallTimeout, ProcessDied, ProcessPool

# A child that preloads this module with SLOW_START set takes that long to start, as the
# service's processes do on a loaded machine while they import the parsers.
time.sleep(float(os.environ.get("SLOW_START", "0")))


def square(n: int) -> int:
    return n * n


def fail(message: str) -> None:
    raise ValueError(message)


def sleep_then_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def die() -> None:
    os._exit(3)


@pytest.fixture
def pool():
    pool = ProcessPool(2, memory_limit=512 * 2**20)
    yield pool
    pool.close()


async def test_results_and_exceptions_come_back(pool: ProcessPool) -> None:
    assert await pool.run(5, square, 12) == 144
    with pytest.raises(ValueError, match="bad input"):
        await pool.run(5, fail, "bad input")


async def test_small_and_large_arguments_arrive_whole(pool: ProcessPool) -> None:
    """Small calls are written from the event loop, large ones (files of megabytes) from a
    thread; both at once, so that neither way waits on the other."""
    small, large = os.urandom(50_000), os.urandom(6 * 2**20)
    answers = await asyncio.gather(pool.run(10, digest, small), pool.run(10, digest, large))
    assert answers == [hashlib.sha256(small).hexdigest(), hashlib.sha256(large).hexdigest()]


async def test_a_call_past_its_time_limit_is_killed_and_the_pool_recovers(pool: ProcessPool) -> None:
    started = time.monotonic()
    with pytest.raises(CallTimeout):
        await pool.run(0.5, sleep_then_pid, 30)
    assert time.monotonic() - started < 5
    # Both slots work afterwards.
    pids = {await pool.run(5, sleep_then_pid, 0), await pool.run(5, sleep_then_pid, 0)}
    assert pids and all(pid != os.getpid() for pid in pids)


async def test_memory_is_bounded_per_process(pool: ProcessPool) -> None:
    with pytest.raises(MemoryError, match="memory limit of 512 MiB"):
        await pool.run(10, allocate, 2048)
    assert await pool.run(5, allocate, 16) == 16 * 2**20


async def test_a_process_that_dies_is_replaced(pool: ProcessPool) -> None:
    with pytest.raises(ProcessDied, match="exit code 3"):
        await pool.run(5, die)
    assert await pool.run(5, square, 3) == 9


async def test_a_call_s_time_limit_does_not_count_its_process_starting(monkeypatch: pytest.MonkeyPatch) -> None:
    # A process replaced after a runaway call starts again: the next call's limit is its own.
    monkeypatch.setenv("SLOW_START", "1.5")
    pool = ProcessPool(1, memory_limit=512 * 2**20, preload=(__name__,))
    try:
        assert await pool.run(0.5, square, 7) == 49
        with pytest.raises(CallTimeout):
            await pool.run(0.5, sleep_then_pid, 30)
        assert await pool.run(0.5, square, 8) == 64
    finally:
        pool.close()


PREPARED: list[str] = []


def prepare(what: str) -> None:
    time.sleep(1.0)
    PREPARED.append(what)


def prepared() -> list[str]:
    return PREPARED


async def test_each_process_prepares_before_its_first_call_and_the_time_limit_spares_it() -> None:
    """What a process loads for every job (the OCR engine) is loaded once, before its
    first call, and a call's time limit does not count it."""
    pool = ProcessPool(2, memory_limit=512 * 2**20, initializer=(prepare, ("ocr",)))
    try:
        answers = await asyncio.gather(pool.run(0.5, prepared), pool.run(0.5, prepared))
        assert answers == [["ocr"], ["ocr"]]
    finally:
        pool.close()


async def test_a_process_that_cannot_prepare_serves_calls_and_says_why(caplog: pytest.LogCaptureFixture) -> None:
    pool = ProcessPool(1, memory_limit=512 * 2**20, initializer=(fail, ("no OCR model",)))
    try:
        assert await pool.run(5, square, 3) == 9
    finally:
        pool.close()
    assert "could not prepare: ValueError: no OCR model" in caplog.text
