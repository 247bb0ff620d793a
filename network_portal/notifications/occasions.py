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

from django.db.models import Q
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
    province_id: int | None = None


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


# --- Reports --------------------------------------------------------------------------------
class ReportRules:
    """Quarterly reports (club chair and ward officials; overdue: also the province's
    reviewers, then weekly) and the ward's yearly report (ward officials, 1 and 7 December
    with the default offsets). Due dates come from `clubs.reports.periods`; what is still
    outstanding from `clubs.reports.selectors`."""

    family = "report"
    templates = ("report_due",)

    def due(self, now: dt.datetime, cfg: ReminderSettings) -> list[Occasion]:
        from clubs.reports import periods, selectors

        today = timezone.localtime(now, LOCAL_TZ).date()
        occasions: list[Occasion] = []
        wanted: list[tuple[Occasion, str, int]] = []  # (occasion, audience, club or ward id)
        for year, quarter in periods.previous_quarters(today, 2):
            period = periods.Period(year, quarter)
            due_day = periods.quarterly_due_date(year, quarter)
            if period.is_locked(today):
                continue
            step = self._quarterly_step(now, due_day, cfg)
            if step is None:
                continue
            suffix, overdue = step
            for club in selectors.outstanding_quarterly(year, quarter):
                occasion = Occasion(
                    f"report:q:{club.pk}:{year}Q{quarter}:{due_day.isoformat()}:{suffix}",
                    Kind.REPORTS,
                    "report_due",
                    {
                        "report_type": "quarterly",
                        "club_id": club.pk,
                        "year": year,
                        "quarter": quarter,
                        "club": club.name,
                        "due": due_day.isoformat(),
                        "overdue": overdue,
                        "url": reverse("reports:club", kwargs={"pk": club.pk}),
                    },
                    ward_id=club.ward_id,
                    province_id=club.ward.province_id,
                )
                wanted.append((occasion, "overdue" if overdue else "due", club.pk))
        year = today.year
        due_day = periods.annual_due_date(year)
        step = self._annual_step(now, due_day, cfg)
        if step is not None:
            for ward in selectors.outstanding_annual(year):
                occasion = Occasion(
                    f"report:y:{ward.pk}:{year}:{due_day.isoformat()}:{step}",
                    Kind.REPORTS,
                    "report_due",
                    {
                        "report_type": "annual",
                        "ward_id": ward.pk,
                        "year": year,
                        "club": ward.name,
                        "due": due_day.isoformat(),
                        "overdue": False,
                        "url": reverse(
                            "reports:annual_for_ward", kwargs={"ward_pk": ward.pk, "year": year}
                        ),
                    },
                    ward_id=ward.pk,
                )
                wanted.append((occasion, "annual", ward.pk))
        if not wanted:
            return occasions
        chairs, ward_officials, province_officials = self._audiences(wanted)
        for occasion, audience, _pk in wanted:
            ids = set(ward_officials.get(occasion.ward_id, ()))
            if audience != "annual":
                ids |= set(chairs.get(occasion.params["club_id"], ()))
            if audience == "overdue":
                ids |= set(province_officials.get(occasion.province_id, ()))
            occasion.recipient_ids = sorted(ids)
            occasions.append(occasion)
        return occasions

    @staticmethod
    def _quarterly_step(now, due_day: dt.date, cfg) -> tuple[str, bool] | None:
        """The latest step of a quarterly report's reminders that has begun at `now`."""
        if now >= local_at(due_day + dt.timedelta(days=1), cfg.morning_hour):
            days_late = (timezone.localtime(now, LOCAL_TZ).date() - due_day).days
            week = (days_late - 1) // max(cfg.overdue_every_days, 1)
            started = local_at(
                due_day + dt.timedelta(days=1 + week * cfg.overdue_every_days), cfg.morning_hour
            )
            if now < started:
                week -= 1
            return f"overdue{max(week, 0)}", True
        if now >= local_at(due_day, cfg.morning_hour):
            return "due", False
        if now >= local_at(due_day - dt.timedelta(days=cfg.report_days_before), cfg.morning_hour):
            return "before", False
        return None

    @staticmethod
    def _annual_step(now, due_day: dt.date, cfg) -> str | None:
        """First and second reminder (1 and 7 December by default); none after the due day."""
        if now >= local_at(due_day + dt.timedelta(days=1), 0):
            return None
        if now >= local_at(
            due_day - dt.timedelta(days=cfg.annual_second_days_before), cfg.morning_hour
        ):
            return "second"
        if now >= local_at(
            due_day - dt.timedelta(days=cfg.annual_first_days_before), cfg.morning_hour
        ):
            return "first"
        return None

    @staticmethod
    def _audiences(wanted):
        """Chairs per club, ward officials per ward, province officials per province: three
        queries whatever the number of clubs."""
        from clubs.models import RosterEntry
        from network_portal.roles.models import Role, RoleAssignment

        club_ids = {o.params["club_id"] for o, audience, _ in wanted if audience != "annual"}
        ward_ids = {o.ward_id for o, _a, _ in wanted}
        province_ids = {o.province_id for o, audience, _ in wanted if audience == "overdue"}
        chairs: dict[int, list[int]] = defaultdict(list)
        for club_id, user_id in RosterEntry.objects.filter(
            club_id__in=club_ids,
            role=RosterEntry.Role.CHAIR,
            left_on__isnull=True,
            user__isnull=False,
            user__is_active=True,
        ).values_list("club_id", "user_id"):
            chairs[club_id].append(user_id)
        ward_officials: dict[int, list[int]] = defaultdict(list)
        province_officials: dict[int, list[int]] = defaultdict(list)
        assignments = RoleAssignment.objects.current().filter(user__is_active=True)
        for role, ward_id, province_id, user_id in assignments.filter(
            Q(role=Role.WARD_OFFICIAL, ward_id__in=ward_ids)
            | Q(role=Role.PROVINCE_OFFICIAL, province_id__in=province_ids)
        ).values_list("role", "ward_id", "province_id", "user_id"):
            if role == Role.WARD_OFFICIAL:
                ward_officials[ward_id].append(user_id)
            else:
                province_officials[province_id].append(user_id)
        return chairs, ward_officials, province_officials

    def holding(self, deliveries: Iterable, now: dt.datetime) -> set[int]:
        """A report reminder holds while the report is still not submitted."""
        from clubs.reports.models import AnnualReport, QuarterlyReport

        deliveries = list(deliveries)
        quarterly = [d for d in deliveries if d.params.get("report_type") == "quarterly"]
        annual = [d for d in deliveries if d.params.get("report_type") == "annual"]
        done_q: set[tuple] = set()
        if quarterly:
            done_q = set(
                QuarterlyReport.objects.filter(
                    club_id__in={d.params["club_id"] for d in quarterly},
                    year__in={d.params["year"] for d in quarterly},
                    first_submitted_at__isnull=False,
                ).values_list("club_id", "year", "quarter")
            )
        done_y: set[tuple] = set()
        if annual:
            done_y = set(
                AnnualReport.objects.filter(
                    ward_id__in={d.params["ward_id"] for d in annual},
                    year__in={d.params["year"] for d in annual},
                    first_submitted_at__isnull=False,
                ).values_list("ward_id", "year")
            )
        kept = set()
        for d in quarterly:
            if (d.params["club_id"], d.params["year"], d.params["quarter"]) not in done_q:
                kept.add(d.pk)
        for d in annual:
            if (d.params["ward_id"], d.params["year"]) not in done_y:
                kept.add(d.pk)
        return kept


# --- Campaigns ------------------------------------------------------------------------------
class CampaignRules:
    """A campaign speaks to the boards of the clubs in its scope (they register the club's
    activities): when it opens (the Action Month on 15 November) and `campaign_days_before_
    close` days before it closes. The dates come from `campaigns.selectors`; a beat that
    was down catches up for `CATCH_UP_DAYS` days."""

    family = "campaign"
    templates = ("campaign",)
    CATCH_UP_DAYS = 3

    def due(self, now: dt.datetime, cfg: ReminderSettings) -> list[Occasion]:
        from campaigns import selectors
        from clubs.models import RosterEntry

        local = timezone.localtime(now, LOCAL_TZ)
        today = local.date()
        if local.hour < cfg.morning_hour:
            today -= dt.timedelta(days=1)  # today's reminders wait for the morning
        found: list[tuple] = []  # (campaign, step, day it is about)
        for back in range(self.CATCH_UP_DAYS):
            day = today - dt.timedelta(days=back)
            for campaign in selectors.campaigns_opening_on(day):
                if campaign.ends_on >= today:
                    found.append((campaign, "open", campaign.starts_on))
            closing = day + dt.timedelta(days=cfg.campaign_days_before_close)
            for campaign in selectors.campaigns_closing_on(closing):
                if campaign.ends_on >= today:
                    found.append((campaign, "close", campaign.ends_on))
        occasions: list[Occasion] = []
        for campaign, step, day in found:
            clubs = selectors.clubs_in_scope(campaign)
            boards: dict[int, list[int]] = defaultdict(list)
            for club_id, user_id in RosterEntry.objects.filter(
                club__in=clubs.values("pk"),
                role__in=RosterEntry.BOARD_ROLES,
                left_on__isnull=True,
                user__isnull=False,
                user__is_active=True,
            ).values_list("club_id", "user_id"):
                boards[club_id].append(user_id)
            for club_id, name, ward_id in clubs.filter(pk__in=list(boards)).values_list(
                "pk", "name", "ward_id"
            ):
                occasions.append(
                    Occasion(
                        f"campaign:{campaign.pk}:{campaign.starts_on.isoformat()}"
                        f"-{campaign.ends_on.isoformat()}:{step}:club{club_id}",
                        Kind.CAMPAIGNS,
                        "campaign",
                        {
                            "campaign_id": campaign.pk,
                            "campaign": campaign.title,
                            "club": name,
                            "starts_on": campaign.starts_on.isoformat(),
                            "ends_on": campaign.ends_on.isoformat(),
                            "day": day.isoformat(),
                            "closing": step == "close",
                            "url": reverse("campaigns:activity_create", kwargs={"pk": campaign.pk}),
                        },
                        recipient_ids=sorted(set(boards[club_id])),
                        ward_id=ward_id,
                    )
                )
        return occasions

    def holding(self, deliveries: Iterable, now: dt.datetime) -> set[int]:
        """Holds while the campaign keeps the dates it had when the reminder was made."""
        from campaigns.models import Campaign

        deliveries = list(deliveries)
        dates = {
            pk: (starts.isoformat(), ends.isoformat())
            for pk, starts, ends in Campaign.objects.filter(
                pk__in={d.params.get("campaign_id") for d in deliveries}
            ).values_list("pk", "starts_on", "ends_on")
        }
        return {
            d.pk
            for d in deliveries
            if dates.get(d.params.get("campaign_id"))
            == (d.params.get("starts_on"), d.params.get("ends_on"))
        }


FAMILIES = [MeetingRules(), ReportRules(), CampaignRules()]


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
