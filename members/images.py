"""Uploaded pictures (avatars, logos): checked with Pillow, shrunk, re-encoded without EXIF."""

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def clean_image(upload, *, max_side: int = 512) -> ContentFile:
    """A safe copy of an uploaded picture, or a ValidationError with a plain message.

    The copy is re-encoded from its pixels only, so EXIF (GPS location, camera) is dropped;
    it is shrunk to fit `max_side`. Files over 5 MB, files that are not pictures and
    decompression bombs (a small file that would unpack into a huge image) are refused.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The picture is larger than 5 MB. Please choose a smaller one."))
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                fmt = probe.format
                width, height = probe.size
                if width * height > Image.MAX_IMAGE_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
                picture = _flatten(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("This picture is far too large in pixels. Please choose a smaller one.")
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This file is not a picture we can read. Please upload a JPEG or PNG photo.")
        ) from exc
    if fmt not in ALLOWED_FORMATS:
        raise ValidationError(_("Please upload a JPEG, PNG, GIF or WebP picture."))

    picture.thumbnail((max_side, max_side))
    out = io.BytesIO()
    if picture.mode == "RGBA":
        picture.save(out, format="PNG", optimize=True)
        ext = "png"
    else:
        picture.save(out, format="JPEG", quality=85, optimize=True)
        ext = "jpg"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ext}")


def _flatten(image: Image.Image) -> Image.Image:
    """A fresh image with only the pixels (no metadata), rotated as the camera meant."""
    from PIL import ImageOps

    image = ImageOps.exif_transpose(image) or image
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and "transparency" in image.info else None
    if image.mode in ("RGBA", "LA"):
        mode = "RGBA"
    converted = image.convert(mode or "RGB")
    fresh = Image.new(converted.mode, converted.size)
    fresh.paste(converted)
    return fresh
