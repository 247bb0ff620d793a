"""Member profiles, consent records, member organisations and who belongs to them.

The User (network_portal.accounts) is the login; the MemberProfile is what a person tells
the network about themselves, with their own choice of what is public. Every write goes
through `members.services`.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import Affiliation, Gender

# The version of the privacy policy people consent to; raise it when the policy changes.
PRIVACY_POLICY_VERSION = "2026-01"


class MemberProfileQuerySet(models.QuerySet):
    def listed(self):
        """Profiles that may appear in the directory and on organisation pages."""
        return self.filter(
            in_directory=True,
            consent_withdrawn_at__isnull=True,
            anonymised_at__isnull=True,
            user__is_active=True,
        )


class MemberProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="member_profile",
        verbose_name=_("user"),
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=16, blank=True)
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
    occupation = models.CharField(_("occupation"), max_length=150, blank=True)
    affiliation = models.CharField(
        _("affiliation"), max_length=30, choices=Affiliation.choices, blank=True
    )
    avatar = models.ImageField(_("photo"), upload_to="avatars/", blank=True)
    # The name without diacritics, lower case: what directory search compares against.
    search_name = models.CharField(_("search name"), max_length=150, db_index=True, blank=True)

    # What the member shows to other members. Name, ward and clubs are always shown.
    in_directory = models.BooleanField(_("listed in the member directory"), default=True)
    show_gender = models.BooleanField(_("show my gender"), default=False)
    show_birth_year = models.BooleanField(_("show my year of birth"), default=False)
    show_phone = models.BooleanField(_("show my phone number"), default=False)
    show_email = models.BooleanField(_("show my e-mail address"), default=False)
    show_occupation = models.BooleanField(_("show my occupation"), default=False)
    show_affiliation = models.BooleanField(_("show my affiliation"), default=False)
    show_avatar = models.BooleanField(_("show my photo"), default=False)
    show_organisations = models.BooleanField(
        _("show me on the pages of my organisations"), default=False
    )

    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    PRIVATE_FIELDS = {
        "gender": "show_gender",
        "birth_year": "show_birth_year",
        "phone": "show_phone",
        "email": "show_email",
        "occupation": "show_occupation",
        "affiliation": "show_affiliation",
        "avatar": "show_avatar",
    }
    # Every choice a member makes about being seen, in the order the privacy page shows them.
    VISIBILITY_FIELDS = ["in_directory", *PRIVATE_FIELDS.values(), "show_organisations"]

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["search_name"]
        indexes = [models.Index(fields=["province", "ward"])]

    def __str__(self):
        return self.user.full_name

    def get_absolute_url(self):
        return reverse("members:member_detail", kwargs={"pk": self.pk})

    @property
    def is_listed(self) -> bool:
        return (
            self.in_directory
            and self.consent_withdrawn_at is None
            and self.anonymised_at is None
            and self.user.is_active
        )

    def shows(self, field: str) -> bool:
        """Whether `field` is public (to other signed-in members)."""
        flag = self.PRIVATE_FIELDS.get(field)
        return flag is None or bool(getattr(self, flag))


class Consent(models.Model):
    """Explicit consent to the processing of personal data, per policy version."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("user"),
    )
    policy_version = models.CharField(_("policy version"), max_length=20)
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]

    def __str__(self):
        return f"{self.user} – {self.policy_version}"


class OrganisationKind(models.TextChoices):
    MASS_ORGANISATION = "mass_organisation", _("Mass organisation")
    NGO = "ngo", _("NGO")
    COMPANY = "company", _("Company")
    SCHOOL = "school", _("School")
    COMMUNITY_GROUP = "community_group", _("Community group")
    NETWORK_ABROAD = "network_abroad", _("Network abroad")
    OTHER = "other", _("Other")


class OrganisationQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=Organisation.Status.VERIFIED)


class Organisation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Not accepted")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=OrganisationKind.choices)
    in_vietnam = models.BooleanField(_("in Vietnam"), default=True)
    province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/", blank=True)
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    search_name = models.CharField(_("search name"), max_length=200, db_index=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["search_name"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:organisation_detail", kwargs={"pk": self.pk})

    @property
    def is_verified(self) -> bool:
        return self.status == self.Status.VERIFIED

    @property
    def place(self) -> str:
        if self.in_vietnam:
            return self.province.name if self.province_id else ""
        return self.country


class OrganisationMembership(models.Model):
    class Role(models.TextChoices):
        REPRESENTATIVE = "representative", _("Representative")
        MEMBER = "member", _("Member")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisation membership")
        verbose_name_plural = _("organisation memberships")
        ordering = ["organisation", "-role", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="members_one_membership_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED
