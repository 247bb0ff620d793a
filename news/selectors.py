"""Reads for the news pages: already joined, already limited to what the reader may see.

Every public page, feed, sitemap and search starts from `public_articles()`, which shows an
article only when it is published AND its publication time has come.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.db.models import Case, Count, F, Func, Prefetch, Q, QuerySet, TextField, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from campaigns.models import Campaign
from clubs.models import Club, RosterEntry
from network_portal.roles.permissions import is_editor

from .models import Article, ArticleImage, Category, Status, Tag
from .text import fold


def public_articles() -> QuerySet[Article]:
    return Article.objects.published().select_related("category", "cover", "author")


def latest_articles(limit: int = 4) -> list[Article]:
    return list(public_articles()[:limit])


def categories_in_use() -> QuerySet[Category]:
    return Category.objects.annotate(
        public_count=Count(
            "articles",
            filter=Q(articles__in=Article.objects.published().values("pk")),
        )
    ).filter(public_count__gt=0)


def public_article(slug: str) -> Article:
    return get_object_or_404(
        public_articles()
        .select_related("campaign")
        .prefetch_related(
            "tags",
            Prefetch("images", queryset=ArticleImage.objects.all()),
            Prefetch("clubs", queryset=Club.objects.select_related("ward").order_by("name")),
        ),
        slug=slug,
    )


def related_articles(article: Article, limit: int = 4) -> list[Article]:
    """ "You may be interested": most shared tags first, then the same category, newest first."""
    tag_ids = [tag.pk for tag in article.tags.all()]
    return list(
        public_articles()
        .exclude(pk=article.pk)
        .annotate(shared=Count("tags", filter=Q(tags__in=tag_ids), distinct=True))
        .filter(Q(shared__gt=0) | Q(category_id=article.category_id))
        .order_by("-shared", "-published_at", "-pk")[:limit]
    )


def search_articles(query: str) -> QuerySet[Article]:
    """Ranked search that ignores diacritics ("binh dang gioi" finds "bình đẳng giới")."""
    query = (query or "").strip()[:200]
    if not fold(query):
        return public_articles().none()
    if connection.vendor == "postgresql":
        return _search_postgres(query)
    return _search_fallback(query)


def _search_postgres(query: str) -> QuerySet[Article]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    def unaccent(expression):
        return Func(expression, function="unaccent", output_field=TextField())

    vector = (
        SearchVector(unaccent(F("title")), weight="A", config="simple")
        + SearchVector(unaccent(F("lead")), weight="B", config="simple")
        + SearchVector(unaccent(F("body_text")), weight="C", config="simple")
    )
    search = SearchQuery(unaccent(Value(query)), config="simple", search_type="websearch")
    return (
        public_articles()
        .annotate(document=vector, rank=SearchRank(vector, search))
        .filter(document=search)
        .order_by("-rank", "-published_at", "-pk")
    )


def _search_fallback(query: str) -> QuerySet[Article]:
    """SQLite: every word must appear in the stored folded text; newest first."""
    words = fold(query).split()[:8]
    articles = public_articles()
    for word in words:
        articles = articles.filter(search_text__contains=word)
    return articles.order_by("-published_at", "-pk")


def tag_by_slug(slug: str) -> Tag:
    return get_object_or_404(Tag, slug=slug)


def category_by_slug(slug: str) -> Category:
    return get_object_or_404(Category, slug=slug)


def campaign_by_pk(pk: int) -> Campaign:
    return get_object_or_404(Campaign, pk=pk)


# --- The newsroom ---------------------------------------------------------------------------
def newsroom_articles(user, status: str = "") -> QuerySet[Article]:
    """Editors see every article; everyone else only their own."""
    articles = Article.objects.select_related("category", "author", "cover")
    if not is_editor(user):
        articles = articles.filter(author=user)
    if status in Status.values:
        articles = articles.filter(status=status)
    return articles.order_by(
        # in review first: that is the editors' queue
        Case(When(status=Status.REVIEW, then=Value(0)), default=Value(1)),
        "-updated_at",
        "-pk",
    )


def article_for_staff(pk: int) -> Article:
    return get_object_or_404(
        Article.objects.select_related("category", "author", "cover", "campaign").prefetch_related(
            "tags",
            "images",
            Prefetch("clubs", queryset=Club.objects.select_related("ward").order_by("name")),
        ),
        pk=pk,
    )


# --- Links to a campaign and to clubs -------------------------------------------------------
RECENT_CAMPAIGN_DAYS = 365
UPCOMING_CAMPAIGN_DAYS = 120


def linkable_campaigns(*, keep_pk: int | None = None, today=None) -> QuerySet[Campaign]:
    """Campaigns an article may link to: running, ended within a year, or starting within
    four months; plus the one it already links to (an old link is never lost by editing)."""
    today = today or timezone.localdate()
    current = Q(
        ends_on__gte=today - datetime.timedelta(days=RECENT_CAMPAIGN_DAYS),
        starts_on__lte=today + datetime.timedelta(days=UPCOMING_CAMPAIGN_DAYS),
    )
    if keep_pk:
        current |= Q(pk=keep_pk)
    return Campaign.objects.filter(current).order_by("-starts_on", "title")


def linkable_clubs(user, *, keep_pks=()) -> QuerySet[Club]:
    """Clubs an article may link to: for editors every club that is not dissolved; for
    everyone else the clubs they are on the roster of. Plus the clubs it already links to."""
    if is_editor(user):
        allowed = ~Q(status=Club.Status.DISSOLVED)
    else:
        allowed = Q(
            pk__in=RosterEntry.objects.filter(user=user, left_on__isnull=True).values("club_id")
        )
    if keep_pks:
        allowed |= Q(pk__in=list(keep_pks))
    return Club.objects.filter(allowed).select_related("ward").order_by("ward__name", "name")


def board_club_pks(user) -> list[int]:
    """The clubs whose board the user sits on: preselected on a new story."""
    return list(
        RosterEntry.objects.filter(
            user=user, left_on__isnull=True, role__in=RosterEntry.BOARD_ROLES
        ).values_list("club_id", flat=True)
    )


def article_revisions(article: Article) -> QuerySet:
    return article.revisions.select_related("by")
