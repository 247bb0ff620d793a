"""Uploaded pictures (avatars, logos): checked with Pillow, shrunk, re-encoded without EXIF.

The checks and the metadata stripping are shared (`network_portal.images.open_upload`); this
module keeps the members' own messages and encoding.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image

from network_portal.images import (
    FormatNotAllowed,
    TooManyPixels,
    UploadRejected,
    UploadTooLarge,
    encode_jpeg,
    open_upload,
)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def clean_image(upload, *, max_side: int = 512) -> ContentFile:
    """A safe copy of an uploaded picture, or a ValidationError with a plain message.

    The copy is re-encoded from its pixels only, so EXIF (GPS location, camera) is dropped;
    it is shrunk to fit `max_side`. Files over 5 MB, files that are not pictures and
    decompression bombs (a small file that would unpack into a huge image) are refused.
    """
    try:
        image, _fmt = open_upload(
            upload,
            max_bytes=MAX_UPLOAD_BYTES,
            max_pixels=Image.MAX_IMAGE_PIXELS,
            allowed_formats=ALLOWED_FORMATS,
        )
    except UploadTooLarge as exc:
        raise ValidationError(
            _("The picture is larger than 5 MB. Please choose a smaller one.")
        ) from exc
    except TooManyPixels as exc:
        raise ValidationError(
            _("This picture is far too large in pixels. Please choose a smaller one.")
        ) from exc
    except FormatNotAllowed as exc:
        raise ValidationError(_("Please upload a JPEG, PNG, GIF or WebP picture.")) from exc
    except UploadRejected as exc:
        raise ValidationError(
            _("This file is not a picture we can read. Please upload a JPEG or PNG photo.")
        ) from exc

    picture = _flatten(image)
    picture.thumbnail((max_side, max_side))
    if picture.mode == "RGBA":
        out = io.BytesIO()
        picture.save(out, format="PNG", optimize=True)
        data, ext = out.getvalue(), "png"
    else:
        data, ext = encode_jpeg(picture, quality=85, progressive=False), "jpg"
    return ContentFile(data, name=f"{uuid.uuid4().hex}.{ext}")


def _flatten(image: Image.Image) -> Image.Image:
    """RGBA when the picture has transparency, else RGB."""
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and "transparency" in image.info else None
    if image.mode in ("RGBA", "LA"):
        mode = "RGBA"
    return image.convert(mode or "RGB")
