"""Vietnam's two-tier local government (since 1 July 2025): provinces and wards/communes.

Provinces and wards come from the `vietnam-provinces` package with their official codes
(`manage.py load_places`). A unit that leaves the official list is retired, never deleted,
because clubs, people and reports still point at it. Blocks/hamlets are named by each ward.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ProvinceQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_active=True)


class Province(models.Model):
    code = models.PositiveIntegerField(_("code"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    codename = models.SlugField(_("codename"), max_length=100)
    division_type = models.CharField(_("division type"), max_length=40)
    is_active = models.BooleanField(_("current"), default=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("province")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WardQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_active=True)


class Ward(models.Model):
    """A commune, ward or special zone (xã, phường, đặc khu)."""

    code = models.PositiveIntegerField(_("code"), unique=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="wards", verbose_name=_("province")
    )
    name = models.CharField(_("name"), max_length=100)
    codename = models.SlugField(_("codename"), max_length=100)
    division_type = models.CharField(_("division type"), max_length=40)
    is_active = models.BooleanField(_("current"), default=True)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)

    objects = WardQuerySet.as_manager()

    class Meta:
        verbose_name = _("ward")
        verbose_name_plural = _("ward")
        ordering = ["name"]
        indexes = [models.Index(fields=["province", "name"])]

    def __str__(self):
        return f"{self.name}, {self.province.name}"

    def get_absolute_url(self):
        return reverse("places:ward_blocks", kwargs={"ward_code": self.code})


class Block(models.Model):
    """A block, hamlet or residential group under a ward, named by the ward's officials."""

    class Kind(models.TextChoices):
        BLOCK = "khoi", _("Block")
        HAMLET = "thon", _("Hamlet")
        RESIDENTIAL_GROUP = "to_dan_pho", _("Residential group")
        VILLAGE = "ap_ban", _("Village")

    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, related_name="blocks", verbose_name=_("ward")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BLOCK)
    name = models.CharField(_("name"), max_length=100)
    is_active = models.BooleanField(_("active"), default=True)
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
        verbose_name = _("block/hamlet")
        verbose_name_plural = _("block/hamlet")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("ward", Lower("name"), name="places_block_unique_name_in_ward"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.name}"
