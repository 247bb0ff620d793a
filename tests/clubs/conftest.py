import pytest

from clubs.models import RosterEntry
from tests.clubs.factories import CaseFactory, ClubFactory, on_roster, past_meeting
from tests.factories import (
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)


class World:
    """One club with every role around it, and a second club in another ward."""

    def __init__(self):
        self.ward = WardFactory(name="Phường Hải Châu")
        self.other_ward = WardFactory(name="Phường Thanh Khê", province=self.ward.province)
        self.club = ClubFactory(ward=self.ward, name="CLB Hải Châu")
        self.other_club = ClubFactory(ward=self.other_ward, name="CLB Thanh Khê")
        self.meeting = past_meeting(self.club)
        self.users = {
            "anonymous": None,
            "member": UserFactory(full_name="Thành Viên Thường"),
            "other_club_chair": on_roster(self.other_club, RosterEntry.Role.CHAIR),
            "chair": on_roster(self.club, RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng"),
            "advisory": on_roster(self.club, RosterEntry.Role.ADVISORY, full_name="Bùi Thị Hạnh"),
            "ward_official": ward_official(self.ward),
            "other_ward_official": ward_official(self.other_ward),
            "province_official": province_official(self.ward.province),
            "editor": editor(),
            "admin": site_admin(),
        }
        self.case = CaseFactory(club=self.club, holder=self.users["advisory"])


@pytest.fixture
def world(db):
    return World()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
