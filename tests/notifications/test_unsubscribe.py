"""One-click unsubscribe: a signed link, a confirmation page, RFC 8058 POST."""

from django.core import mail
from django.urls import reverse

from network_portal.notifications.models import Preference
from network_portal.notifications.tokens import make_token
from tests.notifications.factories import at
from tests.notifications.helpers import recipients, run


def _url(user, kinds=("meetings",)):
    return reverse("notifications:unsubscribe", kwargs={"token": make_token(user.pk, list(kinds))})


def test_it_asks_before_unsubscribing_so_link_checkers_change_nothing(client, world):
    response = client.get(_url(world.member))
    assert response.status_code == 200
    assert "Ngừng nhận những thư này?" in response.content.decode()
    assert not Preference.objects.exists()


def test_it_unsubscribes_from_that_kind_only(client, world):
    response = client.post(_url(world.member))
    assert response.status_code == 200
    assert "Bạn đã hủy đăng ký" in response.content.decode()
    assert Preference.objects.get(user=world.member).muted == ["meetings:email"]
    run(at(2026, 12, 7, 7, 0))
    assert world.member.email not in [m.to[0] for m in mail.outbox]
    assert world.member.pk in recipients("meeting_ahead", "inapp")
    mail.outbox = []
    run(at(2026, 12, 12, 7, 0))  # another kind (minutes) still comes to the board
    assert world.board.email in [m.to[0] for m in mail.outbox]


def test_it_accepts_the_mail_clients_one_click_post_without_a_session(world):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        _url(world.member),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert Preference.objects.get(user=world.member).muted == ["meetings:email"]


def test_it_stops_mails_already_waiting_of_that_kind(client, world):
    from network_portal.notifications import services

    services.scan(now=at(2026, 12, 7, 7, 0))
    client.post(_url(world.member))
    run(at(2026, 12, 7, 7, 1))
    assert world.member.email not in [m.to[0] for m in mail.outbox]


def test_it_rejects_a_damaged_or_forged_link(client, world):
    token = make_token(world.member.pk, ["meetings"])
    for bad in (token[:-3] + "abc", "x", token.replace(":", "")):
        url = reverse("notifications:unsubscribe", kwargs={"token": bad})
        response = client.post(url)
        assert response.status_code == 400
        assert "không hợp lệ" in response.content.decode()
    assert not Preference.objects.exists()


def test_it_leaves_the_digest_when_unsubscribing_from_it(client, world):
    Preference.objects.create(user=world.member, daily_digest=True)
    client.post(_url(world.member, ("digest", "meetings")))
    preference = Preference.objects.get(user=world.member)
    assert preference.daily_digest is False
    assert preference.muted == ["meetings:email"]
