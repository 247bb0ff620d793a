"""Reminders and notifications: the delivery log is the source of truth.

A `Delivery` row is one message for one person on one channel about one occasion. The
unique key (recipient, occasion, channel) is what makes "sent once" hold: the scan inserts
rows with ignore_conflicts, senders claim rows with a conditional update, and the status says
what happened. Nothing is sent that has no row; nothing with a row is sent twice.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notification is about: the unit people choose (and unsubscribe from)."""

    MEETINGS = "meetings", _("Meeting reminders and cancellations")
    MINUTES = "minutes", _("Missing meeting minutes (club board)")
    REPORTS = "reports", _("Report deadlines")
    CAMPAIGNS = "campaigns", _("Campaigns opening and closing")
    DIGEST = "digest", _("Daily digest")


# The kinds a person chooses between (the digest follows from the others).
CHOSEN_KINDS = [Kind.MEETINGS, Kind.MINUTES, Kind.REPORTS, Kind.CAMPAIGNS]


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    INAPP = "inapp", _("In the portal (bell)")


class ReminderSettings(models.Model):
    """When reminders go out; one row, edited by site administrators in the admin."""

    meeting_days_before = models.PositiveSmallIntegerField(
        _("meeting reminder: days before"), default=3, validators=[MinValueValidator(1)]
    )
    morning_hour = models.PositiveSmallIntegerField(
        _("hour of the morning reminders (0–23)"), default=7, validators=[MaxValueValidator(23)]
    )
    minutes_after_days = models.PositiveSmallIntegerField(
        _("missing minutes: days after the meeting"), default=2
    )
    report_days_before = models.PositiveSmallIntegerField(
        _("report reminder: days before it is due"), default=7
    )
    overdue_every_days = models.PositiveSmallIntegerField(
        _("overdue report: remind again every … days"), default=7, validators=[MinValueValidator(1)]
    )
    annual_first_days_before = models.PositiveSmallIntegerField(
        _("yearly report: first reminder, days before it is due"), default=9
    )
    annual_second_days_before = models.PositiveSmallIntegerField(
        _("yearly report: second reminder, days before it is due"), default=3
    )
    campaign_days_before_close = models.PositiveSmallIntegerField(
        _("campaign: days before it closes"), default=7
    )
    digest_hour = models.PositiveSmallIntegerField(
        _("hour of the daily digest (0–23)"), default=18, validators=[MaxValueValidator(23)]
    )

    class Meta:
        verbose_name = _("reminder settings")
        verbose_name_plural = _("reminder settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(morning_hour__lte=23, digest_hour__lte=23),
                name="notifications_hours_in_day",
            ),
            models.CheckConstraint(
                condition=Q(meeting_days_before__gte=1, overdue_every_days__gte=1),
                name="notifications_positive_offsets",
            ),
        ]

    def __str__(self):
        return str(_("reminder settings"))

    @classmethod
    def current(cls) -> ReminderSettings:
        row = cls.objects.order_by("pk").first()
        return row or cls()


class Preference(models.Model):
    """A person's choices. No row means the defaults: everything on, Vietnamese, no digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("account"),
    )
    language = models.CharField(
        _("language of e-mails"), max_length=10, choices=settings.LANGUAGES, default="vi"
    )
    daily_digest = models.BooleanField(
        _("one daily e-mail instead of one e-mail each"), default=False
    )
    muted = models.JSONField(
        _("turned off"), default=list, blank=True, help_text='["kind:channel", …]'
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)

    def wants(self, kind: str, channel: str) -> bool:
        return f"{kind}:{channel}" not in self.muted


DEFAULT_PREFERENCE = Preference(language="vi", daily_digest=False, muted=[])


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        OBSOLETE = "obsolete", _("Not sent: no longer applies")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_deliveries",
        verbose_name=_("recipient"),
    )
    occasion = models.CharField(_("occasion"), max_length=200)
    channel = models.CharField(_("channel"), max_length=20)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    template = models.CharField(_("message"), max_length=40)
    params = models.JSONField(_("details"), default=dict, blank=True)
    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ward"),
    )
    in_digest = models.BooleanField(_("in the daily digest"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    claim = models.CharField(_("claimed by"), max_length=64, blank=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "occasion", "channel"], name="notifications_once_per_channel"
            )
        ]
        indexes = [
            models.Index(fields=["status", "channel"]),
            models.Index(fields=["recipient", "channel", "read_at"]),
            models.Index(fields=["occasion"]),
        ]

    def __str__(self):
        return f"{self.occasion} → {self.recipient_id} ({self.channel})"

    @property
    def is_unread(self) -> bool:
        return self.channel == Channel.INAPP and self.read_at is None

    @property
    def channel_label(self) -> str:
        from .channels import CHANNELS

        channel = CHANNELS.get(self.channel)
        return str(channel.label) if channel else self.channel

    @property
    def message(self):
        """Title, lines and link in the active language (rendered from `params`, no query)."""
        from .messages import render

        return render(self)
