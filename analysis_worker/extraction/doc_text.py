"""Text of Word 97-2003 (.doc) resumes, from the piece table, without a converter.

The file is an OLE compound file (read with olefile); its WordDocument stream holds the
characters and a FIB that says where the piece table (the CLX, in the 0Table or 1Table
stream) lies and how many characters each story has ([MS-DOC] 2.5, 2.9.38). Each piece
is 8-bit (cp1252) or UTF-16LE text. Field instructions are dropped and their results kept,
Word's control characters turned into line and cell ends."""

from __future__ import annotations

import codecs
import io
import re
import struct

import olefile

from analysis_worker.document import ExtractedDocument, ExtractionError
from analysis_worker.extraction.checks import MAX_TEXT_CHARS
from analysis_worker.extraction.text_documents import text_document

_WORD_IDENT = 0xA5EC
_F_ENCRYPTED, _F_WHICH_TABLE = 0x0100, 0x0200
# Offsets in the FIB: the characters of each story (FibRgLw97) and the CLX (FibRgFcLcb97).
_CCP_TEXT, _CCP_FTN, _CCP_HDD = 76, 80, 84
_CCP_ATN, _CCP_EDN, _CCP_TXBX = 92, 96, 100
_FC_CLX = 0x1A2
_FIB_SIZE = _FC_CLX + 8
_COMPRESSED = 0x40000000
# What Word's control characters stand for; the others (pictures, note marks) are dropped.
_CONTROLS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\f", "\x07": "\x07", "\x1e": "-", "\x1f": "",
                           "\xa0": " ", **{chr(code): "" for code in (*range(0, 7), 8, *range(14, 19), *range(
                               22, 30))}})
_HYPERLINK = re.compile(r'HYPERLINK\s+"([^"]+)"')
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_DAMAGED = "The DOC file is damaged and cannot be read; save it again from Word (as DOCX) and upload it."


def extract_doc(content: bytes) -> ExtractedDocument:
    try:
        word, table = _streams(content)
        text = _piece_text(word, table)
        counts = [struct.unpack_from("<i", word, offset)[0]
                  for offset in (_CCP_TEXT, _CCP_FTN, _CCP_HDD, _CCP_ATN, _CCP_EDN, _CCP_TXBX)]
    except (ExtractionError, MemoryError):
        raise
    except Exception as error:  # olefile raises OSError, struct.error, IndexError... on bad input
        raise ExtractionError(
            "The file is not a readable Word 97-2003 document (its OLE structure is damaged); "
            "save it again from Word and upload it.") from error
    main, notes, headers, comments, endnotes, boxes = (max(count, 0) for count in counts)
    header_start = main + notes
    box_start = header_start + headers + comments + endnotes
    links: list[str] = []
    body = _clean(text[:main] + "\n" + text[box_start:box_start + boxes], links)
    header = _clean(text[header_start:header_start + headers], links)
    return text_document("doc", body, header=header, links=tuple(dict.fromkeys(links)))


def _streams(content: bytes) -> tuple[bytes, bytes]:
    """The WordDocument stream and the table stream it names."""
    with olefile.OleFileIO(io.BytesIO(content)) as ole:
        if not ole.exists("WordDocument"):
            raise ExtractionError(
                "The file is an Office file but not a Word document (perhaps Excel or PowerPoint); "
                "upload the resume as a PDF, DOCX or DOC.")
        word = ole.openstream("WordDocument").read()
        ident, flags = struct.unpack_from("<H8xH", word, 0) if len(word) >= _FIB_SIZE else (0, 0)
        if ident != _WORD_IDENT:
            raise ExtractionError(
                "The DOC file is from a Word older than Word 97, or damaged, and cannot be read; "
                "save it as DOCX and upload it.")
        if flags & _F_ENCRYPTED:
            raise ExtractionError(
                "The DOC file is protected by a password; save it without one (or as PDF) and upload it.")
        table_name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise ExtractionError(_DAMAGED)
        return word, ole.openstream(table_name).read()


def _piece_text(word: bytes, table: bytes) -> str:
    """The text of every story, in order, as the piece table puts it together."""
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
    clx = table[fc_clx:fc_clx + lcb_clx]
    position = 0
    # Property modifiers (Prc) come first; the piece table (Pcdt) follows.
    while position < len(clx) and clx[position] == 0x01:
        if position + 3 > len(clx):
            raise ExtractionError(_DAMAGED)
        position += 3 + struct.unpack_from("<H", clx, position + 1)[0]
    if position + 5 > len(clx) or clx[position] != 0x02:
        raise ExtractionError(_DAMAGED)
    size = struct.unpack_from("<I", clx, position + 1)[0]
    plc = clx[position + 5:position + 5 + size]
    pieces = (len(plc) - 4) // 12
    if pieces < 1 or len(plc) != 4 + 12 * pieces:
        raise ExtractionError(_DAMAGED)
    positions = struct.unpack_from(f"<{pieces + 1}I", plc, 0)
    if positions[-1] - positions[0] > MAX_TEXT_CHARS * 2 or any(
            end < start for start, end in zip(positions, positions[1:], strict=False)):
        raise ExtractionError(_DAMAGED)
    parts = []
    for index in range(pieces):
        fc = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * index + 2)[0]
        count = positions[index + 1] - positions[index]
        if fc & _COMPRESSED:
            start = (fc & ~_COMPRESSED) // 2
            parts.append(codecs.decode(word[start:start + count], "cp1252", "ignore"))
        else:
            parts.append(word[fc:fc + 2 * count].decode("utf-16-le", "replace"))
    return "".join(parts)


def _clean(text: str, links: list[str]) -> str:
    """The text as shown: field results without their instructions, control characters as
    line, cell and page ends; a field's hyperlink target goes to links."""
    shown: list[str] = []
    fields: list[list[str] | None] = []  # per open field: its instruction, None once its result began
    for piece in re.split("([\x13\x14\x15])", text):
        if piece == _FIELD_BEGIN:
            fields.append([])
        elif piece in (_FIELD_SEPARATOR, _FIELD_END) and fields:
            instruction = fields.pop() if piece == _FIELD_END else fields[-1]
            if instruction is not None:
                links.extend(_HYPERLINK.findall("".join(instruction)))
            if piece == _FIELD_SEPARATOR:
                fields[-1] = None
        elif piece:
            innermost = fields[-1] if fields else None
            if innermost is not None:
                innermost.append(piece)
            elif all(field is None for field in fields):
                shown.append(piece)
    # A cell ends with \x07, and a row with one more.
    return "".join(shown).translate(_CONTROLS).replace("\x07\x07", "\n").replace("\x07", " | ")
