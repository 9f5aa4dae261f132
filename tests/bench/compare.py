"""`--compare A.json B.json`: every figure of two runs' results side by side, with B/A."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .report import fmt


def flatten(value: Any, prefix: str = "") -> dict[str, float]:
    """Numeric leaves keyed by a readable path; list rows keyed by their identifying fields."""
    found: dict[str, float] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("meta", "targets"):
                continue
            found.update(flatten(item, f"{prefix}.{key}" if prefix else key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                label = "/".join(
                    str(item[k])
                    for k in ("payload", "files", "concurrency", "processes", "gateways")
                    if k in item
                ) or str(index)
            else:
                label = str(index)
            found.update(flatten(item, f"{prefix}[{label}]"))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        found[prefix] = float(value)
    return found


def compare(first: Path, second: Path) -> str:
    a, b = (flatten(json.loads(path.read_text())) for path in (first, second))
    lines = [f"{'figure':<70}{'A':>10}{'B':>10}{'B/A':>8}", f"   A = {first}", f"   B = {second}"]
    for key in sorted(a.keys() | b.keys()):
        left, right = a.get(key), b.get(key)
        ratio = f"{right / left:.2f}" if left and right is not None else "-"
        lines.append(f"{key:<70}{fmt(left, 10)}{fmt(right, 10)}{ratio:>8}")
    return "\n".join(lines)
