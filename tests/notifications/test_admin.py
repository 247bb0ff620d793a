"""Site administrators set the reminder offsets in the Django admin (the only place for it)."""

from django.urls import reverse

from network_portal.notifications.models import ReminderSettings
from tests.factories import site_admin, ward_official


def test_it_lets_the_site_administrator_change_the_offsets(client, world):
    admin = site_admin()
    client.force_login(admin)
    url = reverse("admin:notifications_remindersettings_add")
    assert client.get(url).status_code == 200
    data = {
        "meeting_days_before": "2",
        "morning_hour": "6",
        "minutes_after_days": "2",
        "report_days_before": "7",
        "overdue_every_days": "7",
        "annual_first_days_before": "9",
        "annual_second_days_before": "3",
        "campaign_days_before_close": "7",
        "digest_hour": "18",
    }
    assert client.post(url, data).status_code == 302
    assert ReminderSettings.current().meeting_days_before == 2
    # one row only: no second "add"
    assert client.get(url).status_code == 403


def test_it_refuses_an_hour_outside_the_day(client, world):
    client.force_login(site_admin())
    url = reverse("admin:notifications_remindersettings_add")
    data = {
        "meeting_days_before": "3",
        "morning_hour": "25",
        "minutes_after_days": "2",
        "report_days_before": "7",
        "overdue_every_days": "7",
        "annual_first_days_before": "9",
        "annual_second_days_before": "3",
        "campaign_days_before_close": "7",
        "digest_hour": "18",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "nhỏ hơn hoặc bằng với 23" in response.content.decode()
    assert not ReminderSettings.objects.exists()


def test_it_keeps_officials_out_of_the_admin(client, world):
    client.force_login(ward_official(world.club.ward))
    response = client.get(reverse("admin:notifications_remindersettings_changelist"))
    assert response.status_code == 302


def test_it_shows_the_delivery_log_in_the_admin_read_only(client, world):
    from tests.notifications.factories import at
    from tests.notifications.helpers import run

    run(at(2026, 12, 7, 7, 0))
    client.force_login(site_admin())
    assert client.get(reverse("admin:notifications_delivery_changelist")).status_code == 200
    assert client.get(reverse("admin:notifications_delivery_add")).status_code == 403
