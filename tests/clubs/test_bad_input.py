"""Bad input gets a clear Vietnamese message and nothing is saved."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clubs.models import Meeting, RosterEntry
from tests.clubs.factories import ClubFactory, RosterEntryFactory, on_roster, past_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def club():
    return ClubFactory()


@pytest.fixture
def chair_client(client, club):
    client.force_login(on_roster(club, RosterEntry.Role.CHAIR))
    return client


def test_it_refuses_a_meeting_that_ends_before_it_starts(chair_client, club):
    from clubs.models import Topic

    response = chair_client.post(
        reverse("clubs:meeting_add", kwargs={"pk": club.pk}),
        {
            "kind": "regular",
            "topic": Topic.objects.first().pk,
            "starts_at": "2026-12-13T19:30",
            "ends_at": "2026-12-13T18:00",
            "format": "in_person",
        },
    )

    assert response.status_code == 200
    assert "Buổi sinh hoạt phải kết thúc sau khi bắt đầu." in response.content.decode()
    assert not Meeting.objects.exists()


def test_it_refuses_attendance_for_someone_not_on_the_roster(chair_client, club):
    meeting = past_meeting(club)
    stranger = RosterEntryFactory(club=ClubFactory())  # on another club's roster

    response = chair_client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {
            "status": "held",
            "attendees": [stranger.pk],
            "guests_men": 0,
            "guests_women": 0,
            "guests_other": 0,
        },
    )

    assert response.status_code == 200
    assert "Chỉ người có trong danh sách" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    assert not meeting.attendees.exists()


def test_it_refuses_attendance_with_a_made_up_id(chair_client, club):
    meeting = past_meeting(club)

    response = chair_client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {
            "status": "held",
            "attendees": ["abc"],
            "guests_men": 0,
            "guests_women": 0,
            "guests_other": 0,
        },
    )

    assert response.status_code == 200
    assert "Chỉ người có trong danh sách" in response.content.decode()


@pytest.mark.parametrize(
    "name,content",
    [
        ("quyet-dinh.docx", b"PK\x03\x04 not a pdf"),
        ("quyet-dinh.pdf", b"MZ\x90\x00 an exe renamed"),
        ("quyet-dinh.exe", b"%PDF-1.4"),
    ],
)
def test_it_refuses_a_decision_file_that_is_not_a_pdf_or_image(chair_client, club, name, content):
    response = chair_client.post(
        reverse("clubs:edit", kwargs={"pk": club.pk}),
        {
            "name": club.name,
            "status": "active",
            "decision_file": SimpleUploadedFile(name, content),
        },
    )

    assert response.status_code == 200
    assert "Vui lòng tải lên tệp PDF hoặc ảnh" in response.content.decode()
    club.refresh_from_db()
    assert not club.decision_file


def test_it_accepts_a_signed_decision_as_pdf(chair_client, club, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    response = chair_client.post(
        reverse("clubs:edit", kwargs={"pk": club.pk}),
        {
            "name": club.name,
            "status": "active",
            "decision_number": "125/QĐ-UBND",
            "decision_file": SimpleUploadedFile("qd.pdf", b"%PDF-1.4 signed"),
        },
    )

    assert response.status_code == 302
    club.refresh_from_db()
    assert club.decision_file.name.endswith(".pdf")


def test_it_refuses_a_birth_year_in_the_future_when_joining(client, club):
    from tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(
        reverse("clubs:join", kwargs={"pk": club.pk}), {"gender": "male", "birth_year": 2999}
    )

    assert "Năm sinh không thể ở tương lai." in response.content.decode()
    assert not club.join_requests.exists()


def test_it_requires_a_reason_to_decline(chair_client, club):
    from clubs.models import JoinRequest
    from tests.factories import UserFactory

    join_request = JoinRequest.objects.create(club=club, user=UserFactory(), gender="male")

    response = chair_client.post(
        reverse("clubs:requests", kwargs={"pk": club.pk}),
        {"request": join_request.pk, "decision": "decline", "reason": "  "},
    )

    assert "Vui lòng cho thành viên biết lý do." in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_it_refuses_identifying_details_without_consent_to_help(client, club):
    from clubs.models import Case

    client.force_login(on_roster(club, RosterEntry.Role.ADVISORY))
    response = client.post(
        reverse("clubs:case_add", kwargs={"pk": club.pk}),
        {
            "opened_on": "2026-01-05",
            "kind": "other",
            "gender": "female",
            "age_band": "30_59",
            "relation": "self",
            "follow_up_status": "open",
            "full_name": "Nguyễn Thị X",
        },
    )

    assert response.status_code == 200
    assert "đồng ý nhận hỗ trợ" in response.content.decode()
    assert not Case.objects.exists()


def test_it_plans_nothing_from_a_rule_with_bad_numbers(chair_client, club):
    response = chair_client.post(
        reverse("clubs:meetings_plan", kwargs={"pk": club.pk}),
        {"year": "năm nay", "nth": 9, "weekday": 6, "start_time": "25:99", "duration_minutes": 0},
    )

    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_it_refuses_to_record_a_meeting_as_held_before_it_starts(chair_client, club):
    from tests.clubs.factories import MeetingFactory

    meeting = MeetingFactory(club=club)  # in 2030
    response = chair_client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {"status": "held", "guests_men": 5, "guests_women": 5, "guests_other": 0},
    )

    assert "chưa bắt đầu" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_it_refuses_a_meeting_photo_that_is_not_an_image(chair_client, club):
    meeting = past_meeting(club)

    response = chair_client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {
            "status": "held",
            "guests_men": 3,
            "guests_women": 3,
            "guests_other": 0,
            "photo": SimpleUploadedFile("anh.jpg", b"not really a jpeg"),
        },
    )

    assert "Tệp này không phải là ảnh" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    assert not meeting.photos.exists()


def test_it_keeps_a_photo_of_a_held_meeting(chair_client, club, settings, tmp_path):
    import io

    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "purple").save(buffer, "JPEG")
    meeting = past_meeting(club)

    chair_client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {
            "status": "held",
            "guests_men": 3,
            "guests_women": 3,
            "guests_other": 0,
            "photo": SimpleUploadedFile("anh.jpg", buffer.getvalue(), "image/jpeg"),
            "photo_caption": "Buổi sinh hoạt tháng 11",
        },
    )

    assert meeting.photos.get().caption == "Buổi sinh hoạt tháng 11"


def test_it_strips_the_location_from_a_meeting_photo(chair_client, club, settings, tmp_path):
    import io

    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (16.0, 4.0, 1.0), 3: "E", 4: (108.0, 13.0, 1.0)}  # GPS: Đà Nẵng
    exif[0x013B] = "Nguyễn Văn An"  # artist
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "purple").save(buffer, "JPEG", exif=exif)
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif()  # the upload does carry EXIF
    meeting = past_meeting(club)

    chair_client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {
            "status": "held",
            "guests_men": 3,
            "guests_women": 3,
            "guests_other": 0,
            "photo": SimpleUploadedFile("anh.jpg", buffer.getvalue(), "image/jpeg"),
        },
    )

    stored = meeting.photos.get().image
    with Image.open(stored.path) as image:
        assert dict(image.getexif()) == {}
        assert image.size == (40, 30)
    assert "Nguyễn" not in stored.name
