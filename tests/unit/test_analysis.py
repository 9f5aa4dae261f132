import time
from datetime import date

import pytest
import yaml

from analysis_worker.analysis import ANALYSIS_VERSION, analyse
from analysis_worker.analysis.addresses import EMAIL
from analysis_worker.analysis.contact import extract_contact
from analysis_worker.analysis.dates import find_span, parse_date
from analysis_worker.analysis.education import find_degree, parse_education
from analysis_worker.analysis.entries import group_entries
from analysis_worker.analysis.experience import parse_experience
from analysis_worker.analysis.matching import keyword_similarity
from analysis_worker.analysis.names import JOINED_PARTICLES, LEADING_PARTICLES, NAME_PARTICLES
from analysis_worker.analysis.places import is_location, split_place
from analysis_worker.analysis.sections import heading_kind
from analysis_worker.analysis.skills import canonical_skill, skills_in_text
from analysis_worker.analysis.tenure import total_years
from analysis_worker.extraction import ExtractedDocument, extract
from analysis_worker.marks import bare
from common.proto.resume.v1 import resume_pb2
from tests.helpers.docx_resumes import SAMPLE, build_docx
from tests.helpers.raw_pdf import letter_spaced, one_page_pdf
from tests.helpers.support import FIXTURES
from tests.labeled.text_layer_pdf import text_layer_pdf

THEMES = sorted(path.name.removeprefix("John_Doe_").removesuffix("Theme_CV.pdf")
                for path in FIXTURES.glob("*.pdf"))
LEVELS = {"PhD": resume_pb2.DEGREE_LEVEL_DOCTORATE, "BS": resume_pb2.DEGREE_LEVEL_BACHELOR}


def load(theme: str) -> tuple[dict, resume_pb2.ResumeAnalysis]:
    truth = yaml.safe_load((FIXTURES / f"John_Doe_{theme}Theme_CV.yaml").read_text(encoding="utf-8"))["cv"]
    document = extract((FIXTURES / f"John_Doe_{theme}Theme_CV.pdf").read_bytes(), "application/pdf")
    return truth, analyse(document)


def month(value) -> str:
    return "" if value in (None, "present") else str(value)


def links_by_type(result) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for link in result.contact.links:
        found.setdefault(link.type, set()).add(link.url.rstrip("/"))
    return found


def test_nine_themes_are_present():
    assert len(THEMES) == 9


@pytest.mark.parametrize("theme", THEMES)
def test_contact_matches_ground_truth(theme):
    truth, result = load(theme)
    assert result.analysis_version == ANALYSIS_VERSION
    assert result.contact.name == truth["name"]
    assert list(result.contact.emails) == [truth["email"]]
    assert list(result.contact.phones) == []
    assert result.contact.location == truth["location"]
    links = links_by_type(result)
    assert links[resume_pb2.LINK_TYPE_WEBSITE] == {truth["website"].rstrip("/")}
    for network in truth["social_networks"]:
        kind = {"LinkedIn": resume_pb2.LINK_TYPE_LINKEDIN, "GitHub": resume_pb2.LINK_TYPE_GITHUB}[network["network"]]
        host = {"LinkedIn": "https://linkedin.com/in/", "GitHub": "https://github.com/"}[network["network"]]
        assert links[kind] == {host + network["username"]}
    assert len(result.contact.links) == 1 + len(truth["social_networks"])


@pytest.mark.parametrize("theme", THEMES)
def test_education_matches_ground_truth(theme):
    truth, result = load(theme)
    expected = truth["sections"]["education"]
    assert len(result.education) == len(expected)
    for found, item in zip(result.education, expected, strict=True):
        assert found.institution == item["institution"]
        assert found.degree == item["degree"]
        assert found.degree_level == LEVELS[item["degree"]]
        assert found.field == item["area"]
        assert found.location == item["location"]
        assert (found.start, found.end) == (month(item["start_date"]), month(item["end_date"]))
    assert result.education[1].gpa == "3.97/4.00"


@pytest.mark.parametrize("theme", THEMES)
def test_experience_matches_ground_truth(theme):
    truth, result = load(theme)
    expected = truth["sections"]["experience"]
    assert len(result.experience) == len(expected)
    for found, item in zip(result.experience, expected, strict=True):
        assert (found.company, found.title) == (item["company"], item["position"])
        assert found.location == item["location"]
        assert found.start == month(item["start_date"])
        assert found.current == (item["end_date"] == "present")
        assert found.end == month(item["end_date"])
        # Nested bullets (folded into their parent in the YAML) are highlights of their own.
        assert len(found.highlights) == sum(1 + text.count(" - ") for text in item["highlights"])
        assert found.highlights[0] == item["highlights"][0]


@pytest.mark.parametrize("theme", THEMES)
def test_skills_of_the_skills_section_are_found(theme):
    truth, result = load(theme)
    listed = [item.strip() for row in truth["sections"]["skills"] for item in row["details"].split(",")]
    known = [canonical_skill(item) for item in listed if canonical_skill(item)]
    assert len(known) >= 15
    from_section = {skill.name for skill in result.skills
                    if resume_pb2.SKILL_SOURCE_SKILLS_SECTION in skill.sources}
    assert set(known) <= from_section
    experience_only = {skill.name for skill in result.skills
                       if list(skill.sources) == [resume_pb2.SKILL_SOURCE_EXPERIENCE]}
    assert "Self-Supervised Learning" in experience_only


@pytest.mark.parametrize("theme", THEMES)
def test_sections_projects_and_years(theme):
    truth, result = load(theme)
    # "Welcome to RenderCV" is set as a heading but names no kind: a section of its own.
    assert {section.heading for section in result.sections if section.kind == "other"} <= {"Welcome to RenderCV"}
    kinds = [section.kind for section in result.sections if section.kind != "other"]
    assert kinds == ["education", "experience", "projects", "publications", "awards", "skills", "patents",
                     "talks"][:len(kinds)]
    assert len(kinds) >= 6
    assert [project.name for project in result.projects] == ["FlashInfer", "NeuralPrune"]
    assert result.projects[0].description.startswith("Open-source library for high-performance LLM inference")
    expected = total_years([resume_pb2.Experience(start=month(item["start_date"]), end=month(item["end_date"]),
                                                  current=item["end_date"] == "present")
                            for item in truth["sections"]["experience"]], date.fromisoformat(result.reference_date))
    assert result.total_experience_years == pytest.approx(expected)
    # RenderCV writes the day it rendered the file, which "present" meant.
    assert result.reference_date_source == resume_pb2.REFERENCE_DATE_SOURCE_DOCUMENT
    assert result.score.overall >= 80
    assert result.document.pages in (2, 3) and result.document.words > 500


def test_docx_resume_analysis():
    result = analyse(extract(build_docx(SAMPLE)))
    contact = result.contact
    assert contact.name == "Maria Lopez"
    assert list(contact.emails) == ["maria.lopez@example.org"]
    assert list(contact.phones) == ["+15125550143"]  # the country comes from "Austin, TX"
    assert contact.location == "Austin, TX"
    assert [(link.url, link.type) for link in contact.links] == [
        ("https://www.linkedin.com/in/maria-lopez-dev", resume_pb2.LINK_TYPE_LINKEDIN)]
    assert result.summary == SAMPLE["summary"]
    assert [(job.title, job.company, job.location, job.start, job.end, job.current) for job in result.experience] == [
        ("Senior Software Engineer", "Stripe", "Remote", "2020-03", "", True),
        ("Software Engineer", "Dell Technologies", "Round Rock, TX", "2016-06", "2020-02", False)]
    school = result.education[0]
    assert (school.institution, school.degree, school.degree_level, school.field, school.start, school.end,
            school.gpa) == ("The University of Texas at Austin", "B.S.", resume_pb2.DEGREE_LEVEL_BACHELOR,
                            "Computer Science", "2012", "2016", "3.8/4.0")
    skills = {skill.name: set(skill.sources) for skill in result.skills}
    assert skills["JavaScript"] == {resume_pb2.SKILL_SOURCE_SKILLS_SECTION}
    assert skills["PostgreSQL"] == {resume_pb2.SKILL_SOURCE_EXPERIENCE}
    assert resume_pb2.SKILL_SOURCE_EXPERIENCE in skills["Kubernetes"]  # "k8s"
    assert {resume_pb2.SKILL_SOURCE_SKILLS_SECTION, resume_pb2.SKILL_SOURCE_EXPERIENCE} <= skills["Go"]
    assert "Stripe" not in skills  # a company in a title line is not a skill
    assert list(result.languages) == ["English", "Spanish"]
    assert list(result.certifications) == ["AWS Certified Solutions Architect – Associate"]
    assert result.total_experience_years > 9
    assert not any(w.code == resume_pb2.WARNING_CODE_CONTACT_IN_HEADER for w in result.warnings)


def test_contact_only_in_header_is_warned_and_scored():
    result = analyse(extract(build_docx(SAMPLE, contact_in_body=False)))
    assert list(result.contact.emails) == ["maria.lopez@example.org"]
    assert [w.code for w in result.warnings] == [resume_pb2.WARNING_CODE_CONTACT_IN_HEADER]
    parseability = next(part for part in result.score.parts if part.name == "parseability")
    placement = next(part for part in parseability.parts if part.name == "contact_placement")
    assert placement.score < 50 and "header" in placement.reason


def test_empty_document_scores_low_and_carries_warnings():
    document = ExtractedDocument("pdf", "", 1, "", ((resume_pb2.WARNING_CODE_NO_TEXT_LAYER, "No text."),))
    result = analyse(document)
    assert [w.code for w in result.warnings] == [resume_pb2.WARNING_CODE_NO_TEXT_LAYER]
    assert result.score.overall < 30
    assert all(part.reason for part in result.score.parts)
    assert not result.HasField("match")


@pytest.mark.parametrize(("text", "start", "end", "current"), [
    ("Sept 2018 – May 2023", "2018-09", "2023-05", False),
    ("2019-06 - 2020-01", "2019-06", "2020-01", False),
    ("06/2019 to Present", "2019-06", "", True),
    ("Summer 2022 – Fall 2022", "2022-06", "2022-09", False),
    ("Jan. 2020 — current", "2020-01", "", True),
    ("2017 – 2021", "2017", "2021", False),
    ("Acme Corp, Berlin 2021", "2021", "2021", False),
    ("since March 2015", "2015-03", "", True),
    ("2019-2021", "2019", "2021", False),
    ("2019 → 2021", "2019", "2021", False),
    ("2019 ~ 2021", "2019", "2021", False),
    ("January 2020 to date", "2020-01", "", True),
    ("01/03/2024 - 15/07/2025", "2024-03", "2025-07", False),
    ("2018-09-01 T O PRESENT", "2018-09", "", True),
])
def test_date_ranges(text, start, end, current):
    span = find_span(text)
    assert (span.start, span.end, span.current) == (start, end, current)


@pytest.mark.parametrize("month_first", [True, False])
@pytest.mark.parametrize("separator", ["/", ".", "-"])
def test_ranges_in_figures_closed_up_around_their_hyphen(month_first: bool, separator: str) -> None:
    """OCR drops the spaces around a range's hyphen ("03/2021-07/2024"), which a text
    layer keeps: every way of writing a month and year in figures still makes a range."""
    def written(year: int, month: int) -> str:
        return f"{month:02d}{separator}{year}" if month_first else f"{year}{separator}{month:02d}"

    span = find_span(f"SENIOR ENGINEER {written(2021, 3)}-{written(2024, 7)}")
    assert (span.start, span.end, span.current) == ("2021-03", "2024-07", False)


@pytest.mark.parametrize("separator", ["/", "."])
def test_ranges_of_day_dates_closed_up_around_their_hyphen(separator: str) -> None:
    """The same for days' dates ("01/11/2021-01/12/2023")."""
    span = find_span(f"GROUPE VELLION 01{separator}11{separator}2021-15{separator}12{separator}2023")
    assert (span.start, span.end, span.current) == ("2021-11", "2023-12", False)


def test_dates_are_not_found_in_numbers():
    assert find_span("10.1234/neurips.2023.1234") is None
    assert find_span("Raised $18M Series A in 2021 from investors") is None  # mid-sentence, not a date column
    assert find_span("US Patent 11,234,567") is None
    assert parse_date("Present") == ""


@pytest.mark.parametrize(("text", "level"), [
    ("BS in Computer Engineering", resume_pb2.DEGREE_LEVEL_BACHELOR),
    ("B.Sc. Physics", resume_pb2.DEGREE_LEVEL_BACHELOR),
    ("Bachelor of Arts in History", resume_pb2.DEGREE_LEVEL_BACHELOR),
    ("MS, Statistics", resume_pb2.DEGREE_LEVEL_MASTER),
    ("M.Sc. in Data Science", resume_pb2.DEGREE_LEVEL_MASTER),
    ("MBA", resume_pb2.DEGREE_LEVEL_MASTER),
    ("Master's degree in Economics", resume_pb2.DEGREE_LEVEL_MASTER),
    ("Ph.D. in Chemistry", resume_pb2.DEGREE_LEVEL_DOCTORATE),
    ("Doctorate in Education", resume_pb2.DEGREE_LEVEL_DOCTORATE),
    ("Associate of Science", resume_pb2.DEGREE_LEVEL_ASSOCIATE),
    ("High School Diploma", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL),
    ("Certificate in Project Management", resume_pb2.DEGREE_LEVEL_CERTIFICATE),
])
def test_degree_levels(text, level):
    assert find_degree(text)[0] == level


def test_words_are_not_degrees():
    assert find_degree("Princeton University, Computer Science") is None
    assert find_degree("ms and ba are words in lower case") is None


@pytest.mark.parametrize(("line", "kind"), [
    ("EXPERIENCE", "experience"), ("Work Experience", "experience"), ("Professional Summary", "summary"),
    ("Technical Skills:", "skills"), ("Selected Honors", "awards"), ("Volunteer Experience", "volunteer"),
    ("E D U C A T I O N", "education"), ("Invited Talks", "talks"), ("Research Intern", None),
    ("NVIDIA Research", None), ("Languages: Python, C++", None), ("John Doe", None),
    ("Skills & Proficiency", "skills"), ("Technical Proficiencies", "skills"),
])
def test_headings(line, kind):
    assert heading_kind(line) == kind


def test_taxonomy_aliases_and_case_rules():
    assert canonical_skill("JS") == "JavaScript"
    assert canonical_skill("k8s") == "Kubernetes"
    assert canonical_skill("Postgres") == "PostgreSQL"
    assert canonical_skill("golang") == "Go"
    assert canonical_skill("underwater basket weaving") is None
    prose = "Go to the market. We can go further. C level support, R&D budget, Spring 2022 intern."
    assert skills_in_text(prose) == []
    assert skills_in_text("Services written in Go and C++, analysis in R? No: React, node.js and .NET") == [
        "Go", "C++", "React", "Node.js", ".NET"]


def test_job_match():
    document = extract((FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes())
    result = analyse(document, job_description="ML infrastructure engineer: PyTorch, CUDA and inference "
                                               "optimization for transformer models on AWS.",
                     required_skills=["k8s", "Golang", "pytorch", "Technical Writing"])
    match = result.match
    # Skills named in the job description count as required too.
    assert list(match.covered_skills) == ["Kubernetes", "PyTorch", "Machine Learning", "CUDA", "Efficient Inference",
                                          "Transformers", "Amazon Web Services"]
    assert list(match.missing_skills) == ["Go", "Technical Writing"]
    assert 0.05 < match.keyword_similarity < 1
    assert [part.name for part in match.score.parts] == ["required_skills", "keyword_similarity"]
    assert match.score.parts[0].score == round(100 * 7 / 9)
    assert 0 < match.score.overall <= 100


def test_keyword_similarity_bounds():
    assert keyword_similarity("python kubernetes", "python kubernetes") == pytest.approx(1.0)
    assert keyword_similarity("python kubernetes", "accounting payroll") == 0.0


def test_entries_without_dates_are_kept_apart():
    lines = ["Ledger", "• Double-entry bookkeeping service in Go", "Crawler",
             "• Polite web crawler with per-host rate limits and retries", "written in Python"]
    entries = group_entries(lines)
    assert [entry.header for entry in entries] == [["Ledger"], ["Crawler"]]
    assert entries[1].highlights == ["Polite web crawler with per-host rate limits and retries written in Python"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Trendyol Amsterdam, Netherlands", ("Trendyol", "Amsterdam, Netherlands")),
    ("Acme, New York, NY", ("Acme", "New York, NY")),
    ("University of Colorado Boulder Boulder, CO", ("University of Colorado Boulder", "Boulder, CO")),
    ("Acme Rio de Janeiro, Brazil", ("Acme", "Rio de Janeiro, Brazil")),
    ("Monzo Bank Remote", ("Monzo Bank", "Remote")),
    ("San Francisco, CA", None), ("Austin, Texas, USA", None), ("Nexus AI, CTO", None),
])
def test_names_run_into_places(text, expected):
    assert split_place(text) == expected


def test_institutions_are_not_places():
    assert is_location("Salt Lake City, UT") and is_location("College Station, TX")
    assert not is_location("Stanford University Stanford, CA")
    assert not is_location("University of Hamburg Hamburg, Germany")


def test_entries_with_places_read_into_their_lines():
    jobs = parse_experience(["Data Engineer", "Trendyol, New York, NY", "January 2022 - Present",
                             "• Built a lake", "Wayfair Oslo, Norway", "Data Scientist 2014 - 2017", "• Ran tests",
                             "iFood (Remote)", "Analyst 2012 - 2014", "• Wrote reports"])
    assert [(job.title, job.company, job.location) for job in jobs] == [
        ("Data Engineer", "Trendyol", "New York, NY"), ("Data Scientist", "Wayfair", "Oslo, Norway"),
        ("Analyst", "iFood", "Remote")]
    schools = parse_education(["Politecnico di Milano Milan, Italy", "Master of Science in Physics 2017",
                               "Stanford University Stanford, CA", "B.S. in Physics 2015", "GPA: 3.7/4.0"])
    assert [(school.institution, school.end, school.location) for school in schools] == [
        ("Politecnico di Milano", "2017", "Milan, Italy"), ("Stanford University", "2015", "Stanford, CA")]


@pytest.mark.parametrize("name", ["Marcus O'Neill", "Fatima Al-Sayed", "Łukasz Wiśniewski", "Mehmet Yılmaz"])
def test_names_with_apostrophes_hyphens_and_any_alphabet(name):
    assert extract_contact([name, "x@example.com"], "", "", ()).contact.name == name


GIVEN_NAMES = ["Pieter", "Anaïs", "Karl-Theodor", "María José", "Giulia", "Omar", "Siobhán", "Astrid", "João"]
SURNAMES = ["Berg", "Fontaine", "Guttenberg", "Santos", "Rossi", "Rashid", "Briain", "Klint", "Ángeles"]
# Particles in sequence as the customs that have them write them.
PARTICLE_SEQUENCES = ["van der", "van den", "van de", "van 't", "van het", "in 't", "op de", "uit den", "aan de",
                      "bij de", "onder de", "over de", "voor in 't", "von und zu", "von der", "auf der", "de la",
                      "de las", "de los", "de l'", "della", "dos", "Van der", "De la", "Di", "Mac", "Mc", "Ó", "Ní"]


def particle_names() -> list[str]:
    """Every particle between a given name and a surname, every joined particle on a
    surname, and the sequences above; given names and surnames taken in turn."""
    middles = [f"{particle} " for particle in sorted(NAME_PARTICLES) + PARTICLE_SEQUENCES]
    middles += [f"{particle} de " for particle in sorted(LEADING_PARTICLES)] + list(JOINED_PARTICLES)
    names = [f"{GIVEN_NAMES[index % len(GIVEN_NAMES)]} {middle}{SURNAMES[index % len(SURNAMES)]}"
             for index, middle in enumerate(middles)]
    # Spanish, Portuguese and Catalan join two surnames with "y", "e" and "i".
    return names + ["Ana García y Pérez", "Rui Silva e Costa", "Pere Puig i Cadafalch"]


@pytest.mark.parametrize("name", particle_names())
def test_names_with_particles_come_back_whole(name):
    header = [name, "candidate@example.com | +31 6 1234 5678 | Utrecht, Netherlands", "Experience",
              "Software Engineer", "Acme Corp", "January 2019 - Present", "Education", "Utrecht University", "2018"]
    result = analyse(extract(text_layer_pdf(header), file_name="resume.pdf"))
    assert result.contact.name == name
    # In capitals the particles are spelled in lower case, as the name is written.
    capitals = analyse(extract(text_layer_pdf([name.upper(), *header[1:]]), file_name="resume.pdf"))
    assert capitals.contact.name.casefold() == name.casefold()


@pytest.mark.parametrize("line", ["Lives in Paris", "Engineer in Berlin", "Anna de", "van der Berg"])
def test_particles_do_not_make_a_name_of_other_lines(line):
    assert extract_contact([line, "x@example.com"], "", "", ()).contact.name == ""


def test_name_found_after_a_sidebar_by_the_email():
    text = "Contact\njuergen.mueller@example.com\nSkills\nPython, Go\nData Engineer\nJürgen Müller\nProfile"
    result = analyse(ExtractedDocument("pdf", text, 1, "", ()))
    assert result.contact.name == "Jürgen Müller"
    assert list(result.contact.emails) == ["juergen.mueller@example.com"]


# Names whose surname opens with a capital particle, and their addresses' local parts.
ADDRESSED_NAMES = [("Niamh Ó Briain", "niamh.obriain"), ("Luca Di Stefano", "luca.distefano"),
                   ("Sophie De la Fontaine", "sophie.delafontaine"), ("Pieter Van der Berg", "pieter.vanderberg"),
                   ("Siobhán Ní Bhriain", "siobhan.nibhriain"), ("Omar Al Rashid", "omar_alrashid"),
                   ("Ewan Mac Giolla", "ewan.macgiolla"), ("João Dos Santos", "joao-dossantos")]


def gaps_misread(name: str) -> list[str]:
    """The ways OCR misplaces the word gaps of a name set large: the given name run into
    the capital particle after it ("NiamhÓ Briain", and in capitals), and the last letter
    of a surname in capitals parted ("BER G")."""
    given, particle, *rest = name.split()
    glued = " ".join([given + particle, *rest])
    return [glued, glued.upper(), f"{name[:-1]} {name[-1]}".upper()]


@pytest.mark.parametrize(("name", "local"), ADDRESSED_NAMES)
def test_a_names_word_gaps_misread_are_put_where_its_email_address_has_them(name: str, local: str) -> None:
    for misread in gaps_misread(name):
        contact = extract_contact([misread, f"{local}@example.com | +33 6 12 34 56 78"], "", "", ()).contact
        assert contact.name.casefold() == name.casefold(), misread


@pytest.mark.parametrize(("name", "local"), [
    ("Jean-Luc Picard", "jean.luc.picard"), ("John F Kennedy", "j.f.kennedy"), ("John F Kennedy", "john.f.kennedy"),
    ("Malcolm X", "malcolm.x"), ("Anne Marie Dupont", "annemarie.dupont"), ("Ana de la Cruz", "ana.de.la.cruz"),
    ("Annemarie Dupont", "anne.marie.dupont")])
def test_a_name_whose_gaps_the_address_explains_stays_as_written(name: str, local: str) -> None:
    contact = extract_contact([name, f"{local}@example.com"], "", "", ()).contact
    assert contact.name == name


@pytest.mark.parametrize(("name", "local"), ADDRESSED_NAMES)
def test_a_name_misread_where_it_is_set_large_is_taken_from_a_line_that_spells_the_address(
        name: str, local: str) -> None:
    """OCR reads a bar or a flourish beside a large letter as one ("Luca Idi Stefano"); the
    running head or a footer spells the name as the address does."""
    words = name.split()
    misread = " ".join([words[0], "I" + words[1].lower(), *words[2:]]).upper()
    lines = [misread, "Engineer who likes clear goals.", f"{name} · Engineer · Lyon, France · {local}@example.org"]
    assert extract_contact(lines, "", "\n".join(lines), ()).contact.name.casefold() == name.casefold()


@pytest.mark.parametrize(("name", "local"), [*ADDRESSED_NAMES, ("Ελένη Παπαδοπούλου", "eleni.papadopoulou"),
                                             ("Анна Смирнова", "anna.smirnova"), ("Joachim von Hartmann",
                                                                                      "joachim.vonhartmann")])
def test_a_name_read_on_two_lines_is_found_by_its_email_address(name: str, local: str) -> None:
    """OCR sizes a given name set over its surname apart ("Ελένη" / "ΠΑΠΑΔΟΠΟΎΛΟΥ": 49 and
    34 points read, one size printed), or reads a picture's text into the name's line
    ("'oachim von Hartmann a Joachim von" / "Hartmann"): no line holds the name, two do."""
    words = name.split()
    sidebar = ["Contact", f"{local}@example.org", "+33 6 12 34 56 78", "Skills", "Python, SQL"]
    for top, below in [(words[0], " ".join(words[1:]).upper()), (f"Portrait of {' '.join(words[:-1])}", words[-1])]:
        text = "\n".join([*sidebar, top, below, "Data Engineer", "Experience", "Data Engineer, Acme, 2019 - 2023"])
        found = analyse(ExtractedDocument("pdf", text, 1, "", ())).contact.name
        assert found.casefold() == name.casefold(), (top, below)


def found_name(*lines: str) -> str:
    return analyse(ExtractedDocument("pdf", "\n".join(lines), 1, "", ())).contact.name


# Given names and surnames that open with a capital I, which a sans-serif face draws as a
# small l.
I_NAMES = [("Sneha Iyer", "sneha.iyer"), ("Ivan Petrov", "ivan.petrov"), ("Ilse Vermeer", "ilse.vermeer"),
           ("Ines Moreau", "ines.moreau"), ("Marta Ibáñez", "marta.ibanez"), ("Omar Ismail", "omar_ismail")]


@pytest.mark.parametrize(("name", "local"), [
    *I_NAMES, ("Priscilla Tran", "priscilla.tran"), ("Tyrone Jackson", "tyrone-jackson"),
    ("Katarzyna Zielińska", "katarzyna.zielinska"), ("Ingrid Sørensen", "ingrid_sorensen")])
def test_a_name_ocr_misread_in_a_way_the_address_undoes_is_found(name: str, local: str) -> None:
    """OCR of display type: a capital I read as a small l ("Sneha lyer"), capitals set wide
    run together ("PRISCILLATRAN"), the title run on after a comma whose space was lost,
    a letter lost at either edge of the name's region ("Mateusz Kowalczy", "AMAL HADDAD":
    Latin names only, which addresses spell as they are). (Where the address runs words
    together too, "lucadistefano", they stay run together.)"""
    misreadings = [" ".join("l" + word[1:] if word[0] == "I" else word for word in name.split()),
                   name.replace(" ", "").upper(), f"{name},Data Engineer"]
    if name.isascii():
        misreadings += [name[1:], name[:-1], name.upper()[1:]]
    for misread in misreadings:
        found = found_name(misread, "Engineer who likes clear goals.", f"{local}@example.org | +1 212 555 0183",
                           "Experience", "Data Engineer, Acme, 2019 - 2023")
        assert found.casefold() == name.casefold(), misread


# Names of three words, and an address that spells the given name apart and the rest together.
THREE_WORD_NAMES = [("Vikram Singh Rathore", "vikram.singhrathore"), ("Ana Maria Costa", "ana.mariacosta"),
                    ("Jean Paul Martin", "jean_paulmartin"), ("Lars Erik Holm", "lars.erikholm"),
                    ("Mohammed Irfan Shaikh", "mohammed.irfanshaikh")]


@pytest.mark.parametrize(("name", "local"), THREE_WORD_NAMES)
def test_capitals_run_together_are_parted_where_the_address_parts_them(name: str, local: str) -> None:
    """OCR loses the gap between capitals set wide ("VIKRAMSINGH RATHORE"), on one line or
    on a name stacked on two; in capitals, case tells no word's start."""
    given, middle, surname = name.upper().split()
    contact = [f"{local}@example.org | +1 212 555 0183", "Experience", "Data Engineer, Acme, 2019 - 2023"]
    for top in ([f"{given}{middle} {surname}"], [f"{given}{middle}", surname]):
        assert found_name(*top, *contact) == name, top


@pytest.mark.parametrize(("name", "local"), [(name, local.split(".")[0].split("_")[0] + "." + name.split()[-1].lower())
                                             for name, local in THREE_WORD_NAMES])
def test_a_middle_name_run_into_a_word_the_address_spells_is_parted_from_it(name: str, local: str) -> None:
    """An address that spells the first and the last word ("mohammed.shaikh") parts the
    middle name from the one it was read into ("MOHAMMED IRFANSHAIKH", "MOHAMMEDIRFAN
    SHAIKH")."""
    given, middle, surname = name.upper().split()
    for misread in (f"{given} {middle}{surname}", f"{given}{middle} {surname}"):
        assert found_name(misread, f"{local}@example.org | +1 212 555 0183") == name, misread


@pytest.mark.parametrize(("name", "local"), [("Annemarie Dupont", "marie.dupont"), ("Mariana Costa", "ana.costa")])
def test_a_name_is_never_cut_out_of_a_word_as_read(name: str, local: str) -> None:
    assert found_name(name.upper(), f"{local}@example.org") == name


@pytest.mark.parametrize(("written", "reported"), [
    ("Helena BRANDT", "Helena Brandt"), ("Jean-Luc PICARD", "Jean-Luc Picard"), ("Ana DE LA CRUZ", "Ana de la Cruz"),
    ("Siobhán O'NEILL", "Siobhán O'Neill"), ("JOHN SMITH III", "John Smith III"), ("Niamh Ó Briain", "Niamh Ó Briain"),
    ("John F Kennedy", "John F Kennedy")])
def test_a_name_is_reported_in_its_spelling_not_its_capitals(written: str, reported: str) -> None:
    # A surname set in capitals ("Helena BRANDT") is typography, as a name all in capitals is.
    assert found_name(written, "Data Engineer", "hello@example.org") == reported


@pytest.mark.parametrize(("name", "local"), [*ADDRESSED_NAMES, ("Grace Kim", "grace.kim"), ("Ewa Nowak", "ewa.nowak")])
def test_a_stroke_read_as_a_letter_before_a_word_of_the_name_is_dropped(name: str, local: str) -> None:
    """A rule, a bar or an icon's edge beside display type is read as a letter opening a
    word ("PIETERVAN IDER BERG", "LUCA IDI STEFANO") where nothing else prints the name."""
    *first, last = name.split()
    for misread in (" ".join([*first, "I" + last]).upper(), " ".join([*first, "|" + last]).upper(),
                    " ".join([*first, "l" + last])):
        assert found_name(misread, f"{local}@example.org | +1 212 555 0183").casefold() == name.casefold(), misread


@pytest.mark.parametrize("under", ["Athens", "Raleigh", "Kraków", "Tampere", "Freelance"])
@pytest.mark.parametrize(("name", "local"), [("Ingrid Sørensen", "ingrid.sorensen"),
                                             ("Priscilla Tran", "priscilla.tran"),
                                             ("Sophie de la Fontaine", "sophie.delafontaine")])
def test_a_line_set_under_the_name_in_its_size_is_no_part_of_it(name: str, local: str, under: str) -> None:
    """A place or a word under the name that OCR sizes alike is read as the name's second
    line ("Ingrid Sørensen Athens"); the address spells the first line whole."""
    lines = [name, under, f"{local}@example.org | +30 691 681 4729"]
    contact = extract_contact(lines, "", "\n".join(lines), (), display=[f"{name} {under}", name, under]).contact
    assert contact.name == name


def test_a_name_the_address_spells_in_part_keeps_the_words_of_its_line() -> None:
    lines = ["Ana Maria Santos", "Raleigh", "ana.maria@example.org"]
    assert extract_contact(lines, "", "\n".join(lines), (), display=["Ana Maria Santos"]).contact.name == lines[0]


@pytest.mark.parametrize("name", ["Anaïs Dupont", "Niamh Ó Briain", "Zoë Lefèvre", "Loïc Ménard", "José Álvarez",
                                  "Katarzyna Zielińska", "Ελένη Παπαδοπούλου"])
def test_a_name_read_without_its_marks_takes_them_from_a_line_that_prints_them(name: str) -> None:
    """OCR loses a mark over large type ("Anais Dupont") that it reads in smaller type
    elsewhere on the page, punctuation run on: a running footer, a contact line. A mark is
    never taken away."""
    unmarked = bare(name)
    for top in (unmarked, unmarked.upper()):
        found = found_name(top, "Data Engineer", "Experience", "Data Engineer, Acme, 2019 - 2023", f"{name}: CV :2025")
        assert found.casefold() == name.casefold(), top
    assert found_name(name, "Data Engineer", f"{unmarked} · CV · 2025") == name


def test_generic_words_are_skills_only_in_a_skills_list():
    assert skills_in_text("Presented results to leadership; redesigned pricing pages and UI tests") == []
    document = ExtractedDocument("pdf", "Jane Roe\nSkills\nLeadership, Pricing, UI", 1, "", ())
    assert [skill.name for skill in analyse(document).skills] == ["Leadership", "Pricing Strategy",
                                                                   "User Interface Design"]


def test_addresses_hold_no_skills_but_skills_spelled_like_domains_stay():
    assert skills_in_text("Profile: https://github.com/jroe, www.java-guild.org and jane.python@example.com") == []
    assert skills_in_text("Built the chat on Socket.io and the billing on ASP.NET") != []


@pytest.mark.parametrize("text", ["a." * 50_000, "a-" * 50_000, "a" * 100_000, "a@" * 50_000, "1 " * 50_000])
def test_pathological_text_takes_linear_not_quadratic_time(text: str) -> None:
    # Quadratic regular expressions took 98 s on the first of these; linear ones take 0.1 s.
    document = ExtractedDocument(format="pdf", text=text, pages=1, header_text="", warnings=())
    started = time.perf_counter()
    analyse(document)
    assert time.perf_counter() - started < 5


def test_letter_spaced_names_and_headings_read_as_words():
    """Display type placed a letter at a time (Typst's tracking, LaTeX's letter-spacing, DTP
    tools) comes out of pypdf as "E L E N A  M A R C H E T T I": the name and the sections
    are read all the same."""

    def placed(y: int, body: bytes) -> bytes:
        return f"BT 72 {y} Td ".encode() + body + b" ET "

    def shown(y: int, *rows: bytes) -> bytes:
        return f"BT /F1 11 Tf 72 {y} Td 14 TL ".encode() + b" ".join(b"(" + row + b") '" for row in rows) + b" ET "

    content = (
        placed(740, letter_spaced("ELENA MARCHETTI"))
        + shown(720, b"elena.marchetti@example.org | +39 02 1234 5678 | Milan, Italy")
        + placed(670, letter_spaced("EXPERIENCE", size=12))
        + shown(660, b"Senior Software Engineer", b"Northwind Analytics, Milan                Mar 2019 - Present",
                b"- Built the data platform in Python and Kafka for the logistics team.")
        + placed(590, letter_spaced("EDUCATION", size=12))
        + shown(580, b"B.Sc. in Computer Science", b"Politecnico di Milano                Sep 2014 - Jul 2018")
    )
    document = extract(one_page_pdf(content), "application/pdf", "spaced.pdf")
    assert "E L E N A  M A R C H E T T I" in document.text
    result = analyse(document)
    assert result.contact.name == "Elena Marchetti"
    assert [(entry.title, entry.company) for entry in result.experience] == [
        ("Senior Software Engineer", "Northwind Analytics")]
    assert [entry.institution for entry in result.education] == ["Politecnico di Milano"]


@pytest.mark.parametrize(("place", "phone", "email", "e164"), [
    ("Milan, Italy", "+39 02 1234 5678", "elena.marchetti@example.org", "+390212345678"),
    ("Aarhus, Denmark", "+45 20 50 23 40", "elena.m@example.dk", "+4520502340"),
    ("Columbus, OH", "303.555.0193", "elena84@example.com", "+13035550193")])
def test_letter_spaced_contact_details_keep_their_punctuation_and_stay_apart(place, phone, email, e164):
    """A tracked header line of contact details: "A A R H U S ,  D E N M A R K" and a phone
    beside an email in runs of their own, which pypdf parts by one space, as it parts letters."""

    def placed(x: int, y: int, body: bytes) -> bytes:
        return f"BT {x} {y} Td ".encode() + body + b" ET "

    content = (
        placed(200, 740, letter_spaced("ELENA MARCHETTI"))
        + placed(230, 715, letter_spaced(place.upper(), size=8))
        + placed(120, 700, letter_spaced(phone, size=8)) + placed(300, 700, letter_spaced(email.upper(), size=8))
        + b"BT /F1 11 Tf 72 660 Td 14 TL (Experience) ' (Senior Software Engineer) ' "
          b"(Northwind Analytics                Mar 2019 - Present) ' ET "
    )
    result = analyse(extract(one_page_pdf(content), "application/pdf", "tracked.pdf"))
    contact = result.contact
    assert (contact.location.casefold(), list(contact.phones), [address.lower() for address in contact.emails]) == (
        place.casefold(), [e164], [email])


@pytest.mark.parametrize(("home", "job_place"), [("Raleigh, NC", "Denver, CO"), ("Munich, Germany", "Lyon, France"),
                                               ("Pune, Maharashtra", "Bengaluru, Karnataka")])
def test_the_place_in_a_contact_block_after_the_entries_is_the_location(home, job_place):
    # A second column holds the contact block after the experience: the first entry's
    # "Company, City" line comes first in the text, but the place beside the phone and
    # the email is the candidate's.
    text = "\n".join(["Owen McAllister", "Curriculum Vitae", "Work Experience", "Jul 2023 - Present",
                      f"Tidewater Media, {job_place}", "Backend Engineer", "Built services in Python for four teams.",
                      f"\ue000 {home}", "\ue000 (206) 555-0164", "\ue000 owen.mcallister@example.org",
                      "Education", "2016 - 2020 Bachelor in Computer Science", "Ohio State University"])
    assert analyse(extract(text_layer_pdf(text.splitlines()), file_name="resume.pdf")).contact.location == home


@pytest.mark.parametrize(("degree", "field"), [("Master", "Interaction Design"), ("Bachelor", "Machine Learning"),
                                              ("MSc", "Mechanical Engineering")])
def test_a_degree_set_as_its_schools_bullet_is_its_degree_and_no_skill(degree, field):
    text = "\n".join(["Niamh Brien", "niamh@example.net", "Experience", "Design Lead", "Brava Energia  2022 - Present",
                      "• Ran interviews with twelve customers a month", "Education",
                      "Trinity College Dublin  2013 - 2015", f"• {degree} in {field}",
                      "• Thesis written in Python"])
    result = analyse(ExtractedDocument("pdf", text, 1, "", ()))
    assert [(school.institution, school.degree, school.field) for school in result.education] == [
        ("Trinity College Dublin", degree, field)]
    skills = {skill.name for skill in result.skills}
    assert field not in skills and "Python" in skills


# (the number as written, where the candidate lives, what the analysis returns)
PHONES_AS_WRITTEN = [
    # Each country's own plan, read in the country of the location.
    ("02 1234 5678", "Sydney, Australia", "+61212345678"),
    ("0412 345 678", "Melbourne, Australia", "+61412345678"),
    ("030 1234567", "Berlin, Germany", "+49301234567"),
    ("020 7946 0958", "London, United Kingdom", "+442079460958"),
    ("(212) 555-0143", "New York, NY", "+12125550143"),
    # A North American number kept abroad, in that plan's shapes: no number of the
    # location's country, a valid one of North America.
    ("607.379.5733", "Sydney, Australia", "+16073795733"),
    ("607-379-5733", "Munich, Germany", "+16073795733"),
    ("(607) 379-5733", "Bengaluru, India", "+16073795733"),
    # Places as addresses print them, without a comma, a state's code and a postcode last.
    ("02 1234 5678", "Sydney NSW 2000", "+61212345678"),
    ("0412 345 678", "Melbourne VIC", "+61412345678"),
    ("416 555 0182", "Toronto ON M5V 2T6", "+14165550182"),
    # A country's code that is also a state's ("IN", Indiana) names the country.
    ("98765 43210", "Chennai IN", "+919876543210"),
]


@pytest.mark.parametrize(("written", "location", "expected"), PHONES_AS_WRITTEN)
def test_phones_are_read_in_the_plan_they_are_written_in(written, location, expected):
    text = f"Jane Smith\njane.smith@example.com | {written}\n{location}\n\nEXPERIENCE\nEngineer\nAcme Corp  2019 - 2024"
    document = ExtractedDocument(format="pdf", text=text, pages=1, header_text="", warnings=(), links=())
    contact = analyse(document).contact
    assert (list(contact.phones), contact.location) == ([expected], location), contact


# (the number as written, in E.164, the email beside it)
CONTACT_DETAILS = [("+353 87 244 6100", "+353872446100", "marta.dossantos@example.org"),
                   ("(303) 555-0193", "+13035550193", "megan.sullivan@example.com"),
                   ("+49 151 1561 8658", "+4915115618658", "j.von-hartmann@example.de"),
                   ("+91-9863849746", "+919863849746", "mohammed_shaikh@example.net")]
# What OCR reads for an icon before an item: a letter, a sign, a CJK character, spaced or not.
ICONS_AS_READ = ["C ", "口 ", "石", "☑ ", "© ", "自"]


def contact_of(*lines: str) -> resume_pb2.Contact:
    """The contact details of lines that stand below the resume's top block (a sidebar, or
    lines after a name a scan's type made a heading of)."""
    text = "\n".join(["Summary", "Engineer who likes careful work.", *lines])
    return extract_contact([], "", text, ()).contact


@pytest.mark.parametrize("icon", ICONS_AS_READ)
@pytest.mark.parametrize(("phone", "e164", "email"), CONTACT_DETAILS)
def test_a_phone_after_an_icon_read_as_a_glyph_is_a_contact_item(phone, e164, email, icon):
    contact = contact_of(f"{icon}{phone}", email)
    assert (list(contact.phones), list(contact.emails)) == ([e164], [email])


@pytest.mark.parametrize("between", [" ", "@", " @ ", "  "])
@pytest.mark.parametrize(("phone", "e164", "email"), CONTACT_DETAILS)
def test_a_phone_and_an_email_run_together_or_parted_by_an_icon_read_as_at_are_both_found(phone, e164, email, between):
    # "+39 347 136 8056@joachim.vonhartmann@example.net": the address is the one after the icon.
    contact = contact_of(f"{phone}{between}{email}")
    assert (list(contact.phones), list(contact.emails)) == ([e164], [email])


@pytest.mark.parametrize("email", [email for _, _, email in CONTACT_DETAILS])
@pytest.mark.parametrize("after", ["https://jdoe.example.com", "http://jdoe.example.com/cv"])
def test_an_email_with_a_web_address_run_on_ends_where_its_domain_does(email, after):
    assert EMAIL.findall(f"Sketch +12125550184 {email}{after}") == [email]


@pytest.mark.parametrize("label", ["Telephone:", "Téléphone :", "Telefon:", "Teléfono:", "Tel.", "Mobile:", "Móvil:"])
def test_a_phone_labelled_in_any_of_its_words_is_found_anywhere(label):
    filler = [f"Highlight {index} of the work done." for index in range(45)]
    contact = contact_of(*filler, f"{label} +91-9863849746")
    assert list(contact.phones) == ["+919863849746"]


@pytest.mark.parametrize("degree", ["B.Tech", "M.Tech", "B.Com", "M.Com", "B.Me"])
def test_a_degree_abbreviated_like_a_host_is_no_link(degree):
    # "B.Tech" reads as the host "b.tech": a host of one letter is a link only with a path.
    text = "\n".join(["Rohan Kulkarni", f"Software Engineer, {degree}",
                      "rohan.kulkarni@example.com | x.com/rohank | rohank.dev", "",
                      "Education", f"{degree} in Computer Science, Anna University, 2016 - 2020",
                      f"{degree} | Anna University"])
    result = analyse(ExtractedDocument("pdf", text, 1, "", ()))
    assert sorted(link.url for link in result.contact.links) == ["https://rohank.dev", "https://x.com/rohank"]


@pytest.mark.parametrize(("url", "cut"), [("https://www.linkedin.com/in/gracekim-park", 29),
                                          ("https://github.com/ana-maria-ionescu", 21),
                                          ("https://gitlab.com/jean-luc-picard", 16)])
def test_an_address_broken_at_a_hyphen_is_the_files_whole_link(url, cut):
    # A narrow column breaks an address after a hyphen; the file links the whole address.
    shown = url.removeprefix("https://")
    assert shown[cut - 1] == "-"
    text = "\n".join(["Grace Park", "grace@example.com", shown[:cut], shown[cut:], "", "Experience",
                      "Engineer", "Acme Corp  2019 - 2024"])
    result = analyse(ExtractedDocument("pdf", text, 1, "", (), links=(url,)))
    assert [link.url for link in result.contact.links] == [url]


@pytest.mark.parametrize("contact", [["+351 912 197 086", "jo.silva@example.org", "LinkedIn", "josilva"],
                                     ["(206) 555-0127", "jo.silva@example.org"], ["jo.silva@example.org", "GitHub"],
                                     ["+44 20 7946 0958", "linkedin.com/in/josilva"]])
def test_a_sidebars_contact_details_under_the_education_heading_are_no_school(contact):
    # A sidebar read into the page: its contact block lands under the education heading,
    # before schools whose years stand stacked above them.
    text = "\n".join(["Jo Silva", "", "Education", *contact, "2015", "2018", "Politecnico di Milano", "Master",
                      "Interaction Design", "2012", "2015", "Jagiellonian University", "Bachelor", "Design"])
    result = analyse(ExtractedDocument("pdf", text, 1, "", ()))
    assert [school.institution for school in result.education] == ["Politecnico di Milano", "Jagiellonian University"]


@pytest.mark.parametrize("icon", ["", "\ue000 "])
@pytest.mark.parametrize("schools", [
    [("Technical University of Munich", "Bachelor", "Computer Science", 2015, 2018)],
    [("Politecnico di Milano", "Master", "Interaction Design", 2018, 2020),
     ("Jagiellonian University", "Bachelor", "Design", 2015, 2018)]])
def test_a_schools_years_stacked_beside_it_and_its_degree_after_an_icon(icon, schools):
    # A date column stacks a range's years, the start beside the school, the end below it;
    # the degree follows with an icon before it.
    lines = ["Jo Silva", "", "Education"]
    for institution, degree, field, start, end in schools:
        lines += [f"{start} {institution}", str(end), f"{icon}{degree}", field]
    result = analyse(ExtractedDocument("pdf", "\n".join(lines), 1, "", ()))
    assert [(school.institution, school.degree, school.field, school.start, school.end)
            for school in result.education] == [(i, d, f, str(s), str(e)) for i, d, f, s, e in schools]
