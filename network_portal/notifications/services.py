"""Writes of the notifications app: scan what is due, send what is pending, people's choices.

The flow (see ARCHITECTURE.md): `scan` inserts one `Delivery` row per recipient, occasion and
channel with ignore_conflicts (so a second scan, a second beat or a retry inserts nothing
new); `deliveries_send` claims rows with a conditional update under a claim token (the
Celery task id, so a redelivered task resumes its own rows), checks the occasion still
holds, and hands each channel its rows. Rows claimed by a worker that died are claimable
again after `LEASE`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.core.exceptions import PermissionDenied
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from network_portal.roles import permissions

from . import occasions, selectors
from .channels import CHANNELS, MailServerError, build_email
from .models import (
    CHOSEN_KINDS,
    DEFAULT_PREFERENCE,
    Channel,
    Delivery,
    Kind,
    Preference,
    ReminderSettings,
)

log = logging.getLogger(__name__)
BATCH_SIZE = 500
DIGEST_TEMPLATE = "digest"
LEASE = dt.timedelta(minutes=15)


def _chunks(items: list, size: int = BATCH_SIZE) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def preferences_for(user_ids: Iterable[int]) -> dict[int, Preference]:
    return {p.user_id: p for p in Preference.objects.filter(user_id__in=list(user_ids))}


# --- Scan -----------------------------------------------------------------------------------
def scan(*, now: dt.datetime) -> int:
    """Insert the deliveries of every occasion due at `now` (rows that exist are left alone);
    returns how many rows were offered, for the log."""
    cfg = ReminderSettings.current()
    inserted = 0
    for occasion in occasions.due(now, cfg):
        inserted += fan_out(occasion=occasion, now=now)
    return inserted


def fan_out(*, occasion: occasions.Occasion, now: dt.datetime) -> int:
    """One occasion to its recipients, in batches: one preference query and bulk inserts
    per batch, whatever the number of recipients."""
    inserted = 0
    for chunk in _chunks(occasion.recipient_ids):
        preferences = preferences_for(chunk)
        rows = []
        for user_id in chunk:
            preference = preferences.get(user_id, DEFAULT_PREFERENCE)
            for code in CHANNELS:
                if not preference.wants(occasion.kind, code):
                    continue
                rows.append(
                    Delivery(
                        recipient_id=user_id,
                        occasion=occasion.key,
                        channel=code,
                        kind=occasion.kind,
                        template=occasion.template,
                        params=occasion.params,
                        ward_id=occasion.ward_id,
                        in_digest=code == Channel.EMAIL and preference.daily_digest,
                        created_at=now,
                    )
                )
        inserted += len(
            Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=BATCH_SIZE)
        )
    return inserted


# --- Send -----------------------------------------------------------------------------------
def _claimable(now: dt.datetime, claim: str = "") -> Q:
    q = Q(status=Delivery.Status.PENDING) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=now - LEASE
    )
    if claim:
        q |= Q(status=Delivery.Status.SENDING, claim=claim)
    return q


def pending_batches(*, now: dt.datetime) -> list[list[int]]:
    """Ids waiting to be sent one by one (not the digest's), in batches for the tasks."""
    ids = list(
        Delivery.objects.filter(_claimable(now), in_digest=False)
        .exclude(template=DIGEST_TEMPLATE)  # the digest's own row is sent by digests_send
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(_chunks(ids))


def batches_to_queue(*, now: dt.datetime) -> list[list[int]]:
    """What the beat hands to the workers: waiting rows not queued in the last `LEASE` (so a
    backlog is not queued again every minute), marked as queued now."""
    ids = list(
        Delivery.objects.filter(_claimable(now), in_digest=False)
        .exclude(template=DIGEST_TEMPLATE)  # the digest's own row is sent by digests_send
        .filter(Q(queued_at__isnull=True) | Q(queued_at__lt=now - LEASE))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    batches = list(_chunks(ids))
    for batch in batches:
        Delivery.objects.filter(pk__in=batch).update(queued_at=now)
    return batches


def queue_failed(*, ids: list[int]) -> None:
    """The broker refused the batch: the next scan queues it again."""
    Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING).update(queued_at=None)


def deliveries_send(*, ids: list[int], claim: str, now: dt.datetime) -> None:
    """Send one batch. Idempotent: rows already sent or claimed by another are left alone.

    Queries: claim, read, preferences, one per rule family (still holds?), obsolete update,
    in-app update, and one update per e-mail sent (marking each as it leaves is what makes a
    killed worker's re-run send nobody twice).
    """
    if not ids:
        return
    Delivery.objects.filter(_claimable(now, claim), pk__in=ids, in_digest=False).exclude(
        template=DIGEST_TEMPLATE
    ).update(status=Delivery.Status.SENDING, claim=claim, claimed_at=now)
    rows = list(
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.SENDING, claim=claim)
        .select_related("recipient")
        .order_by("pk")
    )
    if not rows:
        return
    kept = occasions.holding(rows, now)
    obsolete = [row.pk for row in rows if row.pk not in kept]
    if obsolete:
        Delivery.objects.filter(pk__in=obsolete, claim=claim).update(
            status=Delivery.Status.OBSOLETE
        )
    live = [row for row in rows if row.pk in kept]
    by_channel: dict[str, list[Delivery]] = defaultdict(list)
    for row in live:
        by_channel[row.channel].append(row)
    preferences = (
        preferences_for({row.recipient_id for row in by_channel[Channel.EMAIL]})
        if by_channel.get(Channel.EMAIL)
        else {}
    )
    # In-app first: it cannot fail on the mail server.
    for code in sorted(by_channel, key=lambda c: c != Channel.INAPP):
        channel = CHANNELS.get(code)
        if channel is None:
            log.error("No channel %r for deliveries %s", code, [d.pk for d in by_channel[code]])
            continue
        channel.send(by_channel[code], preferences=preferences, claim=claim, now=now)


def digests_send(*, now: dt.datetime, claim: str) -> int:
    """The daily digest: after the digest hour, one e-mail per person holding every e-mail
    that waited for it. The digest row itself (occasion `digest:<day>`) makes it once a day.
    Returns how many digests were sent."""
    cfg = ReminderSettings.current()
    local = timezone.localtime(now, occasions.LOCAL_TZ)
    if local.hour < cfg.digest_hour:
        return 0
    day = local.date().isoformat()
    waiting = (
        Delivery.objects.filter(_claimable(now, claim), channel=Channel.EMAIL, in_digest=True)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in list(waiting)[:BATCH_SIZE]:
        key = f"digest:{day}"
        Delivery.objects.bulk_create(
            [
                Delivery(
                    recipient_id=user_id,
                    occasion=key,
                    channel=Channel.EMAIL,
                    kind=Kind.DIGEST,
                    template=DIGEST_TEMPLATE,
                    created_at=now,
                )
            ],
            ignore_conflicts=True,
        )
        digest = Delivery.objects.select_related("recipient").get(
            recipient_id=user_id, occasion=key, channel=Channel.EMAIL
        )
        if digest.status in (Delivery.Status.SENT, Delivery.Status.FAILED):
            continue  # today's digest is out; what came later waits for tomorrow
        Delivery.objects.filter(
            _claimable(now, claim), recipient_id=user_id, channel=Channel.EMAIL, in_digest=True
        ).update(status=Delivery.Status.SENDING, claim=claim, claimed_at=now)
        items = list(
            Delivery.objects.filter(
                recipient_id=user_id,
                channel=Channel.EMAIL,
                in_digest=True,
                status=Delivery.Status.SENDING,
                claim=claim,
            ).order_by("created_at", "pk")
        )
        kept = occasions.holding(items, now)
        Delivery.objects.filter(
            pk__in=[i.pk for i in items if i.pk not in kept], claim=claim
        ).update(status=Delivery.Status.OBSOLETE)
        items = [i for i in items if i.pk in kept]
        if not items:  # nothing left that still applies: no digest today
            Delivery.objects.filter(pk=digest.pk).update(status=Delivery.Status.OBSOLETE)
            continue
        preference = Preference.objects.filter(user_id=user_id).first() or DEFAULT_PREFERENCE
        message = build_email(digest, preference.language, items=items)
        try:
            with get_connection() as connection:
                connection.send_messages([message])
        except OSError as error:  # SMTPException is an OSError
            raise MailServerError(str(error)) from error
        finished = timezone.now()
        Delivery.objects.filter(pk__in=[digest.pk] + [i.pk for i in items]).update(
            status=Delivery.Status.SENT, sent_at=finished, claim=claim
        )
        sent += 1
    return sent


# --- People's choices -----------------------------------------------------------------------
def preference_update(
    *, user, language: str, daily_digest: bool, wanted: set[str], by
) -> Preference:
    """Save what `user` wants; `wanted` holds "kind:channel" strings."""
    if by.pk != user.pk:
        raise PermissionDenied
    every = {f"{kind}:{code}" for kind in CHOSEN_KINDS for code in CHANNELS}
    muted = sorted(every - set(wanted))
    with transaction.atomic():
        preference, _created = Preference.objects.select_for_update().get_or_create(user=user)
        preference.language = language
        preference.daily_digest = daily_digest
        preference.muted = muted
        preference.save(update_fields=["language", "daily_digest", "muted"])
    return preference


def unsubscribe(*, user_id: int, kinds: list[str]) -> Preference:
    """The one-click link: turn off e-mail for these kinds (the signed token is the check)."""
    kinds = [kind for kind in kinds if kind in Kind.values]
    with transaction.atomic():
        preference, _created = Preference.objects.select_for_update().get_or_create(user_id=user_id)
        if Kind.DIGEST in kinds:
            preference.daily_digest = False
            kinds = [k for k in kinds if k != Kind.DIGEST]
        muted = set(preference.muted) | {f"{kind}:{Channel.EMAIL}" for kind in kinds}
        preference.muted = sorted(muted)
        preference.save(update_fields=["muted", "daily_digest"])
        # Nothing more of these kinds leaves by e-mail, even what was already waiting.
        Delivery.objects.filter(
            recipient_id=user_id,
            channel=Channel.EMAIL,
            kind__in=kinds,
            status=Delivery.Status.PENDING,
        ).update(status=Delivery.Status.OBSOLETE)
    return preference


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the user's own in-app notifications read (all of them when `ids` is None)."""
    if not permissions.is_member(user):
        raise PermissionDenied
    rows = Delivery.objects.filter(
        recipient=user, channel=Channel.INAPP, status=Delivery.Status.SENT, read_at__isnull=True
    )
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    changed = rows.update(read_at=timezone.now())
    selectors.forget_unread([user.pk])
    return changed
