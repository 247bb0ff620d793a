"""Commendations: recorded by the administrator, on the public honour roll, verifiable."""

import datetime as dt

import pytest
from django.urls import reverse

from campaigns.models import Commendation
from tests.campaigns.conftest import login
from tests.campaigns.factories import CommendationFactory

DATA = {
    "kind": "bang_khen",
    "recipient_kind": "collective",
    "recipient_name": "CLB Nam giới tiên phong phường Hải Châu",
    "decision_number": "1520/QĐ-UBND",
    "issuing_authority": "Ủy ban nhân dân thành phố Đà Nẵng",
    "decided_on": "2025-12-20",
    "reason": "Thành tích xuất sắc trong Tháng hành động năm 2025",
}


def test_it_lets_the_administrator_record_a_commendation_that_shows_on_the_roll(client, world):
    login(client, world.users["admin"])
    response = client.post(
        reverse("campaigns:commendation_create"),
        {**DATA, "club": world.club.pk, "campaign": world.campaign.pk},
    )

    commendation = Commendation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == commendation.get_absolute_url()
    assert commendation.ward == world.club.ward
    client.logout()
    roll = client.get(reverse("campaigns:honour_roll_year", args=[2025])).content.decode()
    assert "CLB Nam giới tiên phong phường Hải Châu" in roll and "1520/QĐ-UBND" in roll


@pytest.mark.parametrize(
    "role", ["member", "chair", "ward_official", "province_official", "editor", "representative"]
)
def test_it_refuses_everyone_else(client, world, role):
    login(client, world.users[role])
    response = client.post(reverse("campaigns:commendation_create"), DATA)

    assert response.status_code == 403
    assert not Commendation.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"decision_number": ""}, "decision_number"),
        ({"decided_on": "31/02/2025"}, "decided_on"),
        ({"recipient_kind": "individual", "club": "CLUB"}, "recipient_kind"),
    ],
)
def test_it_explains_bad_commendation_input(client, world, overrides, field):
    login(client, world.users["admin"])
    data = {**DATA, **overrides}
    if data.get("club") == "CLUB":
        data["club"] = world.club.pk
    response = client.post(reverse("campaigns:commendation_create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Commendation.objects.exists()


def test_it_refuses_the_same_certificate_twice(client, world):
    login(client, world.users["admin"])
    client.post(reverse("campaigns:commendation_create"), DATA)
    response = client.post(reverse("campaigns:commendation_create"), DATA)

    assert response.status_code == 200
    assert Commendation.objects.count() == 1


def test_it_verifies_a_certificate_for_anyone(client, world):
    commendation = CommendationFactory(recipient_name="Ông Hoàng Văn Dũng")

    page = client.get(reverse("campaigns:verify", args=[commendation.code])).content.decode()

    assert "Khen thưởng này là thật" in page and "Ông Hoàng Văn Dũng" in page


def test_it_says_when_a_certificate_was_revoked_and_leaves_it_off_the_roll(client, world):
    commendation = CommendationFactory(revoked_on=dt.date(2026, 3, 1))

    page = client.get(reverse("campaigns:verify", args=[commendation.code])).content.decode()
    roll = client.get(reverse("campaigns:honour_roll_year", args=[2025])).content.decode()

    assert "đã bị thu hồi ngày 01/03/2026" in page
    assert commendation.recipient_name not in roll


def test_it_answers_404_for_an_unknown_code(client, world):
    assert client.get(reverse("campaigns:verify", args=["khong-co"])).status_code == 404


def test_it_prints_a_certificate_with_a_qr_code_to_the_absolute_verification_url(
    client, world, settings
):
    settings.SITE_URL = "https://mangluoi.example.vn"
    commendation = CommendationFactory()

    page = client.get(
        reverse("campaigns:certificate_print", args=[commendation.code])
    ).content.decode()

    verify_url = f"https://mangluoi.example.vn/campaigns/certificates/{commendation.code}/"
    assert f'href="{verify_url}"' in page
    assert "<svg" in page and 'class="qr"' in page


def test_it_encodes_the_verification_url_in_the_qr_code():
    from campaigns.qr import qr_svg

    svg = qr_svg("https://mangluoi.example.vn/campaigns/certificates/abc/")
    assert svg.startswith("<svg") and "<path" in svg and "<script" not in svg


def test_it_records_a_certificate_to_a_ward(client, world):
    login(client, world.users["admin"])
    response = client.post(
        reverse("campaigns:commendation_create"),
        {
            **DATA,
            "recipient_name": "Ủy ban nhân dân phường Hải Châu",
            "province": world.ward.province.code,
            "ward": world.ward.code,
        },
    )

    assert response.status_code == 302
    assert Commendation.objects.get().ward == world.ward


def test_it_refuses_a_ward_outside_the_chosen_province_or_two_links(client, world):
    from tests.factories import WardFactory

    login(client, world.users["admin"])
    elsewhere = WardFactory()
    wrong_province = client.post(
        reverse("campaigns:commendation_create"),
        {**DATA, "province": world.ward.province.code, "ward": elsewhere.code},
    )
    two_links = client.post(
        reverse("campaigns:commendation_create"),
        {
            **DATA,
            "club": world.club.pk,
            "province": world.ward.province.code,
            "ward": world.ward.code,
        },
    )

    assert wrong_province.status_code == 200 and two_links.status_code == 200
    assert "Chỉ gắn khen thưởng với một" in two_links.content.decode()
    assert not Commendation.objects.exists()
