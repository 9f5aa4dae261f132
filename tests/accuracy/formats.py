"""Accuracy of name, email and company on the labeled DOCX files and their conversions by
LibreOffice to ODT, RTF, DOC, HTML and TXT (tests/labeled/formats):

    PYTHONPATH=$PWD .venv/bin/python -m tests.accuracy.formats
"""

from __future__ import annotations

from tests.accuracy.evaluate import Report, evaluate
from tests.labeled.cases import converted_cases, generated_cases

FORMATS = ("docx", "odt", "rtf", "doc", "html", "txt")
SHOWN = ("name", "email", "company", "title", "phone", "links")


def format_reports() -> dict[str, Report]:
    """A report per format, each over the same resumes and layouts."""
    converted = {extension: converted_cases(extension) for extension in FORMATS[1:]}
    sources = {(case.person, case.name.split(":")[1]) for case in converted["odt"]}
    docx = [case for case in generated_cases()
            if case.name.split("/")[1].startswith("docx:") and (case.person, case.name.split(":")[1]) in sources]
    return {extension: evaluate(cases, record_mistakes=False)
            for extension, cases in {"docx": docx, **converted}.items()}


def main() -> None:
    reports = format_reports()
    print("format  files  " + "  ".join(f"{name:>17}" for name in SHOWN) + "   (precision/recall)")
    for extension, report in reports.items():
        cells = [f"{report.tallies[name].precision:8.3f}/{report.tallies[name].recall:.3f}" for name in SHOWN]
        print(f"{extension:6}  {len(report.extraction_ms_per_page):5}  " + "  ".join(f"{cell:>17}" for cell in cells))


if __name__ == "__main__":
    main()
