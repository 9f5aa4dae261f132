"""The benchmarks, each run from the repository root as `python -m tests.bench.<module>`.

They import the test helpers (support, labeled, docx_resumes) by the top-level names the
tests use, so the tests' folder goes on sys.path here, once, before any of them loads.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
for entry in (str(ROOT), str(TESTS)):
    if entry not in sys.path:
        sys.path.insert(0, entry)
