"""Search ignores diacritics: "binh dang gioi" finds "bình đẳng giới"."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from news.selectors import search_articles
from tests.factories import editor
from tests.news.factories import make_article, published_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    the_editor = editor()
    return {
        "title": published_article(
            by=the_editor,
            tag_names=[],
            title="Bình đẳng giới trong gia đình",
            lead="Chia sẻ việc nhà.",
            body_markdown="Nội dung.",
        ),
        "body": published_article(
            by=the_editor,
            tag_names=[],
            title="Hội thi nấu ăn",
            lead="Ngày Gia đình Việt Nam.",
            body_markdown="Các đội thi nói về **bình đẳng giới** và Đà Nẵng.",
        ),
        "other": published_article(
            by=the_editor,
            tag_names=[],
            title="Khám sức khỏe",
            lead="Miễn phí.",
            body_markdown="Nội dung.",
        ),
        "draft": make_article(by=the_editor, title="Bình đẳng giới – bản nháp"),
        "scheduled": published_article(
            by=the_editor,
            tag_names=[],
            title="Bình đẳng giới – hẹn giờ",
            at=timezone.now() + datetime.timedelta(hours=2),
        ),
    }


def titles(query):
    return [a.title for a in search_articles(query)]


def test_it_finds_words_typed_without_diacritics(articles):
    found = titles("binh dang gioi")

    assert set(found) == {"Bình đẳng giới trong gia đình", "Hội thi nấu ăn"}


def test_it_finds_đ_typed_as_d_and_ignores_case(articles):
    assert titles("DA NANG") == ["Hội thi nấu ăn"]
    assert titles("Đà Nẵng") == ["Hội thi nấu ăn"]


def test_it_finds_nothing_for_empty_or_unknown_words(articles):
    assert titles("") == []
    assert titles("   ") == []
    assert titles("xyzxyz") == []


def test_it_never_finds_drafts_or_scheduled_articles(articles):
    found = titles("bản nháp hẹn giờ bình đẳng")
    assert "Bình đẳng giới – bản nháp" not in found
    assert "Bình đẳng giới – hẹn giờ" not in found


def test_it_survives_odd_input(client, articles):
    for query in ["'; DROP TABLE news_article; --", "a & | ! (", "<script>", "%", "x" * 500]:
        assert client.get(reverse("news:search"), {"q": query}).status_code == 200


def test_it_shows_results_on_the_search_page(client, articles):
    page = client.get(reverse("news:search"), {"q": "binh dang gioi"}).content.decode()

    assert "Tìm thấy 2 bài viết" in page
    assert "Bình đẳng giới trong gia đình" in page
    assert "Khám sức khỏe" not in page


def test_it_has_a_fallback_on_a_stored_folded_text(articles):
    """What SQLite uses (and any database without unaccent): every word in the folded text."""
    from news.selectors import _search_fallback

    assert "binh dang gioi" in articles["body"].search_text
    assert "đ" not in articles["body"].search_text
    found = {a.title for a in _search_fallback("BÌNH đẳng gioi")}
    assert found == {"Bình đẳng giới trong gia đình", "Hội thi nấu ăn"}
    assert [a.title for a in _search_fallback("da nang")] == ["Hội thi nấu ăn"]


def test_it_ranks_title_matches_first_on_postgres(requires_postgres, articles):
    assert titles("binh dang gioi") == ["Bình đẳng giới trong gia đình", "Hội thi nấu ăn"]
    assert titles("gia dinh") == ["Bình đẳng giới trong gia đình", "Hội thi nấu ăn"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent('bình đẳng giới Đà Nẵng')")
        assert cursor.fetchone()[0] == "binh dang gioi Da Nang"
