import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from members.models import MemberProfile
from tests.factories import UserFactory, WardFactory
from tests.members.factories import MemberProfileFactory

pytestmark = pytest.mark.django_db


def jpeg(size=(800, 600)) -> bytes:
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (16.0, 4.0, 0.0)}
    Image.new("RGB", size, (10, 120, 50)).save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def profile():
    return MemberProfileFactory(user__full_name="Nguyễn Văn An")


def form_data(profile, **changes):
    data = {
        "full_name": profile.user.full_name,
        "gender": profile.gender,
        "birth_year": profile.birth_year,
        "phone": profile.phone,
        "province": profile.ward.province.code,
        "ward": profile.ward.code,
        "occupation": profile.occupation,
        "affiliation": "",
    }
    data.update(changes)
    return data


def test_it_sends_anonymous_visitors_to_log_in(client):
    for name in ("my_profile", "profile_edit", "privacy", "my_data", "account_delete"):
        response = client.get(reverse(f"members:{name}"))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_it_shows_my_profile_with_the_places_later_apps_fill(client, profile):
    client.force_login(profile.user)

    page = client.get(reverse("members:my_profile")).content.decode()

    assert "Nguyễn Văn An" in page
    assert profile.phone in page  # the owner sees all of their own details
    for title in (
        "Câu lạc bộ của tôi",
        "Các buổi sinh hoạt sắp tới của tôi",
        "Cam kết của tôi",
        "Tổ chức của tôi",
    ):
        assert title in page


def test_it_saves_corrections_and_visibility_choices(client, profile):
    client.force_login(profile.user)
    other = WardFactory(province=profile.ward.province, name="Phường An Hải")

    response = client.post(
        reverse("members:profile_edit"),
        form_data(
            profile,
            full_name="Nguyễn  Văn  Ân",
            phone="+84 987 654 321",
            ward=other.code,
            show_phone="on",
        ),
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    profile.user.refresh_from_db()
    assert profile.user.full_name == "Nguyễn Văn Ân"
    assert profile.search_name == "nguyen van an"
    assert (profile.phone, profile.ward, profile.show_phone) == ("+84987654321", other, True)
    assert not profile.show_birth_year and not profile.in_directory


def test_it_stores_a_resized_photo_without_location_data(client, profile):
    client.force_login(profile.user)

    client.post(
        reverse("members:profile_edit"),
        {**form_data(profile), "avatar": SimpleUploadedFile("a.jpg", jpeg((3000, 2000)))},
    )

    profile.refresh_from_db()
    with profile.avatar.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
    assert max(image.size) == 512
    assert not image.getexif()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "+1 202 555 0147"}, "Đây không phải số di động Việt Nam"),
        ({"avatar": SimpleUploadedFile("a.jpg", b"not an image at all")}, "không phải là ảnh"),
        (
            {"avatar": SimpleUploadedFile("a.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10))},
            "Ảnh lớn hơn 5 MB",
        ),
    ],
    ids=["foreign-phone", "not-an-image", "too-big"],
)
def test_it_explains_bad_input_and_saves_nothing(client, profile, changes, message):
    client.force_login(profile.user)
    before = MemberProfile.objects.values().get(pk=profile.pk)

    response = client.post(
        reverse("members:profile_edit"), {**form_data(profile), **changes, "full_name": "Tên Mới"}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert MemberProfile.objects.values().get(pk=profile.pk) == before
    profile.user.refresh_from_db()
    assert profile.user.full_name == "Nguyễn Văn An"


def test_it_refuses_a_ward_of_another_province_when_editing(client, profile):
    client.force_login(profile.user)
    elsewhere = WardFactory()

    response = client.post(reverse("members:profile_edit"), form_data(profile, ward=elsewhere.code))

    assert "Xã/phường này không thuộc tỉnh/thành phố bạn đã chọn." in response.content.decode()
    profile.refresh_from_db()
    assert profile.ward != elsewhere


def test_it_refuses_a_decompression_bomb_photo(client, profile):
    client.force_login(profile.user)
    out = io.BytesIO()
    Image.new("1", (14000, 14000)).save(out, format="PNG")

    response = client.post(
        reverse("members:profile_edit"),
        {**form_data(profile), "avatar": SimpleUploadedFile("b.png", out.getvalue())},
    )

    assert "kích thước điểm ảnh quá lớn" in response.content.decode()
    profile.refresh_from_db()
    assert not profile.avatar


def test_it_lets_an_account_without_profile_start_one(client):
    user = UserFactory(full_name="Lê Văn Cường")
    ward = WardFactory()
    client.force_login(user)
    assert client.get(reverse("members:profile_edit")).status_code == 200

    response = client.post(
        reverse("members:profile_edit"),
        {
            "full_name": "Lê Văn Cường",
            "gender": "male",
            "birth_year": "1980",
            "phone": "0987654321",
            "province": ward.province.code,
            "ward": ward.code,
            "occupation": "Nông dân",
            "consent": "on",
        },
    )

    assert response.status_code == 302
    assert MemberProfile.objects.get(user=user).ward == ward
    assert user.consents.count() == 1


def test_it_asks_consent_before_starting_a_profile(client):
    user = UserFactory()
    ward = WardFactory()
    client.force_login(user)

    response = client.post(
        reverse("members:profile_edit"),
        {
            "full_name": "Lê Văn Cường",
            "gender": "male",
            "birth_year": "1980",
            "phone": "0987654321",
            "province": ward.province.code,
            "ward": ward.code,
            "occupation": "Nông dân",
        },
    )

    assert "Hãy đánh dấu vào ô đồng ý với chính sách bảo mật" in response.content.decode()
    assert not MemberProfile.objects.exists()
