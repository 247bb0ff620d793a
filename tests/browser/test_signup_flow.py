import re

import pytest

from network_portal.accounts.models import User
from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "bình-đẳng-giới-2026"


@pytest.fixture(autouse=True)
def ward():
    from tests.factories import ProvinceFactory, WardFactory

    return WardFactory(province=ProvinceFactory(name="Thành phố Đà Nẵng"), name="Phường Hải Châu")


def fill_member_profile(page):
    """The member profile the sign-up asks for (members.forms.SignupForm)."""
    from network_portal.places.models import Ward

    ward = Ward.objects.select_related("province").get(name="Phường Hải Châu")
    page.get_by_label("Nam", exact=True).check()
    page.get_by_label("Năm sinh").fill("1990")
    page.get_by_label("Số điện thoại di động").fill("0912 345 678")
    page.get_by_label("Tỉnh/thành phố").select_option(label=ward.province.name)
    page.get_by_label("Xã/phường").select_option(label=ward.name)
    page.get_by_label("Nghề nghiệp").fill("Kỹ sư")
    page.get_by_label("Tôi đồng ý").check()


def test_it_signs_up_verifies_the_email_and_logs_in(page, mailoutbox, live_server):
    page.goto("/")
    page.get_by_role("link", name="Tham gia mạng lưới").first.click()
    assert_accessible(page)
    assert_fits_width(page)

    page.get_by_label("Họ và tên").fill("Trần Văn Bình")
    page.get_by_label("Email").fill("binh.tran@example.com")
    page.get_by_label("Mật khẩu:", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    fill_member_profile(page)
    page.get_by_role("button", name="Đăng ký").click()

    page.wait_for_url("**/accounts/confirm-email/")
    assert_accessible(page)
    assert User.objects.get(email="binh.tran@example.com").full_name == "Trần Văn Bình"

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mailoutbox[-1].body)[1]
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Xác nhận").click()

    page.wait_for_url("**/accounts/login/")
    page.get_by_label("Email").fill("binh.tran@example.com")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()

    page.wait_for_url(live_server.url + "/")
    assert (
        page.get_by_role("button", name="Đăng xuất").is_visible()
        or page.get_by_role("navigation").get_by_text("Bình").count()
    )
    assert_accessible(page)
    assert_fits_width(page)


def test_it_explains_a_duplicate_email_in_vietnamese(page):
    from tests.factories import UserFactory

    UserFactory(email="da.co@example.com")
    page.goto("/accounts/signup/")
    page.get_by_label("Họ và tên").fill("Lê Thị Cúc")
    page.get_by_label("Email").fill("da.co@example.com")
    page.get_by_label("Mật khẩu:", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(PASSWORD)
    fill_member_profile(page)
    page.get_by_role("button", name="Đăng ký").click()

    assert page.get_by_text("đã được dùng").count() >= 1
    assert User.objects.count() == 1
    assert_accessible(page)
