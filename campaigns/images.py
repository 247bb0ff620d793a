"""Activity photos: checked with Pillow, re-encoded from their pixels only (so EXIF — GPS
position, camera — is dropped) into two renditions: a large one for the photo page and a
thumbnail for the timeline. No shared helper exists in network_portal/, so this app has its
own (members/images.py and news/images.py do the same for their pictures)."""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 50_000_000  # a 50-megapixel photo is the largest a phone takes
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
LARGE_SIDE = 1600
THUMB_SIDE = 480


@dataclass(frozen=True)
class Renditions:
    large: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def photo_renditions(upload) -> Renditions:
    """Two clean JPEG renditions of an uploaded photo, or a ValidationError in plain words."""
    name = getattr(upload, "name", "") or ""
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("The photo %(name)s is larger than 5 MB. Please choose a smaller one."),
            params={"name": name},
        )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                fmt = probe.format
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise Image.DecompressionBombError("too many pixels")
                probe.verify()
            if fmt not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("The file %(name)s is not a JPEG, PNG or WebP photo."),
                    params={"name": name},
                )
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
                picture = _pixels_only(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _(
                "The photo %(name)s is far too large in pixels (it could be a trap file). "
                "Please choose an ordinary photo."
            ),
            params={"name": name},
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The file %(name)s is not a photo we can read. Please upload a JPEG or PNG photo."),
            params={"name": name},
        ) from exc

    stem = uuid.uuid4().hex
    large = _encode(picture, LARGE_SIDE)
    return Renditions(
        large=ContentFile(large[0], name=f"{stem}.jpg"),
        thumbnail=ContentFile(_encode(picture, THUMB_SIDE)[0], name=f"{stem}-t.jpg"),
        width=large[1][0],
        height=large[1][1],
    )


def _pixels_only(image: Image.Image) -> Image.Image:
    """A fresh RGB image with the pixels only, turned the way the camera meant."""
    image = ImageOps.exif_transpose(image) or image
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    converted = image.convert("RGB")
    fresh = Image.new("RGB", converted.size)
    fresh.paste(converted)
    return fresh


def _encode(picture: Image.Image, side: int) -> tuple[bytes, tuple[int, int]]:
    copy = picture.copy()
    copy.thumbnail((side, side))
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue(), copy.size
