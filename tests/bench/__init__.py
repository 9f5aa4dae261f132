"""The benchmarks, each run from the repository root as `python -m tests.bench.<module>`."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
