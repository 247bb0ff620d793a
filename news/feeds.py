"""RSS and Atom feeds of the latest public articles (absolute links from SITE_URL)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .selectors import public_articles


def _absolute(path: str) -> str:
    from .views import absolute

    return absolute(path)


class LatestArticlesFeed(Feed):
    title = _("Activity news – Men's network for gender equality")
    description = _("The latest activity news of the men's network for gender equality.")

    def link(self):
        return _absolute("/news/")

    def feed_url(self):
        return _absolute("/news/rss/")

    def items(self):
        return public_articles()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return _absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.shown_byline

    def item_categories(self, item):
        return [item.category.name]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description

    def feed_url(self):
        return _absolute("/news/atom/")
