import pytest

from clubs.models import RosterEntry
from members.models import Organisation, OrganisationMembership
from tests.campaigns.factories import CampaignFactory
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import (
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded photos and files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class World:
    """The 2025 Action Month, a club with its chair, a club in another ward, a verified
    organisation with its representative, and one user for each role."""

    def __init__(self):
        self.ward = WardFactory(name="Phường Hải Châu")
        self.other_ward = WardFactory(name="Phường Thanh Khê", province=self.ward.province)
        self.club = ClubFactory(ward=self.ward, name="CLB Hải Châu")
        self.other_club = ClubFactory(ward=self.other_ward, name="CLB Thanh Khê")
        self.campaign = CampaignFactory()
        self.organisation = Organisation.objects.create(
            name="Hội Nam giới vì bình đẳng", kind="ngo", status="verified", search_name="hoi"
        )
        representative = UserFactory(full_name="Đại Diện Hội")
        OrganisationMembership.objects.create(
            organisation=self.organisation,
            user=representative,
            role="representative",
            status="approved",
        )
        self.users = {
            "anonymous": None,
            "member": UserFactory(full_name="Thành Viên Thường"),
            "club_member": on_roster(self.club, RosterEntry.Role.MEMBER),
            "chair": on_roster(self.club, RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng"),
            "other_club_chair": on_roster(self.other_club, RosterEntry.Role.CHAIR),
            "representative": representative,
            "ward_official": ward_official(self.ward),
            "province_official": province_official(self.ward.province),
            "editor": editor(),
            "admin": site_admin(),
        }


@pytest.fixture
def world(db):
    return World()


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client
