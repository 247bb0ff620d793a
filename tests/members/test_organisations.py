import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members.models import Organisation, OrganisationMembership
from tests.factories import ProvinceFactory, UserFactory, editor, site_admin, ward_official
from tests.members.factories import MemberProfileFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def province():
    return ProvinceFactory(name="Thành phố Đà Nẵng")


def data(province, **changes):
    values = {
        "name": "  Hội Liên hiệp Phụ nữ   phường Hải Châu ",
        "kind": "mass_organisation",
        "in_vietnam": "yes",
        "province": province.code,
        "country": "",
        "website": "hoiphunu.example.vn",
        "contact_email": "hoiphunu@example.com",
        "contact_phone": "0236 3822 111",
        "description": "Chi hội phụ nữ của phường.",
        "goals": "Bình đẳng giới.",
    }
    values.update(changes)
    return values


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 300), (0, 0, 200)).save(out, format="PNG")
    return out.getvalue()


def test_it_registers_an_organisation_waiting_for_verification(client, province):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("members:organisation_register"),
        {**data(province), "logo": SimpleUploadedFile("logo.png", png())},
    )

    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert organisation.name == "Hội Liên hiệp Phụ nữ phường Hải Châu"
    assert organisation.status == "pending" and organisation.province == province
    assert organisation.website == "https://hoiphunu.example.vn"
    assert organisation.logo and organisation.search_name.startswith("hoi lien hiep phu nu")
    membership = OrganisationMembership.objects.get()
    assert (membership.user, membership.role, membership.status) == (
        user,
        "representative",
        "approved",
    )
    listed = client.get(reverse("members:organisation_directory")).content.decode()
    assert f'href="{organisation.get_absolute_url()}"' not in listed


def test_it_registers_a_network_abroad_with_its_country(client, province):
    client.force_login(UserFactory())

    client.post(
        reverse("members:organisation_register"),
        data(
            province,
            name="Mạng lưới Thanh niên Việt tại Đức",
            kind="network_abroad",
            in_vietnam="no",
            country="Đức",
        ),
    )

    organisation = Organisation.objects.get()
    assert (organisation.in_vietnam, organisation.country, organisation.province) == (
        False,
        "Đức",
        None,
    )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"province": ""}, "Hãy chọn tỉnh/thành phố nơi tổ chức hoạt động."),
        ({"in_vietnam": "no", "country": ""}, "Hãy ghi quốc gia nơi tổ chức hoạt động."),
        ({"contact_email": "", "contact_phone": ""}, "Hãy cho một địa chỉ email"),
        ({"logo": SimpleUploadedFile("logo.png", b"GIF89a-not-really")}, "không phải là ảnh"),
        ({"kind": "secret-society"}, "Hãy chọn một lựa chọn hợp lệ"),
    ],
    ids=["no-province", "no-country", "no-contact", "bad-logo", "bad-kind"],
)
def test_it_explains_bad_input_and_saves_nothing(client, province, changes, message):
    client.force_login(UserFactory())

    response = client.post(reverse("members:organisation_register"), {**data(province), **changes})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()
    assert not OrganisationMembership.objects.exists()


def test_it_sends_anonymous_visitors_to_log_in_before_registering(client):
    response = client.get(reverse("members:organisation_register"))

    assert response.status_code == 302


def test_it_lets_only_site_admins_verify(client):
    organisation = OrganisationFactory(status="pending", name="Công ty Bình Minh")
    url = reverse("members:organisation_verify", args=[organisation.pk])
    for user in (UserFactory(), editor(), ward_official(MemberProfileFactory().ward)):
        client.force_login(user)
        assert client.post(url).status_code == 403
        assert client.get(reverse("members:organisations_pending")).status_code == 403
    organisation.refresh_from_db()
    assert organisation.status == "pending"

    admin = site_admin()
    client.force_login(admin)
    assert (
        "Công ty Bình Minh" in client.get(reverse("members:organisations_pending")).content.decode()
    )
    client.post(url, {"decision": "verify"})

    organisation.refresh_from_db()
    assert (organisation.status, organisation.verified_by) == ("verified", admin)
    assert (
        "Công ty Bình Minh"
        in client.get(reverse("members:organisation_directory")).content.decode()
    )


def test_it_hides_a_pending_organisation_from_other_people(client):
    organisation = OrganisationFactory(status="pending")
    url = organisation.get_absolute_url()

    assert client.get(url).status_code == 403
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    representative = MembershipFactory(organisation=organisation, role="representative").user
    client.force_login(representative)
    assert client.get(url).status_code == 200


def test_it_links_a_member_once_the_representative_approves(client):
    organisation = OrganisationFactory()
    representative = MembershipFactory(organisation=organisation, role="representative").user
    member = MemberProfileFactory(user__full_name="Phạm Văn Đông", show_organisations=True).user
    client.force_login(member)

    client.post(reverse("members:organisation_join", args=[organisation.pk]), {"role": "member"})

    membership = OrganisationMembership.objects.get(user=member)
    assert membership.status == "pending"
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "Phạm Văn Đông" not in page.split("Liên kết với tổ chức này")[0]

    decide = reverse("members:membership_decide", args=[organisation.pk, membership.pk])
    other = UserFactory()
    client.force_login(other)
    assert client.post(decide, {"decision": "approve"}).status_code == 403

    client.force_login(representative)
    assert "Phạm Văn Đông" in client.get(organisation.get_absolute_url()).content.decode()
    client.post(decide, {"decision": "approve"})

    membership.refresh_from_db()
    assert (membership.status, membership.decided_by) == ("approved", representative)
    client.force_login(other)
    assert "Phạm Văn Đông" in client.get(organisation.get_absolute_url()).content.decode()


def test_it_lets_the_representative_decline(client):
    membership = MembershipFactory(status="pending")
    representative = MembershipFactory(
        organisation=membership.organisation, role="representative"
    ).user
    client.force_login(representative)

    client.post(
        reverse("members:membership_decide", args=[membership.organisation.pk, membership.pk]),
        {"decision": "decline"},
    )

    membership.refresh_from_db()
    assert membership.status == "declined"


def test_it_refuses_to_link_to_a_pending_organisation(client):
    organisation = OrganisationFactory(status="pending")
    client.force_login(UserFactory())

    response = client.post(
        reverse("members:organisation_join", args=[organisation.pk]), {"role": "member"}
    )

    assert response.status_code == 404
    assert not OrganisationMembership.objects.exists()


def test_it_shows_the_organisation_page_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, layout_queries
):
    organisation = OrganisationFactory()
    for _ in range(3):
        MembershipFactory(
            organisation=organisation, user=MemberProfileFactory(show_organisations=True).user
        )
    viewer = UserFactory()
    client.force_login(viewer)
    client.get(organisation.get_absolute_url())
    layout = layout_queries()

    # the layout, then: organisation, "is representative", my link, its people (joined)
    with django_assert_num_queries(layout + 4):
        client.get(organisation.get_absolute_url())
    for _ in range(10):
        MembershipFactory(
            organisation=organisation, user=MemberProfileFactory(show_organisations=True).user
        )
    with django_assert_num_queries(layout + 4):
        response = client.get(organisation.get_absolute_url())
    assert response.content.decode().count('href="/members/people/') >= 13
