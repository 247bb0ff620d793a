"""Fault: the worker dies in the middle of a batch and the task runs again.

With `acks_late` and `reject_on_worker_lost`, the broker redelivers a task whose worker died,
under the same task id. The claim token is that id, so the re-run resumes the rows its first
run had claimed; every e-mail that left before the kill was marked sent as it left.
`WorkerKilled` is a BaseException: like a SIGKILL, nothing after it runs and no handler in
our code catches it.
"""

import datetime as dt

import pytest
from django.core import mail

from clubs.models import RosterEntry
from network_portal.notifications import services, tasks
from network_portal.notifications.models import Delivery
from tests.clubs.factories import on_roster
from tests.notifications.backends import WorkerKilled, script
from tests.notifications.factories import at

NOW = at(2026, 12, 7, 7, 0)


@pytest.fixture
def big_club(world, settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.ScriptedBackend"
    for _ in range(16):
        on_roster(world.club, RosterEntry.Role.MEMBER)
    return world


def _addresses():
    return sorted(m.to[0] for m in mail.outbox)


def _expected(world):
    return sorted(
        RosterEntry.objects.filter(
            club=world.club, left_on__isnull=True, user__isnull=False, user__is_active=True
        ).values_list("user__email", flat=True)
    )


def test_it_sends_each_mail_once_when_the_redelivered_task_reruns(big_club):
    services.scan(now=NOW)
    [batch] = services.pending_batches(now=NOW)
    script("ok", "ok", "ok", "ok", "ok", "kill")
    with pytest.raises(WorkerKilled):
        tasks.send_deliveries.apply(args=[batch], task_id="redelivered", throw=True)
    assert len(mail.outbox) == 5
    # The broker hands the same task (same id) to another worker.
    tasks.send_deliveries.apply(args=[batch], task_id="redelivered", throw=True)
    assert _addresses() == _expected(big_club)
    assert len(mail.outbox) == 20
    assert Delivery.objects.filter(channel="email", status="sent").count() == 20


def test_it_sends_each_mail_once_when_the_next_beat_takes_over_after_the_lease(big_club):
    services.scan(now=NOW)
    [batch] = services.pending_batches(now=NOW)
    script("ok", "ok", "ok", "kill")
    with pytest.raises(WorkerKilled):
        services.deliveries_send(ids=batch, claim="first-task", now=NOW)
    # The next minutes' beats: scans insert nothing new, claimed rows wait for the lease.
    for minute in range(1, 15):
        later = NOW + dt.timedelta(minutes=minute)
        services.scan(now=later)
        for ids in services.pending_batches(now=later):
            services.deliveries_send(ids=ids, claim=f"beat-{minute}", now=later)
    assert len(mail.outbox) == 3
    later = NOW + services.LEASE + dt.timedelta(minutes=1)
    services.scan(now=later)
    for ids in services.pending_batches(now=later):
        services.deliveries_send(ids=ids, claim="after-lease", now=later)
    assert _addresses() == _expected(big_club)


def test_it_sends_each_mail_once_when_killed_twice(big_club):
    services.scan(now=NOW)
    [batch] = services.pending_batches(now=NOW)
    script("ok", "kill")
    with pytest.raises(WorkerKilled):
        tasks.send_deliveries.apply(args=[batch], task_id="t", throw=True)
    script("ok", "ok", "ok", "kill", keep_outbox=True)
    with pytest.raises(WorkerKilled):
        tasks.send_deliveries.apply(args=[batch], task_id="t", throw=True)
    assert len(mail.outbox) == 4
    tasks.send_deliveries.apply(args=[batch], task_id="t", throw=True)
    assert _addresses() == _expected(big_club)
