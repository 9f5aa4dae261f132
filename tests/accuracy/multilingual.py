"""Accuracy on the multilingual set (tests/multilingual): German, French, Spanish,
Portuguese, Dutch and Italian resumes, development and held-out parts side by side.

    python -m tests.accuracy.multilingual [--details]

Beside the fields of evaluate.py, two figures:
- dates: the share of the truth's experience entries found (same employer, or same title
  where no employer is found) with both the start and the end month right;
- language: the share of documents whose detected language (ResumeAnalysis.language) is
  the truth's.
The held-out part (three people of each language, chosen by a hash of their key before
any analysis change, written into each truth) records no mismatch: only its figures are
printed. `--details` lists the development part's mismatches.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from analysis_worker.extraction import extract
from common.proto.resume.v1 import resume_pb2
from tests.accuracy.evaluate import PARTS, Report, Tally, _compare, format_reports, mismatches, text_key, timed_analysis

EXTRA = ("dates", "language")


def _dates(result: resume_pb2.ResumeAnalysis, expected: dict[str, Any]) -> tuple[int, list[Any]]:
    """How many of the truth's entries have their start and end right, and the others."""
    found: dict[str, list[tuple[str, str]]] = {}
    for job in result.experience:
        span = (job.start, "present" if job.current else job.end)
        for key in {text_key(job.company), text_key(job.title)} - {""}:
            found.setdefault(key, []).append(span)
    right, wrong = 0, []
    for job in expected["experience"]:
        spans = found.get(text_key(job["company"])) or found.get(text_key(job["title"])) or []
        if (job["start"], job["end"]) in spans:
            right += 1
        else:
            wrong.append((job["company"], job["start"], job["end"], spans))
    return right, wrong


def evaluate_multilingual(cases: Iterable[Any], today: date | None = None, record_mistakes: bool = True) -> Report:
    today = today or date.today()
    report = Report()
    report.tallies.update({name: Tally() for name in EXTRA})
    for case in cases:
        started = time.perf_counter()
        document = extract(case.content, file_name=case.file_name)
        report.extraction_ms_per_page.append(1000 * (time.perf_counter() - started) / max(document.pages, 1))
        result, milliseconds = timed_analysis(document, today)
        report.analysis_ms.append(milliseconds)
        compared = _compare(result, case.expected, today)
        right, wrong = _dates(result, case.expected)
        entries = len(case.expected["experience"])
        language = getattr(result, "language", "")
        # Shares as tallies: precision and recall are both the share right.
        for name, (matched, total, missed) in {
                "dates": (right, entries, wrong),
                "language": (int(language == case.expected["language"]), 1, [language])}.items():
            tally = report.tallies[name]
            tally.matched, tally.predicted, tally.expected = (tally.matched + matched, tally.predicted + total,
                                                              tally.expected + total)
            if record_mistakes and matched < total:
                report.mistakes.append((case.name, name, [], missed))
        for name, (found, wanted) in compared.items():
            false_positives, misses = report.tallies[name].add(found, wanted)
            if record_mistakes and (false_positives or misses):
                report.mistakes.append((case.name, name, false_positives, misses))
    return report


def evaluate_parts(today: date | None = None) -> dict[str, Report]:
    """Both parts; the held-out one records no mismatch."""
    from tests.multilingual.cases import multilingual_cases

    return {part: evaluate_multilingual(multilingual_cases(part), today, record_mistakes=part == PARTS[0])
            for part in PARTS}


def format_multilingual(reports: dict[str, Report], details: bool = False) -> str:
    """The fields of format_reports, then the dates and language shares of each part."""
    lines = [format_reports(reports), ""]
    lines.append(f"{'share right':<12}" + "".join(f"{part:>27}" for part in reports))
    for name in EXTRA:
        lines.append(f"{name:<12}" + "".join(
            f"{report.tallies[name].recall:>20.3f} ({report.tallies[name].matched}/{report.tallies[name].expected})"
            .rjust(27) for report in reports.values()))
    if details:
        lines += ["", mismatches(reports[PARTS[0]])]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list the development part's mismatches")
    arguments = parser.parse_args(argv)
    reports = evaluate_parts()
    print(format_multilingual(reports, arguments.details))
    return {part: report.figures() for part, report in reports.items()}


if __name__ == "__main__":
    main()
