"""Resumes sent as pictures: PNG, JPEG, TIFF and WebP files, and phone photos of a page.

Given a resume page saved as a picture (tests/helpers/pictures.py), when it is extracted, then
OCR reads it into text and styled lines, a photo's sheet is flattened first, and a
picture that cannot be read fails with the reason.
"""

from __future__ import annotations

import io

import numpy
import pytest
from PIL import Image

from analysis_worker.analysis import analyse
from analysis_worker.document import ExtractionError, OcrOptions
from analysis_worker.extraction import extract, photo_pages
from common.proto.resume.v1 import resume_pb2
from tests.helpers.pictures import EMAIL, EXTENSIONS, FORMATS, NAME, page_images, photographed, picture_file, resume_pdf

DPI = 200


@pytest.fixture(scope="module")
def page() -> Image.Image:
    return page_images(resume_pdf(), DPI)[0]


@pytest.mark.parametrize("kind", FORMATS)
def test_each_picture_format_is_read_by_ocr(page: Image.Image, kind: str) -> None:
    document = extract(picture_file([page], kind), file_name=f"cv{EXTENSIONS[kind]}")
    assert (document.format, document.pages) == (kind, 1)
    assert [code for code, _ in document.warnings] == [resume_pb2.WARNING_CODE_OCR_USED]
    result = analyse(document)
    assert result.contact.name == NAME
    assert list(result.contact.emails) == [EMAIL]
    assert [(job.title, job.company) for job in result.experience] == [("Data Analyst", "Contoso Ltd")]


def test_a_picture_s_lines_carry_their_size_and_place(page: Image.Image) -> None:
    lines = extract(picture_file([page], "png"), file_name="cv.png").lines
    name = next(line for line in lines if line.text == NAME)
    email = next(line for line in lines if line.text == EMAIL)
    # Set in 24 and 11 points: the sizes read from the regions' heights keep their ratio.
    assert 1.6 < name.size / email.size < 2.8
    assert name.top < email.top and abs(name.left - email.left) < 3
    assert {line.page for line in lines} == {1}


def test_a_tiff_s_frames_are_pages_up_to_ocr_max_pages() -> None:
    pages = page_images(resume_pdf(pages=3), DPI, pages=3)
    document = extract(picture_file(pages, "tiff"), file_name="cv.tiff", ocr=OcrOptions(max_pages=2))
    assert document.pages == 3
    assert "Page 2: references on request." in document.text.split("\f")[1]
    assert "Page 3" not in document.text
    assert any("holds 3 pages" in message and "OCR_MAX_PAGES" in message for _, message in document.warnings)


def test_a_phone_photo_of_a_page_is_flattened_and_read(page: Image.Image) -> None:
    photo = photographed(page, seed=3)
    grey = numpy.asarray(Image.open(io.BytesIO(photo)).convert("L"))
    corners = photo_pages._sheet_outline(grey)
    assert corners is not None
    # The sheet's outline, flattened, has the page's proportions.
    width = numpy.linalg.norm(corners[1] - corners[0])
    height = numpy.linalg.norm(corners[3] - corners[0])
    assert height / width == pytest.approx(page.height / page.width, rel=0.08)
    result = analyse(extract(photo, file_name="photo.jpg"))
    assert result.contact.name == NAME
    assert list(result.contact.emails) == [EMAIL]


def test_a_scan_under_even_light_is_left_as_it_is(page: Image.Image) -> None:
    assert photo_pages._sheet_outline(numpy.asarray(page)) is None
    assert numpy.array_equal(numpy.asarray(photo_pages.flattened(page)), numpy.asarray(page))


def test_uneven_light_is_evened_out(page: Image.Image) -> None:
    grey = numpy.asarray(page, dtype=numpy.float32)
    ys = numpy.mgrid[0:grey.shape[0], 0:grey.shape[1]][0]
    shaded = (grey * (1 - 0.5 * ys / grey.shape[0])).astype(numpy.uint8)
    evened = numpy.asarray(photo_pages.flattened(Image.fromarray(shaded)))
    # The paper is as light at the foot as at the head again.
    assert abs(numpy.percentile(evened[-200:], 50) - numpy.percentile(evened[:200], 50)) < 10


def test_pictures_are_not_read_when_ocr_is_off(page: Image.Image) -> None:
    with pytest.raises(ExtractionError, match="OCR_ENABLED"):
        extract(picture_file([page], "png"), file_name="cv.png", ocr=OcrOptions(enabled=False))


@pytest.mark.parametrize(("content", "message"), [
    (b"GIF89a" + bytes(100), "is a GIF image, which is not read; convert it to PNG or JPEG"),
    (b"\x00\x00\x00\x18ftypheic" + bytes(100), "is a HEIC photo"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG picture is damaged or truncated"),
])
def test_a_picture_that_cannot_be_read_fails_with_the_reason(content: bytes, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        extract(content, file_name="cv")


def test_a_declared_type_must_match_the_picture(page: Image.Image) -> None:
    with pytest.raises(ExtractionError, match="which is a JPEG"):
        extract(picture_file([page], "jpeg"), mime_type="image/png")
    assert extract(picture_file([page], "jpeg"), mime_type="image/jpg").format == "jpeg"
