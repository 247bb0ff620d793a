"""Choices shared by members and clubs (a club's roster uses the same words as a profile)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
    OTHER = "other", _("Other")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class Affiliation(models.TextChoices):
    FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front")
    WOMENS_UNION = "womens_union", _("Women's Union")
    YOUTH_UNION = "youth_union", _("Youth Union")
    FARMERS_ASSOCIATION = "farmers_association", _("Farmers' Association")
    ELDERLY_ASSOCIATION = "elderly_association", _("Elderly Association")
    BLOCK_SECURITY_TEAM = "block_security_team", _("Block security team")
    HEALTH_COLLABORATOR = "health_collaborator", _("Health / population collaborator")
    OTHER = "other", _("Other")
