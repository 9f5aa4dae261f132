"""The files the bench submits: the fixtures, the corpus's short PDFs, the labeled DOCX
files, and large files as resumes with a photo get."""

from __future__ import annotations

import io
import json
import math
import os

from tests.helpers.support import FIXTURES

from . import TESTS

KB = 1024
MB = 1024 * 1024


def padded_pdf(size: int) -> bytes:
    # A real resume grown to `size` with a PDF comment after %%EOF, which readers ignore.
    content = (FIXTURES / "John_Doe_ClassicTheme_CV.pdf").read_bytes()
    return content + b"\n%" + b"x" * max(0, size - len(content) - 2)


def one_page_pdf() -> bytes:
    import pypdf

    reader = pypdf.PdfReader(FIXTURES / "John_Doe_ClassicTheme_CV.pdf")
    writer = pypdf.PdfWriter()
    writer.add_page(reader.pages[0])
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def rendercv_pdfs() -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(FIXTURES.glob("*.pdf"))]


def short_pdfs() -> list[tuple[str, bytes]]:
    """The corpus's one- and two-page PDFs (tests/corpus: JSON Resume themes printed by
    Chromium, Word and job-board layouts converted by LibreOffice), as most resumes are."""
    import pypdf

    files = []
    for path in sorted((TESTS / "corpus" / "files").glob("*.pdf")):
        content = path.read_bytes()
        if len(pypdf.PdfReader(io.BytesIO(content)).pages) <= 2:
            files.append((path.name, content))
    return files


def short_docx() -> list[tuple[str, bytes]]:
    """The labeled set's DOCX renderings (python-docx, one page or two), and the sample
    resume in both contact layouts."""
    from tests.helpers.docx_resumes import SAMPLE, build_docx
    from tests.labeled.cases import TRUTH
    from tests.labeled.content import resume_of
    from tests.labeled.render_docx import render_docx

    files = [
        ("sample-header.docx", build_docx(SAMPLE)),
        ("sample-body.docx", build_docx(SAMPLE, contact_in_header=False)),
    ]
    for index, path in enumerate(sorted(TRUTH.glob("*.json"))):
        truth = json.loads(path.read_text(encoding="utf-8"))
        for rendering in truth["renderings"]:
            kind, layout = rendering.split(":")
            if kind == "docx":
                files.append((f"{path.stem}-{layout}.docx", render_docx(resume_of(truth, index), layout)))
    return files


def large_files(size: int) -> list[tuple[str, bytes]]:
    """A PDF and a DOCX of about `size` bytes, as resumes with a photo get: the PDF
    carries the bytes as an embedded file, the DOCX as a picture."""
    import pypdf
    from docx import Document
    from docx.shared import Inches
    from PIL import Image

    writer = pypdf.PdfWriter(clone_from=FIXTURES / "John_Doe_ClassicTheme_CV.pdf")
    writer.add_attachment("photo.bin", os.urandom(size))
    pdf = io.BytesIO()
    writer.write(pdf)

    from tests.helpers.docx_resumes import SAMPLE, build_docx

    side = int(math.sqrt(size / 3))
    png = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(png, "PNG")
    document = Document(io.BytesIO(build_docx(SAMPLE)))
    document.add_picture(io.BytesIO(png.getvalue()), width=Inches(2))
    docx_bytes = io.BytesIO()
    document.save(docx_bytes)
    return [("large.pdf", pdf.getvalue()), ("large.docx", docx_bytes.getvalue())]


def mime_of(name: str) -> str:
    if name.endswith(".pdf"):
        return "application/pdf"
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
