"""A club chair submits an activity story; an editor reviews and publishes it."""

import pytest

from news.models import Article, Status
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.browser.test_news_editor_flow import log_in
from tests.factories import UserFactory, editor
from tests.news.factories import CategoryFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "CLB Hải Châu sinh hoạt về chia sẻ việc nhà"


def test_it_lets_a_club_chair_submit_a_story_that_an_editor_publishes(page):
    CategoryFactory(name="Câu lạc bộ", slug="cau-lac-bo")
    chair = UserFactory(full_name="Hoàng Văn Dũng")
    the_editor = editor(full_name="Lê Thu Hà")

    log_in(page, chair.email)
    page.get_by_role("link", name="Bài viết của tôi").click()
    assert_accessible(page)
    page.get_by_role("link", name="Viết bài").click()
    page.get_by_label("Tiêu đề:", exact=True).fill(TITLE)
    page.get_by_label("Tóm tắt (sapo)").fill("Hơn 40 thành viên cùng thảo luận.")
    page.get_by_label("Nội dung").fill("Buổi sinh hoạt do chủ nhiệm câu lạc bộ chủ trì.")
    page.get_by_label("Chuyên mục").select_option(label="Câu lạc bộ")
    page.get_by_role("button", name="Lưu và xem trước").click()
    page.wait_for_url("**/xem-truoc/")
    assert_accessible(page)
    assert page.get_by_role("button", name="Đăng bài").count() == 0  # only editors publish

    page.get_by_role("button", name="Gửi ban biên tập duyệt").click()
    assert page.get_by_text("Ban biên tập sẽ duyệt bài viết").is_visible()
    assert Article.objects.get(title=TITLE).status == Status.REVIEW
    assert_accessible(page)
    assert_fits_width(page)

    page.context.clear_cookies()
    log_in(page, the_editor.email)
    page.get_by_role("link", name="Tòa soạn").click()
    assert page.get_by_role("cell", name="Chờ duyệt").is_visible()
    assert_accessible(page)
    assert_fits_width(page)
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_text("Hoàng Văn Dũng").first.is_visible()
    page.get_by_role("button", name="Đăng bài").click()
    assert page.get_by_text("Đã đăng bài viết.").is_visible()
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto("/news/")
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_role("heading", name=TITLE, level=1).is_visible()
    assert_accessible(page)
    assert_fits_width(page)
