"""The home page's "upcoming club meetings near me" (the clubs tag `upcoming_meetings_near`,
shown beside the latest news): the member's ward first, otherwise the network; public facts
only; at most two queries."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from clubs.models import Club, Meeting
from clubs.templatetags.clubs_home import meetings_near
from tests.clubs.factories import CaseFactory, ClubFactory, MeetingFactory
from tests.factories import UserFactory, WardFactory
from tests.members.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(days: int, hour: int = 19, minute: int = 30) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=VN)


def meeting(club, days, **kwargs):
    return MeetingFactory(club=club, starts_at=at(days), **kwargs)


@pytest.fixture
def network():
    hai_chau_ward = WardFactory(name="Phường Hải Châu")
    thanh_khe_ward = WardFactory(name="Phường Thanh Khê")
    hai_chau = ClubFactory(name="CLB Hải Châu", ward=hai_chau_ward)
    thanh_khe = ClubFactory(name="CLB Thanh Khê", ward=thanh_khe_ward)
    return {
        "hai_chau_ward": hai_chau_ward,
        "hai_chau": hai_chau,
        "thanh_khe": thanh_khe,
        "hai_chau_meeting": meeting(hai_chau, 3),
        "thanh_khe_meeting": meeting(thanh_khe, 1),
    }


def section(client) -> str:
    page = client.get(reverse("home")).content.decode()
    start = page.index('aria-labelledby="meetings-near-title"')
    return page[start : page.index("</section>", start)]


def test_it_shows_an_anonymous_visitor_the_next_meetings_across_the_network(client, network):
    html = section(client)

    assert "Lịch sinh hoạt sắp tới của các câu lạc bộ" in html
    assert html.index("CLB Thanh Khê") < html.index("CLB Hải Châu")  # soonest first
    assert "Phường Hải Châu" in html
    assert f'href="{network["hai_chau"].get_absolute_url()}"' in html
    assert at(3).strftime("%d/%m/%Y 19:30") in html


def test_it_shows_a_member_the_meetings_of_their_own_ward(client, network):
    profile = MemberProfileFactory(ward=network["hai_chau_ward"])
    client.force_login(profile.user)

    html = section(client)

    assert "Lịch sinh hoạt sắp tới của các câu lạc bộ ở Phường Hải Châu" in html
    assert "CLB Hải Châu" in html
    assert "CLB Thanh Khê" not in html


def test_it_shows_the_network_to_a_member_whose_ward_has_no_planned_meeting(client, network):
    profile = MemberProfileFactory(ward=WardFactory(name="Phường Sơn Trà"))
    client.force_login(profile.user)

    html = section(client)

    assert "Chưa có câu lạc bộ nào ở Phường Sơn Trà có lịch sinh hoạt" in html
    assert "CLB Thanh Khê" in html
    assert "CLB Hải Châu" in html


def test_it_shows_the_network_to_a_member_without_a_ward_or_profile(client, network):
    for user in (MemberProfileFactory(ward=None, province=None).user, UserFactory()):
        client.force_login(user)

        html = section(client)

        assert "CLB Thanh Khê" in html
        assert "CLB Hải Châu" in html


def test_it_leaves_out_past_held_cancelled_and_closed_clubs_meetings(client, network):
    meeting(network["hai_chau"], 2, status=Meeting.Status.CANCELLED, custom_topic="Buổi đã hủy")
    meeting(network["hai_chau"], 2, status=Meeting.Status.POSTPONED, custom_topic="Buổi hoãn")
    MeetingFactory(
        club=network["hai_chau"],
        starts_at=timezone.now() - dt.timedelta(days=2),
        custom_topic="Buổi đã qua",
        topic=None,
    )
    for status in (Club.Status.PREPARING, Club.Status.SUSPENDED, Club.Status.DISSOLVED):
        club = ClubFactory(name=f"CLB trạng thái {status}", status=status)
        meeting(club, 1)

    html = section(client)

    for hidden in ("Buổi đã hủy", "Buổi hoãn", "Buổi đã qua", "CLB trạng thái"):
        assert hidden not in html
    assert "CLB Hải Châu" in html


def test_it_shows_at_most_five_meetings(network):
    for days in range(4, 12):
        meeting(network["hai_chau"], days)

    assert len(meetings_near(None)["meetings"]) == 5


def test_it_shows_nothing_about_cases(client, network):
    CaseFactory(club=network["hai_chau"], actions_taken="Ghi chú mật về vụ việc")

    html = section(client)

    assert "Ghi chú mật" not in html
    assert "vụ việc" not in html.lower()


def test_it_says_so_when_no_club_has_a_planned_meeting(client):
    assert "Chưa có câu lạc bộ nào có lịch sinh hoạt." in section(client)


@pytest.mark.parametrize("signed_in", [False, True])
def test_it_pins_the_queries_of_the_section(network, django_assert_num_queries, signed_in):
    user = (
        MemberProfileFactory(ward=network["hai_chau_ward"]).user if signed_in else AnonymousUser()
    )
    template = Template("{% load clubs_home %}{% upcoming_meetings_near user %}")
    for extra in (0, 6):
        for days in range(extra):
            meeting(network["hai_chau"], 5 + days)
            meeting(ClubFactory(), 5 + days)
        # a signed-in member: their ward, then the meetings; anonymous: the meetings
        with django_assert_num_queries(2 if signed_in else 1):
            html = template.render(Context({"user": user}))
        assert "CLB Hải Châu" in html
