import pytest

from news.services import unique_slug
from news.text import fold, vietnamese_slug
from tests.news.factories import make_article

TITLES = [
    ("Đà Nẵng phát động", "da-nang-phat-dong"),
    ("Bình đẳng giới và an toàn cho phụ nữ", "binh-dang-gioi-va-an-toan-cho-phu-nu"),
    ("ĐOÀN THANH NIÊN ra quân", "doan-thanh-nien-ra-quan"),
    ("Tháng hành động 15/11 – 15/12", "thang-hanh-dong-1511-1512"),
    ("Người cha ở tổ dân phố số 3", "nguoi-cha-o-to-dan-pho-so-3"),
    ("  Ưu tiên “sức khỏe” nam giới!  ", "uu-tien-suc-khoe-nam-gioi"),
]


@pytest.mark.parametrize(("title", "slug"), TITLES)
def test_it_turns_vietnamese_titles_into_readable_ascii_slugs(title, slug):
    assert vietnamese_slug(title) == slug


def test_it_keeps_the_d_of_đ_and_Đ_that_plain_slugify_drops():
    from django.utils.text import slugify

    assert slugify("Đà Nẵng") == "a-nang"  # the bug the helper exists for
    assert vietnamese_slug("Đà Nẵng") == "da-nang"
    assert vietnamese_slug("đường đến đích") == "duong-den-dich"


def test_it_cuts_long_slugs_at_a_word_boundary():
    slug = vietnamese_slug("Câu lạc bộ nam giới tiên phong " * 10, max_length=40)

    assert len(slug) <= 40
    assert not slug.endswith("-")
    assert slug.startswith("cau-lac-bo-nam-gioi-tien-phong")


def test_it_folds_diacritics_for_search():
    assert fold("Bình Đẳng GIỚI") == "binh dang gioi"


@pytest.mark.django_db
def test_it_adds_2_then_3_for_duplicate_titles():
    first = make_article(title="Đà Nẵng phát động")
    second = make_article(title="Đà Nẵng phát động")
    third = make_article(title="ĐÀ NẴNG PHÁT ĐỘNG")

    assert [first.slug, second.slug, third.slug] == [
        "da-nang-phat-dong",
        "da-nang-phat-dong-2",
        "da-nang-phat-dong-3",
    ]


@pytest.mark.django_db
def test_it_gives_a_slug_to_a_title_with_no_letters():
    assert make_article(title="!!!").slug == "bai-viet"
    assert unique_slug("???") == "bai-viet-2"


@pytest.mark.django_db
def test_it_keeps_the_address_of_a_published_article_when_its_title_changes():
    from news import services
    from tests.news.factories import article_data, published_article

    article = published_article(title="Tiêu đề cũ")
    services.article_update(
        article=article, by=article.author, data=article_data(title="Tiêu đề mới")
    )

    article.refresh_from_db()
    assert article.slug == "tieu-de-cu"
    assert article.title == "Tiêu đề mới"
