import pytest
from django.urls import reverse
from django.utils import timezone

from clubs.models import Referral, RosterEntry, SteeringGroupMember
from tests.clubs.factories import CaseFactory, ClubFactory, RosterEntryFactory, on_roster
from tests.factories import UserFactory, province_official, ward_official

pytestmark = pytest.mark.django_db


def test_it_lets_the_wards_official_name_the_steering_group(client):
    club = ClubFactory()
    client.force_login(ward_official(club.ward))
    url = reverse("clubs:steering_group", kwargs={"ward_code": club.ward.code})

    client.post(
        url, {"full_name": "Phan Văn Bảy", "position": "Phó Chủ tịch UBND", "role": "leader"}
    )

    person = SteeringGroupMember.objects.get()
    assert person.ward == club.ward and person.role == "leader"
    assert "Phan Văn Bảy" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "make_user",
    [
        lambda club: UserFactory(),
        lambda club: province_official(club.ward.province),
        lambda club: on_roster(club, RosterEntry.Role.CHAIR),
    ],
    ids=["member", "province-official", "chair"],
)
def test_it_refuses_others_adding_to_the_steering_group(client, make_user):
    club = ClubFactory()
    client.force_login(make_user(club))
    url = reverse("clubs:steering_group", kwargs={"ward_code": club.ward.code})

    response = client.post(url, {"full_name": "X", "role": "member"})

    assert response.status_code == 403
    assert not SteeringGroupMember.objects.exists()


def test_it_keeps_the_history_when_someone_leaves_the_club(client):
    club = ClubFactory()
    client.force_login(on_roster(club, RosterEntry.Role.CHAIR))
    entry = RosterEntryFactory(club=club, full_name="Lê Văn Tư")

    client.post(reverse("clubs:roster_leave", kwargs={"pk": club.pk, "entry_pk": entry.pk}))

    entry.refresh_from_db()
    assert entry.left_on == timezone.localdate()
    client.get(reverse("clubs:roster", kwargs={"pk": club.pk}))  # shows the message once
    roster = client.get(reverse("clubs:roster", kwargs={"pk": club.pk})).content.decode()
    assert "Lê Văn Tư" not in roster


def test_it_refuses_a_plain_member_marking_someone_as_left(client):
    club = ClubFactory()
    client.force_login(on_roster(club))
    entry = RosterEntryFactory(club=club)

    response = client.post(
        reverse("clubs:roster_leave", kwargs={"pk": club.pk, "entry_pk": entry.pk})
    )

    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.left_on is None


def test_it_lets_the_holder_move_a_referral_on_and_explains_a_missing_outcome(client):
    club = ClubFactory()
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=counsellor, consent_to_share=True)
    referral = Referral.objects.create(case=case, body="health", made_by=counsellor)
    client.force_login(counsellor)
    url = reverse("clubs:referral_status", kwargs={"pk": referral.pk})

    client.post(url, {"status": "accepted"})
    response = client.post(url, {"status": "closed", "reason": ""}, follow=True)

    referral.refresh_from_db()
    assert referral.status == "accepted"
    assert "cần ghi lý do hoặc kết quả" in response.content.decode()


def test_it_lets_the_wards_official_found_a_club(client):
    from clubs.models import Club
    from tests.factories import WardFactory

    ward = WardFactory()
    client.force_login(ward_official(ward))

    listing = client.get(reverse("clubs:list")).content.decode()
    assert reverse("clubs:add", kwargs={"ward_code": ward.code}) in listing
    response = client.post(
        reverse("clubs:add", kwargs={"ward_code": ward.code}),
        {"name": "CLB Nam giới tiên phong khối 3", "status": "preparing"},
    )

    club = Club.objects.get()
    assert club.ward == ward
    assert response["Location"] == reverse("clubs:roster", kwargs={"pk": club.pk})


@pytest.mark.parametrize(
    "make_user",
    [
        lambda ward: UserFactory(),
        lambda ward: province_official(ward.province),
        lambda ward: ward_official(ClubFactory().ward),
    ],
    ids=["member", "province-official", "other-ward-official"],
)
def test_it_refuses_others_founding_a_club(client, make_user):
    from clubs.models import Club
    from tests.factories import WardFactory

    ward = WardFactory()
    client.force_login(make_user(ward))

    response = client.post(
        reverse("clubs:add", kwargs={"ward_code": ward.code}), {"name": "X", "status": "active"}
    )

    assert response.status_code == 403
    assert not Club.objects.filter(ward=ward).exists()
