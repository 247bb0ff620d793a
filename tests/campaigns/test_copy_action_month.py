"""Creating and copying campaigns: the administrator's work."""

import datetime as dt

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Target
from tests.campaigns.conftest import login
from tests.campaigns.factories import CampaignFactory

THEME_2026 = "Chung tay hành động vì bình đẳng giới, chấm dứt bạo lực trên cơ sở giới"


@pytest.fixture
def action_month_2025(world):
    campaign = world.campaign
    campaign.plan_number = "312/KH-MLNG"
    campaign.plan_issuer = "Ban điều phối Mạng lưới"
    campaign.goals = "Nâng cao nhận thức về bình đẳng giới."
    campaign.save()
    Target.objects.create(campaign=campaign, indicator="activities", value=200)
    Target.objects.create(campaign=campaign, indicator="men", value=5000)
    return campaign


def test_it_copies_last_years_action_month_with_a_new_theme(client, world, action_month_2025):
    login(client, world.users["admin"])
    response = client.post(
        reverse("campaigns:copy", args=[action_month_2025.pk]), {"theme": THEME_2026}
    )

    copy = Campaign.objects.get(year=2026)
    assert response.status_code == 302 and response["Location"] == copy.get_absolute_url()
    assert (copy.starts_on, copy.ends_on) == (dt.date(2026, 11, 15), dt.date(2026, 12, 15))
    assert copy.title.endswith("năm 2026") and copy.theme == THEME_2026
    assert (copy.plan_number, copy.plan_issuer, copy.goals) == (
        "",
        "Ban điều phối Mạng lưới",
        "Nâng cao nhận thức về bình đẳng giới.",
    )
    assert copy.copied_from == action_month_2025
    assert dict(copy.targets.values_list("indicator", "value")) == {"activities": 200, "men": 5000}


def test_it_refuses_a_second_copy_for_the_same_year(client, world, action_month_2025):
    login(client, world.users["admin"])
    client.post(reverse("campaigns:copy", args=[action_month_2025.pk]), {"theme": THEME_2026})
    response = client.post(
        reverse("campaigns:copy", args=[action_month_2025.pk]), {"theme": "Chủ đề khác"}
    )

    assert "Tháng hành động năm 2026 đã có rồi" in response.content.decode()
    assert Campaign.objects.filter(year=2026).count() == 1


def test_it_needs_a_theme(client, world, action_month_2025):
    login(client, world.users["admin"])
    response = client.post(reverse("campaigns:copy", args=[action_month_2025.pk]), {"theme": " "})

    assert response.status_code == 200
    assert not Campaign.objects.filter(year=2026).exists()


@pytest.mark.parametrize(
    "role", ["anonymous", "member", "chair", "ward_official", "province_official", "editor"]
)
def test_it_lets_only_the_administrator_copy_or_create(client, world, action_month_2025, role):
    login(client, world.users[role])
    copy = client.post(
        reverse("campaigns:copy", args=[action_month_2025.pk]), {"theme": THEME_2026}
    )
    create = client.get(reverse("campaigns:create"))

    assert copy.status_code in (302, 403) and create.status_code in (302, 403)
    if role != "anonymous":
        assert copy.status_code == create.status_code == 403
    assert not Campaign.objects.filter(year=2026).exists()


def test_it_creates_an_action_month_with_the_default_period_and_targets(client, world):
    login(client, world.users["admin"])
    response = client.post(
        reverse("campaigns:create"),
        {
            "kind": "action_month",
            "title": "Tháng hành động năm 2027",
            "year": "2027",
            "theme": "Chủ đề 2027",
            "scope": "national",
            "target_activities": "300",
            "target_pledges": "",
        },
    )

    campaign = Campaign.objects.get(year=2027)
    assert response.status_code == 302
    assert (campaign.starts_on, campaign.ends_on) == (dt.date(2027, 11, 15), dt.date(2027, 12, 15))
    assert list(campaign.targets.values_list("indicator", "value")) == [("activities", 300)]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"starts_on": "2027-12-20", "ends_on": "2027-12-01"}, "ends_on"),
        ({"scope": "province"}, "province"),
        ({"target_men": "-5"}, "target_men"),
        ({"year": "2030", "starts_on": "2027-01-01", "ends_on": "2027-02-01"}, "year"),
    ],
)
def test_it_explains_bad_campaign_input(client, world, overrides, field):
    login(client, world.users["admin"])
    data = {
        "kind": "emulation",
        "title": "Phong trào thi đua",
        "year": "2027",
        "scope": "national",
        "starts_on": "2027-01-01",
        "ends_on": "2027-06-30",
        **overrides,
    }
    response = client.post(reverse("campaigns:create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Campaign.objects.filter(title="Phong trào thi đua").exists()


def test_it_keeps_one_national_action_month_a_year(client, world):
    login(client, world.users["admin"])
    response = client.post(
        reverse("campaigns:create"),
        {"kind": "action_month", "title": "Trùng năm", "year": "2025", "scope": "national"},
    )

    assert response.status_code == 200
    assert not Campaign.objects.filter(title="Trùng năm").exists()


def test_it_edits_a_campaign_for_one_ward(client, world):
    campaign = CampaignFactory(kind="commemorative_day", year=2026, title="Ngày Quốc tế Hạnh phúc")
    login(client, world.users["admin"])
    response = client.post(
        reverse("campaigns:edit", args=[campaign.pk]),
        {
            "kind": "commemorative_day",
            "title": "Ngày Quốc tế Hạnh phúc 20/3",
            "year": "2026",
            "scope": "ward",
            "starts_on": "2026-03-20",
            "ends_on": "2026-03-20",
            "province": world.ward.province.code,
            "ward": world.ward.code,
        },
    )

    campaign.refresh_from_db()
    assert response.status_code == 302
    assert (campaign.scope, campaign.ward, campaign.province) == ("ward", world.ward, None)
