"""The shared picture checks (network_portal/images.py): Pillow opens safely, metadata goes."""

import ast
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from network_portal import images
from network_portal.images import (
    FormatNotAllowed,
    NotAPicture,
    TooManyPixels,
    UploadRejected,
    UploadTooLarge,
    encode_jpeg,
    fit,
    flatten_to_rgb,
    open_upload,
)

LIMITS = {
    "max_bytes": 5 * 1024 * 1024,
    "max_pixels": 40_000_000,
    "allowed_formats": {"JPEG", "PNG", "WEBP"},
}


def upload(data: bytes, name="anh.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def encoded(image: Image.Image, fmt: str, **kwargs) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def gps_exif(orientation: int | None = None) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh"  # Make
    if orientation:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (16.0, 4.0, 12.0)
    gps[3], gps[4] = "E", (108.0, 13.0, 5.0)
    return exif.tobytes()


def test_it_returns_the_pixels_without_the_gps_position():
    data = encoded(Image.new("RGB", (400, 300), (200, 30, 60)), "JPEG", exif=gps_exif())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the file does carry GPS

    picture, fmt = open_upload(upload(data), **LIMITS)

    assert fmt == "JPEG"
    assert picture.size == (400, 300)
    assert picture.info == {}
    assert not picture.getexif()
    again = Image.open(io.BytesIO(encode_jpeg(picture, quality=82)))
    assert not again.getexif()
    assert "exif" not in again.info


def test_it_turns_the_picture_the_way_the_camera_meant():
    data = encoded(Image.new("RGB", (400, 300)), "JPEG", exif=gps_exif(orientation=6))

    picture, _fmt = open_upload(upload(data), **LIMITS)

    assert picture.size == (300, 400)
    assert not picture.getexif()


def test_it_keeps_which_palette_colour_is_transparent():
    image = Image.new("P", (50, 50), 0)
    data = encoded(image, "PNG", transparency=0)

    picture, fmt = open_upload(upload(data, "anh.png", "image/png"), **LIMITS)

    assert fmt == "PNG"
    assert picture.info == {"transparency": 0}
    assert flatten_to_rgb(picture).getpixel((0, 0)) == (255, 255, 255)


def test_it_refuses_a_text_file():
    with pytest.raises(NotAPicture):
        open_upload(upload(b"%PDF-1.4 this is not a picture", "anh.jpg"), **LIMITS)


def test_it_refuses_a_truncated_picture():
    data = encoded(Image.new("RGB", (400, 300)), "PNG")

    with pytest.raises(NotAPicture):
        open_upload(upload(data[: len(data) // 2], "anh.png", "image/png"), **LIMITS)


def test_it_refuses_more_than_the_byte_limit_without_opening_the_file():
    big = upload(b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1))

    with pytest.raises(UploadTooLarge):
        open_upload(big, **LIMITS)


def test_it_refuses_a_real_decompression_bomb_without_unpacking_it():
    data = encoded(Image.new("1", (20_000, 20_000)), "PNG")  # 400 Mpx in a few kB
    assert len(data) < 5 * 1024 * 1024

    with pytest.raises(TooManyPixels):
        open_upload(upload(data, "bom.png", "image/png"), **LIMITS)


def test_it_refuses_more_pixels_than_the_app_allows():
    data = encoded(Image.new("RGB", (200, 100)), "PNG")

    with pytest.raises(TooManyPixels):
        open_upload(upload(data, "anh.png", "image/png"), **{**LIMITS, "max_pixels": 19_999})
    picture, _fmt = open_upload(
        upload(data, "anh.png", "image/png"), **{**LIMITS, "max_pixels": 20_000}
    )
    assert picture.size == (200, 100)


def test_it_refuses_a_format_the_app_does_not_take():
    data = encoded(Image.new("RGB", (40, 30)), "BMP")

    with pytest.raises(FormatNotAllowed) as caught:
        open_upload(upload(data, "anh.bmp", "image/bmp"), **LIMITS)
    assert caught.value.format == "BMP"


@pytest.mark.parametrize("error", [UploadTooLarge, TooManyPixels, NotAPicture, FormatNotAllowed])
def test_it_gives_every_refusal_one_base_class(error):
    assert issubclass(error, UploadRejected)


def test_it_flattens_transparency_onto_white():
    image = Image.new("RGBA", (10, 10), (10, 200, 10, 0))

    flat = flatten_to_rgb(image)

    assert flat.mode == "RGB"
    assert flat.getpixel((0, 0)) == (255, 255, 255)


def test_it_fits_a_copy_and_never_enlarges():
    image = Image.new("RGB", (1600, 800))

    assert fit(image, 400).size == (400, 200)
    assert fit(image, 4000).size == (1600, 800)
    assert image.size == (1600, 800)


def test_it_encodes_jpeg_at_the_quality_asked():
    image = Image.new("RGB", (64, 64), (120, 60, 160))

    data = encode_jpeg(image, quality=82, progressive=False)

    assert Image.open(io.BytesIO(data)).format == "JPEG"
    assert len(encode_jpeg(image, quality=95)) != len(encode_jpeg(image, quality=20))


def test_it_imports_no_domain_app():
    tree = ast.parse(Path(images.__file__).read_text())
    imported = {
        (node.module or "").split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }

    assert imported.isdisjoint({"members", "clubs", "campaigns", "news"})
