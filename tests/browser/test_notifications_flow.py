"""Notifications in the browser: the bell shows a new reminder; the e-mail's unsubscribe link
stops that kind. Desktop and 360 px, axe on every page."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from network_portal.notifications.models import Preference
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.factories import PASSWORD
from tests.notifications.factories import ClubWorld, at
from tests.notifications.helpers import recipients, run

pytestmark = pytest.mark.django_db(transaction=True)


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


@pytest.fixture
def world(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    mail.outbox = []
    return ClubWorld()


def test_it_rings_the_bell_and_unsubscribes_from_the_link(page, live_server, world):
    page.goto("/accounts/login/?next=/")
    page.get_by_label("Email").fill(world.member.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_test_id("unread-count").count() == 0

    run(at(2026, 12, 7, 7, 0))  # beat, three days before the meeting
    page.reload()
    bell = page.get_by_test_id("bell")
    assert page.get_by_test_id("unread-count").text_content() == "(1 chưa đọc)"
    check(page)

    bell.click()
    page.wait_for_url("**/notifications/")
    item = page.get_by_test_id("notification")
    assert "Nhắc lịch: " in item.inner_text()
    assert "10/12/2026 19:30" in item.inner_text()
    check(page)
    page.get_by_role("button", name=re.compile("Đánh dấu đã đọc")).click()
    page.wait_for_url("**/notifications/")
    assert page.get_by_test_id("unread-count").count() == 0
    assert "Đã đánh dấu là đã đọc." in page.content()

    [message] = [m for m in mail.outbox if m.to == [world.member.email]]
    link = re.search(r"https?://\S+/notifications/unsubscribe/\S+/", message.body).group(0)
    page.goto(urlsplit(link).path)
    assert page.get_by_role("heading", name="Ngừng nhận những thư này?").is_visible()
    check(page)
    page.get_by_role("button", name="Hủy đăng ký").click()
    assert page.get_by_role("heading", name="Bạn đã hủy đăng ký").is_visible()
    check(page)

    page.get_by_role("link", name="Bạn có thể đổi lựa chọn bất cứ lúc nào").click()
    page.wait_for_url("**/notifications/preferences/")
    assert not page.get_by_label("Nhắc lịch sinh hoạt và báo hủy: Thư điện tử").is_checked()
    assert page.get_by_label("Nhắc lịch sinh hoạt và báo hủy: Trên cổng (chuông)").is_checked()
    check(page)
    assert Preference.objects.get(user=world.member).muted == ["meetings:email"]

    mail.outbox = []
    run(at(2026, 12, 10, 7, 0))  # the morning of the meeting: no e-mail, the bell still rings
    assert world.member.email not in [m.to[0] for m in mail.outbox]
    assert world.chair.email in [m.to[0] for m in mail.outbox]
    assert world.member.pk in recipients("meeting_day", "inapp")
    page.goto("/")
    assert page.get_by_test_id("unread-count").text_content() == "(1 chưa đọc)"


def test_it_lets_a_member_choose_a_daily_digest(page, live_server, world):
    page.goto("/accounts/login/?next=/notifications/preferences/")
    page.get_by_label("Email").fill(world.member.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/notifications/preferences/")
    check(page)
    page.get_by_label(re.compile("Gửi cho tôi một thư mỗi ngày")).check()
    page.get_by_label("Chiến dịch bắt đầu và kết thúc: Thư điện tử").uncheck()
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/notifications/preferences/")
    assert "Đã lưu lựa chọn của bạn." in page.content()
    check(page)
    preference = Preference.objects.get(user=world.member)
    assert preference.daily_digest is True
    assert preference.muted == ["campaigns:email"]


def test_it_shows_a_ward_official_what_was_sent_and_what_failed(page, live_server, world):
    from network_portal.notifications.models import Delivery
    from tests.factories import ward_official

    official = ward_official(world.club.ward, full_name="Nguyễn Thị Lan")
    run(at(2026, 12, 7, 7, 0))
    Delivery.objects.filter(recipient=world.member2, channel="email").update(
        status="failed", error="SMTPRecipientsRefused: 550 no such user"
    )
    page.goto("/accounts/login/?next=/notifications/")
    page.get_by_label("Email").fill(official.email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/notifications/")
    page.get_by_role("link", name="Nhật ký gửi thông báo").click()
    page.wait_for_url("**/notifications/deliveries/")
    assert page.get_by_test_id("delivery").count() == 10  # 8 meeting, 2 yearly report
    check(page)
    page.get_by_label("Trạng thái").select_option("failed")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**/notifications/deliveries/?*")
    assert page.get_by_test_id("delivery").count() == 1
    assert "SMTPRecipientsRefused" in page.get_by_test_id("delivery").inner_text()
    assert "Gửi lỗi" in page.get_by_test_id("delivery").inner_text()
    check(page)
