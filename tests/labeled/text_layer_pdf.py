"""A PDF whose text layer is exactly the given lines, whatever characters they hold.

Exporters write text layers that a font-based generator cannot reproduce: words joined
by tabs, carriage returns and no-break spaces, soft hyphens and U+2010 inside numbers.
Each distinct character here gets a one-byte code whose /ToUnicode entry says which
character it is, so pypdf reads back the very string written. The glyphs drawn are
whatever Helvetica has at those codes: only the text layer matters to the analysis.
"""

from __future__ import annotations

from tests.helpers.hostile_files import raw_pdf

_LINES_PER_PAGE = 60
_LEADING = 13


def _utf16_hex(ch: str) -> str:
    return ch.encode("utf-16-be").hex().upper()


def text_layer_pdf(lines: list[str]) -> bytes:
    characters = sorted({ch for line in lines for ch in line})
    if len(characters) > 254:
        raise ValueError("at most 254 distinct characters fit one-byte codes")
    codes = {ch: index + 1 for index, ch in enumerate(characters)}
    cmap = "\n".join([
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CMapName /TextLayer def /CMapType 2 def",
        "1 begincodespacerange <00> <FF> endcodespacerange",
        *(f"1 beginbfchar <{codes[ch]:02X}> <{_utf16_hex(ch)}> endbfchar" for ch in characters),
        "endcmap CMapName currentdict /CMap defineresource pop end end",
    ]).encode()
    pages = [lines[start:start + _LINES_PER_PAGE] for start in range(0, max(len(lines), 1), _LINES_PER_PAGE)]
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]  # the page tree is filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>")
    objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    kids = []
    for page in pages:
        operations = [f"BT /F1 10 Tf {_LEADING} TL 50 800 Td"]
        operations += [f"<{''.join(f'{codes[ch]:02X}' for ch in line)}> Tj T*" for line in page]
        stream = "\n".join(operations + ["ET"]).encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (len(objects)))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
    return raw_pdf(objects)
