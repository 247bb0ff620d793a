"""The quarterly report flow in a browser, at desktop size and at 360 px, axe on every page:
a ward official opens the quarter, sees the prefilled figures, corrects one, writes the
narrative and submits; the province official returns it with a comment; it is fixed,
resubmitted and accepted; the ward dashboard shows it on time; the XLSX and the printable
page hold the same numbers."""

import datetime as dt
import io
import re

import pytest
from openpyxl import load_workbook

from clubs.models import Meeting, RosterEntry
from clubs.reports import periods
from clubs.reports.models import QuarterlyReport, Status
from members.choices import Gender
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.clubs.factories import ClubFactory, MeetingFactory, RosterEntryFactory
from tests.factories import PASSWORD, ProvinceFactory, WardFactory, province_official, ward_official

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
def setting(settings):
    """The quarter before today, due a few days from now whatever today is."""
    today = periods.today()
    year, quarter = periods.previous_quarters(today, 1)[0]
    settings.REPORTS_QUARTERLY_DUE_DAYS = (today - periods.quarter_end(year, quarter)).days + 5
    ward = WardFactory(name="Phường Hải Châu", province=ProvinceFactory(name="Thành phố Đà Nẵng"))
    club = ClubFactory(ward=ward, name="CLB Nam giới tiên phong Hải Châu")
    start = periods.quarter_start(year, quarter) - dt.timedelta(days=30)
    men = [
        RosterEntryFactory(club=club, gender=Gender.MALE, joined_on=start, full_name=f"Nam {i}")
        for i in range(4)
    ]
    women = [
        RosterEntryFactory(club=club, gender=Gender.FEMALE, joined_on=start, full_name=f"Nữ {i}")
        for i in range(3)
    ]
    first = periods.start_of_day(periods.quarter_start(year, quarter)) + dt.timedelta(
        days=14, hours=19
    )
    for index, (attendees, status) in enumerate(
        [
            (men[:3] + women[:2], Meeting.Status.HELD),
            (men[:2] + women, Meeting.Status.HELD),
            ([], Meeting.Status.CANCELLED),
        ]
    ):
        meeting = MeetingFactory(
            club=club,
            status=status,
            starts_at=first + dt.timedelta(days=30 * index),
            ends_at=first + dt.timedelta(days=30 * index, minutes=90),
            guests_men=1,
        )
        meeting.attendees.set(attendees)
    return {
        "year": year,
        "quarter": quarter,
        "club": club,
        "ward": ward,
        "official": ward_official(ward, full_name="Nguyễn Thị Lan"),
        "reviewer": province_official(ward.province, full_name="Phạm Văn Hùng"),
    }


def figure_in_print(page, label: str) -> str:
    row = page.locator("table.sheet tr", has=page.get_by_text(label, exact=True))
    return row.locator("td.num").inner_text().strip()


def test_it_files_returns_fixes_and_accepts_a_quarterly_report(page, setting):
    year, quarter, club = setting["year"], setting["quarter"], setting["club"]
    period = f"Quý {quarter}/{year}"

    # The ward official opens the quarter and sees the prefilled figures.
    log_in(page, setting["official"].email)
    page.goto(f"/reports/club/{club.pk}/?year={year}")
    check(page)
    page.get_by_role("button", name=f"Bắt đầu báo cáo {period}").click()
    page.wait_for_url(re.compile(r".*/quarterly/\d+/edit/$"))
    check(page)
    assert page.get_by_label("Số buổi sinh hoạt định kỳ theo kế hoạch").input_value() == "3"
    assert page.get_by_label("Số buổi sinh hoạt định kỳ đã tổ chức").input_value() == "2"
    assert page.get_by_label("Lượt tham dự: nam").input_value() == "7"  # 3 + 2 + 2 guests
    assert page.get_by_label("Lượt tham dự: nữ").input_value() == "5"
    assert page.get_by_label("Số nam trong danh sách cuối quý").input_value() == "4"

    # Corrects one (two guests were not counted at the door) and writes the narrative.
    page.get_by_label("Lượt tham dự: nam").fill("9")
    page.get_by_label("Số lần phát thanh trên đài phường").fill("4")
    page.get_by_label("Kết quả").fill("Tổ chức 2 buổi sinh hoạt về phòng chống bạo lực gia đình.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    page.wait_for_url(re.compile(r".*/quarterly/\d+/$"))
    check(page)
    report_url = page.url
    page.get_by_role("button", name="Nộp báo cáo").click()
    page.get_by_text("Đã nộp báo cáo để xem xét.").wait_for()
    log_out(page)

    # The province official returns it with a comment.
    log_in(page, setting["reviewer"].email)
    page.goto(report_url)
    check(page)
    page.get_by_label("Nhận xét gửi người đã nộp báo cáo").fill("Bổ sung phần khó khăn, vướng mắc.")
    page.get_by_role("button", name="Trả lại kèm nhận xét").click()
    page.get_by_text("Đã trả lại báo cáo kèm nhận xét của bạn.").wait_for()
    log_out(page)

    # The ward official fixes it and resubmits.
    log_in(page, setting["official"].email)
    page.goto(report_url)
    page.get_by_text("Bổ sung phần khó khăn, vướng mắc.").first.wait_for()
    check(page)
    page.get_by_role("link", name="Sửa số liệu và nội dung").click()
    page.get_by_label("Khó khăn, vướng mắc").fill("Kinh phí hoạt động còn hạn chế.")
    page.get_by_role("button", name="Lưu báo cáo").click()
    page.wait_for_url(report_url)
    page.get_by_role("button", name="Nộp lại báo cáo").click()
    page.get_by_text("Đã nộp báo cáo để xem xét.").wait_for()
    log_out(page)

    # The province official accepts it; the ward dashboard shows it on time.
    log_in(page, setting["reviewer"].email)
    page.goto(report_url)
    page.get_by_role("button", name="Chấp nhận báo cáo").click()
    page.get_by_text("Đã chấp nhận báo cáo.").wait_for()
    check(page)
    report = QuarterlyReport.objects.get(club=club, year=year, quarter=quarter)
    assert report.status == Status.ACCEPTED
    assert list(report.events.values_list("action", flat=True)) == [
        "created",
        "saved",
        "submitted",
        "returned",
        "saved",
        "resubmitted",
        "accepted",
    ]
    page.goto(f"/reports/ward/{setting['ward'].pk}/?year={year}")
    check(page)
    row = page.get_by_role("row", name=re.compile(club.name))
    assert row.locator(f'td[data-quarter="{quarter}"]').inner_text().startswith("Đúng hạn")

    # The XLSX and the printable page hold the same numbers.
    response = page.request.get(f"{report_url}xlsx/")
    assert response.ok
    sheet = load_workbook(io.BytesIO(response.body())).active
    xlsx = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    page.goto(f"{report_url}print/")
    assert_accessible(page)
    page.get_by_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").wait_for()
    page.get_by_text("Độc lập - Tự do - Hạnh phúc").wait_for()
    page.get_by_text("Nơi nhận:").wait_for()
    for label, expected in [
        ("Lượt tham dự: nam", 9),
        ("Lượt tham dự: nữ", 5),
        ("Số buổi sinh hoạt định kỳ đã tổ chức", 2),
        ("Số buổi sinh hoạt định kỳ theo kế hoạch", 3),
        ("Số lần phát thanh trên đài phường", 4),
    ]:
        assert xlsx[label] == expected
        assert figure_in_print(page, label) == str(expected)
    assert RosterEntry.objects.filter(club=club).count() == 7
