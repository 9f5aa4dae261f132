"""One-page PDFs written operator by operator, for text layers as TeX, Typst and DTP tools
write them (glyphs placed one at a time, fonts known only by their glyph names), which
fpdf2 and word processors never produce."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import pypdf
from fpdf.fonts import CORE_FONTS_CHARWIDTHS
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, NumberObject


def one_page_pdf(content: bytes, glyph_names: list[str] = (),
                 forms: Mapping[str, tuple[bytes, Sequence[float]]] = MappingProxyType({}), subset: str = "") -> bytes:
    """A page whose content stream is `content`, in Helvetica as /F1 (Helvetica-Bold as /F2,
    Helvetica-Oblique as /F3, and /F4 an icon font, Font Awesome, whose text layer names its
    glyphs); with `glyph_names`, codes 1, 2, ... of /F1 are those glyphs (a /Differences
    encoding, no ToUnicode map). `forms` are form XObjects the content may draw (`/Name Do`):
    each its content and its /Matrix, with the page's fonts. With `subset`, /F5 is a
    subset font as LibreOffice, browsers and Typst write them: codes 1, 2, ... show the
    characters of `subset` in turn (a ToUnicode map), each as wide as in Helvetica."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(612, 792)
    encoding: DictionaryObject | NameObject = NameObject("/WinAnsiEncoding")
    if glyph_names:
        encoding = DictionaryObject({
            NameObject("/Type"): NameObject("/Encoding"),
            NameObject("/BaseEncoding"): NameObject("/WinAnsiEncoding"),
            NameObject("/Differences"): ArrayObject([NumberObject(1), *map(NameObject, glyph_names)]),
        })
    font = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): encoding,
    })
    faces = {NameObject(f"/F{number}"): writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject(name),
        NameObject("/Encoding"): NameObject("/WinAnsiEncoding")}))
        for number, name in ((2, "/Helvetica-Bold"), (3, "/Helvetica-Oblique"), (4, "/FontAwesome5Free-Solid"))}
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font), **faces})
    if subset:
        fonts[NameObject("/F5")] = writer._add_object(_subset_font(writer, subset))
    xobjects = DictionaryObject()
    for name, (form_content, matrix) in forms.items():
        form = DecodedStreamObject()
        form.set_data(form_content)
        form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                     NameObject("/BBox"): ArrayObject(map(FloatObject, (0, 0, 612, 792))),
                     NameObject("/Matrix"): ArrayObject(map(FloatObject, matrix)),
                     NameObject("/Resources"): DictionaryObject({NameObject("/Font"): fonts})})
        xobjects[NameObject(f"/{name}")] = writer._add_object(form)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts, NameObject("/XObject"): xobjects})
    stream = DecodedStreamObject()
    stream.set_data(content)
    page[NameObject("/Contents")] = writer._add_object(stream)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def shown_lines(*texts: bytes, size: int = 11) -> bytes:
    """Content that shows `texts` one below the other."""
    return (f"BT /F1 {size} Tf 72 720 Td {size + 3} TL ".encode() + b" ".join(b"(" + text + b") '" for text in texts)
            + b" ET")


def letter_spaced(text: str, size: int = 20, tracking: int = 350) -> bytes:
    """`text` placed a glyph at a time `tracking` thousandths of an em apart, the space
    between its words a glyph too, as Typst and LaTeX's letter-spacing write display type."""
    glyphs = b" ".join(b"(" + char.encode() + b") -" + str(tracking).encode() for char in text)
    return f"/F1 {size} Tf ".encode() + b"[" + glyphs + b"] TJ"


def set_lines(*lines: tuple[float, float, str, int, str], subset: str = "") -> bytes:
    """Content showing each (x, y, font, size, text) on its own: font "/F1" regular, "/F2"
    bold, "/F3" italic, "/F5" the subset font of `subset` (one_page_pdf); a text of several
    pieces in different fonts is several lines at one y."""
    return b" ".join(f"BT {font} {size} Tf {x} {y} Td {_shown(font, text, subset)} Tj ET".encode("latin-1")
                     for x, y, font, size, text in lines)


def subset_of(texts: Sequence[str]) -> str:
    """The characters of `texts`, each once, in the order they first appear."""
    return "".join(dict.fromkeys("".join(texts)))


def _shown(font: str, text: str, subset: str) -> str:
    if font != "/F5":
        return f"({text})"
    return "<" + "".join(f"{subset.index(character) + 1:02X}" for character in text) + ">"


def _subset_font(writer: pypdf.PdfWriter, subset: str) -> DictionaryObject:
    widths = CORE_FONTS_CHARWIDTHS["helvetica"]
    pairs = " ".join(f"<{code:02X}> <{ord(character):04X}>" for code, character in enumerate(subset, 1))
    cmap = DecodedStreamObject()
    cmap.set_data(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
                   "/CMapName /Adobe-Identity-UCS def /CMapType 2 def "
                   "1 begincodespacerange <00> <FF> endcodespacerange "
                   f"{len(subset)} beginbfchar {pairs} endbfchar "
                   "endcmap CMapName currentdict /CMap defineresource pop end end").encode())
    return DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/TrueType"),
        NameObject("/BaseFont"): NameObject("/BAAAAA+LiberationSans"),
        NameObject("/FirstChar"): NumberObject(1), NameObject("/LastChar"): NumberObject(len(subset)),
        NameObject("/Widths"): ArrayObject(NumberObject(widths.get(character, 556)) for character in subset),
        NameObject("/ToUnicode"): writer._add_object(cmap),
    })
