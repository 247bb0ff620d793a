"""The chair changes a member's role in the portal (issue 4 gap): the roster entry's edit page,
and the club page's composition check and board/advisory list follow. Desktop and 360 px."""

import pytest

from clubs.models import RosterEntry, RosterRoleChange
from members.choices import Gender
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.clubs.factories import ClubFactory, fill_roster
from tests.factories import PASSWORD, UserFactory, WardFactory

pytestmark = pytest.mark.django_db(transaction=True)


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


def test_it_lets_the_chair_move_a_member_to_the_advisory_team(page, live_server):
    club = ClubFactory(ward=WardFactory(name="Phường Hải Châu"), name="CLB Hải Châu")
    fill_roster(club, men=30, women=10, board_men=1)
    chair = UserFactory(email="dung@example.com", full_name="Hoàng Văn Dũng")
    RosterEntry.objects.create(
        club=club, user=chair, full_name=chair.full_name, gender=Gender.MALE, role="chair"
    )
    binh = RosterEntry.objects.create(
        club=club, full_name="Bùi Văn Bình", gender=Gender.MALE, lives_in_ward=False
    )

    page.goto(f"/accounts/login/?next=/clubs/{club.pk}/")
    page.get_by_label("Email").fill(chair.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**/clubs/{club.pk}/")
    leaders = page.get_by_role("region", name="Ban chủ nhiệm và tổ tư vấn")
    assert leaders.get_by_text("Bùi Văn Bình").count() == 0
    assert page.get_by_text("thành viên tổ tư vấn không sống tại phường/xã").count() == 0
    check(page)

    page.get_by_role("link", name="Danh sách hội viên").first.click()
    page.get_by_role("link", name="Sửa thông tin Bùi Văn Bình").click()
    page.wait_for_url(f"**/clubs/{club.pk}/roster/{binh.pk}/edit/")
    check(page)
    page.get_by_label("Vai trò:", exact=True).select_option("advisory")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(f"**/clubs/{club.pk}/roster/")
    assert page.get_by_text("Đã lưu thông tin của Bùi Văn Bình.").is_visible()
    check(page)

    page.goto(f"/clubs/{club.pk}/")
    leaders = page.get_by_role("region", name="Ban chủ nhiệm và tổ tư vấn")
    assert leaders.get_by_text("Bùi Văn Bình – Thành viên tổ tư vấn").is_visible()
    # He lives outside the ward, so the composition check now says so.
    assert page.get_by_text("1 thành viên tổ tư vấn không sống tại phường/xã").is_visible()
    check(page)
    assert RosterRoleChange.objects.get(entry=binh).to_role == RosterEntry.Role.ADVISORY


def test_it_lets_a_ward_official_correct_and_remove_a_steering_group_person(page, live_server):
    from clubs.models import SteeringGroupMember
    from tests.factories import ward_official

    ward = WardFactory(name="Phường Hải Châu")
    official = ward_official(ward, email="canbo@example.com", full_name="Cán Bộ Phường")
    SteeringGroupMember.objects.create(ward=ward, full_name="Ngô Văn Tâm", role="member")
    url = f"/clubs/wards/{ward.code}/steering-group/"

    page.goto(f"/accounts/login/?next={url}")
    page.get_by_label("Email").fill(official.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{url}")
    check(page)

    page.get_by_role("link", name="Sửa hoặc bỏ Ngô Văn Tâm").click()
    check(page)
    page.get_by_label("Chức vụ").fill("Chủ tịch UBND phường")
    page.get_by_label("Vai trò").select_option("leader")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(f"**{url}")
    assert page.get_by_text("Đã cập nhật tổ chỉ đạo.").is_visible()
    assert page.get_by_text("(Chủ tịch UBND phường)").is_visible()
    check(page)

    page.get_by_role("link", name="Sửa hoặc bỏ Ngô Văn Tâm").click()
    page.get_by_role("button", name="Đưa Ngô Văn Tâm ra khỏi tổ chỉ đạo").click()
    page.wait_for_url(f"**{url}")
    assert page.get_by_text("Đã đưa Ngô Văn Tâm ra khỏi tổ chỉ đạo.").is_visible()
    check(page)
    assert not SteeringGroupMember.objects.exists()
