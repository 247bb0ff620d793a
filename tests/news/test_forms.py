"""Bad input gets a clear Vietnamese message and saves nothing."""

import pytest
from django.urls import reverse

from news.models import Article, Status
from tests.factories import editor
from tests.news.factories import CategoryFactory, make_article

pytestmark = pytest.mark.django_db


def data(**overrides):
    values = {
        "title": "Tiêu đề",
        "lead": "Tóm tắt",
        "body_markdown": "Nội dung",
        "category": CategoryFactory().pk,
        "tags": "",
    }
    values.update(overrides)
    return values


@pytest.fixture
def signed_in(client):
    user = editor()
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Trường này là bắt buộc"),
        ({"body_markdown": "   "}, "Trường này là bắt buộc"),
        ({"category": "999999"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"source_url": "javascript:alert(1)"}, "Nhập một URL hợp lệ"),
        ({"source_url": "ftp://example.vn/tep"}, "Liên kết nguồn phải bắt đầu bằng http://"),
        ({"tags": ",".join(f"thẻ {n}" for n in range(11))}, "tối đa 10 từ khóa"),
        ({"tags": "a" * 61}, "tối đa 60 ký tự"),
        ({"title": "T" * 201}, "tối đa 200 kí tự"),
        ({"cover_alt": "Ảnh không có tệp", "cover_caption": "x" * 301}, "tối đa 300 kí tự"),
    ],
)
def test_it_explains_bad_article_input_and_saves_nothing(client, signed_in, overrides, message):
    response = client.post(reverse("news:create"), data(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0


@pytest.mark.parametrize("value", ["ngày mai", "2026-13-40T25:99", "31/02/2026 10:00"])
def test_it_explains_a_bad_publication_time(client, signed_in, value):
    article = make_article(by=signed_in)

    response = client.post(reverse("news:publish", args=[article.pk]), {"at": value})

    assert response.status_code == 400
    assert "Nhập một ngày/thời gian hợp lệ" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT


def test_it_shows_the_writing_help_in_vietnamese(client, signed_in):
    page = client.get(reverse("news:create")).content.decode()

    assert "Lưu và xem trước" in page
    assert "**hai dấu sao**" in page
    assert 'accept="image/jpeg,image/png,image/webp"' in page


@pytest.mark.parametrize("value", ["0001-01-01T00:00", "1999-12-31T23:59", "2999-01-01T10:00"])
def test_it_refuses_a_publication_time_out_of_range(client, signed_in, value):
    article = make_article(by=signed_in)

    response = client.post(reverse("news:publish", args=[article.pk]), {"at": value})

    assert response.status_code == 400
    assert "từ năm 2000 đến hai năm tới" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT
