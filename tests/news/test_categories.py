import pytest
from django.urls import reverse

from news.models import Category
from tests.factories import UserFactory, editor, site_admin
from tests.news.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def test_it_lets_editors_add_and_rename_categories(client):
    client.force_login(editor())

    client.post(reverse("news:categories"), {"name": "Đoàn thanh niên", "position": 3})
    category = Category.objects.get()
    assert (category.slug, category.position) == ("doan-thanh-nien", 3)

    client.post(
        reverse("news:category_edit", args=[category.pk]),
        {"name": "Thanh niên", "description": "Hoạt động của thanh niên", "position": 1},
    )
    category.refresh_from_db()
    assert (category.name, category.slug) == ("Thanh niên", "doan-thanh-nien")


def test_it_explains_a_duplicate_or_empty_name(client):
    CategoryFactory(name="Sức khỏe", slug="suc-khoe")
    client.force_login(site_admin())

    duplicate = client.post(reverse("news:categories"), {"name": "Sức khỏe", "position": 0})
    empty = client.post(reverse("news:categories"), {"name": "", "position": 0})

    assert "đã tồn tại" in duplicate.content.decode()
    assert "Trường này là bắt buộc" in empty.content.decode()
    assert Category.objects.count() == 1


def test_it_refuses_members_and_anonymous_visitors(client):
    assert client.get(reverse("news:categories")).status_code == 302
    client.force_login(UserFactory())
    assert client.get(reverse("news:categories")).status_code == 403
    assert client.post(reverse("news:categories"), {"name": "X", "position": 0}).status_code == 403
    assert not Category.objects.exists()


def test_it_pins_the_queries_of_the_category_list(
    client, django_assert_num_queries, layout_queries
):
    client.force_login(editor())
    layout = layout_queries()
    for _ in range(2):
        CategoryFactory.create_batch(5)
        # the layout's, then the categories
        with django_assert_num_queries(layout + 1):
            client.get(reverse("news:categories"))
