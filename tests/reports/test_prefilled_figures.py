"""The prefilled figures against a hand-computed quarter (Q1 2026 of one club)."""

import datetime as dt

import pytest

from clubs.models import Case, Meeting, RosterEntry
from clubs.reports.figures import quarter_figures
from clubs.reports.periods import LOCAL_TZ, Period
from members.choices import Gender
from tests.clubs.factories import CaseFactory, ClubFactory, MeetingFactory, RosterEntryFactory

pytestmark = pytest.mark.django_db

BEFORE = dt.date(2025, 10, 1)


def at(day: dt.date, hour=19, minute=30):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=LOCAL_TZ)


def meeting(
    club, day, *, status, kind=Meeting.Kind.REGULAR, attendees=(), hour=19, minute=30, **guests
):
    m = MeetingFactory(
        club=club,
        kind=kind,
        status=status,
        starts_at=at(day, hour, minute),
        ends_at=at(day, hour, minute) + dt.timedelta(minutes=20),
        **guests,
    )
    m.attendees.set(attendees)
    return m


@pytest.fixture
def club():
    club = ClubFactory()
    e = RosterEntryFactory
    men = [
        e(club=club, gender=Gender.MALE, joined_on=BEFORE, full_name=f"Nam {i}") for i in range(3)
    ]
    women = [
        e(club=club, gender=Gender.FEMALE, joined_on=BEFORE, full_name=f"Nữ {i}") for i in range(2)
    ]
    # Removed from the roster in February (the "deleted" member): left, not at quarter end.
    men[2].left_on = dt.date(2026, 2, 15)
    men[2].save(update_fields=["left_on"])
    e(club=club, gender=Gender.MALE, joined_on=dt.date(2026, 1, 20), full_name="Mới Vào")
    # A change of role: the old entry closes and a new one opens the same day.
    e(
        club=club,
        gender=Gender.MALE,
        joined_on=BEFORE,
        left_on=dt.date(2026, 3, 1),
        full_name="Lên Ban",
    )
    e(
        club=club,
        gender=Gender.MALE,
        joined_on=dt.date(2026, 3, 1),
        full_name="Lên Ban",
        role=RosterEntry.Role.BOARD,
    )
    # Leaves after the quarter: still on the roster at its end.
    e(
        club=club,
        gender=Gender.MALE,
        joined_on=BEFORE,
        left_on=dt.date(2026, 4, 10),
        full_name="Rời Tháng Tư",
    )
    # Joins after the quarter: not counted.
    e(club=club, gender=Gender.FEMALE, joined_on=dt.date(2026, 4, 5), full_name="Vào Tháng Tư")

    held, cancelled = Meeting.Status.HELD, Meeting.Status.CANCELLED
    meeting(
        club,
        dt.date(2026, 1, 15),
        status=held,
        attendees=[men[0], men[1], women[0]],
        guests_men=1,
        guests_women=2,
        guests_other=1,
    )
    meeting(club, dt.date(2026, 2, 12), status=cancelled, attendees=[men[0]], guests_men=5)
    meeting(club, dt.date(2026, 3, 12), status=Meeting.Status.PLANNED)
    meeting(
        club,
        dt.date(2026, 3, 20),
        status=held,
        kind=Meeting.Kind.HAPPINESS_DAY,
        attendees=[men[2], women[1]],
    )
    meeting(club, dt.date(2026, 3, 31), status=held, hour=23, minute=30, attendees=[men[1]])
    meeting(
        club,
        dt.date(2026, 4, 1),
        status=held,
        hour=0,
        minute=10,
        attendees=[men[0]],
        guests_women=9,
    )
    for day in (dt.date(2026, 1, 5), dt.date(2026, 2, 5), dt.date(2026, 3, 5)):
        CaseFactory(club=club, opened_on=day)
    CaseFactory(club=club, opened_on=dt.date(2026, 4, 2), kind=Case.Kind.CHILD_MARRIAGE)
    return club


def test_it_counts_monthly_meetings_planned_including_the_cancelled_one(club):
    figures = quarter_figures(club, Period(2026, 1))
    assert figures["meetings_planned"] == 4  # 15/1, 12/2 (cancelled), 12/3, 31/3 23:30
    assert figures["meetings_held"] == 2


def test_it_counts_attendance_by_gender_with_guests_and_without_the_cancelled_meeting(club):
    figures = quarter_figures(club, Period(2026, 1))
    assert figures["attendance_men"] == 5  # 2 + 1 guest, 1 (20/3), 1 (31/3)
    assert figures["attendance_women"] == 4  # 1 + 2 guests, 1 (20/3)
    assert figures["attendance_other"] == 1


def test_it_counts_activities_by_kind(club):
    figures = quarter_figures(club, Period(2026, 1))
    assert figures["activities_happiness_day"] == 1
    assert figures["activities_family_day"] == 0
    assert figures["activities_other"] == 0


def test_it_counts_new_and_departed_members_but_not_a_change_of_role(club):
    figures = quarter_figures(club, Period(2026, 1))
    assert figures["members_joined"] == 1
    assert figures["members_left"] == 1


def test_it_counts_the_roster_at_quarter_end(club):
    figures = quarter_figures(club, Period(2026, 1))
    assert figures["members_men"] == 5
    assert figures["members_women"] == 2
    assert figures["board_men"] == 1


def test_it_shows_a_case_count_of_three_as_under_five(club):
    summary = quarter_figures(club, Period(2026, 1))["cases_summary"]
    assert summary["total"] == "<5"
    assert summary["by_kind"][Case.Kind.DOMESTIC_VIOLENCE] == "<5"
    assert summary["by_kind"][Case.Kind.CHILD_MARRIAGE] == "0"
    assert summary["by_status"][Case.FollowUp.OPEN] == "<5"
    assert "3" not in summary["total"]


def test_it_shows_five_cases_as_five(club):
    for day in (dt.date(2026, 3, 6), dt.date(2026, 3, 7)):
        CaseFactory(club=club, opened_on=day)
    summary = quarter_figures(club, Period(2026, 1))["cases_summary"]
    assert summary["total"] == "5"
    assert summary["by_kind"][Case.Kind.DOMESTIC_VIOLENCE] == "5"


def test_it_counts_the_next_quarter_apart(club):
    figures = quarter_figures(club, Period(2026, 2))
    assert figures["meetings_held"] == 1
    assert figures["attendance_women"] == 9
    assert figures["members_joined"] == 1
    assert figures["members_left"] == 1
    assert figures["cases_summary"]["by_kind"][Case.Kind.CHILD_MARRIAGE] == "<5"
