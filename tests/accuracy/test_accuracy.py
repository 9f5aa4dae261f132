"""Accuracy floors, measured as `python -m tests.accuracy.evaluate` prints them.

The target floors hold on the held-out part (cases the heuristics were never tuned on,
see evaluate.split_of), so that a regression in any field fails here; the floors the
labeled set had before the split still hold on the development part; and floors hold
on the unseen set (tests/corpus/unseen), a second population nobody has looked at.
"""

import json

import pytest

from tests.accuracy.evaluate import (
    FAMILY_PARTS,
    UNSEEN,
    evaluate_all,
    evaluate_families,
    format_reports,
    load_cases,
)
from tests.corpus.build import CORPUS, check_disjoint
from tests.corpus.latex import STYLES
from tests.corpus.people import shared, shared_pool_strings
from tests.families.families import FAMILIES, PEOPLE, TRUTHS
from tests.labeled.cases import generated_cases
from tests.labeled.render_docx import LAYOUTS as DOCX_LAYOUTS
from tests.labeled.render_pdf import LAYOUTS as PDF_LAYOUTS

# The product's targets on resumes the heuristics were not tuned on.
F1_FLOORS = {"email": 0.97, "phone": 0.97, "links": 0.97, "name": 0.97, "education": 0.88, "location": 0.90,
             "years": 0.90, "experience": 0.88}
# (precision, recall) of fields whose precision and recall are targets of their own.
PRECISION_RECALL_FLOORS = {"company": (0.90, 0.90), "title": (0.90, 0.90), "skills": (0.90, 0.95),
                           "institution": (0.90, 0.90)}
# The F1 floors the labeled set held before the held-out split, kept on the development
# part so that the layouts tuned on do not regress.
DEVELOPMENT_F1_FLOORS = {"email": 0.97, "phone": 0.97, "links": 0.97, "name": 0.93, "experience": 0.88,
                         "education": 0.88, "skills": 0.88, "location": 0.90, "years": 0.90}
# (precision, recall) on the unseen set. Set from a single measurement of a set that was
# never inspected (no file's text, result or mismatch was looked at, before or after),
# and raised once, after rules tuned on the development part, to just below the next
# single measurement: each a little below the figure measured, so that one or two more
# errors in a field break it. They are not targets: lowering one needs a reason other
# than a result here.
UNSEEN_FLOORS = {"name": (0.99, 0.93), "email": (0.99, 0.99), "phone": (0.99, 0.94), "links": (0.97, 0.99),
                 "location": (0.89, 0.89), "experience": (0.82, 0.86), "company": (0.96, 0.97),
                 "title": (0.97, 0.97), "education": (0.93, 0.91), "institution": (0.97, 0.95),
                 "skills": (0.96, 0.98), "years": (0.92, 0.92)}


@pytest.fixture(scope="module")
def reports():
    reports = evaluate_all(load_cases())
    print(format_reports(reports))  # shown with -s or on failure
    return {part: report.figures() for part, report in reports.items()}


def test_labeled_set_covers_the_layouts():
    cases = generated_cases()
    truths = {case.name.split("/")[0] for case in cases}
    renderings = {case.name.split("/")[1] for case in cases}
    assert len(truths) >= 30
    assert renderings == {f"pdf:{layout}" for layout in PDF_LAYOUTS} | {f"docx:{layout}" for layout in DOCX_LAYOUTS}


def test_both_parts_are_substantial(reports):
    assert reports["development"]["documents"] >= 80
    assert reports["held-out"]["documents"] >= 45
    assert reports[UNSEEN]["documents"] >= 72


@pytest.mark.parametrize("field", sorted(F1_FLOORS))
def test_held_out_f1_floor(reports, field):
    assert reports["held-out"]["fields"][field]["f1"] >= F1_FLOORS[field], reports["held-out"]["fields"][field]


@pytest.mark.parametrize("field", sorted(PRECISION_RECALL_FLOORS))
def test_held_out_precision_and_recall_floors(reports, field):
    precision, recall = PRECISION_RECALL_FLOORS[field]
    values = reports["held-out"]["fields"][field]
    assert values["precision"] >= precision and values["recall"] >= recall, values


@pytest.mark.parametrize("field", sorted(UNSEEN_FLOORS))
def test_unseen_precision_and_recall_floors(reports, field):
    precision, recall = UNSEEN_FLOORS[field]
    values = reports[UNSEEN]["fields"][field]
    assert values["precision"] >= precision and values["recall"] >= recall, values


@pytest.mark.parametrize(("directory", "people"), [(CORPUS, 32), (CORPUS / "unseen", 24)])
def test_every_person_is_typeset_by_latex_too(directory, people):
    files = sorted(path.name for path in (directory / "files").glob("*.latex-*.pdf"))
    truths = [json.loads(path.read_text(encoding="utf-8"))["files"][0]
              for path in sorted((directory / "truth").glob("*.latex-*.json"))]
    assert files == truths and len(files) == people
    assert {name.split(".latex-")[1] for name in files} == {f"{style.removeprefix('moderncv-')}.pdf"
                                                            for style in STYLES}


def test_unseen_population_shares_no_person_employer_or_school():
    assert not shared_pool_strings()
    check_disjoint()


@pytest.mark.parametrize("field", sorted(DEVELOPMENT_F1_FLOORS))
def test_development_f1_floor(reports, field):
    values = reports["development"]["fields"][field]
    assert values["f1"] >= DEVELOPMENT_F1_FLOORS[field], values


# (precision, recall) on the template families (tests/families), development and held
# out, each a little below the figure measured when they were set: guards against
# regressions, far below the targets of the product (see README, Accuracy). The
# development institution floor was lowered when six families were added whose sidebars
# are not yet read apart (weasyprint-macchiato, chromium-kendall). The unseen families'
# institution precision floor was lowered from 0.95 to 0.93 when text in subset fonts came
# to be measured by its characters: their company and title recall rose (0.890 to 0.929,
# 0.913 to 0.969), their institution precision fell (0.968 to 0.938).
FAMILY_FLOORS = {
    FAMILY_PARTS[0]: {"name": (0.97, 0.97), "email": (0.99, 0.99), "phone": (0.98, 0.97), "company": (0.95, 0.94),
                      "title": (0.97, 0.96), "institution": (0.97, 0.96), "skills": (0.97, 0.96)},
    FAMILY_PARTS[1]: {"name": (0.98, 0.98), "email": (0.99, 0.99), "phone": (0.97, 0.96), "company": (0.92, 0.86),
                      "title": (0.94, 0.81), "institution": (0.93, 0.84), "skills": (0.91, 0.93)},
}


@pytest.fixture(scope="module")
def family_reports():
    reports = evaluate_families()
    print(format_reports(reports))
    return {part: report.figures() for part, report in reports.items()}


@pytest.mark.parametrize(("part", "field"), [(part, field) for part in FAMILY_FLOORS for field in FAMILY_FLOORS[part]])
def test_template_family_floors(family_reports, part, field):
    precision, recall = FAMILY_FLOORS[part][field]
    values = family_reports[part]["fields"][field]
    assert values["precision"] >= precision and values["recall"] >= recall, values


def test_template_families_are_many_toolchains_and_their_held_out_people_are_apart():
    assert len(FAMILIES) >= 25 and sum(family.held_out for family in FAMILIES) >= 8
    assert len({family.toolchain for family in FAMILIES}) >= 4
    truths = {held_out: [json.loads(path.read_text(encoding="utf-8")) for family in FAMILIES
                         if family.held_out == held_out for path in sorted((TRUTHS / family.name).glob("*.json"))]
              for held_out in (False, True)}
    assert all(len(found) == PEOPLE * sum(family.held_out == held_out for family in FAMILIES)
               for held_out, found in truths.items())
    assert not shared(truths[False], truths[True])
