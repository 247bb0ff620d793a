"""Reads for the campaigns pages, already joined. Also the selectors the reminders (issue 8)
use: campaigns opening or closing on a date, and the clubs in a campaign's scope."""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from clubs.models import Club
from members.models import Organisation

from .models import Activity, ActivityPhoto, Campaign, Commendation, Pledge


# --- Campaigns ------------------------------------------------------------------------------
def campaigns_for_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("province", "ward").order_by("-starts_on", "title")


def campaign_for_page(pk: int) -> Campaign:
    return get_object_or_404(Campaign.objects.select_related("province", "ward"), pk=pk)


def _count_of(model, **filters) -> Coalesce:
    """A correlated COUNT subquery, so two counts never multiply each other's joins."""
    sub = (
        model.objects.filter(campaign=OuterRef("pk"), **filters)
        .order_by()
        .values("campaign")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(sub), 0)


def running_campaigns(today: dt.date) -> QuerySet[Campaign]:
    """Campaigns running on `today`, the national Action Month first, with their counters
    (one query)."""
    return (
        Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today)
        .select_related("province", "ward")
        .annotate(
            pledge_count=_count_of(Pledge, is_hidden=False),
            activity_count=_count_of(Activity, status=Activity.Status.HELD),
        )
        .order_by(
            # national before local ("national" < "province" < "ward"), Action Month first
            "scope",
            Case(When(kind=Campaign.Kind.ACTION_MONTH, then=0), default=1),
            "ends_on",
            "pk",
        )
    )


def campaigns_opening_on(day: dt.date) -> QuerySet[Campaign]:
    """For the reminders: campaigns whose period starts on `day`."""
    return Campaign.objects.filter(starts_on=day).select_related("province", "ward")


def campaigns_closing_on(day: dt.date) -> QuerySet[Campaign]:
    """For the reminders: campaigns whose period ends on `day`."""
    return Campaign.objects.filter(ends_on=day).select_related("province", "ward")


def clubs_in_scope(campaign: Campaign) -> QuerySet[Club]:
    """The clubs a campaign speaks to: every club for a national one, else its province's or
    its ward's. Dissolved clubs are left out."""
    clubs = Club.objects.exclude(status=Club.Status.DISSOLVED).select_related("ward__province")
    if campaign.scope == Campaign.Scope.PROVINCE:
        clubs = clubs.filter(ward__province_id=campaign.province_id)
    elif campaign.scope == Campaign.Scope.WARD:
        clubs = clubs.filter(ward_id=campaign.ward_id)
    return clubs


def organisations_in_scope(campaign: Campaign) -> QuerySet[Organisation]:
    organisations = Organisation.objects.verified()
    if campaign.scope == Campaign.Scope.PROVINCE:
        organisations = organisations.filter(province_id=campaign.province_id)
    elif campaign.scope == Campaign.Scope.WARD:
        organisations = organisations.none()
    return organisations


def organisers_for(user, campaign: Campaign) -> tuple[QuerySet[Club], QuerySet[Organisation]]:
    """The clubs and organisations in scope for which this user may register activities."""
    from clubs.models import RosterEntry
    from network_portal.roles.permissions import is_member, is_site_admin, scope_of

    if not is_member(user):
        return Club.objects.none(), Organisation.objects.none()
    clubs = clubs_in_scope(campaign)
    organisations = organisations_in_scope(campaign)
    if is_site_admin(user):
        return clubs, organisations
    board = RosterEntry.objects.filter(
        user=user, left_on__isnull=True, role__in=RosterEntry.BOARD_ROLES
    ).values("club_id")
    clubs = clubs.filter(Q(pk__in=board) | Q(ward_id__in=scope_of(user).ward_ids))
    organisations = organisations.filter(
        memberships__user=user,
        memberships__role="representative",
        memberships__status="approved",
    )
    return clubs.order_by("name"), organisations.order_by("name")


def latest_action_month() -> Campaign | None:
    """The most recent national Action Month: the one "copy last year's" starts from."""
    return (
        Campaign.objects.filter(kind=Campaign.Kind.ACTION_MONTH, scope=Campaign.Scope.NATIONAL)
        .order_by("-year")
        .first()
    )


# --- Activities -----------------------------------------------------------------------------
def _activities() -> QuerySet[Activity]:
    return Activity.objects.select_related(
        "club__ward", "organisation", "ward__province", "province"
    ).prefetch_related(Prefetch("photos", queryset=ActivityPhoto.objects.order_by("pk")))


def activity_timeline(campaign: Campaign) -> QuerySet[Activity]:
    """Every activity of the campaign, newest first, with photos (two queries a page)."""
    return _activities().filter(campaign=campaign).order_by("-held_on", "-pk")


def activity_for_page(pk: int) -> Activity:
    return get_object_or_404(
        _activities().select_related("campaign").prefetch_related("evidence"), pk=pk
    )


def activities_of_club(club: Club) -> QuerySet[Activity]:
    return _activities().filter(club=club).select_related("campaign").order_by("-held_on")


# --- Pledges --------------------------------------------------------------------------------
def pledge_wall(campaign: Campaign) -> QuerySet[Pledge]:
    return (
        Pledge.objects.filter(campaign=campaign, is_hidden=False)
        .select_related("province")
        .order_by("-created_at", "-pk")
    )


def pledge_of(user, campaign: Campaign) -> Pledge | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Pledge.objects.filter(campaign=campaign, user=user).first()


def pledges_of_user(user) -> QuerySet[Pledge]:
    return Pledge.objects.filter(user=user).select_related("campaign").order_by("-created_at")


# --- Commendations --------------------------------------------------------------------------
def honour_roll(year: int) -> QuerySet[Commendation]:
    """The year's certificates that stand (revoked ones are not honoured)."""
    return (
        Commendation.objects.filter(decided_on__year=year, revoked_on__isnull=True)
        .select_related("club__ward", "organisation", "ward", "campaign")
        .order_by("recipient_kind", "-decided_on", "recipient_name")
    )


def honour_years() -> list[int]:
    return sorted(
        {
            d.year
            for d in Commendation.objects.filter(revoked_on__isnull=True).dates(
                "decided_on", "year"
            )
        },
        reverse=True,
    )


def commendation_by_code(code: str) -> Commendation:
    return get_object_or_404(
        Commendation.objects.select_related("club__ward", "organisation", "ward", "campaign"),
        code=code,
    )
