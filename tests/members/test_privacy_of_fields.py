"""Nobody sees a field its owner kept private: pages, organisation pages, exports, data."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UserFactory, editor, province_official, site_admin, ward_official
from tests.members.factories import MemberProfileFactory, MembershipFactory

pytestmark = pytest.mark.django_db

SECRETS = {
    "phone": "+84911222333",
    "birth_year": 1977,
    "occupation": "Nghề Bí Mật",
    "affiliation": "womens_union",
}


@pytest.fixture
def private():
    """A member who keeps everything private (the default)."""
    return MemberProfileFactory(
        user__full_name="Trần Văn Kín",
        user__email="kin@example.com",
        gender="male",
        show_organisations=True,
        **SECRETS,
    )


def assert_no_secret(text: str):
    for value in (
        "+84911222333",
        "0911222333",
        "1977",
        "Nghề Bí Mật",
        "kin@example.com",
        "Hội Liên hiệp Phụ nữ",
    ):
        assert value not in text


VIEWERS = {
    "member": lambda profile: UserFactory(),
    "ward-official": lambda profile: ward_official(profile.ward),
    "province-official": lambda profile: province_official(profile.ward.province),
    "editor": lambda profile: editor(),
    "site-admin": lambda profile: site_admin(),
}


@pytest.mark.parametrize("make_viewer", VIEWERS.values(), ids=VIEWERS.keys())
def test_it_shows_only_name_and_ward_on_the_profile_page(client, private, make_viewer):
    client.force_login(make_viewer(private))

    page = client.get(reverse("members:member_detail", args=[private.pk])).content.decode()

    assert "Trần Văn Kín" in page
    assert private.ward.name in page
    assert_no_secret(page)
    assert "Giới tính" not in page


@pytest.mark.parametrize("make_viewer", VIEWERS.values(), ids=VIEWERS.keys())
def test_it_keeps_private_fields_out_of_the_directory(client, private, make_viewer):
    client.force_login(make_viewer(private))

    page = client.get(reverse("members:member_directory")).content.decode()

    assert "Trần Văn Kín" in page
    assert_no_secret(page)


@pytest.mark.parametrize("make_viewer", VIEWERS.values(), ids=VIEWERS.keys())
def test_it_keeps_private_fields_off_organisation_pages(client, private, make_viewer):
    membership = MembershipFactory(user=private.user)
    client.force_login(make_viewer(private))

    page = client.get(membership.organisation.get_absolute_url()).content.decode()

    assert "Trần Văn Kín" in page
    assert_no_secret(page)


def test_it_shows_what_the_owner_made_public(client, private):
    private.show_phone = private.show_occupation = private.show_gender = True
    private.save()
    client.force_login(UserFactory())

    page = client.get(reverse("members:member_detail", args=[private.pk])).content.decode()

    assert "+84911222333" in page and "Nghề Bí Mật" in page and "Nam" in page
    assert "1977" not in page and "kin@example.com" not in page


def test_it_hides_people_who_did_not_allow_it_from_organisation_pages(client, private):
    private.show_organisations = False
    private.save()
    membership = MembershipFactory(user=private.user)
    client.force_login(UserFactory())

    page = client.get(membership.organisation.get_absolute_url()).content.decode()

    assert "Trần Văn Kín" not in page


def test_it_shows_anonymous_visitors_no_people(client, private):
    membership = MembershipFactory(user=private.user)

    page = client.get(membership.organisation.get_absolute_url()).content.decode()

    assert "Trần Văn Kín" not in page
    assert client.get(reverse("members:member_directory")).status_code == 302
    assert client.get(reverse("members:member_detail", args=[private.pk])).status_code == 302


def test_it_refuses_an_unlisted_profile_to_other_members(client, private):
    private.in_directory = False
    private.save()
    client.force_login(UserFactory())

    assert client.get(reverse("members:member_detail", args=[private.pk])).status_code == 403
    assert "Trần Văn Kín" not in client.get(reverse("members:member_directory")).content.decode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_exports_without_private_fields(client, private, fmt):
    MemberProfileFactory(
        user__full_name="Lê Văn Mở",
        phone="+84988777666",
        show_phone=True,
        occupation="Thợ mộc",
        show_occupation=True,
    )
    client.force_login(site_admin())

    response = client.get(reverse("members:member_export", args=[fmt]))

    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [
            [c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)
        ]
    text = "\n".join(",".join(str(c) for c in row) for row in rows)
    assert rows[0][0] == "Họ và tên"
    assert "Trần Văn Kín" in text and "Lê Văn Mở" in text
    assert "+84988777666" in text and "Thợ mộc" in text
    assert_no_secret(text)


@pytest.mark.parametrize(
    "make_user",
    [
        lambda p: UserFactory(),
        lambda p: ward_official(p.ward),
        lambda p: province_official(p.ward.province),
        lambda p: editor(),
    ],
    ids=["member", "ward-official", "province-official", "editor"],
)
def test_it_refuses_the_export_to_everyone_but_site_admins(client, private, make_user):
    client.force_login(make_user(private))

    for fmt in ("csv", "xlsx"):
        assert client.get(reverse("members:member_export", args=[fmt])).status_code == 403


def test_it_refuses_the_export_to_anonymous_visitors(client):
    response = client.get(reverse("members:member_export", args=["csv"]))

    assert response.status_code == 302


def test_it_answers_an_unknown_export_format_with_404(client):
    client.force_login(site_admin())

    assert client.get(reverse("members:member_export", args=["pdf"])).status_code == 404
