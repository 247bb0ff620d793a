"""The clubs flow of issue 4, in the browser at desktop and phone sizes, axe on every page."""

import datetime as dt

import pytest
from django.utils import timezone

from clubs.models import Meeting, RosterEntry
from members.choices import Gender
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.clubs.factories import ClubFactory, fill_roster, past_meeting
from tests.factories import PASSWORD, UserFactory, WardFactory

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, email):
    page.goto("/accounts/login/?next=/clubs/mine/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/clubs/mine/")


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


@pytest.fixture
def club():
    ward = WardFactory(name="Phường Hải Châu")
    WardFactory(name="Phường Thanh Khê", province=ward.province)
    ClubFactory(ward=WardFactory(name="Phường Thanh Khê", province=ward.province))
    club = ClubFactory(ward=ward, name="CLB Nam giới tiên phong Hải Châu")
    fill_roster(club, men=27, women=10, board_men=1)
    return club


def test_it_takes_a_member_from_finding_a_club_to_its_next_meeting(page, live_server, club):
    member = UserFactory(email="an@example.com", full_name="Nguyễn Văn An")
    chair = UserFactory(email="dung@example.com", full_name="Hoàng Văn Dũng")
    RosterEntry.objects.create(
        club=club,
        user=chair,
        full_name=chair.full_name,
        gender=Gender.MALE,
        role=RosterEntry.Role.CHAIR,
    )
    earlier = past_meeting(club, days_ago=5)
    next_year = timezone.localdate().year + 1

    # The member finds the club by ward and asks to join.
    log_in(page, member.email)
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Câu lạc bộ", exact=True
    ).click()
    check(page)
    page.get_by_label("Phường/xã").select_option(label=str(club.ward))
    page.get_by_role("button", name="Tìm").click()
    check(page)
    page.get_by_role("link", name=club.name).click()
    check(page)
    page.get_by_role("link", name="Xin tham gia câu lạc bộ").click()
    check(page)
    page.get_by_label("Giới tính").select_option("male")
    page.get_by_label("Năm sinh").fill("1990")
    page.get_by_role("button", name="Gửi đề nghị").click()
    assert page.get_by_text("Đã gửi đề nghị").is_visible()
    check(page)
    log_out(page)

    # The chair approves.
    log_in(page, chair.email)
    page.goto(f"/clubs/{club.pk}/")
    page.get_by_role("link", name="Đề nghị tham gia").click()
    check(page)
    page.get_by_role("button", name="Chấp thuận Nguyễn Văn An").click()
    assert page.get_by_text("Đã thêm Nguyễn Văn An vào danh sách hội viên.").is_visible()
    check(page)

    # The chair plans next year from a rule: the second Sunday of each month, 19:30.
    page.get_by_role("link", name="Sinh hoạt", exact=True).click()
    check(page)
    page.get_by_role("link", name="Lập kế hoạch sinh hoạt cả năm").click()
    check(page)
    page.get_by_label("Năm").fill(str(next_year))
    page.get_by_label("Tuần thứ mấy trong tháng").select_option("2")
    page.get_by_label("Ngày trong tuần").select_option("6")
    page.get_by_label("Giờ").fill("19:30")
    page.get_by_role("button", name="Lập kế hoạch").click()
    assert page.get_by_text("Đã thêm 12 buổi sinh hoạt vào kế hoạch.").is_visible()
    check(page)
    assert Meeting.objects.filter(club=club, starts_at__year=next_year).count() == 12

    # ... and records last week's meeting as held, with attendance off the roster.
    page.goto(f"/clubs/meetings/{earlier.pk}/")
    check(page)
    page.get_by_role("link", name="Ghi nhận kết quả").click()
    check(page)
    page.get_by_label("Kết quả").select_option("held")
    page.get_by_label("Nguyễn Văn An").check()
    page.get_by_label("Nam 0", exact=True).check()
    page.get_by_label("Nữ 0", exact=True).check()
    page.get_by_label("Khách mời: nữ").fill("2")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("5 người: 2 nam, 3 nữ, 0 khác").is_visible()
    check(page)

    # The club page shows the composition check: 29 men with the chair and the new member.
    page.goto(f"/clubs/{club.pk}/")
    assert page.get_by_role("heading", name="Kiểm tra thành phần").is_visible()
    assert page.get_by_text("thêm 1 nam (tối thiểu 30)").is_visible()
    check(page)
    log_out(page)

    # The member sees the next meeting on their page and in the .ics feed.
    log_in(page, member.email)
    page.goto("/clubs/mine/")
    check(page)
    first = Meeting.objects.filter(club=club, starts_at__gt=timezone.now()).order_by("starts_at")[0]
    when = timezone.localtime(first.starts_at).strftime("%d/%m/%Y 19:30")
    assert page.get_by_role("link", name=first.title).first.is_visible()
    assert page.get_by_text(when).first.is_visible()

    # … on their own profile page, the one the issue names …
    page.goto("/members/me/")
    check(page)
    assert page.get_by_role("link", name=first.title).first.is_visible()
    assert page.get_by_text(when).first.is_visible()

    # … and in their private calendar feed.
    page.goto("/clubs/mine/")
    feed_url = page.get_by_label("Địa chỉ lịch").input_value()
    feed = page.request.get(feed_url.replace("http://testserver", live_server.url)).text()
    assert f"UID:club-meeting-{first.pk}@" in feed
    assert "DTSTART:" + first.starts_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ") in feed
