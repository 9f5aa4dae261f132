"""Prints the reference date, skill months, management months, gaps, language levels,
certification entries and, with --evidence, the evidence of labeled resumes, as the README
shows them: `python -m tests.labeled.tenure_fields 22_ananya_iyer/docx:plain --gap-months 0`.
The reference date is fixed so that the output does not change with the day it is run."""

from __future__ import annotations

import argparse
from datetime import date

from analysis_worker.analysis import DEFAULT_GAP_MONTHS, analyse
from analysis_worker.extraction import extract
from common.proto.resume.v1 import resume_pb2
from tests.labeled.cases import labeled_cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case", nargs="+", help="case names, as tests.accuracy.evaluate prints them")
    parser.add_argument("--as-of", default="2025-06-30", help="the reference date, YYYY-MM-DD")
    parser.add_argument("--gap-months", type=int, default=DEFAULT_GAP_MONTHS, help="as GAP_MONTHS")
    parser.add_argument("--evidence", type=int, default=0, metavar="N", help="the first N values' evidence")
    args = parser.parse_args()
    cases = {case.name: case for case in labeled_cases()}
    for name in args.case:
        case = cases[name]
        result = analyse(extract(case.content, file_name=case.file_name),
                         as_of=date.fromisoformat(args.as_of), gap_months=args.gap_months)
        source = resume_pb2.ReferenceDateSource.Name(result.reference_date_source).rsplit("_", 1)[-1].lower()
        print(f"{name}: reference date {result.reference_date} ({source})")
        for job in result.experience:
            level = resume_pb2.SeniorityLevel.Name(job.seniority).removeprefix("SENIORITY_LEVEL_").lower()
            print(f"  {job.title}, {job.company}: {job.start} to {'present' if job.current else job.end}, {level}")
        gaps = ", ".join(f"{gap.start} to {gap.end} ({gap.months})" for gap in result.employment_gaps)
        print(f"  total {result.total_experience_years} years, management {result.management_months} months, "
              f"gaps over {args.gap_months} months: {gaps or 'none'}")
        print("  skills used in jobs: " + ", ".join(
            f"{skill.name} {skill.months_used} months (last {skill.last_used_year})"
            for skill in result.skills if skill.months_used))
        print("  languages: " + ", ".join(f"{language.name} {language.level or '?'} ({language.proficiency})"
                                          for language in result.spoken_languages))
        print("  certifications: " + (", ".join(
            f"{entry.name} / {entry.issuer or '-'} / {entry.year or '-'}" for entry in result.certification_entries)
            or "none"))
        for evidence in result.evidence[:args.evidence]:
            box = evidence.box
            where = f"page {evidence.page} [{box.left:.0f}, {box.top:.0f}, {box.right:.0f}, {box.bottom:.0f}]" \
                if evidence.HasField("box") else "no page"
            print(f"  {evidence.field}: {evidence.confidence:.2f}, {where}, {evidence.text!r}")


if __name__ == "__main__":
    main()
