"""The public site: lists, article page, related articles, metadata, feeds, sitemap."""

import datetime

import pytest
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from news import services
from tests.factories import UserFactory, editor
from tests.news.factories import CategoryFactory, make_article, published_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    the_editor = editor()
    hoat_dong = CategoryFactory(name="Tin hoạt động", slug="hoat-dong")
    suc_khoe = CategoryFactory(name="Sức khỏe", slug="suc-khoe")
    return {
        "editor": the_editor,
        "hoat_dong": hoat_dong,
        "public": published_article(
            by=the_editor,
            title="Đà Nẵng phát động tháng hành động",
            category=hoat_dong,
            tag_names=["tháng hành động"],
            cover=True,
        ),
        "related": published_article(
            by=the_editor,
            title="Hội thi nấu ăn của nam giới",
            category=suc_khoe,
            tag_names=["tháng hành động"],
        ),
        "same_category": published_article(
            by=the_editor, title="Tọa đàm ở phường", category=hoat_dong, tag_names=[]
        ),
        "unrelated": published_article(
            by=the_editor, title="Khám sức khỏe", category=suc_khoe, tag_names=["sức khỏe"]
        ),
        "draft": make_article(by=the_editor, title="Bản nháp bí mật", category=hoat_dong),
        "scheduled": published_article(
            by=the_editor,
            title="Bài hẹn giờ ngày mai",
            category=hoat_dong,
            at=timezone.now() + datetime.timedelta(days=1),
        ),
    }


def test_it_lists_only_public_articles(client, news):
    page = client.get(reverse("news:index")).content.decode()

    assert "Đà Nẵng phát động tháng hành động" in page
    assert "Bản nháp bí mật" not in page
    assert "Bài hẹn giờ ngày mai" not in page
    assert "Tin hoạt động" in page


def test_it_shows_a_category_and_a_tag_page(client, news):
    page = client.get(reverse("news:category", args=["hoat-dong"])).content.decode()
    assert "Tọa đàm ở phường" in page
    assert "Khám sức khỏe" not in page
    assert "Bài hẹn giờ ngày mai" not in page

    tag = news["public"].tags.get()
    page = client.get(reverse("news:tag", args=[tag.slug])).content.decode()
    assert "Hội thi nấu ăn của nam giới" in page
    assert "Tọa đàm ở phường" not in page
    assert client.get(reverse("news:category", args=["khong-co"])).status_code == 404


def test_it_hides_drafts_and_scheduled_articles_from_the_public(client, news):
    assert client.get(news["draft"].get_absolute_url()).status_code == 404
    assert client.get(news["scheduled"].get_absolute_url()).status_code == 404


def test_it_shows_an_article_with_related_articles_and_metadata(client, news):
    article = news["public"]

    page = client.get(article.get_absolute_url()).content.decode()

    related = page.split("Có thể bạn quan tâm", 1)[1]
    assert related.index("Hội thi nấu ăn") < related.index("Tọa đàm ở phường")  # tags first
    assert "Khám sức khỏe" not in related
    assert (
        f'<link rel="canonical" href="http://127.0.0.1:8000/news/bai-viet/{article.slug}/">' in page
    )
    assert '<meta property="og:type" content="article">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page
    assert 'property="og:image" content="http://127.0.0.1:8000/media/news/' in page
    assert '<source type="image/webp" srcset="/media/news/' in page
    assert f'alt="{article.cover.alt_text}"' in page
    assert 'type="application/rss+xml"' in page


def test_it_paginates_with_see_more(client, settings):
    settings.PAGE_SIZE = 2
    the_editor = editor()
    for n in range(3):
        published_article(by=the_editor, title=f"Bài số {n}")

    first = client.get(reverse("news:index")).content.decode()
    assert "Xem thêm" in first
    second = client.get(reverse("news:index") + "?page=2").content.decode()
    assert "Bài số 0" in second
    assert "Xem thêm" not in second


def test_it_publishes_rss_and_atom_feeds_of_public_articles(client, news):
    rss = client.get(reverse("news:rss"))
    atom = client.get(reverse("news:atom"))

    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    for feed in (rss.content.decode(), atom.content.decode()):
        assert "Đà Nẵng phát động tháng hành động" in feed
        assert "http://127.0.0.1:8000/news/bai-viet/da-nang-phat-dong-thang-hanh-dong/" in feed
        assert "Bản nháp bí mật" not in feed
        assert "Bài hẹn giờ ngày mai" not in feed


def test_it_lists_public_articles_in_the_sitemap(client, news):
    response = client.get("/sitemap.xml")

    xml = response.content.decode()
    assert response.status_code == 200
    assert (
        "<loc>http://127.0.0.1:8000/news/bai-viet/da-nang-phat-dong-thang-hanh-dong/</loc>" in xml
    )
    assert "<loc>http://127.0.0.1:8000/news/chuyen-muc/hoat-dong/</loc>" in xml
    assert news["draft"].slug not in xml
    assert news["scheduled"].slug not in xml


def test_it_shows_the_latest_news_on_the_home_page(client, news):
    page = client.get(reverse("home")).content.decode()

    assert "Tin hoạt động mới nhất" in page
    assert "Đà Nẵng phát động tháng hành động" in page
    assert "Bài hẹn giờ ngày mai" not in page


# --- Query counts stay the same as rows grow ------------------------------------------------
def _more(the_editor, n, **kwargs):
    for i in range(n):
        published_article(by=the_editor, title=f"Thêm bài {i}", cover=True, **kwargs)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        (reverse("news:index"), 4),  # next scheduled time, count, page, categories
        (reverse("news:category", args=["hoat-dong"]), 4),  # next time, category, count, page
        (reverse("news:search") + "?q=bai", 2),  # count, page (search is not cached)
        (reverse("news:rss"), 2),  # the site, the items
        ("/sitemap.xml", 5),  # the site, then count + page for articles and for categories
    ],
)
def test_it_pins_the_queries_of_public_lists(client, news, django_assert_num_queries, url, queries):
    for extra in (0, 5):
        _more(news["editor"], extra, category=news["hoat_dong"])
        cache.clear()
        Site.objects.clear_cache()
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_it_pins_the_queries_of_an_article_page(client, news, django_assert_num_queries):
    article = news["public"]
    for extra in (0, 5):
        _more(news["editor"], extra, category=news["hoat_dong"], tag_names=["tháng hành động"])
        cache.clear()
        # next scheduled time, article (with its campaign), tags, photos, clubs, related
        with django_assert_num_queries(6):
            client.get(article.get_absolute_url())


def test_it_serves_cached_pages_to_anonymous_visitors_without_queries(
    client, news, django_assert_num_queries
):
    url = news["public"].get_absolute_url()
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200


def test_it_pins_the_queries_of_the_newsroom(
    client, news, django_assert_num_queries, layout_queries
):
    client.force_login(news["editor"])
    layout = layout_queries()
    for extra in (0, 5):
        for i in range(extra):
            article = make_article(by=UserFactory(), title=f"Chờ duyệt {i}")
            services.article_submit(article=article, by=article.author)
        # the layout's, then count and page
        with django_assert_num_queries(layout + 2):
            assert client.get(reverse("news:newsroom")).status_code == 200


def test_it_treats_odd_page_numbers_as_the_first_page(client, news):
    for odd in ("abc", "-1", "0", "99999999999", "1%27"):
        response = client.get(reverse("news:index"), {"page": odd})
        assert response.status_code == 200
        assert "Đà Nẵng phát động tháng hành động" in response.content.decode()
