"""Uploaded pictures, the part every app shares: opened safely with Pillow, metadata dropped.

`open_upload` refuses files that are too large, that are not pictures, whose format is not
allowed, and decompression bombs (a small file that would unpack into a huge image), each with
its own `UploadRejected` subclass; the app maps it to its own message. What it returns is
upright (EXIF orientation applied) and carries the pixels only: no EXIF (GPS position, camera),
XMP, ICC profile or comments. Renditions and encodings stay with each app.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError


class UploadRejected(Exception):
    """An uploaded file that is not accepted as a picture."""


class UploadTooLarge(UploadRejected):
    """The file has more bytes than allowed."""


class TooManyPixels(UploadRejected):
    """The picture would unpack into more pixels than allowed (a decompression bomb)."""


class NotAPicture(UploadRejected):
    """Pillow cannot read the file as a picture."""


class FormatNotAllowed(UploadRejected):
    """A readable picture, but in a format the app does not take."""

    def __init__(self, fmt: str | None):
        super().__init__(fmt)
        self.format = fmt


# Everything Pillow raises for a broken or foreign file.
_UNREADABLE = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError)


def open_upload(
    upload, *, max_bytes: int, max_pixels: int, allowed_formats
) -> tuple[Image.Image, str]:
    """The uploaded picture, decoded and upright with its pixels only, and its format.

    Raises `UploadTooLarge`, `TooManyPixels`, `NotAPicture` or `FormatNotAllowed`.
    """
    if upload.size > max_bytes:
        raise UploadTooLarge()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            with Image.open(upload) as probe:
                fmt = probe.format
                width, height = probe.size
                if width * height > max_pixels:
                    raise TooManyPixels()
                probe.verify()
            if fmt not in allowed_formats:
                raise FormatNotAllowed(fmt)
            upload.seek(0)
            with Image.open(upload) as image:
                image.load()
                upright = ImageOps.exif_transpose(image) or image
                picture = upright.copy()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise TooManyPixels() from exc
    except _UNREADABLE as exc:
        raise NotAPicture() from exc
    # Drops EXIF (GPS position, camera, owner), XMP, ICC and comments; keeps only which
    # palette entry is transparent, which is part of the pixels.
    picture.info = {k: v for k, v in picture.info.items() if k == "transparency"}
    return picture, fmt


def flatten_to_rgb(image: Image.Image) -> Image.Image:
    """An RGB image; transparent parts become white."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def fit(image: Image.Image, max_side: int) -> Image.Image:
    """A copy shrunk (never enlarged) to fit a `max_side` square, keeping its ratio."""
    copy = image.copy()
    copy.thumbnail((max_side, max_side))
    return copy


def encode_jpeg(image: Image.Image, *, quality: int, progressive: bool = True) -> bytes:
    """JPEG bytes of an RGB image, optimised."""
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality, optimize=True, progressive=progressive)
    return out.getvalue()
