"""Preferences: kinds × channels, the daily digest, the language of e-mails."""

from django.core import mail
from django.urls import reverse

from network_portal.notifications import services
from network_portal.notifications.models import Delivery, Preference
from tests.factories import PASSWORD
from tests.notifications.factories import at
from tests.notifications.helpers import recipients, run


def _login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


def _everything_on():
    return {
        f"{kind}__{channel}": "on"
        for kind in ("meetings", "minutes", "reports", "campaigns")
        for channel in ("email", "inapp")
    }


def test_it_shows_every_kind_and_channel_ticked_by_default(client, world):
    _login(client, world.member)
    html = client.get(reverse("notifications:preferences")).content.decode()
    assert html.count('type="checkbox"') == 9  # 4 kinds × 2 channels + the digest
    assert html.count("checked") == 8
    assert "Nhắc lịch sinh hoạt và báo hủy" in html


def test_it_saves_choices_and_stops_the_e_mails_turned_off(client, world):
    _login(client, world.member)
    data = _everything_on() | {"language": "vi"}
    del data["meetings__email"]
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    assert Preference.objects.get(user=world.member).muted == ["meetings:email"]
    run(at(2026, 12, 7, 7, 0))
    assert world.member.pk not in recipients("meeting_ahead", "email")
    assert world.member.pk in recipients("meeting_ahead", "inapp")
    assert world.member.email not in [m.to[0] for m in mail.outbox]


def test_it_refuses_an_unknown_language_and_saves_nothing(client, world):
    _login(client, world.member)
    response = client.post(
        reverse("notifications:preferences"), {"language": "fr", "daily_digest": "on"}
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Preference.objects.exists()


def test_it_ignores_fields_it_does_not_know(client, world):
    _login(client, world.member)
    data = _everything_on() | {"language": "en", "sms__email": "on", "muted": "x"}
    assert client.post(reverse("notifications:preferences"), data).status_code == 302
    preference = Preference.objects.get(user=world.member)
    assert preference.muted == []
    assert preference.language == "en"


def test_it_asks_anonymous_visitors_to_log_in(client, db):
    assert client.get(reverse("notifications:preferences")).status_code == 302


def test_it_refuses_to_change_another_persons_choices(world):
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.preference_update(
            user=world.chair, language="vi", daily_digest=False, wanted=set(), by=world.member
        )


def test_it_gathers_the_day_in_one_digest(world):
    Preference.objects.create(user=world.member, daily_digest=True)
    run(at(2026, 12, 7, 7, 0))
    assert world.member.email not in [m.to[0] for m in mail.outbox]
    assert world.member.pk in recipients("meeting_ahead", "inapp")  # the bell is immediate
    services.digests_send(now=at(2026, 12, 7, 17, 59), claim="d")
    assert world.member.email not in [m.to[0] for m in mail.outbox]
    mail.outbox = []
    services.digests_send(now=at(2026, 12, 7, 18, 0), claim="d")
    services.digests_send(now=at(2026, 12, 7, 18, 1), claim="d2")
    [digest] = mail.outbox
    assert digest.to == [world.member.email]
    assert digest.subject == "Nhắc việc trong ngày của bạn (1)"
    assert "10/12/2026 19:30" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    assert Delivery.objects.get(recipient=world.member, occasion="digest:2026-12-07").status == (
        "sent"
    )


def test_it_sends_what_came_after_the_digest_in_the_next_days_digest(world):
    Preference.objects.create(user=world.member, daily_digest=True)
    run(at(2026, 12, 7, 7, 0))
    services.digests_send(now=at(2026, 12, 7, 18, 0), claim="d")
    mail.outbox = []
    world.meeting.status = "cancelled"
    world.meeting.save(update_fields=["status"])
    run(at(2026, 12, 7, 19, 0))
    services.digests_send(now=at(2026, 12, 7, 19, 0), claim="d3")
    assert world.member.email not in [m.to[0] for m in mail.outbox]
    services.digests_send(now=at(2026, 12, 8, 18, 0), claim="d4")
    digest = [m for m in mail.outbox if m.to == [world.member.email]]
    assert len(digest) == 1
    assert "Hủy" in digest[0].body


def test_it_retries_a_digest_the_mail_server_refused_and_sends_it_once(world, settings):
    import pytest

    from network_portal.notifications.channels import MailServerError
    from tests.notifications.backends import script

    settings.EMAIL_BACKEND = "tests.notifications.backends.ScriptedBackend"
    Preference.objects.create(user=world.member, daily_digest=True)
    run(at(2026, 12, 7, 7, 0))
    script(open_fails=1)
    with pytest.raises(MailServerError):
        services.digests_send(now=at(2026, 12, 7, 18, 0), claim="digest-task")
    run(at(2026, 12, 7, 18, 1))  # the next beat leaves the digest alone
    assert Delivery.objects.get(occasion="digest:2026-12-07").status == "pending"
    services.digests_send(now=at(2026, 12, 7, 18, 2), claim="digest-task")
    services.digests_send(now=at(2026, 12, 7, 18, 3), claim="another")
    assert [m.to for m in mail.outbox] == [[world.member.email]]
    assert Delivery.objects.get(occasion="digest:2026-12-07").status == "sent"
