"""Anonymous visitors get cached pages; publishing shows up at once, and so does a scheduled
article when its time comes (no task needed)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news import cache, services
from news.models import Article
from tests.factories import editor
from tests.news.factories import make_article, published_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_shows_a_newly_published_article_on_cached_pages(
    client, django_capture_on_commit_callbacks
):
    the_editor = editor()
    published_article(by=the_editor, title="Bài cũ")
    assert "Bài cũ" in client.get(reverse("news:index")).content.decode()

    article = make_article(by=the_editor, title="Bài mới đăng")
    services.article_publish(article=article, by=the_editor)

    page = client.get(reverse("news:index")).content.decode()
    assert "Bài mới đăng" in page
    assert "Bài mới đăng" in client.get(reverse("home")).content.decode()


def test_it_hides_an_unpublished_article_from_cached_pages(client):
    the_editor = editor()
    article = published_article(by=the_editor, title="Bài sẽ gỡ")
    assert "Bài sẽ gỡ" in client.get(reverse("news:index")).content.decode()

    services.article_unpublish(article=article, by=the_editor)

    assert "Bài sẽ gỡ" not in client.get(reverse("news:index")).content.decode()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_it_shows_a_scheduled_article_when_its_time_comes(client, monkeypatch):
    the_editor = editor()
    due = timezone.now() + datetime.timedelta(hours=1)
    article = published_article(by=the_editor, title="Bài hẹn giờ", at=due)
    assert "Bài hẹn giờ" not in client.get(reverse("news:index")).content.decode()
    assert "Bài hẹn giờ" not in client.get(reverse("home")).content.decode()

    # An hour later: the database clock and ours both move on; nothing else happens.
    later = due + datetime.timedelta(seconds=1)
    monkeypatch.setattr(cache.time, "time", lambda: later.timestamp())
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now())

    assert "Bài hẹn giờ" in client.get(reverse("news:index")).content.decode()
    assert "Bài hẹn giờ" in client.get(reverse("home")).content.decode()


def test_it_does_not_cache_pages_for_signed_in_people(client):
    the_editor = editor()
    article = published_article(by=the_editor, title="Tiêu đề đầu")
    client.force_login(the_editor)
    client.get(article.get_absolute_url())
    Article.objects.filter(pk=article.pk).update(title="Tiêu đề sau")

    assert "Tiêu đề sau" in client.get(article.get_absolute_url()).content.decode()


def test_it_keeps_the_csrf_token_out_of_the_cached_fragments(client, monkeypatch):
    article = published_article(title="Bài có biểu mẫu")
    stored = []
    real_set = cache.cache.set
    monkeypatch.setattr(
        cache.cache,
        "set",
        lambda key, value, *a, **k: (stored.append(value), real_set(key, value, *a, **k)),
    )

    first = client.get(article.get_absolute_url()).content.decode()
    second = client.__class__().get(article.get_absolute_url()).content.decode()

    fragments = [v for v in stored if isinstance(v, dict)]
    assert fragments and "Bài có biểu mẫu" in fragments[0]["main"]
    assert all("csrfmiddlewaretoken" not in str(v) for v in fragments)
    # Each visitor's page still carries its own token for the language switcher.
    assert "csrfmiddlewaretoken" in first and "csrfmiddlewaretoken" in second


def test_it_shows_an_edit_of_a_public_article_at_once(client):
    the_editor = editor()
    article = published_article(by=the_editor, title="Tiêu đề trước khi sửa")
    assert "Tiêu đề trước khi sửa" in client.get(article.get_absolute_url()).content.decode()

    from tests.news.factories import article_data

    services.article_update(
        article=article,
        by=the_editor,
        data=article_data(title="Tiêu đề sau khi sửa", category=article.category),
    )

    page = client.get(article.get_absolute_url()).content.decode()
    assert "Tiêu đề sau khi sửa" in page
    assert "Tiêu đề trước khi sửa" not in page
