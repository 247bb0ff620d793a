"""Another member's clubs on their public profile page (clubs/includes/member_clubs.html)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from clubs.models import Club, RosterEntry
from clubs.templatetags.clubs_tags import member_clubs_section
from tests.clubs.factories import ClubFactory, RosterEntryFactory
from tests.factories import UserFactory, site_admin
from tests.members.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    profile = MemberProfileFactory(user=UserFactory(full_name="Phạm Văn Hùng"))
    club = ClubFactory(name="CLB Hải Châu")
    RosterEntryFactory(
        club=club, user=profile.user, full_name="Phạm Văn Hùng", role=RosterEntry.Role.ADVISORY
    )
    left = ClubFactory(name="CLB Đã Rời")
    RosterEntryFactory(
        club=left, user=profile.user, full_name="Phạm Văn Hùng", left_on=timezone.localdate()
    )
    gone = ClubFactory(name="CLB Giải Thể", status=Club.Status.DISSOLVED)
    RosterEntryFactory(club=gone, user=profile.user, full_name="Phạm Văn Hùng")
    return profile


def test_it_shows_another_members_current_clubs_on_their_profile(client, profile):
    client.force_login(MemberProfileFactory().user)

    page = client.get(reverse("members:member_detail", args=[profile.pk])).content.decode()

    assert "CLB Hải Châu" in page
    assert "Thành viên tổ tư vấn" in page
    assert "CLB Đã Rời" not in page
    assert "CLB Giải Thể" not in page


def test_it_shows_no_clubs_of_a_member_who_left_the_directory(client, profile):
    profile.in_directory = False
    profile.save(update_fields=["in_directory"])
    client.force_login(site_admin())  # the administrator still sees the profile itself

    response = client.get(reverse("members:member_detail", args=[profile.pk]))

    assert response.status_code == 200
    assert "CLB Hải Châu" not in response.content.decode()


def test_it_shows_no_clubs_after_consent_is_withdrawn(profile):
    profile.consent_withdrawn_at = timezone.now()
    profile.save(update_fields=["consent_withdrawn_at"])

    assert member_clubs_section(profile.user) == {"entries": []}


def test_it_reads_the_clubs_in_one_query(profile, django_assert_num_queries):
    for n in range(4):
        RosterEntryFactory(club=ClubFactory(name=f"CLB số {n}"), user=profile.user)

    with django_assert_num_queries(1):
        entries = member_clubs_section(profile.user)["entries"]
        names = [(e.club.name, e.club.ward.name, e.get_role_display()) for e in entries]

    assert len(names) == 5
