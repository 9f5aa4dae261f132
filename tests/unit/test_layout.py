"""Layout-aware reading: what a page's type says (size, weight, place) and the text-layer
habits of templates' toolchains, one generated case per class of failure."""

from __future__ import annotations

import io
import json
import random
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from fpdf.fonts import CORE_FONTS_CHARWIDTHS

from analysis_worker.analysis import analyse
from analysis_worker.analysis.normalise import normalise_text
from analysis_worker.analysis.places import is_location
from analysis_worker.analysis.sections import heading_kind
from analysis_worker.document import ExtractedDocument, Span, StyledLine
from analysis_worker.extraction import extract
from common.proto.resume.v1 import resume_pb2
from tests.corpus.people import person
from tests.families.families import FAMILIES, FILES, TRUTHS
from tests.helpers.raw_pdf import one_page_pdf, set_lines, subset_of
from tests.helpers.text_pdfs import text_pdf

PEOPLE = [person(index, convention, seed=index * 7 + 1) for index, convention in
          enumerate(["us", "eu", "in"] * 4)]
LATIN = [document for document in PEOPLE if document["basics"]["name"].isascii()]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read(*lines: tuple[float, float, str, int, str]):
    return analyse(extract(one_page_pdf(set_lines(*lines)), "application/pdf", "layout.pdf"))


def test_lines_carry_the_size_and_face_of_their_spans() -> None:
    content = set_lines((72, 740, "/F2", 24, "Dana Reyes"), (300, 740, "/F1", 10, "Email: dana@example.com"),
                        (72, 700, "/F3", 10, "Acme Corp"))
    document = extract(one_page_pdf(content), "application/pdf", "spans.pdf")
    first = document.lines[0]
    assert [(span.text.strip(), span.size, span.bold) for span in first.spans] == [
        ("Dana Reyes", 24.0, True), ("Email: dana@example.com", 10.0, False)]
    assert first.page == 1 and first.top == pytest.approx(52, abs=1) and first.left == pytest.approx(72)
    assert document.lines[-1].italic and not document.lines[-1].bold


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_the_name_is_the_display_type_at_the_top_of_the_page(document) -> None:
    # A city above the name and the name beside its contact details on one baseline, as
    # templates with a header table set them: the large type is the name.
    basics = document["basics"]
    city = f"{basics['location']['city']}, {basics['location']['region'] or 'Portugal'}"
    result = read((72, 760, "/F1", 10, city), (72, 730, "/F2", 26, basics["name"]),
                  (360, 730, "/F1", 10, f"Email: {basics['email']}"), (72, 690, "/F2", 13, "Experience"),
                  (72, 670, "/F2", 10, f"{document['work'][0]['position']}, {document['work'][0]['name']}"),
                  (72, 655, "/F1", 10, "Jan 2020 - Present"))
    assert result.contact.name == basics["name"]


@pytest.mark.parametrize("aside", ["Life philosophy", "Most proud of", "A day of my life", "Where I volunteer"])
def test_a_line_set_like_the_headings_opens_a_section_of_its_own(aside: str) -> None:
    # A sidebar's heading whose words name no section kind, among headings that do: what
    # follows it is not read into the experience.
    result = read((72, 740, "/F2", 14, "Experience"), (72, 720, "/F2", 10, "Data Engineer, Acme Corp"),
                  (72, 705, "/F1", 10, "Mar 2019 - Present"), (72, 690, "/F1", 10, "- Built the pipelines in Spark"),
                  (72, 660, "/F2", 14, aside), (72, 640, "/F2", 10, "Analyst, Zen Studio"),
                  (72, 625, "/F1", 10, "2015 - 2017"), (72, 600, "/F2", 14, "Education"),
                  (72, 580, "/F2", 10, "Ohio State University"), (72, 565, "/F1", 10, "BSc Statistics, 2014"))
    assert [(job.title, job.company) for job in result.experience] == [("Data Engineer", "Acme Corp")]
    assert [section.kind for section in result.sections] == ["experience", "other", "education"]
    assert [section.heading for section in result.sections][1] == aside


def test_bulleted_employers_set_in_bold_are_entry_headers() -> None:
    # "\x95" is the bullet in WinAnsiEncoding.
    # The bullet and the place in the regular face, the employer in bold.
    result = read((72, 740, "/F2", 14, "Experience"), (72, 720, "/F1", 10, "\x95"), (80, 720, "/F2", 10, "Acme Corp"),
                  (300, 720, "/F1", 10, "Berlin, Germany"),
                  (84, 705, "/F3", 10, "Data Engineer  Jan 2020 - Present"),
                  (84, 690, "/F1", 10, "\x95 Built the pipelines in Spark"),
                  (72, 670, "/F2", 10, "\x95 Zen Studio"), (84, 655, "/F3", 10, "Analyst  Mar 2016 - Dec 2019"),
                  (84, 640, "/F1", 10, "\x95 Reported the sales in Excel"))
    assert [(job.company, job.title) for job in result.experience] == [("Acme Corp", "Data Engineer"),
                                                                        ("Zen Studio", "Analyst")]


HEADINGS = ["Work Experience", "Professional Experience", "Education", "Technical Skills", "Summary", "Projects",
            "Certifications", "Languages", "Contact", "Awards", "Volunteer Experience"]


@pytest.mark.parametrize("heading", HEADINGS)
def test_letter_spaced_capitals_with_lost_word_gaps_are_headings(heading: str) -> None:
    # Letter-spacing and small capitals leave gaps where the text layer puts spaces at
    # random: "W ORK E XPERIENCE", "C ON TAC T". Every cut into pieces reads, and so does
    # letter-spaced type with one kerned pair closed up ("E D U C AT I O N").
    rng = random.Random(heading)
    letters = heading.replace(" ", "").upper()
    for _ in range(20):
        cuts = sorted(rng.sample(range(1, len(letters)), k=rng.randint(1, min(5, len(letters) - 1))))
        pieces = [letters[start:end] for start, end in zip([0, *cuts], [*cuts, len(letters)], strict=True)]
        assert heading_kind(" ".join(pieces)) == heading_kind(heading), pieces
    for kerned in range(len(letters) - 1):
        spaced = " ".join([*letters[:kerned], letters[kerned:kerned + 2], *letters[kerned + 2:]])
        assert heading_kind(normalise_text(spaced)) == heading_kind(heading), spaced


TITLES = ["Operations Manager", "Senior Site Reliability Engineer", "Bachelor in Industrial Engineering",
          "Director of Finance", "Principal Data Scientist"]


@pytest.mark.parametrize("title", TITLES)
def test_small_capitals_read_as_capitals(title: str) -> None:
    # Small-capital fonts whose text layer maps some glyphs (one letter or two, each
    # between capitals) to lower-case letters.
    rng = random.Random(title)
    for letter in "IA":
        garbled = "".join(ch.lower() if ch == letter and rng.random() < 0.8 else ch for ch in title.upper())
        if garbled != title.upper():
            assert normalise_text(garbled) == title.upper()
    assert normalise_text(title) == title
    assert normalise_text("Skills: Python, PhD, Ph.D., MSc") == "Skills: Python, PhD, Ph.D., MSc"


@pytest.mark.parametrize("document", PEOPLE, ids=lambda document: document["basics"]["name"])
def test_a_title_and_its_city_on_one_line_are_no_place(document) -> None:
    for job in document["work"]:
        assert is_location(job["location"])
        assert not is_location(f"{job['position']} {job['location']}") or len(job["position"].split()) == 1


def _family_files(toolchain: str) -> list[Path]:
    return [path for family in FAMILIES if family.toolchain == toolchain and not family.held_out
            for path in sorted((FILES / family.name).glob("*.pdf"))]


@pytest.mark.parametrize("toolchain", ["latex", "typst"])
def test_words_positioned_by_moves_keep_their_gaps(toolchain: str) -> None:
    # XeLaTeX and Typst fonts without a space glyph: the highlights of every development
    # family's people come out word by word.
    files = _family_files(toolchain)
    assert len(files) >= 20
    for path in files:
        truth = json.loads((TRUTHS / path.parent.name / f"{path.stem}.json").read_text(encoding="utf-8"))
        # Ligatures ("ﬁ") are the analysis's to spell out.
        text = unicodedata.normalize("NFKC", extract(path.read_bytes(), "application/pdf", path.name).text)
        # A word hyphenated at the end of a line ("cus-" / "tomers") is a word all the same.
        tokens = set(re.findall(r"\w+", re.sub(r"-\n(?=[a-z])", "", text).lower()))
        words = [word for job in truth["experience"] for highlight in job["highlights"]
                 for word in re.findall(r"\w+", highlight.lower())]
        found = sum(word in tokens for word in words)
        assert found >= 0.97 * len(words), (path.name, found, len(words))


@pytest.mark.parametrize("label", ["Personal Email", "Home Page", "Mobile Phone", "Contact Details",
                                   "Personal Information", "Postal Address"])
def test_the_labels_of_contact_details_are_no_name(label: str) -> None:
    # Europass-like forms put a label before each detail; the name stands beside its own.
    for document in LATIN[:4]:
        basics = document["basics"]
        result = read((72, 740, "/F1", 10, label), (72, 725, "/F1", 10, basics["email"]),
                      (72, 700, "/F1", 10, "Name / Surname"), (200, 700, "/F1", 10, basics["name"]))
        assert result.contact.name != label


@pytest.mark.parametrize("school", ["Delft University of Technology", "National Technical University of Athens",
                                    "Georgia Institute of Technology", "Technical University of Munich",
                                    "Indian Institute of Science"])
def test_a_school_name_wrapped_in_a_narrow_column_is_one_name(school: str) -> None:
    words = school.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if words[cut - 1].lower() not in ("of", "and") and words[cut].lower() not in ("of", "and"):
            continue
        result = read((72, 740, "/F2", 14, "Education"), (72, 720, "/F2", 10, head), (72, 706, "/F2", 10, tail),
                      (72, 692, "/F1", 10, "Bachelor in Computer Science"), (72, 678, "/F1", 10, "09/2012 - 06/2016"))
        assert [school_entry.institution for school_entry in result.education] == [school], (head, tail)


@pytest.mark.parametrize("document", [document for document in PEOPLE if len(document["education"]) > 1],
                         ids=lambda document: document["basics"]["name"])
def test_undated_schools_each_keep_their_degree(document) -> None:
    # Sidebars that print each school as a degree line and a school line, without dates.
    lines: list[tuple[float, float, str, int, str]] = [(72, 740, "/F2", 14, "Education")]
    for school in document["education"]:
        lines += [(72, 725 - 30 * len(lines) // 2, "/F1", 10, f"{school['studyType']}, {school['area']}".strip(", ")),
                  (72, 712 - 30 * len(lines) // 2, "/F2", 10, school["institution"])]
    result = read(*lines)
    assert [entry.institution for entry in result.education] == [school["institution"]
                                                                 for school in document["education"]]


@pytest.mark.parametrize("heads", ["Qualification Grade Date Institution",
                                   "Degree | Board / University | Year of Passing | CGPA"])
@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_table_of_schools_under_a_row_of_column_heads(document, heads: str) -> None:
    # Schools as a table's rows, each read as one line with its month and year in figures
    # between the degree and the school, under a row naming the columns.
    lines = [*_header(document), (72, 710, "/F2", 13, "Qualifications"), (72, 694, "/F2", 9, heads)]
    for number, school in enumerate(document["education"]):
        lines.append((72, 680 - 14 * number, "/F1", 10, _latin(
            f"{school['studyType']} - {school['endDate'][5:7]}-{school['endDate'][:4]} {school['institution']}")))
    result = read(*lines)
    assert [(entry.institution, entry.end) for entry in result.education] == [
        (_latin(school["institution"]), school["endDate"][:7]) for school in document["education"]]


def _europass(document) -> list[tuple[float, float, str, int, str]]:
    """The person as the Europass form lays them out: labels right-aligned in a left column,
    each value on its label's line, the stream label by label with its value."""
    basics = document["basics"]
    rows: list[tuple[str, str]] = [("Europass", ""), ("Personal information", ""), ("Name / Surname", basics["name"]),
                                   ("Address", f"{basics['location']['city']}, Italy"),
                                   ("Telephone", basics["phone"]), ("E-mail", basics["email"]), ("Work experience", "")]
    for job in document["work"]:
        rows += [("Dates", f"{job['startDate'][5:7]}/{job['startDate'][:4]} - "
                           + ("Present" if job["meta_end"] == "present" else
                              f"{job['meta_end'][5:7]}/{job['meta_end'][:4]}")),
                 ("Occupation or position held", job["position"]),
                 ("Main activities and", f"- {job['highlights'][0]}"), ("responsibilities", ""),
                 ("Name and address of employer", f"{job['name']}, {job['location']}")]
    rows.append(("Education and training", ""))
    for school in document["education"]:
        rows += [("Dates", f"{school['startDate'][:4]} - {school['endDate'][:4]}"),
                 ("Title of qualification awarded", school["studyType"]),
                 ("Name and type of organisation", school["institution"]),
                 ("providing education and training", "")]
    lines = []
    for number, (label, value) in enumerate(rows):
        y = 780 - 13 * number
        lines.append((200 - 5 * len(label), y, "/F1", 9, label))
        if value:
            lines.append((215, y, "/F1", 9, value.encode("latin-1", "replace").decode("latin-1")))
    return lines


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_europass_form_reads_label_by_label(document) -> None:
    # The labels' column is read beside the values, not as a column of its own, and each
    # employer, named after the activities, goes with its position.
    result = read(*_europass(document))
    assert result.contact.name == document["basics"]["name"]
    assert [(job.title, job.company) for job in result.experience] == [
        (job["position"], job["name"]) for job in document["work"]]
    assert [school.institution for school in result.education] == [
        school["institution"] for school in document["education"]]


# A form's labels as job boards and word processors word them: employer, position, dates,
# school, degree.
_FORM_LABELS = {"en-company": ("Company", "Job Title", "Dates", "School", "Degree"),
                "en-employer": ("Employer", "Position", "Period", "University", "Qualification"),
                "en-organisation": ("Organisation", "Role", "Duration", "Institution", "Course"),
                "de": ("Arbeitgeber", "Position", "Zeitraum", "Hochschule", "Abschluss"),
                "fr": ("Employeur", "Poste", "Période", "Établissement", "Diplôme")}


def _form_rows(document, labels: tuple[str, ...], employer_first: bool) -> list[tuple[str, str]]:
    employer, position, dates, school, degree = labels
    rows = [("", document["basics"]["name"]), ("", f"{document['basics']['email']} | {document['basics']['phone']}"),
            ("", "Work Experience")]
    for job in document["work"]:
        named = [(employer, job["name"]), (position, job["position"])]
        rows += (named if employer_first else named[::-1]) + [
            (dates, f"{_month(job['startDate'])} - {_month(job['endDate'])}"), ("", f"- {job['highlights'][0]}")]
    rows.append(("", "Education"))
    for entry in document["education"]:
        rows += [(school, entry["institution"]), (degree, entry["studyType"]),
                 (dates, f"{entry['startDate'][:4]} - {entry['endDate'][:4]}")]
    return [(label, _latin(value)) for label, value in rows]


def _form_file(rows: list[tuple[str, str]], carrier: str) -> tuple[bytes, str]:
    if carrier == "label column":  # a PDF whose labels stand in a column left of their values
        lines = [(72, 780 - 14 * number, "/F1", 10, label) for number, (label, _) in enumerate(rows) if label]
        lines += [(200, 780 - 14 * number, "/F1", 10, value) for number, (_, value) in enumerate(rows)]
        return one_page_pdf(set_lines(*lines)), "application/pdf"
    if carrier == "table rows":  # a DOCX table, a row per field, the labels in its first column
        word = docx.Document()
        table = word.add_table(rows=0, cols=2)
        for label, value in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue(), DOCX
    text = "\n".join(f"{label}: {value}" if label else value for label, value in rows)
    return text.encode(), "text/plain"


@pytest.mark.parametrize("carrier", ["label column", "table rows", "colons"])
@pytest.mark.parametrize("wording", list(_FORM_LABELS))
@pytest.mark.parametrize("employer_first", [True, False], ids=["employer first", "position first"])
@pytest.mark.parametrize("document", LATIN[:3], ids=lambda document: document["basics"]["name"])
def test_a_forms_fields_are_read_by_their_labels(document, employer_first: bool, wording: str, carrier: str) -> None:
    # Job boards' exports and word processors' forms label each field in words of their
    # own; the labels are no part of the values, and each employer goes with its position
    # whichever the form names first.
    content, media_type = _form_file(_form_rows(document, _FORM_LABELS[wording], employer_first), carrier)
    result = analyse(extract(content, media_type, "form"))
    assert [(job.title, job.company) for job in result.experience] == [
        (_latin(job["position"]), _latin(job["name"])) for job in document["work"]]
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("dates", ["under the title", "after the title"])
@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_roles_listed_under_one_employer_each_have_that_employer(document, dates: str) -> None:
    # Several roles at one employer: its name on a line of its own, then each role's title
    # with its dates; the roles after the first name no employer.
    work = [document["work"][0], {**document["work"][1], "name": document["work"][0]["name"]},
            *document["work"][2:]]
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    for index, job in enumerate(work):
        if index != 1:
            lines.append((72, y, "/F2", 11, _latin(job["name"])))
            y -= 14
        period = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        if dates == "under the title":
            lines += [(72, y, "/F3", 10, _latin(job["position"])), (72, y - 13, "/F1", 10, period)]
            y -= 13
        else:
            lines.append((72, y, "/F3", 10, _latin(f"{job['position']}, {period}")))
        lines.append((82, y - 13, "/F1", 10, _latin(f"- {job['highlights'][0]}")))
        y -= 34
    assert _jobs(read(*lines)) == _expected_jobs({"work": work})


def _stacked(entries: list[list[tuple[str, str]]], top: float = 690) -> list[tuple[float, float, str, int, str]]:
    """Entries of (font, text) lines stacked down from `top`, bullets indented, a gap
    after each entry."""
    lines, y = [], top
    for entry in entries:
        for font, text in entry:
            lines.append((82 if text.startswith("- ") else 72, y, font, 10, _latin(text)))
            y -= 13
        y -= 8
    return lines


@pytest.mark.parametrize("years", ["below", "after a comma"])
@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_degree_from_its_school_is_two_fields(document, years: str) -> None:
    # "BSc Physics from Lund University": the school after "from", as after "at".
    schools = document["education"]
    named = [f"{school['studyType']} in {school['area']} from {school['institution']}" if school["area"]
             else f"{school['studyType']} from {school['institution']}" for school in schools]
    periods = [f"{school['startDate'][:4]} - {school['endDate'][:4]}" for school in schools]
    entries = [[("/F1", name), ("/F1", period)] if years == "below" else [("/F1", f"{name}, {period}")]
               for name, period in zip(named, periods, strict=True)]
    result = read(*_header(document), (72, 710, "/F2", 13, "Education"), *_stacked(entries))
    assert [(entry.institution, entry.degree, entry.end[:4]) for entry in result.education] == [
        (_latin(school["institution"]), school["studyType"], school["endDate"][:4]) for school in schools]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_place_after_a_link_on_a_header_line_is_the_location(document) -> None:
    # Header tables put the place after a profile link with no separator between them.
    basics, job = document["basics"], document["work"][0]
    place = f"{basics['location']['city']}, {basics['location']['region'] or 'Portugal'}"
    profile = basics["profiles"][0]["url"].split("://", 1)[1]
    result = read((72, 760, "/F2", 14, basics["name"]), (72, 745, "/F1", 10, f"{profile} {place}"),
                  (72, 730, "/F1", 10, basics["email"]), (72, 700, "/F2", 13, "Experience"),
                  (72, 685, "/F2", 10, f"{job['name']} {job['location']}"),
                  (72, 670, "/F1", 10, f"{job['position']} Jan 2020 - Present"))
    assert result.contact.location == place


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month(iso: str) -> str:
    return f"{_MONTHS[int(iso[5:7]) - 1]} {iso[:4]}" if iso else "Present"


def _jobs(result) -> list[tuple[str, str, str, str]]:
    return [(job.title, job.company, job.start, job.end or "present") for job in result.experience]


def _expected_jobs(document) -> list[tuple[str, str, str, str]]:
    return [(job["position"], job["name"], job["startDate"][:7], job["endDate"][:7] or "present")
            for job in document["work"]]


def _job_at(job, y: float) -> list[tuple[float, float, str, int, str]]:
    """An entry as most templates print it: "Title at Company", its dates, a bullet."""
    return [(72, y, "/F2", 10, _latin(f"{job['position']} at {job['name']}")),
            (72, y - 14, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
            (72, y - 28, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]


def _latin(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_page_drawn_out_of_order_reads_top_to_bottom(document) -> None:
    # Browsers paint positioned boxes after the flow: the headings and the entries' title
    # rows come last in the content stream, each far from the lines it heads.
    basics = document["basics"]
    flow = [(72, 760, "/F2", 20, basics["name"]), (72, 740, "/F1", 10, f"{basics['email']} {basics['phone']}")]
    late = [(72, 715, "/F2", 13, "Experience")]
    y = 695
    for job in document["work"]:
        late.append((72, y, "/F2", 11, _latin(f"{job['position']} at {job['name']}")))
        flow.append((72, y - 14, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"))
        flow += [(82, y - 28 - 13 * index, "/F1", 10, _latin(f"- {line}"))
                 for index, line in enumerate(job["highlights"])]
        y -= 48 + 13 * len(job["highlights"])
    late.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        late.append((72, y, "/F2", 11, _latin(f"{school['studyType']} {school['area']}, {school['institution']}")))
        flow.append((72, y - 14, "/F1", 10, f"{school['startDate'][:4]} - {school['endDate'][:4]}"))
        y -= 14
    result = read(*flow, *late)
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_column_of_keys_reads_each_key_before_the_block_beside_it(document) -> None:
    # A narrow left column of headings and dates, each beside the block it heads, drawn
    # before the column of entries: read column by column, every date would be apart from
    # its entry.
    basics = document["basics"]
    keys = [(50, 700, "/F2", 11, "Contact")]
    blocks = [(200, 760, "/F2", 20, basics["name"]), (200, 740, "/F1", 10, basics["label"]),
              (200, 703, "/F1", 10, basics["email"]), (200, 689, "/F1", 10, basics["phone"])]
    y = 650
    keys.append((50, y, "/F2", 11, "Experience"))
    for job in document["work"]:
        blocks.append((200, y, "/F2", 10, _latin(f"{job['position']} at {job['name']}")))
        keys.append((50, y - 14, "/F1", 9, f"{job['startDate'][:10]} to {_month(job['endDate'])}"))
        for index, line in enumerate([*job["highlights"], "Wrote the team's runbooks and reviews"]):
            blocks.append((215, y - 14 * (index + 1), "/F1", 10, _latin(line)))
        y -= 14 * (len(job["highlights"]) + 2) + 12
    keys.append((50, y, "/F2", 11, "Education"))
    for school in document["education"]:
        blocks += [(200, y, "/F2", 10, _latin(school["institution"])),
                   (215, y - 14, "/F1", 10, f"{school['studyType']}: {school['area']}")]
        keys.append((50, y - 14, "/F1", 9, f"{school['startDate'][:4]} to {school['endDate'][:4]}"))
        y -= 40
    keys.append((50, y, "/F2", 11, "Skills"))
    blocks += [(200, y - 14 * index, "/F1", 10, group) for index, group in
               enumerate(["Languages: Python, SQL", "Tools: Excel, Tableau", "Methods: Scrum, Kanban",
                          "Reporting: Power BI", "Cloud: AWS, Azure", "Design: Figma"])]
    result = read(*keys, *blocks)
    assert _jobs(result) == _expected_jobs(document)
    assert [(school.institution, school.end[:4]) for school in result.education] == [
        (_latin(school["institution"]), school["endDate"][:4]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_margin_of_dates_beside_short_entries_reads_each_date_with_its_entry(document) -> None:
    # The margin holds each entry's dates beside its one line ("Title, Company, Place"), the
    # headings over blank rows of the text column, and labels beside the lines they name: no
    # sparser than the text column, whose entries are a line or two. Drawn row by row, as
    # a table or a grid draws it; the same margin on a scan is read by OCR (test_ocr).
    basics = document["basics"]
    rows = [(150, 770, "/F2", 20, basics["name"]), (150, 752, "/F1", 10, f"{basics['email']} {basics['phone']}"),
            (50, 700, "/F2", 11, "Profile"), (50, 686, "/F1", 10, "Position"), (150, 686, "/F1", 10, basics["label"])]
    y = 658
    for heading, entries in (
            ("Experience", [(f"{_month(job['startDate'])} - {_month(job['endDate'])}",
                             f"{job['position']}, {job['name']}, {job['location']}", job["highlights"][:1])
                            for job in document["work"]]),
            ("Education", [(f"{school['startDate'][:4]} - {school['endDate'][:4]}",
                            f"{school['studyType']} in {school['area']}, {school['institution']}", [])
                           for school in document["education"]])):
        rows.append((50, y, "/F2", 11, heading))
        y -= 14
        for dates, line, highlights in entries:
            rows += [(50, y, "/F1", 9, dates), (150, y, "/F1", 10, _latin(line))]
            rows += [(160, y - 14 * (index + 1), "/F1", 10, _latin(f"- {highlight}"))
                     for index, highlight in enumerate(highlights)]
            y -= 14 * (len(highlights) + 1)
        y -= 14
    rows += [(50, y, "/F2", 11, "Skills"), (50, y - 14, "/F1", 10, "Tools"),
             (150, y - 14, "/F1", 10, "Excel, Tableau, Power BI")]
    result = read(*rows)
    assert _jobs(result) == _expected_jobs(document)
    assert [(school.institution, school.end[:4]) for school in result.education] == [
        (_latin(school["institution"]), school["endDate"][:4]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_heading_set_beside_the_middle_of_its_entrys_first_two_lines(document) -> None:
    # A label column's heading centred on the two lines it stands beside, drawn before
    # them: the text moves up to the employer, so the text layer joined the employer,
    # the title below it and the dates into the heading's line.
    basics = document["basics"]
    lines = [(50, 760, "/F2", 20, basics["name"]), (50, 740, "/F1", 10, f"{basics['email']} {basics['phone']}")]
    y = 700
    for heading, rows in (("Experience", [(job["name"], job["position"], f"{_month(job['startDate'])} - "
                                           f"{_month(job['endDate'])}") for job in document["work"]]),
                          ("Education", [(school["institution"], f"{school['studyType']} in {school['area']}",
                                          school["endDate"][:4]) for school in document["education"]])):
        lines.append((50, y - 6, "/F1", 12, heading))
        for first, second, dates in rows:
            lines += [(150, y, "/F1", 11, _latin(first)), (150, y - 13, "/F3", 10, _latin(second)),
                      (_flush_right(dates, "/F1"), y, "/F1", 10, dates)]
            y -= 40
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("dated", [False, True], ids=["headings", "headings and dates"])
def test_a_label_column_painted_after_the_flow_reads_each_key_before_its_block(document, dated: bool) -> None:
    # Browsers paint a label column positioned beside the flow after it: each heading (and
    # date) comes at the end of the stream, after the entries it stands beside.
    basics = document["basics"]
    flow = [(200, 760, "/F2", 20, basics["name"]), (200, 742, "/F1", 10, basics["email"]),
            (200, 728, "/F1", 10, basics["phone"])]
    keys = []
    jobs = [(job["name"], job["position"], f"{_month(job['startDate'])} - {_month(job['endDate'])}",
             job["highlights"][0]) for job in document["work"]]
    schools = [(school["institution"], f"{school['studyType']} in {school['area']}", school["endDate"][:4], "")
               for school in document["education"]]
    y = 690
    for heading, entries in (("WORK", jobs), ("EDUCATION", schools)):
        keys.append((50, y, "/F2", 10, heading))
        y -= 18 if dated else 0
        for first, second, dates, highlight in entries:
            # Dated keys stand beside their entry's first line; otherwise the dates head the entry.
            (keys if dated else flow).append((50 if dated else 200, y, "/F1", 9, dates))
            y -= 0 if dated else 14
            flow += [(200, y, "/F2", 11, _latin(first)), (200, y - 14, "/F3", 10, _latin(second))]
            if highlight:
                flow.append((210, y - 28, "/F1", 10, _latin(f"- {highlight}")))
            y -= 48
        y -= 12
    result = read(*flow, *keys)
    assert _jobs(result) == _expected_jobs(document)
    assert [(school.institution, school.end[:4]) for school in result.education] == [
        (_latin(school["institution"]), school["endDate"][:4]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("keys_drawn", ["first", "last"])
def test_a_page_drawn_frame_by_frame_reads_top_to_bottom(document, keys_drawn: str) -> None:
    # Desktop publishing draws each block as a frame of its own, in the order the frames
    # were made: here from the bottom of the page up, with the key column of headings and
    # dates drawn before or after them all.
    basics = document["basics"]
    frames = [[(200, 760, "/F2", 20, basics["name"]), (200, 740, "/F1", 10, f"{basics['email']} {basics['phone']}")]]
    keys = [(50, 715, "/F2", 11, "Experience")]
    y = 695
    for job in document["work"]:
        keys.append((50, y, "/F1", 9, f"{_month(job['startDate'])} - {_month(job['endDate'])}"))
        frames.append([(200, y, "/F2", 11, _latin(job["position"])), (200, y - 14, "/F1", 10, _latin(job["name"])),
                       *[(210, y - 28 - 13 * index, "/F1", 10, _latin(f"- {line}"))
                         for index, line in enumerate(job["highlights"])]])
        y -= 48 + 13 * len(job["highlights"])
    keys.append((50, y, "/F2", 11, "Education"))
    for school in document["education"]:
        y -= 20
        keys.append((50, y, "/F1", 9, f"{school['startDate'][:4]} - {school['endDate'][:4]}"))
        frames.append([(200, y, "/F2", 11, _latin(f"{school['studyType']} in {school['area']}")),
                       (200, y - 14, "/F1", 10, _latin(school["institution"]))])
        y -= 30
    frames.reverse()
    drawn = [line for frame in frames for line in frame]
    result = read(*(keys + drawn if keys_drawn == "first" else drawn + keys))
    assert result.contact.name == basics["name"]
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_sidebar_line_ending_past_the_gutters_first_band_stays_in_the_sidebar(document) -> None:
    # Desktop publishing places each glyph on its own. A sidebar's web address runs on past
    # the sidebar's other lines, nearly to the main column, a little above an employer's
    # line there: its last glyphs, right of the gutter's first band, are still its own.
    basics = document["basics"]
    handle = re.sub(r"[^a-z]", "", _latin(basics["name"]).lower())
    address = f"www.linkedin.com/in/{handle}{handle}"[:40]
    side = [(40, 700, "/F2", 10, "CONTACT"), (40, 686, "/F1", 9, basics["phone"]),
            (40, 672, "/F1", 9, "Skills"), *[(40, 658 - 14 * index, "/F1", 9, keyword) for index, keyword
                                              in enumerate(document["skills"][0]["keywords"][:4])]]
    main = [(230, 700, "/F2", 12, "EXPERIENCE")]
    y = 680
    for job in document["work"]:
        main += [(230, y, "/F2", 10, _latin(job["position"])), (460, y, "/F1", 10, _month(job["startDate"])),
                 (230, y - 14, "/F1", 10, _latin(job["name"])),
                 *[(240, y - 28 - 14 * index, "/F1", 10, _latin(f"- {line}")) for index, line in
                   enumerate(job["highlights"])]]
        y -= 42 + 14 * len(job["highlights"])
    # The address a little above the first employer's line, one glyph at a time.
    x, glyphs = 40.0, []
    for character in address:
        glyphs.append((round(x, 2), 666 + 2, "/F1", 9, character))
        x += _helvetica_width(character, 9)
    assert 200 < x < 225  # ends short of the main column
    result = read((40, 760, "/F2", 20, _latin(basics["name"])), *side, *glyphs, *main)
    assert [(job.title, job.company) for job in result.experience] == [
        (_latin(job["position"]), _latin(job["name"])) for job in document["work"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_dates_set_smaller_at_the_main_columns_edge_beside_a_sidebar(document) -> None:
    # The main column's dates are right-aligned at its edge, set smaller than the titles
    # and centred on their line, so their baselines stand a little above the titles'; no
    # highlight runs below a title to cross the blank between them. A sidebar stands at the
    # right: the blank beside it is the gutter, not the one before the dates.
    basics = document["basics"]
    main = [(50, 730, "/F2", 13, "WORK EXPERIENCE")]
    y = 705
    for job in document["work"]:
        dates = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        main += [(50, y, "/F2", 11, _latin(job["position"])),
                 (_flush_right(dates, "/F1", 8) - 200, y + 2, "/F1", 8, dates),
                 (50, y - 14, "/F1", 10, _latin(job["name"]))]
        y -= 40
    main += [(50, y, "/F2", 13, "SKILLS")]
    main += [(50, y - 20 - 14 * index, "/F1", 10, keyword) for index, keyword in
             enumerate(document["skills"][0]["keywords"])]
    side = [(420, 740, "/F2", 14, _latin(basics["name"])), (420, 720, "/F1", 9, _latin(basics["email"])),
            (420, 706, "/F1", 9, basics["phone"]), (420, 680, "/F2", 11, "EDUCATION")]
    for index, school in enumerate(document["education"]):
        side += [(420, 660 - 40 * index, "/F1", 9, _latin(school["studyType"])),
                 (420, 648 - 40 * index, "/F1", 9, _latin(school["institution"])[:30]),
                 (420, 636 - 40 * index, "/F1", 9, f"{school['startDate'][:4]} - {school['endDate'][:4]}")]
    # A credit line at the foot in short runs, as browsers split one around an icon: where
    # two meet, both cross the blank before the dates, and part it.
    foot, x = [], 190.0
    for words in ("Made by", " Example", " Studio"):
        foot.append((round(x, 2), 60, "/F1", 8, words))
        x += _helvetica_width(words, 8)
    result = read(*main, *side, *foot)
    assert _jobs(result) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_dense_column_of_headings_and_dates_drawn_row_by_row_keeps_the_streams_order(document) -> None:
    # A table of two columns, as LaTeX CV classes set one: a narrow column of headings and
    # dates, each on the first line of what it heads, drawn row by row; the entries follow
    # each other closely, so the labels stand as densely as their lines.
    basics = document["basics"]
    rows = [(180, 760, "/F2", 16, _latin(basics["name"])), (180, 742, "/F1", 9, _latin(basics["email"])),
            (50, 712, "/F2", 11, "Profile"), (180, 712, "/F1", 10, _latin(basics["label"])),
            (180, 699, "/F1", 10, "I like a team that ships often and learns from what it ships,"),
            (180, 686, "/F1", 10, "and I write plainly.")]
    y = 664
    for heading, entries in (("Experience", [(f"{_month(job['startDate'])} - {_month(job['endDate'])}",
                                              f"{job['position']}, {job['name']}", job["highlights"])
                                             for job in document["work"]]),
                             ("Education", [(f"{school['startDate'][:4]} - {school['endDate'][:4]}",
                                             f"{school['studyType']} in {school['area']}, {school['institution']}", [])
                                            for school in document["education"]]),
                             ("Skills", [(group["name"], ", ".join(group["keywords"]), [])
                                         for group in document["skills"]]),
                             ("Languages", [("English", "Fluent", []), ("Spanish", "Conversational", [])])):
        rows.append((50, y, "/F2", 11, heading))
        y -= 16
        for dates, entry, highlights in entries:
            rows += [(50, y, "/F1", 9, dates), (180, y, "/F1", 10, _latin(entry)),
                     *[(190, y - 13 * (index + 1), "/F1", 10, _latin(f"- {line}"))
                       for index, line in enumerate(highlights)]]
            y -= 13 * (len(highlights) + 1) + 3
        y -= 6
    result = read(*rows)
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


_BULLETS = {"wide": "- Wrote the quarterly plan for the three regional sales teams and reviewed it with the board",
            "short": "- Wrote the quarterly plan"}


def _helvetica_width(text: str, size: float, face: str = "/F1") -> float:
    """`text`'s width in points in the face one_page_pdf gives `face` (/F2 bold, /F3 italic)."""
    widths = CORE_FONTS_CHARWIDTHS["helvetica" + {"/F2": "B", "/F3": "I"}.get(face, "")]
    return sum(widths[character] for character in text) * size / 1000


def _flush_right(text: str, face: str, size: int = 10) -> float:
    """Where `text` starts when it ends at the right margin."""
    return 540 - _helvetica_width(text, size, face)


@pytest.mark.parametrize("bullets", [(1, "wide"), (1, "short"), (4, "short")],
                         ids=["a wide bullet", "a short bullet", "four short bullets"])
@pytest.mark.parametrize("faces", [("/F2", "/F3"), ("/F1", "/F1")], ids=["bold and italic", "one face"])
@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_an_employer_and_its_title_set_apart_on_one_line_are_two_fields(
        document, faces: tuple[str, str], bullets: tuple[int, str]) -> None:
    # The employer at the left and the title flush right on the same baseline, the text
    # layer joining them with one space; the dates and the place likewise on the next line.
    # Where the bullets leave the right of the page blank, the flush-right items are no
    # column: each stays on its line (a short page and a long one take two ways there).
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    count, width = bullets
    for job in document["work"]:
        title, place = _latin(job["position"]), _latin(job["location"])
        lines += [(72, y, faces[0], 10, _latin(job["name"])), (_flush_right(title, faces[1]), y, faces[1], 10, title),
                  (72, y - 13, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (_flush_right(place, "/F1"), y - 13, "/F1", 10, place)]
        lines += [(82, y - 26 - 13 * index, "/F1", 10, _BULLETS[width]) for index in range(count)]
        y -= 44 + 13 * (count - 1)
    assert _jobs(read(*lines)) == _expected_jobs(document)


@pytest.mark.parametrize("qualifier", ["(Contract)", "(Part-time)", "(Interim)"])
@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_title_keeps_the_brackets_of_its_qualifier(document, qualifier: str) -> None:
    # "Data Engineer (Contract)": the closing bracket ends the title, it is not one of the
    # separators trimmed off its fields.
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['position']} {qualifier}")),
                  (72, y - 13, "/F3", 10, _latin(job["name"])),
                  (72, y - 26, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}")]
        y -= 44
    assert [(job.title, job.company) for job in read(*lines).experience] == [
        (_latin(f"{job['position']} {qualifier}"), _latin(job["name"])) for job in document["work"]]


@pytest.mark.parametrize("shape", ["Company: Title", "dates: Company, Title"])
@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_an_employer_and_its_title_parted_by_a_colon_are_two_fields(document, shape: str) -> None:
    # A colon parts an entry's fields as a dash or a bar does: after the employer, or after
    # the dates that open the line.
    def entry(job) -> list[tuple[str, str]]:
        dates = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        named = [("/F2", f"{job['name']}: {job['position']}"), ("/F1", dates)] if shape == "Company: Title" \
            else [("/F1", f"{dates}: {job['name']}, {job['position']}")]
        return [*named, ("/F1", f"- {job['highlights'][0]}")]

    lines = _stacked([entry(job) for job in document["work"]])
    assert _jobs(read(*_header(document), (72, 710, "/F2", 13, "Experience"), *lines)) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("wrapped", [False, True], ids=["one line", "dates wrapped after the dash"])
def test_a_bold_title_beside_its_plain_employer_and_dates_are_two_fields(document, wrapped: bool) -> None:
    # A table row: the title in bold at the left, "Company, dates" plain at the right, with
    # no separator in the text; a narrow right cell wraps the range after its dash.
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    for job in document["work"]:
        start = f"{job['startDate'][5:7]}/{job['startDate'][:4]}"
        end = f"{job['endDate'][5:7]}/{job['endDate'][:4]}" if job["endDate"] else "Present"
        right = f"{job['name']}, {start} -" if wrapped else f"{job['name']}, {start} - {end}"
        lines += [(72, y, "/F2", 10, _latin(job["position"])), (300, y, "/F1", 10, _latin(right))]
        if wrapped:
            y -= 13
            lines.append((300, y, "/F1", 10, end))
        lines.append((82, y - 14, "/F1", 10, _latin(f"- {job['highlights'][0]}")))
        y -= 34
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        right = f"{school['institution']}, {school['startDate'][:4]} -"
        degree = f"{school['studyType']} in {school['area']}" if school["area"] else school["studyType"]
        lines += [(72, y, "/F2", 10, _latin(degree)),
                  (300, y, "/F1", 10, _latin(right if wrapped else f"{right} {school['endDate'][:4]}"))]
        if wrapped:
            y -= 13
            lines.append((300, y, "/F1", 10, school["endDate"][:4]))
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [(school.institution, school.end[:4]) for school in result.education] == [
        (_latin(school["institution"]), school["endDate"][:4]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_sidebar_under_a_head_across_the_page_is_read_apart(document) -> None:
    # A short page: the name and label set large across both columns, then a sidebar of
    # contact details and skills beside the entries, drawn line by line across the page
    # (as WeasyPrint draws a flex row). The head is more of the page's text than a
    # crossing gutter may hold, yet it is no column's.
    basics = document["basics"]
    head = [(40, 770, "/F2", 26, _latin(basics["name"])), (40, 745, "/F1", 16, _latin(basics["label"])),
            (40, 725, "/F1", 11, "Open to relocation, remote work and travel; references on request")]
    side = [_latin(basics["email"]), basics["phone"], "Skills",
            *[keyword for group in document["skills"] for keyword in group["keywords"]][:10],
            "Languages", "English", "Spanish", "Interests", "Chess", "Running", "Cooking", "Travel", "Photography",
            "Volunteering"]
    main = ["Experience"]
    for job in document["work"]:
        dates = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        main += [_latin(job["name"]), _latin(f"{job['position']}, {dates}"),
                 *[_latin(f"- {line}") for line in job["highlights"]]]
    main.append("Education")
    for school in document["education"]:
        years = f"{school['startDate'][:4]} - {school['endDate'][:4]}"
        main += [_latin(school["institution"]), f"{school['studyType']}, {years}"]
    rows = []
    for index in range(max(len(side), len(main))):
        y = 700 - 16 * index
        rows += [(40, y, "/F1", 9, side[index])] if index < len(side) else []
        rows += [(200, y, "/F2" if main[index] in ("Experience", "Education") else "/F1", 10, main[index])] \
            if index < len(main) else []
    result = read(*head, *rows)
    assert [(job.title, job.company) for job in result.experience] == [
        (_latin(job["position"]), _latin(job["name"])) for job in document["work"]]
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_subset_fonts_text_is_measured_by_the_characters_it_shows(document) -> None:
    # Word processors, browsers and Typst embed subset fonts whose codes count 1, 2, 3...
    # Measured by code rather than by the character each code shows, a line came out a
    # tenth to a half wider than it is, and a narrow column's full lines reached across
    # the gutter beside them.
    texts = [_latin(document["basics"]["name"]), _latin(document["basics"]["email"]),
             *[_latin(f"{job['position']}, {job['name']}") for job in document["work"]],
             *[", ".join(group["keywords"]) for group in document["skills"]]]
    rows = [(50, 700 - 14 * index, "/F5", 10, text) for index, text in enumerate(texts)]
    subset = subset_of(texts)
    lines = extract(one_page_pdf(set_lines(*rows, subset=subset), subset=subset), "application/pdf", "a.pdf").lines
    assert [(line.text, line.right) for line in lines] == [
        (text, pytest.approx(50 + _helvetica_width(text, 10), abs=0.1)) for text in texts]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("matrix", [(1, 0, 0, 1, 0, 0), (0.5, 0, 0, 0.5, 20, 0)], ids=["unscaled", "scaled form"])
def test_text_drawn_in_forms_stands_where_the_page_puts_it(document, matrix: tuple[float, ...]) -> None:
    # Browsers draw a box with opacity or a transform as a form XObject, painted after the
    # flow: here each entry's employer line, placed by the page's matrix and the form's.
    # Its place and size decide how the page is read: with three entries or more, as here
    # drawn out of order, by its geometry.
    basics = document["basics"]
    flow = [(72, 760, "/F2", 20, _latin(basics["name"])), (72, 740, "/F1", 10, basics["email"]),
            (72, 715, "/F2", 13, "Experience")]
    forms, drawn, placed = {}, [], {}
    y = 695
    for number, job in enumerate(document["work"]):
        flow += [(72, y, "/F2", 11, _latin(job["position"])),
                 (72, y - 28, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                 *[(82, y - 42 - 13 * index, "/F1", 10, _latin(f"- {line}"))
                   for index, line in enumerate(job["highlights"])]]
        # The form's own text sits at its origin, in the size that its /Matrix scales to 10.
        scale = matrix[0]
        forms[f"X{number}"] = (set_lines((0, 0, "/F1", round(10 / scale), _latin(job["name"]))), matrix)
        drawn.append(f"q 1 0 0 1 {72 - matrix[4]} {y - 14 - matrix[5]} cm /X{number} Do Q".encode())
        placed[_latin(job["name"])] = (792 - (y - 14), 72, 10)
        y -= 56 + 13 * len(job["highlights"])
    content = b" ".join([set_lines(*flow), *drawn])
    document_read = extract(one_page_pdf(content, forms=forms), "application/pdf", "layout.pdf")
    assert {line.text: (round(line.top), round(line.left), round(line.size)) for line in document_read.lines
            if line.text in placed} == placed
    if len(document["work"]) >= 3:
        assert [(job.title, job.company) for job in analyse(document_read).experience] == [
            (_latin(job["position"]), _latin(job["name"])) for job in document["work"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_forms_labels_and_dates_beside_their_lines_read_before_them(document) -> None:
    # A Europass-like form drawn column by column: the left column's labels come in a run
    # as close as the text beside them ("Address", "Phone", "Email"), then headings and
    # dates, each on the baseline of the line it heads, which may follow the block before
    # it without a gap.
    basics = document["basics"]
    keys = [(40, 750, "/F2", 10, "PERSONAL INFORMATION"), (40, 730, "/F1", 9, "Address"),
            (40, 715, "/F1", 9, "Phone"), (40, 700, "/F1", 9, "Email"), (40, 670, "/F2", 10, "WORK EXPERIENCE")]
    lines = [(200, 750, "/F2", 14, _latin(basics["name"])), (200, 730, "/F1", 9, "Lille, France"),
             (200, 715, "/F1", 9, basics["phone"]), (200, 700, "/F1", 9, basics["email"])]
    y = 645
    for job in document["work"]:
        keys.append((40, y, "/F1", 9, f"{_month(job['startDate'])} - {_month(job['endDate'])}"))
        lines += [(200, y, "/F2", 10, _latin(job["position"])), (200, y - 15, "/F1", 9, _latin(job["name"])),
                  *[(210, y - 30 - 15 * index, "/F1", 9, _latin(f"- {line}"))
                    for index, line in enumerate(job["highlights"])]]
        y -= 45 + 15 * len(job["highlights"]) + 10
    keys.append((40, y, "/F2", 10, "EDUCATION AND TRAINING"))
    y -= 25
    for school in document["education"]:
        keys.append((40, y, "/F1", 9, f"{school['startDate'][:4]} - {school['endDate'][:4]}"))
        lines += [(200, y, "/F2", 10, _latin(school["studyType"])),
                  (200, y - 15, "/F1", 9, _latin(school["institution"]))]
        y -= 30  # the next school follows at the text's own step: only its key parts them
    y -= 10
    keys += [(40, y, "/F2", 10, "PERSONAL SKILLS"), (40, y - 25, "/F1", 9, "Digital skills")]
    lines += [(200, y - 25 - 15 * index, "/F1", 9, _latin(", ".join(group["keywords"])))
              for index, group in enumerate(document["skills"])]
    result = read(*keys, *lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_degree_below_its_school_or_after_at_belongs_to_that_school(document) -> None:
    # Two ways templates write a school: its name and dates, the field bulleted below it
    # and the degree under that; or the degree and field, "at", the school.
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Education")]
    y = 710
    for number, school in enumerate(document["education"]):
        dates = f"{school['startDate'][:4]} - {school['endDate'][:4]}"
        if number % 2 == 0:
            lines += [(72, y, "/F2", 10, _latin(f"{school['institution']}   {dates}")),
                      (80, y - 14, "/F1", 10, _latin(f"- {school['area']}")),
                      (72, y - 28, "/F1", 10, school["studyType"])]
        else:
            lines += [(72, y, "/F2", 10, _latin(f"{school['studyType']} {school['area']} at {school['institution']}")),
                      (72, y - 14, "/F1", 10, dates)]
        y -= 50
    result = read(*lines)
    assert [(school.institution, school.degree) for school in result.education] == [
        (_latin(school["institution"]), school["studyType"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_date_ranges_in_letter_spaced_small_capitals(document) -> None:
    # Small capitals with letter-spacing lose or gain spaces in the text layer: the
    # connector comes out "T O", and closed up with the next word ("TOPRESENT").
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    for job in document["work"]:
        end = " ".join("PRESENT") if not job["endDate"] else job["endDate"][:10]
        lines += [(72, y, "/F1", 9, f"{job['startDate'][:10]} T O {end}"),
                  (72, y - 14, "/F2", 10, _latin(f"{job['position']} at {job['name']}")),
                  (72, y - 28, "/F1", 10, _latin(job["highlights"][0]))]
        y -= 50
    assert _jobs(read(*lines)) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_lines_after_an_entrys_dates_stay_with_it_until_the_next_entry_opens(document) -> None:
    # School, dates, then the degree and the field below them: the next school opens the
    # next entry as the first school opened its own, one line before its dates.
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Education")]
    y = 710
    for school in document["education"]:
        for text in (school["institution"], f"{school['startDate'][:4]} - {school['endDate'][:4]}",
                     school["studyType"], school["area"]):
            if text:
                lines.append((72, y, "/F1", 10, _latin(text)))
                y -= 14
        y -= 20
    result = read(*lines)
    assert [(school.institution, resume_pb2.DegreeLevel.Name(school.degree_level), school.end)
            for school in result.education] == [
        (_latin(school["institution"]), f"DEGREE_LEVEL_{school['meta_level'].upper()}", school["endDate"][:4])
        for school in document["education"]]


def _wrapped_before_school_word(name: str) -> list[str]:
    """A school's name in capitals as a narrow column wraps it: before its school word
    when a word comes before that one."""
    words = name.upper().split()
    at = next((index for index, word in enumerate(words) if index and word.strip(".,") in _SCHOOL_WORDS), 0)
    return [" ".join(words[:at]), " ".join(words[at:])] if at else [" ".join(words)]


_SCHOOL_WORDS = {"UNIVERSITY", "COLLEGE", "INSTITUTE", "SCHOOL", "ACADEMY", "POLYTECHNIC"}


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_school_names_set_like_headings_and_wrapped_are_schools(document) -> None:
    # Capitals in the headings' size and weight, wrapped in a narrow column before the
    # school's word ("NATIONAL TECHNICAL" / "UNIVERSITY OF ATHENS").
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 12, "EXPERIENCE")]
    y = 712
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['name'].upper()} | {job['position']}")),
                  (72, y - 13, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}")]
        y -= 34
    lines.append((72, y, "/F2", 12, "EDUCATION"))
    y -= 18
    for school in document["education"]:
        for part in _wrapped_before_school_word(_latin(school["institution"])):
            lines.append((72, y, "/F2", 12, part))
            y -= 14
        lines.append((72, y, "/F1", 10, f"{school['startDate'][:4]} - {school['endDate'][:4]}"))
        y -= 24
    lines.append((72, y, "/F2", 12, "SKILLS"))
    result = read(*lines)
    assert [school.institution.upper() for school in result.education] == [
        _latin(school["institution"]).upper() for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_name_stacked_in_display_type_and_headings_after_icons(document) -> None:
    # The name set very large over two lines, each heading after an icon-font glyph (the
    # text layer's Private Use Area), and the entries dated day by day ("01/03/2024").
    words = _latin(document["basics"]["name"]).upper().split()
    half = (len(words) + 1) // 2
    lines = [(72, 760, "/F2", 40, " ".join(words[:half])), (72, 715, "/F2", 40, " ".join(words[half:])),
             (72, 690, "/F1", 10, document["basics"]["email"]), (72, 660, "/F2", 13, "\x07 WORK EXPERIENCE")]
    y = 640
    for job in document["work"]:
        start, end = job["startDate"], job["endDate"]
        lines += [(72, y, "/F1", 10, f"{start[8:10]}/{start[5:7]}/{start[:4]} - "
                                      + (f"{end[8:10]}/{end[5:7]}/{end[:4]}" if end else "PRESENT")),
                  (72, y - 14, "/F2", 10, _latin(job["name"].upper())), (72, y - 28, "/F1", 10, job["position"]),
                  (72, y - 42, "/F1", 10, _latin(job["highlights"][0]))]
        y -= 62
    lines.append((72, y, "/F2", 13, "\x07 EDUCATION"))
    result = read(*lines)
    assert result.contact.name.upper() == " ".join(words)
    assert [(job.company.upper(), job.title, job.start, job.end or "present") for job in result.experience] == [
        (_latin(job["name"]).upper(), position, start, end) for (position, _, start, end), job in
        zip(_expected_jobs(document), document["work"], strict=True)]
    assert [section.kind for section in result.sections][-2:] == ["experience", "education"]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_school_wrapped_before_its_kind_after_the_degree_is_one_name(document) -> None:
    # "Finance, Master - Texas A&M" / "University": the column wraps the school's name
    # before the word that closes it and names its kind; "Bachelor, Finance" above
    # "University of Washington" is a degree's line above a school's.
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Education")]
    y = 710
    for number, school in enumerate(document["education"]):
        words = _latin(school["institution"]).split()
        if number % 2 == 0 and len(words) > 1 and words[-1] in _KINDS:
            rows = [f"{school['area'] or 'General'}, {school['studyType']} - {' '.join(words[:-1])}", words[-1]]
        else:
            rows = [f"{school['studyType']}, {school['area'] or 'General'}", " ".join(words)]
        for text in [*rows, f"{school['startDate'][:4]} - {school['endDate'][:4]}"]:
            lines.append((72, y, "/F1", 10, text))
            y -= 14
        y -= 10
    result = read(*lines)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


_KINDS = {"University", "College", "Institute", "School"}


@pytest.mark.parametrize("word", ["leadership", "projects", "education", "skills", "volunteering"])
def test_a_heading_word_ending_a_wrapped_sentence_is_no_heading(word: str) -> None:
    # A narrow column wraps a highlight before its last word, which happens to be a
    # section's name in lower case.
    document = LATIN[0]
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "EXPERIENCE")]
    y = 710
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['position']} at {job['name']}")),
                  (72, y - 14, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (72, y - 28, "/F1", 10, "Designed the dashboards and reports shown to the company's"),
                  (72, y - 42, "/F1", 10, word)]
        y -= 62
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [section.kind for section in result.sections] == ["experience"]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_the_name_the_email_address_spells_beats_a_tagline_in_its_place(document) -> None:
    # A tagline set large where the name goes, and the name read into one line with the
    # headline beside it: the email address spells the name.
    basics, job = document["basics"], document["work"][0]
    result = read((72, 760, "/F2", 24, "Building Reliable Systems"),
                  (72, 735, "/F1", 10, _latin(f"{basics['name']} {basics['label']}")),
                  (72, 720, "/F1", 10, basics["email"]), (72, 690, "/F2", 13, "Experience"),
                  (72, 670, "/F2", 10, _latin(f"{job['position']} at {job['name']}")),
                  (72, 655, "/F1", 10, "Jan 2020 - Present"))
    assert result.contact.name == _latin(basics["name"])


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_date_column_wrapped_beside_its_entries_keeps_each_range(document) -> None:
    # A date column too narrow for its ranges, read into the lines beside it: the end of
    # each range starts the next line ("12/2017 - Senior Data Scientist" / "07/2021
    # Stellaris Bank"), a "Present" hyphenated over both ("Pre-" / "sent").
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    for job in document["work"]:
        start, end = job["startDate"], job["endDate"]
        first, second = ("Pre-", "sent") if not end else ("", f"{end[5:7]}/{end[:4]}")
        lines += [(72, y, "/F1", 9, f"{start[5:7]}/{start[:4]} - {first}"),
                  (140, y, "/F2", 10, _latin(job["position"])),
                  (72, y - 13, "/F1", 9, second), (140, y - 13, "/F1", 10, _latin(job["name"])),
                  (140, y - 28, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 48
    assert _jobs(read(*lines)) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_running_foot_naming_the_candidate_is_no_employer(document) -> None:
    # Templates print "<name> CV · <month year>" at the foot of each page, below the entries.
    basics = document["basics"]
    lines = [(72, 760, "/F2", 20, _latin(basics["name"])), (72, 740, "/F1", 10, basics["email"]),
             (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += _job_at(job, y)
        y -= 48
    lines.append((200, 40, "/F1", 8, _latin(f"{basics['name']} CV \x07 January 2025")))
    assert _jobs(read(*lines)) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_timeline_bar_gives_its_entry_the_years_above_and_below_it(document) -> None:
    # A timeline bar in the left column, its start year above it and its end year below,
    # which the text layer reads at the start of the entry's title line.
    lines = [(72, 760, "/F2", 20, document["basics"]["name"]), (72, 730, "/F2", 13, "Experience")]
    y = 710
    for job in document["work"]:
        start, end = job["startDate"][:4], job["endDate"][:4]
        lines += [(72, y, "/F1", 8, start if end else f"Since {start}"),
                  (72, y - 12, "/F1", 8, end), (120, y - 12, "/F2", 10, _latin(f"{job['position']}, {job['name']}")),
                  (120, y - 26, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 46
    result = read(*lines)
    assert [(job.title, job.company, job.start, job.end or "present") for job in result.experience] == [
        (job["position"], job["name"], job["startDate"][:4], job["endDate"][:4] or "present")
        for job in document["work"]]


@pytest.mark.parametrize("heading", ["", "Where I have made a difference"])
@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_jobs_under_a_heading_not_read_as_one_are_jobs(document, heading: str) -> None:
    # The experience heading drawn as a picture (no text), or worded as no dictionary
    # words it: the jobs follow the summary, in the section before them.
    basics = document["basics"]
    lines = [(72, 760, "/F2", 20, _latin(basics["name"])), (72, 740, "/F1", 10, basics["email"]),
             (72, 710, "/F2", 13, "Summary"),
             (72, 694, "/F1", 10, "Analyst who turns messy data into decisions for product teams."),
             (72, 670, "/F2", 13, heading)]
    y = 650
    for job in document["work"]:
        lines += _job_at(job, y)
        y -= 48
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        lines.append((72, y, "/F1", 10, _latin(f"{school['institution']}, {school['startDate'][:4]} - "
                                               f"{school['endDate'][:4]}")))
    result = read(*[line for line in lines if line[4]])
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


def _header(document) -> list[tuple[float, float, str, int, str]]:
    return [(72, 760, "/F2", 20, _latin(document["basics"]["name"])), (72, 740, "/F1", 10, document["basics"]["email"])]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_company_and_place_then_title_after_a_semicolon(document) -> None:
    # Rubric layouts write "Company, Place; Title" beside the dates.
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (170, y, "/F1", 10, _latin(f"{job['name']}, Riverside, CA; {job['position']}")),
                  (170, y - 14, "/F1", 10, _latin(job["highlights"][0]))]
        y -= 40
    assert _jobs(read(*lines)) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_label_every_entry_repeats_is_no_section(document) -> None:
    # "Achievements" above each entry's bullets reads as a heading; printed again and again
    # inside the experience section, it is a label, and the entries after it stay jobs.
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['position']} at {job['name']}")),
                  (72, y - 14, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (72, y - 28, "/F3", 10, "Achievements"), (72, y - 42, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 62
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [section.kind for section in result.sections] == ["experience"]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_name_in_brackets_is_a_field_of_its_own(document) -> None:
    # "Degree (Institution)" and "Title (Company)" on one line.
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['position']} ({job['name']})")),
                  (400, y, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (72, y - 14, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 34
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        lines += [(72, y, "/F1", 10, _latin(f"{school['studyType']} in {school['area']} ({school['institution']})")),
                  (400, y, "/F1", 10, f"{school['startDate'][:4]} - {school['endDate'][:4]}")]
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_ranges_set_over_several_lines_and_written_year_first(document) -> None:
    # A centred date block: "August 2022" / "— Present" / "a month" (the time spent, as
    # date libraries word it), and "2023-Sep - Present" with the year first; a school's
    # range wrapped in a narrow column ("Sep 2010 – Jun" / "2014").
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for number, job in enumerate(document["work"]):
        start, end = _month(job["startDate"]), _month(job["endDate"])
        lines += [(72, y, "/F2", 10, _latin(f"{job['position']}, {job['name']}")),
                  (72, y - 14, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        if number % 2:
            lines += [(72, y - 28, "/F1", 10, f"{job['startDate'][:4]}-{start[:3]} - "
                                              f"{job['endDate'][:4] + '-' + end[:3] if job['endDate'] else 'Present'}")]
        else:
            lines += [(200, y - 28, "/F1", 10, start), (200, y - 42, "/F1", 10, f"- {end}"),
                      (200, y - 56, "/F1", 10, "a month" if not job["endDate"] else "2 years")]
        y -= 74
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        lines += [(72, y, "/F1", 10, f"Sep {school['startDate'][:4]} - Jun"),
                  (72, y - 14, "/F1", 10, school["endDate"][:4]), (160, y, "/F1", 10, _latin(school["institution"]))]
        y -= 14
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [(school.institution, school.end) for school in result.education] == [
        (_latin(school["institution"]), f"{school['endDate'][:4]}-06") for school in document["education"]]


def test_a_soft_hyphen_in_a_text_layer_is_a_hyphen_shown() -> None:
    result = read((72, 760, "/F2", 20, "Grace Kim-Park"), (72, 740, "/F1", 10, "grace.kim\xadpark@example.org"))
    assert list(result.contact.emails) == ["grace.kim-park@example.org"]


@pytest.mark.parametrize(("shown", "targets", "emails", "phones"), [
    # "tel://" as some themes write it: the same number, not a second one.
    ("+91 98280 19979 | ravi@example.in", ("tel://+91-9828019979", "mailto:ravi@example.in"),
     ["ravi@example.in"], ["+919828019979"]),
    # Targets scrambled for a script that a PDF printer does not run.
    ("+48 512 236 456 | ola@example.org", ("tel:+93067781901", "mailto:byn@rknzcyr.bet"),
     ["ola@example.org"], ["+48512236456"]),
    # Icons alone on the page: the targets are all there is, spaces and all.
    ("\x07 \x07", ("tel: +48512236456", "mailto: ola@example.org"), ["ola@example.org"], ["+48512236456"]),
    # A target written as a URL, its spaces percent-escaped.
    ("\x07 \x07", ("tel:+91%2098729%2025749", "mailto:ola%40example.org"), ["ola@example.org"], ["+919872925749"]),
])
def test_link_targets_give_an_email_or_phone_only_where_the_text_shows_none(shown, targets, emails, phones) -> None:
    document = ExtractedDocument("pdf", f"Ola Nowak\n{shown}\nExperience", 1, "", (), links=targets)
    contact = analyse(document).contact
    assert (list(contact.emails), list(contact.phones)) == (emails, phones)


@pytest.mark.parametrize(("line", "place"), [
    ("Kraków, Poland +48 512 192 851", "Kraków, Poland"),  # the phone beside the place, no separator
    ("Athens, , GR", "Athens, GR"),  # a template's empty region
    ("Denver, CO (US)", "Denver, CO, US"),  # the country in brackets
])
def test_the_place_on_a_contact_line_is_the_location(line: str, place: str) -> None:
    # Below it, a job's "Company, City, Country" line, which is no place of the candidate.
    result = read((72, 760, "/F2", 20, "Sophie Laurent"), (72, 740, "/F1", 10, _latin(line)),
                  (72, 726, "/F1", 10, "sophie.laurent@example.org"), (72, 700, "/F2", 13, "Experience"),
                  (72, 684, "/F2", 10, "Engineering Manager 08/2021 - Present"),
                  (72, 670, "/F1", 10, "Atelier Moreau, Dublin, Ireland"))
    assert result.contact.location == _latin(place)


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_an_at_sign_before_a_name_opens_the_company_or_school(document) -> None:
    # "Title @Company – Place" and "Degree in Field @School", years in a gutter.
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F3", 9, f"{job['startDate'][:4]} - {job['endDate'][:4] or 'now'}"),
                  (130, y, "/F2", 10, _latin(f"{job['position']} @{job['name']} - Columbus, OH")),
                  (130, y - 14, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 34
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        lines += [(72, y, "/F3", 9, f"{school['startDate'][:4]} - {school['endDate'][:4]}"),
                  (130, y, "/F2", 10, _latin(f"{school['studyType']} in {school['area']} @{school['institution']}"))]
    result = read(*lines)
    assert [(job.title, job.company) for job in result.experience] == [
        (job["position"], job["name"]) for job in document["work"]]
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


def test_a_contact_column_of_labels_and_addresses_broken_after_a_slash() -> None:
    # A narrow sidebar: labels before the values ("Home Milan, Italy") and web addresses
    # broken after a slash ("linkedin.com/" / "in/annadupont").
    result = read((72, 760, "/F2", 20, "Anna Dupont"), (400, 740, "/F1", 9, "Home Milan, Italy"),
                  (400, 726, "/F1", 9, "Email anna.dupont@example.org"), (400, 712, "/F1", 9, "linkedin.com/"),
                  (400, 700, "/F1", 9, "in/annadupont | x.com/annadupont"), (400, 686, "/F1", 9, "github.com/"),
                  (400, 674, "/F1", 9, "annadupont"), (72, 700, "/F2", 13, "Experience"),
                  (72, 684, "/F1", 10, "Data Scientist @Brava Energia 2016 - 2020"))
    assert result.contact.location == "Milan, Italy"
    assert [link.url for link in result.contact.links] == ["https://linkedin.com/in/annadupont",
                                                          "https://x.com/annadupont", "https://github.com/annadupont"]


def test_a_skill_wrapped_inside_its_tag_is_one_skill() -> None:
    # Tags too narrow for their skill: "Content" / "Marketing", and "Project" /
    # "Management", whose first word alone reads as a heading; justified keywords
    # hyphenated at a line's end ("Lo-" / "gistics").
    result = read((72, 760, "/F2", 20, "Mateusz Kowalczyk"), (72, 740, "/F1", 10, "mateusz@example.org"),
                  (72, 700, "/F2", 13, "Skills"), (72, 684, "/F1", 10, "Six Sigma Content"),
                  (72, 672, "/F1", 10, "Marketing \x95 Lo-"), (72, 660, "/F1", 10, "gistics \x95 Project"),
                  (72, 648, "/F1", 10, "Management"), (72, 620, "/F2", 13, "Languages"),
                  (72, 604, "/F1", 10, "English Fluent"))
    assert {"Content Marketing", "Project Management", "Six Sigma", "Logistics"} <= {
        skill.name for skill in result.skills}
    assert [section.kind for section in result.sections] == ["skills", "languages"]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_lower_case_headings_and_the_employer_set_smaller_on_the_title_line(document) -> None:
    # Headings in lower case throughout ("experience", "education"), the first after a
    # bullet that could have run on into it; each entry's employer and place in smaller
    # type at the end of its title line, with no separator in the text.
    lines = [*_header(document), (72, 710, "/F1", 16, "experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F1", 10, f"{job['startDate'][:4]}-{job['endDate'][:4]} " if job["endDate"] else
                   f"since {job['startDate'][:4]} ") , (200, y, "/F1", 10, _latin(job["position"])),
                  (360, y, "/F1", 7, _latin(f"{job['name']}, Riverside, CA")),
                  (90, y - 14, "/F1", 10, _latin(f"- {job['highlights'][0]} across the four regional teams"))]
        y -= 34
    lines.append((72, y, "/F1", 16, "education"))
    for school in document["education"]:
        y -= 20
        lines += [(72, y, "/F1", 10, f"{school['startDate'][:4]}-{school['endDate'][:4]}"),
                  (200, y, "/F1", 10, _latin(f"{school['studyType']} in {school['area']}")),
                  (400, y, "/F1", 7, _latin(school["institution"]))]
    result = read(*lines)
    assert [(job.title, job.company) for job in result.experience] == [
        (_latin(job["position"]), _latin(job["name"])) for job in document["work"]]
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


def test_letters_of_unmapped_icons_before_contact_items() -> None:
    # An icon font without a Unicode map: "B" before the place, "T" before the phone.
    result = read((72, 760, "/F2", 20, "Luca Moretti"), (72, 740, "/F1", 10, "B Milan, Italy"),
                  (72, 726, "/F1", 10, "T +39 347 913 2292"), (72, 712, "/F1", 10, "@ luca.moretti@example.com"),
                  (72, 680, "/F2", 13, "Experience"), (72, 664, "/F1", 10, "UX Designer, Brava Energia 2015 - 2018"))
    assert (result.contact.location, list(result.contact.phones)) == ("Milan, Italy", ["+393479132292"])


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_schools_under_a_heading_not_read_are_schools_not_jobs(document) -> None:
    # The education heading drawn as a picture: the schools follow the jobs, in the
    # experience section, with their degree and dates.
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += _job_at(job, y)
        y -= 48
    for school in document["education"]:
        lines += [(72, y, "/F2", 10, _latin(f"{school['studyType']} in {school['area']}, {school['institution']}")),
                  (72, y - 14, "/F1", 10, f"{school['startDate'][:4]} - {school['endDate'][:4]}")]
        y -= 34
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)
    assert [school.institution for school in result.education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_headings_on_the_baseline_of_their_first_line_beside_a_heading_line(document) -> None:
    # A label column whose headings share a line with their section's first line, in a
    # document whose experience heading stands on a line of its own.
    lines = [*_header(document), (72, 710, "/F2", 12, "Work"), (72, 690, "/F2", 12, "Skills"),
             (200, 690, "/F1", 10, "Analysis"), (200, 676, "/F1", 10, "SQL"), (200, 662, "/F1", 10, "Tableau")]
    y = 640
    school = document["education"][0]
    lines += [(72, y, "/F2", 12, "Education"),
              (200, y, "/F1", 10,
               _latin(f"{school['institution']} {school['startDate'][:4]} - {school['endDate'][:4]}")),
              (200, y - 14, "/F1", 10, _latin(f"{school['studyType']} in {school['area']}"))]
    result = read(*lines)
    assert [section.kind for section in result.sections] == ["experience", "skills", "education"]
    assert [school.institution for school in result.education] == [_latin(school["institution"])]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_place_wrapped_after_its_comma_and_a_highlight_after_a_function_word(document) -> None:
    # "Title at Company City," / "Region" on the next line; an unbulleted highlight
    # wrapped before its last word ("reviews in" / "Excel").
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['position']} at {job['name']} Denver,")),
                  (72, y - 14, "/F2", 10, "CO"),
                  (400, y - 14, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (72, y - 28, "/F1", 10, "Cut stock-outs by a third with weekly inventory reviews in"),
                  (72, y - 42, "/F1", 10, "Excel")]
        y -= 62
    assert [(job.title, job.company, job.location) for job in read(*lines).experience] == [
        (_latin(job["position"]), _latin(job["name"]), "Denver, CO") for job in document["work"]]


def _page_head(document, heading: str) -> list[tuple[float, float, str, int, str]]:
    """The name, the email and a section's heading at the top of a page."""
    return [(72, 760, "/F2", 20, _latin(document["basics"]["name"])), (72, 740, "/F1", 10, document["basics"]["email"]),
            (72, 715, "/F2", 13, heading)]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_floats_drawn_before_the_flow_beside_an_edge_read_top_to_bottom(document) -> None:
    # Browsers paint floats first: each entry's title row (title left, its first
    # highlight floated at the middle of the page) comes before the flow that holds the
    # employers and the full-width highlights, which cross the floats' edge.
    floats, flow = [], _page_head(document, "Work")
    y = 695
    for job in document["work"]:
        flow.append((72, y, "/F2", 12, _latin(job["name"])))
        floats += [(72, y - 16, "/F1", 10, f"{_latin(job['position'])} {job['startDate'][:10]} - "
                                           f"{job['endDate'][:10] or 'Present'}"),
                   (330, y - 16, "/F1", 10, "Designed the onboarding flow")]
        flow += [(90, y - 30, "/F1", 10, _latin(f"{job['highlights'][0]} for the four regional teams"))]
        y -= 50
    result = read(*floats, *flow)
    assert [(job.title, job.company, job.start) for job in result.experience] == [
        (_latin(job["position"]), _latin(job["name"]), job["startDate"][:7]) for job in document["work"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_floats_at_the_right_painted_before_the_whole_flow_stay_on_their_lines(document) -> None:
    # WeasyPrint paints a block's floats before its lines: every entry's dates and place,
    # floated at the right of its title and employer lines, come first in the stream.
    floats, flow = [], _page_head(document, "Work Experience")
    y = 695
    for job in document["work"]:
        dates, place = f"{_month(job['startDate'])} - {_month(job['endDate'])}", _latin(job["location"])
        floats += [(_flush_right(dates, "/F1"), y, "/F1", 10, dates),
                   (_flush_right(place, "/F1"), y - 14, "/F1", 10, place)]
        flow += [(72, y, "/F2", 11, _latin(job["position"])), (72, y - 14, "/F2", 11, _latin(job["name"])),
                 (84, y - 28, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 48
    result = read(*floats, *flow)
    assert _jobs(result) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_range_floated_beside_two_lines_ends_on_the_second(document) -> None:
    # "Company - Title 2021-11-01" / "— Present"; "School 2012-09-01" / "Degree — 2014-06-01".
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F2", 10, _latin(f"{job['name']} - {job['position']}")),
                  (480, y, "/F1", 9, job["startDate"]),
                  (480, y - 12, "/F1", 9, f"- {job['endDate'] or 'Present'}"),
                  (90, y - 26, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 44
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        y -= 20
        lines += [(72, y, "/F2", 10, _latin(school["institution"])), (480, y, "/F1", 9, school["startDate"]),
                  (72, y - 12, "/F1", 10, _latin(f"{school['studyType']} - {school['area']}")),
                  (480, y - 12, "/F1", 9, f"- {school['endDate']}")]
        y -= 12
    result = read(*lines)
    assert [(job.company, job.start, job.end or "present") for job in result.experience] == [
        (_latin(job["name"]), job["startDate"][:7], job["endDate"][:7] or "present") for job in document["work"]]
    assert [(school.institution, school.end) for school in result.education] == [
        (_latin(school["institution"]), school["endDate"][:7]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_name_set_in_two_fonts_on_one_baseline_drawn_apart_is_one(document) -> None:
    # The given name light and the surname bold in a header band, the sidebar drawn
    # between them in the content stream.
    given, _, family = _latin(document["basics"]["name"]).partition(" ")
    sidebar = [(40, 680 - 14 * index, "/F1", 10, text) for index, text in
               enumerate(["contact", document["basics"]["email"], "design", "Adobe Illustrator", "User Research"])]
    result = read((110, 760, "/F1", 36, given), *sidebar, (110 + 20 * len(given), 760, "/F2", 36, family),
                  (200, 700, "/F2", 13, "Experience"), (200, 684, "/F1", 10, "UX Designer, Brava Energia 2015 - 2018"))
    assert result.contact.name == _latin(document["basics"]["name"])


def test_the_text_an_icon_font_shows_is_an_icon() -> None:
    # Icon fonts whose text layer names the glyph ("map-marker-alt") or reads as a letter:
    # before a place, a phone and a heading, each is an icon, not a word.
    result = read((72, 760, "/F2", 20, "Rosa Delgado"), (72, 740, "/F4", 10, "map-marker-alt"),
                  (90, 740, "/F1", 10, "Austin, TX"), (72, 726, "/F4", 10, "T"), (90, 726, "/F1", 10, "(512) 555-0134"),
                  (72, 700, "/F4", 12, "SUITCASE"), (90, 700, "/F2", 12, "EXPERIENCE"),
                  (72, 684, "/F1", 10, "Senior Software Engineer, Brightline Analytics 2017 - 2020"))
    assert (result.contact.location, list(result.contact.phones)) == ("Austin, TX", ["+15125550134"])
    assert [(section.kind, section.heading) for section in result.sections] == [("experience", "EXPERIENCE")]


@pytest.mark.parametrize("tags", ["Python SQL Tableau", "Content Marketing", "Forecasting QuickBooks SAP"])
@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_date_column_with_the_end_above_the_start_and_tags_under_the_bullets(document, tags: str) -> None:
    # The end date beside an entry's one-line header, its start beside the first bullet
    # (an icon), and a row of the skills the bullets name as tags under them: several, one,
    # or skills under another of their names ("Forecasting").
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        end = f"{job['endDate'][5:7]}/{job['endDate'][:4]}" if job["endDate"] else "Present"
        lines += [(72, y, "/F1", 9, end),
                  (130, y, "/F2", 10, _latin(f"{job['position']}, {job['name']}, Dublin, Ireland")),
                  (72, y - 14, "/F1", 9, f"{job['startDate'][5:7]}/{job['startDate'][:4]}"),
                  (116, y - 14, "/F4", 9, "Angle-Right"), (130, y - 14, "/F1", 10, _latin(job["highlights"][0])),
                  (130, y - 28, "/F1", 9, tags)]
        y -= 46
    assert _jobs(read(*lines)) == _expected_jobs(document)


def test_a_templates_credit_line_gives_no_skill_and_no_link() -> None:
    # "CV made with JSON Resume using theme Minyma by godraadam", linked to its author.
    text = ("Hannah Lindqvist\nhannah@example.org\nSkills\nPython, SQL\n"
            "CV made with JSON Resume using theme Minyma by godraadam")
    document = ExtractedDocument("pdf", text, 1, "", (), links=("https://github.com/godraadam",
                                                                 "https://github.com/hannahlindqvist"))
    result = analyse(document)
    assert [link.url for link in result.contact.links] == ["https://github.com/hannahlindqvist"]
    assert [skill.name for skill in result.skills] == ["Python", "SQL"]


_WRAPPED_PLACES = [("Athens,", "Greece"), ("Lyon,", "France"), ("Porto,", "Portugal")]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_sidebar_on_the_main_columns_baselines_under_a_summary_across_the_page(document) -> None:
    # A head across the page (the name centred over the gutter, a summary as wide as both
    # columns), then a skills sidebar whose groups stand on the main column's baselines, a
    # line apart: its lines are no keys of the entries beside them. The entries give
    # "Title at Company Place," with the dates right-aligned, and the place's country below.
    basics = document["basics"]
    pitch = 12.6
    head = [(230, 760, "/F2", 20, _latin(basics["name"])), (230, 735, "/F1", 12, _latin(basics["label"])),
            (190, 718, "/F1", 9, _latin(f"{basics['email']} - {basics['phone']}")),
            (51, 690, "/F1", 9, "I am looking for a team that ships often and learns from what it ships, "
                                "and I write plainly.")]
    keywords = [keyword for group in document["skills"] for keyword in group["keywords"]]
    side = ["SKILLS", "Languages", ", ".join(keywords[:2]) + ",", keywords[2], "", "Tools", ", ".join(keywords[3:5]),
            "", "LANGUAGES", "English", "Fluent"]
    main = ["WORK EXPERIENCE"]
    for job, (city, country) in zip(document["work"], _WRAPPED_PLACES, strict=False):
        main += [(_latin(f"{job['position']} at {job['name']} {city}"), f"{_month(job['startDate'])} - "
                  f"{_month(job['endDate'])}"), country, *[_latin(f"- {line}") for line in (job["highlights"] * 4)[:4]]]
    main.append("EDUCATION")
    for school in document["education"]:
        main += [(_latin(school["institution"]), f"{school['startDate'][:4]} - {school['endDate'][:4]}"),
                 _latin(school["studyType"]), ""]
    rows = []
    for index in range(max(len(side), len(main))):
        y = 660 - pitch * index
        if index < len(side) and side[index]:
            rows.append((57, y, "/F2" if side[index].isupper() else "/F1", 9, _latin(side[index])))
        if index < len(main) and main[index]:
            text, dates = main[index] if isinstance(main[index], tuple) else (main[index], "")
            rows.append((209, y, "/F2" if text.isupper() else "/F1", 9, text))
            rows += [(480, y, "/F1", 9, dates)] if dates else []
    document_read = extract(one_page_pdf(set_lines(*head, *rows)), "application/pdf", "sidebar.pdf")
    lines = document_read.text.splitlines()
    assert lines[:4] == [_latin(basics["name"]), _latin(basics["label"]), head[2][4], head[3][4]]
    assert all(_latin(text) in lines for text in side if text)  # each sidebar line a line of its own
    result = analyse(document_read)
    expected = [(_latin(job["position"]), _latin(job["name"]), f"{city} {country}")
                for job, (city, country) in zip(document["work"], _WRAPPED_PLACES, strict=False)]
    assert [(job.title, job.company, job.location) for job in result.experience] == expected


@pytest.mark.parametrize("document", [document for document in LATIN if len(document["work"]) >= 3],
                         ids=lambda document: document["basics"]["name"])
def test_dates_right_aligned_in_the_main_column_beside_a_sidebar_on_the_right(document) -> None:
    # The main column's entries end in dates right-aligned at its edge, well right of its
    # text; the sidebar on the right holds the name, contact details and schools. The free
    # stretch beside the text, left of the dates, is no gutter: the dates are the entries'.
    # (Three jobs make a page long enough to tell its columns by its runs.)
    basics = document["basics"]
    main = ["WORK EXPERIENCE"]
    for job in document["work"]:
        main += [(_latin(job["position"]), f"{job['startDate'][:4]} - {job['endDate'][:4] or 'Present'}"),
                 _latin(job["name"]), *[_latin(f"- {job['name']} {n}: {line}"[:48])
                                         for n, line in enumerate((job["highlights"] * 4)[:4], 1)], ""]
    side = [_latin(basics["name"]), _latin(basics["label"]), "", _latin(basics["email"]), basics["phone"], "",
            "EDUCATION"]
    for school in document["education"]:
        side += [_latin(school["studyType"]), _latin(school["institution"])[:24],
                 f"{school['startDate'][:4]} - {school['endDate'][:4]}", ""]
    side += ["LANGUAGES", "English (Fluent)", "Spanish (Basic)"]
    rows = []
    for index in range(max(len(main), len(side))):
        y = 740 - 12 * index
        if index < len(main) and main[index]:
            text, dates = main[index] if isinstance(main[index], tuple) else (main[index], "")
            rows.append((77, y, "/F2" if text.isupper() else "/F1", 9, text))
            rows += [(364, y, "/F1", 9, dates)] if dates else []
        if index < len(side) and side[index]:
            rows.append((453, y, "/F2" if side[index].isupper() else "/F1", 8, side[index]))
    result = read(*rows)
    assert [(job.title, job.company, job.start[:4]) for job in result.experience] == [
        (_latin(job["position"]), _latin(job["name"]), job["startDate"][:4]) for job in document["work"]]


_DURATIONS = {"fr": ("{years} ans {months} mois", "Juil. 2022 - Aujourd'hui"),
              "de": ("{years} Jahre {months} Monate", "Juli 2022 - heute"),
              "es": ("{years} años {months} meses", "jul. 2022 - actualidad"),
              "it": ("{years} anni {months} mesi", "lug 2022 - oggi")}


@pytest.mark.parametrize("language", list(_DURATIONS))
@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_the_time_spent_in_another_language_is_no_employer(document, language: str) -> None:
    # A column of dates with the time spent under them ("4 ans 5 mois"), beside the title
    # over the employer and its place: the time spent is no field of the entry.
    spent, dates = _DURATIONS[language]
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for index, job in enumerate(document["work"]):
        lines += [(72, y, "/F1", 9, dates), (72, y - 12, "/F1", 8, spent.format(years=index + 1, months=index + 2)),
                  (190, y, "/F2", 10, _latin(job["position"])), (190, y - 13, "/F1", 10, _latin(job["name"])),
                  (200, y - 27, "/F1", 10, _latin(f"- {job['highlights'][0]}"))]
        y -= 46
    assert [(job.title, job.company) for job in read(*lines).experience] == [
        (_latin(job["position"]), _latin(job["name"])) for job in document["work"]]


@pytest.mark.parametrize(("text", "place"), [("Milan, (IT)", True), ("Milan (IT)", True), ("Riverside, CA (US)", True),
                                             ("Python (ML)", False), ("Acme Corp (US)", False)])
def test_a_place_with_its_country_code_in_brackets_is_a_place(text: str, place: bool) -> None:
    # "City, (CC)" after a pin icon; a skill with an abbreviation in brackets is none.
    assert is_location(text) is place


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_school_on_the_line_after_its_degree_opening_with_at(document) -> None:
    # "Master in Statistics" / "at Georgia Institute of Technology" / dates: a narrow
    # column's "Degree at School" wrapped before the school.
    lines = [*_header(document), (72, 710, "/F2", 13, "Education")]
    y = 690
    for school in document["education"]:
        degree = f"{school['studyType']} in {school['area']}" if school["area"] else school["studyType"]
        lines += [(72, y, "/F1", 10, _latin(degree)), (72, y - 13, "/F1", 10, _latin(f"at {school['institution']}")),
                  (72, y - 26, "/F1", 10, f"{school['startDate'][:4]} - {school['endDate'][:4]}")]
        y -= 44
    assert [school.institution for school in read(*lines).education] == [
        _latin(school["institution"]) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_a_label_set_like_the_headings_that_is_also_a_title_stays_a_title(document) -> None:
    # The label under the name in the headings' type (size, bold, capitals) whose words
    # are the title of an entry below, printed there in smaller capitals: a line printed
    # twice is no heading, and the entry keeps its title.
    job = document["work"][0]
    title = _latin(job["position"]).upper()
    lines = [(72, 760, "/F2", 20, _latin(document["basics"]["name"])), (72, 742, "/F2", 9, title),
             (72, 728, "/F1", 8, document["basics"]["email"]), (72, 700, "/F2", 9, "SUMMARY"),
             (72, 688, "/F1", 8, "Plain writing and careful work."), (72, 664, "/F2", 9, "EXPERIENCE"),
             (72, 650, "/F2", 8, title), (72, 638, "/F1", 8, _latin(f"{job['name']} | Jan 2021 - Present")),
             (72, 626, "/F1", 8, _latin(job["highlights"][0])), (72, 602, "/F2", 9, "LANGUAGES"),
             (72, 590, "/F1", 8, "English | Fluent")]
    assert [(entry.title.upper(), entry.company) for entry in read(*lines).experience] == [(title, _latin(job["name"]))]


@pytest.mark.parametrize("handle", ["jdoe", "jane-doe-42"])
def test_an_address_printed_with_spaces_after_its_slashes_is_one_link(handle: str) -> None:
    # A template that prints a space after each slash for a narrow column to break at
    # ("https://www.linkedin.com/ in/" / "jdoe").
    result = read((72, 760, "/F2", 20, "Jane Doe"), (72, 745, "/F1", 10, "jane.doe@example.com"),
                  (72, 731, "/F1", 10, "https://www.linkedin.com/ in/"), (72, 718, "/F1", 10, handle),
                  (72, 704, "/F1", 10, "https://github.com/"), (72, 691, "/F1", 10, handle),
                  (72, 660, "/F2", 13, "Experience"), (72, 645, "/F2", 10, "Engineer"),
                  (72, 632, "/F1", 10, "Acme Corp, Jan 2020 - Present"))
    assert sorted(link.url for link in result.contact.links) == sorted(
        [f"https://www.linkedin.com/in/{handle}", f"https://github.com/{handle}"])


@pytest.mark.parametrize("document", LATIN[:4], ids=lambda document: document["basics"]["name"])
def test_text_drawn_in_forms_is_kept_on_a_page_cut_into_columns(document) -> None:
    # A short page of two columns (entries at the left, contact details and skills at the
    # right) whose dates are drawn inside forms in the flow's order, as WeasyPrint draws a
    # box with opacity: pypdf's layout rendering, which cuts such a page, leaves form text
    # out; nothing may be lost.
    basics = document["basics"]
    keywords = [keyword for group in document["skills"] for keyword in group["keywords"]]
    side = [basics["email"], basics["phone"], *keywords]
    content = [set_lines((72, 760, "/F2", 20, _latin(basics["name"])), (72, 720, "/F2", 13, "Experience"))]
    forms = {}
    y = 700
    for number, job in enumerate(document["work"][:3]):
        content.append(set_lines((72, y, "/F2", 11, _latin(job["name"]))))
        forms[f"X{number}"] = (set_lines((0, 0, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}")),
                               (1, 0, 0, 1, 0, 0))
        content.append(f"q 1 0 0 1 72 {y - 14} cm /X{number} Do Q".encode())
        content.append(set_lines((72, y - 28, "/F1", 10, _latin(job["position"]))))
        y -= 48
    content.append(set_lines((400, 720, "/F2", 13, "Contact"),
                             *[(400, 702 - 14 * index, "/F1", 10, _latin(item)) for index, item in enumerate(side)]))
    text = extract(one_page_pdf(b" ".join(content), forms=forms), "application/pdf", "cv.pdf").text
    for job in document["work"][:3]:
        assert f"{_month(job['startDate'])} - {_month(job['endDate'])}" in text
    assert basics["email"] in text


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_timelines_event_phrase_before_the_employer_or_school_is_no_part_of_it(document) -> None:
    # A timeline of events: "Joined Acme" over the title, "Graduated from Lund University".
    basics = document["basics"]
    lines = [(72, 760, "/F2", 20, basics["name"]), (72, 740, "/F1", 10, basics["email"]),
             (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        lines += [(72, y, "/F1", 9, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (72, y - 14, "/F2", 11, _latin(f"Joined {job['name']}")),
                  (72, y - 28, "/F3", 10, _latin(job["position"]))]
        y -= 48
    lines.append((72, y, "/F2", 13, "Education"))
    for school in document["education"]:
        lines += [(72, y - 20, "/F1", 9, school["endDate"][:4]),
                  (72, y - 34, "/F2", 11, _latin(f"Graduated from {school['institution']}")),
                  (72, y - 48, "/F1", 10, _latin(f"{school['studyType']} in {school['area']}"))]
        y -= 48
    result = read(*lines)
    assert [job.company for job in result.experience] == [_latin(job["name"]) for job in document["work"]]
    assert [(school.institution, school.field) for school in result.education] == [
        (_latin(school["institution"]), _latin(school["area"])) for school in document["education"]]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("marker", ["", "- "], ids=["highlights unmarked", "highlights dashed"])
def test_a_bullet_opening_each_entry_above_its_dates_marks_the_employer(document, marker: str) -> None:
    # "• Acme Corp  Berlin" over "Engineer  2019 - 2021", in one face (as a scan reads it,
    # the small bullets of the highlights lost or another mark): the bullet opens the entry.
    basics = document["basics"]
    lines = [(72, 760, "/F1", 20, basics["name"]), (72, 740, "/F1", 10, basics["email"]),
             (72, 710, "/F1", 13, "EXPERIENCE")]
    y = 690
    for job in document["work"]:
        dates = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        lines += [(72, y, "/F1", 11, _latin(f"\x95 {job['name']}")),
                  (72, y - 14, "/F1", 10, _latin(job["position"])),
                  (_flush_right(dates, "/F1"), y - 14, "/F1", 10, dates)]
        lines += [(84, y - 28 - 14 * index, "/F1", 10, _latin(f"{marker}{line}"))
                  for index, line in enumerate(job["highlights"])]
        y -= 40 + 14 * len(job["highlights"])
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("written", ["numeric", "named"])
def test_a_range_stacked_without_its_dash_beside_the_entry(document, written: str) -> None:
    # A date column stacking each range, the start beside the title and the end alone below
    # it, with no dash between them (as a scan reads a thin dash it lost): "05/2023" / "Present".
    def date(iso: str) -> str:
        if not iso:
            return "Present"
        return f"{iso[5:7]}/{iso[:4]}" if written == "numeric" else _month(iso)

    basics = document["basics"]
    lines = [(50, 760, "/F2", 20, basics["name"]), (50, 740, "/F1", 10, basics["email"]),
             (50, 710, "/F2", 13, "Career Summary")]
    y = 690
    for job in document["work"]:
        lines += [(50, y, "/F1", 10, date(job["startDate"])), (130, y, "/F2", 11, _latin(job["position"])),
                  (50, y - 12, "/F1", 10, date(job["endDate"])), (130, y - 24, "/F1", 11, _latin(job["name"])),
                  (130, y - 38, "/F1", 10, _latin(job["highlights"][0]))]
        y -= 58
    result = read(*lines)
    assert _jobs(result) == _expected_jobs(document)


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
@pytest.mark.parametrize("mark", ["{name} - Page 2", "Page 2 of 2", "2/2"])
def test_a_page_number_printed_on_the_later_pages_only_is_no_entry_line(document, mark: str) -> None:
    # A page break inside an entry's bullets, the second page opening with its number
    # (after the candidate's name or alone), which the first page does not print.
    basics = document["basics"]
    lines = [basics["name"], basics["email"], "Experience"]
    for job in document["work"]:
        lines += [f"{job['position']} at {job['name']}", f"{_month(job['startDate'])} - {_month(job['endDate'])}",
                  *[f"- {highlight}" for highlight in job["highlights"]]]
    cut = lines.index(f"{document['work'][1]['position']} at {document['work'][1]['name']}") + 3
    pages = [[_latin(line) for line in lines[:cut]],
             [_latin(mark.format(name=basics["name"])), *(_latin(line) for line in lines[cut:])]]
    result = analyse(extract(text_pdf(pages), "application/pdf", "cv.pdf"))
    assert _jobs(result) == [(_latin(title), _latin(company), start, end)
                             for title, company, start, end in _expected_jobs(document)]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_an_entrys_dates_and_place_after_icons_are_no_bullet(document) -> None:
    # AltaCV's events: the title large, the employer in bold, then a calendar icon before
    # the dates and a pin before the place on one line, and bullets as wide as the column.
    # The icon opening the dates' line marks them: it is no bullet, and the next title is
    # no wrapped rest of the bullet above it.
    lines = [*_header(document), (72, 710, "/F2", 13, "Experience")]
    y = 690
    for job in document["work"]:
        period = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        lines += [(72, y, "/F1", 12, _latin(job["position"])), (72, y - 14, "/F2", 10, _latin(job["name"])),
                  (72, y - 27, "/F4", 8, "C"), (82, y - 27, "/F1", 8, period),
                  (182, y - 27, "/F4", 8, "M"), (192, y - 27, "/F1", 8, _latin(job["location"])),
                  (80, y - 40, "/F1", 9, _latin(f"- {job['highlights'][0]} across the four regional business units"))]
        y -= 60
    assert _jobs(read(*lines)) == _expected_jobs(document)


def _tex_line(x: float, y: float, cells: list[str], size: int = 10, cell_gap: int = 5848) -> bytes:
    """A line as TeX writes it, one TJ: the words of each cell a space's move apart (333
    thousandths, more than Helvetica's space), the cells `cell_gap` apart."""
    def words(cell: str) -> bytes:
        return b" -333 ".join(b"(" + word.encode("latin-1") + b")" for word in cell.split())
    return (f"BT /F1 {size} Tf {x} {y} Td [".encode() + f" -{cell_gap} ".encode().join(map(words, cells))
            + b"] TJ ET")


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_cells_of_a_tex_line_are_fields_and_a_stretched_line_is_words(document) -> None:
    # McDowell's rows: title, employer and dates in three cells of one TJ, parted by moves
    # many ems wide; Deedy's narrow column: a school's name stretched across it, every
    # word gap wide. The first are fields, the second one name.
    basics = document["basics"]
    content = [_tex_line(72, 760, [_latin(basics["name"])], size=20), _tex_line(72, 740, [basics["email"]]),
               _tex_line(72, 710, ["Experience"], size=13)]
    y = 690
    for job in document["work"]:
        period = f"{_month(job['startDate'])} - {_month(job['endDate'])}"
        content += [_tex_line(72, y, [_latin(job["position"]), _latin(job["name"]), period]),
                    _tex_line(80, y - 14, [_latin(f"- {job['highlights'][0]}")])]
        y -= 34
    school = document["education"][0]["institution"].upper().split()
    content += [_tex_line(72, y, ["Education"], size=13),
                _tex_line(72, y - 20, [" ".join(school[:3])], cell_gap=2373)
                .replace(b" -333 ", b" -2373 "),
                _tex_line(72, y - 32, [" ".join(school[3:])] if school[3:] else []),
                _tex_line(72, y - 44, [f"{document['education'][0]['studyType']} in Statistics"])]
    extracted = extract(one_page_pdf(b" ".join(content)), "application/pdf", "tex.pdf")
    result = analyse(extracted)
    assert _jobs(result) == [(_latin(title), _latin(company), start, end)
                             for title, company, start, end in _expected_jobs(document)]
    assert " ".join(school[:3]) in extracted.text


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_dates_drawn_before_the_left_of_their_line_stay_apart(document) -> None:
    # Typst's resume-ng draws an entry's dates, set flush right, before "Company | Title"
    # at the left of the same line; a list's marker drawn after its item stays on its line.
    lines = [*_header(document), (72, 710, "/F2", 13, "Work Experience")]
    y = 690
    for job in document["work"]:
        lines += [(430, y, "/F1", 10, f"{_month(job['startDate'])} - {_month(job['endDate'])}"),
                  (72, y, "/F2", 10, _latin(f"{job['name']} | {job['position']}")),
                  (84, y - 14, "/F1", 10, _latin(job["highlights"][0])), (74, y - 14, "/F1", 10, "-")]
        y -= 34
    extracted = extract(one_page_pdf(set_lines(*lines)), "application/pdf", "typst.pdf")
    assert _jobs(analyse(extracted)) == [(_latin(title), _latin(company), start, end)
                                         for title, company, start, end in _expected_jobs(document)]
    assert "-" not in extracted.text.splitlines()


# People whose names are capitalised words only: run together, their capitals part them.
PLAIN_NAMES = [document for document in LATIN
               if all(word.isalpha() and word[0].isupper() for word in document["basics"]["name"].split())]


@pytest.mark.parametrize("document", PLAIN_NAMES, ids=lambda document: document["basics"]["name"])
def test_a_letter_spaced_name_closed_up_is_parted_where_the_email_spells_it(document) -> None:
    # The McDowell class tracks the name's letters and moves a little further between its
    # words, with no space glyph: the text layer has one space in every gap ("J a m a l
    # H a d d a d"), which closes up into one word.
    basics = document["basics"]
    glyphs = b" -900 ".join(b" -300 ".join(b"(" + letter.encode() + b")" for letter in word)
                            for word in basics["name"].split())
    content = b"BT /F1 20 Tf 200 760 Td [" + glyphs + b"] TJ ET " + set_lines(
        (72, 740, "/F1", 10, basics["email"]), (72, 710, "/F2", 13, "Experience"),
        *_job_at(document["work"][0], 690))
    result = analyse(extract(one_page_pdf(content), "application/pdf", "tracked.pdf"))
    assert result.contact.name == basics["name"]


@pytest.mark.parametrize(("name", "email"), [("Ronald McDonald", "ronald.mcdonald@example.com"),
                                             ("Ana DeAndrade", "ana.deandrade@example.com")])
def test_a_capital_inside_a_surname_stays_where_the_email_spells_it_whole(name: str, email: str) -> None:
    result = read((72, 760, "/F1", 10, "Resume"), (72, 740, "/F1", 10, f"{name} | {email}"),
                  (72, 710, "/F2", 13, "Experience"), (72, 690, "/F2", 10, "Data Analyst at Acme Corp"),
                  (72, 676, "/F1", 10, "Jan 2020 - Present"))
    assert result.contact.name == name


@pytest.mark.parametrize("line", ["Senior Marketingmanager", "Athens GR", "ANSYS SolidWorks AutoCAD MATLAB"])
def test_a_title_place_or_skills_in_the_names_place_is_no_name_the_email_denies(line: str) -> None:
    # OCR that cannot read the name's letters (Greek, Cyrillic) leaves its place to the
    # line under it: a title run together, the city, the skills of a sidebar. The email
    # address spells a name that shares no word with it.
    result = read((72, 760, "/F2", 24, line), (72, 740, "/F1", 10, "eleni.papadopoulou@example.com"),
                  (72, 710, "/F2", 13, "Experience"), (72, 690, "/F2", 10, "Data Analyst at Acme Corp"),
                  (72, 676, "/F1", 10, "Jan 2020 - Present"))
    assert result.contact.name == ""


@pytest.mark.parametrize(("upper", "lower", "name"), [
    (("MATEUSZ", 33.0), ("KOWALCZYK", 30.0), "Mateusz Kowalczyk"),
    (("Ingrid Sørensen", 34.0), ("Athens", 31.5), "Ingrid Sørensen")])
def test_a_name_stacked_on_a_scan_is_one_where_its_first_line_is_one_word(upper, lower, name: str) -> None:
    # OCR tells a line's size from its letters' height: the two lines of one name set in
    # one size read a tenth apart. A one-word line stacks with the line under it; a whole
    # name keeps the city under it apart.
    def line(text: str, size: float, top: float) -> StyledLine:
        return StyledLine(text, 1, top, 50, 50 + size * len(text) / 2, (Span(text + " ", size, False, False),))
    email = ".".join(name.lower().replace("ø", "o").split()) + "@example.net"
    body = [line("Senior Data Engineer", 10.5, 150), line(email, 8.0, 170), line("EXPERIENCE", 9.0, 210),
            line("Data Engineer at Acme Corp", 8.0, 230), line("01/2020 - Present", 8.0, 245)]
    lines = (line(upper[0], upper[1], 94), line(lower[0], lower[1], 125), *body)
    document = ExtractedDocument("png", "\n".join(styled.text for styled in lines), 1, "", (), (), lines)
    assert analyse(document).contact.name == name


# A given name over its surname, each one word: (given, size, surname, size) as a text
# layer sets them (the given name smaller, or larger) or as OCR sizes one size printed
# ("Tomasz" 29.5 and "Wójcik" 22: ascenders, an accent and a descender).
STACKED_WORDS = [("Helena", 16, "BRANDT", 26), ("Tomasz", 29.5, "Wójcik", 22), ("Ελένη", 49, "ΠΑΠΑΔΟΠΟΎΛΟΥ", 34),
                 ("Freya", 14, "Lindholm", 30), ("MATEO", 30, "QUINTERO", 20)]


@pytest.mark.parametrize(("given", "given_size", "surname", "surname_size"), STACKED_WORDS)
def test_two_lone_words_stacked_close_are_one_name_whatever_their_sizes(given, given_size, surname,
                                                                        surname_size) -> None:
    """Without an address that spells it: a name read only from where it stands."""
    body = [("Product Designer", 11), ("hello@example.net | +33 6 11 93 60 56", 9), ("EXPERIENCE", 11),
            ("Design Engineer at Nordlicht Software", 9), ("01/2020 - Present", 9)]
    top = 40 + given_size
    below = top + 0.9 * max(given_size, surname_size)
    styled = [(given, given_size, top), (surname, surname_size, below),
              *[(text, size, below + 30 + 18 * index) for index, (text, size) in enumerate(body)]]
    lines = tuple(StyledLine(text, 1, y, 50, 50 + size * len(text) / 2, (Span(text + " ", size, False, False),))
                  for text, size, y in styled)
    document = ExtractedDocument("png", "\n".join(line.text for line in lines), 1, "", (), (), lines)
    assert analyse(document).contact.name.casefold() == f"{given} {surname}".casefold()
    if given.isascii():
        result = read(*[(72, 792 - y, "/F2" if index < 2 else "/F1", size, text)
                        for index, (text, size, y) in enumerate(styled)])
        assert result.contact.name.casefold() == f"{given} {surname}".casefold()


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_row_of_contact_cells_across_the_gutter_heads_the_columns(document) -> None:
    # The smart theme: the name with the summary beside it, then the phone, the email and
    # the city in three cells under icons across the page (the email's cell across the
    # gutter, the city's icon the highest text right of it), then a
    # sidebar set flush right against the gutter beside a time line of dates and entries.
    # The blank between the time line's dates and its entries is no gutter.
    basics, work = document["basics"], document["work"]
    head = [(50, 703, "/F2", 18, _latin(basics["name"]).upper()),
            (265, 714, "/F3", 8, "I am an engineer looking for a team that ships often"),
            (265, 705, "/F3", 8, "and learns from it."),
            (146, 631, "/F4", 9, "C"), (311, 631, "/F4", 9, "E"), (456, 636, "/F4", 9, "H"),
            (125, 608, "/F1", 9, basics["phone"]), (258, 608, "/F1", 9, basics["email"]),
            (447, 604, "/F1", 9, basics["location"]["city"])]
    side = ["SKILLS", *[keyword for group in document["skills"] for keyword in group["keywords"]], "LANGUAGES",
            "English", "Fluent"]
    lefts = [(290 - _helvetica_width(text, 8, face), 551 - 12 * index, face, 8, text)
             for index, (text, face) in enumerate((text, "/F2" if text.isupper() else "/F1") for text in side)]
    headings = [line for line in lefts if line[2] == "/F2"] + [(321, 551, "/F2", 8, "WORK EXPERIENCE")]
    companies, rows, y = [], [], 538
    for job in work:
        companies.append((413, y - 8, "/F2", 8, _latin(job["name"])))
        rows += [(343, y, "/F1", 7, f"{_month(job['startDate'])} -"), (413, y, "/F2", 8, _latin(job["position"])),
                 (350, y - 8, "/F1", 7, _month(job["endDate"]))]
        y -= 20
    headings.append((321, y, "/F2", 8, "EDUCATION"))
    for school in document["education"]:
        y -= 13
        rows.append((358, y, "/F1", 7, f"{school['startDate'][:4]}-{school['endDate'][:4]}"))
        companies += [(413, y, "/F1", 8, _latin(school["institution"])), (413, y - 8, "/F1", 8, school["area"]),
                      (413, y - 16, "/F1", 8, school["studyType"])]
        y -= 16
    # Drawn as the browser paints it: the sidebar's items, the employers and schools, then
    # the headings, then each entry's dates and title.
    result = read(*head, *[line for line in lefts if line[2] == "/F1"], *companies, *headings, *rows)
    assert _jobs(result) == [(_latin(title), _latin(company), start, end)
                             for title, company, start, end in _expected_jobs(document)]


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_place_in_a_header_rows_cell_beside_the_name_is_the_location(document) -> None:
    # McDowell's header row: the place small in the left cell, the name large in the
    # centre on the same baseline, the phone and email in the right cell; the text layer
    # puts one space between the place and the name.
    basics = document["basics"]
    city = f"{basics['location']['city']}, {basics['location']['region'] or 'Portugal'}"
    result = read((60, 718, "/F1", 10, _latin(city)), (240, 718, "/F2", 18, _latin(basics["name"])),
                  (440, 730, "/F1", 9, basics["phone"]), (440, 718, "/F1", 9, basics["email"]),
                  (72, 680, "/F2", 13, "Employment"), *_job_at(document["work"][0], 660))
    assert result.contact.location == _latin(city)
    assert result.contact.name == _latin(basics["name"])


@pytest.mark.parametrize("bulleted", [True, False], ids=["bulleted", "plain"])
@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_web_addresses_listed_in_a_last_section_are_the_candidates(document, bulleted: bool) -> None:
    # billryan's resume class ends with "Miscellaneous": "Website: URL", "GitHub: URL"; other
    # templates end with a "Links" section. An address inside a sentence is no such item.
    basics, job = document["basics"], document["work"][0]
    handle = re.sub(r"[^a-z]", "", _latin(basics["name"]).lower())
    mark = "- " if bulleted else ""
    lines = [_latin(basics["name"]), f"{basics['email']} | {basics['phone']}", "Experience",
             _latin(f"{job['position']}, {job['name']}"), f"{_month(job['startDate'])} - {_month(job['endDate'])}",
             "- Shipped the store at https://shop.northwind.com/new for the spring launch",
             "Miscellaneous", f"{mark}Website: https://{handle}.example.com",
             f"{mark}GitHub: github.com/{handle}", f"{mark}Personal blog: www.{handle}.dev/notes",
             f"{mark}Languages: English - Fluent"]
    result = analyse(extract(text_pdf([lines]), "application/pdf", "links.pdf"))
    assert sorted(link.url for link in result.contact.links) == sorted(
        [f"https://{handle}.example.com", f"https://github.com/{handle}", f"https://www.{handle}.dev/notes"])


@pytest.mark.parametrize("document", LATIN, ids=lambda document: document["basics"]["name"])
def test_a_credit_wrapped_before_its_author_and_a_profile_in_another_language(document) -> None:
    # A narrow footer wraps "Powered by JSON Resume · Theme by" before the author's name,
    # whose link's handle is the surname and an initial; the LinkedIn link points to the
    # profile's French version.
    basics = document["basics"]
    handle = "".join(_latin(basics["name"]).lower().split())
    author = ("Tair", "Assimov")
    text = "\n".join([_latin(basics["name"]), basics["email"], "Skills", "Python, SQL",
                      "Powered by JSON Resume · Theme by", " ".join(author)])
    links = (f"https://www.linkedin.com/in/{handle}/fr", "https://jsonresume.org",
             f"https://github.com/{author[1].lower()}{author[0][0].lower()}", f"https://github.com/{handle}")
    result = analyse(ExtractedDocument("pdf", text, 1, "", (), links=links))
    assert [link.url for link in result.contact.links] == [f"https://www.linkedin.com/in/{handle}",
                                                            f"https://github.com/{handle}"]
