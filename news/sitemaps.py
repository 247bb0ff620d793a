"""sitemap.xml: public articles and categories, with SITE_URL's scheme and host."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from .selectors import categories_in_use, public_articles


class _SiteUrlSitemap(Sitemap):
    protocol = urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class ArticleSitemap(_SiteUrlSitemap):
    changefreq = "weekly"
    priority = 0.7
    limit = 5000

    def items(self):
        return public_articles().order_by("-published_at", "-pk")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(_SiteUrlSitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return categories_in_use().order_by("position", "name")


sitemaps = {"news": ArticleSitemap, "news-categories": CategorySitemap}
