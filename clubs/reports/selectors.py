"""Reads for the report pages and dashboards: aggregated in SQL, scoped to the user.

Dashboards cost a fixed number of queries whatever the number of clubs: the rows of a page
come from one annotated query, the reports of those rows from one more.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from clubs.models import Club, Meeting, composition_aggregates
from network_portal.places.models import Ward
from network_portal.roles import permissions

from . import periods
from .models import AnnualReport, QuarterlyReport, Status
from .periods import Period, Timeliness, end_of_day, start_of_day

EXPECTED_STATUSES = (Club.Status.LAUNCHED, Club.Status.ACTIVE)
SUMMED_FIELDS = (
    "meetings_planned",
    "meetings_held",
    "attendance_men",
    "attendance_women",
    "attendance_other",
    "activities_happiness_day",
    "activities_family_day",
    "activities_action_month",
    "activities_other",
    "members_joined",
    "members_left",
    "radio_broadcasts",
    "talks",
    "leaflets",
    "posters",
)


def expected_clubs() -> QuerySet[Club]:
    """Clubs expected to report: launched or active."""
    return Club.objects.filter(status__in=EXPECTED_STATUSES)


# --- Single reports -------------------------------------------------------------------------
def quarterly_for_page(pk: int) -> QuarterlyReport:
    return get_object_or_404(
        QuarterlyReport.objects.select_related(
            "club__ward__province", "submitted_by", "reviewed_by", "created_by"
        ),
        pk=pk,
    )


def annual_for_page(pk: int) -> AnnualReport:
    return get_object_or_404(
        AnnualReport.objects.select_related(
            "ward__province", "submitted_by", "reviewed_by", "created_by"
        ),
        pk=pk,
    )


def history(report):
    return report.events.select_related("by").order_by("at", "pk")


def attachments(report):
    return report.attachments.select_related("uploaded_by").order_by("uploaded_at", "pk")


def club_reports_of_year(club: Club, year: int) -> list[dict]:
    """The four quarters of a year for one club: period, report (or None), timeliness."""
    reports = {r.quarter: r for r in QuarterlyReport.objects.filter(club=club, year=year)}
    for report in reports.values():
        report.club = club  # already loaded: no query per quarter
    rows = []
    for quarter in (1, 2, 3, 4):
        period = Period(year, quarter)
        report = reports.get(quarter)
        rows.append(
            {
                "period": period,
                "report": report,
                "timeliness": periods.timeliness(
                    due=period.due,
                    first_submitted_at=report.first_submitted_at if report else None,
                    status=report.status if report else None,
                ),
            }
        )
    return rows


def annual_totals(ward: Ward, year: int) -> dict:
    """The ward's clubs' quarterly reports of the year (submitted or accepted), summed."""
    reports = QuarterlyReport.objects.filter(
        club__ward=ward, year=year, status__in=[Status.SUBMITTED, Status.ACCEPTED]
    )
    totals = reports.aggregate(
        reports=Count("pk"), **{name: Coalesce(Sum(name), 0) for name in SUMMED_FIELDS}
    )
    by_quarter = {
        row["quarter"]: row
        for row in reports.values("quarter")
        .annotate(
            reports=Count("pk"),
            meetings_held=Sum("meetings_held"),
            meetings_planned=Sum("meetings_planned"),
            attendance=Sum("attendance_men") + Sum("attendance_women") + Sum("attendance_other"),
        )
        .order_by()
    }
    clubs = expected_clubs().filter(ward=ward).count()
    totals["clubs"] = clubs
    totals["quarters"] = [
        {
            "quarter": q,
            **by_quarter.get(
                q, {"reports": 0, "meetings_held": 0, "meetings_planned": 0, "attendance": 0}
            ),
        }
        for q in (1, 2, 3, 4)
    ]
    totals["attendance"] = (
        totals["attendance_men"] + totals["attendance_women"] + totals["attendance_other"]
    )
    return totals


def annual_cases(ward: Ward, year: int) -> dict:
    from clubs.models import Case

    from .figures import cases_summary

    return cases_summary(Case.objects.filter(club__ward=ward), Period(year))


# --- Waiting for review, due and overdue ----------------------------------------------------
def waiting_for_review(user) -> QuerySet[QuarterlyReport]:
    """Submitted quarterly reports the user may review (not their own)."""
    wards = permissions.wards_overseen(user)
    return (
        QuarterlyReport.objects.filter(status=Status.SUBMITTED, club__ward__in=wards)
        .exclude(submitted_by=user)
        .select_related("club__ward", "submitted_by")
        .order_by("submitted_at", "pk")
    )


def annual_waiting_for_review(user) -> QuerySet[AnnualReport]:
    provinces = None if permissions.is_site_admin(user) else permissions.scope_of(user).province_ids
    reports = AnnualReport.objects.filter(status=Status.SUBMITTED).exclude(submitted_by=user)
    if provinces is not None:
        reports = reports.filter(ward__province_id__in=provinces)
    return reports.select_related("ward__province", "submitted_by").order_by("submitted_at")


def outstanding_quarterly(year: int, quarter: int) -> QuerySet[Club]:
    """Clubs expected to report on the quarter that have not submitted (none, or a draft).

    For reminders (issue 8): compare `periods.quarterly_due_date(year, quarter)` with today
    to tell *due* from *overdue*.
    """
    submitted = QuarterlyReport.objects.filter(
        year=year, quarter=quarter, first_submitted_at__isnull=False
    ).values("club_id")
    return (
        expected_clubs()
        .exclude(pk__in=submitted)
        .select_related("ward__province")
        .order_by("ward__province__name", "ward__name", "name")
    )


def outstanding_annual(year: int) -> QuerySet[Ward]:
    """Wards with clubs expected to report whose yearly report is not submitted."""
    submitted = AnnualReport.objects.filter(year=year, first_submitted_at__isnull=False).values(
        "ward_id"
    )
    return (
        Ward.objects.filter(clubs__status__in=EXPECTED_STATUSES)
        .exclude(pk__in=submitted)
        .distinct()
        .select_related("province")
        .order_by("province__name", "name")
    )


def reports_due(on: dt.date | None = None) -> list[dict]:
    """The periods whose reports are due or overdue and not yet locked on `on`, with what is
    outstanding for each: [{"period", "due", "overdue", "clubs" or "wards"}]."""
    on = on or periods.today()
    result = []
    for year, quarter in periods.previous_quarters(on, 2):
        period = Period(year, quarter)
        if not period.is_locked(on):
            result.append(
                {
                    "period": period,
                    "due": period.due,
                    "overdue": on > period.due,
                    "clubs": outstanding_quarterly(year, quarter),
                }
            )
    year_period = Period(on.year)
    if on >= dt.date(on.year, 11, 1) and not year_period.is_locked(on):
        result.append(
            {
                "period": year_period,
                "due": year_period.due,
                "overdue": on > year_period.due,
                "wards": outstanding_annual(on.year),
            }
        )
    return result


# --- Ward dashboard -------------------------------------------------------------------------
def _meetings_subquery(year: int, *, held: bool) -> Subquery:
    meetings = Meeting.objects.filter(
        club=OuterRef("pk"),
        kind=Meeting.Kind.REGULAR,
        starts_at__gte=start_of_day(dt.date(year, 1, 1)),
        starts_at__lt=end_of_day(dt.date(year, 12, 31)),
    )
    if held:
        meetings = meetings.filter(status=Meeting.Status.HELD)
    counted = meetings.order_by().values("club").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def ward_dashboard_clubs(ward: Ward, year: int, *, name: str = "") -> QuerySet[Club]:
    clubs = Club.objects.filter(ward=ward).exclude(status=Club.Status.DISSOLVED)
    if name:
        clubs = clubs.filter(name__icontains=name)
    return clubs.annotate(
        **composition_aggregates("roster"),
        meetings_planned_year=_meetings_subquery(year, held=False),
        meetings_held_year=_meetings_subquery(year, held=True),
    ).order_by("name", "pk")


@dataclass
class ClubRow:
    club: Club
    cells: list[dict] = field(default_factory=list)

    @property
    def meetings_percent(self) -> int:
        planned = self.club.meetings_planned_year
        return min(100, round(100 * self.club.meetings_held_year / planned)) if planned else 0


def ward_dashboard_rows(clubs, year: int, *, on: dt.date | None = None) -> list[ClubRow]:
    """One row per club of the page, with its four quarters: one query for the reports."""
    clubs = list(clubs)
    reports = {
        (r.club_id, r.quarter): r
        for r in QuarterlyReport.objects.filter(club__in=clubs, year=year).only(
            "pk", "club_id", "quarter", "status", "first_submitted_at"
        )
    }
    rows = []
    for club in clubs:
        row = ClubRow(club)
        for quarter in (1, 2, 3, 4):
            period = Period(year, quarter)
            report = reports.get((club.pk, quarter))
            value = periods.timeliness(
                due=period.due,
                first_submitted_at=report.first_submitted_at if report else None,
                status=report.status if report else None,
                on=on,
            )
            row.cells.append(
                {
                    "quarter": quarter,
                    "report": report,
                    "draft": report is not None and report.first_submitted_at is None,
                    "timeliness": value,
                    "label": Timeliness.LABELS[value],
                }
            )
        rows.append(row)
    return rows


# --- Province dashboard ---------------------------------------------------------------------
def _quarter_filters(prefix: str, year: int, quarter: int) -> tuple[Q, Q]:
    """(submitted, on time) conditions for reports of one quarter, through `prefix`."""
    due_end = end_of_day(Period(year, quarter).due)
    base = {
        f"{prefix}year": year,
        f"{prefix}quarter": quarter,
        f"{prefix}first_submitted_at__isnull": False,
    }
    submitted = Q(**base)
    on_time = Q(**base, **{f"{prefix}first_submitted_at__lt": due_end})
    return submitted, on_time


def province_wards(province, year: int, *, name: str = "", with_clubs: bool = True):
    """Wards of the province with expected clubs, reports submitted and on time per quarter."""
    annotations = {
        "expected": Count("clubs", filter=Q(clubs__status__in=EXPECTED_STATUSES), distinct=True)
    }
    for quarter in (1, 2, 3, 4):
        submitted, on_time = _quarter_filters("clubs__reports__", year, quarter)
        status_ok = Q(clubs__status__in=EXPECTED_STATUSES)
        annotations[f"q{quarter}_submitted"] = Count("clubs__reports", filter=submitted & status_ok)
        annotations[f"q{quarter}_on_time"] = Count("clubs__reports", filter=on_time & status_ok)
    wards = Ward.objects.filter(province=province)
    if name:
        wards = wards.filter(name__icontains=name)
    wards = wards.annotate(**annotations)
    if with_clubs:
        wards = wards.filter(expected__gt=0)
    return wards.order_by("name", "pk")


def rate(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def ward_rows(wards, year: int, *, on: dt.date | None = None) -> list[dict]:
    on = on or periods.today()
    rows = []
    for ward in wards:
        cells = []
        for quarter in (1, 2, 3, 4):
            submitted = getattr(ward, f"q{quarter}_submitted")
            on_time = getattr(ward, f"q{quarter}_on_time")
            due = on > Period(year, quarter).due
            cells.append(
                {
                    "quarter": quarter,
                    "submitted": submitted,
                    "on_time": on_time,
                    "due": due,
                    "reporting_rate": rate(submitted, ward.expected),
                    "on_time_rate": rate(on_time, ward.expected),
                }
            )
        rows.append(
            {"ward_id": ward.pk, "name": ward.name, "expected": ward.expected, "cells": cells}
        )
    return rows


def province_trend(province, quarters: list[tuple[int, int]]) -> list[dict]:
    """Per quarter: expected clubs (today's count), submitted, on time, rates and totals."""
    expected = expected_clubs().filter(ward__province=province).count()
    condition = Q()
    on_time_condition = Q()
    for year, quarter in quarters:
        submitted, on_time = _quarter_filters("", year, quarter)
        condition |= submitted
        on_time_condition |= on_time
    if not quarters:
        return []
    grouped = {
        (row["year"], row["quarter"]): row
        for row in QuarterlyReport.objects.filter(
            condition,
            club__ward__province=province,
            club__status__in=EXPECTED_STATUSES,
        )
        .values("year", "quarter")
        .annotate(
            submitted=Count("pk"),
            on_time=Count("pk", filter=on_time_condition),
            meetings_held=Sum("meetings_held"),
            meetings_planned=Sum("meetings_planned"),
            attendance_men=Sum("attendance_men"),
            attendance_women=Sum("attendance_women"),
            attendance_other=Sum("attendance_other"),
            communication=Sum("radio_broadcasts") + Sum("talks") + Sum("leaflets") + Sum("posters"),
        )
        .order_by()
    }
    trend = []
    for year, quarter in quarters:
        row = grouped.get((year, quarter), {})
        submitted = row.get("submitted", 0)
        on_time = row.get("on_time", 0)
        trend.append(
            {
                "label": f"Q{quarter}/{year}",
                "year": year,
                "quarter": quarter,
                "expected": expected,
                "submitted": submitted,
                "on_time": on_time,
                "reporting_rate": rate(submitted, expected) or 0,
                "on_time_rate": rate(on_time, expected) or 0,
                "meetings_held": row.get("meetings_held") or 0,
                "meetings_planned": row.get("meetings_planned") or 0,
                "attendance_men": row.get("attendance_men") or 0,
                "attendance_women": row.get("attendance_women") or 0,
                "attendance_other": row.get("attendance_other") or 0,
                "communication": row.get("communication") or 0,
            }
        )
    return trend


def timeliness_label(value: str) -> str:
    return str(Timeliness.LABELS[value])
