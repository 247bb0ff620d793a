"""Factories for the campaigns app (the foundation's are in tests/factories.py, clubs' in
tests/clubs/factories.py)."""

import datetime as dt

import factory
from django.utils import timezone

from campaigns.models import Activity, Campaign, Commendation, Pledge, Target, action_month_period
from tests.clubs.factories import ClubFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    """The 2025 national Action Month by default: past, so held activities in it are valid
    whatever day the tests run."""

    class Meta:
        model = Campaign

    kind = Campaign.Kind.ACTION_MONTH
    year = 2025
    title = factory.LazyAttribute(
        lambda o: (
            f"Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực "
            f"trên cơ sở giới năm {o.year}"
        )
    )
    theme = "Bình đẳng giới và an toàn cho phụ nữ, trẻ em gái trong kỷ nguyên số"
    starts_on = factory.LazyAttribute(lambda o: action_month_period(o.year)[0])
    ends_on = factory.LazyAttribute(lambda o: action_month_period(o.year)[1])
    scope = Campaign.Scope.NATIONAL


def running_campaign(**kwargs) -> Campaign:
    """A campaign running today (whatever today is), a week each side."""
    today = timezone.localdate()
    values = {
        "kind": Campaign.Kind.EMULATION,
        "year": today.year,
        "title": "Phong trào thi đua đang diễn ra",
        "starts_on": today - dt.timedelta(days=7),
        "ends_on": today + dt.timedelta(days=7),
    }
    return CampaignFactory(**{**values, **kwargs})


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    campaign = factory.SubFactory(CampaignFactory)
    indicator = "activities"
    value = 10


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    campaign = factory.SubFactory(CampaignFactory)
    club = factory.SubFactory(ClubFactory)
    ward = factory.LazyAttribute(lambda o: o.club.ward if o.club else None)
    province = factory.LazyAttribute(lambda o: o.club.ward.province if o.club else None)
    kind = Activity.Kind.TALK
    title = factory.Sequence(lambda n: f"Nói chuyện chuyên đề số {n}")
    held_on = factory.LazyAttribute(lambda o: o.campaign.starts_on + dt.timedelta(days=3))
    status = Activity.Status.HELD
    men = 20
    women = 10
    other_gender = 0


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Người cam kết {n}")
    identity = factory.Sequence(lambda n: f"camket{n}@example.com")
    choice = "housework"


class CommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commendation

    kind = Commendation.Kind.CERTIFICATE_OF_MERIT
    recipient_kind = Commendation.Recipient.COLLECTIVE
    recipient_name = factory.Sequence(lambda n: f"CLB Nam giới tiên phong số {n}")
    decision_number = factory.Sequence(lambda n: f"{1500 + n}/QĐ-UBND")
    issuing_authority = "Ủy ban nhân dân thành phố Đà Nẵng"
    decided_on = dt.date(2025, 12, 20)
    reason = "Đã có thành tích xuất sắc trong Tháng hành động vì bình đẳng giới năm 2025"
