"""Selectors other apps use: what runs today, what opens or closes on a date (the reminders
of issue 8), and the clubs in a campaign's scope."""

import datetime as dt

import pytest

from campaigns import selectors
from campaigns.models import Campaign
from clubs.models import Club
from tests.campaigns.factories import ActivityFactory, CampaignFactory, PledgeFactory
from tests.clubs.factories import ClubFactory
from tests.factories import WardFactory

pytestmark = pytest.mark.django_db


def test_it_finds_campaigns_opening_and_closing_on_a_day():
    month = CampaignFactory(year=2026)
    CampaignFactory(year=2025)

    assert list(selectors.campaigns_opening_on(dt.date(2026, 11, 15))) == [month]
    assert list(selectors.campaigns_closing_on(dt.date(2026, 12, 15))) == [month]
    assert not selectors.campaigns_opening_on(dt.date(2026, 11, 16)).exists()


def test_it_lists_the_clubs_in_a_campaigns_scope():
    ward = WardFactory()
    neighbour = WardFactory(province=ward.province)
    far = WardFactory()
    here = ClubFactory(ward=ward)
    next_door = ClubFactory(ward=neighbour)
    away = ClubFactory(ward=far)
    ClubFactory(ward=ward, status=Club.Status.DISSOLVED)
    national = CampaignFactory(year=2026)
    provincial = CampaignFactory(
        kind=Campaign.Kind.EMULATION, year=2026, scope="province", province=ward.province
    )
    local = CampaignFactory(kind=Campaign.Kind.OTHER, year=2026, scope="ward", ward=ward)

    assert set(selectors.clubs_in_scope(national)) == {here, next_door, away}
    assert set(selectors.clubs_in_scope(provincial)) == {here, next_door}
    assert set(selectors.clubs_in_scope(local)) == {here}


def test_it_puts_the_national_action_month_first_among_running_campaigns():
    day = dt.date(2026, 11, 23)
    ward = WardFactory()
    local = CampaignFactory(
        kind=Campaign.Kind.OTHER,
        year=2026,
        scope="ward",
        ward=ward,
        starts_on=dt.date(2026, 11, 1),
        ends_on=dt.date(2026, 11, 30),
    )
    month = CampaignFactory(year=2026)
    CampaignFactory(year=2025)
    ActivityFactory(campaign=month, held_on=dt.date(2026, 11, 20))
    PledgeFactory.create_batch(2, campaign=month)

    running = list(selectors.running_campaigns(day))

    assert running == [month, local]
    assert (running[0].activity_count, running[0].pledge_count) == (1, 2)
