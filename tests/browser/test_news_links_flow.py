"""A club chair's story links to the running campaign and to their club (preselected); once
published, the article page names both with links, and the campaign's news list finds it."""

import pytest

from clubs.models import RosterEntry
from news import services
from news.models import Article
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.browser.test_news_editor_flow import log_in
from tests.campaigns.factories import running_campaign
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import editor
from tests.news.factories import CategoryFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "CLB Hải Châu hưởng ứng Tháng hành động"


def test_it_links_a_chairs_story_to_the_campaign_and_the_club(page):
    CategoryFactory(name="Câu lạc bộ", slug="cau-lac-bo")
    campaign = running_campaign(title="Tháng hành động vì bình đẳng giới năm nay")
    club = ClubFactory(name="CLB Nam giới tiên phong Hải Châu")
    ClubFactory(name="CLB của phường khác")
    chair = on_roster(club, role=RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng")

    log_in(page, chair.email)
    page.goto("/news/toa-soan/viet-bai/")
    club_box = page.get_by_label("CLB Nam giới tiên phong Hải Châu", exact=False)
    assert club_box.is_checked()  # their own club is preselected
    assert page.get_by_text("CLB của phường khác").count() == 0
    assert_accessible(page)
    assert_fits_width(page)
    page.get_by_label("Tiêu đề:", exact=True).fill(TITLE)
    page.get_by_label("Tóm tắt (sapo)").fill("Các thành viên treo băng rôn, tổ chức tọa đàm.")
    page.get_by_label("Nội dung").fill("Câu lạc bộ tổ chức tọa đàm về chia sẻ việc nhà.")
    page.get_by_label("Chuyên mục").select_option(label="Câu lạc bộ")
    page.get_by_label("Chiến dịch:", exact=True).select_option(index=1)
    page.get_by_role("button", name="Lưu và xem trước").click()
    page.wait_for_url("**/xem-truoc/")
    assert page.get_by_text("Chiến dịch:").is_visible()
    assert page.get_by_text("Câu lạc bộ:").is_visible()
    assert_accessible(page)

    article = Article.objects.get(title=TITLE)
    assert article.campaign == campaign
    assert list(article.clubs.all()) == [club]
    services.article_submit(article=article, by=chair)
    services.article_publish(article=article, by=editor())

    page.context.clear_cookies()
    page.goto(article.get_absolute_url())
    assert page.get_by_role("link", name=campaign.title).is_visible()
    assert page.get_by_role("link", name=club.name).is_visible()
    assert_accessible(page)
    assert_fits_width(page)
    page.get_by_role("link", name="tin khác của chiến dịch").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tin về chiến dịch")
    assert page.get_by_role("link", name=TITLE).is_visible()
    assert_accessible(page)
    assert_fits_width(page)
