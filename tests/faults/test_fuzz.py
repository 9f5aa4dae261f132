"""Mutated resumes through extraction and analysis, in a process pool with a time and
memory limit: every outcome must be an analysis, an ExtractionError, or the limit's
CallTimeout / MemoryError. Anything else (another exception type, a dead process) fails.

The seeds are the nine RenderCV PDFs, an uncompressed hand-written PDF (so mutations hit
operators, not deflate data), the sample DOCX, the sample DOCX's document.xml
(mutated before zipping), and a DOC, ODT, RTF, HTML and TXT converted by LibreOffice.
Mutations: bit flips, truncations, splices from other seeds, overwrites with drawn bytes,
duplicated slices. A failing case prints as the seed's name and a few numbers: `mutate(*case)` rebuilds the file.

By default a fixed number of examples runs deterministically (derandomize), in a few
seconds, as part of `make test`. For a longer, random run:

    FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest tests/faults/test_fuzz.py -s

which prints the outcome counts and, on a failure, the smallest input hypothesis found.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis_worker.extraction import ExtractionError
from analysis_worker.pipeline import analyse_document, extract_document
from analysis_worker.process_pool import CallTimeout, ProcessPool
from tests.helpers import hostile_files as hostile
from tests.helpers.support import FIXTURES
from tests.labeled.cases import converted_cases

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES") or 0)
EXAMPLES = FUZZ_EXAMPLES or 150
TIME_LIMIT = 5.0
MEMORY_LIMIT = 512 * 2**20

SEEDS: dict[str, bytes] = {
    **{path.stem: path.read_bytes() for path in sorted(FIXTURES.glob("*.pdf"))},
    "minimal.pdf": hostile.minimal_pdf(),
    "sample.docx": hostile.good_docx(),
    "document.xml": hostile.document_xml(),
    # The smallest LibreOffice conversion of each other format.
    **{f"converted.{extension}": min((case.content for case in converted_cases(extension)), key=len)
       for extension in ("doc", "odt", "rtf", "html", "txt")},
}
NAMES = sorted(SEEDS)


SCALE = 1_000_000  # positions are drawn as a share of the length, so a case reads as numbers
Mutation = tuple[str, int, int, int]


def mutations() -> st.SearchStrategy[tuple[str, list[Mutation]]]:
    """(seed name, mutations); each mutation is (kind, position, argument, other seed index)."""
    mutation = st.tuples(
        st.sampled_from(["flip", "truncate", "splice", "overwrite", "duplicate"]),
        st.integers(0, SCALE - 1), st.integers(0, 2**32 - 1), st.integers(0, len(NAMES) - 1))
    return st.tuples(st.sampled_from(NAMES), st.lists(mutation, min_size=1, max_size=4))


def mutate(name: str, steps: list[Mutation]) -> bytes:
    """The seed with the mutations applied, ready for extraction."""
    data = bytearray(SEEDS[name])
    for kind, share, argument, other in steps:
        at = share * len(data) // SCALE
        if kind == "flip" and data:
            data[at] ^= 1 << argument % 8
        elif kind == "truncate":
            del data[at:]
        elif kind == "splice":
            source = SEEDS[NAMES[other]]
            start = argument % len(source)
            data[at:at] = source[start:start + 1 + argument % 4096]
        elif kind == "overwrite":
            junk = argument.to_bytes(4, "little") * (1 + other)
            data[at:at + len(junk)] = junk
        elif kind == "duplicate":
            data[at:at] = data[at:at + 1 + argument % 8192]
    content = bytes(data)
    return hostile.docx_with_document_xml(content) if name == "document.xml" else content


async def outcome(pool: ProcessPool, content: bytes) -> str:
    """"analysed", "refused", "time limit" or "memory limit"; anything else raises."""
    try:
        document = await pool.run(TIME_LIMIT, extract_document, content, "", "", 50)
        result = await pool.run(TIME_LIMIT, analyse_document, document, "Python engineer", ("Python",))
    except ExtractionError as error:
        message = str(error)
        assert message[0].isupper() and message.endswith("."), message
        return "refused"
    except CallTimeout:
        return "time limit"
    except MemoryError:
        return "memory limit"
    assert isinstance(result, dict) and "score" in result
    return "analysed"


# Each example takes well under a second; the pool's limits bound the worst ones.
@pytest.mark.timeout(120 + EXAMPLES)
def test_mutated_resumes_end_in_an_analysis_or_a_clear_refusal(capsys: pytest.CaptureFixture[str]) -> None:
    loop = asyncio.new_event_loop()
    pool = ProcessPool(2, memory_limit=MEMORY_LIMIT, preload=("analysis_worker.pipeline",))
    counts: Counter[str] = Counter()
    started = time.monotonic()

    @settings(max_examples=EXAMPLES, derandomize=not FUZZ_EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(case=mutations())
    def check(case: tuple[str, list[Mutation]]) -> None:
        counts[loop.run_until_complete(outcome(pool, mutate(*case)))] += 1

    try:
        check()
    finally:
        pool.close()
        loop.close()
        with capsys.disabled():
            print(f"\n[fuzz] examples={sum(counts.values())} {dict(counts)} "
                  f"time={time.monotonic() - started:.1f}s "
                  f"({'random' if FUZZ_EXAMPLES else 'derandomized'}; FUZZ_EXAMPLES raises the count)")
