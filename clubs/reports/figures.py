"""The figures a report is prefilled with, computed in SQL from what the clubs app knows.

Definitions (the unit tests hold hand-computed fixtures for each):
- *monthly meetings planned*: the club's monthly meetings scheduled to start in the quarter,
  whatever became of them (a cancelled or postponed meeting was planned and not held);
  *held*: those recorded as held. Other kinds of meeting count as *activities by kind* when
  held.
- *attendance*: over every meeting held in the quarter, roster members ticked as present by
  gender, plus the guests counted at the door (men, women, other).
- *new members*: roster entries that joined in the quarter; *members who left*: entries that
  left in it. A change of role (the roster closes the old entry and opens a new one the same
  day) is neither.
- *composition at quarter end*: entries that had joined by the last day and had not left by
  then (a member removed from the roster later still counts for this quarter).
- *cases*: cases opened in the quarter, by kind and by follow-up status, each count passed
  through the clubs app's small-cell rule (`suppress_small`: 1–4 shows as "<5").
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, Sum

from clubs.models import Case, Club, Meeting, RosterEntry
from clubs.selectors import suppress_small
from members.choices import Gender

from .periods import Period, end_of_day, start_of_day

ACTIVITY_FIELDS = {
    Meeting.Kind.HAPPINESS_DAY: "activities_happiness_day",
    Meeting.Kind.FAMILY_DAY: "activities_family_day",
    Meeting.Kind.ACTION_MONTH: "activities_action_month",
    Meeting.Kind.OTHER: "activities_other",
}


def meetings_in(club: Club, period: Period):
    return Meeting.objects.filter(
        club=club,
        starts_at__gte=start_of_day(period.start),
        starts_at__lt=end_of_day(period.end),
    )


def quarter_figures(club: Club, period: Period) -> dict:
    """Every prefilled field of a quarterly report, in six queries."""
    held = Q(status=Meeting.Status.HELD)
    regular = Q(kind=Meeting.Kind.REGULAR)
    meetings = meetings_in(club, period).aggregate(
        meetings_planned=Count("pk", filter=regular),
        meetings_held=Count("pk", filter=regular & held),
        guests_men=Sum("guests_men", filter=held),
        guests_women=Sum("guests_women", filter=held),
        guests_other=Sum("guests_other", filter=held),
        **{
            field: Count("pk", filter=Q(kind=kind) & held)
            for kind, field in ACTIVITY_FIELDS.items()
        },
    )
    attendance = Meeting.attendees.through.objects.filter(
        meeting__in=meetings_in(club, period).filter(held)
    ).aggregate(
        men=Count("pk", filter=Q(rosterentry__gender=Gender.MALE)),
        women=Count("pk", filter=Q(rosterentry__gender=Gender.FEMALE)),
        other=Count("pk", filter=~Q(rosterentry__gender__in=[Gender.MALE, Gender.FEMALE])),
    )
    figures = {
        "meetings_planned": meetings["meetings_planned"],
        "meetings_held": meetings["meetings_held"],
        "attendance_men": attendance["men"] + (meetings["guests_men"] or 0),
        "attendance_women": attendance["women"] + (meetings["guests_women"] or 0),
        "attendance_other": attendance["other"] + (meetings["guests_other"] or 0),
        **{field: meetings[field] for field in ACTIVITY_FIELDS.values()},
    }
    figures.update(roster_figures(club, period))
    figures["cases_summary"] = cases_summary(Case.objects.filter(club=club), period)
    return figures


def roster_figures(club: Club, period: Period) -> dict:
    entries = RosterEntry.objects.filter(club=club)
    same_person = RosterEntry.objects.filter(
        club=OuterRef("club"), full_name=OuterRef("full_name")
    ).exclude(pk=OuterRef("pk"))
    joined = (
        entries.filter(joined_on__gte=period.start, joined_on__lte=period.end)
        .exclude(Exists(same_person.filter(left_on=OuterRef("joined_on"))))
        .count()
    )
    left = (
        entries.filter(left_on__gte=period.start, left_on__lte=period.end)
        .exclude(Exists(same_person.filter(joined_on=OuterRef("left_on"))))
        .count()
    )
    at_end = entries.filter(joined_on__lte=period.end).filter(
        Q(left_on__isnull=True) | Q(left_on__gt=period.end)
    )
    male = Q(gender=Gender.MALE)
    composition = at_end.aggregate(
        members_men=Count("pk", filter=male),
        members_women=Count("pk", filter=Q(gender=Gender.FEMALE)),
        board_men=Count("pk", filter=male & Q(role__in=RosterEntry.BOARD_ROLES)),
    )
    return {"members_joined": joined, "members_left": left, **composition}


def cases_summary(cases, period: Period) -> dict:
    """Cases opened in the period, each count already suppressed ("<5")."""
    cases = cases.filter(opened_on__gte=period.start, opened_on__lte=period.end)
    by_kind = dict(cases.values_list("kind").annotate(n=Count("pk")).order_by())
    by_status = dict(cases.values_list("follow_up_status").annotate(n=Count("pk")).order_by())
    return {
        "total": suppress_small(sum(by_kind.values())),
        "by_kind": {kind: suppress_small(by_kind.get(kind)) for kind in Case.Kind.values},
        "by_status": {
            status: suppress_small(by_status.get(status)) for status in Case.FollowUp.values
        },
    }


def cases_rows(summary: dict) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(label, shown count) rows for templates and exports."""
    kinds = [(str(label), summary.get("by_kind", {}).get(v, "0")) for v, label in Case.Kind.choices]
    statuses = [
        (str(label), summary.get("by_status", {}).get(v, "0")) for v, label in Case.FollowUp.choices
    ]
    return kinds, statuses
