"""The notifications part of the demo: a meeting tomorrow evening and a report deadline the
reminders already speak of, so that the beat's first scan (within a minute of `make run`)
sends reminders to the console and the bell.

The reminder settings row is created once, with the defaults except for one offset: the
first reminder of the next report deadline (the yearly report's or the next quarter's) is
moved to today, so the quick start shows a report reminder whatever day it is run on.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .models import Preference, ReminderSettings
from .occasions import LOCAL_TZ

DEMO_TOPIC = "Nam giới chia sẻ việc nhà – buổi trao đổi thêm"


def seed(ctx) -> None:
    from clubs import services as club_services
    from clubs.models import Meeting

    if not ReminderSettings.objects.exists():
        ReminderSettings.objects.create(**_report_due_soon(timezone.localdate(timezone=LOCAL_TZ)))
    clubs = ctx.extra.get("clubs") or {}
    club = clubs.get("hai_chau")
    if club is not None:
        tomorrow = timezone.localdate(timezone=LOCAL_TZ) + dt.timedelta(days=1)
        starts = dt.datetime.combine(tomorrow, dt.time(19, 30), tzinfo=LOCAL_TZ)
        exists = Meeting.objects.filter(
            club=club, custom_topic=DEMO_TOPIC, starts_at=starts
        ).exists()
        if not exists:
            club_services.meeting_save(
                meeting=Meeting(
                    club=club,
                    kind=Meeting.Kind.OTHER,
                    custom_topic=DEMO_TOPIC,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=90),
                    place=club.meeting_place,
                    agenda="Chia sẻ kinh nghiệm phân công việc nhà trong gia đình.",
                ),
                by=ctx.users["ward_official"],
            )
    # One demo person takes a daily digest, another reads e-mails in English.
    Preference.objects.get_or_create(user=ctx.users["vice_chair"], defaults={"daily_digest": True})
    Preference.objects.get_or_create(user=ctx.users["p11"], defaults={"language": "en"})


def _report_due_soon(today: dt.date) -> dict:
    """The one offset that makes the next report deadline's first reminder due today."""
    from clubs.reports import periods

    defaults = ReminderSettings()
    annual = (periods.annual_due_date(today.year) - today).days
    quarterly = min(
        (periods.quarterly_due_date(year, quarter) - today).days
        for year in (today.year - 1, today.year)
        for quarter in (1, 2, 3, 4)
        if periods.quarterly_due_date(year, quarter) >= today
    )
    if 0 <= annual <= quarterly:
        return {"annual_first_days_before": max(annual, defaults.annual_second_days_before + 1)}
    return {"report_days_before": max(quarterly, defaults.report_days_before)}
