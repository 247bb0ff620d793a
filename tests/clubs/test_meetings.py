import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from clubs import ical, services
from clubs.models import Meeting, RosterEntry
from clubs.selectors import attendance_counts
from members.choices import Gender
from tests.clubs.factories import (
    ClubFactory,
    MeetingFactory,
    RosterEntryFactory,
    on_roster,
    past_meeting,
)

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def club():
    return ClubFactory()


def test_it_plans_the_second_sunday_of_each_month_at_19_30_vietnam_time(club):
    chair = on_roster(club, RosterEntry.Role.CHAIR)

    meetings = services.meetings_plan_year(
        club=club,
        year=2026,
        weekday=6,
        nth=2,
        start_time=dt.time(19, 30),
        duration_minutes=90,
        place="",
        by=chair,
    )

    assert len(meetings) == 12
    first = Meeting.objects.order_by("starts_at").first()
    assert first.starts_at.astimezone(VN) == dt.datetime(2026, 1, 11, 19, 30, tzinfo=VN)
    assert first.starts_at.tzinfo is not None
    assert all(m.starts_at.astimezone(VN).weekday() == 6 for m in Meeting.objects.all())
    assert first.place == club.meeting_place


def test_it_plans_nothing_twice(club):
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    kwargs = {
        "club": club,
        "year": 2026,
        "weekday": 6,
        "nth": -1,
        "start_time": dt.time(8, 0),
        "duration_minutes": 60,
        "place": "Nhà văn hóa",
        "by": chair,
    }

    services.meetings_plan_year(**kwargs)
    again = services.meetings_plan_year(**kwargs)

    assert again == []
    assert Meeting.objects.count() == 12


def test_it_refuses_a_plan_from_someone_outside_the_board(club):
    with pytest.raises(PermissionError):
        services.meetings_plan_year(
            club=club,
            year=2026,
            weekday=6,
            nth=2,
            start_time=dt.time(19, 30),
            duration_minutes=90,
            place="",
            by=on_roster(club),
        )


def test_it_counts_attendance_by_gender_with_guests(client, club):
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    men = [RosterEntryFactory(club=club, gender=Gender.MALE) for _ in range(3)]
    women = [RosterEntryFactory(club=club, gender=Gender.FEMALE) for _ in range(2)]
    meeting = past_meeting(club)
    client.force_login(chair)

    client.post(
        reverse("clubs:meeting_record", kwargs={"pk": meeting.pk}),
        {
            "status": "held",
            "attendees": [e.pk for e in men + women],
            "guests_men": 1,
            "guests_women": 4,
            "guests_other": 0,
            "minutes": "Thảo luận",
        },
    )

    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert attendance_counts(meeting) == {"men": 4, "women": 6, "other": 0, "total": 10}


def test_it_writes_an_rfc5545_feed_with_escaped_text_and_a_uid_per_meeting(client, club):
    club.name = "CLB Hải Châu; khối 3, tổ 4"
    club.save(update_fields=["name"])
    meeting = MeetingFactory(club=club, place="Hội trường, tổ 3", agenda="Dòng 1\nDòng 2")

    response = client.get(reverse("clubs:club_ics", kwargs={"pk": club.pk}))
    body = response.content.decode()

    assert response["Content-Type"].startswith("text/calendar")
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    assert f"UID:club-meeting-{meeting.pk}@" in body
    assert "DTSTART:" + meeting.starts_at.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ") in body
    unfolded = body.replace("\r\n ", "")
    assert "LOCATION:Hội trường\\, tổ 3" in unfolded
    assert "CLB Hải Châu\\; khối 3\\, tổ 4" in unfolded
    assert "Dòng 1\\nDòng 2" in unfolded


def test_it_folds_long_lines_without_breaking_a_character():
    line = "SUMMARY:" + "Bình đẳng giới " * 20
    folded = ical.fold(line)

    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_it_serves_a_members_private_feed_only_with_their_token(client, club):
    from clubs.models import CalendarToken

    member = on_roster(club)
    MeetingFactory(club=club)
    MeetingFactory(club=ClubFactory())  # not their club
    token = CalendarToken.objects.create(user=member)

    body = client.get(reverse("clubs:member_ics", kwargs={"token": token.token})).content.decode()

    assert body.count("BEGIN:VEVENT") == 1
    assert client.get(reverse("clubs:member_ics", kwargs={"token": "doan-bua"})).status_code == 404
    assert len(token.token) >= 40
