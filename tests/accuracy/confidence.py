"""The confidence model: its fit on the development sets and its reliability elsewhere.

    .venv/bin/python -m tests.accuracy.confidence        # reliability of the shipped model
    .venv/bin/python -m tests.accuracy.confidence --fit  # refit data/confidence.json, then report

Each value an analysis gives evidence for is labelled right or wrong against the truth,
with the evaluation's own comparisons (evaluate.py). The model is fitted on the development
template families and the development part of the labeled set and corpus; its reliability is
reported on those, and apart on the held-out families, the held-out part and the unseen
corpus, which are never fitted on and whose values are only counted.

A model fitted on a family is surer of it than it should be of a family it never saw, so the
weights are shrunk (Platt scaling) to fit the predictions each value got from a model fitted
without its group: its family, or its person in the labeled set and corpus, in _FOLDS folds."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy

from analysis_worker.analysis import analyse
from analysis_worker.analysis.confidence import FEATURES, Context, features, model_weights
from analysis_worker.analysis.evidence import Found, located
from analysis_worker.document import ExtractedDocument
from analysis_worker.extraction import extract
from common.proto.resume.v1 import resume_pb2
from tests.accuracy.evaluate import (
    PARTS,
    digits,
    link_key,
    load_cases,
    load_unseen_cases,
    skill_key,
    split_of,
    text_key,
)
from tests.families.cases import family_cases
from tests.families.scans import family_scans

MODEL = Path(__file__).parents[2] / "analysis_worker" / "analysis" / "data" / "confidence.json"
KINDS = ("name", "email", "phone", "link", "location", "title", "company", "date", "institution", "skill")
# The bins of the reliability table, by the confidence given.
BINS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.01)
# Weight of the penalty on large weights: features seen on few values stay near zero.
_L2 = 1.0
_NEWTON_STEPS = 30
_FOLDS = 10
# A slight penalty on the scaling's slope, which a kind whose values are all right could not bound.
_PLATT_L2 = 0.01
# Scans of the families, as `make evaluate` reads them: OCR's values are wrong more often,
# and the model learns so from them.
SCAN_DPI = 200
# The evaluation's "today", so that "present" is the truth's.
TODAY = date(2026, 1, 15)


@dataclass
class Values:
    """Labelled values of one set: their kinds, features, confidences given, and rightness."""
    kinds: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # the case's family, or its person
    rows: list[list[float]] = field(default_factory=list)
    given: list[float] = field(default_factory=list)
    right: list[bool] = field(default_factory=list)


def labelled(cases: Iterable[Any]) -> Values:
    """The values of the cases' analyses, labelled; scans are read by OCR in as many
    processes as the machine has cores."""
    values = Values()
    cases = list(cases)
    with ProcessPoolExecutor(os.cpu_count() or 1) as pool:
        documents = pool.map(_extracted, cases, chunksize=4)
        for case, document in zip(cases, documents, strict=True):
            _label(values, case, document)
    return values


def _extracted(case: Any) -> ExtractedDocument:
    return extract(case.content, file_name=case.file_name)


def _label(values: Values, case: Any, document: ExtractedDocument) -> None:
    result = analyse(document, as_of=TODAY)
    found, context = located(result, document), Context.of(document)
    for item, evidence, right in zip(found, result.evidence, rightness(found, result, case.expected), strict=True):
        if right is not None:
            values.kinds.append(item.kind)
            values.groups.append(case.person)
            values.rows.append(features(item, result, context))
            values.given.append(evidence.confidence)
            values.right.append(right)


def rightness(found: Sequence[Found], result: resume_pb2.ResumeAnalysis,
              expected: dict[str, Any]) -> list[bool | None]:
    """Whether each value is in the truth (None where the truth cannot tell: skills of a
    resume whose truth lists only some)."""
    wanted: dict[str, Counter[str]] = {
        "email": Counter(email.lower() for email in expected["emails"]),
        "phone": Counter(digits(phone) for phone in expected["phones"]),
        "link": Counter(link_key(url) for url in expected["links"])
        + Counter(f"mailto:{email.lower()}" for email in expected["emails"]),
        "title": Counter(text_key(job["title"]) for job in expected["experience"]),
        "company": Counter(text_key(job["company"]) for job in expected["experience"]),
        "institution": Counter(text_key(school["institution"]) for school in expected["education"]),
    }
    skills = {skill_key(name) for name in expected["skills"]}
    labels: list[bool | None] = []
    for item in found:
        if item.kind in ("name", "location"):
            labels.append(text_key(item.value) == text_key(expected[item.kind]))
        elif item.kind == "skill":
            labels.append(item.value.casefold() in skills if expected.get("skills_complete", True) else None)
        elif item.kind == "date":
            labels.append(_date_right(item, result.experience[item.entry], expected["experience"]))
        else:
            value = {"email": item.value.lower(), "phone": digits(item.value),
                     "link": item.value.lower() if item.value.lower().startswith("mailto:") else link_key(item.value),
                     }.get(item.kind, text_key(item.value))
            labels.append(wanted[item.kind][value] > 0)
            wanted[item.kind][value] -= 1
    return labels


def _date_right(item: Found, job: resume_pb2.Experience, truth: list[dict[str, str]]) -> bool:
    """A date is right when the truth's entry of the same company or title has it."""
    part = item.field.rsplit(".", 1)[-1]
    return any(item.value == entry[part] for entry in truth if text_key(entry["company"]) == text_key(job.company)
               or text_key(entry["title"]) == text_key(job.title))


def fit(values: Values) -> dict[str, list[float]]:
    """Logistic weights per kind, shrunk to the predictions of models fitted without each
    value's group."""
    weights = {}
    for kind in KINDS:
        rows, right, groups = _of_kind(values, kind)
        folds = numpy.array([int(hashlib.sha256(group.encode()).hexdigest(), 16) % _FOLDS for group in groups])
        held_out = numpy.zeros(len(right))
        for fold in range(_FOLDS):
            inside = folds == fold
            if inside.any() and (~inside).any():
                held_out[inside] = rows[inside] @ _logistic(rows[~inside], right[~inside], _L2)
        intercept, slope = _logistic(numpy.column_stack([numpy.ones(len(right)), held_out]), right, _PLATT_L2)
        w = slope * _logistic(rows, right, _L2)
        w[0] += intercept
        weights[kind] = [round(float(x), 4) for x in w]
    return weights


def _of_kind(values: Values, kind: str) -> tuple[numpy.ndarray, numpy.ndarray, list[str]]:
    chosen = [n for n, of in enumerate(values.kinds) if of == kind]
    return (numpy.array([values.rows[n] for n in chosen]), numpy.array([values.right[n] for n in chosen], dtype=float),
            [values.groups[n] for n in chosen])


def _logistic(rows: numpy.ndarray, right: numpy.ndarray, l2: float) -> numpy.ndarray:
    """Weights by Newton's method with an L2 penalty on all but the first column (the bias)."""
    penalty = l2 * numpy.eye(rows.shape[1])
    penalty[0, 0] = 0.0
    w = numpy.zeros(rows.shape[1])
    for _ in range(_NEWTON_STEPS):
        p = 1 / (1 + numpy.exp(-rows @ w))
        gradient = rows.T @ (p - right) + penalty @ w
        hessian = rows.T @ (rows * (p * (1 - p))[:, None]) + penalty + 1e-9 * numpy.eye(rows.shape[1])
        w -= numpy.linalg.solve(hessian, gradient)
    return w


def reliability(values: Values) -> list[tuple[str, int, float, float]]:
    """(bin, values, mean confidence, share right) per bin of BINS that holds values."""
    table = []
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [(given, right) for given, right in zip(values.given, values.right, strict=True)
                  if low <= given < high]
        if inside:
            table.append((f"{low:.2f}-{min(high, 1.0):.2f}", len(inside), sum(g for g, _ in inside) / len(inside),
                          sum(r for _, r in inside) / len(inside)))
    return table


def confident_share(values: Values, threshold: float = 0.9) -> tuple[int, float]:
    """How many values were given at least `threshold`, and the share of them that are right."""
    rights = [right for given, right in zip(values.given, values.right, strict=True) if given >= threshold]
    return len(rights), (sum(rights) / len(rights) if rights else 1.0)


def sets(development: bool) -> dict[str, list[Any]]:
    """The development sets, or those never fitted on."""
    cases = load_cases()
    if development:
        return {"development families": family_cases(held_out=False),
                f"development families, scanned at {SCAN_DPI} DPI": family_scans(False, SCAN_DPI)[1],
                "labeled and corpus, development part": [c for c in cases if split_of(c.person) == PARTS[0]]}
    return {"unseen families": family_cases(held_out=True),
            f"unseen families, scanned at {SCAN_DPI} DPI": family_scans(True, SCAN_DPI)[1],
            "labeled and corpus, held-out part": [c for c in cases if split_of(c.person) == PARTS[1]],
            "unseen corpus": load_unseen_cases()}


def report(name: str, values: Values) -> str:
    lines = [f"{name}: {len(values.right)} values, {sum(values.right) / max(len(values.right), 1):.3f} right",
             "  confidence   values  mean given  right"]
    lines += [f"  {label}  {count:7d}  {mean:10.3f}  {share:.3f}" for label, count, mean, share in reliability(values)]
    count, share = confident_share(values)
    lines.append(f"  given >= 0.90: {count} values, {share:.3f} right")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if "--fit" in argv:
        development = Values()
        for cases in sets(development=True).values():
            part = labelled(cases)
            for name in ("kinds", "groups", "rows", "given", "right"):
                getattr(development, name).extend(getattr(part, name))
        MODEL.write_text(json.dumps({"features": list(FEATURES), "weights": fit(development)}, indent=1) + "\n",
                         encoding="utf-8")
        model_weights.cache_clear()
    for development in (True, False):
        for name, cases in sets(development).items():
            print(report(name, labelled(cases)))


if __name__ == "__main__":
    main()
