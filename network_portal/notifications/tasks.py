"""Celery tasks: they take ids, call a service, and may run twice without harm.

`scan_and_send` runs every minute from beat (settings.CELERY_BEAT_SCHEDULE). If the broker
was down, nothing is lost: the rows are in the database and the next scan finds them.
"""

from __future__ import annotations

import logging
import uuid

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from . import services
from .channels import MailServerError

log = logging.getLogger(__name__)


def enqueue(task, *args, on_failure=None) -> None:
    """Publish after commit; a broker that is down is logged, never raised: the rows wait in
    the database and the next scan enqueues them again."""

    def publish():
        try:
            task.apply_async(args=args, retry=False)
        except Exception:  # kombu raises many kinds; none may break the caller's request
            log.warning("Broker unreachable: %s will be picked up by the next scan", task.name)
            if on_failure is not None:
                on_failure()

    transaction.on_commit(publish)


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(MailServerError,),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=8,
)
def send_deliveries(self, ids: list[int]) -> None:
    """Send one batch; a redelivered or retried task has the same id and resumes its rows."""
    services.deliveries_send(ids=ids, claim=self.request.id or uuid.uuid4().hex, now=timezone.now())


@shared_task(
    bind=True,
    acks_late=True,
    autoretry_for=(MailServerError,),
    retry_backoff=30,
    retry_backoff_max=30 * 60,
    max_retries=8,
)
def send_digests(self) -> None:
    services.digests_send(now=timezone.now(), claim=self.request.id or uuid.uuid4().hex)


@shared_task(acks_late=True)
def scan_and_send() -> None:
    """Beat's task: insert what is due, then queue every batch waiting and not already queued
    in the last `services.LEASE` (a backlog is not queued again every minute)."""
    now = timezone.now()
    with transaction.atomic():
        services.scan(now=now)
    for batch in services.batches_to_queue(now=now):
        enqueue(send_deliveries, batch, on_failure=lambda ids=batch: services.queue_failed(ids=ids))
    enqueue(send_digests)
