"""Sending: claims, retries, failures — each message once, none lost."""

import datetime as dt

import pytest
from django.core import mail

from network_portal.notifications import services, tasks
from network_portal.notifications.channels import MAX_ATTEMPTS, MailServerError
from network_portal.notifications.models import Delivery
from tests.notifications.backends import script
from tests.notifications.factories import at

NOW = at(2026, 12, 7, 7, 0)


@pytest.fixture
def scripted(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.ScriptedBackend"
    script()


def _ids():
    services.scan(now=NOW)
    [batch] = services.pending_batches(now=NOW)
    return batch


def _emails():
    return Delivery.objects.filter(channel="email")


def test_it_lets_only_one_of_two_workers_send_a_batch(world):
    ids = _ids()
    services.deliveries_send(ids=ids, claim="worker-a", now=NOW)
    services.deliveries_send(ids=ids, claim="worker-b", now=NOW)
    assert len(mail.outbox) == 4
    assert set(_emails().values_list("claim", flat=True)) == {"worker-a"}


def test_it_enqueues_nothing_that_was_sent(world):
    services.deliveries_send(ids=_ids(), claim="a", now=NOW)
    assert services.pending_batches(now=NOW + dt.timedelta(hours=1)) == []


def test_it_retries_a_batch_when_the_mail_server_is_down(world, scripted):
    ids = _ids()
    script(open_fails=1)
    with pytest.raises(MailServerError):
        services.deliveries_send(ids=ids, claim="task-1", now=NOW)
    assert mail.outbox == []
    # The in-app notifications went out; the e-mails wait, claimed by the task.
    assert set(Delivery.objects.filter(channel="inapp").values_list("status", flat=True)) == {
        "sent"
    }
    assert set(_emails().values_list("status", flat=True)) == {"sending"}
    services.deliveries_send(ids=ids, claim="task-1", now=NOW + dt.timedelta(seconds=30))
    assert len(mail.outbox) == 4
    assert set(_emails().values_list("status", flat=True)) == {"sent"}


def test_it_resumes_after_a_disconnect_mid_batch_without_sending_twice(world, scripted):
    ids = _ids()
    script("ok", "down")
    with pytest.raises(MailServerError):
        services.deliveries_send(ids=ids, claim="task-1", now=NOW)
    assert len(mail.outbox) == 1
    failed = _emails().get(attempts=1, status="sending")
    assert "SMTPServerDisconnected" in failed.error
    services.deliveries_send(ids=ids, claim="task-1", now=NOW)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (world.chair, world.board, world.member, world.member2)
    )


def test_it_gives_up_on_a_message_after_the_last_attempt(world, scripted):
    ids = _ids()
    for _attempt in range(MAX_ATTEMPTS):
        script("down")
        with pytest.raises(MailServerError):
            services.deliveries_send(ids=ids, claim="task-1", now=NOW)
    first = _emails().order_by("pk").first()
    assert first.status == "failed"
    assert first.attempts == MAX_ATTEMPTS
    script()
    services.deliveries_send(ids=ids, claim="task-1", now=NOW)
    assert len(mail.outbox) == 3
    assert _emails().filter(status="sent").count() == 3


def test_it_marks_a_refused_address_failed_and_sends_the_others(world, scripted):
    ids = _ids()
    script("refused")
    services.deliveries_send(ids=ids, claim="task-1", now=NOW)
    assert len(mail.outbox) == 3
    assert _emails().filter(status="failed").count() == 1
    assert "SMTPRecipientsRefused" in _emails().get(status="failed").error


def test_it_lets_another_worker_take_over_a_dead_claim_after_the_lease(world):
    ids = _ids()
    Delivery.objects.filter(pk__in=ids).update(status="sending", claim="dead", claimed_at=NOW)
    services.deliveries_send(ids=ids, claim="other", now=NOW + dt.timedelta(minutes=14))
    assert mail.outbox == []
    later = NOW + services.LEASE + dt.timedelta(seconds=1)
    assert services.pending_batches(now=later) == [sorted(ids)]
    services.deliveries_send(ids=ids, claim="other", now=later)
    assert len(mail.outbox) == 4


def test_it_declares_the_send_task_late_acked_and_retrying_with_backoff():
    task = tasks.send_deliveries
    assert task.acks_late is True
    assert MailServerError in task.autoretry_for
    assert task.retry_backoff and task.max_retries >= 5


def test_it_retries_the_celery_task_until_the_server_answers(world, scripted, settings):
    ids = _ids()
    script("down")
    tasks.send_deliveries.apply(args=[ids], task_id="celery-task-1")
    assert len(mail.outbox) == 4
    assert set(_emails().values_list("status", flat=True)) == {"sent"}
