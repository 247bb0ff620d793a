import pytest
from django.urls import reverse

from members.models import Consent, MemberProfile
from network_portal.accounts.models import User
from tests.factories import WardFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward():
    return WardFactory(name="Phường Hải Châu")


@pytest.fixture
def data(ward):
    return {
        "full_name": "Nguyễn Văn An",
        "email": "an@example.com",
        "password1": "bình-đẳng-giới-2026",
        "password2": "bình-đẳng-giới-2026",
        "gender": "male",
        "birth_year": "1990",
        "phone": "091 234 5678",
        "province": str(ward.province.code),
        "ward": str(ward.code),
        "occupation": "  Kỹ   sư ",
        "affiliation": "youth_union",
        "consent": "on",
    }


def test_it_saves_the_user_the_profile_and_the_consent_together(client, data, ward):
    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 302
    profile = MemberProfile.objects.get()
    assert profile.user.email == "an@example.com"
    assert (profile.gender, profile.birth_year, profile.phone) == ("male", 1990, "+84912345678")
    assert (profile.ward, profile.province, profile.occupation) == (ward, ward.province, "Kỹ sư")
    assert profile.affiliation == "youth_union"
    assert profile.search_name == "nguyen van an"
    consent = Consent.objects.get()
    assert consent.user == profile.user and consent.policy_version == "2026-01"
    assert consent.given_at is not None and consent.withdrawn_at is None
    # The default is private: only name, ward and clubs.
    assert not any(getattr(profile, f) for f in MemberProfile.PRIVATE_FIELDS.values())


def test_it_offers_the_wards_of_the_chosen_province_without_javascript(client, data, ward):
    WardFactory(province=ward.province, name="Phường An Hải")
    other = WardFactory(name="Phường Khác Tỉnh")
    step = {**data, "ward": "", "choose_province": "1"}

    response = client.post(reverse("account_signup"), step)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Phường An Hải" in page and "Phường Hải Châu" in page
    assert other.name not in page
    assert "Bây giờ hãy chọn xã/phường của bạn trong danh sách." in page
    assert not User.objects.exists()
    # The typed password is never written back into the page; the form says to type it again.
    assert data["password1"] not in page
    assert "vui lòng nhập lại mật khẩu ở cả hai ô" in page


def test_it_judges_nothing_but_the_place_in_the_no_javascript_step(client, data, ward):
    step = {**data, "ward": "", "phone": "12345", "consent": "", "choose_province": "1"}
    step["password2"] = "khác-hẳn"

    response = client.post(reverse("account_signup"), step)

    errors = response.context["form"].errors
    assert set(errors) == {"ward", "password1"}
    assert not User.objects.exists()


def test_it_shows_no_ward_before_a_province_is_chosen(client, ward):
    page = client.get(reverse("account_signup")).content.decode()

    assert ward.name not in page
    assert "Xem các xã/phường của tỉnh này" in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phone": "+1 202 555 0147"}, "Đây không phải số di động Việt Nam"),
        ({"phone": "12345"}, "Đây không phải số di động Việt Nam"),
        ({"consent": ""}, "Hãy đánh dấu vào ô đồng ý với chính sách bảo mật"),
        ({"gender": "robot"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"birth_year": "1800"}, "lớn hơn hoặc bằng"),
        ({"province": "999999"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"occupation": ""}, "Trường này là bắt buộc."),
    ],
    ids=[
        "foreign-phone",
        "short-phone",
        "no-consent",
        "bad-gender",
        "old-year",
        "bad-province",
        "no-occupation",
    ],
)
def test_it_explains_bad_input_in_vietnamese_and_saves_nothing(client, data, change, message):
    response = client.post(reverse("account_signup"), {**data, **change})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()
    assert not MemberProfile.objects.exists()
    assert not Consent.objects.exists()


def test_it_refuses_a_ward_of_another_province(client, data):
    elsewhere = WardFactory(name="Phường Xa Lắm")

    response = client.post(reverse("account_signup"), {**data, "ward": str(elsewhere.code)})

    assert response.status_code == 200
    assert "Xã/phường này không thuộc tỉnh/thành phố bạn đã chọn." in response.content.decode()
    assert not User.objects.exists()
    assert not MemberProfile.objects.exists()


def test_it_saves_nothing_if_the_profile_cannot_be_written(client, data, monkeypatch):
    """User, profile and consent share one transaction: a failure in the middle leaves nothing."""
    from members import services

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.Consent.objects, "create", boom)

    with pytest.raises(RuntimeError):
        client.post(reverse("account_signup"), data)

    assert not User.objects.exists()
    assert not MemberProfile.objects.exists()
