import pytest
from django.urls import reverse

from clubs import rules as club_rules
from clubs import services
from clubs.models import JoinRequest, RosterEntry
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def club():
    return ClubFactory()


def test_it_turns_an_approved_request_into_a_roster_entry_linked_to_the_account(
    club, mailoutbox, django_capture_on_commit_callbacks
):
    member = UserFactory(full_name="Nguyễn Văn An")
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    join_request = services.join_request_create(
        club=club, user=member, gender="male", birth_year=1990, phone="0905", message=""
    )

    with django_capture_on_commit_callbacks(execute=True):
        entry = services.join_request_approve(join_request=join_request, by=chair)

    assert entry.user == member and entry.full_name == "Nguyễn Văn An"
    assert entry.birth_year == 1990 and entry.role == RosterEntry.Role.MEMBER
    assert join_request.status == JoinRequest.Status.APPROVED
    assert "Bạn đã là hội viên" in mailoutbox[0].subject
    club_rules.forget_club_roles(member)
    assert club_rules.is_on_roster(member, club)


def test_it_tells_the_member_why_a_request_was_declined(
    club, mailoutbox, django_capture_on_commit_callbacks
):
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    join_request = JoinRequest.objects.create(club=club, user=UserFactory(), gender="male")

    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_decline(
            join_request=join_request, reason="Bạn không sống ở phường", by=chair
        )

    assert join_request.status == JoinRequest.Status.DECLINED
    assert "Bạn không sống ở phường" in mailoutbox[0].body
    assert not RosterEntry.objects.filter(user=join_request.user).exists()


def test_it_never_approves_a_request_twice(club):
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    join_request = JoinRequest.objects.create(club=club, user=UserFactory(), gender="male")
    services.join_request_approve(join_request=join_request, by=chair)

    with pytest.raises(ValueError):
        services.join_request_approve(join_request=join_request, by=chair)
    assert RosterEntry.objects.filter(user=join_request.user).count() == 1


def test_it_keeps_one_pending_request_per_member(client, club):
    member = UserFactory()
    client.force_login(member)
    url = reverse("clubs:join", kwargs={"pk": club.pk})

    client.post(url, {"gender": "male"})
    client.post(url, {"gender": "male"})

    assert JoinRequest.objects.filter(user=member).count() == 1


def test_it_lets_the_board_add_people_without_an_account(client, club):
    client.force_login(on_roster(club, RosterEntry.Role.VICE_CHAIR))

    response = client.post(
        reverse("clubs:roster", kwargs={"pk": club.pk}),
        {
            "full_name": "Lê Văn Tám",
            "gender": "male",
            "birth_year": 1948,
            "role": "member",
            "joined_on": "2026-03-01",
            "lives_in_ward": "on",
        },
    )

    assert response.status_code == 302
    entry = RosterEntry.objects.get(full_name="Lê Văn Tám")
    assert entry.user is None and entry.birth_year == 1948


def test_it_reads_a_users_club_roles_once_per_request(club, django_assert_num_queries):
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    club_rules.forget_club_roles(chair)

    with django_assert_num_queries(1):
        assert club_rules.is_club_chair(chair, club)
        assert club_rules.is_club_board(chair, club)
        assert not club_rules.is_advisory_team_member(chair, club)
