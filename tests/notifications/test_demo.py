"""`make run`: the demo leaves a meeting tomorrow, so the first scan sends its reminders."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from clubs.models import Meeting
from network_portal.notifications import tasks
from network_portal.notifications.demo import DEMO_TOPIC
from network_portal.notifications.models import Delivery, Preference, ReminderSettings

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", stdout=StringIO())


def test_it_leaves_a_meeting_tomorrow_that_the_first_scan_reminds(
    django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    from network_portal.celery import app

    app.conf.task_always_eager = True
    try:
        _seed()
        meeting = Meeting.objects.get(custom_topic=DEMO_TOPIC)
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        assert timezone.localtime(meeting.starts_at).date() == tomorrow
        with django_capture_on_commit_callbacks(execute=True):
            tasks.scan_and_send.apply()
    finally:
        app.conf.task_always_eager = False
    reminded = Delivery.objects.filter(occasion__startswith=f"meeting:{meeting.pk}:")
    assert reminded.filter(channel="inapp", status="sent").count() >= 7
    assert any(m.to == ["chunhiem@example.com"] for m in mail.outbox)
    assert any(m.to == ["thanhvien@example.com"] for m in mail.outbox)
    # and a report deadline: the ward official hears of it
    assert Delivery.objects.filter(
        template="report_due", recipient__email="canbophuong@example.com", status="sent"
    ).exists()
    assert any(m.to == ["canbophuong@example.com"] and "báo cáo" in m.subject for m in mail.outbox)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 23), {"annual_first_days_before": 17}),
        (dt.date(2026, 12, 5), {"annual_first_days_before": 5}),
        (dt.date(2026, 12, 11), {"report_days_before": 30}),
        (dt.date(2026, 4, 2), {"report_days_before": 8}),
        (dt.date(2026, 4, 8), {"report_days_before": 7}),
    ],
)
def test_it_moves_the_next_report_reminder_to_today(today, expected):
    from network_portal.notifications.demo import _report_due_soon

    assert _report_due_soon(today) == expected


def test_it_can_run_again_without_adding_anything():
    _seed()
    counts = (
        Meeting.objects.filter(custom_topic=DEMO_TOPIC).count(),
        Preference.objects.count(),
        ReminderSettings.objects.count(),
    )
    _seed()
    assert counts == (
        Meeting.objects.filter(custom_topic=DEMO_TOPIC).count(),
        Preference.objects.count(),
        ReminderSettings.objects.count(),
    )
    assert counts[0] == 1
