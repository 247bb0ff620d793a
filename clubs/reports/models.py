"""Quarterly club reports and yearly ward reports, their attachments and their history.

Figures are prefilled from the clubs app (see `figures.py`) and then corrected by the
official; what was filed is what is stored, so a report keeps its numbers when the roster or
the meetings change later. Case figures are stored only as shown outside the case record
(small cells already suppressed to "<5"), never as raw counts.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .periods import Period


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report", "Submitted")
    RETURNED = "returned", pgettext_lazy("report", "Returned with comments")
    ACCEPTED = "accepted", pgettext_lazy("report", "Accepted")


def count_field(label):
    return models.PositiveIntegerField(label, default=0, validators=[MaxValueValidator(1_000_000)])


class ReportBase(models.Model):
    """What both kinds of report share: workflow, narrative, document details, locking."""

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1)
    document_number = models.CharField(
        _("document number"), max_length=60, blank=True, help_text=_("For example 12/BC-CLB.")
    )
    place_name = models.CharField(
        _("place of signing"), max_length=100, blank=True, help_text=_("For example Đà Nẵng.")
    )
    recipients = models.TextField(
        _("recipients (Nơi nhận)"),
        blank=True,
        help_text=_("One recipient per line."),
    )
    signer_title = models.CharField(_("signer's title"), max_length=150, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    results = models.TextField(_("results"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    proposals = models.TextField(_("proposals"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved at"), auto_now=True)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_editable_status(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)

    def is_locked(self, on=None) -> bool:
        """Accepted reports are locked; drafts lock with their period unless reopened."""
        if self.status == Status.ACCEPTED:
            return True
        if self.status == Status.RETURNED:  # sent back by a reviewer: open for the fix
            return False
        return self.period.is_locked(on) and self.reopened_at is None

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class QuarterlyReport(ReportBase):
    club = models.ForeignKey(
        "clubs.Club", on_delete=models.PROTECT, related_name="reports", verbose_name=_("club")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    # Meetings and activities
    meetings_planned = count_field(_("monthly meetings planned"))
    meetings_held = count_field(_("monthly meetings held"))
    attendance_men = count_field(_("attendance: men"))
    attendance_women = count_field(_("attendance: women"))
    attendance_other = count_field(_("attendance: other or not said"))
    activities_happiness_day = count_field(_("International Day of Happiness activities"))
    activities_family_day = count_field(_("Vietnamese Family Day activities"))
    activities_action_month = count_field(_("Action Month activities"))
    activities_other = count_field(_("other activities"))
    # Roster
    members_joined = count_field(_("new members"))
    members_left = count_field(_("members who left"))
    members_men = count_field(_("men on the roster at quarter end"))
    members_women = count_field(_("women on the roster at quarter end"))
    board_men = count_field(_("men on the board at quarter end"))
    # Communication work (entered by hand)
    radio_broadcasts = count_field(_("ward radio broadcasts"))
    talks = count_field(_("talks"))
    leaflets = count_field(_("leaflets handed out"))
    posters = count_field(_("posters and banners"))
    # Cases, as shown outside the case record: {"total": "<5", "by_kind": {...}, ...}
    cases_summary = models.JSONField(_("cases (small counts suppressed)"), default=dict)

    FIGURE_FIELDS = (
        "meetings_planned",
        "meetings_held",
        "attendance_men",
        "attendance_women",
        "attendance_other",
        "activities_happiness_day",
        "activities_family_day",
        "activities_action_month",
        "activities_other",
        "members_joined",
        "members_left",
        "members_men",
        "members_women",
        "board_men",
    )
    COMMUNICATION_FIELDS = ("radio_broadcasts", "talks", "leaflets", "posters")

    class Meta:
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        ordering = ["-year", "-quarter", "club__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["club", "year", "quarter"], name="reports_one_per_club_quarter"
            ),
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="reports_quarter_1_to_4"
            ),
        ]
        indexes = [models.Index(fields=["year", "quarter", "status"])]

    def __str__(self):
        return f"{self.club} – {self.period}"

    def get_absolute_url(self):
        return reverse("reports:quarterly", kwargs={"pk": self.pk})

    @property
    def period(self) -> Period:
        return Period(self.year, self.quarter)

    @property
    def ward(self):
        return self.club.ward

    @property
    def quarter_roman(self) -> str:
        return {1: "I", 2: "II", 3: "III", 4: "IV"}[self.quarter]

    @property
    def composition(self):
        """The roster at quarter end under the clubs app's composition rule."""
        from clubs.models import Composition

        return Composition(self.members_men, self.members_women, self.board_men, 0)

    @property
    def attendance_total(self) -> int:
        return self.attendance_men + self.attendance_women + self.attendance_other


class AnnualReport(ReportBase):
    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.PROTECT,
        related_name="annual_reports",
        verbose_name=_("ward"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    lessons = models.TextField(_("lessons learnt"), blank=True)
    replication_plan = models.TextField(_("plan to replicate the model"), blank=True)
    blocks_planned = models.PositiveIntegerField(
        _("blocks/hamlets to reach next year"), default=0, validators=[MaxValueValidator(10_000)]
    )

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year", "ward__name"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "year"], name="reports_one_per_ward_year")
        ]

    def __str__(self):
        return f"{self.ward} – {self.period}"

    def get_absolute_url(self):
        return reverse("reports:annual", kwargs={"pk": self.pk})

    @property
    def period(self) -> Period:
        return Period(self.year)


def attachment_path(instance, filename: str) -> str:
    """Under an unguessable folder: the files are served by a permission-checked view."""
    return f"reports/{instance.report_key}/{secrets.token_urlsafe(12)}/{filename}"


class Attachment(models.Model):
    quarterly = models.ForeignKey(
        QuarterlyReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("quarterly report"),
    )
    annual = models.ForeignKey(
        AnnualReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
        verbose_name=_("yearly report"),
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=attachment_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.title

    @property
    def report_key(self) -> str:
        return f"q{self.quarterly_id}" if self.quarterly_id else f"y{self.annual_id}"


class Event(models.Model):
    """Append-only history of a report: every step with who and when."""

    class Action(models.TextChoices):
        CREATED = "created", pgettext_lazy("report event", "Created")
        SAVED = "saved", pgettext_lazy("report event", "Saved")
        SUBMITTED = "submitted", pgettext_lazy("report event", "Submitted")
        RESUBMITTED = "resubmitted", pgettext_lazy("report event", "Resubmitted")
        RETURNED = "returned", pgettext_lazy("report event", "Returned with comments")
        ACCEPTED = "accepted", pgettext_lazy("report event", "Accepted")
        REOPENED = "reopened", pgettext_lazy("report event", "Reopened")
        ATTACHED = "attached", pgettext_lazy("report event", "File attached")

    quarterly = models.ForeignKey(
        QuarterlyReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("quarterly report"),
    )
    annual = models.ForeignKey(
        AnnualReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("yearly report"),
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("report history entry")
        verbose_name_plural = _("report history")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} – {self.at:%d/%m/%Y %H:%M}"
