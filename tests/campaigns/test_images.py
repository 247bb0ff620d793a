"""Photo renditions (campaigns/images.py): Pillow only, EXIF gone, bad files refused."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from campaigns.images import photo_renditions
from tests.campaigns.images import bomb, jpeg_with_exif, not_an_image, png, too_big


def test_it_makes_two_jpeg_renditions_without_metadata():
    result = photo_renditions(jpeg_with_exif(size=(2400, 1200)))

    with Image.open(result.large) as large, Image.open(result.thumbnail) as thumb:
        assert (large.format, large.size, thumb.size) == ("JPEG", (1600, 800), (480, 240))
        assert not large.getexif() and not thumb.getexif()
    assert (result.width, result.height) == (1600, 800)


def test_it_keeps_a_small_photo_at_its_size_and_flattens_transparency():
    result = photo_renditions(png(size=(300, 200)))

    with Image.open(result.large) as large:
        assert (large.size, large.mode) == ((300, 200), "RGB")


def test_it_turns_the_photo_the_way_the_camera_meant():
    image = Image.new("RGB", (400, 200), (10, 10, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)

    result = photo_renditions(SimpleUploadedFile("xoay.jpg", out.getvalue(), "image/jpeg"))

    assert (result.width, result.height) == (200, 400)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (not_an_image, "không phải là ảnh"),
        (bomb, "quá lớn về số điểm ảnh"),
        (too_big, "lớn hơn 5 MB"),
    ],
)
def test_it_refuses_bad_files_in_plain_vietnamese(make, message):
    with pytest.raises(ValidationError) as caught:
        photo_renditions(make())

    assert message in caught.value.messages[0]


def test_it_refuses_a_picture_format_a_browser_cannot_show():
    out = io.BytesIO()
    Image.new("RGB", (50, 50)).save(out, format="TIFF")
    with pytest.raises(ValidationError) as caught:
        photo_renditions(SimpleUploadedFile("anh.tif", out.getvalue(), "image/tiff"))

    assert "JPEG, PNG hoặc WebP" in caught.value.messages[0]
