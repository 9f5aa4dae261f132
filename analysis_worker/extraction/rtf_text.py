"""Text of RTF resumes, read by a small tokenizer of its own.

Text comes from the body and, apart, the headers and footers; destinations that hold
no text of the page (font, colour and style tables, document info, pictures, objects,
every `\\*` group) are skipped. `\\'hh` bytes are decoded in the document's code page
(`\\ansicpgN`), `\\uN` are Unicode characters. Groups nest at most MAX_DEPTH deep and
`\\binN` data must lie inside the file, so a hostile file is refused, not followed."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

from analysis_worker.document import ExtractedDocument, ExtractionError
from analysis_worker.extraction.text_documents import text_document

# Word and LibreOffice nest a few dozen groups at most.
MAX_DEPTH = 200
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|[\r\n]+"
                    rb"|([^\\{}\r\n]+)")
_SKIPPED = frozenset((
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "datafield", "themedata", "colorschememapping",
    "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "revtbl", "filetbl",
    "fldinst", "bkmkstart", "bkmkend", "shppict", "nonshppict", "footnote", "annotation", "atnid", "atnauthor",
    "pgdsctbl", "mmathPr", "pntxtb", "pntxta", "shpinst", "sp",
))
_HEADERS = frozenset(("header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf"))
_CHARACTERS = {
    "par": "\n", "line": "\n", "sect": "\n", "row": "\n", "page": "\f", "tab": "\t", "cell": " | ",
    "emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018", "rquote": "\u2019",
    "ldblquote": "\u201c", "rdblquote": "\u201d", "emspace": " ", "enspace": " ", "qmspace": " ",
}
_SYMBOLS = {b"\\": "\\", b"{": "{", b"}": "}", b"~": "\u00a0", b"_": "\u2011", b"-": "", b"\t": "\t"}
# Word's list bullets in the Symbol and Wingdings fonts, which map them to private-use code points.
_FONT_BULLETS = {0xF0B7: "\u2022", 0xF0A7: "\u25aa", 0xF0D8: "\u27a2", 0xF0FC: "\u2713", 0xF06E: "\u25a0",
                 0xF076: "\u2756", 0xF0A8: "\u2022", 0xF02D: "-"}
_HYPERLINK = re.compile(r'HYPERLINK\s+"([^"]+)"')


@dataclass(frozen=True)
class _Group:
    where: str = "body"  # "body", "header", "skip" or "field" (a field's instruction)
    skip_after_unicode: int = 1  # \ucN: how many fallback characters follow each \uN
    starred: str = ""  # where the group was before a `\*` made it skipped


class _Reader:
    def __init__(self, content: bytes) -> None:
        self.content = content
        self.codec = "cp1252"
        self.out: dict[str, list[str]] = {"body": [], "header": [], "field": []}
        self.pending = bytearray()  # \'hh bytes, decoded together: a multi-byte code page needs them all
        self.skip = 0  # fallback characters of a \uN still to drop

    def emit(self, where: str, text: str) -> None:
        """Adds text to the part `where` ("skip": nowhere), after the \\'hh bytes before it."""
        if where == "skip":
            self.pending.clear()
            return
        if self.pending:
            self.out[where].append(codecs.decode(bytes(self.pending), self.codec, "replace"))
            self.pending.clear()
        if text:
            self.out[where].append(text)

    def read(self) -> None:
        stack: list[_Group] = []
        group = _Group()
        position, end, first_in_group = 0, len(self.content), False
        while position < end:
            match = _TOKEN.match(self.content, position)
            if match is None:  # a lone backslash at the end
                break
            position = match.end()
            word, argument, hexa, symbol, brace, text = match.groups()
            opened, first_in_group = first_in_group, False
            if brace == b"{":
                self.emit(group.where, "")
                stack.append(group)
                if len(stack) > MAX_DEPTH:
                    raise ExtractionError(
                        f"The RTF file nests its groups more than {MAX_DEPTH} deep, which no resume needs, "
                        "so it was refused; save the resume again from the word processor and upload it.")
                first_in_group = True
            elif brace == b"}":
                self.emit(group.where, "")
                if not stack:
                    break  # the document's group ended: anything after it is not RTF
                group = stack.pop()
            elif hexa is not None:
                if self.skip:
                    self.skip -= 1
                elif group.where != "skip":
                    self.pending.append(int(hexa, 16))
            elif text is not None:
                chunk = text.decode("latin-1")
                dropped = min(self.skip, len(chunk))
                self.skip -= dropped
                self.emit(group.where, codecs.decode(chunk[dropped:].encode("latin-1"), self.codec, "replace"))
            elif symbol is not None:
                if symbol == b"*":
                    self.emit(group.where, "")
                    group = replace(group, where="skip", starred=group.where)
                else:
                    self.emit(group.where, _SYMBOLS.get(symbol, ""))
            elif word is not None:
                name = word.decode("ascii")
                number = int(argument) if argument is not None else None
                if name == "bin":
                    self.emit(group.where, "")
                    if number is None or number < 0 or number > end - position:
                        raise ExtractionError(
                            "The RTF file declares binary data (\\bin) larger than the file itself, so it is "
                            "damaged or hostile and was refused; save the resume again and upload it.")
                    position += number
                else:
                    group = self.control(name, number, group, opened)
        self.emit(group.where, "")

    def control(self, name: str, number: int | None, group: _Group, opened: bool) -> _Group:
        """The group after the control word `name` (with its numeric argument)."""
        self.skip = 0
        if name == "u" and number is not None:
            self.emit(group.where, _FONT_BULLETS.get(number % 65536, chr(number % 65536)))
            self.skip = group.skip_after_unicode
        elif name == "uc" and number is not None:
            return replace(group, skip_after_unicode=max(0, min(number, 8)))
        elif name == "ansicpg" and number is not None:
            self.codec = _codec(number)
        elif name == "fldinst":
            return replace(group, where="field" if (group.starred or group.where) in ("body", "header") else "skip")
        elif name in _SKIPPED and (opened or name == "pict"):
            return replace(group, where="skip")
        elif name in _HEADERS and opened and group.where != "skip":
            return replace(group, where="header")
        elif name in _CHARACTERS:
            self.emit(group.where, _CHARACTERS[name])
        else:
            self.emit(group.where, "")
        return group

    def text(self, where: str) -> str:
        # \uN gives UTF-16 code units: a character beyond the BMP comes as two of them.
        return "".join(self.out[where]).encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _codec(code_page: int) -> str:
    try:
        return codecs.lookup(f"cp{code_page}").name
    except LookupError:
        return "cp1252"


def extract_rtf(content: bytes) -> ExtractedDocument:
    reader = _Reader(content)
    reader.read()
    links = tuple(dict.fromkeys(_HYPERLINK.findall(reader.text("field"))))
    return text_document("rtf", reader.text("body"), header=reader.text("header"), links=links)
