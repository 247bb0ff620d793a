import pytest

from clubs.models import RosterEntry
from clubs.selectors import club_for_page
from members.choices import Gender
from tests.clubs.factories import ClubFactory, RosterEntryFactory, fill_roster

pytestmark = pytest.mark.django_db


def test_it_meets_the_rule_with_30_men_10_women_and_2_men_on_the_board():
    club = ClubFactory()
    fill_roster(club, men=30, women=10, board_men=2)

    composition = club_for_page(club.pk).composition

    assert composition.meets_rule
    assert composition.shortfall == []


def test_it_says_what_is_missing_when_the_club_falls_short():
    club = ClubFactory()
    fill_roster(club, men=29, women=8, board_men=1)
    RosterEntryFactory(club=club, role=RosterEntry.Role.ADVISORY, lives_in_ward=False)

    shortfall = [str(s) for s in club.composition.shortfall]

    assert not club.composition.meets_rule
    assert any("2" in s and "nữ" in s for s in shortfall)
    assert any("nam giới trong ban chủ nhiệm" in s for s in shortfall)
    assert any("không sống" in s for s in shortfall)


def test_it_does_not_count_people_who_left():
    import datetime as dt

    club = ClubFactory()
    fill_roster(club, men=30, women=10, board_men=2)
    RosterEntry.objects.filter(club=club, gender=Gender.FEMALE).first().__class__.objects.filter(
        pk=RosterEntry.objects.filter(club=club, gender=Gender.FEMALE).first().pk
    ).update(left_on=dt.date(2026, 1, 1))

    assert club.composition.women_count == 9
    assert not club.composition.meets_rule


def test_it_shows_the_check_on_the_club_page(client):
    club = ClubFactory()
    fill_roster(club, men=5, women=1)

    body = client.get(club.get_absolute_url()).content.decode()

    assert "Kiểm tra thành phần" in body
    assert "Còn thiếu" in body
