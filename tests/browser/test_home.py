import pytest

from tests.browser.conftest import assert_accessible, assert_fits_width

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_shows_the_home_page_in_vietnamese_then_english(page):
    page.goto("/")

    assert page.locator("html").get_attribute("lang") == "vi"
    assert (
        page.get_by_role("heading", level=1).inner_text() == "Nam giới chung tay vì bình đẳng giới"
    )
    assert_accessible(page)
    assert_fits_width(page)

    page.get_by_role("button", name="English").click()

    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("heading", level=1).inner_text()
        == "Men working together for gender equality"
    )
    assert_accessible(page)
    assert_fits_width(page)


def test_it_shows_a_vietnamese_404(page):
    response = page.goto("/khong-co/")

    assert response.status == 404
    assert "Không tìm thấy trang" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
