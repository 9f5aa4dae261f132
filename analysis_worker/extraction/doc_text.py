"""Text of Word 97-2003 (.doc) resumes, from the piece table, without a converter.

The file is an OLE compound file (read with olefile); its WordDocument stream holds the
characters and a FIB that says where the piece table (the CLX, in the 0Table or 1Table
stream) lies and how many characters each story has ([MS-DOC] 2.5, 2.9.38). Each piece
is 8-bit (cp1252) or UTF-16LE text. Field instructions are dropped and their results kept,
Word's control characters turned into line and cell ends; paragraphs of a list get the
bullet DOCX's get, from their properties (sprmPIlfo)."""

from __future__ import annotations

import bisect
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
_FC_PLCF_BTE_PAPX = 0x102
_FIB_SIZE = _FC_CLX + 8
_COMPRESSED = 0x40000000
# The bytes cp1252 leaves undefined, as spaces: a piece keeps a character per byte.
_CP1252_UNDEFINED = bytes.maketrans(b"\x81\x8d\x8f\x90\x9d", b"     ")
# Paragraph properties: the list a paragraph belongs to (sprmPIlfo), and each sprm's operand
# size by its spra field (6: variable, its size in the first byte).
_SPRM_LIST = 0x460B
_OPERAND_SIZES = (1, 1, 2, 4, 2, 2, -1, 3)
_FKP_SIZE = 512
# What ends a paragraph: its mark, a table cell's mark, a section break.
_PARAGRAPH_END = re.compile("[\r\x07\x0c]")
# What Word's control characters stand for; the others (pictures, note marks) are dropped.
_DROPPED_CONTROLS = (*range(0, 7), 8, *range(14, 19), *range(22, 30))
_CONTROLS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\f", "\x1e": "-", "\x1f": "", "\xa0": " ",
                           **{chr(code): "" for code in _DROPPED_CONTROLS}})
_HYPERLINK = re.compile(r'HYPERLINK\s+"([^"]+)"')
_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_DAMAGED = "The DOC file is damaged and cannot be read; save it again from Word (as DOCX) and upload it."


def extract_doc(content: bytes) -> ExtractedDocument:
    try:
        word, table = _streams(content)
        text, marks = _piece_text(word, table)
        try:
            list_starts = _list_starts(marks, _list_runs(word, table))
        except (struct.error, IndexError):
            list_starts = []  # damaged paragraph properties cost the bullets only, not the text
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
    body = _clean(_story(text, 0, main, list_starts) + "\n"
                  + _story(text, box_start, box_start + boxes, list_starts), links)
    header = _clean(_story(text, header_start, header_start + headers, list_starts), links)
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


def _piece_text(word: bytes, table: bytes) -> tuple[str, list[tuple[int, int]]]:
    """The text of every story, in order, as the piece table puts it together, and the
    place in the text and in the WordDocument stream of the end of each paragraph."""
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
    parts: list[str] = []
    marks: list[tuple[int, int]] = []
    offset = 0
    for index in range(pieces):
        fc = struct.unpack_from("<I", plc, 4 * (pieces + 1) + 8 * index + 2)[0]
        count = positions[index + 1] - positions[index]
        if fc & _COMPRESSED:
            start, width = (fc & ~_COMPRESSED) // 2, 1
            piece = codecs.decode(word[start:start + count].translate(_CP1252_UNDEFINED), "cp1252")
        else:
            start, width = fc, 2
            piece = word[fc:fc + 2 * count].decode("utf-16-le", "replace")
        marks.extend((offset + mark.start(), start + width * mark.start()) for mark in _PARAGRAPH_END.finditer(piece))
        parts.append(piece)
        offset += len(piece)
    return "".join(parts), marks


def _list_runs(word: bytes, table: bytes) -> list[tuple[int, int]]:
    """The (start, end) places in the WordDocument stream of the paragraphs that belong to a
    list, from the paragraph properties in the FKPs that PlcBtePapx names ([MS-DOC] 2.8.6,
    2.9.175)."""
    fc_plc, lcb_plc = struct.unpack_from("<II", word, _FC_PLCF_BTE_PAPX)
    plc = table[fc_plc:fc_plc + lcb_plc]
    pages = (len(plc) - 4) // 8
    if pages > len(word) // _FKP_SIZE:
        return []  # more pages of properties than the stream holds: damaged, and costly to follow
    runs = []
    for index in range(max(pages, 0)):
        page = (struct.unpack_from("<I", plc, 4 * (pages + 1) + 4 * index)[0] & 0x3FFFFF) * _FKP_SIZE
        fkp = word[page:page + _FKP_SIZE]
        if len(fkp) < _FKP_SIZE:
            continue
        count = fkp[-1]
        limits = struct.unpack_from(f"<{count + 1}I", fkp, 0)
        for run in range(count):
            place = 2 * fkp[4 * (count + 1) + 13 * run]
            if place and _in_list(fkp, place):
                runs.append((limits[run], limits[run + 1]))
    return sorted(runs)


def _in_list(fkp: bytes, place: int) -> bool:
    """Whether the PapxInFkp at `place` sets a list (sprmPIlfo other than 0)."""
    size = fkp[place]
    start, end = (place + 2, place + 2 + 2 * fkp[place + 1]) if size == 0 else (place + 1, place + 2 * size)
    position = start + 2  # after the style index
    while position + 2 <= min(end, len(fkp)):
        sprm = struct.unpack_from("<H", fkp, position)[0]
        position += 2
        operand = _OPERAND_SIZES[(sprm >> 13) & 7]
        if operand < 0:
            operand = 1 + fkp[position] if position < len(fkp) else 0
        if sprm == _SPRM_LIST and position + 2 <= len(fkp):
            return bool(struct.unpack_from("<H", fkp, position)[0])
        position += operand
    return False


def _list_starts(marks: list[tuple[int, int]], runs: list[tuple[int, int]]) -> list[int]:
    """The places in the text where the paragraphs that end in a list run start."""
    starts = [start for start, _ in runs]
    found, previous = [], 0
    for place, fc in marks:
        index = bisect.bisect_right(starts, fc) - 1
        if index >= 0 and fc < runs[index][1]:
            found.append(previous)
        previous = place + 1
    return found


def _story(text: str, start: int, end: int, list_starts: list[int]) -> str:
    """text[start:end] with "• " before each paragraph of a list, as DOCX list items are read."""
    cuts = [cut for cut in list_starts if start <= cut < end]
    return "".join(("• " if index else "") + text[begin:stop] for index, (begin, stop) in enumerate(
        zip([start, *cuts], [*cuts, end], strict=True)))


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
