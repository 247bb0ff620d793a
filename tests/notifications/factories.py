"""Factories and helpers for the notifications tests."""

import datetime as dt
from zoneinfo import ZoneInfo

from clubs.models import RosterEntry
from tests.clubs.factories import ClubFactory, MeetingFactory, RosterEntryFactory, on_roster
from tests.factories import UserFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=0, minute=0) -> dt.datetime:
    """A moment in Hà Nội/Đà Nẵng time."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


class ClubWorld:
    """A club with a chair, a board member, two members with accounts, one without an
    account, one who left and one inactive account; a meeting on Thursday 10/12/2026 19:30."""

    def __init__(self):
        self.club = ClubFactory(name="CLB Hải Châu")
        self.chair = on_roster(self.club, RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng")
        self.board = on_roster(self.club, RosterEntry.Role.BOARD, full_name="Trương Văn Phúc")
        self.member = on_roster(self.club, full_name="Nguyễn Văn An")
        self.member2 = on_roster(self.club, full_name="Ngô Thị Hồng")
        RosterEntryFactory(club=self.club, full_name="Không Tài Khoản")
        self.left = on_roster(self.club, full_name="Đã Rời Đi")
        self.club.roster.filter(user=self.left).update(left_on=dt.date(2026, 6, 1))
        self.inactive = on_roster(self.club, full_name="Bị Khóa")
        type(self.inactive).objects.filter(pk=self.inactive.pk).update(is_active=False)
        self.outsider = UserFactory(full_name="Người Ngoài")
        self.meeting = MeetingFactory(club=self.club, starts_at=at(2026, 12, 10, 19, 30))

    @property
    def roster_accounts(self):
        return {self.chair.pk, self.board.pk, self.member.pk, self.member2.pk}

    @property
    def board_accounts(self):
        return {self.chair.pk, self.board.pk}
