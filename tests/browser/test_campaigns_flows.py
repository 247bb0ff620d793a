"""The campaigns flows of issue 6, in the browser at desktop and phone sizes, axe on every page."""

import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from PIL import Image

from campaigns.models import Activity, Campaign, Commendation, Pledge, Target
from clubs.models import RosterEntry
from members.choices import Gender
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.campaigns.factories import CampaignFactory, running_campaign
from tests.clubs.factories import ClubFactory
from tests.factories import PASSWORD, UserFactory, WardFactory, site_admin

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def log_in(page, email, then="/campaigns/"):
    page.goto(f"/accounts/login/?next={then}")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{then}")


def submit(page, name, **kwargs):
    """Press a form's button and wait until the answer page has loaded."""
    with page.expect_navigation():
        page.get_by_role("button", name=name, **kwargs).click()


def check(page):
    assert_accessible(page)
    assert_fits_width(page)


def jpeg(colour=(120, 60, 160)) -> dict:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), colour).save(out, format="JPEG")
    return {"name": "hoi-thi.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def test_it_lets_an_administrator_create_the_2026_action_month_by_copying_2025(page):
    site_admin(email="quantri@example.com", full_name="Trần Minh Quân")
    month_2025 = CampaignFactory(year=2025, plan_issuer="Ban Điều phối Mạng lưới")
    Target.objects.create(campaign=month_2025, indicator="activities", value=12)

    log_in(page, "quantri@example.com")
    check(page)
    page.get_by_role("link", name=month_2025.title).click()
    check(page)
    page.get_by_role("link", name="Sao chép sang năm 2026").click()
    assert "Tạo Tháng hành động năm 2026" in page.get_by_role("heading", level=1).inner_text()
    check(page)

    submit(page, name="Tạo Tháng hành động năm 2026")
    assert page.locator(".field-error").count() == 1  # the theme is needed
    check(page)
    page.get_by_label("Chủ đề của năm mới").fill(
        "Nam giới chung tay xây dựng gia đình bình đẳng, cộng đồng không bạo lực"
    )
    submit(page, name="Tạo Tháng hành động năm 2026")

    assert "năm 2026" in page.get_by_role("heading", level=1).inner_text()
    assert "15/11/2026 – 15/12/2026" in page.content()
    check(page)
    month_2026 = Campaign.objects.get(year=2026, kind="action_month")
    assert month_2026.copied_from == month_2025
    assert month_2026.targets.get().value == 12


def test_it_lets_a_club_chair_register_an_activity_with_photos_and_the_progress_moves(page):
    ward = WardFactory(name="Phường Hải Châu")
    club = ClubFactory(ward=ward, name="CLB Nam giới tiên phong Hải Châu")
    chair = UserFactory(email="dung@example.com", full_name="Hoàng Văn Dũng")
    RosterEntry.objects.create(
        club=club, user=chair, full_name=chair.full_name, gender=Gender.MALE, role="chair"
    )
    campaign = running_campaign(title="Tháng hành động đang diễn ra")
    Target.objects.create(campaign=campaign, indicator="activities", value=4)
    Target.objects.create(campaign=campaign, indicator="men", value=100)
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    # Before: nothing counted.
    page.goto(f"/campaigns/{campaign.pk}/progress/")
    assert page.locator("[data-indicator=activities]").inner_text() == "0"
    assert "Chưa có hoạt động nào được tính." in page.content()
    check(page)

    log_in(page, chair.email, then=f"/campaigns/{campaign.pk}/")
    check(page)
    page.get_by_role("link", name="Đăng ký hoạt động").click()
    check(page)
    page.get_by_label("Loại").select_option("cooking_contest")
    page.get_by_label(re.compile("^Tên")).fill("Hội thi “Bố vào bếp”")
    page.get_by_label(re.compile("^Ngày")).fill(
        (campaign.starts_on - dt.timedelta(days=3)).isoformat()
    )
    page.get_by_label("Số nam tham gia").fill("30")
    page.get_by_label("Số nữ tham gia").fill("12")
    page.get_by_label(re.compile("^Ảnh")).set_input_files([jpeg(), jpeg((200, 90, 0))])
    submit(page, name="Lưu hoạt động")

    # A date outside the campaign is explained; nothing is saved.
    assert "phải nằm trong thời gian của chiến dịch" in page.content()
    assert not Activity.objects.exists()
    check(page)
    page.get_by_label(re.compile("^Ngày")).fill(yesterday.isoformat())
    page.get_by_label(re.compile("^Ảnh")).set_input_files([jpeg(), jpeg((200, 90, 0))])
    page.get_by_label("Chú thích ảnh").fill("Các đội nam giới thi nấu ăn")
    submit(page, name="Lưu hoạt động")

    assert page.get_by_role("heading", level=1).inner_text() == "Hội thi “Bố vào bếp”"
    assert page.get_by_role("img", name="Các đội nam giới thi nấu ăn").count() == 2
    check(page)

    page.goto(f"/campaigns/{campaign.pk}/progress/")
    assert page.locator("[data-indicator=activities]").inner_text() == "1"
    assert page.locator("[data-indicator=men]").inner_text() == "30"
    ranking = page.locator("table[data-ranking=clubs]")
    assert "CLB Nam giới tiên phong Hải Châu" in ranking.inner_text()
    check(page)
    page.get_by_role("link", name="Toàn bộ bảng xếp hạng phường, xã").click()
    assert "Phường Hải Châu" in page.locator("table[data-ranking=wards]").inner_text()
    check(page)
    page.get_by_role("link", name="Hoạt động", exact=True).click()
    assert page.get_by_role("link", name="Hội thi “Bố vào bếp”").count() == 1
    check(page)


def test_it_lets_a_member_pledge_once_and_the_counter_moves(page):
    member = UserFactory(email="an@example.com", full_name="Nguyễn Văn An")
    campaign = running_campaign(title="Tháng hành động đang diễn ra")

    page.goto("/")
    banner = page.locator(".campaign-banner")
    assert "Tháng hành động đang diễn ra" in banner.inner_text()
    assert "0 lời cam kết" in banner.inner_text()
    check(page)

    log_in(page, member.email, then=f"/campaigns/{campaign.pk}/")
    page.get_by_role("link", name="Cam kết hành động").first.click()
    assert page.locator("[data-pledge-count]").inner_text() == "0"
    check(page)
    page.get_by_label("Tôi sẽ chia sẻ việc nhà và chăm sóc gia đình.").check()
    submit(page, name="Tôi cam kết")

    assert page.locator("[data-pledge-count]").inner_text() == "1"
    assert "Cam kết của bạn:" in page.content()
    wall = page.locator(".pledge-wall")
    assert "Nguyễn Văn An" in wall.inner_text()
    check(page)
    assert Pledge.objects.get().user == member

    page.goto("/members/me/")
    assert "Tôi sẽ chia sẻ việc nhà và chăm sóc gia đình." in page.content()
    page.goto("/")
    assert "1 lời cam kết" in page.locator(".campaign-banner").inner_text()
    check(page)


def test_it_lets_a_visitor_pledge_with_a_name_but_not_twice(page):
    campaign = running_campaign(title="Tháng hành động đang diễn ra")
    url = f"/campaigns/{campaign.pk}/pledges/"

    for attempt in range(2):
        page.goto(url)
        page.get_by_label("Bằng lời của tôi…").check()
        page.get_by_label("Cam kết bằng lời của tôi").fill("Tôi sẽ đưa con đi học mỗi sáng.")
        page.get_by_label("Tên của bạn (hiển thị trên bức tường cam kết)").fill("Anh Bình")
        page.get_by_label("Địa chỉ e-mail của bạn").fill("binh@example.net")
        submit(page, name="Tôi cam kết")
        if attempt == 0:
            assert "“Tôi sẽ đưa con đi học mỗi sáng.”" in page.locator(".pledge-wall").inner_text()
        check(page)

    assert "Bạn đã cam kết cho chiến dịch này rồi" in page.content()
    assert Pledge.objects.count() == 1


def test_it_lets_an_administrator_record_a_commendation_for_the_honour_roll(page):
    site_admin(email="quantri@example.com", full_name="Trần Minh Quân")
    campaign = CampaignFactory(year=2025)

    log_in(page, "quantri@example.com", then="/campaigns/honours/")
    check(page)
    page.get_by_role("link", name="Ghi nhận khen thưởng").click()
    check(page)
    page.get_by_label("Loại").select_option("bang_khen")
    page.get_by_label("Khen thưởng cho").select_option("individual")
    page.get_by_label("Tên tập thể, cá nhân được khen").fill("Ông Hoàng Văn Dũng")
    page.get_by_label("Chức vụ hoặc địa chỉ").fill("Chủ nhiệm CLB, phường Hải Châu")
    page.get_by_label("Chiến dịch hoặc phong trào").select_option(str(campaign.pk))
    page.get_by_label("Số quyết định").fill("1520/QĐ-UBND")
    page.get_by_label("Cấp khen thưởng").fill("Ủy ban nhân dân thành phố Đà Nẵng")
    page.get_by_label("Ngày quyết định").fill("2025-12-20")
    page.get_by_label("Lý do khen thưởng").fill("Thành tích xuất sắc trong Tháng hành động 2025")
    submit(page, name="Ghi nhận", exact=True)

    assert "Khen thưởng này là thật" in page.content()
    check(page)
    commendation = Commendation.objects.get()
    page.get_by_role("link", name="Bản in bằng khen").click()
    assert page.locator("svg.qr").count() == 1
    assert f"/campaigns/certificates/{commendation.code}/" in page.content()
    check(page)

    page.goto("/campaigns/honours/2025/")
    roll = page.locator(".honours").last.inner_text()
    assert "Ông Hoàng Văn Dũng" in roll and "1520/QĐ-UBND" in roll
    check(page)


def test_it_lets_an_administrator_create_a_campaign_with_targets(page):
    site_admin(email="quantri@example.com", full_name="Trần Minh Quân")

    log_in(page, "quantri@example.com")
    page.get_by_role("link", name="Chiến dịch mới").click()
    check(page)
    page.get_by_label(re.compile("^Loại")).select_option("commemorative_day")
    page.get_by_label(re.compile("^Tên")).fill("Ngày Gia đình Việt Nam 28/6/2027")
    page.get_by_label(re.compile("^Năm")).fill("2027")
    page.get_by_label(re.compile("^Ngày bắt đầu")).fill("2027-06-20")
    page.get_by_label(re.compile("^Ngày kết thúc")).fill("2027-06-10")
    page.get_by_label("Chỉ tiêu: Số hoạt động đã tổ chức").fill("15")
    submit(page, name="Lưu")

    assert "Ngày kết thúc đang trước ngày bắt đầu." in page.content()
    assert not Campaign.objects.exists()
    check(page)
    page.get_by_label(re.compile("^Ngày kết thúc")).fill("2027-06-28")
    submit(page, name="Lưu")

    assert page.get_by_role("heading", level=1).inner_text() == "Ngày Gia đình Việt Nam 28/6/2027"
    check(page)
    assert Campaign.objects.get().targets.get().value == 15
