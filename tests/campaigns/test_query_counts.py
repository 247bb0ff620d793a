"""Every list and dashboard keeps the same number of queries as rows grow."""

import pytest
from django.urls import reverse

from campaigns.models import ActivityPhoto
from tests.campaigns.conftest import login
from tests.campaigns.factories import (
    ActivityFactory,
    CampaignFactory,
    CommendationFactory,
    PledgeFactory,
    TargetFactory,
    running_campaign,
)
from tests.clubs.factories import ClubFactory


def add_rows(campaign, n):
    for _ in range(n):
        activity = ActivityFactory(campaign=campaign, club=ClubFactory())
        ActivityPhoto.objects.create(
            activity=activity, image="campaigns/photos/a.jpg", thumbnail="campaigns/photos/t.jpg"
        )
        PledgeFactory(campaign=campaign)
        CommendationFactory(campaign=campaign)
    CampaignFactory(year=2000 + n)


def measure(client, django_assert_num_queries, url, expected, campaign, grow=3):
    add_rows(campaign, 2)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    add_rows(campaign, grow)
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.fixture
def campaign(world):
    TargetFactory(campaign=world.campaign, indicator="activities")
    TargetFactory(campaign=world.campaign, indicator="men")
    return world.campaign


# Anonymous visitors: the page's own queries only (no session, no user).
@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("campaigns:list", [], 2),  # count + page
        ("campaigns:detail", ["pk"], 7),  # campaign, totals, clubs, pledges, targets, latest+photos
        ("campaigns:progress", ["pk"], 9),  # campaign, achieved(3), totals, targets, 3 breakdowns
        ("campaigns:activities", ["pk"], 4),  # campaign, count, page, photos
        ("campaigns:pledges", ["pk"], 3),  # campaign, count, page
        ("campaigns:honour_roll", [], 3),  # years, count, page
    ],
)
def test_it_pins_the_query_count_of_public_pages(
    client, world, campaign, django_assert_num_queries, name, args, expected
):
    url = reverse(name, args=[campaign.pk if a == "pk" else a for a in args])
    measure(client, django_assert_num_queries, url, expected, campaign)


@pytest.mark.parametrize("what", ["wards", "clubs"])
def test_it_pins_the_query_count_of_the_rankings(
    client, world, campaign, django_assert_num_queries, what, settings
):
    settings.PAGE_SIZE = 2  # several pages: the count and one page
    url = reverse("campaigns:ranking", args=[campaign.pk, what]) + "?by=participants&page=2"
    measure(client, django_assert_num_queries, url, 3, campaign)


def _count(client, url) -> tuple[int, list[str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries), [q["sql"] for q in captured.captured_queries]


def test_it_shows_the_home_banner_with_one_query_however_many_rows(client, world):
    current = running_campaign()
    client.get("/")  # warm up whatever the other home sections cache
    before, sql = _count(client, "/")
    assert len([q for q in sql if "campaigns_campaign" in q]) == 1
    for _ in range(4):
        ActivityFactory(campaign=current, held_on=current.starts_on)
        PledgeFactory(campaign=current)

    after, _sql = _count(client, "/")
    response = client.get("/")

    assert after == before
    assert current.title in response.content.decode()


def test_it_keeps_the_activity_form_query_count_as_clubs_grow(client, world):
    current = running_campaign()
    login(client, world.users["chair"])
    url = reverse("campaigns:activity_create", args=[current.pk])
    client.get(url)
    before, _sql = _count(client, url)
    for _ in range(3):
        ClubFactory()

    assert _count(client, url)[0] == before


@pytest.mark.parametrize("role", ["chair", "representative", "admin"])
def test_it_keeps_the_campaign_page_query_count_for_signed_in_roles(client, world, role):
    current = running_campaign()
    login(client, world.users[role])
    url = reverse("campaigns:detail", args=[current.pk])
    ActivityFactory(campaign=current, held_on=current.starts_on)  # the photos query runs
    client.get(url)
    before, _sql = _count(client, url)
    for _ in range(3):
        activity = ActivityFactory(campaign=current, held_on=current.starts_on)
        ActivityPhoto.objects.create(activity=activity, image="a.jpg", thumbnail="t.jpg")
        PledgeFactory(campaign=current)
        ClubFactory()

    assert _count(client, url)[0] == before
