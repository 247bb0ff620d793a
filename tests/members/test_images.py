import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.images import clean_image


def picture(fmt="JPEG", size=(1200, 900), exif=None, mode="RGB") -> bytes:
    out = io.BytesIO()
    image = Image.new(mode, size, (200, 30, 60) if mode == "RGB" else None)
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def gps_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (16.0, 4.0, 0.0), 3: "E", 4: (108.0, 13.0, 0.0)}  # GPS
    return exif.tobytes()


def upload(data: bytes, name="anh.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_it_shrinks_the_picture_and_drops_exif_location():
    result = clean_image(upload(picture(exif=gps_exif())), max_side=512)

    image = Image.open(io.BytesIO(result.read()))
    assert max(image.size) == 512
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info


def test_it_keeps_png_transparency():
    result = clean_image(upload(picture("PNG", (64, 64), mode="RGBA"), "logo.png", "image/png"))

    assert result.name.endswith(".png")


def test_it_refuses_a_file_that_is_not_a_picture():
    with pytest.raises(ValidationError, match="không phải là ảnh"):
        clean_image(upload(b"%PDF-1.4 not an image", "anh.jpg"))


def test_it_refuses_a_truncated_picture():
    with pytest.raises(ValidationError):
        clean_image(upload(picture()[:200]))


def test_it_refuses_more_than_5_mb():
    big = upload(b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1))

    with pytest.raises(ValidationError, match="5 MB"):
        clean_image(big)


def test_it_refuses_a_decompression_bomb(monkeypatch):
    # A small PNG that claims more pixels than Pillow's limit.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)

    with pytest.raises(ValidationError, match="quá lớn"):
        clean_image(upload(picture("PNG", (100, 100)), "bom.png", "image/png"))


def test_it_refuses_a_real_decompression_bomb_without_unpacking_it():
    out = io.BytesIO()
    Image.new("1", (14000, 14000)).save(out, format="PNG")  # 196 Mpx in a few kB
    assert len(out.getvalue()) < 5 * 1024 * 1024

    with pytest.raises(ValidationError, match="quá lớn"):
        clean_image(upload(out.getvalue(), "bom.png", "image/png"))
