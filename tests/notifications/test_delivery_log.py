"""The staff view of deliveries: who may see it, what each sees, filters, query count."""

import pytest
from django.urls import reverse

from clubs.models import RosterEntry
from network_portal.notifications.models import Delivery
from tests.clubs.factories import ClubFactory, MeetingFactory, on_roster
from tests.factories import (
    PASSWORD,
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)
from tests.notifications.factories import at
from tests.notifications.helpers import run


@pytest.fixture
def log_world(world):
    """Deliveries in the world's ward and in a ward of another province."""
    world.far_ward = WardFactory()
    far_club = ClubFactory(ward=world.far_ward, name="CLB Xa")
    world.far_member = on_roster(far_club, RosterEntry.Role.MEMBER, full_name="Người Ở Xa")
    MeetingFactory(club=far_club, starts_at=at(2026, 12, 10, 19, 30))
    run(at(2026, 12, 7, 7, 0))
    ward = world.club.ward
    world.users = {
        "member": world.member,
        "chair": world.chair,
        "editor": editor(),
        "ward_official": ward_official(ward),
        "other_ward_official": ward_official(world.far_ward),
        "province_official": province_official(ward.province),
        "admin": site_admin(),
    }
    return world


def _get(client, user, **params):
    if user is not None:
        assert client.login(email=user.email, password=PASSWORD)
    return client.get(reverse("notifications:delivery_log"), params)


def test_it_sends_anonymous_visitors_to_log_in(client, log_world):
    response = _get(client, None)
    assert response.status_code == 302


@pytest.mark.parametrize("role", ["member", "chair", "editor"])
def test_it_refuses_people_without_a_staff_role(client, log_world, role):
    assert _get(client, log_world.users[role]).status_code == 403


@pytest.mark.parametrize(
    ("role", "sees_near", "sees_far"),
    [
        ("ward_official", True, False),
        ("province_official", True, False),
        ("other_ward_official", False, True),
        ("admin", True, True),
    ],
)
def test_it_shows_each_official_their_wards_only(client, log_world, role, sees_near, sees_far):
    html = _get(client, log_world.users[role]).content.decode()
    assert ("Nguyễn Văn An" in html) is sees_near
    assert ("Người Ở Xa" in html) is sees_far


def test_it_filters_by_status_channel_and_recipient(client, log_world):
    Delivery.objects.filter(recipient=log_world.member2, channel="email").update(
        status="failed", error="SMTPRecipientsRefused: 550"
    )
    admin = log_world.users["admin"]
    html = _get(client, admin, status="failed").content.decode()
    assert html.count('data-testid="delivery"') == 1
    assert "SMTPRecipientsRefused" in html
    html = _get(client, admin, channel="inapp", q="Người Ở Xa").content.decode()
    assert html.count('data-testid="delivery"') == 1


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nonsense"},
        {"created_from": "31/02/2026"},
        {"created_to": "'; DROP TABLE x; --"},
        {"q": "x" * 5000},
        {"page": "999"},
        {"kind": "<script>"},
    ],
)
def test_it_answers_bad_filters_with_a_message_not_an_error(client, log_world, params):
    response = _get(client, log_world.users["admin"], **params)
    assert response.status_code == 200


def test_it_explains_a_bad_date(client, log_world):
    html = _get(client, log_world.users["admin"], created_from="31/02/2026").content.decode()
    assert "Nhập một ngày hợp lệ" in html or "hợp lệ" in html


@pytest.mark.parametrize("extra", [0, 40])
def test_it_pins_the_log_queries(client, log_world, extra, django_assert_num_queries):
    for _ in range(extra):
        UserFactory()
    Delivery.objects.bulk_create(
        [
            Delivery(
                recipient=log_world.member,
                occasion=f"extra:{i}",
                channel="inapp",
                kind="meetings",
                template="meeting_ahead",
                params=Delivery.objects.first().params,
                ward=log_world.club.ward,
                status="sent",
                created_at=at(2026, 12, 1),
            )
            for i in range(extra)
        ]
    )
    official = log_world.users["ward_official"]
    assert client.login(email=official.email, password=PASSWORD)
    # session, user, role scope, bell, page count, page rows (recipient and ward joined)
    with django_assert_num_queries(6):
        response = client.get(reverse("notifications:delivery_log"))
    assert response.status_code == 200
