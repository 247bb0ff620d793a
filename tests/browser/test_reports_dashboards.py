"""Dashboards and the yearly report in a browser (desktop and 360 px), axe on every page:
the province official reads the province's completeness and trend and drills into a ward;
the ward official files the yearly report and prints it; the province official accepts it."""

import datetime as dt
import re

import pytest

from clubs.reports import periods
from clubs.reports.models import AnnualReport, Status
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.clubs.factories import ClubFactory
from tests.factories import PASSWORD, ProvinceFactory, WardFactory, province_official, ward_official
from tests.reports.factories import QuarterlyReportFactory, submitted

pytestmark = pytest.mark.django_db(transaction=True)


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/$"))


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()


@pytest.fixture
def province():
    year = periods.today().year
    da_nang = ProvinceFactory(name="Thành phố Đà Nẵng")
    hai_chau = WardFactory(province=da_nang, name="Phường Hải Châu")
    thanh_khe = WardFactory(province=da_nang, name="Phường Thanh Khê")
    for index in range(3):
        club = ClubFactory(ward=hai_chau, name=f"CLB Hải Châu {index + 1}")
        due = periods.quarterly_due_date(year, 1)
        submitted(
            club=club,
            year=year,
            quarter=1,
            on=due - dt.timedelta(days=index * 4 - 2),
            status=Status.ACCEPTED,
            meetings_held=3,
            meetings_planned=3,
            attendance_men=30,
            attendance_women=12,
        )
    club = ClubFactory(ward=thanh_khe, name="CLB Thanh Khê")
    QuarterlyReportFactory(club=club, year=year, quarter=1)  # a draft: missing
    return {
        "year": year,
        "province": da_nang,
        "ward": hai_chau,
        "official": ward_official(hai_chau, full_name="Nguyễn Thị Lan"),
        "reviewer": province_official(da_nang, full_name="Phạm Văn Hùng"),
    }


def test_it_shows_the_province_completeness_and_drills_into_a_ward(page, province):
    year = province["year"]
    log_in(page, province["reviewer"].email)
    page.get_by_role("link", name="Báo cáo", exact=True).first.click()
    check(page)
    page.get_by_role("link", name="Thành phố Đà Nẵng").click()
    page.wait_for_url(re.compile(r".*/reports/province/\d+/$"))
    check(page)
    totals = page.get_by_role("row", name=f"Q1/{year}").first
    assert "75%" in totals.inner_text()  # 3 of 4 clubs reported
    page.get_by_label("Tên có chứa").fill("Hải")
    page.get_by_role("button", name="Xem").click()
    assert page.get_by_role("row", name=re.compile("Thanh Khê")).count() == 0
    page.get_by_role("link", name="Phường Hải Châu").click()
    page.wait_for_url(re.compile(r".*/reports/ward/\d+/.*"))
    check(page)
    cells = page.locator('td[data-quarter="1"]')
    assert cells.count() == 3
    texts = [cells.nth(i).inner_text() for i in range(3)]
    assert sum(t.startswith("Đúng hạn") for t in texts) == 2  # 2 and 6 days early
    assert sum(t.startswith("Muộn") for t in texts) == 1  # 2 days late


def test_it_files_prints_and_accepts_the_yearly_report(page, province, settings):
    year = province["year"]
    settings.REPORTS_LOCK_DAYS = 400  # whatever today is, this year's report is still open
    log_in(page, province["official"].email)
    page.goto(f"/reports/ward/{province['ward'].pk}/?year={year}")
    page.get_by_role("link", name="Báo cáo năm").click()
    check(page)
    page.get_by_role("button", name="Bắt đầu báo cáo năm").click()
    page.wait_for_url(re.compile(r".*/annual/\d+/edit/$"))
    check(page)
    page.get_by_label("Kết quả").fill("Ba câu lạc bộ sinh hoạt đều đặn.")
    page.get_by_label("Kế hoạch nhân rộng mô hình").fill("Nhân rộng ra thêm 3 tổ dân phố.")
    page.get_by_label("Số khối/thôn sẽ nhân rộng năm sau").fill("3")
    page.get_by_label("Số văn bản").fill("15/BC-UBND")
    page.get_by_label("Nơi nhận").fill("UBND thành phố Đà Nẵng\nLưu: VT")
    page.get_by_role("button", name="Lưu báo cáo").click()
    page.wait_for_url(re.compile(r".*/annual/\d+/$"))
    check(page)
    report_url = page.url
    page.get_by_role("button", name="Nộp báo cáo").click()
    page.get_by_text("Đã nộp báo cáo để xem xét.").wait_for()
    page.goto(f"{report_url}print/")
    assert_accessible(page)
    page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").wait_for()
    page.get_by_text("Số: 15/BC-UBND").wait_for()
    page.get_by_text("UBND thành phố Đà Nẵng").wait_for()
    page.goto(report_url)
    log_out(page)

    log_in(page, province["reviewer"].email)
    page.goto(report_url)
    check(page)
    page.get_by_role("button", name="Chấp nhận báo cáo").click()
    page.get_by_text("Đã chấp nhận báo cáo.").wait_for()
    assert AnnualReport.objects.get().status == Status.ACCEPTED
