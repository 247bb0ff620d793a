"""Registering activities: who may, with photos and evidence; bad input saves nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from campaigns.models import Activity, ActivityEvidence, ActivityPhoto
from tests.campaigns.conftest import login
from tests.campaigns.factories import ActivityFactory, running_campaign
from tests.campaigns.images import bomb, jpeg_with_exif, not_an_image, png, too_big

YESTERDAY = timezone.localdate() - dt.timedelta(days=1)


@pytest.fixture
def campaign(world):
    return running_campaign()


def form_data(world, **overrides):
    data = {
        "organiser": f"club:{world.club.pk}",
        "kind": "cooking_contest",
        "title": "Hội thi nấu ăn “Bữa cơm gia đình bình đẳng”",
        "status": "held",
        "held_on": YESTERDAY.isoformat(),
        "place": "Nhà văn hóa tổ 5",
        "men": "25",
        "women": "18",
        "other_gender": "0",
        "people_reached": "120",
        "description": "Các đội nam giới thi nấu ăn.",
    }
    data.update(overrides)
    return data


def post(client, campaign, data):
    return client.post(reverse("campaigns:activity_create", args=[campaign.pk]), data)


def test_it_lets_the_chair_register_an_activity_with_photos_and_evidence(client, world, campaign):
    login(client, world.users["chair"])
    evidence = SimpleUploadedFile("danh-sach.pdf", b"%PDF-1.4 danh sach", "application/pdf")
    response = post(
        client,
        campaign,
        form_data(world, photos=[jpeg_with_exif(), png()], evidence=[evidence]),
    )

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    assert (activity.club, activity.ward, activity.province) == (
        world.club,
        world.ward,
        world.ward.province,
    )
    assert (activity.men, activity.women, activity.created_by) == (25, 18, world.users["chair"])
    assert activity.photos.count() == 2
    assert activity.evidence.get().name == "danh-sach.pdf"


def test_it_makes_renditions_without_exif(client, world, campaign):
    login(client, world.users["chair"])
    post(client, campaign, form_data(world, photos=[jpeg_with_exif(size=(3000, 2000))]))

    photo = ActivityPhoto.objects.get()
    with Image.open(photo.image.path) as large, Image.open(photo.thumbnail.path) as thumb:
        assert large.size == (1600, 1067) and max(thumb.size) == 480
        assert not large.getexif() and not thumb.getexif()
        assert large.format == "JPEG"


def test_it_refuses_an_activity_dated_outside_the_campaign(client, world, campaign):
    login(client, world.users["chair"])
    too_early = campaign.starts_on - dt.timedelta(days=1)
    response = post(client, campaign, form_data(world, held_on=too_early.isoformat()))

    assert response.status_code == 200
    assert "phải nằm trong thời gian của chiến dịch" in response.content.decode()
    assert not Activity.objects.exists()


def test_it_refuses_a_held_activity_dated_in_the_future(client, world, campaign):
    login(client, world.users["chair"])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = post(client, campaign, form_data(world, held_on=tomorrow.isoformat()))

    assert "chưa đến" in response.content.decode()
    assert not Activity.objects.exists()
    post(client, campaign, form_data(world, held_on=tomorrow.isoformat(), status="planned"))
    assert Activity.objects.get().status == "planned"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (not_an_image, "không phải là ảnh chúng tôi đọc được"),
        (bomb, "quá lớn về số điểm ảnh"),
        (too_big, "lớn hơn 5 MB"),
    ],
)
def test_it_refuses_a_bad_photo_and_saves_nothing(client, world, campaign, make, message):
    login(client, world.users["chair"])
    response = post(client, campaign, form_data(world, photos=[jpeg_with_exif(), make()]))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Activity.objects.exists() and not ActivityPhoto.objects.exists()


def test_it_refuses_an_evidence_file_of_the_wrong_kind(client, world, campaign):
    login(client, world.users["chair"])
    bad = SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")
    response = post(client, campaign, form_data(world, evidence=[bad]))

    assert "PDF, Word, Excel" in response.content.decode()
    assert not Activity.objects.exists() and not ActivityEvidence.objects.exists()


def test_it_refuses_negative_participants(client, world, campaign):
    login(client, world.users["chair"])
    response = post(client, campaign, form_data(world, men="-3"))

    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_it_lets_the_chair_register_only_for_a_club_they_manage(client, world, campaign):
    login(client, world.users["chair"])
    response = post(client, campaign, form_data(world, organiser=f"club:{world.other_club.pk}"))

    assert response.status_code == 200
    assert response.context["form"].errors["organiser"]
    assert not Activity.objects.exists()


def test_it_lets_a_representative_register_for_the_organisation(client, world, campaign):
    login(client, world.users["representative"])
    post(client, campaign, form_data(world, organiser=f"org:{world.organisation.pk}"))

    activity = Activity.objects.get()
    assert (activity.organisation, activity.club, activity.ward) == (world.organisation, None, None)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("club_member", 403),
        ("other_club_chair", 200),  # for their own club only
        ("editor", 403),
        ("province_official", 403),
        ("ward_official", 200),
        ("chair", 200),
        ("representative", 200),
        ("admin", 200),
    ],
)
def test_it_shows_the_form_only_to_those_who_may_register(client, world, campaign, role, status):
    login(client, world.users[role])
    response = client.get(reverse("campaigns:activity_create", args=[campaign.pk]))

    assert response.status_code == status


def test_it_keeps_registration_open_30_days_after_the_end_for_late_reports(client, world):
    today = timezone.localdate()
    ended = running_campaign(
        starts_on=today - dt.timedelta(days=40), ends_on=today - dt.timedelta(days=10)
    )
    login(client, world.users["chair"])

    assert client.get(reverse("campaigns:activity_create", args=[ended.pk])).status_code == 200
    post(client, ended, form_data(world, held_on=(ended.ends_on).isoformat()))
    assert Activity.objects.get().campaign == ended


def test_it_closes_registration_when_the_campaign_has_ended(client, world):
    login(client, world.users["chair"])
    response = client.get(reverse("campaigns:activity_create", args=[world.campaign.pk]))

    assert response.status_code == 403


def test_it_lets_the_chair_cancel_an_activity_and_it_stops_counting(client, world, campaign):
    activity = ActivityFactory(campaign=campaign, club=world.club, held_on=YESTERDAY)
    login(client, world.users["other_club_chair"])
    edit = reverse("campaigns:activity_edit", args=[activity.pk])
    assert client.get(edit).status_code == 403

    login(client, world.users["chair"])
    data = form_data(world, status="cancelled")
    data.pop("organiser")
    response = client.post(edit, data)

    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == "cancelled"


def test_it_adds_photos_when_editing_and_refuses_a_date_outside_the_campaign(
    client, world, campaign
):
    activity = ActivityFactory(campaign=campaign, club=world.club, held_on=YESTERDAY)
    login(client, world.users["chair"])
    edit = reverse("campaigns:activity_edit", args=[activity.pk])
    data = form_data(world)
    data.pop("organiser")

    outside = {**data, "held_on": (campaign.ends_on + dt.timedelta(days=1)).isoformat()}
    response = client.post(edit, {**outside, "photos": [png()]})
    assert "phải nằm trong thời gian của chiến dịch" in response.content.decode()
    activity.refresh_from_db()
    assert activity.held_on == YESTERDAY and not activity.photos.exists()

    client.post(edit, {**data, "photos": [png()]})
    assert activity.photos.count() == 1
