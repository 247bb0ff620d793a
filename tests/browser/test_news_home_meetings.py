"""The home page with the latest news and the upcoming club meetings near me still passes axe,
at desktop size and at 360 px, for a visitor and for a member with a ward."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.browser.test_news_editor_flow import log_in
from tests.clubs.factories import ClubFactory, MeetingFactory
from tests.factories import WardFactory
from tests.members.factories import MemberProfileFactory
from tests.news.factories import published_article

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_shows_upcoming_club_meetings_on_an_accessible_home_page(page):
    hai_chau = WardFactory(name="Phường Hải Châu")
    club = ClubFactory(name="CLB Nam giới tiên phong phường Hải Châu", ward=hai_chau)
    ClubFactory(name="CLB Nam giới tiên phong phường Thanh Khê")
    soon = (timezone.now() + dt.timedelta(days=2)).replace(second=0, microsecond=0)
    MeetingFactory(club=club, starts_at=soon)
    MeetingFactory(
        club__name="CLB Nam giới tiên phong phường Sơn Trà", starts_at=soon + dt.timedelta(days=1)
    )
    published_article(title="Đà Nẵng phát động Tháng hành động")
    member = MemberProfileFactory(ward=hai_chau).user

    page.goto("/")
    section = page.get_by_role("region", name="Lịch sinh hoạt sắp tới của các câu lạc bộ")
    assert section.get_by_role("link", name="CLB Nam giới tiên phong phường Sơn Trà").is_visible()
    assert section.get_by_text(timezone.localtime(soon).strftime("%d/%m/%Y %H:%M")).is_visible()
    assert_accessible(page)
    assert_fits_width(page)

    log_in(page, member.email)
    page.goto("/")
    section = page.get_by_role(
        "region", name="Lịch sinh hoạt sắp tới của các câu lạc bộ ở Phường Hải Châu"
    )
    section.get_by_role("link", name=club.name).click()
    page.wait_for_url(f"**{club.get_absolute_url()}")
    assert_accessible(page)
