"""Lines of a page image read again by Tesseract, whose engine the tesserocr wheel carries,
with the LSTM models shipped in tessdata/ (tessdata_fast: English, Greek, Russian, French;
NOTICE). The Greek and Cyrillic second reading (other_scripts) and the marks of a name
(lost_marks) read through here. The engines, each script's with English's and alone (some
100 MB, 0.4 s of CPU to load), are loaded once per process, with the OCR engine.
"""

from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy
    import tesserocr

# Each script's model is read with English's, for the Latin words of a line; the two
# scripts apart (read together, Greek capitals are taken for Cyrillic: other_scripts).
GREEK, CYRILLIC, FRENCH = "ell+eng", "rus+eng", "fra"
# And alone, for a line of capitals: with English's, capitals both scripts share with
# Latin are read as Latin ("ANNA OIKONOMOY" for "ΆΝΝΑ ΟΙΚΟΝΌΜΟΥ", "AHHA" for "АННА").
GREEK_ALONE, CYRILLIC_ALONE = "ell", "rus"
# Tesseract reads a line's first and last letters better with a margin around them, here
# this share of the line's height: the detected region cuts close ("Дмитрии" for
# "Дмитрий", "EAévn" for "Ελένη" without one).
_MARGIN = 0.5
# Tesseract's mean word confidence (0-100) under which its reading is not taken.
_LEAST_CONFIDENCE = 60

_readers: dict[str, tesserocr.PyTessBaseAPI] = {}


def load_readers() -> dict[str, tesserocr.PyTessBaseAPI]:
    """The process's Tesseract engines, one per set of models, loaded on the first call."""
    if not _readers:
        import tesserocr

        folder = files("analysis_worker.extraction") / "tessdata"
        for languages in (GREEK, CYRILLIC, FRENCH, GREEK_ALONE, CYRILLIC_ALONE):
            _readers[languages] = tesserocr.PyTessBaseAPI(path=f"{folder}/", lang=languages,
                                                          psm=tesserocr.PSM.SINGLE_LINE)
    return _readers


class Reading(NamedTuple):
    text: str
    # Tesseract's mean word confidence, 0-100.
    confidence: int

    @property
    def sure(self) -> bool:
        """Whether Tesseract is sure enough of the text to take it on its word."""
        return self.confidence >= _LEAST_CONFIDENCE


def tesseract_reading(crop: numpy.ndarray, languages: str) -> Reading:
    """The line's text as Tesseract reads it with `languages`' models."""
    import numpy
    from PIL import Image, ImageOps

    reader = load_readers()[languages]
    # The margin is the line's own background (a name may stand white on a coloured band).
    edges = numpy.concatenate([crop[0], crop[-1], crop[:, 0], crop[:, -1]])
    background = tuple(int(value) for value in numpy.median(edges, axis=0))
    reader.SetImage(ImageOps.expand(Image.fromarray(crop), border=round(len(crop) * _MARGIN), fill=background))
    return Reading(reader.GetUTF8Text().strip(), reader.MeanTextConf())
