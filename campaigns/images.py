"""Activity photos: checked with Pillow, re-encoded from their pixels only (so EXIF — GPS
position, camera — is dropped) into two renditions: a large one for the photo page and a
thumbnail for the timeline. The checks and the metadata stripping are shared with members and
news (`network_portal.images`); the messages and renditions are this app's own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from network_portal.images import (
    FormatNotAllowed,
    TooManyPixels,
    UploadRejected,
    UploadTooLarge,
    encode_jpeg,
    fit,
    flatten_to_rgb,
    open_upload,
)

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
    try:
        image, _fmt = open_upload(
            upload,
            max_bytes=MAX_PHOTO_BYTES,
            max_pixels=MAX_PIXELS,
            allowed_formats=ALLOWED_FORMATS,
        )
    except UploadTooLarge as exc:
        raise ValidationError(
            _("The photo %(name)s is larger than 5 MB. Please choose a smaller one."),
            params={"name": name},
        ) from exc
    except TooManyPixels as exc:
        raise ValidationError(
            _(
                "The photo %(name)s is far too large in pixels (it could be a trap file). "
                "Please choose an ordinary photo."
            ),
            params={"name": name},
        ) from exc
    except FormatNotAllowed as exc:
        raise ValidationError(
            _("The file %(name)s is not a JPEG, PNG or WebP photo."),
            params={"name": name},
        ) from exc
    except UploadRejected as exc:
        raise ValidationError(
            _("The file %(name)s is not a photo we can read. Please upload a JPEG or PNG photo."),
            params={"name": name},
        ) from exc

    picture = flatten_to_rgb(image)
    stem = uuid.uuid4().hex
    large, thumbnail = fit(picture, LARGE_SIDE), fit(picture, THUMB_SIDE)
    return Renditions(
        large=ContentFile(encode_jpeg(large, quality=82), name=f"{stem}.jpg"),
        thumbnail=ContentFile(encode_jpeg(thumbnail, quality=82), name=f"{stem}-t.jpg"),
        width=large.width,
        height=large.height,
    )
