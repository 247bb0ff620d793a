"""Staff roles that the site administrator grants, each scoped where it applies.

Member is every signed-in person. Club board and advisory team are roles on a club's roster
(the clubs app). The roles below are the staff roles: ward official (one ward per row; a
person may hold several rows), province official (one province per row), editor.
Site administrator is `User.is_superuser`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    WARD_OFFICIAL = "ward_official", _("Ward official")
    PROVINCE_OFFICIAL = "province_official", _("Province official")
    EDITOR = "editor", _("Editor")


class RoleAssignmentQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_active=True)


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
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
    is_active = models.BooleanField(_("active"), default=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignment")
        constraints = [
            models.CheckConstraint(
                name="roles_scope_matches_role",
                condition=(
                    Q(role=Role.WARD_OFFICIAL, ward__isnull=False, province__isnull=True)
                    | Q(role=Role.PROVINCE_OFFICIAL, province__isnull=False, ward__isnull=True)
                    | Q(role=Role.EDITOR, province__isnull=True, ward__isnull=True)
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "ward"],
                condition=Q(ward__isnull=False),
                name="roles_unique_ward_role",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "province"],
                condition=Q(province__isnull=False),
                name="roles_unique_province_role",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(ward__isnull=True, province__isnull=True),
                name="roles_unique_unscoped_role",
            ),
        ]

    def __str__(self):
        scope = self.ward or self.province
        return f"{self.user} – {self.get_role_display()}" + (f" ({scope})" if scope else "")

    def clean(self):
        if self.role == Role.WARD_OFFICIAL:
            if not self.ward_id:
                raise ValidationError({"ward": _("A ward official must be tied to a ward.")})
            self.province = None
        elif self.role == Role.PROVINCE_OFFICIAL:
            if not self.province_id:
                raise ValidationError(
                    {"province": _("A province official must be tied to a province.")}
                )
            self.ward = None
        else:
            self.ward = None
            self.province = None
