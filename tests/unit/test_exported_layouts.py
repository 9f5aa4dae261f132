"""Classes of resumes the analysis once misread, each on a file generated here: text
layers as Word and job-board exports write them (see labeled/text_layer_pdf.py)."""

import dataclasses

import pytest

from analysis_worker.analysis import analyse
from analysis_worker.analysis.names import NAME_PARTICLES
from analysis_worker.analysis.normalise import normalise_text
from analysis_worker.analysis.places import is_location, is_spaced_place
from analysis_worker.extraction import ExtractedDocument, extract
from common.proto.resume.v1 import resume_pb2
from tests.labeled.text_layer_pdf import text_layer_pdf

WORD_GAP = "\t\r \xa0"  # how Word's PDF export separates words


def analysed(lines: list[str]) -> resume_pb2.ResumeAnalysis:
    return analyse(extract(text_layer_pdf(lines), file_name="resume.pdf"))


def word_export(lines: list[str]) -> list[str]:
    return [line.replace(" ", WORD_GAP) for line in lines]


JOB_BOARD = [
    "Leo Leopard",
    "Software Engineer - Acme Corp",
    "Pune, Maharashtra",
    "leo.leopard@example.com",
    "+91 98765 43210",
    "Indeed: https://www.indeed.com/r/Leo-Leopard/3f2a9c1b0d7e6a54",
    "WORK EXPERIENCE",
    "Software Engineer",
    "Acme Corp - Pune, Maharashtra",
    "June 2016 to Present",
    "Designed billing services in Java and maintained the release pipeline for the payments team.",
    "Data Analyst",
    "Globex Analytics - Mumbai, Maharashtra",
    "Prepared weekly sales dashboards in Excel and Tableau for the regional managers.",
    "Intern",
    "Initech - Mumbai",
    "May 2014 to July 2014",
    "EDUCATION",
    "B.tech in Computer Engineering",
    "Pune Institute of Computer Technology - Pune, Maharashtra",
    "2012 to 2016",
    "HSC",
    "Fergusson College - Pune, Maharashtra",
    "2010 to 2012",
    "SSC",
    "St. Mary's High School - Pune, Maharashtra",
    "2010",
    "SKILLS",
    "Java (5 years), SQL (3 years), Excel",
]


def test_normalisation_spells_spaces_hyphens_ligatures_and_icons_one_way():
    assert normalise_text(f"Leo{WORD_GAP}Leopard") == "Leo Leopard"
    assert normalise_text("(909) 555-\xad\u20105555") == "(909) 555-5555"
    assert normalise_text("ﬁnance ＡＢＣ\u2003x") == "finance ABC x"
    assert normalise_text("Engineer\t\tJan 2020\r\n") == "Engineer\t\tJan 2020\n"  # column gaps stay
    assert normalise_text("📞 555 ✉ a@b.io\n\uf0b7 Built") == "\ue000 555 \ue000 a@b.io\n• Built"


def test_word_export_text_layers():
    result = analysed(word_export([
        "Leo Leopard", "leo.leopard@example.com | (909) 555-\xad\u20105555 | Riverside, CA", "Experience",
        "Software Engineer", "Acme Corp - Riverside, CA", "January 2019 to Present",
        "Built services in Python and Go.", "Education", "Bachelor of Science in Computer Science",
        "University of Utah", "2014 to 2018"]))
    assert result.contact.name == "Leo Leopard"
    assert list(result.contact.phones) == ["+19095555555"]
    assert [section.kind for section in result.sections] == ["experience", "education"]
    assert [(job.title, job.company, job.start) for job in result.experience] == [
        ("Software Engineer", "Acme Corp", "2019-01")]
    assert [school.institution for school in result.education] == ["University of Utah"]


@pytest.mark.parametrize("first_line", ["Senior Software Engineer", "Marketing Manager", "Professional Summary",
                                        "Results Driven Sales Professional", "Data Analyst"])
def test_a_title_heading_or_sentence_is_never_the_name(first_line):
    result = analysed([first_line, "jane.q@example.com | 555-201-3344", "Experience", "Data Analyst",
                       "Acme Corp", "2019 - 2021", "Built dashboards."])
    assert result.contact.name == ""


@pytest.mark.parametrize(("written", "e164"), [("(909) 555-5555", "+19095555555"), ("123-456-7890", "+11234567890"),
                                                ("555.555.5555", "+15555555555")])
def test_well_formed_phones_in_the_header_are_kept(written, e164):
    result = analysed(["Ana Lima", f"ana.lima@example.com | {written}", "Skills", "Python"])
    assert list(result.contact.phones) == [e164]


def test_a_job_board_profile_link_is_neither_company_nor_title():
    lines = JOB_BOARD[:7] + ["https://www.indeed.com/r/Leo-Leopard/3f2a9c1b0d7e6a54"] + JOB_BOARD[7:]
    result = analysed(lines)
    fields = {value for job in result.experience for value in (job.title, job.company)}
    assert not any("indeed" in value.lower() for value in fields)
    assert "https://www.indeed.com/r/Leo-Leopard/3f2a9c1b0d7e6a54" in [link.url for link in result.contact.links]


def test_job_board_export_experience_with_and_without_dates():
    result = analysed(JOB_BOARD)
    assert result.contact.name == "Leo Leopard"
    assert list(result.contact.phones) == ["+919876543210"]
    assert [(job.title, job.company, job.location, job.start, job.end, job.current) for job in result.experience] == [
        ("Software Engineer", "Acme Corp", "Pune, Maharashtra", "2016-06", "", True),
        ("Data Analyst", "Globex Analytics", "Mumbai, Maharashtra", "", "", False),
        ("Intern", "Initech", "", "2014-05", "2014-07", False)]


def test_education_with_several_schools_and_degrees_as_written_in_india():
    result = analysed(JOB_BOARD)
    assert [(school.institution, school.degree_level, school.end) for school in result.education] == [
        ("Pune Institute of Computer Technology", resume_pb2.DEGREE_LEVEL_BACHELOR, "2016"),
        ("Fergusson College", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "2012"),
        ("St. Mary's High School", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "2010")]


def test_a_degree_is_never_the_institution():
    result = analysed(["Riya Shah", "riya.shah@example.com", "Education", "TYBMS in Management Studies",
                       "2019", "Bachelor of Commerce", "Mumbai", "2016"])
    assert all(not school.institution or "Management Studies" not in school.institution
               and "Commerce" not in school.institution for school in result.education)
    assert [school.degree_level for school in result.education] == [resume_pb2.DEGREE_LEVEL_BACHELOR] * 2


def test_headings_printed_beside_their_first_line():
    # HTML themes that put section titles in a left column print them on the baseline
    # of the section's first line.
    result = analysed(["Rosa Delgado", "rosa.delgado@example.net", "Work Design Lead", "Quantum Ridge Labs",
                       "Dec 2023 – Present", "Denver, CO", "UX Designer", "Pinecrest Logistics", "Oct 2020 – Sep 2023",
                       "Columbus, OH", "Education University of Colorado Boulder", "Bachelor in Interaction Design",
                       "Sep 2010 – Jun 2014", "Tools", "Figma"])
    assert [(job.title, job.company, job.start) for job in result.experience] == [
        ("Design Lead", "Quantum Ridge Labs", "2023-12"), ("UX Designer", "Pinecrest Logistics", "2020-10")]
    assert [school.institution for school in result.education] == ["University of Colorado Boulder"]


def test_a_research_intern_is_not_a_heading_where_headings_have_lines_of_their_own():
    result = analysed(["John Doe", "john@example.com", "Experience", "Acme Labs – Austin, TX May 2022 – Aug 2022",
                       "Research Intern", "• Built a parser", "Languages: Python, Go"])
    assert [job.title for job in result.experience] == ["Research Intern"]


def test_contact_details_in_an_about_block_or_sidebar():
    lines = ["Mateusz Kowalczyk", "Senior Mechanical Engineer", "About", "Athens GR", "mateusz.kowalczyk@ex",
             "ample.com", "+30 691 542 7177", "Summary",
             "I am an engineer looking for a team that ships often and learns from it.",
             "Experience", "\ue000 Munich, DE \ue000 +49 151 6859 6876"]
    # The address wrapped in a narrow column; its link target holds it whole.
    document = dataclasses.replace(extract(text_layer_pdf(lines), file_name="resume.pdf"),
                                   links=("mailto:mateusz.kowalczyk@example.com",))
    result = analyse(document)
    assert result.contact.location == "Athens GR"
    assert list(result.contact.emails) == ["mateusz.kowalczyk@example.com"]
    assert list(result.contact.phones)[0] == "+306915427177"
    assert not [link.url for link in result.contact.links]


def test_iso_day_dates_open_ranges_and_labels_above_highlights():
    result = analysed(["Luca Rossi", "luca.rossi@example.net", "Work", "Senior Marketing Manager",
                       "Lumen Finance 2023-08-01 —", "Highlights", "• Ran quarterly campaigns",
                       "Marketing Manager", "Atelier Moreau 2020-08-01 — 2023-08-01", "Highlights", "• Wrote plans"])
    assert [(job.title, job.company, job.start, job.end, job.current) for job in result.experience] == [
        ("Senior Marketing Manager", "Lumen Finance", "2023-08", "", True),
        ("Marketing Manager", "Atelier Moreau", "2020-08", "2023-08", False)]


def test_entries_without_dates_in_a_narrow_column():
    # A company name under a bullet that filled the column is not the bullet's wrapped
    # end when a place follows it.
    result = analysed(["Jamal Haddad", "jamal.haddad@example.org", "Work Experience", "Summit Valley Foods",
                       "Austin, TX", "Head of Operations", "• Set up Power BI reporting for the regional directors",
                       "• Negotiated freight contracts worth six figures a year", "Tidewater Media", "Seattle, WA",
                       "Operations Manager", "• Cut stock-outs by a third"])
    assert [(job.title, job.company) for job in result.experience] == [
        ("Head of Operations", "Summit Valley Foods"), ("Operations Manager", "Tidewater Media")]


def test_the_wrapped_end_of_a_linked_site_is_not_a_site():
    lines = ["Eleni Papadopoulou", "Aarhus DK", "eleni@example.net", "elenipapadopoulou.exa", "mple.com"]
    document = dataclasses.replace(extract(text_layer_pdf(lines), file_name="resume.pdf"),
                                   links=("https://elenipapadopoulou.example.com/",))
    assert [link.url for link in analyse(document).contact.links] == ["https://elenipapadopoulou.example.com/"]


def test_the_candidate_is_never_an_employer():
    # Pages laid out in columns can print the header block among the entries.
    result = analysed(["Tyrone Jackson", "tyrone.jackson@example.com", "Work Experience", "Tyrone Jackson",
                       "Chief Financial Officer", "Mar 2023 - Present", "• Prepared the monthly close"])
    assert [(job.title, job.company) for job in result.experience] == [("Chief Financial Officer", "")]


def test_a_title_above_a_label_is_not_the_end_of_a_bullet():
    # Descriptions written as sentences wrap like bullets; a title line under one opens
    # an entry when a label ("Highlights") follows it.
    result = analysed(["Aarav Deshpande", "aarav.deshpande@example.net", "Work", "Senior Data Scientist",
                       "Highlights", "Rebuilt the nightly reporting pipeline on Airflow and Snowflake",
                       "Data Scientist", "Highlights", "Built churn models in Python that the retention team uses"])
    assert [job.title for job in result.experience] == ["Senior Data Scientist", "Data Scientist"]


def test_schools_listed_as_bullets():
    result = analysed(["Ananya Banerjee", "ananya.banerjee@example.net", "Education",
                       "• BSc Physics, University of Leeds 2015", "• MSc Data Science, University of Bath 2017"])
    assert [(school.institution, school.degree_level, school.end) for school in result.education] == [
        ("University of Leeds", resume_pb2.DEGREE_LEVEL_BACHELOR, "2015"),
        ("University of Bath", resume_pb2.DEGREE_LEVEL_MASTER, "2017")]


def test_employers_and_schools_read_after_the_page():
    # A right-hand column of "name dates" lines that extraction reads below the skills:
    # jobs and schools left with a title or a degree alone get them back in order.
    result = analysed(["Ananya Banerjee", "ananya.banerjee@example.net", "Work", "Finance Manager", "Highlights",
                       "Led the yearly budgeting cycle for five business units", "Senior Financial Analyst",
                       "Highlights", "Prepared the monthly close and variance reports", "Education", "\ue000 Finance",
                       "Bachelor", "\ue000 Science", "HSC", "Skills", "Excel", "Indus Fintech 2024-03-01 —",
                       "Sahyadri Infotech 2019-05-01 — 2022-06-01", "Savitribai Phule Pune University 2014-09-01 — "
                       "2018-06-01", "Kendriya Vidyalaya 2012-06-01 — 2014-05-01", "Westview High School 2009-06-01 — "
                       "2011-05-01", "Languages", "English"])
    assert [(job.title, job.company, job.start, job.end, job.current) for job in result.experience] == [
        ("Finance Manager", "Indus Fintech", "2024-03", "", True),
        ("Senior Financial Analyst", "Sahyadri Infotech", "2019-05", "2022-06", False)]
    assert [(school.institution, school.degree_level, school.end) for school in result.education] == [
        ("Savitribai Phule Pune University", resume_pb2.DEGREE_LEVEL_BACHELOR, "2018-06"),
        ("Kendriya Vidyalaya", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "2014-05"),
        ("Westview High School", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "2011-05")]


def test_dates_and_schools_read_beside_the_contact_details():
    # A sidebar read after the entries: the jobs' dates alone among the contact details,
    # and the schools after the skills while the education heading stands empty.
    result = analysed(["Rohan Kulkarni", "Work Experience", "Meghna Pharma", "Hyderabad, Telangana",
                       "Backend Engineer", "Highlights", "Built services in Java and Kafka for four teams",
                       "Navyug Motors", "Kolkata, West Bengal", "Senior Software Engineer", "Highlights",
                       "Moved the deployment of twelve services to AWS",
                       "Contact", "October 2022 – Present", "November 2020 – August 2022", "rohan.kulkarni@example.net",
                       "Education", "Skills", "Python Java", "Nordic Institute of Design", "2016", "2020",
                       "Jadavpur University", "B.Tech", "Computer Science", "2014", "2016", "Delhi Public School",
                       "HSC", "Science"])
    assert [(job.company, job.start, job.end, job.current) for job in result.experience] == [
        ("Meghna Pharma", "2022-10", "", True), ("Navyug Motors", "2020-11", "2022-08", False)]
    assert [(school.institution, school.degree_level, school.end) for school in result.education] == [
        ("Jadavpur University", resume_pb2.DEGREE_LEVEL_BACHELOR, "2020"),
        ("Delhi Public School", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "2016")]


def test_schools_on_single_lines_after_the_skills():
    # The education section holds what the column put there instead (a date, a skill
    # group); each school is one line naming field, degree and school.
    result = analysed(["Tyrone Jackson", "tyrone.jackson@example.com", "Education", "Sep, 2011 - Jun, 2013",
                       "Accounts Assistant, Tidewater Media", "Finance", "Tools", "SAP Excel QuickBooks",
                       "Finance, Master, University of Colorado Boulder",
                       "Finance, Bachelor, Georgia Institute of Technology"])
    assert [(school.institution, school.degree_level) for school in result.education] == [
        ("University of Colorado Boulder", resume_pb2.DEGREE_LEVEL_MASTER),
        ("Georgia Institute of Technology", resume_pb2.DEGREE_LEVEL_BACHELOR)]


def test_dates_and_bullets_with_their_captions_read_after_them():
    # A theme that prints each job's dates and bullets in one column and "Title,
    # Company" in another: the text layer gives the captions after the header block.
    result = analysed(["Background", "Work Experience", "Mar, 2023 - Present",
                       "Prepared the monthly close and variance reports in QuickBooks",
                       "Led the yearly Budgeting cycle for five business units",
                       "Jul, 2021 - Jan, 2023 \ue000 1 year 6 months",
                       "Moved the group reporting to SAP and cut the close by four days",
                       "Built the three-year Forecasting model used in the funding round", "Tyrone Jackson",
                       "Tyrone Jackson", "Chief Financial Officer", "\ue000 \ue000",
                       "\ue000 Raleigh, NC, US \ue000 (303) 555-0113 \ue000", "tyrone.jackson@example.com", "\ue000",
                       "https://tyronejackson.example.com", "\ue000 English",
                       "Chief Financial Officer, Redwood Mutual\ue000", "Finance Manager, Pinecrest Logistics",
                       "Financial Analyst, Quantum Ridge Labs", "Mar, 2018 - Jun, 2021 \ue000 3 years 3 months",
                       "Moved the group reporting to IFRS and cut the close by four days",
                       "Apr, 2014 - Jan, 2018 \ue000 3 years 9 months",
                       "Prepared the monthly close and variance reports in SAP", "Education",
                       "Accounts Assistant, Tidewater Media"])
    # The last caption ran on into the education section.
    assert [(job.title, job.company, job.start) for job in result.experience] == [
        ("Chief Financial Officer", "Redwood Mutual", "2023-03"), ("Finance Manager", "Pinecrest Logistics", "2021-07"),
        ("Financial Analyst", "Quantum Ridge Labs", "2018-03"), ("Accounts Assistant", "Tidewater Media", "2014-04")]


def test_captions_and_schools_read_into_the_next_sections():
    # The same theme when the skills heading comes before the header block: the
    # captions fall in the skills section, and the schools, one line each, after the
    # education section's dates and skill groups.
    result = analysed(["Background", "Work Experience", "Apr, 2022 - Present",
                       "Ran User Research interviews that reshaped the mobile roadmap",
                       "Nov, 2020 - Apr, 2022 \ue000 1 year 5 months", "Prototyped the new checkout in HTML and CSS",
                       "Skills", "Kavya Reddy", "Kavya Reddy", "Design Lead", "kavya.reddy@example.net",
                       "Design Lead, Indus Fintech\ue000", "UX Designer, Navyug Motors", "Education",
                       "Sep, 2016 - Jun, 2020", "Jun, 2014 - May, 2016", "Design", "Adobe Illustrator Sketch Figma",
                       "Interaction Design, Bachelor, Vellore Institute of Technology",
                       "Science, HSC, St. Xavier's College"])
    assert [(job.title, job.company, job.start) for job in result.experience] == [
        ("Design Lead", "Indus Fintech", "2022-04"), ("UX Designer", "Navyug Motors", "2020-11")]
    assert [(school.institution, school.degree_level) for school in result.education] == [
        ("Vellore Institute of Technology", resume_pb2.DEGREE_LEVEL_BACHELOR),
        ("St. Xavier's College", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL)]


def test_a_school_named_after_another_schools_dates():
    # Bullets of a job read out of place after the second school's name close the
    # first school's entry before the second school's dates arrive.
    result = analysed(["Vikram Singh Rathore", "vikram.singhrathore@example.com", "Education Jadavpur University",
                       "Bachelor in Business Administration", "Sep 2018 – Jun 2022", "St. Xavier's College",
                       "Ran quarterly campaigns tracked in Google Analytics and Excel",
                       "Managed a yearly budget of six figures across paid channels", "HSC in Science",
                       "Jun 2016 – May 2018", "Skills Marketing", "HubSpot Google Analytics"])
    assert [(school.institution, school.degree_level, school.end) for school in result.education] == [
        ("Jadavpur University", resume_pb2.DEGREE_LEVEL_BACHELOR, "2022-06"),
        ("St. Xavier's College", resume_pb2.DEGREE_LEVEL_HIGH_SCHOOL, "2018-05")]


def test_a_skills_group_read_among_the_education_lines():
    # A field of study is no claimed skill; a skills group that the column put after
    # the education dates is.
    result = analysed(["Hannah Lindqvist", "hannah.lindqvist@example.org", "Education", "Sep, 2011 - Jun, 2015",
                       "Operations", "Procurement Logistics Inventory Management", "Bachelor in Statistics",
                       "Rutgers University"])
    names = {skill.name for skill in result.skills}
    assert {"Procurement", "Logistics"} <= names
    assert "Statistics" not in names


def test_a_name_in_cyrillic_or_greek_away_from_the_top():
    # A theme that prints the header block after the jobs: the name is the one that the
    # address spells, in Latin letters.
    for name, email in (("Дмитрий Соколов", "dmitry.sokolov@example.org"),
                        ("Ελένη Παπαδοπούλου", "eleni.papadopoulou@example.net")):
        result = analysed(["Background", "Work Experience", "Feb, 2022 - Present",
                           "Ran quarterly campaigns tracked in Google Analytics and Salesforce", name, name,
                           "Head of Growth", email])
        assert result.contact.name == name


# Date ranges as a moderncv date column wraps them: each range cut after its first month
# and after its dash, in the US, European and Indian spellings of the corpus.
WRAPPED_RANGES = [(("Aug 2023", "Present"), ("2023-08", "")), (("Oct 2020", "Aug 2023"), ("2020-10", "2023-08")),
                  (("10/2021", "Present"), ("2021-10", "")), (("07/2013", "09/2017"), ("2013-07", "2017-09")),
                  (("November 2020", "August 2022"), ("2020-11", "2022-08"))]


def wrapped(start: str, end: str) -> list[list[str]]:
    """The column lines of one range at every break a narrow column makes: after a month
    name, after the dash, or both."""
    first, _, start_year = start.rpartition(" ")
    last, _, end_year = end.rpartition(" ")
    cuts = [[f"{start}–{end}"], [f"{start}–", end]]
    if first:
        cuts += [[first, f"{start_year}–{end}"]]
    if last:
        cuts += [[f"{start}–{last}", end_year]]
    if first and last:
        cuts += [[first, f"{start_year}–{last}", end_year]]
    return cuts


@pytest.mark.parametrize(("column", "expected"), [(column, expected) for written, expected in WRAPPED_RANGES
                                                  for column in wrapped(*written)])
def test_date_ranges_wrapped_in_a_narrow_date_column(column, expected):
    # moderncv's classic and casual styles print "\cventry" dates in a left column that
    # wraps a range over two or three lines, read before the entry's line of
    # "Title, Employer, City" and its bullets.
    result = analysed(["Marcus Whitfield", "Lead Software Engineer", "Austin, TX", "\ue000 +1 919 555 0184",
                       "\ue000 marcus.whitfield@example.com", "Experience", *column,
                       "Lead Software Engineer, Quantum Ridge Labs, Denver, CO",
                       "• Built services in Python and Redis for four teams", "May", "2014–Sep", "2020",
                       "Backend Engineer, Pinecrest Logistics, Raleigh, NC", "• Moved twelve services to Kubernetes",
                       "Education", "2010–2014 Bachelor in Computer Science, Ohio State University"])
    start, end = expected
    assert [(job.title, job.company, job.start, job.end, job.current) for job in result.experience] == [
        ("Lead Software Engineer", "Quantum Ridge Labs", start, end, not end),
        ("Backend Engineer", "Pinecrest Logistics", "2014-05", "2020-09", False)]


@pytest.mark.parametrize("glyph", ["/github", "/linkedin-in", "/gl\u2322be-americas", "/twitter", "/envelope"])
def test_icon_glyph_names_in_the_text_layer_are_icons(glyph):
    # pdfTeX's Font Awesome fonts have no Unicode mapping: the text layer holds the
    # glyph's name where the icon is. moderncv's casual style prints the contact details
    # in the footer, read after the skills.
    assert normalise_text(f"{glyph} leo") == "\ue000 leo"
    result = analysed(["Leo Leopard", "Experience", "Jan 2020–Present", "Data Analyst, Acme Corp, Austin, TX",
                       "Skills", "Languages Python, SQL", "Austin, TX",
                       f"\u2709 leo.leopard@example.com \u2022 {glyph} leopard \u2022 /github leopard"])
    assert {skill.name for skill in result.skills} == {"Python", "SQL"}
    assert list(result.contact.emails) == ["leo.leopard@example.com"]


@pytest.mark.parametrize("particle", sorted(particle for particle in NAME_PARTICLES
                                            if len(particle) > 2 and particle.isalpha()))
def test_a_particle_glued_to_the_surname_in_a_large_name(particle):
    # In moderncv's large name the text layer can lose the word gap after a particle
    # ("Joachim vonHartmann"); two-letter particles stay as written ("deGrasse").
    result = analysed([f"Joachim {particle}Hartmann | Senior Product Designer", "Porto, Portugal",
                       "joachim@example.org", "Experience", "Jan 2020–Present", "Designer, Acme Corp, Porto"])
    assert result.contact.name == f"Joachim {particle} Hartmann"


# The taxonomy's skills whose last word is a country's code ("BI" is Burundi's).
CODE_LIKE_SKILLS = ["Power BI", "GitLab CI", "Travis CI", "Drone CI", "Core ML", "SAP MM", "SAP SD", "Jakarta EE"]


@pytest.mark.parametrize("skill", CODE_LIKE_SKILLS)
def test_a_skill_ending_in_a_country_code_is_no_place(skill):
    # moderncv's casual style prints the contact details in the footer, read after the
    # skills: a skills line ending in "Power BI" came first and read as "City CC".
    assert not is_location(f"Tools Excel, SAP, {skill}") and not is_spaced_place(skill)
    result = analysed(["Hannah Lindqvist", "Head of Operations", "Experience", "Jun 2022–Present",
                       "Head of Operations, Bluestem Health, Denver, CO", "Skills", f"Tools Excel, SAP, {skill}",
                       "Austin, TX", "\ue000 (919) 555-0104 • \ue000 hannah.lindqvist@example.org"])
    assert result.contact.location == "Austin, TX"
    assert list(result.contact.phones) == ["+19195550104"]


@pytest.mark.parametrize("cut", [1, 3, 6, 9])
def test_the_tail_of_an_address_broken_at_a_line_end_is_not_an_address(cut):
    # moderncv's fancy style sets the address in a narrow column that TeX hyphenates
    # ("mar-" / "cus.whitfield@example.com"); the link holds the whole address.
    address = "marcus.whitfield@example.com"
    text = f"Austin, TX\n\ue000 {address[:cut]}-\n{address[cut:]}\nMarcus Whitfield\nExperience"
    result = analyse(ExtractedDocument("pdf", text, 1, "", (), (f"mailto:{address}",)))
    assert list(result.contact.emails) == [address]
