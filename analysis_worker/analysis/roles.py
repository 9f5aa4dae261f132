"""Words of job titles, which tell a title from a company name or a person's name."""

from __future__ import annotations

import re

from .languages import TITLE_SUFFIXES
from .languages import TITLE_WORDS as FOREIGN_TITLE_WORDS
from .skills import canonical_skill

# The nouns that head a job title ("Engineer", "Analyst").
TITLE_WORDS = {
    "engineer", "developer", "programmer", "intern", "internship", "trainee", "apprentice", "manager", "director",
    "head", "lead", "principal", "staff", "senior", "junior", "sr", "jr", "chief", "officer", "president", "vp",
    "ceo", "cto", "cfo", "coo", "cio", "ciso", "cpo", "founder", "cofounder", "co-founder", "owner", "partner",
    "analyst", "scientist", "researcher", "consultant", "specialist", "architect", "administrator", "designer",
    "associate", "assistant", "coordinator", "technician", "teacher", "professor", "lecturer", "instructor", "tutor",
    "fellow", "postdoc", "postdoctoral", "accountant", "auditor", "representative", "executive", "supervisor",
    "advisor", "adviser", "contractor", "freelancer", "writer", "editor", "nurse", "physician", "attorney", "lawyer",
    "paralegal", "clerk", "recruiter", "strategist", "marketer", "planner", "operator", "mechanic", "member",
    "volunteer", "ta", "ra", "sde", "swe", "sre", "controller",
    "buyer", "chemist", "economist", "pharmacist", "therapist", "librarian", "coach", "trader", "banker",
    "tester", "generalist", "practitioner", "dentist", "surgeon", "psychologist", "counselor", "counsellor", "worker",
    "agent", "cashier", "chef", "cook", "driver", "electrician", "plumber", "welder", "machinist", "carpenter",
    "inspector", "estimator", "surveyor", "underwriter", "actuary", "bookkeeper", "teller", "receptionist",
    "secretary", "merchandiser", "photographer", "illustrator", "animator", "journalist", "reporter", "translator",
    "interpreter", "biologist", "physicist", "mathematician", "statistician", "geologist", "hygienist",
    "technologist", "paramedic", "caregiver", "aide", "pilot", "pentester",
} | FOREIGN_TITLE_WORDS
# German and Dutch write titles as compounds ("Softwareentwickler", "Projectmanager"): a
# word ending in a title noun, feminine endings included, heads a title too.
_TITLE_COMPOUND = re.compile(rf"^[^\W\d_]{{3,}}(?:{'|'.join(TITLE_SUFFIXES)})(?:in|innen)?$")
# Words that qualify a head noun in titles ("Marketing Manager", "Data Analyst") and
# are not personal names.
_QUALIFIERS = {
    "software", "data", "marketing", "sales", "product", "project", "program", "programme", "business", "web",
    "mobile", "frontend", "front-end", "backend", "back-end", "full", "stack", "full-stack", "cloud", "devops",
    "systems", "network", "security", "it", "qa", "quality", "test", "research", "financial", "finance", "customer",
    "service", "support", "operations", "human", "resources", "hr", "account", "accounts", "graphic", "ux", "ui",
    "machine", "learning", "medical", "registered", "legal", "civil", "mechanical", "electrical", "chemical",
    "general", "regional", "store", "office", "team", "technical", "digital", "content", "social", "media",
    "brand", "supply", "chain", "logistics", "procurement", "payroll", "tax", "clinical", "laboratory", "teaching",
    "graduate", "communications", "public", "relations", "event", "training", "retail", "warehouse", "construction",
    "field", "maintenance", "production", "manufacturing", "process", "design", "interior", "embedded", "firmware",
    "platform", "database", "solutions", "application", "applications", "game", "ml", "ai", "site", "reliability",
}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def is_title_word(word: str) -> bool:
    """A lower-case word that heads a job title: "engineer", "ingénieur", "projektleiterin"."""
    return word in TITLE_WORDS or bool(_TITLE_COMPOUND.match(word))


def is_job_title(text: str) -> bool:
    """A head noun of a title qualified by another title word, a qualifier or a skill:
    "Senior Software Engineer", "Data Analyst", "Java Developer"; not "Tim Cook"."""
    words = words_of(text)
    if len(words) < 2 or words[-1] not in TITLE_WORDS:
        return False
    return any(word in TITLE_WORDS or word in _QUALIFIERS or canonical_skill(word) for word in words[:-1])
