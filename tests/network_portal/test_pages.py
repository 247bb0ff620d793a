import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_it_shows_the_home_page_in_vietnamese_first(client):
    response = client.get(reverse("home"))

    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi">' in page
    assert "Nam giới chung tay vì bình đẳng giới" in page
    assert 'href="/static/css/portal.css"' in page


def test_it_switches_to_english_and_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)

    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Men working together for gender equality" in page

    response = client.post(reverse("set_language"), {"language": "vi", "next": "/"}, follow=True)
    assert "Nam giới chung tay vì bình đẳng giới" in response.content.decode()


def test_it_writes_dates_day_first_in_both_languages():
    template = Template("{{ day|date:'SHORT_DATE_FORMAT' }}")
    day = datetime.date(2026, 12, 10)

    for language in ("vi", "en"):
        with translation.override(language):
            assert template.render(Context({"day": day})) == "10/12/2026"


def test_it_answers_unknown_pages_with_a_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_it_shows_a_vietnamese_500_page(client, settings):
    from network_portal.views import server_error

    response = server_error(None)

    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in response.content.decode()


def test_it_shows_the_about_page(client):
    response = client.get(reverse("about"))

    assert "Giới thiệu mạng lưới" in response.content.decode()


def test_it_stays_vietnamese_when_the_browser_asks_for_english(client):
    response = client.get(reverse("home"), headers={"accept-language": "en-US,en;q=0.9"})

    assert '<html lang="vi">' in response.content.decode()


def test_it_sends_a_content_security_policy_without_inline_scripts(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy
