"""Ward clubs "Men pioneering against GBV": clubs, steering groups, rosters, meetings, cases.

Cases (tư vấn, kết nối vụ việc) are the most sensitive rows of the portal: the identifying
details live in their own table (`CaseIdentity`), every view/change/export writes a
`CaseAccessLog` row (append-only), and nothing public ever reads them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.choices import Affiliation, Gender

MIN_MEN = 30
MIN_WOMEN = 10
MIN_BOARD_MEN = 2


class Club(models.Model):
    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        LAUNCHED = "launched", _("Launched")
        ACTIVE = "active", _("Active")
        SUSPENDED = "suspended", _("Suspended")
        DISSOLVED = "dissolved", _("Dissolved")

    name = models.CharField(_("name"), max_length=200)
    ward = models.ForeignKey(
        "places.Ward", on_delete=models.PROTECT, related_name="clubs", verbose_name=_("ward")
    )
    blocks = models.ManyToManyField(
        "places.Block", blank=True, related_name="clubs", verbose_name=_("blocks/hamlets")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PREPARING
    )
    description = models.TextField(_("description"), blank=True)
    meeting_place = models.CharField(_("meeting place"), max_length=255, blank=True)
    decision_number = models.CharField(_("founding decision number"), max_length=60, blank=True)
    decision_date = models.DateField(_("founding decision date"), null=True, blank=True)
    decision_file = models.FileField(
        _("signed founding decision"), upload_to="clubs/decisions/", blank=True
    )
    rules_file = models.FileField(_("club rules (quy chế)"), upload_to="clubs/rules/", blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("club")
        verbose_name_plural = _("clubs")
        ordering = ["ward__name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clubs:detail", kwargs={"pk": self.pk})

    @property
    def composition(self) -> Composition:
        """Counts from the annotated list query when present, else one query."""
        if hasattr(self, "men_count"):
            return Composition(
                self.men_count, self.women_count, self.board_men_count, self.advisory_outside_count
            )
        counts = RosterEntry.objects.filter(club=self).aggregate(**composition_aggregates())
        return Composition(**counts)


def composition_aggregates(through: str = "") -> dict:
    """Count expressions for the composition rule over current roster entries.

    `through=""` aggregates RosterEntry rows; `through="roster"` annotates clubs.
    """
    prefix = f"{through}__" if through else ""
    counted = through or "pk"

    def q(**lookups):
        return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})

    current = q(left_on__isnull=True)
    male = q(gender=Gender.MALE)
    return {
        "men_count": models.Count(counted, filter=current & male),
        "women_count": models.Count(counted, filter=current & q(gender=Gender.FEMALE)),
        "board_men_count": models.Count(
            counted, filter=current & male & q(role__in=RosterEntry.BOARD_ROLES)
        ),
        "advisory_outside_count": models.Count(
            counted, filter=current & q(role=RosterEntry.Role.ADVISORY, lives_in_ward=False)
        ),
    }


@dataclass(frozen=True)
class Composition:
    men_count: int
    women_count: int
    board_men_count: int
    advisory_outside_count: int

    @property
    def shortfall(self) -> list[str]:
        """What the club still lacks under the model's rule; empty when it meets it."""
        missing = []
        if self.men_count < MIN_MEN:
            missing.append(
                _("%(n)d more men (at least %(min)d)")
                % {"n": MIN_MEN - self.men_count, "min": MIN_MEN}
            )
        if self.women_count < MIN_WOMEN:
            missing.append(
                _("%(n)d more women (at least %(min)d)")
                % {"n": MIN_WOMEN - self.women_count, "min": MIN_WOMEN}
            )
        if self.board_men_count < MIN_BOARD_MEN:
            missing.append(
                _("%(n)d more men on the board (at least %(min)d)")
                % {"n": MIN_BOARD_MEN - self.board_men_count, "min": MIN_BOARD_MEN}
            )
        if self.advisory_outside_count:
            missing.append(
                _("%(n)d advisory team member(s) do not live in the ward")
                % {"n": self.advisory_outside_count}
            )
        return missing

    @property
    def meets_rule(self) -> bool:
        return not self.shortfall


class SteeringGroupMember(models.Model):
    """A person of a ward's steering group (tổ chỉ đạo), led by a People's Committee leader."""

    class Role(models.TextChoices):
        LEADER = "leader", _("Leader (People's Committee)")
        DEPUTY = "deputy", _("Deputy")
        MEMBER = "member", _("Member")

    ward = models.ForeignKey(
        "places.Ward",
        on_delete=models.PROTECT,
        related_name="steering_group",
        verbose_name=_("ward"),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    position = models.CharField(_("position"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )

    class Meta:
        verbose_name = _("steering group member")
        verbose_name_plural = _("steering group members")
        ordering = ["ward", "role", "full_name"]

    def __str__(self):
        return f"{self.full_name} ({self.get_role_display()})"


class RosterEntry(models.Model):
    """A person on a club's roster; many never have a portal account. History is kept:
    someone who leaves gets `left_on`, and a change of role is a `RosterRoleChange` row."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        BOARD = "board", _("Board member")
        ADVISORY = "advisory", _("Advisory team member")
        MEMBER = "member", _("Member")

    BOARD_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.BOARD)

    club = models.ForeignKey(
        Club, on_delete=models.CASCADE, related_name="roster", verbose_name=_("club")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="club_roster_entries",
        verbose_name=_("account"),
    )
    full_name = models.CharField(_("full name"), max_length=150)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    affiliation = models.CharField(
        _("affiliation"), max_length=30, choices=Affiliation.choices, blank=True
    )
    block = models.ForeignKey(
        "places.Block",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("block/hamlet"),
    )
    lives_in_ward = models.BooleanField(_("lives and works in the ward"), default=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("roster entry")
        verbose_name_plural = _("roster entries")
        ordering = ["full_name"]
        indexes = [models.Index(fields=["club", "left_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["club", "user"],
                condition=Q(left_on__isnull=True, user__isnull=False),
                name="clubs_one_current_entry_per_account",
            )
        ]

    def __str__(self):
        return self.full_name

    @property
    def is_current(self) -> bool:
        return self.left_on is None


class RosterRoleChange(models.Model):
    """History of a roster entry's role: from which role to which, on which date, by whom."""

    entry = models.ForeignKey(
        RosterEntry,
        on_delete=models.CASCADE,
        related_name="role_changes",
        verbose_name=_("roster entry"),
    )
    from_role = models.CharField(
        _("previous role"), max_length=20, choices=RosterEntry.Role.choices
    )
    to_role = models.CharField(_("new role"), max_length=20, choices=RosterEntry.Role.choices)
    changed_on = models.DateField(_("changed on"), default=timezone.localdate)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role change")
        verbose_name_plural = _("role changes")
        ordering = ["-changed_on", "-pk"]

    def __str__(self):
        return f"{self.entry}: {self.from_role} → {self.to_role} ({self.changed_on})"


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the board")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    club = models.ForeignKey(
        Club, on_delete=models.CASCADE, related_name="join_requests", verbose_name=_("club")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="club_join_requests",
        verbose_name=_("account"),
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    message = models.TextField(_("message to the board"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decline_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["club", "user"],
                condition=Q(status="pending"),
                name="clubs_one_pending_request",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.club}"


class Topic(models.Model):
    """A meeting topic of the catalogue (seeded with the model's six topics)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    is_core = models.BooleanField(_("topic of the model"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Monthly meeting")
        HAPPINESS_DAY = "happiness_day", _("International Day of Happiness (20/3)")
        FAMILY_DAY = "family_day", _("Vietnamese Family Day (28/6)")
        ACTION_MONTH = "action_month", _("Action Month activity")
        OTHER = "other", _("Other activity")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        RADIO = "radio", _("Ward radio")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    club = models.ForeignKey(
        Club, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("club")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REGULAR)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("topic"),
    )
    custom_topic = models.CharField(_("other topic"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    guests_men = models.PositiveSmallIntegerField(_("guests: men"), default=0)
    guests_women = models.PositiveSmallIntegerField(_("guests: women"), default=0)
    guests_other = models.PositiveSmallIntegerField(_("guests: other"), default=0)
    attendees = models.ManyToManyField(
        RosterEntry, blank=True, related_name="meetings_attended", verbose_name=_("attendance")
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["club", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="clubs_meeting_ends_after"
            )
        ]

    def __str__(self):
        return f"{self.title} – {timezone.localtime(self.starts_at):%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("clubs:meeting", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        if self.topic_id:
            return self.topic.name
        return self.custom_topic or str(self.get_kind_display())


class MeetingPhoto(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="photos", verbose_name=_("meeting")
    )
    image = models.ImageField(_("photo"), upload_to="clubs/meetings/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting photo")
        verbose_name_plural = _("meeting photos")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class CalendarToken(models.Model):
    """The unguessable key of a member's private calendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="club_calendar_token",
        verbose_name=_("account"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=secrets.token_urlsafe)

    class Meta:
        verbose_name = _("calendar token")
        verbose_name_plural = _("calendar tokens")

    def __str__(self):
        return str(self.user)


# --- Confidential cases ---------------------------------------------------------------------
class Case(models.Model):
    class Kind(models.TextChoices):
        DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
        CHILD_MARRIAGE = "child_marriage", _("Child marriage")
        FORCED_MARRIAGE = "forced_marriage", _("Forced marriage")
        SEX_SELECTION = "sex_selection", _("Sex selection")
        DISCRIMINATION = "discrimination", _("Gender discrimination")
        OTHER = "other", _("Other")

    class AgeBand(models.TextChoices):
        CHILD = "under_16", _("Under 16")
        YOUTH = "16_17", _("16–17")
        YOUNG_ADULT = "18_29", _("18–29")
        ADULT = "30_59", _("30–59")
        OLDER = "60_plus", _("60 and over")
        UNKNOWN = "unknown", _("Not known")

    class Relation(models.TextChoices):
        SELF = "self", _("The person themself")
        SPOUSE = "spouse", _("Spouse or partner of the person causing harm")
        CHILD = "child", _("Child in the family")
        PARENT = "parent", _("Parent or older relative")
        NEIGHBOUR = "neighbour", _("Neighbour or other")

    class FollowUp(models.TextChoices):
        OPEN = "open", _("Open")
        FOLLOWING = "following", _("Being followed up")
        CLOSED = "closed", _("Closed")

    club = models.ForeignKey(
        Club, on_delete=models.PROTECT, related_name="cases", verbose_name=_("club")
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("counsellor holding the case"),
    )
    opened_on = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    gender = models.CharField(
        _("gender of the person helped"), max_length=20, choices=Gender.choices
    )
    age_band = models.CharField(_("age band"), max_length=20, choices=AgeBand.choices)
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    consent_to_help = models.BooleanField(_("agreed to receive help"), default=False)
    consent_to_share = models.BooleanField(
        _("agreed that the case may be shared with another body"), default=False
    )
    actions_taken = models.TextField(_("what was done"), blank=True)
    follow_up_status = models.CharField(
        _("follow-up"), max_length=20, choices=FollowUp.choices, default=FollowUp.OPEN
    )
    next_follow_up_on = models.DateField(_("next follow-up"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-pk"]
        default_permissions = ()

    def __str__(self):
        return _("Case %(ref)s") % {"ref": self.reference}

    def get_absolute_url(self):
        return reverse("clubs:case", kwargs={"pk": self.pk})

    @property
    def reference(self) -> str:
        return f"VV-{self.pk:05d}"


class CaseIdentity(models.Model):
    """Identifying details, kept apart; shown only to the counsellor who holds the case."""

    case = models.OneToOneField(
        Case, on_delete=models.CASCADE, related_name="identity", verbose_name=_("case")
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("identifying details")
        verbose_name_plural = _("identifying details")
        default_permissions = ()

    def __str__(self):
        return str(_("identifying details"))


class Referral(models.Model):
    class Body(models.TextChoices):
        POLICE = "police", _("Police")
        HEALTH = "health", _("Health facility")
        LEGAL_AID = "legal_aid", _("Legal aid")
        WOMENS_UNION = "womens_union", _("Women's Union")
        SOCIAL_PROTECTION = "social_protection", _("Social protection centre")
        HOTLINE = "hotline", _("Hotline")

    class Status(models.TextChoices):
        MADE = "made", _("Made")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        CLOSED = "closed", _("Closed")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="referrals", verbose_name=_("case")
    )
    body = models.CharField(_("referred to"), max_length=30, choices=Body.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default="made")
    made_on = models.DateField(_("made on"), default=timezone.localdate)
    consent_override = models.BooleanField(_("made without sharing consent (chair)"), default=False)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    status_reason = models.TextField(_("reason or outcome"), blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["made_on", "pk"]
        default_permissions = ()

    def __str__(self):
        return f"{self.get_body_display()} ({self.get_status_display()})"


class CaseAccessLog(models.Model):
    """Append-only: who did what to which case, when. Written by services and selectors."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        CREATE = "create", _("Recorded")
        CHANGE = "change", _("Changed")
        EXPORT = "export", _("Exported")
        VIEW_IDENTITY = "view_identity", _("Viewed identifying details")
        REFERRAL = "referral", _("Referral")
        OVERRIDE = "override", _("Referral without sharing consent")

    case = models.ForeignKey(
        Case,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="access_log",
        verbose_name=_("case"),
    )
    club = models.ForeignKey(
        Club, on_delete=models.PROTECT, related_name="+", verbose_name=_("club")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("who")
    )
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("case access log entry")
        verbose_name_plural = _("case access log")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk:
            raise PermissionError("The case access log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The case access log is append-only.")
