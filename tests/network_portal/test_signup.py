import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from network_portal.accounts.models import User
from tests.factories import UserFactory, WardFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "full_name": "  Nguyễn   Văn An ",
    "email": "An.Nguyen@Example.com",
    "password1": "bình-đẳng-giới-2026",
    "password2": "bình-đẳng-giới-2026",
    # The member profile asked at sign-up (members.forms.SignupForm).
    "gender": "male",
    "birth_year": "1990",
    "phone": "0912 345 678",
    "province": "",
    "ward": "",
    "occupation": "Kỹ sư",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def _place():
    ward = WardFactory()
    GOOD.update(province=str(ward.province.code), ward=str(ward.code))


def test_it_creates_an_unverified_account_with_the_full_name_and_sends_a_vietnamese_mail(
    client, mailoutbox
):
    response = client.post(reverse("account_signup"), GOOD)

    assert response.status_code == 302
    user = User.objects.get()
    assert user.full_name == "Nguyễn Văn An"
    assert user.email == "an.nguyen@example.com"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mailoutbox) == 1
    assert "xác nhận địa chỉ email" in mailoutbox[0].subject
    assert "Mạng lưới nam giới" in mailoutbox[0].body


def test_it_does_not_log_in_before_the_email_is_verified(client, mailoutbox):
    client.post(reverse("account_signup"), GOOD)

    response = client.post(
        reverse("account_login"), {"login": GOOD["email"], "password": GOOD["password1"]}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_it_verifies_through_the_emailed_link_then_logs_in(client, mailoutbox):
    client.post(reverse("account_signup"), GOOD)
    link = re.search(r"https?://[^/]+(/accounts/confirm-email/[^\s]+/)", mailoutbox[0].body)[1]

    client.post(link)
    response = client.post(
        reverse("account_login"), {"login": GOOD["email"], "password": GOOD["password1"]}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get().pk)


def test_it_refuses_a_duplicate_email_in_vietnamese_and_saves_nothing(client, mailoutbox):
    UserFactory(email="an.nguyen@example.com")

    response = client.post(reverse("account_signup"), GOOD)  # same address, other case

    assert response.status_code == 200
    assert "đã được dùng" in response.content.decode()
    assert User.objects.count() == 1
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"full_name": " "}, "Trường này là bắt buộc."),
        ({"email": "không-phải-email"}, "email hợp lệ"),
        ({"password2": "khác-hẳn-2026"}, "mật khẩu"),
        ({"password1": "123", "password2": "123"}, "quá ngắn"),
    ],
    ids=["no-name", "bad-email", "passwords-differ", "short-password"],
)
def test_it_explains_a_broken_sign_up_in_vietnamese_and_saves_nothing(client, change, message):
    response = client.post(reverse("account_signup"), {**GOOD, **change})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()


def test_it_resets_a_forgotten_password_by_email(client, mailoutbox):
    UserFactory(email="binh@example.com")

    response = client.post(reverse("account_reset_password"), {"email": "binh@example.com"})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
