"""Resume analysis: from extracted text to a resume.v1.ResumeAnalysis message."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from common.proto.resume.v1 import resume_pb2

from ..document import ExtractedDocument
from .certifications import certification_entries
from .confidence import Context, scored_evidence
from .contact import contact_lines, extract_contact
from .credits import without_credits
from .displaced import displaced_lines, displaced_schools, host_lines, restore_displaced
from .education import find_degree, is_skill_list, parse_education
from .entries import Entry, group_entries
from .evidence import located
from .experience import parse_experience
from .language_levels import language_levels
from .languages import detect_language
from .listings import language_items, list_items, spoken_languages, unwrapped_lists
from .matching import match_job
from .normalise import normalise_text
from .projects import parse_projects
from .prose import is_prose
from .reference_date import reference_date
from .scoring import score_resume
from .sections import Section, split_sections
from .seniority import add_seniority
from .skills import SkillGroup, find_skills
from .tenure import add_skill_experience, employment_gaps, management_months, total_years
from .typography import Typography
from .unheaded import is_school, unheaded_jobs, unheaded_schools

ANALYSIS_VERSION = "1.0.0"
DEFAULT_GAP_MONTHS = 6

__all__ = ["ANALYSIS_VERSION", "DEFAULT_GAP_MONTHS", "analyse"]


def analyse(document: ExtractedDocument, *, job_description: str = "", required_skills: Sequence[str] = (),
            as_of: date | None = None, submitted: date | None = None,
            gap_months: int = DEFAULT_GAP_MONTHS) -> resume_pb2.ResumeAnalysis:
    """`as_of` is the reference date the request named, `submitted` the day of submission
    (today when None); see reference_date for the one used."""
    reference, reference_source = reference_date(as_of, document.modified, submitted or date.today())
    extracted = document
    typography = Typography(document.lines)
    text, links = without_credits(typography.unbulleted_headers(normalise_text(document.text)), document.links)
    document = dataclasses.replace(document, text=text, links=links, header_text=normalise_text(document.header_text))
    sections = split_sections(document.text, typography)
    for section in sections:
        if section.kind in ("experience", "education"):
            section.lines = [typography.fields(line) for line in section.lines]
    top, body = sections[0], sections[1:]
    language = detect_language(document.text)

    def lines_of(kind: str) -> list[str]:
        return [line for section in body if section.kind == kind for line in section.lines]

    # Two-column templates put the contact details in a sidebar section of their own.
    # The top's fields too are parted where its type says ("Columbus, OH", the name set
    # large and apart in a header row's cells).
    body_contact = contact_lines([typography.fields(line) for line in top.lines]) + contact_lines(lines_of("contact"))
    found = extract_contact(body_contact, document.header_text, document.text, document.links,
                            typography.display_lines(), language)
    # A caption column can run on into the education section, which takes no captions of its own.
    experience = parse_experience(lines_of("experience"), found.contact.name, host_lines(body, "education")) \
        or unheaded_jobs(sections, found.contact.name)
    elsewhere = host_lines(body)
    education = displaced_schools(parse_education(lines_of("education")), elsewhere)
    if not education:
        education = unheaded_schools(sections)
        experience = [job for job in experience if not (education and is_school(job))]
    restore_displaced(displaced_lines(elsewhere), experience, education)
    skills_lines = lines_of("skills")
    labelled_languages = [line for line in skills_lines if line.lower().startswith("languages:")]
    result = resume_pb2.ResumeAnalysis(
        analysis_version=ANALYSIS_VERSION,
        language=language,
        contact=found.contact,
        summary=" ".join(lines_of("summary")),
        skills=find_skills(_skill_sources(top, body)),
        experience=experience,
        education=education,
        sections=[resume_pb2.Section(kind=section.kind, heading=section.heading) for section in body],
        certifications=list_items(lines_of("certifications")),
        languages=spoken_languages(lines_of("languages"), labelled_languages),
        spoken_languages=language_levels(language_items(lines_of("languages"), labelled_languages)),
        certification_entries=certification_entries(lines_of("certifications"), found.contact.name),
        projects=parse_projects(lines_of("projects")),
        total_experience_years=total_years(experience, reference),
        warnings=[resume_pb2.Warning(code=code, message=message) for code, message in document.warnings],
        document=resume_pb2.Document(format=document.format, pages=document.pages,
                                     characters=len(document.text), words=len(document.text.split())),
        reference_date=reference.isoformat(),
        reference_date_source=reference_source,
        management_months=management_months(experience, reference),
        employment_gaps=employment_gaps(experience, reference, gap_months),
    )
    add_skill_experience(result.skills, experience, reference)
    add_seniority(result.experience, reference)
    if found.only_in_header:
        result.warnings.append(resume_pb2.Warning(
            code=resume_pb2.WARNING_CODE_CONTACT_IN_HEADER,
            message="The email or phone number appears only in the page header or footer; put it in the body, "
                    "since many applicant tracking systems skip headers."))
    result.score.CopyFrom(score_resume(result, document.text, found.found_in_body))
    if job_description.strip() or any(skill.strip() for skill in required_skills):
        result.match.CopyFrom(match_job(result.skills, document.text, job_description, required_skills))
    result.evidence.extend(scored_evidence(located(result, extracted), result, Context.of(extracted)))
    return result


def _skill_sources(top: Section, body: list[Section]) -> list[SkillGroup]:
    """Lines to search for skills, by where they come from.

    In experience and education sections only descriptions are searched: title lines
    hold company names ("Oracle", "Apple ML Research") that would read as skills, and
    degree lines a field of study ("BSc Statistics"), which is not a claimed skill. A
    skills list that a column put among the education lines is searched (is_skill_list)."""
    groups: list[SkillGroup] = []
    for section in body:
        if section.kind == "skills":
            groups.append((resume_pb2.SKILL_SOURCE_SKILLS_SECTION, unwrapped_lists(section.lines)))
        elif section.kind in ("experience", "education"):
            lines = [line for entry in group_entries(section.lines) for line in _described(entry, section.kind)]
            groups.append((resume_pb2.SKILL_SOURCE_EXPERIENCE if section.kind == "experience"
                           else resume_pb2.SKILL_SOURCE_OTHER, lines))
        elif section.kind not in ("references", "interests", "contact"):
            groups.append((resume_pb2.SKILL_SOURCE_OTHER, section.lines))
    if not body:  # no heading recognised: search everything but the contact block
        contact = set(contact_lines(top.lines))
        groups.append((resume_pb2.SKILL_SOURCE_OTHER, [line for line in top.lines if line not in contact]))
    return groups


def _described(entry: Entry, kind: str) -> list[str]:
    """The lines of an experience or education entry that describe the work or the study:
    its highlights, but a degree set as a school's bullet ("• Master in Interaction Design"),
    a field of study there too; the prose of its header; a skills list among a school's."""
    highlights = [line for line in entry.highlights if kind == "experience" or find_degree(line) is None]
    return highlights + [line for line in entry.header
                         if is_prose(line) or kind == "education" and is_skill_list(line)]
