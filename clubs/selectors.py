"""Reads for the clubs pages: already joined, already scoped to what the user may see.

Cases are read only here (and in services): reading one writes a `CaseAccessLog` row.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from . import rules as club_rules
from .models import (
    Case,
    CaseAccessLog,
    Club,
    JoinRequest,
    Meeting,
    RosterEntry,
    Topic,
    composition_aggregates,
)

SMALL_CELL = 5


def suppress_small(count: int | None) -> str:
    """An aggregate count fit to show outside the case record: fewer than 5 shows as "<5".

    Reuse this wherever a count of cases (or anything derived from them) leaves the case pages.
    Zero is shown as 0: knowing there were none identifies nobody.
    """
    count = count or 0
    if 0 < count < SMALL_CELL:
        return "<5"
    return str(count)


def clubs_for_list() -> QuerySet[Club]:
    return (
        Club.objects.select_related("ward__province")
        .annotate(**composition_aggregates("roster"))
        .order_by("ward__province__name", "ward__name", "name")
    )


def club_for_page(pk: int) -> Club:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Club.objects.select_related("ward__province").annotate(**composition_aggregates("roster")),
        pk=pk,
    )


def current_roster(club: Club) -> QuerySet[RosterEntry]:
    return (
        RosterEntry.objects.filter(club=club, left_on__isnull=True)
        .select_related("block")
        .order_by("full_name", "pk")
    )


def board_and_advisory(club: Club) -> QuerySet[RosterEntry]:
    return current_roster(club).filter(
        role__in=[*RosterEntry.BOARD_ROLES, RosterEntry.Role.ADVISORY]
    )


def upcoming_meetings(club: Club, *, limit: int = 5) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(club=club, ends_at__gte=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("topic")
        .order_by("starts_at")[:limit]
    )


def meetings_of_year(club: Club, year: int) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(club=club, starts_at__year=year)
        .select_related("topic")
        .annotate(attendee_count=Count("attendees"))
        .order_by("starts_at")
    )


def meeting_for_page(pk: int) -> Meeting:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Meeting.objects.select_related("club__ward__province", "topic"), pk=pk)


def attendance_counts(meeting: Meeting) -> dict[str, int]:
    counts = meeting.attendees.aggregate(
        men=Count("pk", filter=Q(gender="male")),
        women=Count("pk", filter=Q(gender="female")),
        other=Count("pk", filter=~Q(gender__in=["male", "female"])),
    )
    counts["men"] += meeting.guests_men
    counts["women"] += meeting.guests_women
    counts["other"] += meeting.guests_other
    counts["total"] = counts["men"] + counts["women"] + counts["other"]
    return counts


def pending_requests(club: Club) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(club=club, status=JoinRequest.Status.PENDING).select_related(
        "user"
    )


def topic_coverage(club: Club, year: int) -> list[tuple[Topic, int]]:
    """Each catalogue topic with the number of meetings held on it this year."""
    topics = Topic.objects.filter(is_core=True).annotate(
        held=Count(
            "meetings",
            filter=Q(
                meetings__club=club,
                meetings__starts_at__year=year,
                meetings__status=Meeting.Status.HELD,
            ),
        )
    )
    return [(topic, topic.held) for topic in topics]


def clubs_of_user(user) -> QuerySet[RosterEntry]:
    """The user's current roster entries, with club and ward."""
    return (
        RosterEntry.objects.filter(user=user, left_on__isnull=True)
        .select_related("club__ward__province")
        .order_by("club__name")
    )


def public_clubs_of_member(user) -> QuerySet[RosterEntry]:
    """Another member's current clubs, for their public profile page (one query).

    Only while the member is listed (in the directory, consent not withdrawn, not deleted):
    someone who left the directory shows no clubs either. Dissolved clubs are left out.
    """
    return (
        RosterEntry.objects.filter(
            user=user,
            left_on__isnull=True,
            user__is_active=True,
            user__member_profile__in_directory=True,
            user__member_profile__consent_withdrawn_at__isnull=True,
            user__member_profile__anonymised_at__isnull=True,
        )
        .exclude(club__status=Club.Status.DISSOLVED)
        .select_related("club__ward")
        .order_by("club__name", "pk")
    )


def upcoming_meetings_of_user(user, *, limit: int = 10) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(
            club__roster__user=user,
            club__roster__left_on__isnull=True,
            ends_at__gte=timezone.now(),
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("club", "topic")
        .distinct()
        .order_by("starts_at")[:limit]
    )


def my_join_requests(user) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(user=user).select_related("club").order_by("-created_at")[:10]


# --- Cases ----------------------------------------------------------------------------------
def cases_of_club(*, club: Club, user) -> QuerySet[Case]:
    """The club's cases for its list page; empty for anyone outside the rule."""
    if not club_rules.can_see_cases(user, club):
        return Case.objects.none()
    return Case.objects.filter(club=club).select_related("holder").order_by("-opened_on", "-pk")


def case_for_view(*, pk: int, user) -> Case:
    """One case, logged as viewed. Raises PermissionDenied (404 first if it doesn't exist)."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404

    case = get_object_or_404(Case.objects.select_related("club__ward__province", "holder"), pk=pk)
    if not club_rules.can_view_case(user, case):
        raise PermissionDenied
    CaseAccessLog.objects.create(
        case=case, club=case.club, user=user, action=CaseAccessLog.Action.VIEW
    )
    return case


def case_for_edit(*, pk: int, user) -> Case:
    """One case for its edit form (holder only), logged as viewed: the form shows it all."""
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404

    case = get_object_or_404(Case.objects.select_related("club__ward", "holder"), pk=pk)
    if not club_rules.can_change_case(user, case):
        raise PermissionDenied
    CaseAccessLog.objects.create(
        case=case, club=case.club, user=user, action=CaseAccessLog.Action.VIEW, detail="edit"
    )
    return case


def case_identity_for(*, case: Case, user):
    """The identifying details, only for the holder; logged."""
    if not club_rules.can_view_case_identity(user, case):
        return None
    identity = getattr(case, "identity", None)
    if identity is not None:
        CaseAccessLog.objects.create(
            case=case, club=case.club, user=user, action=CaseAccessLog.Action.VIEW_IDENTITY
        )
    return identity
