"""Picture files for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_with_exif(name="anh.jpg", size=(800, 600)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (120, 60, 160))
    exif = Image.Exif()
    exif[0x010F] = "Hãng máy ảnh"  # Make
    exif[0x0131] = "Phần mềm bí mật"  # Software
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def png(name="anh.png", size=(300, 200)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGBA", size, (10, 200, 10, 128)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def not_an_image(name="anh.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 this is not a photo", content_type="image/jpeg")


def bomb(name="bom.png") -> SimpleUploadedFile:
    """A small PNG that claims 20 000 × 20 000 pixels (400 megapixels)."""
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, format="PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def too_big(name="lon.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10), "image/jpeg")
