"""Fictional people for the rendered corpus, drawn from hand-written pools.

Nobody here exists: names are combined from common given names and surnames of
several countries (with particles such as "van der" and in Cyrillic and Greek script),
employers and schools are invented or generic, email domains are example.com/.org/.net
and phone numbers follow each country's plan with fictional subscriber numbers.
A person is a JSON Resume document (jsonresume.org schema, which the themes render)
plus the conventions the other renderers follow (how dates and phones are written).

Two populations are drawn: "corpus" (tests/corpus) and "unseen" (tests/corpus/unseen),
from pools of names, places, employers and schools that share no string, so that the
unseen set measures people, employers and schools no heuristic was ever looked at with.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# (given name, surname, email local part) per convention; the email spells the name.
_NAMES = {
    "us": [("Marcus", "Whitfield"), ("Dana", "O'Connor"), ("Tyrone", "Jackson"), ("Emily", "Nakamura"),
           ("Grace", "Kim-Park"), ("Rosa", "Delgado"), ("Caleb", "Brennan"), ("Hannah", "Lindqvist"),
           ("Jamal", "Haddad"), ("Megan", "Sullivan"), ("Owen", "McAllister"), ("Priscilla", "Tran")],
    "eu": [("Pieter", "van der Berg"), ("Sophie", "de la Fontaine"), ("Luca", "Di Stefano"), ("Ingrid", "Sørensen"),
           ("Mateusz", "Kowalczyk"), ("Anaïs", "Dupont"), ("Joachim", "von Hartmann"), ("Marta", "dos Santos"),
           ("Дмитрий", "Соколов"), ("Ελένη", "Παπαδοπούλου"), ("Niamh", "Ó Briain"), ("Katarzyna", "Zielińska")],
    "in": [("Aarav", "Deshpande"), ("Sneha", "Iyer"), ("Mohammed Irfan", "Shaikh"), ("Kavya", "Reddy"),
           ("Rohan", "Kulkarni"), ("Ananya", "Banerjee"), ("Vikram", "Singh Rathore"), ("Pooja", "Nair")],
}
# Latin spellings of the names in other scripts, for their email addresses.
_TRANSLITERATED = {"Дмитрий": "dmitry", "Соколов": "sokolov", "Ελένη": "eleni", "Παπαδοπούλου": "papadopoulou",
                   "Елена": "elena", "Морозова": "morozova", "Γιώργος": "giorgos", "Νικολάου": "nikolaou"}

_PLACES = {
    "us": [("Austin", "TX", "US"), ("Denver", "CO", "US"), ("Columbus", "OH", "US"), ("Seattle", "WA", "US"),
           ("Raleigh", "NC", "US"), ("Riverside", "CA", "US")],
    "eu": [("Utrecht", "", "NL"), ("Lyon", "", "FR"), ("Milan", "", "IT"), ("Aarhus", "", "DK"), ("Kraków", "", "PL"),
           ("Munich", "", "DE"), ("Porto", "", "PT"), ("Athens", "", "GR"), ("Dublin", "", "IE")],
    "in": [("Pune", "Maharashtra", "IN"), ("Bengaluru", "Karnataka", "IN"), ("Hyderabad", "Telangana", "IN"),
           ("Chennai", "Tamil Nadu", "IN"), ("Kolkata", "West Bengal", "IN")],
}
COUNTRY_NAMES = {"US": "United States", "NL": "Netherlands", "FR": "France", "IT": "Italy", "DK": "Denmark",
                 "PL": "Poland", "DE": "Germany", "PT": "Portugal", "GR": "Greece", "IE": "Ireland", "IN": "India"}
# (written form, E.164) templates; "#" is a digit drawn for the person.
_PHONES = {
    "US": [("(###) 555-01##", "+1###55501##"), ("###-555-01##", "+1###55501##"), ("+1 ### 555 01##", "+1###55501##")],
    "NL": [("+31 6 1### ####", "+3161#######")], "FR": [("+33 6 1# ## ## ##", "+3361#######")],
    "IT": [("+39 347 ### ####", "+39347#######")], "DK": [("+45 20 ## ## ##", "+4520######")],
    "PL": [("+48 512 ### ###", "+48512######")], "DE": [("+49 151 #### ####", "+49151########")],
    "PT": [("+351 912 ### ###", "+351912######")], "GR": [("+30 691 ### ####", "+30691#######")],
    "IE": [("+353 87 ### ####", "+35387#######")],
    "IN": [("+91 98### #####", "+9198########"), ("+91-98########", "+9198########")],
}
_AREA_CODES = ["212", "303", "512", "614", "206", "919", "909", "415"]

# Professions: titles from junior to senior, skills (taxonomy names), and highlight
# templates whose {a|b} slots take one of the skills listed; each highlight names only
# the skills slotted in.
_PROFESSIONS: dict[str, dict[str, Any]] = {
    "software": {
        "titles": ["Junior Software Developer", "Software Engineer", "Senior Software Engineer", "Backend Engineer",
                   "Lead Software Engineer"],
        "skills": {"Languages": ["Python", "Java", "Go", "TypeScript", "SQL"],
                   "Tools": ["Docker", "Kubernetes", "PostgreSQL", "Kafka", "Git", "AWS", "Terraform", "Redis"]},
        "highlights": ["Built services in {Python|Java|Go|TypeScript} and {PostgreSQL|Redis|Kafka} for four teams",
                       "Moved the deployment of twelve services to {Kubernetes|AWS|Terraform}",
                       "Cut the median response time of the checkout by a third with {Redis} {caching}",
                       "Wrote the migration of order history to {PostgreSQL|Kafka} without downtime"],
    },
    "data": {
        "titles": ["Data Analyst", "Data Scientist", "Senior Data Scientist", "Analytics Engineer",
                   "Machine Learning Engineer"],
        "skills": {"Analysis": ["Python", "SQL", "Pandas", "Statistics", "Machine Learning"],
                   "Platforms": ["Spark", "Airflow", "Snowflake", "Tableau", "PyTorch", "dbt"]},
        "highlights": ["Built churn models in {Python|PyTorch|SQL} that the retention team uses every week",
                       "Rebuilt the nightly reporting pipeline on {Airflow|Spark} and {Snowflake|dbt}",
                       "Designed dashboards in {Tableau} for the sales leadership",
                       "Ran pricing experiments and reported them with {Statistics|Pandas|SQL}"],
    },
    "marketing": {
        "titles": ["Marketing Coordinator", "Digital Marketing Specialist", "Marketing Manager",
                   "Senior Marketing Manager", "Head of Growth"],
        "skills": {"Marketing": ["SEO", "Content Marketing", "Google Analytics", "HubSpot", "Copywriting"],
                   "Tools": ["Excel", "Salesforce", "Figma", "A/B Testing"]},
        "highlights": ["Grew organic traffic by half through {SEO|Copywriting} work on the product pages",
                       "Ran quarterly campaigns tracked in {Google Analytics|HubSpot} and {Salesforce|Excel}",
                       "Wrote the launch plan for three regional markets using {A/B Testing|Content Marketing}",
                       "Managed a yearly budget of six figures across paid channels"],
    },
    "finance": {
        "titles": ["Accounts Assistant", "Financial Analyst", "Senior Financial Analyst", "Finance Manager",
                   "Chief Financial Officer"],
        "skills": {"Finance": ["Financial Modeling", "Budgeting", "Forecasting", "Accounting", "IFRS"],
                   "Tools": ["Excel", "SAP", "Power BI", "QuickBooks"]},
        "highlights": ["Prepared the monthly close and variance reports in {Excel|SAP|QuickBooks}",
                       "Built the three-year {Forecasting|Financial Modeling} model used in the funding round",
                       "Moved the group reporting to {Power BI|SAP|IFRS} and cut the close by four days",
                       "Led the yearly {Budgeting|Forecasting} cycle for five business units"],
    },
    "mechanical": {
        "titles": ["Graduate Engineer Trainee", "Mechanical Engineer", "Design Engineer", "Senior Mechanical Engineer",
                   "Engineering Manager"],
        "skills": {"Design": ["SolidWorks", "AutoCAD", "ANSYS", "MATLAB"],
                   "Methods": ["Lean", "Six Sigma", "Project Management"]},
        "highlights": ["Designed pump housings in {SolidWorks|AutoCAD} for three product lines",
                       "Ran stress analyses in {ANSYS|MATLAB} before each tooling release",
                       "Led a {Lean|Six Sigma} programme that cut scrap on the line by a fifth",
                       "Drew the plant layout for the new assembly hall in {AutoCAD}"],
    },
    "design": {
        "titles": ["Junior Designer", "Product Designer", "UX Designer", "Senior Product Designer", "Design Lead"],
        "skills": {"Design": ["Figma", "Sketch", "Adobe Illustrator", "Photoshop", "User Research"],
                   "Other": ["A/B Testing", "HTML", "CSS"]},
        "highlights": ["Designed the onboarding flow in {Figma|Sketch} and tested it with twenty customers",
                       "Ran {User Research} interviews that reshaped the mobile roadmap",
                       "Built the component library shared by web and mobile in {Figma|CSS}",
                       "Prototyped the new checkout in {HTML} and {CSS}"],
    },
    "operations": {
        "titles": ["Operations Associate", "Supply Chain Analyst", "Logistics Coordinator", "Operations Manager",
                   "Head of Operations"],
        "skills": {"Operations": ["Supply Chain Management", "Inventory Management", "Procurement", "Logistics"],
                   "Tools": ["SAP", "Excel", "Power BI"]},
        "highlights": ["Ran {Procurement|Inventory Management} for two warehouses and forty suppliers",
                       "Cut stock-outs by a third with weekly {Inventory Management} reviews in {SAP|Excel}",
                       "Negotiated freight contracts worth six figures a year",
                       "Set up {Power BI|Excel} reporting for the regional directors"],
    },
}
_COMPANIES = {
    "us": ["Brightline Analytics", "Copperleaf Systems", "Harbor & Finch", "Northwind Traders", "Bluestem Health",
           "Pinecrest Logistics", "Quantum Ridge Labs", "Redwood Mutual", "Summit Valley Foods", "Tidewater Media"],
    "eu": ["Nordlicht Software", "Groupe Vellion", "Kestrel Mobility", "Brava Energia", "Stellaris Bank",
           "Huisman & Vos", "Polaris Ventures", "Atelier Moreau", "Zentrix GmbH", "Lumen Finance"],
    "in": ["Sahyadri Infotech", "Kaveri Textiles", "Indus Fintech", "Meghna Pharma", "Tricolor Retail",
           "Navyug Motors", "Ganga Logistics", "Vistara Software"],
}
# (institution, convention) and the studies each offers: (study type, level, area).
_UNIVERSITIES = {
    "us": ["University of Colorado Boulder", "Ohio State University", "Texas A&M University", "Rutgers University",
           "University of Washington", "Georgia Institute of Technology"],
    "eu": ["Delft University of Technology", "Université Lyon 2", "Politecnico di Milano", "Aarhus University",
           "Jagiellonian University", "Technical University of Munich", "University of Porto", "Trinity College Dublin",
           "National Technical University of Athens"],
    "in": ["Savitribai Phule Pune University", "Vellore Institute of Technology", "Anna University",
           "Jadavpur University", "Pune Institute of Computer Technology"],
}
_HIGH_SCHOOLS = {
    "us": ["Lincoln High School", "Westview High School"],
    "eu": [],
    "in": ["Fergusson College", "St. Xavier's College", "Delhi Public School", "Kendriya Vidyalaya"],
}
# The unseen population: the same conventions (particles, Cyrillic and Greek script,
# Indian two-part names), none of the strings above.
_UNSEEN_NAMES = {
    "us": [("Trevor", "Blackwood"), ("Keisha", "Montgomery"), ("Diego", "Santiago-Ruiz"), ("Lauren", "Fitzgerald"),
           ("Brandon", "Oyelaran"), ("Mei-Ling", "Chen"), ("Tucker", "Abernathy"), ("Yasmin", "Farouk"),
           ("Colleen", "MacDougall")],
    "eu": [("Willem", "ter Horst"), ("Camille", "du Plessis"), ("Giulia", "De Luca"), ("Agnieszka", "Wójcik"),
           ("Елена", "Морозова"), ("Γιώργος", "Νικολάου"), ("Friedrich", "zu Löwenstein"), ("Beatriz", "da Costa"),
           ("Henrik", "Lindgren")],
    "in": [("Siddharth", "Joshi"), ("Lakshmi", "Venkataraman"), ("Abdul Rahman", "Qureshi"), ("Ishita", "Chatterjee"),
           ("Harpreet", "Kaur Gill"), ("Arjun", "Menon")],
}
_UNSEEN_PLACES = {
    "us": [("Portland", "OR", "US"), ("Madison", "WI", "US"), ("Tampa", "FL", "US"), ("Boise", "ID", "US"),
           ("Omaha", "NE", "US")],
    "eu": [("Rotterdam", "", "NL"), ("Toulouse", "", "FR"), ("Bologna", "", "IT"), ("Odense", "", "DK"),
           ("Gdańsk", "", "PL"), ("Hamburg", "", "DE"), ("Braga", "", "PT"), ("Thessaloniki", "", "GR"),
           ("Cork", "", "IE")],
    "in": [("Ahmedabad", "Gujarat", "IN"), ("Kochi", "Kerala", "IN"), ("Jaipur", "Rajasthan", "IN"),
           ("Lucknow", "Uttar Pradesh", "IN"), ("Bhubaneswar", "Odisha", "IN")],
}
_UNSEEN_COMPANIES = {
    "us": ["Ironbridge Software", "Maple Crescent Insurance", "Silverline Freight", "Cobalt Peak Networks",
           "Lakeshore Dental Group", "Granite Arch Partners", "Willowbrook Media", "Beacon Hill Robotics",
           "Prairie Wind Energy", "Cedar & Stone Capital"],
    "eu": ["Vesterhavet Data", "Maison Aubert", "Alpenblick Systeme GmbH", "Rivus Logistica", "Baltic Amber Bank",
           "Kanaal Digital", "Soleira Telecom", "Fenwick & Doyle", "Orbital Werke AG", "Cassiopeia Analytics"],
    "in": ["Narmada Software", "Deccan Agritech", "Konark Steel", "Himalaya Consumer Goods", "Sabarmati Textiles",
           "Trikuta Infra", "Malabar Spices Export", "Chambal Fintech"],
}
_UNSEEN_UNIVERSITIES = {
    "us": ["University of Michigan", "Purdue University", "Arizona State University", "University of Florida",
           "Boston University", "University of Minnesota"],
    "eu": ["KU Leuven", "Sorbonne Université", "University of Bologna", "Lund University",
           "Warsaw University of Technology", "RWTH Aachen University", "University of Lisbon",
           "Aristotle University of Thessaloniki", "University College Cork"],
    "in": ["Gujarat Technological University", "Cochin University of Science and Technology",
           "Malaviya National Institute of Technology", "University of Lucknow", "KIIT University"],
}
_UNSEEN_HIGH_SCHOOLS = {
    "us": ["Jefferson High School", "Northridge High School"],
    "eu": [],
    "in": ["Loyola College", "Presidency College", "Modern School", "Bishop Cotton School"],
}


@dataclass(frozen=True)
class Pools:
    """What a population's people are drawn from, per convention."""
    names: dict[str, list[tuple[str, str]]]
    places: dict[str, list[tuple[str, str, str]]]
    companies: dict[str, list[str]]
    universities: dict[str, list[str]]
    high_schools: dict[str, list[str]]


POPULATIONS = {
    "corpus": Pools(_NAMES, _PLACES, _COMPANIES, _UNIVERSITIES, _HIGH_SCHOOLS),
    "unseen": Pools(_UNSEEN_NAMES, _UNSEEN_PLACES, _UNSEEN_COMPANIES, _UNSEEN_UNIVERSITIES, _UNSEEN_HIGH_SCHOOLS),
}
_FIELDS = {"software": "Computer Science", "data": "Statistics", "marketing": "Business Administration",
           "finance": "Finance", "mechanical": "Mechanical Engineering", "design": "Interaction Design",
           "operations": "Industrial Engineering"}
_SUMMARIES = ["{title} with {years} years of experience in teams of every size.",
              "{title} who likes clear goals, careful work and plain writing.",
              "I am a {title_lower} looking for a team that ships often and learns from it."]


_SLOT = re.compile(r"\{([^{}]+)\}")


def _ascii(text: str) -> str:
    text = _TRANSLITERATED.get(text, text)
    decomposed = unicodedata.normalize("NFKD", text.replace("ø", "o").replace("ł", "l").replace("Ó", "O"))
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in " -'")).lower()


def _phone(country: str, rng: random.Random) -> tuple[str, str]:
    written, e164 = rng.choice(_PHONES[country])
    if country == "US":
        area = rng.choice(_AREA_CODES)
        written, e164 = written.replace("###", area, 1), e164.replace("###", area, 1)
    digits = [str(rng.randint(0, 9)) for _ in range(written.count("#"))]
    it_written, it_e164 = iter(digits), iter(digits)
    return ("".join(next(it_written) if ch == "#" else ch for ch in written),
            "".join(next(it_e164) if ch == "#" else ch for ch in e164))


def _place(place: tuple[str, str, str]) -> str:
    city, region, country = place
    return f"{city}, {region or COUNTRY_NAMES[country]}"


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def person(index: int, convention: str, seed: int, population: str = "corpus") -> dict[str, Any]:
    """A JSON Resume document with "meta" holding what the truth needs beyond it."""
    rng = random.Random(seed)
    pools = POPULATIONS[population]
    given, surname = pools.names[convention][index % len(pools.names[convention])]
    city, region, country = rng.choice(pools.places[convention])
    profession = rng.choice(sorted(_PROFESSIONS))
    spec = _PROFESSIONS[profession]
    local = f"{_ascii(given).split()[0]}.{_ascii(surname).replace(' ', '').replace(chr(39), '')}"
    domain = rng.choice(["example.com", "example.org", "example.net"])
    phone, phone_e164 = _phone(country, rng)
    handle = local.replace(".", "")
    profiles = [{"network": "LinkedIn", "username": handle, "url": f"https://www.linkedin.com/in/{handle}"}]
    if profession in ("software", "data") or rng.random() < 0.3:
        profiles.append({"network": "GitHub", "username": handle, "url": f"https://github.com/{handle}"})

    skills = {group: rng.sample(names, k=min(len(names), rng.randint(3, 5))) for group, names in
              spec["skills"].items()}
    companies = rng.sample(pools.companies[convention], k=rng.randint(2, 4))
    year = 2025
    month = rng.randint(1, 12)
    work, mentioned = [], []
    titles = spec["titles"]
    for position, company in enumerate(companies):
        length = rng.randint(14, 48)
        start_index = year * 12 + month - 1 - length
        start = _month(start_index // 12, start_index % 12 + 1)
        end = "present" if position == 0 else _month(year, month)
        highlights = []
        for template in rng.sample(spec["highlights"], k=rng.randint(1, 3)):
            slots = [rng.choice(options.split("|")) for options in _SLOT.findall(template)]
            mentioned.extend(slots)
            highlights.append(_SLOT.sub("{}", template).format(*slots))
        work.append({
            "name": company, "company": company,
            "position": titles[max(0, len(titles) - 1 - position - rng.randint(0, 1))],
            "location": _place(rng.choice(pools.places[convention])),
            "startDate": start + "-01", "endDate": "" if end == "present" else end + "-01",
            "highlights": highlights, "meta_end": end,
        })
        gap = rng.randint(0, 3)
        end_index = start_index - gap
        year, month = end_index // 12, end_index % 12 + 1
    graduation = year - (1 if month < 7 else 0)
    education = []
    levels = [("Bachelor", "bachelor")] + ([("Master", "master")] if rng.random() < 0.45 else [])
    if convention == "in":
        levels = [("B.Tech" if profession in ("software", "mechanical") else "Bachelor", "bachelor")]
    universities = rng.sample(pools.universities[convention], k=len(levels))
    for (study, level), university in zip(reversed(levels), universities, strict=True):
        span = 2 if level == "master" else 4 if convention != "eu" else 3
        education.append({"institution": university, "area": _FIELDS[profession], "studyType": study,
                          "startDate": f"{graduation - span}-09-01", "endDate": f"{graduation}-06-01",
                          "meta_level": level})
        graduation -= span
    if pools.high_schools[convention] and (convention == "in" or rng.random() < 0.3):
        school = rng.choice(pools.high_schools[convention])
        study = "HSC" if convention == "in" else "High School Diploma"
        education.append({"institution": school, "area": "Science" if convention == "in" else "",
                          "studyType": study, "startDate": f"{graduation - 2}-06-01",
                          "endDate": f"{graduation}-05-01", "meta_level": "high_school"})

    title = work[0]["position"]
    years = (2025 - int(work[-1]["startDate"][:4]))
    summary = rng.choice(_SUMMARIES).format(title=title, title_lower=title.lower(), years=years)
    website = f"https://{handle}.example.com" if rng.random() < 0.4 else ""
    return {
        "basics": {"name": f"{given} {surname}", "label": title, "email": f"{local}@{domain}", "phone": phone,
                   "url": website, "website": website, "summary": summary,
                   "location": {"city": city, "region": region, "countryCode": country},
                   "profiles": profiles},
        "work": work,
        "education": education,
        "skills": [{"name": group, "keywords": names} for group, names in skills.items()],
        "languages": [{"language": "English", "fluency": "Fluent"}],
        "meta": {"convention": convention, "phone_e164": phone_e164, "profession": profession,
                 "mentioned": sorted(set(mentioned))},
    }


def identities(truths: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """The person, employer and school strings of truths (as build.py writes them), case
    folded: what two populations must not share."""
    found: dict[str, set[str]] = {"person": set(), "employer": set(), "school": set()}
    for truth in truths:
        found["person"].add(truth["name"].casefold())
        found["employer"].update(job["company"].casefold() for job in truth["experience"])
        found["school"].update(school["institution"].casefold() for school in truth["education"])
    return found


def shared(first: Iterable[dict[str, Any]], second: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    """The identity strings two sets of truths have in common, per kind (empty when disjoint)."""
    ours, theirs = identities(first), identities(second)
    return {kind: ours[kind] & theirs[kind] for kind in ours if ours[kind] & theirs[kind]}


def shared_pool_strings() -> set[str]:
    """Names, surnames, employers and schools that both populations' pools hold."""
    def strings(pools: Pools) -> set[str]:
        names = {part.casefold() for pairs in pools.names.values() for pair in pairs for part in pair}
        return names | {value.casefold() for pool in (pools.companies, pools.universities, pools.high_schools)
                        for values in pool.values() for value in values}
    return strings(POPULATIONS["corpus"]) & strings(POPULATIONS["unseen"])
