"""A counsellor records a confidential case; the chair sees it without the identity."""

import pytest

from clubs.models import Case, CaseAccessLog, RosterEntry
from members.choices import Gender
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.browser.test_clubs_flow import log_in, log_out
from tests.clubs.factories import ClubFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


def test_it_records_a_case_and_keeps_the_identity_to_the_counsellor(page):
    club = ClubFactory(name="CLB Hải Châu")
    counsellor = UserFactory(email="hanh@example.com", full_name="Bùi Thị Hạnh")
    chair = UserFactory(email="dung@example.com", full_name="Hoàng Văn Dũng")
    for user, role, gender in (
        (counsellor, RosterEntry.Role.ADVISORY, Gender.FEMALE),
        (chair, RosterEntry.Role.CHAIR, Gender.MALE),
    ):
        RosterEntry.objects.create(
            club=club, user=user, full_name=user.full_name, gender=gender, role=role
        )

    log_in(page, counsellor.email)
    page.goto(f"/clubs/{club.pk}/")
    page.get_by_role("link", name="Vụ việc", exact=True).click()
    check(page)
    page.get_by_role("link", name="Ghi nhận vụ việc").click()
    check(page)
    page.get_by_label("Loại:", exact=True).select_option("domestic_violence")
    page.get_by_label("Giới tính người được hỗ trợ").select_option("female")
    page.get_by_label("Nhóm tuổi").select_option("30_59")
    page.get_by_label("Quan hệ").select_option("spouse")
    page.get_by_label("Đồng ý nhận hỗ trợ").check()
    page.get_by_label("Họ và tên").fill("Trần Thị Kim")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("Đã ghi nhận vụ việc.").is_visible()
    assert page.get_by_text("Trần Thị Kim").is_visible()
    check(page)
    case = Case.objects.get()
    log_out(page)

    log_in(page, chair.email)
    page.goto(f"/clubs/cases/{case.pk}/")
    check(page)
    assert page.get_by_role("heading", name=f"Vụ việc {case.reference}").is_visible()
    assert page.get_by_text("Trần Thị Kim").count() == 0
    assert CaseAccessLog.objects.filter(case=case, user=chair, action="view").exists()
