"""Accuracy floors, measured as `python -m analysis_worker.evaluation` prints them.

The floors hold on the held-out part only (persons the heuristics were never tuned on,
see evaluation.split_of); they are the product's targets, so that a regression in any
field fails here. The development part is printed beside for comparison.
"""

import pytest
from labeled.cases import generated_cases
from labeled.render_docx import LAYOUTS as DOCX_LAYOUTS
from labeled.render_pdf import LAYOUTS as PDF_LAYOUTS

from analysis_worker.evaluation import evaluate_parts, format_reports, load_cases

F1_FLOORS = {"email": 0.97, "phone": 0.97, "links": 0.97, "name": 0.97, "experience": 0.88, "education": 0.88,
             "location": 0.90, "years": 0.90}
# Fields whose precision and recall are targets of their own.
PRECISION_RECALL_FLOORS = {"company": (0.90, 0.90), "title": (0.90, 0.90), "institution": (0.90, 0.90),
                           "skills": (0.90, 0.95)}


@pytest.fixture(scope="module")
def reports():
    reports = evaluate_parts(load_cases())
    print(format_reports(reports))  # shown with -s or on failure
    return {part: report.figures() for part, report in reports.items()}


def test_labeled_set_covers_the_layouts():
    cases = generated_cases()
    truths = {case.name.split("/")[0] for case in cases}
    renderings = {case.name.split("/")[1] for case in cases}
    assert len(truths) >= 30
    assert renderings == {f"pdf:{layout}" for layout in PDF_LAYOUTS} | {f"docx:{layout}" for layout in DOCX_LAYOUTS}


def test_both_parts_are_substantial(reports):
    assert reports["development"]["documents"] >= 40
    assert reports["held-out"]["documents"] >= 25


@pytest.mark.parametrize("field", sorted(F1_FLOORS))
def test_held_out_f1_floor(reports, field):
    assert reports["held-out"]["fields"][field]["f1"] >= F1_FLOORS[field], reports["held-out"]["fields"][field]


@pytest.mark.parametrize("field", sorted(PRECISION_RECALL_FLOORS))
def test_held_out_precision_and_recall_floors(reports, field):
    precision, recall = PRECISION_RECALL_FLOORS[field]
    values = reports["held-out"]["fields"][field]
    assert values["precision"] >= precision and values["recall"] >= recall, values


def test_analysis_is_fast(reports):
    for figures in reports.values():
        assert figures["analysis_ms_median"] < 5.0
