"""The home page's "upcoming club meetings near me" (`{% upcoming_meetings_near request.user %}`).

Only public information: the club, its ward, the meeting's topic and time (the same as the
public club and meeting pages). Never anything about cases. At most two queries: the member's
ward, then the meetings.
"""

from __future__ import annotations

from django import template
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from members.models import MemberProfile

from ..models import Club, Meeting

register = template.Library()

# Clubs that are running: their planned meetings are announced publicly.
OPEN_STATUSES = (Club.Status.LAUNCHED, Club.Status.ACTIVE)
LIMIT = 5


def _member_ward(user) -> tuple[int, str] | None:
    """(ward id, ward name) from the signed-in member's profile, or None (one query)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        MemberProfile.objects.filter(user_id=user.pk, ward__isnull=False)
        .values_list("ward_id", "ward__name")
        .first()
    )


def meetings_near(user, *, limit: int = LIMIT, now=None) -> dict:
    """The next planned meetings of running clubs in the member's ward; anonymous visitors,
    members with no ward, and members whose ward has none get the network's next meetings.

    One meetings query either way: meetings in the member's ward sort first, so if the first
    row is not in the ward, the ward has none and the rows are the network's next meetings.
    """
    ward = _member_ward(user)
    meetings = Meeting.objects.filter(
        status=Meeting.Status.PLANNED,
        starts_at__gte=now or timezone.now(),
        club__status__in=OPEN_STATUSES,
    ).select_related("club__ward", "topic")
    if ward is None:
        return {"meetings": list(meetings.order_by("starts_at", "pk")[:limit]), "ward": None}
    found = list(
        meetings.annotate(
            elsewhere=Case(
                When(club__ward_id=ward[0], then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("elsewhere", "starts_at", "pk")[:limit]
    )
    near = [meeting for meeting in found if meeting.elsewhere == 0]
    if near:
        return {"meetings": near, "ward": ward[1], "in_ward": True}
    return {"meetings": found, "ward": ward[1], "in_ward": False}


@register.inclusion_tag("clubs/includes/upcoming_meetings_near.html")
def upcoming_meetings_near(user):
    return meetings_near(user)
