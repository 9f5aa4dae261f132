"""Evidence: the line, page and box each value was read from, and its confidence; on
documents built for each way a value can be written, and on resumes."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from analysis_worker.analysis import analyse
from analysis_worker.analysis.evidence import located
from analysis_worker.document import PAGE_SEPARATOR, ExtractedDocument, Span, StyledLine
from common.proto.resume.v1 import resume_pb2
from tests.labeled.cases import labeled_cases

PEOPLE = [("Ana Ferreira", "Northwind Analytics", "Data Engineer"),
          ("Tomás Ruiz", "Blue Harbor Logistics", "Operations Manager"),
          ("Mei Lin Chen", "Cobalt Health GmbH", "Product Designer")]


def _document(lines: list[str], *, laid_out: bool = True, size: float = 10.0) -> ExtractedDocument:
    """A PDF's lines, one every 14 points, set at `size` with 5 points a character; or, not
    laid out, the same text as a DOCX gives it."""
    styled = tuple(StyledLine(text, 1, 50.0 + 14 * n, 40.0, 40.0 + 5 * len(text), (Span(text, size, False, False),))
                   for n, text in enumerate(lines))
    return ExtractedDocument("pdf" if laid_out else "docx", "\n".join(lines), 1, "", (),
                             lines=styled if laid_out else ())


def _field(found: list, path: str):
    return next(item for item in found if item.field == path)


@pytest.mark.parametrize(("name", "company", "title"), PEOPLE)
def test_a_title_repeated_in_the_header_is_placed_at_its_entry(name: str, company: str, title: str) -> None:
    lines = [name, title, "Summary", f"{title} with eight years of practice.", "Experience", title,
             f"{company} | 2019 – Present", "• Built the pipelines"]
    result = resume_pb2.ResumeAnalysis(experience=[resume_pb2.Experience(
        title=title, company=company, start="2019", current=True)])
    found = located(result, _document(lines))
    assert _field(found, "experience[0].title").place.text == title
    assert lines.index(title, 2) == 5  # the entry's line, not the header's
    assert [_field(found, f"experience[0].{part}").place.text for part in ("company", "start", "end")] == [
        f"{company} | 2019 – Present"] * 3


@pytest.mark.parametrize(("first", "second"), itertools.permutations([person[2] for person in PEOPLE], 2))
def test_the_same_company_twice_is_placed_at_each_entry(first: str, second: str) -> None:
    lines = ["Experience", first, "Acme Corp", "2021 – 2023", second, "Acme Corp", "2018 – 2021"]
    result = resume_pb2.ResumeAnalysis(experience=[
        resume_pb2.Experience(title=first, company="Acme Corp", start="2021", end="2023"),
        resume_pb2.Experience(title=second, company="Acme Corp", start="2018", end="2021")])
    found = located(result, _document(lines))
    placed = {item.field: lines.index(item.place.text, 1 if item.entry == 0 else 4) for item in found}
    assert placed == {"experience[0].title": 1, "experience[0].company": 2, "experience[0].start": 3,
                      "experience[0].end": 3, "experience[1].title": 4, "experience[1].company": 5,
                      "experience[1].start": 6, "experience[1].end": 6}


@pytest.mark.parametrize(("phone", "written"), [
    ("+4915112345678", "Tel. 0151 1234 5678"), ("+14155550123", "(415) 555-0123"),
    ("+351912846844", "+351 912 846 844"), ("+33612345678", "06 12 34 56 78")])
def test_a_phone_is_placed_by_its_digits_as_written(phone: str, written: str) -> None:
    found = located(resume_pb2.ResumeAnalysis(contact=resume_pb2.Contact(phones=[phone])),
                    _document(["Ana Ferreira", f"ana@example.com · {written}"]))
    assert found[0].place.text.endswith(written)


@pytest.mark.parametrize(("url", "shown"), [
    ("https://github.com/anaferreira", "anaferreira"), ("https://www.linkedin.com/in/ana-f", "linkedin.com/in/ana-f"),
    ("https://ana.example.com/", "ana.example.com")])
def test_a_link_is_placed_by_its_address_or_its_handle(url: str, shown: str) -> None:
    found = located(resume_pb2.ResumeAnalysis(contact=resume_pb2.Contact(links=[resume_pb2.Link(url=url)])),
                    _document(["Ana Ferreira", f"\ue000 {shown}"]))
    assert found[0].place.text == f"\ue000 {shown}"


@pytest.mark.parametrize("name", [person[0] for person in PEOPLE])
def test_the_name_is_placed_on_its_own_line_not_in_an_email_before_it(name: str) -> None:
    email = ".".join(name.lower().split()) + "@example.com"
    found = located(resume_pb2.ResumeAnalysis(contact=resume_pb2.Contact(name=name)),
                    _document([email, "+1 415 555 0100", name, "Experience"]))
    assert found[0].place.text == name


@pytest.mark.parametrize(("name", "site"), itertools.product([person[0] for person in PEOPLE], ["LinkedIn", "GitHub"]))
def test_a_link_shown_by_its_sites_name_is_placed_at_the_label_not_at_the_name(name: str, site: str) -> None:
    handle = "-".join(name.lower().split())
    url = f"https://www.{site.lower()}.com/in/{handle}"
    found = located(resume_pb2.ResumeAnalysis(contact=resume_pb2.Contact(links=[resume_pb2.Link(url=url)])),
                    _document([name, f"{name.split()[0].lower()}@example.com", f"Porto | {site}"]))
    assert found[0].place.text == f"Porto | {site}"


def test_a_link_only_in_the_files_annotations_has_no_line() -> None:
    found = located(resume_pb2.ResumeAnalysis(contact=resume_pb2.Contact(links=[resume_pb2.Link(
        url="https://gitlab.com/x")])), _document(["Ana Ferreira", "\ue000 \ue000"]))
    assert found[0].place is None


@pytest.mark.parametrize("company", [person[1] for person in PEOPLE])
def test_a_name_whose_spaces_the_text_layer_lost_is_placed(company: str) -> None:
    glued = company.replace(" ", "")
    found = located(resume_pb2.ResumeAnalysis(experience=[resume_pb2.Experience(company=company)]),
                    _document(["Experience", f"{glued}(2020–2022)"]))
    assert found[0].place.text == f"{glued}(2020–2022)"


def test_without_layout_values_have_their_line_but_no_page_or_box() -> None:
    lines = ["Ana Ferreira", "ana@example.com"]
    result = resume_pb2.ResumeAnalysis(contact=resume_pb2.Contact(name="Ana Ferreira", emails=["ana@example.com"]))
    found = located(result, _document(lines, laid_out=False))
    assert [(item.place.text, item.place.page, item.place.styled) for item in found] == [
        ("Ana Ferreira", 0, None), ("ana@example.com", 0, None)]


def test_a_pdf_without_styled_lines_gives_pages_from_its_text() -> None:
    document = ExtractedDocument("pdf", f"Ana Ferreira{PAGE_SEPARATOR}Education\nUniversity of Porto", 2, "", ())
    result = resume_pb2.ResumeAnalysis(education=[resume_pb2.Education(institution="University of Porto")])
    assert located(result, document)[0].place.page == 2


@pytest.mark.parametrize("size", [10.0, 24.0])
def test_the_box_stands_on_the_lines_baseline(size: float) -> None:
    document = _document(["Ana Ferreira", "ana@example.com"], size=size)
    result = analyse(document, as_of=date(2026, 1, 1))
    email = next(item for item in result.evidence if item.field == "contact.emails[0]")
    line = document.lines[1]
    assert (email.page, email.text) == (1, "ana@example.com")
    assert (email.box.left, email.box.right) == (line.left, line.right)
    assert email.box.top == pytest.approx(line.top - size) and email.box.bottom == pytest.approx(line.top + size / 4)


@pytest.fixture(scope="module")
def labeled() -> list:
    return labeled_cases()[:12]


def test_evidence_follows_the_fields_order_with_a_confidence_each(labeled: list) -> None:
    from analysis_worker.extraction import extract

    for case in labeled:
        result = analyse(extract(case.content, file_name=case.file_name), as_of=date(2026, 1, 1))
        expected = (["contact.name"] if result.contact.name else []) \
            + [f"contact.emails[{n}]" for n in range(len(result.contact.emails))] \
            + [f"contact.phones[{n}]" for n in range(len(result.contact.phones))] \
            + [f"contact.links[{n}]" for n in range(len(result.contact.links))] \
            + (["contact.location"] if result.contact.location else [])
        fields = [item.field for item in result.evidence]
        assert fields[:len(expected)] == expected, case.name
        assert fields[-len(result.skills):] == [f"skills[{n}]" for n in range(len(result.skills))], case.name
        assert all(0.0 <= item.confidence <= 1.0 for item in result.evidence)
        # The name is read from a line of the file, and that line shows it.
        name = result.evidence[0]
        assert name.text and result.contact.name.split()[-1].casefold() in name.text.casefold(), case.name
