"""Two people editing the same draft: the second save is refused with a clear message and
what they typed stays on the screen (desktop and 360 px, axe on the page)."""

import re

import pytest

from clubs.models import RosterEntry
from clubs.reports import periods, services
from clubs.reports.models import QuarterlyReport
from tests.browser.conftest import VIEWPORTS, assert_accessible, assert_fits_width
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import PASSWORD, WardFactory, ward_official

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/$"))


def test_it_refuses_the_second_of_two_saves_with_a_clear_message(
    page, browser, live_server, viewport, settings
):
    today = periods.today()
    year, quarter = periods.quarter_of(today)
    settings.REPORTS_LOCK_DAYS = 400
    ward = WardFactory(name="Phường Hải Châu")
    club = ClubFactory(ward=ward, name="CLB Hải Châu")
    chair = on_roster(club, RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng")
    official = ward_official(ward, full_name="Nguyễn Thị Lan")
    report = services.quarterly_report_start(club=club, year=year, quarter=quarter, by=official)
    edit = f"/reports/quarterly/{report.pk}/edit/"

    log_in(page, official.email)
    page.goto(edit)

    other = browser.new_context(
        viewport=VIEWPORTS[viewport], locale="vi-VN", base_url=live_server.url
    )
    try:
        chair_page = other.new_page()
        log_in(chair_page, chair.email)
        chair_page.goto(edit)
        chair_page.get_by_label("Kết quả").fill("Bản của chủ nhiệm")
        chair_page.get_by_role("button", name="Lưu báo cáo").click()
        chair_page.get_by_text("Đã lưu báo cáo.").wait_for()
    finally:
        other.close()

    page.get_by_label("Kết quả").fill("Bản của cán bộ phường")
    page.get_by_role("button", name="Lưu báo cáo").click()
    page.get_by_text("Người khác đã lưu báo cáo này sau khi bạn mở nó").wait_for()
    assert page.get_by_label("Kết quả").input_value() == "Bản của cán bộ phường"
    assert_accessible(page)
    assert_fits_width(page)
    assert QuarterlyReport.objects.get(pk=report.pk).results == "Bản của chủ nhiệm"
