"""The notifications part of the demo: a meeting tomorrow evening, so that the beat's first
scan (within a minute of `make run`) sends its reminders to the console and the bell."""

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
        ReminderSettings.objects.create()
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
