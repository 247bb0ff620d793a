"""The reminder rules: what is due at a given moment, read from the data itself.

Each rule family (meetings, reports, campaigns) answers two questions:
- `due(now, cfg)`: the occasions due now, each with its recipients;
- `holding(deliveries, now)`: which pending deliveries still apply when they are sent
  (a meeting that was moved or cancelled since).

An occasion's key names the thing *and its moment* (a meeting's start time, a report's due
date), so a moved meeting gets new keys — new reminders — and the old ones no longer hold.
Rules never know about channels or preferences; `services.scan` does the fan-out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from .models import Kind, ReminderSettings

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MINUTES_LOOKBACK_DAYS = 14  # a meeting older than this no longer asks for its minutes


@dataclass
class Occasion:
    key: str
    kind: str
    template: str
    params: dict
    recipient_ids: list[int] = field(default_factory=list)
    ward_id: int | None = None


def local_at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LOCAL_TZ)


def stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%MZ")


# --- Meetings -------------------------------------------------------------------------------
class MeetingRules:
    family = "meeting"
    templates = ("meeting_ahead", "meeting_day", "meeting_cancelled", "meeting_minutes")

    def due(self, now: dt.datetime, cfg: ReminderSettings) -> list[Occasion]:
        from clubs.models import Meeting, RosterEntry

        horizon = now + dt.timedelta(days=cfg.meeting_days_before + 1)
        lookback = now - dt.timedelta(days=cfg.minutes_after_days + MINUTES_LOOKBACK_DAYS)
        upcoming = Meeting.objects.filter(
            starts_at__gt=now,
            starts_at__lte=horizon,
            status__in=[
                Meeting.Status.PLANNED,
                Meeting.Status.CANCELLED,
                Meeting.Status.POSTPONED,
            ],
        )
        past = Meeting.objects.filter(
            starts_at__gte=lookback,
            starts_at__lte=now,
            status__in=[Meeting.Status.PLANNED, Meeting.Status.HELD],
            minutes="",
        )
        meetings = list(
            (upcoming | past)
            .select_related("club", "topic")
            .only(
                "pk",
                "starts_at",
                "status",
                "place",
                "kind",
                "custom_topic",
                "club__name",
                "club__ward_id",
                "club__meeting_place",
                "topic__name",
            )
        )
        occasions: list[tuple[Occasion, int, bool]] = []  # (occasion, club id, board only)
        for meeting in meetings:
            occasion = self._occasion(meeting, now, cfg)
            if occasion is not None:
                board_only = occasion.template == "meeting_minutes"
                occasions.append((occasion, meeting.club_id, board_only))
        if not occasions:
            return []
        members: dict[int, list[int]] = defaultdict(list)
        board: dict[int, list[int]] = defaultdict(list)
        for club_id, user_id, role in RosterEntry.objects.filter(
            club_id__in={club_id for _o, club_id, _b in occasions},
            left_on__isnull=True,
            user__isnull=False,
            user__is_active=True,
        ).values_list("club_id", "user_id", "role"):
            members[club_id].append(user_id)
            if role in RosterEntry.BOARD_ROLES:
                board[club_id].append(user_id)
        for occasion, club_id, board_only in occasions:
            occasion.recipient_ids = sorted(set((board if board_only else members)[club_id]))
        return [occasion for occasion, _c, _b in occasions]

    def _occasion(self, meeting, now, cfg) -> Occasion | None:
        from clubs.models import Meeting

        start_day = timezone.localtime(meeting.starts_at, LOCAL_TZ).date()
        base = f"meeting:{meeting.pk}:{stamp(meeting.starts_at)}"
        params = {
            "meeting_id": meeting.pk,
            "starts_at": meeting.starts_at.isoformat(),
            "title": meeting.title,
            "club": meeting.club.name,
            "place": meeting.place or meeting.club.meeting_place,
            "url": reverse("clubs:meeting", kwargs={"pk": meeting.pk}),
        }

        def make(suffix: str, template: str, kind: str = Kind.MEETINGS, **extra) -> Occasion:
            return Occasion(
                f"{base}:{suffix}",
                kind,
                template,
                {**params, **extra},
                ward_id=meeting.club.ward_id,
            )

        if meeting.starts_at <= now:
            minutes_due = local_at(start_day + dt.timedelta(days=cfg.minutes_after_days), 0)
            minutes_due = local_at(minutes_due.date(), cfg.morning_hour)
            if now >= minutes_due:
                return make(
                    "minutes",
                    "meeting_minutes",
                    Kind.MINUTES,
                    url=reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
                )
            return None
        if meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.POSTPONED):
            return make("cancelled", "meeting_cancelled", status=meeting.status)
        day_from = min(
            local_at(start_day, cfg.morning_hour), meeting.starts_at - dt.timedelta(hours=2)
        )
        if now >= day_from:
            return make("day", "meeting_day")
        ahead_from = local_at(
            start_day - dt.timedelta(days=cfg.meeting_days_before), cfg.morning_hour
        )
        if now >= ahead_from:
            return make("ahead", "meeting_ahead")
        return None

    def holding(self, deliveries: Iterable, now: dt.datetime) -> set[int]:
        """Ids of the deliveries whose meeting is still as it was when they were created."""
        from clubs.models import Meeting

        deliveries = list(deliveries)
        state = {
            row["pk"]: row
            for row in Meeting.objects.filter(
                pk__in={d.params.get("meeting_id") for d in deliveries}
            ).values("pk", "status", "starts_at", "minutes")
        }
        kept = set()
        for delivery in deliveries:
            meeting = state.get(delivery.params.get("meeting_id"))
            if meeting is None or meeting["starts_at"].isoformat() != delivery.params["starts_at"]:
                continue
            status = meeting["status"]
            if delivery.template in ("meeting_ahead", "meeting_day"):
                ok = status == Meeting.Status.PLANNED and meeting["starts_at"] > now
            elif delivery.template == "meeting_cancelled":
                ok = status == delivery.params.get("status")
            else:
                ok = not meeting["minutes"] and status in (
                    Meeting.Status.PLANNED,
                    Meeting.Status.HELD,
                )
            if ok:
                kept.add(delivery.pk)
        return kept


FAMILIES = [MeetingRules()]


def due(now: dt.datetime, cfg: ReminderSettings) -> Iterator[Occasion]:
    for family in FAMILIES:
        yield from family.due(now, cfg)


def holding(deliveries: list, now: dt.datetime) -> set[int]:
    """Ids of the deliveries that still apply; a template no family knows never holds."""
    kept: set[int] = set()
    for family in FAMILIES:
        mine = [d for d in deliveries if d.template in family.templates]
        if mine:
            kept |= family.holding(mine, now)
    return kept
