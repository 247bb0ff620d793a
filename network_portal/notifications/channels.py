"""Channels: how a delivery reaches a person. Add SMS or Zalo by writing one class here.

A channel gets a batch of claimed deliveries (already checked to still apply) and must, for
each, either send it and mark it sent, or record the failure. Marking happens right after
each message leaves, so a worker killed mid-batch leaves every row it sent marked `sent` and
every other row claimed for the re-run. A channel raises `MailServerError` (or its own
retryable error) to stop the batch when the server itself is down; the task retries later.
"""

from __future__ import annotations

import logging
import smtplib
from typing import ClassVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import DEFAULT_PREFERENCE, Channel, Delivery
from .selectors import forget_unread
from .tokens import unsubscribe_url

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


class MailServerError(Exception):
    """The mail server cannot be reached or refuses to work: retry the batch later."""


class BaseChannel:
    code: ClassVar[str]
    label: ClassVar[str]

    def send(self, deliveries: list[Delivery], *, preferences: dict, claim: str, now) -> None:
        raise NotImplementedError


class InAppChannel(BaseChannel):
    """The notification centre: the row itself is the notification; sending is one update."""

    code = Channel.INAPP
    label = _("In the portal (bell)")

    def send(self, deliveries, *, preferences, claim, now) -> None:
        Delivery.objects.filter(pk__in=[d.pk for d in deliveries], claim=claim).update(
            status=Delivery.Status.SENT, sent_at=now, attempts=F("attempts") + 1
        )
        forget_unread({d.recipient_id for d in deliveries})


class EmailChannel(BaseChannel):
    """HTML and plain text in the recipient's language, with one-click unsubscribe."""

    code = Channel.EMAIL
    label = _("E-mail")

    def send(self, deliveries, *, preferences, claim, now) -> None:
        connection = get_connection()
        try:
            connection.open()
        except OSError as error:
            raise MailServerError(str(error)) from error
        rendered: dict = {}
        try:
            for delivery in deliveries:
                preference = preferences.get(delivery.recipient_id, DEFAULT_PREFERENCE)
                message = build_email(delivery, preference.language, cache=rendered)
                try:
                    connection.send_messages([message])
                except smtplib.SMTPRecipientsRefused as error:  # this address, not the server
                    _record_failure(delivery, claim, error, final=True)
                    continue
                except OSError as error:  # SMTPException is an OSError: the server, retry
                    _record_failure(delivery, claim, error, final=False)
                    raise MailServerError(str(error)) from error
                Delivery.objects.filter(pk=delivery.pk, claim=claim).update(
                    status=Delivery.Status.SENT,
                    sent_at=timezone.now(),
                    attempts=F("attempts") + 1,
                    error="",
                )
        finally:
            connection.close()


def _record_failure(delivery, claim: str, error: Exception, *, final: bool) -> None:
    attempts = delivery.attempts + 1
    failed = final or attempts >= MAX_ATTEMPTS
    Delivery.objects.filter(pk=delivery.pk, claim=claim).update(
        attempts=attempts,
        error=f"{type(error).__name__}: {error}"[:1000],
        status=Delivery.Status.FAILED if failed else Delivery.Status.SENDING,
    )
    log.warning("Delivery %s failed (attempt %s): %s", delivery.pk, attempts, error)


NAME_SLOT = "\x00name\x00"
UNSUBSCRIBE_SLOT = "\x00unsubscribe\x00"


def _render(delivery, language: str, items) -> tuple[str, str, str]:
    """Subject, text and HTML with slots for the recipient's name and unsubscribe link."""
    with translation.override(language):
        if items:
            messages = [item.message for item in items]
            subject = str(_("Your reminders of the day (%(count)d)") % {"count": len(items)})
        else:
            messages = [delivery.message]
            subject = messages[0].title
        context = {
            "messages": messages,
            "name": NAME_SLOT,
            "unsubscribe_url": UNSUBSCRIBE_SLOT,
            "digest": bool(items),
            "language": language,
            "SITE_URL": settings.SITE_URL,
        }
        text = render_to_string("notifications/email/message.txt", context)
        html = render_to_string("notifications/email/message.html", context)
    return subject, text, html


def build_email(
    delivery, language: str, *, items=None, cache: dict | None = None
) -> EmailMultiAlternatives:
    """One e-mail: subject, text and HTML, List-Unsubscribe headers, in `language`.

    A batch renders each occasion once per language (`cache`) and fills in each recipient's
    name and unsubscribe link: 10,000 recipients of one reminder cost one rendering.
    """
    kinds = sorted({item.kind for item in items}) if items else [delivery.kind]
    unsubscribe = unsubscribe_url(delivery.recipient_id, kinds)
    key = (delivery.occasion, language)
    if items or cache is None or key not in cache:
        rendered = _render(delivery, language, items)
        if cache is not None and not items:
            cache[key] = rendered
    else:
        rendered = cache[key]
    subject, text, html = rendered
    name = delivery.recipient.get_short_name()
    text = text.replace(NAME_SLOT, name).replace(UNSUBSCRIBE_SLOT, unsubscribe)
    html = html.replace(NAME_SLOT, escape(name)).replace(UNSUBSCRIBE_SLOT, escape(unsubscribe))
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[delivery.recipient.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    email.attach_alternative(html, "text/html")
    return email


CHANNELS: dict[str, BaseChannel] = {
    channel.code: channel for channel in (EmailChannel(), InAppChannel())
}
