import pytest
from django.urls import reverse

from network_portal.places.models import Block
from tests.factories import (
    BlockFactory,
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward():
    return WardFactory(name="Phường Hải Châu")


def url(ward):
    return reverse("places:ward_blocks", kwargs={"ward_code": ward.code})


def test_it_sends_anonymous_visitors_to_log_in(client, ward):
    response = client.get(url(ward))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize(
    "make_user",
    [
        lambda ward: UserFactory(),
        lambda ward: editor(),
        lambda ward: ward_official(WardFactory()),
        lambda ward: province_official(WardFactory().province),
    ],
    ids=["member", "editor", "other-ward-official", "other-province-official"],
)
def test_it_refuses_people_outside_the_ward_with_a_vietnamese_page(client, ward, make_user):
    client.force_login(make_user(ward))

    response = client.get(url(ward))

    assert response.status_code == 403
    assert "Bạn không có quyền xem trang này" in response.content.decode()


def test_it_lets_the_province_official_read_but_not_add(client, ward):
    client.force_login(province_official(ward.province))

    assert client.get(url(ward)).status_code == 200
    response = client.post(url(ward), {"kind": "khoi", "name": "7"})

    assert response.status_code == 403
    assert not Block.objects.exists()


@pytest.mark.parametrize(
    "make_user", [ward_official, lambda w: site_admin()], ids=["official", "admin"]
)
def test_it_lets_the_ward_official_add_a_block(client, ward, make_user):
    user = make_user(ward)
    client.force_login(user)

    response = client.post(url(ward), {"kind": "khoi", "name": "Khối 3"}, follow=True)

    block = Block.objects.get()
    assert (block.ward, block.kind, block.name, block.created_by) == (ward, "khoi", "3", user)
    assert "Đã thêm Khối 3." in response.content.decode()


def test_it_refuses_a_duplicate_name_in_vietnamese_and_saves_nothing(client, ward):
    BlockFactory(ward=ward, kind="thon", name="Phú Lợi")
    client.force_login(ward_official(ward))

    response = client.post(url(ward), {"kind": "thon", "name": "  phú   lợi "})

    assert response.status_code == 200
    assert "Xã/phường này đã có một đơn vị tên như vậy." in response.content.decode()
    assert Block.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "khoi", "name": ""}, "Trường này là bắt buộc."),
        ({"kind": "lâu-đài", "name": "1"}, "Hãy chọn một lựa chọn hợp lệ."),
        ({"kind": "khoi", "name": "x" * 101}, "tối đa 100 kí tự"),
    ],
    ids=["empty", "unknown-kind", "too-long"],
)
def test_it_explains_a_broken_form_in_vietnamese(client, ward, data, message):
    client.force_login(ward_official(ward))

    response = client.post(url(ward), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Block.objects.exists()


def test_it_answers_a_wrong_ward_code_with_a_vietnamese_404(client, ward):
    client.force_login(ward_official(ward))

    response = client.get(reverse("places:ward_blocks", kwargs={"ward_code": 999999}))

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_it_lists_blocks_in_a_fixed_number_of_queries(client, ward, django_assert_num_queries):
    client.force_login(ward_official(ward))
    BlockFactory.create_batch(3, ward=ward)
    client.get(url(ward))  # warm up: session, content types

    # session, user, ward, roles, blocks (+ the has_perm checks reuse the cached roles)
    with django_assert_num_queries(5):
        client.get(url(ward))
    BlockFactory.create_batch(30, ward=ward)
    with django_assert_num_queries(5):
        response = client.get(url(ward))
    assert response.content.decode().count("<li>Tổ dân phố") == 33


def test_it_serves_the_wards_of_a_province_for_chained_selects(client, ward):
    WardFactory(province=ward.province, name="Phường An Hải")
    WardFactory(province=ward.province, name="Phường Cũ", is_active=False)

    response = client.get(
        reverse("places:province_wards_json", kwargs={"province_code": ward.province.code})
    )

    assert [w["name"] for w in response.json()["wards"]] == ["Phường An Hải", "Phường Hải Châu"]
    assert (
        client.get(
            reverse("places:province_wards_json", kwargs={"province_code": 999999})
        ).status_code
        == 404
    )


def test_it_lists_an_officials_wards_in_a_fixed_number_of_queries(
    client, ward, django_assert_num_queries
):
    official = province_official(ward.province)
    client.force_login(official)
    client.get(reverse("places:my_wards"))

    # session, user, roles, count, wards
    with django_assert_num_queries(5):
        response = client.get(reverse("places:my_wards"))
    WardFactory.create_batch(20, province=ward.province)
    with django_assert_num_queries(5):
        response = client.get(reverse("places:my_wards"))
    assert response.content.decode().count('/blocks/"') == 21


@pytest.mark.parametrize("make_user", [UserFactory, editor], ids=["member", "editor"])
def test_it_keeps_my_wards_to_officials(client, make_user):
    client.force_login(make_user())

    assert client.get(reverse("places:my_wards")).status_code == 403
