"""Text helpers: Vietnamese slugs, diacritic folding for search, Markdown → safe HTML."""

from __future__ import annotations

import html
import re
import unicodedata

import markdown
import nh3
from django.utils.text import slugify

# What an article body may contain once rendered. Anything else is removed by nh3: no script,
# style, iframe, svg, form, event handler or style attribute survives.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "figcaption", "figure", "h2", "h3",
    "h4", "hr", "i", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case ASCII-ish text without diacritics: "Bình Đẳng" → "binh dang".

    `đ` has no decomposition in Unicode, so it is mapped by hand before NFKD.
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_D_MAP))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().lower()


def vietnamese_slug(text: str, max_length: int = 80) -> str:
    """A readable ASCII slug: "Đà Nẵng phát động" → "da-nang-phat-dong"."""
    slug = slugify((text or "").translate(_D_MAP))
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def sanitise_html(raw_html: str) -> str:
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(source: str) -> str:
    """Markdown (as editors type it) → sanitised HTML, ready to store and show."""
    raw = markdown.markdown(source or "", extensions=["sane_lists", "tables"], output_format="html")
    return sanitise_html(raw)


def html_to_text(safe_html: str) -> str:
    """Plain text of sanitised HTML, for search and descriptions."""
    text = re.sub(r"<[^>]+>", " ", safe_html or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
