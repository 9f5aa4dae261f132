"""The reference date, skills with the months they were used, management months and gaps,
on resumes generated for each case."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

import pypdf
import pytest

from analysis_worker.analysis import analyse
from analysis_worker.analysis.tenure import is_management
from analysis_worker.extraction import ExtractedDocument, extract
from common.proto.resume.v1 import resume_pb2
from common.reference_dates import parse_as_of
from tests.helpers.docx_resumes import SAMPLE, build_docx
from tests.labeled.text_layer_pdf import text_layer_pdf

SUBMITTED = date(2025, 6, 15)


def resume(*jobs: tuple[str, str, list[str]]) -> ExtractedDocument:
    """A resume of (title line, dates, highlights) jobs under an Experience heading."""
    lines = ["Dana Whitfield", "dana.whitfield@example.com", "", "Experience"]
    for title, dates, highlights in jobs:
        lines += [f"{title} | {dates}", *(f"• {highlight}" for highlight in highlights)]
    return ExtractedDocument("pdf", "\n".join(lines), 1, "", ())


def read(document: ExtractedDocument, **options: object) -> resume_pb2.ResumeAnalysis:
    return analyse(document, submitted=SUBMITTED, **options)


def test_overlapping_ranges_are_counted_once():
    result = read(resume(("Backend Engineer, Acme Corp", "Jan 2018 - Dec 2020", ["Built billing in Python"]),
                         ("Consultant, Foo Labs", "Jan 2020 - Jun 2021", ["Advised on Python services"])))
    assert result.total_experience_years == 3.5  # 2018-01 to 2021-06: 42 months, 2020 once
    python = next(skill for skill in result.skills if skill.name == "Python")
    assert (python.months_used, python.last_used_year) == (42, 2021)


def test_a_skill_in_two_jobs_adds_their_months_and_keeps_the_last_year():
    result = read(resume(("Data Engineer, Acme Corp", "Mar 2015 - Feb 2017", ["Pipelines in Scala and SQL"]),
                         ("Data Engineer, Beta Systems", "Jan 2019 - Dec 2019", ["Reports in SQL"]),
                         ("Analyst, Gamma Group", "Jan 2012 - Dec 2012", ["Dashboards in Excel"])))
    skills = {skill.name: (skill.months_used, skill.last_used_year) for skill in result.skills}
    assert skills["SQL"] == (24 + 12, 2019)
    assert skills["Scala"] == (24, 2017)
    assert skills["Excel"] == (12, 2012)


def test_a_skill_of_the_skills_section_alone_has_no_months():
    document = resume(("Engineer, Acme Corp", "2019 - 2020", ["Wrote services in Go"]))
    document = ExtractedDocument("pdf", document.text + "\nSkills\nRust, Go", 1, "", ())
    skills = {skill.name: (skill.months_used, skill.last_used_year) for skill in read(document).skills}
    assert skills["Rust"] == (0, 0)
    assert skills["Go"] == (24, 2020)


@pytest.mark.parametrize(("gap_months", "reported"), [(6, True), (7, False)])
def test_a_gap_is_reported_when_longer_than_gap_months(gap_months, reported):
    # Dec 2019 to Aug 2020: January to July 2020 without a job, seven months.
    document = resume(("Engineer, Acme Corp", "Jan 2018 - Dec 2019", ["Python"]),
                      ("Engineer, Beta Systems", "Aug 2020 - Present", ["Python"]))
    gaps = read(document, gap_months=gap_months).employment_gaps
    if reported:
        assert [(gap.start, gap.end, gap.months) for gap in gaps] == [("2020-01", "2020-07", 7)]
    else:
        assert not gaps


def test_a_gap_covered_by_a_third_job_is_no_gap():
    document = resume(("Engineer, Acme Corp", "Jan 2010 - Dec 2011", []),
                      ("Engineer, Beta Systems", "Jan 2015 - Dec 2016", []),
                      ("Freelance Developer, Self", "Jun 2011 - Mar 2015", []))
    assert not read(document, gap_months=0).employment_gaps


def test_management_months_count_management_titles_once():
    result = read(resume(("Engineering Manager, Acme Corp", "Jan 2020 - Dec 2021", []),
                         ("Head of Data, Acme Corp", "Jan 2021 - Jun 2022", []),
                         ("Senior Engineer, Beta Systems", "Jan 2016 - Dec 2019", [])))
    assert result.management_months == 30


@pytest.mark.parametrize(("title", "manages"), [
    ("Tech Lead", True), ("VP Engineering", True), ("Vice President, Sales", True), ("CTO", True),
    ("Director of Product", True), ("Principal Engineer", False), ("Co-Founder", False), ("Data Analyst", False)])
def test_management_titles(title, manages):
    assert is_management(title) is manages


def test_present_runs_to_an_as_of_in_the_past():
    document = resume(("Engineer, Acme Corp", "Jan 2018 - Present", ["Java"]))
    result = read(document, as_of=date(2019, 12, 31))
    assert (result.reference_date, result.reference_date_source) == (
        "2019-12-31", resume_pb2.REFERENCE_DATE_SOURCE_REQUEST)
    assert result.total_experience_years == 2.0
    java = next(skill for skill in result.skills if skill.name == "Java")
    assert (java.months_used, java.last_used_year) == (24, 2019)
    # Without a date the day of submission is "present".
    assert read(document).total_experience_years == 7.5
    assert read(document).reference_date_source == resume_pb2.REFERENCE_DATE_SOURCE_SUBMISSION


def pdf_modified_on(moment: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(text_layer_pdf(
        ["Dana Whitfield", "dana.whitfield@example.com", "Experience", "Engineer, Acme Corp | Jan 2018 - Present",
         "• Built services in Python"])))
    writer.add_metadata({"/ModDate": moment})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdfs_modification_date_is_the_reference():
    document = extract(pdf_modified_on("D:20200315120000Z"), file_name="cv.pdf")
    assert document.modified == date(2020, 3, 15)
    result = read(document)
    assert (result.reference_date, result.reference_date_source) == (
        "2020-03-15", resume_pb2.REFERENCE_DATE_SOURCE_DOCUMENT)
    assert result.total_experience_years == 2.2  # Jan 2018 to Mar 2020


@pytest.mark.parametrize("moment", ["D:19850101000000Z", "D:20300101000000Z", "D:garbage"])
def test_an_implausible_modification_date_is_ignored(moment):
    result = read(extract(pdf_modified_on(moment), file_name="cv.pdf"))
    assert (result.reference_date, result.reference_date_source) == (
        SUBMITTED.isoformat(), resume_pb2.REFERENCE_DATE_SOURCE_SUBMISSION)


def test_a_docx_modification_date_is_the_reference():
    document = extract(build_docx(SAMPLE, modified=datetime(2021, 9, 1, 8, 0, tzinfo=UTC)))
    assert document.modified == date(2021, 9, 1)
    assert read(document).reference_date == "2021-09-01"
    assert read(document, as_of=date(2022, 1, 1)).reference_date == "2022-01-01"  # the request wins


@pytest.mark.parametrize(("text", "message"), [
    ("2024-02-30", "not a date of the calendar"), ("15/06/2025", "YYYY-MM-DD"), ("2025-6-1", "YYYY-MM-DD"),
    ("2025-06-17", "in the future")])
def test_as_of_is_checked(text, message):
    with pytest.raises(ValueError, match=message):
        parse_as_of(text, SUBMITTED)


def test_as_of_may_be_tomorrow():
    assert parse_as_of((SUBMITTED + timedelta(days=1)).isoformat(), SUBMITTED) == date(2025, 6, 16)
