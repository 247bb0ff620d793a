"""Factories for the clubs app (the foundation's are in tests/factories.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from clubs.models import Case, Club, Meeting, RosterEntry, Topic
from members.choices import Gender
from tests.factories import UserFactory, WardFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")


class ClubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Club

    name = factory.Sequence(lambda n: f"CLB Nam giới tiên phong số {n}")
    ward = factory.SubFactory(WardFactory)
    status = Club.Status.ACTIVE
    meeting_place = "Nhà văn hóa tổ dân phố 1"


class RosterEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RosterEntry

    club = factory.SubFactory(ClubFactory)
    full_name = factory.Iterator(["Nguyễn Văn Hải", "Trần Thị Hoa", "Lê Văn Nam", "Phạm Thị Lan"])
    gender = Gender.MALE
    birth_year = 1970
    role = RosterEntry.Role.MEMBER


def on_roster(club, role=RosterEntry.Role.MEMBER, gender=Gender.MALE, **kwargs):
    """A new account on the club's roster with that role."""
    user = UserFactory(**kwargs)
    RosterEntryFactory(club=club, user=user, role=role, gender=gender, full_name=user.full_name)
    return user


def fill_roster(club, *, men: int, women: int, board_men: int = 0) -> None:
    entries = [
        RosterEntry(
            club=club,
            full_name=f"Nam {i}",
            gender=Gender.MALE,
            role=RosterEntry.Role.BOARD if i < board_men else RosterEntry.Role.MEMBER,
        )
        for i in range(men)
    ] + [RosterEntry(club=club, full_name=f"Nữ {i}", gender=Gender.FEMALE) for i in range(women)]
    RosterEntry.objects.bulk_create(entries)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    club = factory.SubFactory(ClubFactory)
    topic = factory.LazyFunction(lambda: Topic.objects.order_by("order").first())
    starts_at = factory.Sequence(
        lambda n: dt.datetime(2030, 1, 1, 19, 30, tzinfo=VN) + dt.timedelta(days=n)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=90))
    place = "Hội trường tổ 3"


def past_meeting(club, days_ago: int = 10, **kwargs):
    from django.utils import timezone

    starts = timezone.now() - dt.timedelta(days=days_ago)
    return MeetingFactory(club=club, starts_at=starts, **kwargs)


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case

    club = factory.SubFactory(ClubFactory)
    holder = factory.SubFactory(UserFactory)
    kind = Case.Kind.DOMESTIC_VIOLENCE
    gender = Gender.FEMALE
    age_band = Case.AgeBand.ADULT
    relation = Case.Relation.SPOUSE
    consent_to_help = True
    consent_to_share = False
