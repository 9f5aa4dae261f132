"""A photo of a printed page made flat and evenly lit before OCR: the sheet's outline is
found and warped to a rectangle, and the light falling off across it is divided out.
A scan, whose page fills the picture under even light, is left as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy
    from PIL import Image

# The outline is looked for on the picture scaled to this longest side: edges of a sheet
# stay clear, and the search costs a few milliseconds.
_OUTLINE_SIDE = 800
# A sheet's outline covers at least this share of a photo of it and, unless the photo
# is a scan or cropped to the page, not all of it.
_MIN_SHEET, _MAX_SHEET = 0.25, 0.95
# Light whose background varies by more than this many grey levels across the page
# (5th to 95th percentile) is uneven: a lamp's fall-off, a hand's shadow.
_UNEVEN = 40
# The background is estimated from the page blurred this much (a share of its width):
# wider than letters, narrower than the fall-off of the light.
_BACKGROUND = 1 / 30


def flattened(page: Image.Image) -> Image.Image:
    """The page (greyscale) warped to the sheet's outline when one is found, and with
    uneven light evened out."""
    import numpy
    from PIL import Image

    grey = numpy.asarray(page.convert("L"))
    outline = _sheet_outline(grey)
    if outline is not None:
        grey = _warped(grey, outline)
    return Image.fromarray(_evenly_lit(grey))


def _sheet_outline(grey: numpy.ndarray) -> numpy.ndarray | None:
    """The four corners of the sheet (top left, top right, bottom right, bottom left), in
    the picture's pixels, or None when no sheet stands out from what surrounds it."""
    import cv2
    import numpy

    scale = _OUTLINE_SIDE / max(grey.shape)
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    scale = min(scale, 1.0)
    edges = cv2.dilate(cv2.Canny(cv2.GaussianBlur(small, (5, 5), 0), 50, 150), numpy.ones((3, 3), numpy.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    area = small.shape[0] * small.shape[1]
    for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
        corners = cv2.approxPolyDP(contour, 0.02 * cv2.arcLength(contour, True), True)
        if len(corners) == 4 and cv2.isContourConvex(corners) and \
                _MIN_SHEET * area <= cv2.contourArea(corners) <= _MAX_SHEET * area:
            return _clockwise(corners.reshape(4, 2).astype(numpy.float32) / scale)
    return None


def _clockwise(corners: numpy.ndarray) -> numpy.ndarray:
    """Corners ordered from the top left, clockwise: the top left has the least x + y,
    the bottom right the most; the top right the least y - x."""
    import numpy

    sums, differences = corners.sum(axis=1), numpy.diff(corners, axis=1).ravel()
    return numpy.array([corners[sums.argmin()], corners[differences.argmin()], corners[sums.argmax()],
                        corners[differences.argmax()]], dtype=numpy.float32)


def _warped(grey: numpy.ndarray, corners: numpy.ndarray) -> numpy.ndarray:
    import cv2
    import numpy

    top_left, top_right, bottom_right, bottom_left = corners
    width = int(max(numpy.linalg.norm(top_right - top_left), numpy.linalg.norm(bottom_right - bottom_left)))
    height = int(max(numpy.linalg.norm(bottom_left - top_left), numpy.linalg.norm(bottom_right - top_right)))
    target = numpy.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], dtype=numpy.float32)
    return cv2.warpPerspective(grey, cv2.getPerspectiveTransform(corners, target), (width, height),
                               flags=cv2.INTER_CUBIC, borderValue=255)


def _evenly_lit(grey: numpy.ndarray) -> numpy.ndarray:
    """The page divided by its background (the paper's brightness where it lies: the
    page with its letters closed over, then blurred), when the light is uneven."""
    import cv2
    import numpy

    size = max(3, int(grey.shape[1] * _BACKGROUND) | 1)
    background = cv2.GaussianBlur(cv2.morphologyEx(grey, cv2.MORPH_CLOSE, numpy.ones((size, size), numpy.uint8)),
                                  (size, size), 0)
    low, high = numpy.percentile(background, (5, 95))
    if high - low <= _UNEVEN:
        return grey
    return numpy.clip(grey.astype(numpy.float32) / numpy.maximum(background, 1) * 255, 0, 255).astype(numpy.uint8)
