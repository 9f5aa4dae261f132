"""Accuracy and speed of the analysis on the labeled set.

    python -m tests.accuracy.evaluate [--details] [--scans-only] [--ocr-dpi DPI] [--scan-dpi DPI]

Run from the root of a checkout: the labeled set lives with the tests (tests/labeled: truth
files and the generator that renders them into PDF and DOCX; tests/corpus: files rendered
by third-party templates and converters, stored with their truths), not in the shipped
packages. The tests call `evaluate()` for the same figures and hold floors on them
(tests/accuracy/test_accuracy.py).

Every case belongs to the development or the held-out part, by a hash of its `person`
key, fixed before any result was seen: a truth of tests/labeled (all its layouts fall on
one side), the one person of the RenderCV fixtures (all nine on one side), a rendering
of tests/corpus (a person's two renderings share content, not layout, and may fall on
different sides). Heuristics are tuned on the development part only; `--details` lists its
mismatches and never the held-out part's, whose figures are printed beside, and on which
the floors are checked.

A third set, "unseen (never inspected)", is a second population of the rendered corpus
(tests/corpus/unseen: other people, employers and schools, made after the heuristics)
that was never looked at file by file: only its aggregate figures are printed, its
mismatches are not even recorded, and its floors were set from one measurement.

A block measures the resumes in German, French, Spanish, Portuguese, Dutch and Italian of
tests/multilingual (tests/accuracy/multilingual.py), with the share of entries whose dates
are right and of documents whose language is detected.

A fourth block measures the template families of tests/families: resumes rendered
through real templates of five toolchains (LaTeX, Typst, HTML printed by Chromium and
WeasyPrint, Word/LibreOffice, Scribus). The development families are tuned on; the
held-out families ("unseen families", chosen before any tuning) are measured as a whole,
their mismatches not recorded. `--details` adds how many documents of each development
family miss a field.

Matching rules, per field (micro-averaged over all documents):
- name, location: one value; equal after Unicode normalisation, case folding and
  collapsing punctuation and spaces. A wrong value is both a false positive and a miss.
- email: case-insensitive equality.
- phone: the digits of the E.164 form ("+44 20 7946 0958" and "+442079460958" agree).
- links: lower-cased without scheme, "www." and trailing slash; mailto: links excluded.
- experience entry: title, company, start and end all equal (text normalised as for the
  name, dates as "YYYY-MM"/"YYYY", a current position's end as "present").
- company, title, institution: each field of the entries on its own, as a multiset of
  normalised texts per document (an entry with the right company but a wrong date still
  counts its company); empty values are not counted as found.
- education entry: institution (normalised), degree level and year of the end date.
- skills: canonical names; the truth's skills are mapped through the taxonomy, and a
  skill the taxonomy does not know stays as written, so it counts as missed. Precision
  only over files whose truth lists every skill they name ("skills_complete", true
  unless a truth says otherwise): elsewhere a found skill outside the truth proves nothing.
- years of experience: right when within one year of the truth's date ranges (overlaps
  counted once, an open range ending this month); precision over the documents the
  analysis gave a figure for, recall over those whose truth has one.
The last blocks read scans by OCR: of the labeled set (tests/labeled/scans.py), as one
part; and of the template families at 200 DPI (tests/families/scans.py: two PDFs of each
development family, every held-out one), beside the same documents born-digital, so that
what scanning costs each field shows. The held-out families' scans record no mismatch
either.
Timings: analysis alone (after extraction) per document, median of several runs; and
extraction time divided by the pages of the document.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from analysis_worker.analysis import analyse
from analysis_worker.analysis.skills import canonical_skill
from analysis_worker.document import DEFAULT_OCR, ExtractedDocument, OcrOptions
from analysis_worker.extraction import extract
from common.proto.resume.v1 import resume_pb2

FIELDS = ("name", "email", "phone", "links", "location", "experience", "company", "title", "education",
          "institution", "skills", "years")
PARTS = ("development", "held-out")
UNSEEN = "unseen (never inspected)"
# The template families of tests/families: those tuned on, and those held out (never inspected).
FAMILY_PARTS = ("development families", "unseen families")
# Each family part's scans, beside it.
SCANNED = {part: f"{part.split()[0]}, scanned" for part in FAMILY_PARTS}
CORPUS_PREFIX = "corpus/"  # names of the cases of tests/corpus
UNSEEN_PREFIX = "unseen/"  # names of the cases of tests/corpus/unseen
# One person in three is held out.
_HELD_OUT_SHARE = 3
# Analysis runs per document for the timing: the median of a few runs is stable.
_RUNS = 5
_LEVELS = {
    "high_school": resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "associate": resume_pb2.DEGREE_LEVEL_ASSOCIATE,
    "bachelor": resume_pb2.DEGREE_LEVEL_BACHELOR, "master": resume_pb2.DEGREE_LEVEL_MASTER,
    "doctorate": resume_pb2.DEGREE_LEVEL_DOCTORATE, "certificate": resume_pb2.DEGREE_LEVEL_CERTIFICATE,
}


@dataclass
class Tally:
    matched: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, found: Iterable[Any], wanted: Iterable[Any]) -> tuple[list[Any], list[Any]]:
        """Counts one document; returns (false positives, misses)."""
        found_counts, wanted_counts = Counter(found), Counter(wanted)
        common = found_counts & wanted_counts
        self.matched += sum(common.values())
        self.predicted += sum(found_counts.values())
        self.expected += sum(wanted_counts.values())
        return list((found_counts - common).elements()), list((wanted_counts - common).elements())

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in FIELDS})
    analysis_ms: list[float] = field(default_factory=list)
    extraction_ms_per_page: list[float] = field(default_factory=list)
    # (case, field, false positives, misses) of every document that is not perfect
    mistakes: list[tuple[str, str, list[Any], list[Any]]] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {
            "fields": {name: {"precision": tally.precision, "recall": tally.recall, "f1": tally.f1,
                              "matched": tally.matched, "predicted": tally.predicted, "expected": tally.expected}
                       for name, tally in self.tallies.items()},
            "documents": len(self.extraction_ms_per_page),
            "analysis_ms_median": statistics.median(self.analysis_ms),
            "extraction_ms_per_page_median": statistics.median(self.extraction_ms_per_page),
        }


def text_key(value: str) -> str:
    """Text compared without case, accents' encoding, punctuation or spacing differences."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return " ".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def link_key(url: str) -> str:
    url = url.strip().lower().split("://", 1)[-1].removeprefix("www.")
    return url.rstrip("/")


def digits(phone: str) -> str:
    return "".join(ch for ch in phone if ch.isdigit())


def skill_key(name: str) -> str:
    return (canonical_skill(name) or name).casefold()


def _month(value: str, *, end: bool, today: date) -> int | None:
    if value == "present":
        return today.year * 12 + today.month - 1
    if not value:
        return None
    year, _, month = value.partition("-")
    return int(year) * 12 + (int(month) if month else (12 if end else 1)) - 1


def truth_years(experience: Sequence[dict[str, str]], today: date) -> float:
    """Years covered by the truth's date ranges, each month counted once."""
    months: set[int] = set()
    for job in experience:
        start, end = _month(job["start"], end=False, today=today), _month(job["end"], end=True, today=today)
        if start is not None and end is not None:
            months.update(range(start, end + 1))
    return len(months) / 12


def nonempty(values: Iterable[str]) -> list[str]:
    return [value for value in values if value]


def split_of(person: str) -> str:
    """The part a person's cases belong to: stable across runs and machines."""
    digest = hashlib.sha256(person.encode("utf-8")).digest()
    return PARTS[1] if digest[0] % _HELD_OUT_SHARE == 0 else PARTS[0]


def _compare(result: resume_pb2.ResumeAnalysis, expected: dict[str, Any],
             today: date) -> dict[str, tuple[list[Any], list[Any]]]:
    """(found, wanted) keys per field for one document."""
    contact = result.contact

    def single(value: str) -> list[str]:
        return [text_key(value)] if value.strip() else []

    found_skills = sorted({skill.name.casefold() for skill in result.skills})
    wanted_skills = sorted({skill_key(name) for name in expected["skills"]})
    found_years = [result.total_experience_years] if result.total_experience_years else []
    wanted_years = truth_years(expected["experience"], today)
    right = bool(found_years) and abs(found_years[0] - wanted_years) <= 1.0
    return {
        "name": (single(contact.name), single(expected["name"])),
        "email": ([email.lower() for email in contact.emails], [email.lower() for email in expected["emails"]]),
        "phone": ([digits(phone) for phone in contact.phones], [digits(phone) for phone in expected["phones"]]),
        "links": ([link_key(link.url) for link in contact.links if not link.url.lower().startswith("mailto:")],
                  [link_key(url) for url in expected["links"]]),
        "location": (single(contact.location), single(expected["location"])),
        "experience": ([(text_key(job.title), text_key(job.company), job.start, "present" if job.current else job.end)
                        for job in result.experience],
                       [(text_key(job["title"]), text_key(job["company"]), job["start"], job["end"])
                        for job in expected["experience"]]),
        "company": (nonempty(text_key(job.company) for job in result.experience),
                    nonempty(text_key(job["company"]) for job in expected["experience"])),
        "title": (nonempty(text_key(job.title) for job in result.experience),
                  nonempty(text_key(job["title"]) for job in expected["experience"])),
        "institution": (nonempty(text_key(school.institution) for school in result.education),
                         nonempty(text_key(school["institution"]) for school in expected["education"])),
        "education": ([(text_key(school.institution), school.degree_level, school.end[:4])
                       for school in result.education],
                      [(text_key(school["institution"]), _LEVELS[school["level"]], school["end"][:4])
                       for school in expected["education"]]),
        "skills": (found_skills if expected.get("skills_complete", True) else
                   [skill for skill in found_skills if skill in wanted_skills], wanted_skills),
        # Only agreement matters for a figure: a right one is matched, a wrong one is both
        # a false positive and a miss.
        "years": (["right" if right else round(found_years[0], 1)] if found_years else [],
                  ["right" if right else round(wanted_years, 1)] if wanted_years else []),
    }


def evaluate(
    cases: Iterable[Any], today: date | None = None, record_mistakes: bool = True, ocr: OcrOptions = DEFAULT_OCR,
    processes: int = 1,
) -> Report:
    """Runs extraction and analysis on each case (objects with name, file_name, content
    and expected, as tests/labeled/cases.py makes them) and tallies every field; without
    record_mistakes only the tallies are kept, so that no mismatch can be shown."""
    today = today or date.today()
    report = Report()
    cases = list(cases)
    # OCR costs seconds a page: scans are read by several processes.
    with ProcessPoolExecutor(processes) if processes > 1 else nullcontext() as pool:
        extracted = (pool.map if pool else map)(_timed_extraction, cases, [ocr] * len(cases))
        for case, (document, extraction_ms) in zip(cases, extracted, strict=True):
            report.extraction_ms_per_page.append(extraction_ms / max(document.pages, 1))
            _tally(report, case, document, today, record_mistakes)
    return report


def _timed_extraction(case: Any, ocr: OcrOptions) -> tuple[ExtractedDocument, float]:
    started = time.perf_counter()
    document = extract(case.content, file_name=case.file_name, ocr=ocr)
    return document, 1000 * (time.perf_counter() - started)


def timed_analysis(document: ExtractedDocument, today: date) -> tuple[resume_pb2.ResumeAnalysis, float]:
    """The analysis of `document` and its time in milliseconds, the median of a few runs.
    The truth's "present" is `today`: the analysis is read against the same date."""
    timings = []
    for _ in range(_RUNS):
        started = time.perf_counter()
        result = analyse(document, as_of=today)
        timings.append(1000 * (time.perf_counter() - started))
    return result, statistics.median(timings)


def _tally(report: Report, case: Any, document: ExtractedDocument, today: date, record_mistakes: bool) -> None:
    result, milliseconds = timed_analysis(document, today)
    report.analysis_ms.append(milliseconds)
    for name, (found, wanted) in _compare(result, case.expected, today).items():
        false_positives, misses = report.tallies[name].add(found, wanted)
        if record_mistakes and (false_positives or misses):
            report.mistakes.append((case.name, name, false_positives, misses))


def evaluate_parts(cases: Iterable[Any], today: date | None = None) -> dict[str, Report]:
    """One report per part (see split_of), keyed by the case's `person`."""
    grouped: dict[str, list[Any]] = {part: [] for part in PARTS}
    for case in cases:
        grouped[split_of(case.person)].append(case)
    return {part: evaluate(part_cases, today) for part, part_cases in grouped.items()}


def load_cases() -> list[Any]:
    """The labeled set from tests/labeled and the corpus from tests/corpus (see the module docstring)."""
    from tests.corpus.cases import corpus_cases
    from tests.labeled.cases import labeled_cases

    return labeled_cases() + corpus_cases()


def load_unseen_cases() -> list[Any]:
    """The unseen population of tests/corpus/unseen, apart from both parts."""
    from tests.corpus.cases import unseen_cases

    return unseen_cases()


def evaluate_all(cases: Iterable[Any], today: date | None = None) -> dict[str, Report]:
    """The parts of the cases (evaluate_parts) and, beside them, the unseen set, whose
    mismatches are not recorded."""
    return {**evaluate_parts(cases, today), UNSEEN: evaluate(load_unseen_cases(), today, record_mistakes=False)}


def evaluate_families(today: date | None = None) -> dict[str, Report]:
    """The development template families and, beside them, the held-out ones, whose
    mismatches are not recorded (tests/families)."""
    from tests.families.cases import family_cases

    return {FAMILY_PARTS[0]: evaluate(family_cases(held_out=False), today),
            FAMILY_PARTS[1]: evaluate(family_cases(held_out=True), today, record_mistakes=False)}


def per_family(report: Report) -> str:
    """How many documents of each family of a report have a mismatch in a main field (the
    development families only: the held-out ones record none)."""
    names = sorted({case.split("/")[1] for case, *_ in report.mistakes})
    shown = ("name", "phone", "company", "title", "institution", "skills")
    lines = [f"{'family':<28}" + "".join(f"{name:>12}" for name in shown)]
    for family in names:
        wrong = Counter(name for case, name, *_ in report.mistakes if case.split("/")[1] == family)
        lines.append(f"{family:<28}" + "".join(f"{wrong[name]:>12}" for name in shown))
    return "Documents with a mismatch, per development family:\n" + "\n".join(lines)


def evaluate_family_scans(dpi: int, ocr: OcrOptions = DEFAULT_OCR) -> dict[str, Report]:
    """Each family part's chosen PDFs born-digital and, beside them, the same documents
    scanned at `dpi` and read by OCR (tests/families/scans.py)."""
    from tests.families.scans import family_scans

    reports = {}
    for part, held_out in zip(FAMILY_PARTS, (False, True), strict=True):
        digital, scans = family_scans(held_out, dpi)
        reports[part] = evaluate(digital, record_mistakes=not held_out)
        reports[SCANNED[part]] = evaluate(scans, record_mistakes=not held_out, ocr=ocr,
                                          processes=os.cpu_count() or 1)
    return reports


def load_scan_cases() -> list[Any]:
    """Scans made from the labeled set (tests/labeled/scans.py), read by OCR."""
    from tests.labeled.scans import scan_cases

    return scan_cases()


def format_reports(reports: dict[str, Report], details: bool = False) -> str:
    """The parts side by side: precision, recall and F1 of each, then counts and timings."""
    figures = {part: report.figures() for part, report in reports.items()}
    header = f"{'':<12}" + "".join(f"{part:^27}" for part in figures)
    lines = [header, f"{'field':<12}" + f"{'precision':>10}{'recall':>9}{'F1':>8}" * len(figures)]
    for name in FIELDS:
        lines.append(f"{name:<12}" + "".join(
            f"{values['precision']:>10.3f}{values['recall']:>9.3f}{values['f1']:>8.3f}"
            for values in (part["fields"][name] for part in figures.values())))
    lines.append("")
    for part, values in figures.items():
        lines.append(f"{part}: {values['documents']} documents; analysis after extraction: median "
                     f"{values['analysis_ms_median']:.2f} ms per resume; extraction: median "
                     f"{values['extraction_ms_per_page_median']:.1f} ms per page")
    if details:
        # The development part's alone: the held-out and unseen sets are only measured.
        lines += ["", mismatches(next(iter(reports.values())))]
    return "\n".join(lines)


def mismatches(report: Report) -> str:
    """Every mismatch a report recorded, a line each."""
    return "\n".join(f"{case}  {name}: unexpected {found} missed {missed}"
                     for case, name, found, missed in report.mistakes)


def main(argv: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true",
                        help="list every mismatch per document of the development part")
    parser.add_argument("--ocr-dpi", type=int, default=DEFAULT_OCR.dpi,
                        help="resolution the scans' pages are rendered at for OCR")
    parser.add_argument("--scan-dpi", type=int, default=200,
                        help="resolution the template families are scanned at")
    parser.add_argument("--scans-only", action="store_true", help="evaluate the scans alone")
    arguments = parser.parse_args(argv)
    # The scans as blocks of their own: they test OCR, and the born-digital parts keep their figures.
    ocr = OcrOptions(dpi=arguments.ocr_dpi)
    scans = {"scans": evaluate(load_scan_cases(), ocr=ocr, processes=os.cpu_count() or 1)}
    family_scans = evaluate_family_scans(arguments.scan_dpi, ocr)
    scan_blocks = (f"Scans of the labeled set, read by OCR at {arguments.ocr_dpi} DPI (tests/labeled/scans.py):\n"
                   f"{format_reports(scans, arguments.details)}\n\n"
                   f"Template families born-digital and scanned at {arguments.scan_dpi} DPI, the same documents "
                   f"(tests/families/scans.py):\n{format_reports(family_scans)}")
    if arguments.details:
        scan_blocks += f"\n\n{mismatches(family_scans[SCANNED[FAMILY_PARTS[0]]])}"
    if arguments.scans_only:
        print(scan_blocks)
        return {part: report.figures() for part, report in {**scans, **family_scans}.items()}
    cases = load_cases()
    reports = evaluate_all(cases)
    print(format_reports(reports, arguments.details))
    # The rendered corpus alone: the layouts no heuristic here was written for (the
    # unseen set is all of the rendered corpus, so its report is the same).
    corpus = {**evaluate_parts(case for case in cases if case.name.startswith(CORPUS_PREFIX)),
              UNSEEN: reports[UNSEEN]}
    print(f"\nThe rendered corpus alone (tests/corpus):\n{format_reports(corpus)}")
    families = evaluate_families()
    print(f"\nTemplate families (tests/families), development and held out:\n"
          f"{format_reports(families, arguments.details)}")
    if arguments.details:
        print(per_family(families[FAMILY_PARTS[0]]))
    from tests.accuracy.multilingual import evaluate_parts as multilingual_parts
    from tests.accuracy.multilingual import format_multilingual

    multilingual = multilingual_parts()
    print(f"\nGerman, French, Spanish, Portuguese, Dutch and Italian resumes (tests/multilingual), development "
          f"and held out:\n{format_multilingual(multilingual, arguments.details)}")
    print(f"\n{scan_blocks}")
    return {part: report.figures() for part, report in {**reports, **families}.items()}


if __name__ == "__main__":
    main()
