from django import template
from django.core.cache import cache as django_cache
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language

from news import cache, selectors

register = template.Library()


@register.simple_tag
def picture(image, rendition: str = "card", loading: str = "lazy"):
    """`<picture>`: WebP for browsers that take it, JPEG for the rest; alt text always."""
    if image is None:
        return ""
    size = image.renditions.get(rendition, {})
    return format_html(
        '<picture><source type="image/webp" srcset="{}">'
        '<img src="{}" alt="{}" width="{}" height="{}" loading="{}" decoding="async"></picture>',
        image.url(rendition, "webp"),
        image.url(rendition, "jpeg"),
        image.alt_text,
        size.get("width", ""),
        size.get("height", ""),
        loading,
    )


@register.simple_tag
def latest_news(limit: int = 4):
    """The home page's latest news, cached like the news pages (bumped on publish)."""
    key = f"news:home:{cache.version()}:{get_language()}:{limit}"
    html = django_cache.get(key)
    if html is None:
        html = render_to_string(
            "news/includes/latest.html", {"articles": selectors.latest_articles(limit)}
        )
        django_cache.set(key, html, cache.TIMEOUT)
    return html
