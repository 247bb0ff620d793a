"""The members app's user flows, at desktop size and at 360 px, with axe on every page."""

import json
import re
from pathlib import Path

import pytest

from members.models import MemberProfile, Organisation, OrganisationMembership
from network_portal.accounts.models import User
from tests.browser.conftest import VIEWPORTS, assert_accessible, assert_fits_width
from tests.factories import PASSWORD, ProvinceFactory, UserFactory, WardFactory, site_admin
from tests.members.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "bình-đẳng-giới-2026"


@pytest.fixture
def wards():
    da_nang = ProvinceFactory(name="Thành phố Đà Nẵng")
    return {
        "hai_chau": WardFactory(province=da_nang, name="Phường Hải Châu"),
        "thanh_khe": WardFactory(province=da_nang, name="Phường Thanh Khê"),
        "hoan_kiem": WardFactory(
            province=ProvinceFactory(name="Thành phố Hà Nội"), name="Phường Hoàn Kiếm"
        ),
    }


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


def log_in(page, email, password=PASSWORD):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/$"))


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()


def test_it_signs_up_with_the_full_profile_verifies_and_sees_the_profile(page, mailoutbox, wards):
    page.goto("/accounts/signup/")
    check(page)

    page.get_by_label("Họ và tên").fill("Trần Văn Bình")
    page.get_by_label("Email").fill("binh@example.com")
    page.get_by_label("Mật khẩu:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
    page.get_by_label("Nam", exact=True).check()
    page.get_by_label("Năm sinh").fill("1985")
    page.get_by_label("Số điện thoại di động").fill("+1 202 555 0147")  # not Vietnamese
    page.get_by_label("Tỉnh/thành phố").select_option(label="Thành phố Đà Nẵng")
    # The ward list follows the province (the script fetches it).
    page.get_by_label("Xã/phường").select_option(label="Phường Thanh Khê")
    assert page.locator("#id_ward option", has_text="Phường Hoàn Kiếm").count() == 0
    page.get_by_label("Nghề nghiệp").fill("Giáo viên")
    page.get_by_label("Đơn vị, đoàn thể (không bắt buộc)").select_option(label="Đoàn Thanh niên")
    page.get_by_role("button", name="Đăng ký").click()

    # Bad phone and no consent: clear messages, nothing saved.
    assert page.get_by_text("Đây không phải số di động Việt Nam").is_visible()
    assert page.get_by_text("Hãy đánh dấu vào ô đồng ý với chính sách bảo mật").is_visible()
    assert not User.objects.exists()
    check(page)

    page.get_by_label("Mật khẩu:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
    page.get_by_label("Số điện thoại di động").fill("0912 345 678")
    page.get_by_label("Tôi đồng ý").check()
    page.get_by_role("button", name="Đăng ký").click()
    page.wait_for_url("**/accounts/confirm-email/")

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mailoutbox[-1].body)[1]
    page.goto(link)
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url("**/accounts/login/")
    log_in(page, "binh@example.com", NEW_PASSWORD)

    page.get_by_role("link", name="Hồ sơ của tôi").first.click()
    page.wait_for_url("**/members/me/")
    assert page.get_by_role("heading", name="Trần Văn Bình").is_visible()
    assert page.get_by_text("+84912345678").is_visible()
    assert page.get_by_text("Phường Thanh Khê, Thành phố Đà Nẵng").is_visible()
    for section in ("Câu lạc bộ của tôi", "Các buổi sinh hoạt sắp tới của tôi", "Cam kết của tôi"):
        assert page.get_by_role("heading", name=section).count() == 1
    check(page)
    profile = MemberProfile.objects.get()
    assert (profile.ward, profile.affiliation) == (wards["thanh_khe"], "youth_union")


def test_it_chains_province_and_ward_without_javascript(browser, live_server, viewport, wards):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport],
        locale="vi-VN",
        base_url=live_server.url,
        java_script_enabled=False,
    )
    page = context.new_page()
    try:
        page.goto("/accounts/signup/")
        assert page.locator("#id_ward option").count() == 1  # only "– Chọn xã/phường –"
        page.get_by_label("Họ và tên").fill("Lê Văn Cường")
        page.get_by_label("Email").fill("cuong@example.com")
        page.get_by_label("Mật khẩu:", exact=True).fill(NEW_PASSWORD)
        page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
        page.get_by_label("Tỉnh/thành phố").select_option(label="Thành phố Đà Nẵng")
        page.get_by_role("button", name="Xem các xã/phường của tỉnh này").click()

        assert page.get_by_text("Bây giờ hãy chọn xã/phường của bạn trong danh sách.").is_visible()
        assert page.locator("#id_ward option").count() == 3
        # The passwords are not written back into the page: the form asks for them again.
        assert page.get_by_label("Mật khẩu:", exact=True).input_value() == ""
        assert page.get_by_text("vui lòng nhập lại mật khẩu ở cả hai ô").is_visible()
        page.get_by_label("Mật khẩu:", exact=True).fill(NEW_PASSWORD)
        page.get_by_label("Nhập lại mật khẩu").fill(NEW_PASSWORD)
        page.get_by_label("Xã/phường").select_option(label="Phường Hải Châu")
        page.get_by_label("Nam", exact=True).check()
        page.get_by_label("Năm sinh").fill("1970")
        page.get_by_label("Số điện thoại di động").fill("0987654321")
        page.get_by_label("Nghề nghiệp").fill("Nông dân")
        page.get_by_label("Tôi đồng ý").check()
        page.get_by_role("button", name="Đăng ký", exact=True).click()
        page.wait_for_url("**/accounts/confirm-email/")
        assert MemberProfile.objects.get().ward == wards["hai_chau"]
    finally:
        context.close()


def test_it_registers_an_organisation_that_an_admin_verifies_and_a_member_links_to(page, wards):
    representative = MemberProfileFactory(
        user__full_name="Nguyễn Thị Lan", user__email="lan@example.com", ward=wards["hai_chau"]
    ).user
    MemberProfileFactory(
        user__full_name="Phạm Văn Đông",
        user__email="dong@example.com",
        ward=wards["hai_chau"],
        show_organisations=True,
    )
    site_admin(email="admin@example.com", full_name="Quản Trị Viên")

    log_in(page, "lan@example.com")
    page.goto("/members/organisations/new/")
    check(page)
    page.get_by_label("Tên tổ chức").fill("Hội Liên hiệp Phụ nữ phường Hải Châu")
    page.get_by_label("Loại hình").select_option(label="Tổ chức chính trị – xã hội")
    page.get_by_role("radio", name="Trong nước").check()
    page.get_by_label("Tỉnh/thành phố (nếu ở trong nước)").select_option(label="Thành phố Đà Nẵng")
    page.get_by_label("Email liên hệ").fill("phunu@example.com")
    page.get_by_label("Giới thiệu").fill("Chi hội phụ nữ của phường.")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    assert page.get_by_text("sẽ được đưa vào danh sách khi quản trị viên xác minh").is_visible()
    assert page.get_by_text("Đang chờ xác minh").first.is_visible()
    check(page)
    log_out(page)

    log_in(page, "admin@example.com")
    page.goto("/members/organisations/pending/")
    check(page)
    page.get_by_role("button", name="Xác minh và đưa vào danh sách").first.click()
    assert page.get_by_text("đã được xác minh và đưa vào danh sách").is_visible()
    log_out(page)

    page.goto("/members/organisations/")
    assert page.get_by_role("link", name="Hội Liên hiệp Phụ nữ phường Hải Châu").is_visible()
    check(page)

    log_in(page, "dong@example.com")
    page.goto("/members/organisations/")
    page.get_by_label("Tên").fill("hoi lien hiep phu nu")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name="Hội Liên hiệp Phụ nữ phường Hải Châu").click()
    page.get_by_label("Thành viên", exact=True).check()
    page.get_by_role("button", name="Đề nghị liên kết").click()
    assert page.get_by_text("Đã gửi đề nghị của bạn").is_visible()
    check(page)
    log_out(page)

    log_in(page, "lan@example.com")
    page.goto(Organisation.objects.get().get_absolute_url())
    page.get_by_role("button", name="Duyệt Phạm Văn Đông").click()
    assert page.get_by_text("Phạm Văn Đông đã được liên kết.").is_visible()
    assert page.get_by_role("link", name="Phạm Văn Đông").is_visible()
    check(page)
    membership = OrganisationMembership.objects.get(user__email="dong@example.com")
    assert (membership.status, membership.decided_by) == ("approved", representative)


def test_it_downloads_my_data_and_deletes_my_account(page, wards):
    MemberProfileFactory(
        user__full_name="Võ Đức Thắng",
        user__email="thang@example.com",
        ward=wards["hai_chau"],
        phone="+84905123456",
    )
    log_in(page, "thang@example.com")
    page.goto("/members/me/")
    page.get_by_role("link", name="Dữ liệu và quyền riêng tư của tôi").click()
    check(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải dữ liệu của tôi").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "thang@example.com"
    assert data["profile"]["phone"] == "+84905123456"

    page.get_by_role("link", name="Xóa tài khoản của tôi").click()
    check(page)
    page.get_by_label("Mật khẩu của bạn").fill("sai")
    page.get_by_role("button", name="Xóa vĩnh viễn tài khoản của tôi").click()
    assert page.get_by_text("Mật khẩu không đúng.").is_visible()
    page.get_by_label("Mật khẩu của bạn").fill(PASSWORD)
    page.get_by_label("Tôi hiểu rằng tài khoản của tôi sẽ bị xóa").check()
    page.get_by_role("button", name="Xóa vĩnh viễn tài khoản của tôi").click()

    assert page.get_by_text("Tài khoản của bạn đã được xóa").is_visible()
    assert page.get_by_role("link", name="Đăng nhập").first.is_visible()
    check(page)
    user = User.objects.get()
    assert not user.is_active and user.full_name == "" and user.email != "thang@example.com"
    assert MemberProfile.objects.get().phone == ""


def test_it_searches_the_directory_ignoring_diacritics(page, wards):
    MemberProfileFactory(user__full_name="Nguyễn Văn An", ward=wards["hai_chau"])
    MemberProfileFactory(user__full_name="Trần Thị Bình", ward=wards["hoan_kiem"])
    viewer = UserFactory(email="xem@example.com")
    assert viewer.pk
    log_in(page, "xem@example.com")
    page.goto("/members/people/")
    check(page)

    page.get_by_label("Tên").fill("nguyen van an")
    page.get_by_role("button", name="Tìm").click()

    assert page.get_by_role("link", name="Nguyễn Văn An").is_visible()
    assert page.get_by_role("link", name="Trần Thị Bình").count() == 0
    check(page)
