"""Who may do what, for every role."""

import pytest
from django.urls import reverse

from campaigns import rules as campaign_rules
from tests.campaigns.conftest import login
from tests.campaigns.factories import ActivityFactory, CommendationFactory, running_campaign

ROLES = [
    "anonymous",
    "member",
    "club_member",
    "chair",
    "other_club_chair",
    "representative",
    "ward_official",
    "province_official",
    "editor",
    "admin",
]


def _user(world, role):
    from django.contrib.auth.models import AnonymousUser

    return world.users[role] or AnonymousUser()


@pytest.mark.parametrize("role", ROLES)
def test_it_answers_who_may_manage_campaigns_and_commendations(world, role):
    user = _user(world, role)
    expected = role == "admin"

    assert user.has_perm("campaigns.manage_campaign", world.campaign) is expected
    assert user.has_perm("campaigns.record_commendation") is expected


@pytest.mark.parametrize(
    ("role", "for_club", "for_org"),
    [
        ("anonymous", False, False),
        ("member", False, False),
        ("club_member", False, False),
        ("chair", True, False),
        ("other_club_chair", False, False),
        ("representative", False, True),
        ("ward_official", True, False),
        ("province_official", False, False),
        ("editor", False, False),
        ("admin", True, True),
    ],
)
def test_it_answers_who_may_register_for_a_club_or_organisation(world, role, for_club, for_org):
    user = _user(world, role)

    assert campaign_rules.can_register_for_club(user, world.club) is for_club
    assert campaign_rules.can_register_for_organisation(user, world.organisation) is for_org


def test_it_refuses_registering_for_an_unverified_organisation(world):
    world.organisation.status = "pending"
    world.organisation.save(update_fields=["status"])

    assert not campaign_rules.can_register_for_organisation(
        world.users["representative"], world.organisation
    )


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_public_pages_to_everyone(client, world, role):
    campaign = running_campaign()
    activity = ActivityFactory(campaign=campaign, club=world.club, held_on=campaign.starts_on)
    commendation = CommendationFactory()
    login(client, world.users[role])

    for url in [
        reverse("campaigns:list"),
        reverse("campaigns:detail", args=[campaign.pk]),
        reverse("campaigns:progress", args=[campaign.pk]),
        reverse("campaigns:activities", args=[campaign.pk]),
        reverse("campaigns:pledges", args=[campaign.pk]),
        reverse("campaigns:ranking", args=[campaign.pk, "wards"]),
        reverse("campaigns:activity_detail", args=[activity.pk]),
        reverse("campaigns:honour_roll"),
        reverse("campaigns:verify", args=[commendation.code]),
        reverse("campaigns:certificate_print", args=[commendation.code]),
    ]:
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", ROLES)
def test_it_shows_evidence_files_only_to_those_who_may_change_the_activity(client, world, role):
    from campaigns.models import ActivityEvidence

    campaign = running_campaign()
    activity = ActivityFactory(campaign=campaign, club=world.club, held_on=campaign.starts_on)
    ActivityEvidence.objects.create(
        activity=activity, file="campaigns/evidence/ds.pdf", name="ds.pdf"
    )
    login(client, world.users[role])

    page = client.get(reverse("campaigns:activity_detail", args=[activity.pk])).content.decode()

    assert ("ds.pdf" in page) is (role in {"chair", "ward_official", "admin"})


def test_it_speaks_english_when_asked(client, world):
    campaign = running_campaign()
    client.cookies["portal_language"] = "en"  # the language switcher's cookie

    page = client.get(reverse("campaigns:pledges", args=[campaign.pk])).content.decode()

    assert "I will share the housework and care for the family." in page
    assert "Pledge wall" in page
