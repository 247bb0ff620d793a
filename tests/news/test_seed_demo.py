from io import StringIO

import pytest
from django.core.management import call_command

from news.models import Article, ArticleImage, Category, Status

pytestmark = pytest.mark.django_db


def test_it_seeds_vietnamese_articles_with_photos_in_several_categories_one_scheduled():
    call_command("seed_demo", stdout=StringIO())

    public = Article.objects.published()
    assert public.count() == 5
    assert public.values("category").distinct().count() >= 4
    assert Category.objects.count() == 5
    assert all(article.cover_id for article in Article.objects.all())
    assert [a.title for a in Article.objects.all() if a.is_scheduled] == [
        "Tổng kết Tháng hành động: 9/9 khối phố có câu lạc bộ"
    ]
    assert Article.objects.filter(status=Status.REVIEW).count() == 1
    assert (
        "đ"
        in Article.objects.get(
            slug="da-nang-phat-dong-thang-hanh-dong-vi-binh-dang-gioi-nam-2026"
        ).title.lower()
    )

    counts = (Article.objects.count(), ArticleImage.objects.count(), Category.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (
        Article.objects.count(),
        ArticleImage.objects.count(),
        Category.objects.count(),
    ) == counts


def test_it_links_demo_articles_to_the_demo_campaign_and_clubs_idempotently():
    call_command("seed_demo", stdout=StringIO())

    launch = Article.objects.get(
        slug="da-nang-phat-dong-thang-hanh-dong-vi-binh-dang-gioi-nam-2026"
    )
    assert launch.campaign is not None
    assert launch.campaign.year == 2026
    assert launch.clubs.count() == 2
    linked = (
        Article.objects.filter(campaign__isnull=False).count(),
        Article.clubs.through.objects.count(),
    )
    assert linked[0] >= 3
    assert linked[1] >= 5

    call_command("seed_demo", stdout=StringIO())
    assert (
        Article.objects.filter(campaign__isnull=False).count(),
        Article.clubs.through.objects.count(),
    ) == linked
