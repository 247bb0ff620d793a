"""Target arithmetic (campaigns/progress.py): what counts and how it is summed."""

import datetime as dt

import pytest

from campaigns import progress
from campaigns.models import Activity, Target
from tests.campaigns.factories import ActivityFactory, CampaignFactory, PledgeFactory
from tests.clubs.factories import ClubFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    return CampaignFactory(year=2025)  # 15/11/2025 – 15/12/2025


def test_it_counts_an_activity_held_inside_the_period_including_both_ends(campaign):
    ActivityFactory(campaign=campaign, held_on=dt.date(2025, 11, 15))
    ActivityFactory(campaign=campaign, held_on=dt.date(2025, 12, 15))

    assert progress.activity_totals(campaign)["activities"] == 2


def test_it_does_not_count_an_activity_outside_the_period(campaign):
    ActivityFactory(campaign=campaign, held_on=dt.date(2025, 11, 14))
    ActivityFactory(campaign=campaign, held_on=dt.date(2025, 12, 16))
    ActivityFactory(campaign=campaign, held_on=dt.date(2025, 11, 20), men=7, women=3)

    totals = progress.activity_totals(campaign)
    assert (totals["activities"], totals["participants"]) == (1, 10)


def test_it_does_not_count_a_cancelled_or_planned_activity(campaign):
    ActivityFactory(campaign=campaign, status=Activity.Status.CANCELLED, men=100)
    ActivityFactory(campaign=campaign, status=Activity.Status.PLANNED, men=100)
    ActivityFactory(campaign=campaign, men=5, women=5)

    totals = progress.activity_totals(campaign)
    assert (totals["activities"], totals["men_count"], totals["participants"]) == (1, 5, 10)


def test_it_sums_participants_by_gender(campaign):
    ActivityFactory(campaign=campaign, men=12, women=30, other_gender=1)
    ActivityFactory(campaign=campaign, men=8, women=5, other_gender=0)

    totals = progress.activity_totals(campaign)
    assert (totals["men_count"], totals["women_count"], totals["other_count"]) == (20, 35, 1)
    assert totals["participants"] == 56


def test_it_gives_zeros_when_nothing_was_held(campaign):
    totals = progress.activity_totals(campaign)
    assert totals == {
        "activities": 0,
        "men_count": 0,
        "women_count": 0,
        "other_count": 0,
        "participants": 0,
        "extra_reached": 0,
    }


def test_it_counts_people_reached_as_participants_plus_the_audience(campaign):
    ActivityFactory(campaign=campaign, kind=Activity.Kind.RADIO, men=2, women=1, people_reached=500)

    assert progress.achieved(campaign)["people_reached"] == 503


def test_it_ignores_another_campaigns_activities(campaign):
    ActivityFactory(campaign=CampaignFactory(year=2024), held_on=dt.date(2025, 11, 20))

    assert progress.activity_totals(campaign)["activities"] == 0


def test_it_counts_clubs_founded_in_the_period_and_visible_pledges(campaign):
    ClubFactory(decision_date=dt.date(2025, 11, 20))
    ClubFactory(decision_date=dt.date(2025, 10, 1))
    PledgeFactory(campaign=campaign)
    PledgeFactory(campaign=campaign, is_hidden=True)

    values = progress.achieved(campaign)
    assert (values["clubs_founded"], values["pledges"]) == (1, 1)


def test_it_sets_targets_beside_achievements_in_indicator_order(campaign):
    Target.objects.create(campaign=campaign, indicator="men", value=40)
    Target.objects.create(campaign=campaign, indicator="activities", value=4)
    ActivityFactory(campaign=campaign, men=50)

    rows = progress.target_progress(campaign.targets.all(), progress.achieved(campaign))

    assert [(r.indicator, r.target, r.achieved, r.percent, r.bar, r.met) for r in rows] == [
        ("activities", 4, 1, 25, 25, False),
        ("men", 40, 50, 125, 100, True),
    ]


@pytest.mark.parametrize(
    ("achieved", "target", "expected"),
    [(0, 10, 0), (5, 10, 50), (1, 3, 33), (30, 10, 300), (5, 0, 0)],
)
def test_it_computes_whole_percentages(achieved, target, expected):
    assert progress.percent(achieved, target) == expected


def test_it_ranks_wards_and_clubs_by_activities_or_participants(campaign):
    busy = ClubFactory(name="CLB Bận rộn")
    crowded = ClubFactory(name="CLB Đông người")
    ActivityFactory.create_batch(3, campaign=campaign, club=busy, men=1, women=0)
    ActivityFactory(campaign=campaign, club=crowded, men=100, women=20)
    ActivityFactory(campaign=campaign, club=crowded, status=Activity.Status.CANCELLED, men=999)

    by_activities = list(progress.club_ranking(campaign))
    by_people = list(progress.club_ranking(campaign, by="participants"))
    wards = list(progress.ward_ranking(campaign))

    assert [(r["club__name"], r["activities"], r["participants"]) for r in by_activities] == [
        ("CLB Bận rộn", 3, 3),
        ("CLB Đông người", 1, 120),
    ]
    assert by_people[0]["club__name"] == "CLB Đông người"
    assert [r["ward_id"] for r in wards] == [busy.ward_id, crowded.ward_id]


def test_it_breaks_down_by_province(campaign):
    club = ClubFactory()
    ActivityFactory.create_batch(2, campaign=campaign, club=club, men=3, women=4)

    (row,) = progress.by_province(campaign)
    assert (row["province__name"], row["activities"], row["men_count"], row["women_count"]) == (
        club.ward.province.name,
        2,
        6,
        8,
    )
