"""Projects: a name and a description for each entry of a projects section."""

from __future__ import annotations

from common.proto.resume.v1 import resume_pb2

from .dates import strip_dates
from .entries import group_entries, header_fields


def parse_projects(lines: list[str]) -> list[resume_pb2.Project]:
    result = []
    for entry in group_entries(lines):
        parts, _ = header_fields(entry)
        if not parts:
            continue
        name = parts[0]
        # Everything else written for the entry (summary line, bullets) describes it.
        rest = [strip_dates(line).strip() for line in entry.header]
        description = [line for line in rest if line and line != name and name not in line]
        result.append(resume_pb2.Project(name=name, description="\n".join(description + entry.highlights)))
    return result
