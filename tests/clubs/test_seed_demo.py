from io import StringIO

import pytest
from django.core.management import call_command

from clubs import rules as club_rules
from clubs.models import Case, Club, Meeting, RosterEntry
from clubs.selectors import club_for_page
from network_portal.accounts.models import User

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", stdout=StringIO())


def user(email):
    return User.objects.get(email=email)


def test_it_seeds_one_club_meeting_the_rule_and_one_short_of_it():
    seed()

    hai_chau = club_for_page(Club.objects.get(ward__name__icontains="Hải Châu").pk)
    thanh_khe = club_for_page(Club.objects.get(ward__name__icontains="Thanh Khê").pk)
    assert hai_chau.composition.meets_rule
    assert not thanh_khe.composition.meets_rule
    assert len(thanh_khe.composition.shortfall) == 1
    assert RosterEntry.objects.filter(user__isnull=True).exists()
    assert RosterEntry.objects.filter(user__isnull=False).exists()


def test_it_gives_the_demo_accounts_their_club_roles():
    seed()
    club = Club.objects.get(ward__name__icontains="Hải Châu")

    assert club_rules.is_club_chair(user("chunhiem@example.com"), club)
    assert club_rules.is_club_board(user("phochunhiem@example.com"), club)
    assert club_rules.is_advisory_team_member(user("tuvan@example.com"), club)
    member = user("thanhvien@example.com")
    assert club_rules.is_on_roster(member, club) and not club_rules.is_club_board(member, club)


def test_it_seeds_a_year_of_meetings_some_held_with_attendance_and_private_cases():
    seed()
    club = Club.objects.get(ward__name__icontains="Hải Châu")

    assert club.meetings.filter(starts_at__year=2026, kind="regular").count() == 12
    held = club.meetings.filter(status=Meeting.Status.HELD)
    assert held.exists() and all(m.attendees.exists() for m in held)
    assert Case.objects.filter(club=club, holder=user("tuvan@example.com")).count() == 3
    for email, sees in [
        ("tuvan@example.com", True),
        ("chunhiem@example.com", True),
        ("canbophuong@example.com", True),
        ("thanhvien@example.com", False),
        ("canbotinh@example.com", False),
        ("bientap@example.com", False),
        ("quantri@example.com", False),
    ]:
        assert club_rules.can_see_cases(user(email), club) is sees, email


def test_it_changes_nothing_when_run_twice():
    seed()
    counts = (RosterEntry.objects.count(), Meeting.objects.count(), Case.objects.count())

    seed()

    assert (RosterEntry.objects.count(), Meeting.objects.count(), Case.objects.count()) == counts


def test_it_serves_the_demo_clubs_pages_to_the_demo_accounts(client):
    from django.urls import reverse

    seed()
    club = Club.objects.get(ward__name__icontains="Hải Châu")
    case = Case.objects.filter(club=club, identity__isnull=False).get()
    meeting = club.meetings.filter(status=Meeting.Status.HELD).first()

    assert client.get(reverse("clubs:list")).status_code == 200
    assert client.get(club.get_absolute_url()).status_code == 200
    client.force_login(user("tuvan@example.com"))
    assert "Trần Thị Kim" in client.get(case.get_absolute_url()).content.decode()
    client.force_login(user("chunhiem@example.com"))
    for url in (
        reverse("clubs:roster", kwargs={"pk": club.pk}),
        reverse("clubs:meetings", kwargs={"pk": club.pk}) + "?year=2026",
        reverse("clubs:meeting_sheet", kwargs={"pk": meeting.pk}),
        reverse("clubs:cases", kwargs={"pk": club.pk}),
        reverse("clubs:mine"),
    ):
        assert client.get(url).status_code == 200, url
    assert "Trần Thị Kim" not in client.get(case.get_absolute_url()).content.decode()
    client.force_login(user("canbotinh@example.com"))
    assert client.get(case.get_absolute_url()).status_code == 403
