"""The CPU-bound steps of a job, run inside the worker's process pool.

The parsers and the analysis are imported inside the functions: the worker's main
process refers to these functions but never runs them, and is spared the memory of
pypdf, python-docx and lxml. The pool's processes import them ahead (PRELOAD).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from analysis_worker.document import DEFAULT_OCR, ExtractedDocument, OcrOptions

if TYPE_CHECKING:  # the message types only: the main process spares protobuf's parsers
    from common.proto.resume.v1 import resume_pb2

PRELOAD = ("analysis_worker.extraction", "analysis_worker.analysis", "analysis_worker.analysis.redaction",
           "google.protobuf.json_format")


def prepare(ocr: OcrOptions) -> None:
    """Loads, in a pool process before its first job, what jobs may need beyond the
    modules: the OCR engine when OCR is on, so that the first scan a process reads costs
    what the next ones do, and no job's time limit counts the load."""
    if ocr.enabled:
        from analysis_worker.extraction.ocr import load_engine

        load_engine()


def extract_document(
    content: bytes, mime_type: str, file_name: str, max_pages: int, ocr: OcrOptions = DEFAULT_OCR
) -> ExtractedDocument:
    from analysis_worker.extraction import extract

    return extract(content, mime_type, file_name, max_pages=max_pages, ocr=ocr)


def analyse_document(
    document: ExtractedDocument, job_description: str, required_skills: Sequence[str],
    as_of: date | None = None, submitted: date | None = None, gap_months: int = 6,
) -> dict[str, Any]:
    """The analysis as the JSON the job returns: proto3 JSON names, every field present,
    so that Node.js readers of the job and of the cache see a stable shape."""
    return _json(_analysis(document, job_description, required_skills, as_of, submitted, gap_months))


def _analysis(
    document: ExtractedDocument, job_description: str, required_skills: Sequence[str],
    as_of: date | None, submitted: date | None, gap_months: int,
) -> resume_pb2.ResumeAnalysis:
    from analysis_worker.analysis import analyse

    return analyse(document, job_description=job_description, required_skills=required_skills,
                   as_of=as_of, submitted=submitted, gap_months=gap_months)


def _json(analysis: resume_pb2.ResumeAnalysis) -> dict[str, Any]:
    from google.protobuf import json_format

    return json_format.MessageToDict(analysis, always_print_fields_with_no_presence=True)


@dataclass(frozen=True)
class Analysed:
    analysis: dict[str, Any]  # as analyse_document returns it
    pages: int
    # When the steps began and ended, by the wall clock that the worker's trace spans share.
    started_ns: int
    extracted_ns: int
    analysed_ns: int
    # Redaction.to_json() when the job asked for a redacted copy, else None.
    redaction: dict[str, Any] | None = None

    @property
    def extraction_seconds(self) -> float:
        return (self.extracted_ns - self.started_ns) / 1e9


def extract_and_analyse(
    content: bytes, mime_type: str, file_name: str, max_pages: int,
    job_description: str, required_skills: Sequence[str], ocr: OcrOptions = DEFAULT_OCR,
    as_of: date | None = None, submitted: date | None = None, gap_months: int = 6, redact: bool = False,
) -> Analysed:
    """One job's whole CPU-bound work in one call: the document never travels back to
    the worker's main process, which only needs the analysis (and its redacted copy: the
    text it is made from stays here too)."""
    started = time.time_ns()
    document = extract_document(content, mime_type, file_name, max_pages, ocr)
    extracted = time.time_ns()
    analysis = _analysis(document, job_description, required_skills, as_of, submitted, gap_months)
    analysed = time.time_ns()
    redaction = None
    if redact:
        from analysis_worker.analysis.redaction import redaction_of

        redaction = redaction_of(document, analysis).to_json()
    return Analysed(_json(analysis), document.pages, started, extracted, analysed, redaction)
