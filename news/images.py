"""Uploaded photos: checked, cleaned of metadata (EXIF location included) and cut into renditions.

An upload is checked before anything is stored: at most 5 MB, JPEG/PNG/WebP, at most
40 megapixels (decompression bombs are refused with the same clear message), at least
320×180 px. The original is kept at full size, re-encoded without its metadata (the camera's
GPS position never reaches the public). Each rendition is written as WebP and JPEG, for
`<picture>` with a JPEG fallback.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from network_portal.images import (
    FormatNotAllowed,
    TooManyPixels,
    UploadRejected,
    UploadTooLarge,
    encode_jpeg,
    flatten_to_rgb,
    open_upload,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_WIDTH, MIN_HEIGHT = 320, 180
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

# name → (width, height or None to keep the ratio); thumb and card are cropped to 16:9.
RENDITIONS = {
    "thumb": (320, 180),
    "card": (640, 360),
    "hero": (1280, None),
}


@dataclass
class CheckedImage:
    """A photo that passed the checks, decoded and upright, with no metadata left."""

    image: Image.Image
    format: str

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height


def check_upload(upload) -> CheckedImage:
    """Open and check an uploaded file; raise ValidationError with a plain message."""
    try:
        image, fmt = open_upload(
            upload, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS, allowed_formats=FORMATS
        )
    except UploadTooLarge:
        raise ValidationError(
            _("The photo is too large (%(size)s MB). Please choose a photo of at most 5 MB."),
            code="too_large",
            params={"size": f"{upload.size / 1024 / 1024:.1f}"},
        ) from None
    except TooManyPixels:
        raise ValidationError(
            _("The photo has too many pixels. Please choose a photo of at most 40 megapixels."),
            code="too_many_pixels",
        ) from None
    except FormatNotAllowed:
        raise ValidationError(
            _("Please upload a photo in JPEG, PNG or WebP format."), code="format"
        ) from None
    except UploadRejected:
        raise ValidationError(
            _("This file is not a photo we can read. Please upload a JPEG, PNG or WebP photo."),
            code="invalid",
        ) from None
    if image.width < MIN_WIDTH or image.height < MIN_HEIGHT:
        raise ValidationError(
            _("The photo is too small. Please choose one at least 320 × 180 pixels."),
            code="too_small",
        )
    return CheckedImage(image=flatten_to_rgb(image), format=fmt)


def _encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    if fmt == "JPEG":
        return encode_jpeg(image, quality=quality)
    buffer = io.BytesIO()
    if fmt == "WEBP":
        image.save(buffer, "WEBP", quality=quality, method=4)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def store(checked: CheckedImage) -> tuple[str, dict]:
    """Write the cleaned original and every rendition; return (original name, renditions)."""
    folder = f"news/{uuid.uuid4().hex}"
    original = default_storage.save(
        f"{folder}/original.{FORMATS[checked.format]}",
        ContentFile(_encode(checked.image, checked.format, 92)),
    )
    renditions: dict[str, dict] = {}
    for name, (width, height) in RENDITIONS.items():
        if height:
            picture = ImageOps.fit(checked.image, (width, height), Image.Resampling.LANCZOS)
        else:
            picture = checked.image.copy()
            picture.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        renditions[name] = {
            "width": picture.width,
            "height": picture.height,
            "webp": default_storage.save(
                f"{folder}/{name}.webp", ContentFile(_encode(picture, "WEBP", 80))
            ),
            "jpeg": default_storage.save(
                f"{folder}/{name}.jpg", ContentFile(_encode(picture, "JPEG", 82))
            ),
        }
    return original, renditions


def delete_files(original: str, renditions: dict) -> None:
    names = [original] + [r[k] for r in renditions.values() for k in ("webp", "jpeg")]
    for name in names:
        if name:
            default_storage.delete(name)
