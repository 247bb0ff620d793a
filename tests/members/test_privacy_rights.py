"""Download my data, withdraw consent, delete my account (anonymised, counts kept)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from members.models import Consent, MemberProfile, OrganisationMembership
from network_portal.accounts.models import User
from tests.factories import PASSWORD, UserFactory, site_admin
from tests.members.factories import MemberProfileFactory, MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    return MemberProfileFactory(
        user__full_name="Nguyễn Văn An",
        user__email="an@example.com",
        phone="+84912345678",
        occupation="Kỹ sư",
        show_organisations=True,
    )


def test_it_downloads_all_my_data_as_json(client, profile):
    MembershipFactory(user=profile.user, organisation__name="Hội Phụ nữ phường Hải Châu")
    client.force_login(profile.user)

    response = client.get(reverse("members:my_data"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "an@example.com"
    assert data["account"]["full_name"] == "Nguyễn Văn An"
    assert data["profile"]["phone"] == "+84912345678"
    assert data["profile"]["ward"] == profile.ward.name
    assert data["consents"][0]["policy_version"] == "2026-01"
    assert data["organisations"][0]["organisation"] == "Hội Phụ nữ phường Hải Châu"


def test_it_gives_only_my_own_data(client, profile):
    client.force_login(UserFactory(email="khac@example.com"))

    data = json.loads(client.get(reverse("members:my_data")).content)

    assert data["account"]["email"] == "khac@example.com"
    assert "+84912345678" not in json.dumps(data)


def test_it_withdraws_and_gives_consent_again(client, profile):
    client.force_login(profile.user)

    client.post(reverse("members:consent_withdraw"))

    profile.refresh_from_db()
    assert profile.consent_withdrawn_at is not None
    assert Consent.objects.get().withdrawn_at is not None
    client.force_login(UserFactory())
    assert "Nguyễn Văn An" not in client.get(reverse("members:member_directory")).content.decode()
    assert client.get(profile.get_absolute_url()).status_code == 403

    client.force_login(profile.user)
    client.post(reverse("members:consent_give"))
    profile.refresh_from_db()
    assert profile.consent_withdrawn_at is None
    assert Consent.objects.filter(withdrawn_at__isnull=True).count() == 1


def test_it_refuses_consent_changes_by_get(client, profile):
    client.force_login(profile.user)

    assert client.get(reverse("members:consent_withdraw")).status_code == 405


def test_it_deletes_my_account_by_anonymising_it(client, profile):
    MembershipFactory(user=profile.user)
    user = profile.user
    client.force_login(user)

    response = client.post(
        reverse("members:account_delete"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )

    assert "Tài khoản của bạn đã được xóa" in response.content.decode()
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.full_name == "" and user.email != "an@example.com"
    assert not user.is_active and not user.has_usable_password()
    profile.refresh_from_db()
    assert (profile.phone, profile.occupation, profile.birth_year, profile.search_name) == (
        "",
        "",
        None,
        "",
    )
    assert profile.anonymised_at is not None
    # What reports count stays: the row, the gender and the ward.
    assert User.objects.filter(pk=user.pk).exists()
    assert (profile.gender, profile.ward_id) == ("male", profile.ward_id)
    assert not OrganisationMembership.objects.filter(user=user).exists()
    assert not Consent.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not client.login(email="an@example.com", password=PASSWORD)


def test_it_lets_the_same_e_mail_sign_up_again_after_deletion(client, profile):
    client.force_login(profile.user)
    client.post(reverse("members:account_delete"), {"password": PASSWORD, "confirm": "on"})

    assert not User.objects.filter(email="an@example.com").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"password": "sai-mat-khau", "confirm": "on"}, "Mật khẩu không đúng."),
        ({"password": PASSWORD}, "Hãy đánh dấu vào ô để xác nhận."),
    ],
    ids=["wrong-password", "not-confirmed"],
)
def test_it_deletes_nothing_without_password_and_confirmation(client, profile, data, message):
    client.force_login(profile.user)

    response = client.post(reverse("members:account_delete"), data)

    assert message in response.content.decode()
    profile.user.refresh_from_db()
    assert profile.user.is_active and profile.user.full_name == "Nguyễn Văn An"
    assert MemberProfile.objects.get().phone == "+84912345678"


def test_it_refuses_deletion_of_someone_else_by_a_member(profile):
    from django.core.exceptions import PermissionDenied

    from members.services import member_delete

    with pytest.raises(PermissionDenied):
        member_delete(user=profile.user, by=UserFactory())
    member_delete(user=profile.user, by=site_admin())
    profile.user.refresh_from_db()
    assert not profile.user.is_active
