import datetime as dt

import pytest

from clubs.models import RosterEntry
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import (
    ProvinceFactory,
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)


class World:
    """A club in Hải Châu with every role around it; a club in another ward of the same
    province and one in another province."""

    def __init__(self):
        self.province = ProvinceFactory(name="Thành phố Đà Nẵng")
        self.ward = WardFactory(name="Phường Hải Châu", province=self.province)
        self.other_ward = WardFactory(name="Phường Thanh Khê", province=self.province)
        self.far_ward = WardFactory(
            name="Phường Hoàn Kiếm", province=ProvinceFactory(name="Thành phố Hà Nội")
        )
        self.club = ClubFactory(ward=self.ward, name="CLB Hải Châu")
        self.other_club = ClubFactory(ward=self.other_ward, name="CLB Thanh Khê")
        self.far_club = ClubFactory(ward=self.far_ward, name="CLB Hoàn Kiếm")
        self.users = {
            "anonymous": None,
            "member": UserFactory(full_name="Thành Viên Thường"),
            "club_member": on_roster(self.club, RosterEntry.Role.MEMBER),
            "chair": on_roster(self.club, RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng"),
            "other_club_chair": on_roster(self.other_club, RosterEntry.Role.CHAIR),
            "ward_official": ward_official(self.ward, full_name="Nguyễn Thị Lan"),
            "second_ward_official": ward_official(self.ward, full_name="Lê Văn Tâm"),
            "other_ward_official": ward_official(self.other_ward),
            "province_official": province_official(self.province, full_name="Phạm Văn Hùng"),
            "far_province_official": province_official(self.far_ward.province),
            "editor": editor(),
            "admin": site_admin(),
        }


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def today(monkeypatch):
    """Freeze the reports' idea of today (the due-date rules depend on it)."""

    def set_today(day: dt.date):
        monkeypatch.setattr("clubs.reports.periods.today", lambda: day)

    set_today(dt.date(2026, 5, 1))
    return set_today


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
