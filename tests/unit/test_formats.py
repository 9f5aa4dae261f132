"""DOC, ODT, RTF, HTML and TXT: told by their bytes, and read to the resume's name, email
and employers. The files are the labeled DOCX resumes converted by LibreOffice
(tests/labeled/convert_formats.py); the small ones below are written by hand."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis_worker.extraction import ExtractionError, detect_format, extract
from common import file_types
from tests.helpers import hostile_files as hostile
from tests.labeled.cases import converted_cases

FORMATS = ("odt", "rtf", "doc", "html", "txt")
# What LibreOffice's export leaves out, so no reader finds it: RTF writes a text box as an
# empty SHAPE field; plain text has neither text boxes nor page headers.
LOST_IN_CONVERSION = {("rtf", "textbox"), ("txt", "textbox"), ("txt", "header")}
CASES = [case for extension in FORMATS for case in converted_cases(extension)]


def test_every_format_has_converted_resumes() -> None:
    assert {case.file_name.rsplit(".", 1)[1] for case in CASES} == set(FORMATS)
    assert len(CASES) >= 5 * 20


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_converted_resume_yields_name_email_and_employers(case) -> None:
    extension = case.file_name.rsplit(".", 1)[1]
    assert file_types.sniff(case.content) == extension
    document = extract(case.content, file_types.STANDARD_MIME[extension], case.file_name)
    assert document.format == extension and document.pages >= 1 and not document.warnings
    seen = document.header_text + "\n" + document.text
    for employer in {job["company"] for job in case.expected["experience"]}:
        assert employer in document.text
    if (extension, case.name.rsplit(":", 1)[1]) not in LOST_IN_CONVERSION:
        assert case.expected["name"] in seen
        assert case.expected["emails"][0] in seen


@pytest.mark.parametrize("extension", ["odt", "rtf", "doc", "html"])
def test_hyperlinks_are_read(extension) -> None:
    case = next(case for case in converted_cases(extension) if "ana_souza" in case.name)
    assert "https://www.linkedin.com/in/ana-souza" in extract(case.content).links


@pytest.mark.parametrize("extension", ["odt", "rtf", "doc", "html"])
def test_list_items_start_with_a_bullet(extension) -> None:
    case = next(case for case in converted_cases(extension) if "03_lukasz_wisniewski" in case.name)
    lines = extract(case.content).text.split("\n")
    assert "• Ran 30 Kubernetes clusters serving 200 microservices" in lines
    assert "HashiCorp, Warsaw, Poland" in lines


@pytest.mark.parametrize("extension", FORMATS)
def test_a_declared_type_that_disagrees_with_the_content_is_refused(extension) -> None:
    content = converted_cases(extension)[0].content
    with pytest.raises(ExtractionError, match="does not match the content"):
        detect_format(content, file_types.PDF, "cv")
    other = "text/html" if extension != "html" else "text/plain"
    with pytest.raises(ExtractionError, match="does not match the content"):
        detect_format(content, other, "cv")


@pytest.mark.parametrize(("extension", "mime_type"), [
    ("doc", "application/msword"), ("rtf", "text/rtf"), ("rtf", "application/msword"), ("odt", ""),
    ("html", "application/xhtml+xml"), ("txt", "text/plain; charset=utf-8"),
])
def test_declared_types_that_agree(extension, mime_type) -> None:
    assert detect_format(converted_cases(extension)[0].content, mime_type) == extension


# ---------------------------------------------------------------- plain text

@pytest.mark.parametrize(("content", "expected"), [
    (codecs.BOM_UTF16_LE + "Zoë Ødegård\r\nzoe@example.org".encode("utf-16-le"), "Zoë Ødegård\nzoe@example.org"),
    (codecs.BOM_UTF16_BE + "Łukasz Wiśniewski".encode("utf-16-be"), "Łukasz Wiśniewski"),
    (codecs.BOM_UTF8 + "José Núñez".encode(), "José Núñez"),
    ("José Núñez\n\n  Madrid   ".encode(), "José Núñez\nMadrid"),
    ("Jürgen Müller – Ingenieur, Straße 5, München".encode("cp1252"), "Jürgen Müller – Ingenieur, Straße 5, München"),
])
def test_text_encodings(content, expected) -> None:
    document = extract(content)
    assert (document.format, document.text) == ("txt", expected)


def test_text_that_turns_binary_is_refused() -> None:
    with pytest.raises(ExtractionError, match="holds binary data"):
        extract(hostile.binary_text_file(), "text/plain")


# ---------------------------------------------------------------- HTML

def test_html_visible_text_with_its_blocks() -> None:
    page = b"""<!DOCTYPE html><html><head><title>CV</title><style>h1 {color: red}</style>
    <script>document.write("injected")</script></head><body>
    <h1>Jane   Roe</h1><p>jane@example.org<br>+1 555 0100</p><!-- a comment -->
    <div style="display: none">hidden text</div><span hidden>also hidden</span>
    <ul><li><p>Python</p></li><li>Go &amp; Rust</li></ul>
    <table><tr><td>Acme Corp</td><th>2019 &ndash; 2021</th></tr></table>
    <pre>kept   as
  written</pre><a href="https://github.com/jroe">GitHub</a> <a href="javascript:x()">no</a></body></html>"""
    document = extract(page, "text/html")
    assert document.text.split("\n") == [
        "Jane Roe", "jane@example.org", "+1 555 0100", "• Python", "• Go & Rust", "Acme Corp | 2019 – 2021",
        "kept as", "written", "GitHub no"]
    assert document.links == ("https://github.com/jroe",)


def test_html_entities_never_reach_files_or_the_network(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    page = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]><html><body><p>A &x; B</p>'
            f'<img src="{secret.as_uri()}"><iframe src="http://127.0.0.1:9/"></iframe></body></html>')
    assert "TOP-SECRET" not in extract(page.encode(), "text/html").text


def test_html_charset_of_its_meta_element() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Иван Петров</p></body></html>'
    assert extract(page.encode("cp1251")).text == "Иван Петров"


def test_html_nested_too_deeply_is_refused() -> None:
    with pytest.raises(ExtractionError, match="more than 200 levels deep"):
        extract(hostile.html_deeply_nested(), "text/html")


# ---------------------------------------------------------------- RTF

def test_rtf_text_code_page_and_unicode() -> None:
    rtf = (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
           rb"{\stylesheet{\s1 Heading 1;}}{\info{\author Someone Else}}{\*\generator Writer;}"
           rb"{\header Header line\par}\pard \'c8\'e2\'e0\'ed \'cf\'e5\'f2\'f0\'ee\'e2\par "
           rb"Z\u246?e {\uc2\u8212\'97\'97} ok\line next\tab col\par"
           rb'{\field{\*\fldinst HYPERLINK "https://example.org/cv"}{\fldrslt example.org}}\par'
           # Binary data holding braces and a backslash, skipped by its length.
           b"{\\pict\\pngblip\\bin4 \x00{}\\}after\\par \\u-10179?\\u-8694? emoji}")
    document = extract(rtf, "application/rtf")
    assert document.text.split("\n") == [
        "Иван Петров", "Zöe — ok", "next\tcol", "example.org", "after", "\U0001f60a emoji"]
    assert document.header_text == "Header line"
    assert document.links == ("https://example.org/cv",)


def test_rtf_code_page_bytes_around_a_skipped_group() -> None:
    assert extract(rb"{\rtf1\ansi caf\'e9{\*\foo x}\'e9t\'e9{\'e9}}").text == "caf\u00e9\u00e9t\u00e9\u00e9"


_RTF_TOKENS = [b"{", b"}", b"\\*", b"\\'e9", b"\\'82\\'a0", b"\\u233?", b"\\u-10179 ", b"\\uc0 ", b"\\uc2 ",
               b"\\par ", b"\\fonttbl ", b"\\header ", b"\\fldinst ", b"\\bin2 ", b"\\ansicpg932 ", b"x", b"\\"]


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(_RTF_TOKENS), max_size=60))
def test_any_rtf_token_sequence_is_read_or_refused(tokens) -> None:
    try:
        document = extract(b"{\\rtf1 " + b"".join(tokens), "application/rtf")
    except ExtractionError as error:
        assert str(error).endswith(".")
    else:
        assert document.format == "rtf"


@pytest.mark.parametrize(("content", "message"), [
    (hostile.rtf_deeply_nested(), "nests its groups more than 200 deep"),
    (hostile.rtf_huge_bin(), r"binary data \(\\bin\) larger than the file"),
])
def test_hostile_rtf_is_refused(content, message) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract(content, "application/rtf")


# ---------------------------------------------------------------- ODT and DOC

def test_odt_by_its_first_bytes_and_without_its_mimetype_first() -> None:
    assert file_types.sniff(hostile.good_odt()) == "odt"
    shuffled = hostile.zip_bytes(dict(reversed(hostile.odt_entries().items())))
    assert file_types.sniff(shuffled) == "zip"
    assert extract(shuffled).text == "Maria Lopez\nmaria@example.org"


@pytest.mark.parametrize(("content", "message"), [
    (hostile.odt_zip_bomb(), "expands to an unreasonable size"),
    (hostile.zip_bytes({"mimetype": file_types.ODT.encode(), "content.xml": b"<office:document-content"}),
     "ODT file is damaged"),
    (hostile.zip_bytes({"mimetype": file_types.ODT.encode(), "content.xml": b'<!DOCTYPE x [<!ENTITY a "b">]><x/>'}),
     "declares a DTD"),
    (hostile.malformed_ole(), "OLE structure is damaged"),
])
def test_hostile_odt_and_doc_are_refused(content, message) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract(content)


def test_an_ole_file_without_a_word_document_is_refused() -> None:
    doc = converted_cases("doc")[0].content
    # The stream's name in the OLE directory, in UTF-16: renamed, the file holds no Word document.
    renamed = doc.replace("WordDocument".encode("utf-16-le"), "WordDocumenX".encode("utf-16-le"))
    with pytest.raises(ExtractionError, match="not a Word document"):
        extract(renamed)
