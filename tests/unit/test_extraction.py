import io
import os
import unicodedata
import zipfile

import pypdf
import pytest
from fpdf import FPDF

from analysis_worker.extraction import MAX_TEXT_CHARS, ExtractionError, detect_format, extract
from common import file_types
from common.config import PAGES_CEILING
from common.proto.resume.v1 import resume_pb2
from tests.helpers import hostile_files as hostile
from tests.helpers.docx_resumes import SAMPLE, build_docx, table_cell_texts
from tests.helpers.raw_pdf import one_page_pdf, shown_lines
from tests.helpers.support import FIXTURES
from tests.helpers.text_pdfs import text_pdf

PDF_PAGES = {
    "Classic": 2, "Ember": 2, "Engineeringclassic": 3, "Engineeringresumes": 3, "Harvard": 2,
    "Ink": 2, "Moderncv": 3, "Opal": 3, "Sb2nov": 3,
}
DOCX_MIME = file_types.DOCX


def fixture_pdf(theme: str) -> bytes:
    return (FIXTURES / f"John_Doe_{theme}Theme_CV.pdf").read_bytes()


def codes(document) -> set[int]:
    return {code for code, _ in document.warnings}


@pytest.mark.parametrize("theme", sorted(PDF_PAGES))
def test_rendercv_pdfs_extract(theme):
    document = extract(fixture_pdf(theme), "application/pdf", f"{theme}.pdf")
    assert document.format == "pdf"
    assert document.pages == PDF_PAGES[theme]
    assert document.text.count("\n\f\n") == PDF_PAGES[theme] - 1
    assert "John Doe" in document.text and "john.doe@email.com" in document.text
    assert "Princeton University" in document.text and "Microsoft Research" in document.text
    assert "https://linkedin.com/in/rendercv" in document.links
    assert "https://github.com/rendercv" in document.links
    assert document.warnings == ()


def test_running_footer_moves_to_header_text():
    document = extract(fixture_pdf("Classic"))
    assert document.header_text.splitlines() == ["John Doe – 1/2", "John Doe – 2/2"]
    assert "1/2" not in document.text


GLYPH_NAMES = {
    # name in the font: what a reader sees
    "/f_i": "fi", "/f_f_i": "ffi", "/T_h": "Th", "/four.pnum": "4", "/zero.osf": "0",
    "/a.sc": "a", "/E.swash": "E", "/uni00E9": "é", "/uni00660069": "fi", "/u1F600": "\U0001f600",
    "/eacute.alt": "é", "/uni0141_o.sc": "Ło",
}


@pytest.mark.parametrize(("name", "text"), GLYPH_NAMES.items())
def test_glyph_names_without_a_tounicode_map_read_as_the_adobe_glyph_list_says(name, text):
    """Each kind of name the AGL specification reads: suffixes dropped, ligatures split,
    uniXXXX sequences and uXXXXX, all in one run of text between ordinary letters."""
    document = extract(one_page_pdf(shown_lines(b"Scienti\\001c", b"W\\001 W"), [name]), "application/pdf", "g.pdf")
    # As the analysis reads it: NFKC spells out ligature characters ("ﬃ" for f_f_i).
    read = unicodedata.normalize("NFKC", document.text)
    assert f"Scienti{text}c" in read and f"W{text} W" in read, document.text


def test_unknown_glyph_names_stay_out_of_the_words_around_them():
    document = extract(one_page_pdf(shown_lines(b"Scienti\\001c"), ["/f_i.liga"]), "application/pdf", "g.pdf")
    assert "Scientific" in document.text


def test_detect_format_by_magic_bytes():
    assert detect_format(fixture_pdf("Classic")) == "pdf"
    assert detect_format(build_docx(SAMPLE), DOCX_MIME, "cv.docx") == "docx"
    assert detect_format(build_docx(SAMPLE), "application/octet-stream") == "docx"
    assert detect_format(fixture_pdf("Classic"), "application/pdf; charset=binary") == "pdf"


def test_docx_reads_paragraphs_tables_text_boxes_headers_and_links():
    document = extract(build_docx(SAMPLE), DOCX_MIME)
    lines = document.text.splitlines()
    assert document.format == "docx" and document.pages == 1
    assert lines[0] == "Maria Lopez"
    # Document order: the summary text box comes before the experience, the table after it.
    summary = lines.index(SAMPLE["summary"])
    assert summary < lines.index("Work Experience") < lines.index("Education")
    assert document.text.count(SAMPLE["summary"]) == 1  # the VML fallback copy is skipped
    assert "• Built a ledger service in Go handling 40k requests per second" in lines
    assert "The University of Texas at Austin, B.S. in Computer Science | 2012 – 2016" in lines
    assert "Languages: Go, Python, JS, SQL" in lines  # nested table
    assert any("Languages: Go" in cell for cell in table_cell_texts(build_docx(SAMPLE)))
    assert document.header_text.splitlines() == ["Maria Lopez", "maria.lopez@example.org | (512) 555-0143 | Austin, TX"]
    assert document.links == ("https://www.linkedin.com/in/maria-lopez-dev",)


def test_docx_with_undecodable_text_is_flagged():
    resume = dict(SAMPLE, summary="\ufffd" * 400)
    assert resume_pb2.WARNING_CODE_GARBLED_TEXT in codes(extract(build_docx(resume)))


def test_two_column_pdf_is_read_column_by_column():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for row in range(30):  # written row by row, so the content stream interleaves the columns
        pdf.text(15, 20 + 8 * row, f"Left column line {row} about work")
        pdf.text(115, 20 + 8 * row, f"Right column text {row} on skills")
    document = extract(bytes(pdf.output()))
    lines = document.text.splitlines()
    assert resume_pb2.WARNING_CODE_READING_ORDER in codes(document)
    assert lines[:30] == [f"Left column line {row} about work" for row in range(30)]
    assert lines[30:] == [f"Right column text {row} on skills" for row in range(30)]


def date_column_pdf(gap_mm: float) -> bytes:
    """A moderncv-like page: dates right-aligned in a column `gap_mm` left of the entries,
    which start on one edge, and headings across the page."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    y = 20.0
    for section in range(3):
        pdf.text(15, y, f"Section heading number {section} running across the whole width of the page")
        y += 8
        for entry in range(8):
            date = f"Jan 20{10 + entry} - Dec 20{11 + entry}"
            pdf.text(60 - gap_mm - pdf.get_string_width(date), y, date)
            pdf.text(60, y, f"Senior engineer {entry}, Acme Corporation, Berlin")
            y += 7
    return bytes(pdf.output())


def sidebar_pdf(name_size: int) -> bytes:
    """A sidebar beside a main column, written line by line across both (the content
    stream interleaves them), under a name set `name_size` points large across both."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=name_size)
    pdf.text(15, 20, "Amelia Konstantinopoulou-Hartmann")
    pdf.set_font("Helvetica", size=10)
    for row in range(30):
        pdf.text(15, 40 + 7 * row, f"Skill number {row}")
        pdf.text(75, 41 + 7 * row, f"Main column line {row} about the work done there")
    return bytes(pdf.output())


def layout_passes(monkeypatch) -> list[str]:
    """Records every pypdf layout rendering made from now on."""
    made = []
    extract_text = pypdf.PageObject.extract_text

    def recorded(page, *args, **kwargs):
        if kwargs.get("extraction_mode") == "layout":
            made.append("layout")
        return extract_text(page, *args, **kwargs)

    monkeypatch.setattr(pypdf.PageObject, "extract_text", recorded)
    return made


def test_columns_are_read_from_the_plain_pass_without_a_layout_rendering(monkeypatch):
    """The class: a sidebar beside running text, on baselines of its own, under a name set
    large across both columns. The runs of the plain pass place the columns; pypdf's
    layout rendering, as costly again as the plain pass, is not made."""
    made = layout_passes(monkeypatch)
    for name_size in (10, 28):
        document = extract(sidebar_pdf(name_size))
        lines = document.text.splitlines()
        assert resume_pb2.WARNING_CODE_READING_ORDER in codes(document)
        assert lines[:31] == ["Amelia Konstantinopoulou-Hartmann"] + [f"Skill number {row}" for row in range(30)]
        assert lines[31:] == [f"Main column line {row} about the work done there" for row in range(30)]
    assert not made


def test_a_word_set_in_two_fonts_stays_one_word_in_a_column():
    """Between two runs that follow each other, a column keeps what pypdf put there:
    nothing inside a word whose letters change font, a space between words."""
    pdf = FPDF()
    pdf.add_page()
    for row in range(30):
        pdf.set_font("Helvetica", size=10)
        pdf.text(15, 20 + 8 * row, f"Left line {row}")
        pdf.set_font("Helvetica", style="B", size=10)
        pdf.text(115, 20 + 8 * row, "Engi")
        x = 115 + pdf.get_string_width("Engi")
        pdf.set_font("Helvetica", size=10)
        pdf.text(x, 20 + 8 * row, f"neer at firm {row}")
    lines = extract(bytes(pdf.output())).text.splitlines()
    assert lines[30:] == [f"Engineer at firm {row}" for row in range(30)]


def test_pages_whose_fonts_cannot_be_measured_get_the_layout_rendering(monkeypatch):
    from analysis_worker.extraction import layout

    made = layout_passes(monkeypatch)
    monkeypatch.setattr(layout.Faces, "width", lambda faces, run: None)
    test_two_column_pdf_is_read_column_by_column()
    assert made == ["layout"]


@pytest.mark.parametrize("gap_mm", [1, 6])
def test_a_date_column_beside_entries_is_not_a_column_of_text(gap_mm):
    """The class: entries aligned on one edge beside a column of dates, near them or not
    (moderncv's classic and casual styles), under headings across the page: one line per
    entry, its date beside it, as the plain pass reads it."""
    document = extract(date_column_pdf(gap_mm))
    assert "Jan 2010 - Dec 2011 Senior engineer 0, Acme Corporation, Berlin" in document.text
    assert resume_pb2.WARNING_CODE_READING_ORDER not in codes(document)


def test_a_date_column_touching_the_entries_gets_no_layout_rendering(monkeypatch):
    """No band beside the edge is free of text, so no layout rendering could find a gutter."""
    made = layout_passes(monkeypatch)
    extract(date_column_pdf(gap_mm=1))
    assert not made


def test_pdf_without_text_layer_is_flagged():
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50, style="F")
    document = extract(bytes(pdf.output()))
    assert resume_pb2.WARNING_CODE_NO_TEXT_LAYER in codes(document)
    assert document.text.strip() == ""


def test_only_max_pages_are_extracted():
    content = text_pdf([[f"Page {number} body"] for number in range(1, 6)])
    document = extract(content, max_pages=2)
    assert document.pages == 5
    assert "Page 2 body" in document.text and "Page 3 body" not in document.text
    assert resume_pb2.WARNING_CODE_TOO_MANY_PAGES in codes(document)


def encrypted(content: bytes, password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(content)))
    writer.encrypt(user_password=password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_encrypted_with_empty_password_opens_with_a_warning():
    document = extract(encrypted(fixture_pdf("Harvard"), ""))
    assert "Princeton University" in document.text
    assert resume_pb2.WARNING_CODE_ENCRYPTED in codes(document)


@pytest.mark.parametrize(("content", "mime_type", "message"), [
    (b"", "", "empty"),
    (os.urandom(4096), "", "is not a PDF, DOCX, DOC, ODT, RTF, HTML, TXT, PNG, JPEG, TIFF or WebP file"),
    (fixture_pdf("Classic")[:40_000], "application/pdf", "damaged or truncated"),
    (fixture_pdf("Classic"), DOCX_MIME, "does not match"),
    (build_docx(SAMPLE), "application/pdf", "does not match"),
    (fixture_pdf("Classic"), "image/gif", "is not supported"),
    (b"Jane Doe\nSoftware engineer\n", DOCX_MIME, "which is a TXT"),
    (b"PK\x03\x04" + os.urandom(2000), DOCX_MIME, "not a valid ZIP"),
    (hostile.zip_bytes({"hello.txt": b"hi"}), DOCX_MIME, "not a Word or OpenDocument document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), "application/msword", "OLE structure is damaged"),
    (encrypted(fixture_pdf("Classic"), "s3cret"), "application/pdf", "The PDF is encrypted"),
    (hostile.zip_bytes({"word/document.xml": b"<w:document/>"}), DOCX_MIME, "damaged"),
    (hostile.zip_bytes({"word/document.xml": b"<", "word/media/bomb.bin": bytes(60 * 1024 * 1024)}), DOCX_MIME,
     "unreasonable size"),
])
def test_hostile_files_are_refused_with_a_clear_message(content, mime_type, message):
    with pytest.raises(ExtractionError, match=message) as error:
        extract(content, mime_type, "resume")
    text = str(error.value)
    assert text.endswith(".") and text[0].isupper() and len(text) < 300


# ---------------------------------------------------------------- limits against hostile files

def test_pdf_encrypted_with_aes_and_an_empty_password_opens_with_a_warning():
    pytest.importorskip("cryptography", reason="pypdf decrypts AES with the cryptography package")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(fixture_pdf("Harvard"))))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    document = extract(buffer.getvalue())
    assert "Princeton University" in document.text
    assert resume_pb2.WARNING_CODE_ENCRYPTED in codes(document)


def test_page_count_limit():
    assert extract(hostile.many_pages_pdf(PAGES_CEILING)).pages == PAGES_CEILING
    with pytest.raises(ExtractionError, match=f"has {PAGES_CEILING + 1:,} pages"):
        extract(hostile.many_pages_pdf(PAGES_CEILING + 1))


def test_text_length_limit():
    words = " ".join(["engineer"] * (MAX_TEXT_CHARS // 9 + 10))
    paragraph = f"<w:body><w:p><w:r><w:t>{words}</w:t></w:r></w:p>".encode()
    with pytest.raises(ExtractionError, match="characters of text, far more than a resume"):
        extract(hostile.docx_with_document_xml(hostile.document_xml().replace(b"<w:body>", paragraph)))


def test_pdf_stream_that_inflates_past_the_limit_is_a_bomb():
    with pytest.raises(ExtractionError, match="decompression bomb"):
        extract(hostile.flate_bomb_pdf(64 * 2**20))


def test_damaged_pdf_does_not_flood_the_logs(caplog):
    with pytest.raises(ExtractionError):
        extract(hostile.broken_xref_pdf())
    assert not [record for record in caplog.records if record.name.startswith("pypdf")]


@pytest.mark.parametrize(("build", "message"), [
    (lambda: hostile.docx_xxe("file:///etc/passwd"), "declares a DTD"),
    (hostile.docx_billion_laughs, "declares a DTD"),
    (lambda: hostile.docx_with_document_xml(
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode("utf-16")),
     "declares a DTD"),
    (lambda: hostile.docx_lying_zip_bomb(2**30), "damaged"),
    (lambda: hostile.docx_paragraph_flood(11), "MB of XML"),
    (hostile.docx_deeply_nested, "nested too deeply"),
])
def test_hostile_docx_is_refused(build, message):
    with pytest.raises(ExtractionError, match=message):
        extract(build(), DOCX_MIME)


def test_docx_with_unusual_compression_or_duplicate_members_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("word/document.xml", hostile.document_xml())
    with pytest.raises(ExtractionError, match="not a valid ZIP"):
        extract(buffer.getvalue(), DOCX_MIME)
    buffer = io.BytesIO()
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", hostile.document_xml())
        archive.writestr("word/document.xml", b"<other/>")
    with pytest.raises(ExtractionError, match="not a valid ZIP"):
        extract(buffer.getvalue(), DOCX_MIME)
