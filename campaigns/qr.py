"""The QR code on a printed certificate, as inline SVG (segno, pure Python)."""

import io

import segno
from django.utils.safestring import mark_safe


def qr_svg(url: str) -> str:
    """An SVG QR code of `url`, safe to put in a page as it is (segno writes only the path)."""
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out,
        kind="svg",
        scale=4,
        border=2,
        xmldecl=False,
        svgns=True,
        title=None,
        svgclass="qr",
        lineclass=None,
        omitsize=True,
    )
    return mark_safe(out.getvalue().decode())  # noqa: S308 — markup produced by segno from a URL
