"""The meeting rules, with a frozen clock (every scan takes `now`)."""

import datetime as dt

from django.core import mail

from clubs.models import Meeting
from network_portal.notifications.models import Delivery, ReminderSettings
from tests.notifications.factories import at
from tests.notifications.helpers import recipients, run, sent


def test_it_sends_nothing_before_three_days_ahead_at_seven(world):
    run(at(2026, 12, 7, 6, 59))
    assert not Delivery.objects.exists()
    assert mail.outbox == []


def test_it_reminds_roster_accounts_three_days_before(world):
    run(at(2026, 12, 7, 7, 0))
    assert recipients("meeting_ahead") == world.roster_accounts
    assert recipients("meeting_ahead", "email") == world.roster_accounts
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.chair, world.board, world.member, world.member2)
    )
    assert world.outsider.pk not in recipients("meeting_ahead")


def test_it_sends_the_three_day_reminder_once_however_often_it_runs(world):
    for minute in range(5):
        run(at(2026, 12, 7, 7, minute))
    run(at(2026, 12, 8, 12, 0))
    assert len(mail.outbox) == 4
    assert sent(template="meeting_ahead").count() == 8


def test_it_reminds_on_the_morning_of_the_day(world):
    run(at(2026, 12, 7, 7, 0))
    mail.outbox = []
    run(at(2026, 12, 10, 6, 59))
    assert mail.outbox == []
    run(at(2026, 12, 10, 7, 0))
    assert recipients("meeting_day") == world.roster_accounts
    assert len(mail.outbox) == 4
    assert "Hôm nay" in mail.outbox[0].subject


def test_it_sends_no_reminder_once_the_meeting_has_started(world):
    run(at(2026, 12, 10, 19, 31))
    assert not Delivery.objects.filter(template__in=["meeting_ahead", "meeting_day"]).exists()


def test_it_sends_only_the_day_reminder_for_a_meeting_planned_late(world):
    run(at(2026, 12, 10, 8, 0))
    assert not Delivery.objects.filter(template="meeting_ahead").exists()
    assert recipients("meeting_day") == world.roster_accounts


def test_it_reminds_a_new_time_and_never_the_old_when_a_meeting_moves(world):
    run(at(2026, 12, 7, 7, 0))  # first reminder for the 10th
    world.meeting.starts_at = at(2026, 12, 12, 19, 30)
    world.meeting.ends_at = at(2026, 12, 12, 21, 0)
    world.meeting.save(update_fields=["starts_at", "ends_at"])
    mail.outbox = []
    run(at(2026, 12, 9, 7, 0))  # 3 days before the new date
    assert recipients("meeting_ahead") == world.roster_accounts
    assert len(mail.outbox) == 4
    assert all("12/12/2026" in m.subject for m in mail.outbox)
    mail.outbox = []
    run(at(2026, 12, 10, 7, 0))  # the old day: nothing
    assert mail.outbox == []
    run(at(2026, 12, 12, 7, 0))
    assert len(mail.outbox) == 4
    assert all("12/12/2026" in m.subject for m in mail.outbox)


def test_it_drops_waiting_reminders_of_the_old_time(world):
    """A reminder inserted but not yet sent when the meeting moves is never sent."""
    from network_portal.notifications import services

    services.scan(now=at(2026, 12, 7, 7, 0))
    world.meeting.starts_at = at(2026, 12, 20, 19, 30)
    world.meeting.ends_at = at(2026, 12, 20, 21, 0)
    world.meeting.save(update_fields=["starts_at", "ends_at"])
    for batch in services.pending_batches(now=at(2026, 12, 7, 7, 1)):
        services.deliveries_send(ids=batch, claim="c", now=at(2026, 12, 7, 7, 1))
    assert mail.outbox == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"obsolete"}


def test_it_notifies_a_cancellation_after_the_first_reminder_and_reminds_no_more(world):
    run(at(2026, 12, 7, 7, 0))
    world.meeting.status = Meeting.Status.CANCELLED
    world.meeting.save(update_fields=["status"])
    mail.outbox = []
    run(at(2026, 12, 7, 15, 0))
    assert recipients("meeting_cancelled") == world.roster_accounts
    assert len(mail.outbox) == 4
    assert "Hủy" in mail.outbox[0].subject or "hủy" in mail.outbox[0].subject
    mail.outbox = []
    run(at(2026, 12, 8, 7, 0))
    run(at(2026, 12, 10, 7, 0))
    assert mail.outbox == []
    assert not Delivery.objects.filter(template="meeting_day").exists()


def test_it_tells_members_a_meeting_is_postponed(world):
    world.meeting.status = Meeting.Status.POSTPONED
    world.meeting.save(update_fields=["status"])
    run(at(2026, 12, 8, 9, 0))
    assert recipients("meeting_cancelled") == world.roster_accounts
    assert "Hoãn" in mail.outbox[0].subject


def test_it_drops_a_cancellation_notice_when_the_meeting_is_planned_again(world):
    from network_portal.notifications import services

    world.meeting.status = Meeting.Status.CANCELLED
    world.meeting.save(update_fields=["status"])
    services.scan(now=at(2026, 12, 8, 9, 0))
    world.meeting.status = Meeting.Status.PLANNED
    world.meeting.save(update_fields=["status"])
    for batch in services.pending_batches(now=at(2026, 12, 8, 9, 1)):
        services.deliveries_send(ids=batch, claim="c", now=at(2026, 12, 8, 9, 1))
    assert mail.outbox == []


def test_it_asks_the_board_for_minutes_two_days_after(world):
    run(at(2026, 12, 12, 6, 59))
    assert not Delivery.objects.filter(template="meeting_minutes").exists()
    run(at(2026, 12, 12, 7, 0))
    assert recipients("meeting_minutes") == world.board_accounts
    assert recipients("meeting_minutes", "email") == world.board_accounts


def test_it_does_not_ask_for_minutes_that_are_recorded(world):
    world.meeting.status = Meeting.Status.HELD
    world.meeting.minutes = "Đã thảo luận về chia sẻ việc nhà."
    world.meeting.save(update_fields=["status", "minutes"])
    run(at(2026, 12, 12, 7, 0))
    assert not Delivery.objects.filter(template="meeting_minutes").exists()


def test_it_does_not_ask_for_minutes_of_a_cancelled_meeting(world):
    world.meeting.status = Meeting.Status.CANCELLED
    world.meeting.save(update_fields=["status"])
    run(at(2026, 12, 12, 7, 0))
    assert not Delivery.objects.filter(template="meeting_minutes").exists()


def test_it_stops_asking_for_minutes_after_a_fortnight(world):
    run(at(2026, 12, 30, 7, 0))
    assert not Delivery.objects.filter(template="meeting_minutes").exists()


def test_it_follows_the_offsets_the_administrator_set(world):
    ReminderSettings.objects.create(meeting_days_before=5, morning_hour=6, minutes_after_days=1)
    run(at(2026, 12, 5, 5, 59))
    assert not Delivery.objects.exists()
    run(at(2026, 12, 5, 6, 0))
    assert recipients("meeting_ahead") == world.roster_accounts
    run(at(2026, 12, 11, 6, 0))
    assert recipients("meeting_minutes") == world.board_accounts


def test_it_reminds_an_early_morning_meeting_before_it_starts(world):
    world.meeting.starts_at = at(2026, 12, 10, 6, 0)
    world.meeting.ends_at = at(2026, 12, 10, 7, 0)
    world.meeting.save(update_fields=["starts_at", "ends_at"])
    run(at(2026, 12, 10, 4, 0))
    assert recipients("meeting_day") == world.roster_accounts


def test_it_crosses_the_year_end(world):
    world.meeting.starts_at = at(2027, 1, 1, 8, 0)
    world.meeting.ends_at = world.meeting.starts_at + dt.timedelta(hours=1)
    world.meeting.save(update_fields=["starts_at", "ends_at"])
    run(at(2026, 12, 29, 7, 0))
    assert recipients("meeting_ahead") == world.roster_accounts
