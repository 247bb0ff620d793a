"""An editor writes an article with a cover photo, previews it and schedules it: it is invisible
before its time, then on the home page, in the feed and in search after (no task runs)."""

import datetime
import time

import pytest
from django.utils import timezone

from news.models import Article
from tests.browser.conftest import assert_accessible, assert_fits_width
from tests.factories import PASSWORD, editor
from tests.news.factories import CategoryFactory, jpeg_bytes

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Phường Hải Châu tổng kết Tháng hành động"


def log_in(page, email):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_it_schedules_an_article_that_appears_when_its_time_comes(page, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    CategoryFactory(name="Tháng hành động", slug="thang-hanh-dong")
    the_editor = editor(full_name="Lê Thu Hà")
    cover = tmp_path / "bia.jpg"
    cover.write_bytes(jpeg_bytes(1200, 675))

    log_in(page, the_editor.email)
    page.get_by_role("link", name="Tòa soạn").click()
    assert_accessible(page)
    page.get_by_role("link", name="Viết bài").click()
    assert_accessible(page)
    assert_fits_width(page)

    page.get_by_label("Tiêu đề:", exact=True).fill(TITLE)
    page.get_by_label("Tóm tắt (sapo)").fill("Phường đã nhân rộng mô hình ra 9/9 khối phố.")
    page.get_by_label("Nội dung").fill(
        "## Kết quả\n\n- **9/9** khối có câu lạc bộ\n- 30 buổi sinh hoạt về bình đẳng giới"
    )
    page.get_by_label("Chuyên mục").select_option(label="Tháng hành động")
    page.get_by_label("Từ khóa").fill("tháng hành động, bình đẳng giới")
    page.get_by_label("Ảnh bìa:", exact=True).set_input_files(str(cover))
    page.get_by_label("Ảnh bìa: mô tả cho người dùng trình đọc màn hình").fill(
        "Các thành viên câu lạc bộ chụp ảnh chung"
    )
    page.get_by_label("Ảnh bìa: chú thích").fill("Lễ tổng kết tại nhà văn hóa phường.")
    page.get_by_role("button", name="Lưu và xem trước").click()

    # The preview shows the article as readers will see it.
    page.wait_for_url("**/xem-truoc/")
    assert page.get_by_role("heading", name=TITLE, level=1).is_visible()
    assert page.get_by_role("heading", name="Kết quả").is_visible()
    assert page.get_by_alt_text("Các thành viên câu lạc bộ chụp ảnh chung").count() == 1
    assert_accessible(page)
    assert_fits_width(page)

    due = timezone.localtime(timezone.now() + datetime.timedelta(seconds=8))
    page.get_by_label("Thời gian đăng").fill(due.strftime("%Y-%m-%dT%H:%M:%S"))
    page.get_by_role("button", name="Đăng bài").click()
    assert page.get_by_text("Đã hẹn giờ đăng bài viết.").is_visible()
    assert page.get_by_text("Hẹn đăng lúc").first.is_visible()
    assert_accessible(page)
    article = Article.objects.get(title=TITLE)
    assert article.is_scheduled

    # Before its time: nowhere for the public.
    page.context.clear_cookies()
    page.goto("/")
    assert page.get_by_text(TITLE).count() == 0
    page.goto("/news/")
    assert page.get_by_text(TITLE).count() == 0
    assert_accessible(page)
    page.goto("/news/tim-kiem/?q=tong+ket+thang+hanh+dong")
    assert page.get_by_text("Không tìm thấy bài nào").is_visible()
    assert_accessible(page)
    assert page.goto(article.get_absolute_url()).status == 404
    assert TITLE not in page.request.get("/news/rss/").text()

    time.sleep(max(0.0, (due - timezone.now()).total_seconds()) + 1)

    # After its time: on the home page, in the feed, in search (typed without diacritics).
    page.goto("/")
    page.get_by_role("link", name=TITLE).click()
    assert page.get_by_role("heading", name=TITLE, level=1).is_visible()
    assert_accessible(page)
    assert_fits_width(page)
    assert TITLE in page.request.get("/news/rss/").text()
    assert TITLE in page.request.get("/news/atom/").text()
    page.goto("/news/tim-kiem/?q=tong+ket+thang+hanh+dong")
    assert page.get_by_role("link", name=TITLE).is_visible()
    assert_accessible(page)
