"""Spoken languages with CEFR levels, and certifications as entries, on generated resumes."""

from __future__ import annotations

import pytest

from analysis_worker.analysis import analyse
from analysis_worker.analysis.language_levels import cefr_level
from analysis_worker.extraction import ExtractedDocument, extract
from tests.helpers.docx_resumes import SAMPLE, build_docx


def sections(*lines: str) -> ExtractedDocument:
    return ExtractedDocument("pdf", "\n".join(["Dana Whitfield", "dana.whitfield@example.com", *lines]), 1, "", ())


def test_levels_of_a_languages_section():
    result = analyse(sections("Languages", "English (native), French (fluent), Spanish (professional",
                              "working proficiency)", "• German - B1", "• Italian: C2 (bilingual)", "• Polish"))
    assert [(language.name, language.level, language.proficiency) for language in result.spoken_languages] == [
        ("English", "native", "native"), ("French", "C1", "fluent"),
        ("Spanish", "B2", "professional working proficiency"), ("German", "B1", "B1"),
        ("Italian", "C2", "C2 (bilingual)"), ("Polish", "", "")]
    assert list(result.languages) == [language.name for language in result.spoken_languages]


@pytest.mark.parametrize(("written", "level"), [
    ("Native speaker", "native"), ("mother tongue", "native"), ("bilingual", "C2"), ("near-native", "C2"),
    ("full professional proficiency", "C1"), ("Fluent", "C1"), ("advanced", "C1"),
    ("professional working proficiency", "B2"), ("upper-intermediate", "B2"),
    ("limited working proficiency", "B1"), ("intermediate", "B1"), ("conversational", "B1"),
    ("pre-intermediate", "A2"), ("basic", "A2"), ("elementary proficiency", "A2"), ("beginner", "A1"),
    ("fluent (C2)", "C2"), ("b2", "B2"), ("good", ""), ("", "")])
def test_cefr_levels_of_words(written, level):
    assert cefr_level(written) == level


def test_certifications_as_entries():
    result = analyse(sections(
        "Certifications",
        "• AWS Certified Solutions Architect – Associate (2022)",
        "• Google Data Analytics Certificate — Coursera, 2020",
        "• PMP, issued by PMI · Mar 2019",
        "• Six Sigma Green Belt, American Society for Quality",
        "• CFA Level II",
        "Dana Whitfield"))  # the name of a page's sidebar, read after the section
    assert [(entry.name, entry.issuer, entry.year) for entry in result.certification_entries] == [
        ("AWS Certified Solutions Architect – Associate", "", 2022),
        ("Google Data Analytics Certificate", "Coursera", 2020),
        ("PMP", "PMI", 2019),
        ("Six Sigma Green Belt", "American Society for Quality", 0),
        ("CFA Level II", "", 0)]


def test_a_docx_resumes_languages_and_certifications():
    result = analyse(extract(build_docx(SAMPLE)))
    assert SAMPLE["languages"] == "English (native), Spanish (fluent)"
    assert [(language.name, language.level) for language in result.spoken_languages] == [
        ("English", "native"), ("Spanish", "C1")]
    assert [(entry.name, entry.year) for entry in result.certification_entries] == [
        ("AWS Certified Solutions Architect – Associate", 2021)]
