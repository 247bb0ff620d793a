import io

import pytest
from django.core.management import call_command

from campaigns import progress
from campaigns.models import Activity, ActivityPhoto, Campaign, Commendation, Pledge, Target

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def counts():
    return tuple(
        model.objects.count()
        for model in (Campaign, Target, Activity, ActivityPhoto, Pledge, Commendation)
    )


def test_it_seeds_the_action_months_and_commendations_once(settings):
    settings.DEMO_SEEDERS = [
        "network_portal.demo.core.seed",
        "members.demo.seed",
        "clubs.demo.seed",
        "campaigns.demo.seed",
    ]
    call_command("seed_demo", stdout=io.StringIO())
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert counts() == first
    month_2025 = Campaign.objects.get(kind="action_month", year=2025)
    assert month_2025.theme == (
        "Bình đẳng giới và an toàn cho phụ nữ, trẻ em gái trong kỷ nguyên số"
    )
    month_2026 = Campaign.objects.get(kind="action_month", year=2026)
    assert month_2026.copied_from == month_2025 and month_2026.theme != month_2025.theme
    assert Campaign.objects.filter(plan_number="65/KH-BCĐ", kind="emulation").exists()
    values = progress.achieved(month_2025)
    assert values["activities"] >= 6 and values["pledges"] >= 5
    assert month_2025.activities.filter(status="cancelled").exists()
    assert ActivityPhoto.objects.filter(activity__campaign=month_2025).exists()
    assert Commendation.objects.filter(decision_number="1520/QĐ-UBND").count() >= 4
    assert set(Commendation.objects.values_list("recipient_kind", flat=True)) == {
        "collective",
        "individual",
    }
