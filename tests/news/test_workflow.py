"""Draft → in review → published, scheduled publishing, unpublish, revisions; who may do what."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from news import services
from news.models import Article, Revision, Status
from tests.factories import (
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)
from tests.news.factories import CategoryFactory, article_data, make_article

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title": "CLB phường sinh hoạt tháng 11",
        "lead": "Hơn 40 thành viên tham dự.",
        "body_markdown": "Nội dung buổi sinh hoạt.",
        "category": CategoryFactory().pk,
        "tags": "câu lạc bộ, bình đẳng giới",
    }
    data.update(overrides)
    return data


def test_it_lets_a_member_write_and_submit_a_story_then_an_editor_publish_it(client):
    chair = UserFactory()
    client.force_login(chair)

    response = client.post(reverse("news:create"), form_data())
    article = Article.objects.get()
    assert response.status_code == 302
    assert (article.author, article.status) == (chair, Status.DRAFT)
    assert [t.name for t in article.tags.order_by("name")] == ["bình đẳng giới", "câu lạc bộ"]

    client.post(reverse("news:submit", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    # Once sent, the author can no longer change it; the editors can.
    assert client.get(reverse("news:edit", args=[article.pk])).status_code == 403
    assert client.post(reverse("news:publish", args=[article.pk])).status_code == 403

    client.force_login(editor())
    assert client.get(reverse("news:edit", args=[article.pk])).status_code == 200
    client.post(reverse("news:publish", args=[article.pk]), {"at": ""})
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.is_public()
    assert list(article.revisions.values_list("action", flat=True)) == [
        Revision.Action.PUBLISHED,
        Revision.Action.SUBMITTED,
        Revision.Action.CREATED,
    ]


def test_it_keeps_a_scheduled_article_invisible_until_its_time(client):
    the_editor = editor()
    article = make_article(by=the_editor, title="Bài hẹn giờ")
    later = timezone.now() + datetime.timedelta(days=1)
    client.force_login(the_editor)

    client.post(
        reverse("news:publish", args=[article.pk]),
        {"at": timezone.localtime(later).strftime("%Y-%m-%dT%H:%M")},
    )
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.revisions.first().action == Revision.Action.SCHEDULED

    client.logout()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert "Bài hẹn giờ" not in client.get(reverse("news:index")).content.decode()

    # Its time comes: nothing has to run for it to appear.
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get(article.get_absolute_url()).status_code == 200


def test_it_unpublishes_and_returns_stories(client):
    the_editor = editor()
    article = make_article(by=UserFactory())
    services.article_submit(article=article, by=article.author)
    client.force_login(the_editor)

    client.post(reverse("news:return", args=[article.pk]), {"note": "Cần thêm ảnh"})
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.revisions.first().note == "Cần thêm ảnh"

    services.article_publish(article=article, by=the_editor)
    client.post(reverse("news:unpublish", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert client.get(reverse("news:history", args=[article.pk])).status_code == 200


def test_it_records_who_edited_and_when(client):
    the_editor = editor()
    article = make_article(by=the_editor)
    client.force_login(the_editor)

    client.post(reverse("news:edit", args=[article.pk]), form_data(title="Tiêu đề đã sửa"))

    revision = article.revisions.first()
    assert (revision.action, revision.by, revision.title) == (
        Revision.Action.EDITED,
        the_editor,
        "Tiêu đề đã sửa",
    )
    page = client.get(reverse("news:history", args=[article.pk])).content.decode()
    assert "Tiêu đề đã sửa" in page
    assert the_editor.full_name in page


# --- Who may do what, for every role --------------------------------------------------------
def roles():
    ward = WardFactory()
    return {
        "member": UserFactory(),
        "ward_official": ward_official(ward),
        "province_official": province_official(ward.province),
        "editor": editor(),
        "site_admin": site_admin(),
    }


def test_it_sends_anonymous_visitors_to_the_login_page(client):
    article = make_article()
    for name in ("newsroom", "create"):
        response = client.get(reverse(f"news:{name}"))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    for name in ("edit", "preview", "history", "publish"):
        assert client.get(reverse(f"news:{name}", args=[article.pk])).status_code == 302


def test_it_shows_drafts_only_to_their_author_and_the_editors(client):
    people = roles()
    article = make_article(by=people["member"])
    others = UserFactory()
    expected = {
        "member": 200,  # the author
        "ward_official": 403,
        "province_official": 403,
        "editor": 200,
        "site_admin": 200,
    }
    for name, user in people.items():
        client.force_login(user)
        assert (
            client.get(reverse("news:preview", args=[article.pk])).status_code == expected[name]
        ), name
    client.force_login(others)
    assert client.get(reverse("news:preview", args=[article.pk])).status_code == 403
    assert client.get(reverse("news:edit", args=[article.pk])).status_code == 403


def test_it_lets_only_editors_and_site_admins_publish(client):
    people = roles()
    for name, user in people.items():
        article = make_article(by=user, title=f"Bài của {name}")
        client.force_login(user)
        client.post(reverse("news:publish", args=[article.pk]), {"at": ""})
        article.refresh_from_db()
        assert (article.status == Status.PUBLISHED) == (name in ("editor", "site_admin")), name


def test_it_refuses_the_services_to_the_wrong_people():
    member = UserFactory()
    article = make_article(by=member)
    with pytest.raises(PermissionDenied):
        services.article_publish(article=article, by=member)
    with pytest.raises(PermissionDenied):
        services.article_submit(article=article, by=UserFactory())
    with pytest.raises(PermissionDenied):
        services.article_update(article=article, by=UserFactory(), data=article_data())
    inactive = UserFactory(is_active=False)
    with pytest.raises(PermissionDenied):
        services.article_create(by=inactive, data=article_data())


def test_it_lists_only_their_own_stories_to_members_and_everything_to_editors(client):
    member = UserFactory()
    make_article(by=member, title="Bài của tôi")
    make_article(title="Bài của người khác")

    client.force_login(member)
    page = client.get(reverse("news:newsroom")).content.decode()
    assert "Bài của tôi" in page
    assert "Bài của người khác" not in page

    client.force_login(editor())
    page = client.get(reverse("news:newsroom")).content.decode()
    assert "Bài của tôi" in page
    assert "Bài của người khác" in page
