"""Accuracy floors on the labeled set (tests/labeled), measured as
`python -m analysis_worker.evaluation` prints them.

The floors are the product's targets, below what the analysis reaches today, so that
a regression in any field fails here; raise them only with evidence from resumes the
analysis was not tuned on.
"""

import pytest
from labeled.cases import generated_cases, labeled_cases
from labeled.render_docx import LAYOUTS as DOCX_LAYOUTS
from labeled.render_pdf import LAYOUTS as PDF_LAYOUTS

from analysis_worker.evaluation import evaluate, format_report

FLOORS = {"email": 0.97, "phone": 0.97, "links": 0.97, "name": 0.93, "experience": 0.88, "education": 0.88,
          "skills": 0.88, "location": 0.90, "years": 0.90}


@pytest.fixture(scope="module")
def figures():
    report = evaluate(labeled_cases())
    print(format_report(report))  # shown with -s or on failure
    return report.figures()


def test_labeled_set_covers_the_layouts():
    cases = generated_cases()
    truths = {case.name.split("/")[0] for case in cases}
    renderings = {case.name.split("/")[1] for case in cases}
    assert len(truths) >= 30
    assert renderings == {f"pdf:{layout}" for layout in PDF_LAYOUTS} | {f"docx:{layout}" for layout in DOCX_LAYOUTS}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_f1_floor(figures, field):
    assert figures["fields"][field]["f1"] >= FLOORS[field], figures["fields"][field]


def test_analysis_is_fast_on_the_labeled_set(figures):
    assert figures["documents"] >= 9 + 30
    assert figures["analysis_ms_median"] < 5.0
