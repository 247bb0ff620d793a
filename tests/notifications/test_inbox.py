"""The bell and the notification centre: unread count, list, mark as read, open."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from network_portal.notifications.models import Delivery
from tests.factories import PASSWORD, UserFactory
from tests.notifications.factories import at
from tests.notifications.helpers import run


def _login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


@pytest.fixture
def reminded(world):
    run(at(2026, 12, 7, 7, 0))
    return world


BELL = Template("{% load notifications_tags %}{% unread_notifications as n %}{{ n }}")


def _bell(user):
    request = RequestFactory().get("/")
    request.user = user
    return BELL.render(Context({"request": request, "user": user}))


def test_it_counts_unread_notifications_with_one_query_then_none(
    reminded, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert _bell(reminded.member) == "1"
    with django_assert_num_queries(0):  # the next pages, from the cache
        assert _bell(reminded.member) == "1"


def test_it_updates_the_count_when_a_reminder_arrives_or_is_read(reminded):
    assert _bell(reminded.member) == "1"
    run(at(2026, 12, 10, 7, 0))
    assert _bell(reminded.member) == "2"
    from network_portal.notifications import services

    services.notifications_mark_read(user=reminded.member)
    assert _bell(reminded.member) == "0"


def test_it_shows_the_bell_with_the_unread_count_in_the_header(client, reminded):
    _login(client, reminded.member)
    html = client.get(reverse("home")).content.decode()
    assert 'data-testid="bell"' in html
    assert "(1<span" in html


def test_it_shows_no_bell_to_anonymous_visitors(client, db):
    assert 'data-testid="bell"' not in client.get(reverse("home")).content.decode()


def test_it_lists_my_notifications_only(client, reminded):
    _login(client, reminded.outsider)
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 200
    assert b'data-testid="notification"' not in response.content
    _login(client, reminded.member)
    response = client.get(reverse("notifications:inbox"))
    assert response.content.decode().count('data-testid="notification"') == 1
    assert "Nhắc lịch: " in response.content.decode()


def test_it_asks_anonymous_visitors_to_log_in(client, db):
    response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_marks_one_notification_read(client, reminded):
    _login(client, reminded.member)
    mine = Delivery.objects.get(recipient=reminded.member, channel="inapp")
    response = client.post(reverse("notifications:mark_read"), {"id": [str(mine.pk)]})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.read_at is not None
    html = client.get(reverse("home")).content.decode()
    assert 'data-testid="unread-count"' not in html


def test_it_never_marks_someone_elses_notification(client, reminded):
    theirs = Delivery.objects.get(recipient=reminded.chair, channel="inapp")
    _login(client, reminded.member)
    client.post(reverse("notifications:mark_read"), {"id": [str(theirs.pk), "abc", "-1"]})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_it_marks_all_read(client, reminded):
    run(at(2026, 12, 10, 7, 0))
    _login(client, reminded.member)
    assert Delivery.objects.filter(recipient=reminded.member, read_at__isnull=True).count() == 4
    client.post(reverse("notifications:mark_read"))
    assert not Delivery.objects.filter(
        recipient=reminded.member, channel="inapp", read_at__isnull=True
    ).exists()


def test_it_opens_a_notification_at_its_meeting_and_marks_it_read(client, reminded):
    mine = Delivery.objects.get(recipient=reminded.member, channel="inapp")
    _login(client, reminded.member)
    response = client.get(reverse("notifications:open", args=[mine.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("clubs:meeting", kwargs={"pk": reminded.meeting.pk})
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_it_does_not_open_someone_elses_notification(client, reminded):
    theirs = Delivery.objects.get(recipient=reminded.chair, channel="inapp")
    _login(client, reminded.member)
    assert client.get(reverse("notifications:open", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def _notifications(user, count):
    Delivery.objects.bulk_create(
        [
            Delivery(
                recipient=user,
                occasion=f"test:{i}",
                channel="inapp",
                kind="meetings",
                template="meeting_ahead",
                params={
                    "meeting_id": 1,
                    "starts_at": "2026-12-10T19:30:00+07:00",
                    "title": f"Buổi {i}",
                    "club": "CLB",
                    "place": "",
                    "url": "/clubs/meetings/1/",
                },
                status="sent",
                created_at=at(2026, 12, 1),
                sent_at=at(2026, 12, 1),
            )
            for i in range(count)
        ]
    )


@pytest.mark.parametrize("count", [3, 30])
def test_it_pins_the_inbox_queries(client, db, count, django_assert_num_queries):
    user = UserFactory()
    _notifications(user, count)
    _login(client, user)
    # session, user, role scope (menu), bell count, page count, page rows
    with django_assert_num_queries(INBOX_QUERIES):
        response = client.get(reverse("notifications:inbox"))
    assert response.status_code == 200


INBOX_QUERIES = 6
