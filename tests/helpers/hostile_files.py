"""Builders of hostile resumes, made in memory and deterministic.

Each returns the bytes a malicious or broken client could send. Most are a few KB;
the bombs are small too, and expand only when a careless reader unpacks them.
"""

from __future__ import annotations

import functools
import io
import random
import re
import string
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

import pypdf

from common import file_types
from tests.helpers.docx_resumes import SAMPLE, build_docx
from tests.helpers.support import FIXTURES

PDF_MIME = file_types.PDF
DOCX_MIME = file_types.DOCX
_ODT_CONTENT = (b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
                b'<text:h>Maria Lopez</text:h><text:p>maria@example.org</text:p></office:text></office:body>'
                b'</office:document-content>')


def fixture_pdf(theme: str = "Classic") -> bytes:
    return (FIXTURES / f"John_Doe_{theme}Theme_CV.pdf").read_bytes()


# ---------------------------------------------------------------- raw PDF


def raw_pdf(objects: list[bytes], *, root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object n is objects[n - 1], with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes, *, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Jane Doe, software engineer) Tj ET"


def _pages_pdf(page_count: int, content: bytes, *, content_extra: bytes = b"") -> bytes:
    """`page_count` pages that share one content stream (object 4) and font (object 3)."""
    kids = b" ".join(b"%d 0 R" % (5 + n) for n in range(page_count))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>")
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count),
        _FONT,
        stream(content, extra=content_extra),
        *[page] * page_count,
    ])


def minimal_pdf() -> bytes:
    """A valid one-page PDF, the base of the other raw ones."""
    return _pages_pdf(1, _TEXT)


# ---------------------------------------------------------------- PDF builders


def truncated_pdf() -> bytes:
    content = fixture_pdf()
    return content[: len(content) // 3]


def broken_xref_pdf() -> bytes:
    """The fixture with startxref pointing into the middle of an object and every
    object header mangled, so the table cannot be rebuilt by scanning either."""
    content = fixture_pdf()
    content = re.sub(rb"startxref\s+\d+", b"startxref\n1234", content)
    return re.sub(rb"(\d+) (\d+) obj", rb"\1 \2 ojb", content)


def encrypted_pdf(password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(fixture_pdf("Harvard"))))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def many_pages_pdf(page_count: int = 5000) -> bytes:
    return _pages_pdf(page_count, _TEXT)


_MIB = 2**20


@functools.cache
def _deflate_zeros(size: int) -> bytes:
    """Raw deflate data of `size` zero bytes (a multiple of 1 MiB), built in milliseconds:
    one fully flushed block of 1 MiB of zeros, repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(_MIB)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * (size // _MIB) + b"\x03\x00"  # an empty final block


def _zlib_zeros(size: int) -> bytes:
    """The same, in the zlib format PDF's /FlateDecode reads."""
    adler = 1
    for _ in range(size // _MIB):
        adler = zlib.adler32(bytes(_MIB), adler)
    return b"\x78\xda" + _deflate_zeros(size) + adler.to_bytes(4, "big")


def flate_bomb_pdf(expanded: int = 2**30) -> bytes:
    """A content stream compressed twice: a few KB that inflate to `expanded` bytes."""
    twice = zlib.compress(_zlib_zeros(expanded), 9)
    return _pages_pdf(1, twice, content_extra=b"/Filter [/FlateDecode /FlateDecode] ")


def deeply_nested_pdf(depth: int = 50_000) -> bytes:
    """A page whose /Annots is an array nested `depth` times."""
    nested = b"[" * depth + b"]" * depth
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        _FONT,
        stream(_TEXT),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> /Annots " + nested + b" >>",
    ])


def deep_page_tree_pdf(depth: int = 20_000) -> bytes:
    """/Pages nodes nested `depth` deep above a single page."""
    objects = [b"<< /Type /Catalog /Pages 3 0 R >>", _FONT]
    for level in range(depth):
        number = 3 + level
        kid = number + 1
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
    page_number = 3 + depth
    objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] /Contents %d 0 R "
                   b"/Resources << /Font << /F1 2 0 R >> >> >>" % (page_number + 1))
    objects.append(stream(_TEXT))
    return raw_pdf(objects)


def page_tree_cycle_pdf() -> bytes:
    """A /Pages node that lists itself among its kids."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(_TEXT),
        _FONT,
    ])


def self_drawing_xobject_pdf() -> bytes:
    """A form XObject that draws itself: naive text extraction recurses for ever."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> >>",
        stream(_TEXT + b" /X1 Do"),
        _FONT,
        stream(_TEXT + b" /X1 Do", extra=b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
               b"/Resources << /Font << /F1 5 0 R >> /XObject << /X1 6 0 R >> >> "),
    ])


def slow_content_pdf(page_count: int = 50, operations: int = 200_000) -> bytes:
    """Pages sharing one small compressed content stream of many text operations:
    a few KB of file that keep a text extractor busy for a long time."""
    content = b"BT /F1 1 Tf " + b"(x) Tj " * operations + b"ET"
    return _pages_pdf(page_count, zlib.compress(content, 9), content_extra=b"/Filter /FlateDecode ")


# ---------------------------------------------------------------- DOCX builders


def _image_pages_pdf(page_count: int, image: bytes) -> bytes:
    """`page_count` A4 pages that each draw one image XObject (object 4) over the page."""
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    kids = b" ".join(b"%d 0 R" % (6 + index) for index in range(page_count))
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
            b"/Contents 5 0 R >>")
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count),
                    b"<< >>", image, stream(content)] + [page] * page_count)


def image_bomb_pdf(side: int = 60_000) -> bytes:
    """A page drawing one greyscale image that declares side x side pixels (3.6 GB for
    60,000) in 100 KB of Flate data: a careless renderer allocates the whole of it."""
    data = _zlib_zeros(side * 1000)
    return _image_pages_pdf(1, stream(data, extra=b"/Type /XObject /Subtype /Image /Width %d /Height %d "
                                             b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
                                             % (side, side)))


@functools.cache
def _scanned_page_jpeg() -> bytes:
    """A page of printed text as a scanner would store it (JPEG), drawn with Pillow."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    for number, line in enumerate(["Jane Doe", "jane.doe@example.com", "Software Engineer, Acme Corp",
                                   "2019 - 2024  Built payment services in Python and Go"]):
        draw.text((100, 100 + 60 * number), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=60)
    return out.getvalue()


def scanned_pdf(page_count: int = 200) -> bytes:
    """A scan of `page_count` pages (one JPEG shared by all), with no text layer."""
    jpeg = _scanned_page_jpeg()
    return _image_pages_pdf(page_count, stream(jpeg, extra=b"/Type /XObject /Subtype /Image /Width 1240 /Height 1754 "
                                                       b"/ColorSpace /DeviceGray /BitsPerComponent 8 "
                                                       b"/Filter /DCTDecode "))


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            # An OpenDocument package's mimetype member is stored, so that its type shows in the first bytes.
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else None)
    return buffer.getvalue()


@functools.cache
def _sample_entries() -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(build_docx(SAMPLE))) as archive:
        return tuple((name, archive.read(name)) for name in archive.namelist())


def _docx_entries() -> dict[str, bytes]:
    """The members of the sample DOCX, a fresh dict to change at will."""
    return dict(_sample_entries())


def good_docx() -> bytes:
    return build_docx(SAMPLE)


def document_xml() -> bytes:
    """word/document.xml of the sample DOCX."""
    return _docx_entries()["word/document.xml"]


def docx_with_document_xml(xml: bytes) -> bytes:
    """The sample DOCX with its word/document.xml replaced."""
    return zip_bytes({**_docx_entries(), "word/document.xml": xml})


def _docx_with_zeros(name: str, expanded: int, *, declared: int | None = None,
                     entries: dict[str, bytes] | None = None) -> bytes:
    """The sample DOCX (or an archive of `entries`) with a member `name` that inflates to `expanded` zero bytes while
    the ZIP headers claim `declared` bytes (by default the truth). The CRC is that of
    the declared bytes, so a reader that stops there sees nothing wrong."""
    entries = _docx_entries() if entries is None else entries
    entries.pop(name, None)
    raw = _deflate_zeros(expanded)
    crc = zlib.crc32(bytes(declared)) if declared is not None else 0
    for _ in range(expanded // _MIB if declared is None else 0):
        crc = zlib.crc32(bytes(_MIB), crc)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, data in entries.items():
            archive.writestr(entry, data, zipfile.ZIP_STORED if entry == "mimetype" else None)
        # Stored as is, then relabelled as deflated: zipfile has no way to write
        # compressed bytes it did not compress itself.
        archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), raw)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        local = archive.getinfo(name).header_offset
    fields = (zipfile.ZIP_DEFLATED.to_bytes(2, "little"), crc.to_bytes(4, "little"),
              (expanded if declared is None else declared).to_bytes(4, "little"))
    central = next(match.start() for match in re.finditer(rb"PK\x01\x02", data)
                   if data[match.start() + 46:match.start() + 46 + len(name)] == name.encode())
    for at, (method, crc_at, size_at) in ((local, (8, 14, 22)), (central, (10, 16, 24))):
        data[at + method:at + method + 2] = fields[0]
        data[at + crc_at:at + crc_at + 4] = fields[1]
        data[at + size_at:at + size_at + 4] = fields[2]
    return bytes(data)


def docx_zip_bomb(expanded: int = 2**30) -> bytes:
    """A genuine DOCX plus a 1 MB member whose honest headers say it inflates to 1 GiB."""
    return _docx_with_zeros("word/media/image1.png", expanded)


def docx_lying_zip_bomb(expanded: int = 2**30) -> bytes:
    """word/document.xml inflates to `expanded` bytes while the ZIP headers claim 1 KiB."""
    return _docx_with_zeros("word/document.xml", expanded, declared=1024)


def docx_with_doctype(doctype: str) -> bytes:
    """The sample DOCX whose document.xml declares `doctype` and uses its entity &xxe;
    in the first paragraph's text."""
    entries = _docx_entries()
    xml = entries["word/document.xml"].decode()
    declaration, body = xml.split("?>", 1) if xml.startswith("<?xml") else ("", xml)
    body = body.replace("Maria Lopez</w:t>", "Maria Lopez &xxe;</w:t>", 1)
    entries["word/document.xml"] = (declaration + "?>" + doctype + body).encode()
    return zip_bytes(entries)


def docx_xxe(target: str) -> bytes:
    """An external entity naming `target` (a file:// path or an http:// URL)."""
    return docx_with_doctype(f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>')


def docx_billion_laughs(levels: int = 10) -> bytes:
    """Internal entities each repeating the previous ten times: 10**levels copies."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, levels)]
    entities.append(f'<!ENTITY xxe "&lol{levels - 1};">')
    return docx_with_doctype(f"<!DOCTYPE w:document [{''.join(entities)}]>")


def docx_deeply_nested(depth: int = 5000) -> bytes:
    """A body of content controls nested `depth` deep around one paragraph."""
    entries = _docx_entries()
    xml = entries["word/document.xml"].decode()
    nested = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" \
        + "</w:sdtContent></w:sdt>" * depth
    entries["word/document.xml"] = re.sub("<w:body>", "<w:body>" + nested, xml, count=1).encode()
    return zip_bytes(entries)


def docx_paragraph_flood(megabytes: int = 10) -> bytes:
    """document.xml of `megabytes` MB of short paragraphs, varied enough to pass the
    compression-ratio check: a parser needs about 25 times that in memory."""
    rng = random.Random(3)
    words = ["".join(rng.choices(string.ascii_lowercase, k=4)) for _ in range(5000)]
    count = megabytes * _MIB // 40
    paragraphs = "".join(f"<w:p><w:r><w:t>{words[n % len(words)]}</w:t></w:r></w:p>" for n in range(count))
    entries = _docx_entries()
    xml = entries["word/document.xml"].decode()
    entries["word/document.xml"] = xml.replace("<w:body>", "<w:body>" + paragraphs, 1).encode()
    return zip_bytes(entries)


def odt_entries() -> dict[str, bytes]:
    """The members of a small ODT."""
    return {"mimetype": file_types.ODT.encode(), "content.xml": _ODT_CONTENT}


def good_odt() -> bytes:
    return zip_bytes(odt_entries())


def odt_zip_bomb(expanded: int = 2**30) -> bytes:
    """An ODT plus a 1 MB member whose honest headers say it inflates to 1 GiB."""
    return _docx_with_zeros("Pictures/image1.png", expanded, entries=odt_entries())


def rtf_deeply_nested(depth: int = 100_000) -> bytes:
    return b"{\\rtf1\\ansi " + b"{" * depth + b"Maria" + b"}" * (depth + 1)


def rtf_huge_bin() -> bytes:
    """A picture whose \\bin claims 2 GB of data in a file of a few bytes."""
    return b"{\\rtf1\\ansi Maria Lopez\\par {\\pict\\pngblip\\bin2000000000 \x89PNG}}"


def malformed_ole() -> bytes:
    """The magic bytes of an OLE compound file (a .doc), then random bytes."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(9).randbytes(8192)


def html_deeply_nested(depth: int = 100_000) -> bytes:
    return b"<!DOCTYPE html><html><body>" + b"<div>" * depth + b"Maria" + b"</div>" * depth + b"</body></html>"


def binary_text_file() -> bytes:
    """Text for its first 8 KiB, so that it is taken for a text file, then binary garbage."""
    return b"Maria Lopez, software engineer\n" * 300 + random.Random(10).randbytes(100_000)


def text_as_docx() -> bytes:
    """Plain text labelled as a DOCX."""
    return b"Jane Doe\nSoftware engineer\njane@example.org\n" * 20


def truncated_zip_docx() -> bytes:
    """Starts like a ZIP (so like a DOCX) but is cut off before its directory."""
    content = good_docx()
    return content[: len(content) // 2]


def random_bytes(size: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def random_bytes_with_pdf_header(size: int = 4096, seed: int = 8) -> bytes:
    return b"%PDF-1.7\n" + random.Random(seed).randbytes(size)


def png_bomb() -> bytes:
    """A PNG declaring 100,000 x 100,000 pixels (10 GB as greys) over a few bytes of data."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (8, 8), 255).save(out, "PNG")
    png = bytearray(out.getvalue())
    header = b"IHDR" + struct.pack(">II", 100_000, 100_000) + bytes(png[24:29])
    png[12:29] = header
    png[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(png)


def truncated_jpeg() -> bytes:
    return _scanned_page_jpeg()[:len(_scanned_page_jpeg()) // 3]


def many_page_tiff(pages: int = 300) -> bytes:
    """A TIFF of `pages` blank frames."""
    from PIL import Image

    out = io.BytesIO()
    frames = [Image.new("L", (64, 64), 255) for _ in range(pages)]
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    return out.getvalue()


@dataclass(frozen=True)
class Hostile:
    name: str
    build: Callable[[], bytes]
    mime_type: str
    file_name: str


CORPUS: tuple[Hostile, ...] = (
    Hostile("truncated PDF", truncated_pdf, PDF_MIME, "cv.pdf"),
    Hostile("broken xref", broken_xref_pdf, PDF_MIME, "cv.pdf"),
    Hostile("encrypted PDF, empty password", lambda: encrypted_pdf(""), PDF_MIME, "cv.pdf"),
    Hostile("encrypted PDF, password", lambda: encrypted_pdf("s3cret"), PDF_MIME, "cv.pdf"),
    Hostile("5,000 pages", many_pages_pdf, PDF_MIME, "cv.pdf"),
    Hostile("Flate bomb (1 GiB)", flate_bomb_pdf, PDF_MIME, "cv.pdf"),
    Hostile("deeply nested arrays", deeply_nested_pdf, PDF_MIME, "cv.pdf"),
    Hostile("deep page tree", deep_page_tree_pdf, PDF_MIME, "cv.pdf"),
    Hostile("page tree cycle", page_tree_cycle_pdf, PDF_MIME, "cv.pdf"),
    Hostile("self-drawing XObject", self_drawing_xobject_pdf, PDF_MIME, "cv.pdf"),
    Hostile("image bomb (60,000 x 60,000)", image_bomb_pdf, PDF_MIME, "cv.pdf"),
    Hostile("200-page scan", scanned_pdf, PDF_MIME, "cv.pdf"),
    Hostile("DOCX zip bomb (1 GiB)", docx_zip_bomb, DOCX_MIME, "cv.docx"),
    Hostile("DOCX zip bomb, lying sizes", docx_lying_zip_bomb, DOCX_MIME, "cv.docx"),
    Hostile("DOCX with XXE", lambda: docx_xxe("file:///etc/passwd"), DOCX_MIME, "cv.docx"),
    Hostile("DOCX billion laughs", docx_billion_laughs, DOCX_MIME, "cv.docx"),
    Hostile("DOCX nested 5,000 deep", docx_deeply_nested, DOCX_MIME, "cv.docx"),
    Hostile("text labelled DOCX", text_as_docx, DOCX_MIME, "cv.docx"),
    Hostile("ODT zip bomb (1 GiB)", odt_zip_bomb, file_types.ODT, "cv.odt"),
    Hostile("RTF nested 100,000 deep", rtf_deeply_nested, "application/rtf", "cv.rtf"),
    Hostile("RTF with a 2 GB \\bin", rtf_huge_bin, "application/rtf", "cv.rtf"),
    Hostile("malformed OLE file", malformed_ole, "application/msword", "cv.doc"),
    Hostile("HTML nested 100,000 deep", html_deeply_nested, "text/html", "cv.html"),
    Hostile("TXT of binary garbage", binary_text_file, "text/plain", "cv.txt"),
    Hostile("truncated ZIP labelled DOCX", truncated_zip_docx, DOCX_MIME, "cv.docx"),
    Hostile("PDF labelled DOCX", fixture_pdf, DOCX_MIME, "cv.docx"),
    Hostile("empty file", lambda: b"", PDF_MIME, "cv.pdf"),
    Hostile("random bytes", random_bytes, "", "cv.pdf"),
    Hostile("random bytes after a PDF header", random_bytes_with_pdf_header, "", "cv.pdf"),
    Hostile("PNG bomb (100,000 x 100,000)", png_bomb, "image/png", "cv.png"),
    Hostile("truncated JPEG", truncated_jpeg, "image/jpeg", "cv.jpg"),
    Hostile("TIFF of 300 pages", many_page_tiff, "image/tiff", "cv.tiff"),
)
