"""Campaigns: the yearly Action Month, emulation movements and commemorative days; the
activities clubs and member organisations hold under them, public pledges, and certificates
of merit with a public verification page.

What counts towards a campaign's targets is decided in one module, `progress.py`.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ACTION_MONTH_START = (11, 15)  # 15 November
ACTION_MONTH_END = (12, 15)  # 15 December
# Clubs report late: activities (dated inside the period) can be registered this long after it.
LATE_REGISTRATION_DAYS = 30


def action_month_period(year: int) -> tuple[dt.date, dt.date]:
    """The Action Month runs 15 November – 15 December of its year."""
    return dt.date(year, *ACTION_MONTH_START), dt.date(year, *ACTION_MONTH_END)


class Campaign(models.Model):
    class Kind(models.TextChoices):
        ACTION_MONTH = "action_month", _("Action Month")
        EMULATION = "emulation", _("Emulation movement")
        COMMEMORATIVE_DAY = "commemorative_day", _("Commemorative day")
        OTHER = "other", _("Other campaign")

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        PROVINCE = "province", _("One province")
        WARD = "ward", _("One ward or commune")

    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    year = models.PositiveSmallIntegerField(_("year"))
    theme = models.CharField(_("theme"), max_length=500, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    scope = models.CharField(
        _("scope"), max_length=20, choices=Scope.choices, default=Scope.NATIONAL
    )
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ward"),
    )
    plan_number = models.CharField(_("launching plan number"), max_length=60, blank=True)
    plan_date = models.DateField(_("launching plan date"), null=True, blank=True)
    plan_issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    plan_file = models.FileField(_("launching plan file"), upload_to="campaigns/plans/", blank=True)
    goals = models.TextField(_("goals"), blank=True)
    copied_from = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("copied from"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                name="campaigns_period_in_order", condition=Q(ends_on__gte=models.F("starts_on"))
            ),
            models.CheckConstraint(
                name="campaigns_scope_matches_place",
                condition=(
                    Q(scope="national", province__isnull=True, ward__isnull=True)
                    | Q(scope="province", province__isnull=False, ward__isnull=True)
                    | Q(scope="ward", ward__isnull=False, province__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(kind="action_month", scope="national"),
                name="campaigns_one_national_action_month_a_year",
            ),
        ]
        indexes = [models.Index(fields=["starts_on", "ends_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:detail", kwargs={"pk": self.pk})

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def is_running(self, today: dt.date | None = None) -> bool:
        return self.covers(today or timezone.localdate())

    def has_ended(self, today: dt.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.ends_on

    def accepts_activities(self, today: dt.date | None = None) -> bool:
        """Registration stays open LATE_REGISTRATION_DAYS after the end, for late reports."""
        last = self.ends_on + dt.timedelta(days=LATE_REGISTRATION_DAYS)
        return (today or timezone.localdate()) <= last

    @property
    def place(self):
        return self.ward or self.province


class Indicator(models.TextChoices):
    """What a target measures. How each is counted is in `progress.py`."""

    ACTIVITIES = "activities", _("Activities held")
    PARTICIPANTS = "participants", _("People taking part")
    MEN = "men", _("Men taking part")
    PEOPLE_REACHED = "people_reached", _("People reached")
    CLUBS_FOUNDED = "clubs_founded", _("Clubs founded")
    PLEDGES = "pledges", _("Pledges made")


class Target(models.Model):
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="targets", verbose_name=_("campaign")
    )
    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    value = models.PositiveIntegerField(_("target"))

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "indicator"], name="campaigns_one_target_per_indicator"
            ),
            models.CheckConstraint(name="campaigns_target_positive", condition=Q(value__gt=0)),
        ]

    def __str__(self):
        return f"{self.get_indicator_display()}: {self.value}"


class Activity(models.Model):
    class Kind(models.TextChoices):
        TALK = "talk", _("Talk")
        COOKING_CONTEST = "cooking_contest", _("Cooking contest")
        PERFORMANCE_CONTEST = "performance_contest", _("Performance contest")
        SKIT_CONTEST = "skit_contest", _("Skit contest")
        RADIO = "radio", _("Radio broadcast")
        LEAFLETS = "leaflets", _("Leaflet and poster distribution")
        BANNER = "banner", _("Banners")
        ONLINE = "online", _("Online communication")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        HELD = "held", _("Held")
        PLANNED = "planned", _("Planned")
        CANCELLED = "cancelled", _("Cancelled")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="activities", verbose_name=_("campaign")
    )
    club = models.ForeignKey(
        "clubs.Club",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_activities",
        verbose_name=_("club"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaign_activities",
        verbose_name=_("member organisation"),
    )
    # Where it happened, for the breakdown by province and ward: a club's own ward, an
    # organisation's province (its ward is not known).
    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ward"),
    )
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.HELD
    )
    men = models.PositiveIntegerField(_("men taking part"), default=0)
    women = models.PositiveIntegerField(_("women taking part"), default=0)
    other_gender = models.PositiveIntegerField(_("others taking part"), default=0)
    people_reached = models.PositiveIntegerField(
        _("people reached"),
        default=0,
        help_text=_("Listeners, readers, leaflets handed out… besides those taking part."),
    )
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="campaigns_activity_has_one_organiser",
                condition=(
                    Q(club__isnull=False, organisation__isnull=True)
                    | Q(club__isnull=True, organisation__isnull=False)
                ),
            ),
        ]
        indexes = [models.Index(fields=["campaign", "status", "held_on"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:activity_detail", kwargs={"pk": self.pk})

    @property
    def organiser(self):
        return self.club or self.organisation

    @property
    def participants(self) -> int:
        return self.men + self.women + self.other_gender


class ActivityPhoto(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="photos", verbose_name=_("activity")
    )
    image = models.ImageField(_("photo"), upload_to="campaigns/photos/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="campaigns/photos/thumbs/")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")
        ordering = ["pk"]

    def __str__(self):
        return self.caption or self.image.name


def evidence_path(instance, filename: str) -> str:
    """A random folder name: evidence (attendance lists) is not for guessing URLs."""
    return f"campaigns/evidence/{secrets.token_urlsafe(12)}/{filename}"


class ActivityEvidence(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("activity")
    )
    file = models.FileField(_("file"), upload_to=evidence_path)
    name = models.CharField(_("file name"), max_length=255)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class PledgeChoice(models.TextChoices):
    HOUSEWORK = "housework", _("I will share the housework and care for the family.")
    NO_VIOLENCE = "no_violence", _("I will never use violence against women and children.")
    SPEAK_UP = "speak_up", _("I will speak up when I see violence or discrimination.")
    RAISE_EQUAL = "raise_equal", _("I will raise my sons and daughters as equals.")
    ONLINE_SAFETY = (
        "online_safety",
        _("I will help women and girls stay safe online and never share harmful content."),
    )
    OWN_WORDS = "own_words", _("In my own words…")


class Pledge(models.Model):
    """A public pledge of action. One per person per campaign: per account for members, per
    e-mail address for visitors (`identity`, lower-cased, never shown)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="pledges", verbose_name=_("campaign")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pledges",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name shown"), max_length=120)
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    identity = models.CharField(_("identity key"), max_length=254)
    choice = models.CharField(_("pledge"), max_length=30, choices=PledgeChoice.choices)
    text = models.CharField(_("pledge in your own words"), max_length=300, blank=True)
    is_hidden = models.BooleanField(_("hidden from the wall"), default=False)
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "identity"], name="campaigns_one_pledge_per_person"
            ),
            models.UniqueConstraint(
                fields=["campaign", "user"],
                condition=Q(user__isnull=False),
                name="campaigns_one_pledge_per_account",
            ),
        ]

    def __str__(self):
        return f"{self.name}: {self.words}"

    @property
    def words(self) -> str:
        if self.choice == PledgeChoice.OWN_WORDS:
            return self.text
        return str(self.get_choice_display())


def _new_code() -> str:
    return secrets.token_urlsafe(9)


class Commendation(models.Model):
    """A certificate of merit (bằng khen / giấy khen) to a collective or an individual."""

    class Kind(models.TextChoices):
        CERTIFICATE_OF_MERIT = "bang_khen", _("Certificate of merit (bằng khen)")
        COMMENDATION = "giay_khen", _("Commendation (giấy khen)")

    class Recipient(models.TextChoices):
        COLLECTIVE = "collective", _("Collective")
        INDIVIDUAL = "individual", _("Individual")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    recipient_kind = models.CharField(_("awarded to"), max_length=20, choices=Recipient.choices)
    recipient_name = models.CharField(_("name of the collective or individual"), max_length=255)
    recipient_detail = models.CharField(
        _("position or address"),
        max_length=255,
        blank=True,
        help_text=_("As written on the certificate, e.g. “Chair of the club, Hải Châu ward”."),
    )
    club = models.ForeignKey(
        "clubs.Club",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("club"),
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("member organisation"),
    )
    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ward"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="commendations",
        verbose_name=_("campaign or movement"),
    )
    decision_number = models.CharField(_("decision number"), max_length=60)
    issuing_authority = models.CharField(_("issuing authority"), max_length=255)
    decided_on = models.DateField(_("decision date"))
    reason = models.TextField(_("reason for the award"))
    code = models.CharField(_("verification code"), max_length=20, unique=True, default=_new_code)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("commendation")
        verbose_name_plural = _("commendations")
        ordering = ["-decided_on", "recipient_kind", "recipient_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision_number", "issuing_authority", "recipient_name"],
                name="campaigns_one_certificate_per_recipient_per_decision",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.recipient_name} ({self.decision_number})"

    def get_absolute_url(self):
        return reverse("campaigns:verify", kwargs={"code": self.code})

    @property
    def is_valid(self) -> bool:
        return self.revoked_on is None
