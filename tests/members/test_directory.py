import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory, WardFactory
from tests.members.factories import MemberProfileFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


PERSON_LINK = re.compile(r'href="/members/people/\d+/"')
ORGANISATION_LINK = re.compile(r'href="/members/organisations/\d+/"')


@pytest.fixture
def viewer(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_it_finds_a_name_ignoring_diacritics_and_case(client, viewer):
    MemberProfileFactory(user__full_name="Nguyễn Văn An")
    MemberProfileFactory(user__full_name="Đỗ Đức Dũng")
    MemberProfileFactory(user__full_name="Trần Thị Bình")
    url = reverse("members:member_directory")

    page = client.get(url, {"q": "nguyen van an"}).content.decode()
    assert "Nguyễn Văn An" in page and "Trần Thị Bình" not in page

    page = client.get(url, {"q": "DO DUC"}).content.decode()
    assert "Đỗ Đức Dũng" in page and "Nguyễn Văn An" not in page

    page = client.get(url, {"q": "Bình"}).content.decode()
    assert "Trần Thị Bình" in page and "Đỗ Đức Dũng" not in page


def test_it_filters_by_province_and_ward(client, viewer):
    here = WardFactory(name="Phường Hải Châu")
    there = WardFactory(province=here.province, name="Phường Thanh Khê")
    far = WardFactory(name="Phường Hoàn Kiếm")
    MemberProfileFactory(user__full_name="Người Hải Châu", ward=here)
    MemberProfileFactory(user__full_name="Người Thanh Khê", ward=there)
    MemberProfileFactory(user__full_name="Người Hoàn Kiếm", ward=far)
    url = reverse("members:member_directory")

    page = client.get(url, {"province": here.province.code}).content.decode()
    assert "Người Hải Châu" in page and "Người Thanh Khê" in page
    assert "Người Hoàn Kiếm" not in page

    page = client.get(url, {"province": here.province.code, "ward": there.code}).content.decode()
    assert "Người Thanh Khê" in page and "Người Hải Châu" not in page


def test_it_leaves_out_people_who_withdrew_consent_or_were_deleted(client, viewer):
    from django.utils import timezone

    MemberProfileFactory(user__full_name="Người Rút Lại", consent_withdrawn_at=timezone.now())
    MemberProfileFactory(user__full_name="Người Đã Xóa", anonymised_at=timezone.now())
    MemberProfileFactory(user__full_name="Người Ẩn", in_directory=False)
    MemberProfileFactory(user__full_name="Người Hiện")

    page = client.get(reverse("members:member_directory")).content.decode()

    assert "Người Hiện" in page
    for hidden in ("Người Rút Lại", "Người Đã Xóa", "Người Ẩn"):
        assert hidden not in page


def test_it_paginates(client, viewer, settings):
    settings.PAGE_SIZE = 3
    for n in range(7):
        MemberProfileFactory(user__full_name=f"Thành Viên {n}")

    page = client.get(reverse("members:member_directory"), {"page": 3}).content.decode()

    assert "Trang 3 / 3" in page
    assert len(PERSON_LINK.findall(page)) == 1


def test_it_lists_members_in_a_fixed_number_of_queries(
    client, viewer, django_assert_num_queries, layout_queries
):
    ward = WardFactory()
    MemberProfileFactory.create_batch(3, ward=ward)
    url = reverse("members:member_directory")
    client.get(url)
    layout = layout_queries()
    assert layout >= 3  # session, user, menu roles

    # the layout, then: the chosen province, its wards, its clubs and all provinces (filter
    # form), count, one page of profiles with user, ward and province joined
    with django_assert_num_queries(layout + 6):
        client.get(url, {"province": ward.province.code})
    MemberProfileFactory.create_batch(20, ward=ward)
    with django_assert_num_queries(layout + 6):
        response = client.get(url, {"province": ward.province.code})
    assert len(PERSON_LINK.findall(response.content.decode())) == 23


def test_it_lists_verified_organisations_only_and_filters_them(client):
    OrganisationFactory(name="Hội Phụ nữ phường Hải Châu", kind="mass_organisation")
    OrganisationFactory(name="Công ty Bình Minh", kind="company")
    OrganisationFactory(name="Nhóm Chờ Duyệt", status="pending")
    url = reverse("members:organisation_directory")

    page = client.get(url).content.decode()
    assert "Hội Phụ nữ phường Hải Châu" in page and "Công ty Bình Minh" in page
    assert "Nhóm Chờ Duyệt" not in page

    page = client.get(url, {"kind": "company"}).content.decode()
    assert "Công ty Bình Minh" in page and "Hội Phụ nữ" not in page

    page = client.get(url, {"q": "hoi phu nu hai chau"}).content.decode()
    assert "Hội Phụ nữ phường Hải Châu" in page and "Công ty" not in page


def test_it_lists_organisations_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    OrganisationFactory.create_batch(3)
    url = reverse("members:organisation_directory")
    client.get(url)

    # provinces (filter form), count, one page of organisations with their province joined
    # (anonymous: no session query)
    with django_assert_num_queries(3):
        client.get(url)
    OrganisationFactory.create_batch(20)
    with django_assert_num_queries(3):
        response = client.get(url)
    assert len(ORGANISATION_LINK.findall(response.content.decode())) == 23


def test_it_filters_by_club(client, viewer):
    from tests.clubs.factories import ClubFactory, RosterEntryFactory

    ward = WardFactory(name="Phường Hải Châu")
    club = ClubFactory(ward=ward, name="CLB Hải Châu")
    other = ClubFactory(ward=ward, name="CLB Tổ 5")
    inside = MemberProfileFactory(user__full_name="Người Trong Câu Lạc Bộ", ward=ward)
    left = MemberProfileFactory(user__full_name="Người Đã Rời", ward=ward)
    MemberProfileFactory(user__full_name="Người Ngoài", ward=ward)
    RosterEntryFactory(club=club, user=inside.user)
    RosterEntryFactory(club=other, user=inside.user)
    RosterEntryFactory(club=club, user=left.user, left_on="2026-01-01")
    url = reverse("members:member_directory")

    response = client.get(url, {"ward": ward.code, "province": ward.province.code, "club": club.pk})
    page = response.content.decode()

    assert "Người Trong Câu Lạc Bộ" in page
    assert "Người Ngoài" not in page and "Người Đã Rời" not in page
    assert len(PERSON_LINK.findall(page)) == 1
    # The list offers the clubs of the chosen ward.
    assert f'<option value="{club.pk}" selected>CLB Hải Châu</option>' in page
    assert "CLB Tổ 5" in page


def test_it_accepts_a_club_from_a_link_and_refuses_an_unknown_one(client, viewer):
    from tests.clubs.factories import ClubFactory, RosterEntryFactory

    club = ClubFactory(name="CLB Thanh Khê")
    profile = MemberProfileFactory(user__full_name="Hội Viên Thanh Khê")
    MemberProfileFactory(user__full_name="Người Khác")
    RosterEntryFactory(club=club, user=profile.user)
    url = reverse("members:member_directory")

    page = client.get(url, {"club": club.pk}).content.decode()
    assert "Hội Viên Thanh Khê" in page and "Người Khác" not in page
    assert "CLB Thanh Khê" in page

    response = client.get(url, {"club": "999999"})
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()


def test_it_filters_by_club_in_a_fixed_number_of_queries(
    client, viewer, django_assert_num_queries, layout_queries
):
    from tests.clubs.factories import ClubFactory, RosterEntryFactory

    ward = WardFactory()
    club = ClubFactory(ward=ward)
    ClubFactory(ward=ward)
    for profile in MemberProfileFactory.create_batch(3, ward=ward):
        RosterEntryFactory(club=club, user=profile.user)
    url = reverse("members:member_directory")
    params = {"province": ward.province.code, "ward": ward.code, "club": club.pk}
    client.get(url, params)
    layout = layout_queries()

    # the layout, then: the chosen province, its wards, the ward's clubs and all provinces
    # (filter form), the chosen ward, the chosen club, count, one page of profiles
    with django_assert_num_queries(layout + 8):
        client.get(url, params)
    for profile in MemberProfileFactory.create_batch(20, ward=ward):
        RosterEntryFactory(club=club, user=profile.user)
    with django_assert_num_queries(layout + 8):
        response = client.get(url, params)
    assert len(PERSON_LINK.findall(response.content.decode())) == 23
