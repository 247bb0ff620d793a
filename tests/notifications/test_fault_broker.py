"""Fault: the broker is unreachable when something is saved.

The save must succeed (publishing happens after commit and a broker error is logged, never
raised) and the reminders must go out once the broker is back, because the database — not
the queue — holds what is due: the next beat's scan finds it.

The first test needs no broker at all. The second makes the whole round trip on a real
Redis (REDIS_URL, as in CI): publish fails while Redis is unreachable, then after it is back
the beat's task is published to Redis, taken from the queue and run, and what it enqueues is
taken from Redis and run too.
"""

import contextlib
import datetime as dt
import os
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from clubs import services as club_services
from clubs.models import Meeting
from network_portal.celery import app
from network_portal.notifications import tasks
from network_portal.notifications.models import Delivery
from tests.conftest import skip_or_fail

UNREACHABLE = "redis://127.0.0.1:1/0"


@contextlib.contextmanager
def broker(url: str):
    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    app.conf.broker_url = url
    app.conf.broker_transport_options = {}
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield
    finally:
        app.conf.broker_url, app.conf.broker_transport_options = saved
        app._pool = None
        app.amqp._producer_pool = None


def _cancel_soon_meeting(world):
    """The board cancels the meeting of the day after tomorrow (the real clock: the beat's
    task reads it)."""
    starts = timezone.now() + dt.timedelta(days=2)
    world.meeting.starts_at = starts
    world.meeting.ends_at = starts + dt.timedelta(hours=1)
    world.meeting.save(update_fields=["starts_at", "ends_at"])
    world.meeting.status = Meeting.Status.CANCELLED
    with transaction.atomic():
        club_services.meeting_save(meeting=world.meeting, by=world.chair)
        tasks.enqueue(tasks.scan_and_send)  # "tell the worker now", after commit


def test_it_saves_while_the_broker_is_down_and_sends_on_the_next_scan(
    world, django_capture_on_commit_callbacks, caplog
):
    with broker(UNREACHABLE), django_capture_on_commit_callbacks(execute=True):
        _cancel_soon_meeting(world)
    world.meeting.refresh_from_db()
    assert world.meeting.status == Meeting.Status.CANCELLED
    assert "Broker unreachable" in caplog.text
    assert mail.outbox == []
    # The broker is back: beat's next tick (run here as the worker would run it).
    with django_capture_on_commit_callbacks(execute=False):
        tasks.scan_and_send.apply()
    from network_portal.notifications import services

    now = timezone.now()
    for batch in services.pending_batches(now=now):
        services.deliveries_send(ids=batch, claim="worker", now=now)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.chair, world.board, world.member, world.member2)
    )


def _redis_test_url() -> str:
    url = os.environ.get("REDIS_URL")
    if not url:
        skip_or_fail("needs Redis (set REDIS_URL=redis://…)")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/15"))  # a database of its own


def _drain(django_capture_on_commit_callbacks) -> int:
    """A tiny worker: take each message from the Redis queue and run its task."""
    ran = 0
    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue("celery")
        try:
            while True:
                try:
                    message = queue.get(timeout=1)
                except queue.Empty:
                    return ran
                args, kwargs, _embed = message.decode()
                task = app.tasks[message.headers["task"]]
                with django_capture_on_commit_callbacks(execute=True):
                    task.apply(args=args, kwargs=kwargs, task_id=message.headers["id"])
                message.ack()
                ran += 1
        finally:
            queue.close()


@pytest.mark.django_db
def test_it_delivers_through_redis_once_the_broker_is_back(
    world, django_capture_on_commit_callbacks, caplog
):
    url = _redis_test_url()
    with broker(url), app.connection_for_write() as connection:
        connection.SimpleQueue("celery").clear()
    with broker(UNREACHABLE), django_capture_on_commit_callbacks(execute=True):
        _cancel_soon_meeting(world)
    assert Meeting.objects.get(pk=world.meeting.pk).status == Meeting.Status.CANCELLED
    assert "Broker unreachable" in caplog.text
    with broker(url):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.enqueue(tasks.scan_and_send)  # beat's next tick, published to Redis
        ran = _drain(django_capture_on_commit_callbacks)
        assert ran >= 2  # the scan, then the batch it enqueued
        with django_capture_on_commit_callbacks(execute=True):
            tasks.enqueue(tasks.scan_and_send)  # and the tick after: nothing new
        _drain(django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.chair, world.board, world.member, world.member2)
    )
    assert Delivery.objects.filter(template="meeting_cancelled", status="sent").count() == 8


def test_it_saves_a_report_submission_while_the_broker_is_down_and_reminds_later(
    world, django_capture_on_commit_callbacks, caplog
):
    """The case the issue names: a report is submitted while the broker is unreachable."""
    from clubs.reports import services as report_services
    from clubs.reports.models import QuarterlyReport
    from tests.clubs.factories import ClubFactory, on_roster
    from tests.notifications.factories import at
    from tests.notifications.helpers import run
    from tests.reports.factories import QuarterlyReportFactory

    late_club = ClubFactory(ward=world.club.ward, name="CLB Chưa Nộp")
    late_chair = on_roster(late_club, "chair")
    report = QuarterlyReportFactory(club=world.club, year=2026, quarter=4)
    with (
        broker(UNREACHABLE),
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        report_services.report_submit(report=report, version=report.version, by=world.chair)
        tasks.enqueue(tasks.scan_and_send)
    assert "Broker unreachable" in caplog.text
    saved = QuarterlyReport.objects.get(pk=report.pk)
    assert saved.status == "submitted" and saved.first_submitted_at is not None
    # The broker is back; the beat ticks on the day after Q4/2026 was due (10/01/2027).
    run(at(2027, 1, 11, 7, 0))
    to = {m.to[0] for m in mail.outbox}
    assert late_chair.email in to
    assert world.chair.email not in to
    run(at(2027, 1, 11, 7, 1))
    assert len([m for m in mail.outbox if m.to == [late_chair.email]]) == 1
