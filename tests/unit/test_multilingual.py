"""The six languages' vocabulary, generated from the test set's pools (tests/multilingual/people.py):
month names and abbreviations in ranges, "present" words, headings, degree levels,
phones in national formats, and language detection."""

import pytest

from analysis_worker.analysis import analyse
from analysis_worker.analysis.contact import extract_contact
from analysis_worker.analysis.dates import find_span
from analysis_worker.analysis.education import find_degree
from analysis_worker.analysis.languages import FOREIGN, LEGAL_FORMS, country_of, detect_language
from analysis_worker.analysis.sections import heading_kind
from analysis_worker.extraction import ExtractedDocument
from common.proto.resume.v1 import resume_pb2
from tests.multilingual.people import DATE_STYLES, POOLS, people, written_span

_LEVELS = {"high_school": resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "associate": resume_pb2.DEGREE_LEVEL_ASSOCIATE,
           "bachelor": resume_pb2.DEGREE_LEVEL_BACHELOR, "master": resume_pb2.DEGREE_LEVEL_MASTER,
           "doctorate": resume_pb2.DEGREE_LEVEL_DOCTORATE}
_STYLE = {"separator": " – ", "present": ""}


@pytest.mark.parametrize("language", sorted(POOLS))
@pytest.mark.parametrize("style", [style for style in DATE_STYLES if style != "year"])
def test_every_month_in_a_range(language: str, style: str) -> None:
    for month in range(1, 13):
        start, end = f"2019-{month:02d}", f"2021-{13 - month:02d}"
        span = find_span(written_span(start, end, POOLS[language], {**_STYLE, "dates": style}))
        assert span is not None and (span.start, span.end) == (start, end), (language, style, month)


@pytest.mark.parametrize("language", sorted(POOLS))
def test_present_words_end_an_open_range(language: str) -> None:
    for word in POOLS[language].present:
        for start in ("03/2020", "2019", f"{POOLS[language].months[2]} 2020"):
            span = find_span(f"{start} – {word}")
            assert span is not None and span.current and span.start.startswith(("2020", "2019")), (start, word)


@pytest.mark.parametrize("text", ["seit 03/2020", "depuis mars 2020", "desde marzo 2020", "sinds maart 2020",
                                  "März 2020 bis heute", "août 2019 à décembre 2021", "enero de 2020 - presente"])
def test_connectors(text: str) -> None:
    span = find_span(text)
    assert span is not None and span.start in ("2020-03", "2019-08", "2020-01")


@pytest.mark.parametrize("language", sorted(POOLS))
def test_headings(language: str) -> None:
    pools = POOLS[language]
    for variant in pools.headings:
        for kind, heading in variant.items():
            assert heading_kind(heading) == kind, heading
            assert heading_kind(heading.upper()) == kind, heading
    assert heading_kind(pools.europass["experience"].upper()) == "experience"
    assert heading_kind(pools.europass["education"].upper()) == "education"
    assert heading_kind(pools.europass["personal"].upper()) == "contact"


@pytest.mark.parametrize("language", sorted(POOLS))
def test_degree_levels(language: str) -> None:
    for degree, level in POOLS[language].degrees:
        found = find_degree(degree)
        assert found is not None and found[0] == _LEVELS[level], degree


def test_driving_licence_is_no_degree() -> None:
    assert find_degree("Full UK driving licence") is None


@pytest.mark.parametrize("truth", people()[::3], ids=lambda truth: truth["key"])
def test_national_phone_read_in_the_language_country(truth: dict) -> None:
    # No location to tell the country: the language does.
    found = extract_contact([truth["name"], truth["phone"]], "", "", (), language=truth["language"])
    assert list(found.contact.phones) == [truth["phone_e164"]]


def test_country_of() -> None:
    assert [country_of(code) for code in FOREIGN] == ["DE", "FR", "ES", "PT", "NL", "IT"]
    assert country_of("en") is None


@pytest.mark.parametrize("truth", people(), ids=lambda truth: truth["key"])
def test_language_detected(truth: dict) -> None:
    text = "\n".join([truth["summary"], *(line for job in truth["experience"] for line in job["highlights"])])
    assert detect_language(text) == truth["language"]


def test_english_stays_english() -> None:
    text = ("Built data pipelines in Python for the finance team and led the migration to AWS. "
            "Worked with Juan de la Cruz and Marie du Pont at Banco de Bogotá in the Sales department.")
    assert detect_language(text) == "en"
    assert detect_language("") == ""


@pytest.mark.parametrize("form", sorted(LEGAL_FORMS | {"Inc.", "LLC", "Ltd"}))
def test_a_legal_form_after_a_comma_stays_with_its_company(form: str) -> None:
    # "Douro Logística, Lda." is one employer, not an employer and a place.
    company = f"Tejo Sistemas, {form[:1].upper()}{form[1:]}"
    text = "\n".join(["Beatriz Santos", "", "Experience", f"Data Analyst | {company} | 03/2019 - 05/2022",
                      "• Built the monthly reports in SQL"])
    result = analyse(ExtractedDocument("pdf", text, 1, "", ()))
    assert [job.company for job in result.experience] == [company]
