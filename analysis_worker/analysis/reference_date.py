"""The date a resume is read against: what "present" means and where durations end.

A resume sent in years after it was written says "2019 - present" of a job that may have
ended long ago; its own modification date tells when "present" was, better than the day
it reached us. A caller who knows (an archive being imported) names the date outright."""

from __future__ import annotations

from datetime import date

from common.proto.resume.v1 import resume_pb2

# Before this no resume was written in a format we read: an earlier date is a clock left unset.
EARLIEST_DOCUMENT_DATE = date(1990, 1, 1)


def reference_date(requested: date | None, modified: date | None,
                   submitted: date) -> tuple[date, resume_pb2.ReferenceDateSource.ValueType]:
    """The request's date, else the document's when plausible (not after the submission,
    not before 1990), else the submission's."""
    if requested is not None:
        return requested, resume_pb2.REFERENCE_DATE_SOURCE_REQUEST
    if modified is not None and EARLIEST_DOCUMENT_DATE <= modified <= submitted:
        return modified, resume_pb2.REFERENCE_DATE_SOURCE_DOCUMENT
    return submitted, resume_pb2.REFERENCE_DATE_SOURCE_SUBMISSION
