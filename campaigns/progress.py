"""Target arithmetic, in one place: what counts towards a campaign's targets and how.

An activity counts when it is `held` (not planned, not cancelled) and its date falls inside
the campaign's period (both ends included). Participants are summed by gender; "people
reached" is everyone taking part plus the listeners, readers and leaflet receivers the
organiser reported. A club counts as founded when its founding decision is dated inside the
period and it is in the campaign's scope. Pledges count unless hidden by a moderator.

Everything here is SQL aggregates (one query per breakdown) or pure functions of their
results, so the pages stay at a fixed number of queries however many activities there are.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from .models import Activity, Campaign, Indicator

RANK_ORDERS = {
    "activities": ("-activities", "-participants"),
    "participants": ("-participants", "-activities"),
}


def counted_activities(campaign: Campaign) -> QuerySet[Activity]:
    """The activities that count towards the campaign's targets."""
    return Activity.objects.filter(
        campaign=campaign,
        status=Activity.Status.HELD,
        held_on__gte=campaign.starts_on,
        held_on__lte=campaign.ends_on,
    )


def _sums() -> dict:
    zero = 0
    return {
        "activities": Count("pk"),
        "men_count": Coalesce(Sum("men"), zero),
        "women_count": Coalesce(Sum("women"), zero),
        "other_count": Coalesce(Sum("other_gender"), zero),
        "participants": Coalesce(Sum(F("men") + F("women") + F("other_gender")), zero),
        "extra_reached": Coalesce(Sum("people_reached"), zero),
    }


def activity_totals(campaign: Campaign) -> dict[str, int]:
    """{activities, men_count, women_count, other_count, participants, extra_reached}:
    one query."""
    return counted_activities(campaign).aggregate(**_sums())


def clubs_founded(campaign: Campaign) -> int:
    from . import selectors

    return (
        selectors.clubs_in_scope(campaign)
        .filter(decision_date__gte=campaign.starts_on, decision_date__lte=campaign.ends_on)
        .count()
    )


def achieved(campaign: Campaign) -> dict[str, int]:
    """What the campaign achieved on each indicator (three queries)."""
    totals = activity_totals(campaign)
    pledges = campaign.pledges.filter(is_hidden=False).count()
    return indicator_values(totals, clubs=clubs_founded(campaign), pledges=pledges)


def indicator_values(totals: dict[str, int], *, clubs: int, pledges: int) -> dict[str, int]:
    """Map the activity sums onto the indicators (pure)."""
    return {
        Indicator.ACTIVITIES.value: totals["activities"],
        Indicator.PARTICIPANTS.value: totals["participants"],
        Indicator.MEN.value: totals["men_count"],
        Indicator.PEOPLE_REACHED.value: totals["participants"] + totals["extra_reached"],
        Indicator.CLUBS_FOUNDED.value: clubs,
        Indicator.PLEDGES.value: pledges,
    }


def percent(achieved_value: int, target: int) -> int:
    """Whole per cent of the target reached (may pass 100); 0 when there is no target."""
    if target <= 0:
        return 0
    return (achieved_value * 100) // target


@dataclass(frozen=True)
class TargetProgress:
    indicator: str
    label: str
    target: int
    achieved: int

    @property
    def percent(self) -> int:
        return percent(self.achieved, self.target)

    @property
    def bar(self) -> int:
        """The width of the progress bar: the per cent, capped at 100."""
        return min(self.percent, 100)

    @property
    def met(self) -> bool:
        return self.achieved >= self.target


def target_progress(targets, values: dict[str, int]) -> list[TargetProgress]:
    """Each target beside what was achieved, in the order of the indicators (pure)."""
    order = {value: index for index, value in enumerate(Indicator.values)}
    return [
        TargetProgress(
            indicator=t.indicator,
            label=str(Indicator(t.indicator).label),
            target=t.value,
            achieved=values.get(t.indicator, 0),
        )
        for t in sorted(targets, key=lambda t: order.get(t.indicator, 99))
    ]


def by_province(campaign: Campaign) -> QuerySet:
    """Rows {province__name, activities, men_count, women_count, participants, …}, busiest first."""
    return (
        counted_activities(campaign)
        .filter(province__isnull=False)
        .values("province_id", "province__name")
        .annotate(**_sums())
        .order_by("-activities", "-participants", "province__name")
    )


def ward_ranking(campaign: Campaign, *, by: str = "activities") -> QuerySet:
    """The emulation ranking of wards: rows {ward_id, ward__name, ward__province__name, …}."""
    return (
        counted_activities(campaign)
        .filter(ward__isnull=False)
        .values("ward_id", "ward__name", "ward__province__name")
        .annotate(**_sums())
        .order_by(*RANK_ORDERS.get(by, RANK_ORDERS["activities"]), "ward__name")
    )


def club_ranking(campaign: Campaign, *, by: str = "activities") -> QuerySet:
    """The emulation ranking of clubs: rows {club_id, club__name, club__ward__name, …}."""
    return (
        counted_activities(campaign)
        .filter(club__isnull=False)
        .values("club_id", "club__name", "club__ward__name")
        .annotate(**_sums())
        .order_by(*RANK_ORDERS.get(by, RANK_ORDERS["activities"]), "club__name")
    )


def organiser_counts(campaign: Campaign) -> dict[str, int]:
    """How many clubs and organisations held at least one counted activity (one query)."""
    return counted_activities(campaign).aggregate(
        clubs=Count("club", distinct=True),
        organisations=Count("organisation", distinct=True, filter=Q(organisation__isnull=False)),
    )
