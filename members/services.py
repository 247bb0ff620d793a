"""Every write of the members app: one function each, keyword-only, in one transaction."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from network_portal.roles import permissions

from .models import (
    PRIVACY_POLICY_VERSION,
    Consent,
    MemberProfile,
    Organisation,
    OrganisationMembership,
)
from .text import fold

PROFILE_FIELDS = [
    "gender",
    "birth_year",
    "phone",
    "province",
    "ward",
    "occupation",
    "affiliation",
]
VISIBILITY_FIELDS = MemberProfile.VISIBILITY_FIELDS


@transaction.atomic
def member_profile_create(
    *, user, profile: dict, consent_given: bool, avatar: ContentFile | None = None
) -> MemberProfile:
    """The profile and the consent record of a person who signs up (same transaction as the user).

    Without explicit consent nothing is saved: silence is not consent.
    """
    if not consent_given:
        raise ValueError("Consent to the processing of personal data is required.")
    values = {field: profile.get(field) for field in PROFILE_FIELDS}
    values["phone"] = values["phone"] or ""
    values["occupation"] = values["occupation"] or ""
    values["affiliation"] = values["affiliation"] or ""
    member = MemberProfile(user=user, search_name=fold(user.full_name), **values)
    if avatar is not None:
        member.avatar.save(avatar.name, avatar, save=False)
    member.save()
    Consent.objects.create(
        user=user, policy_version=PRIVACY_POLICY_VERSION, given_at=timezone.now()
    )
    return member


@transaction.atomic
def member_profile_update(
    *, profile: MemberProfile, by, full_name: str, values: dict, avatar: ContentFile | None = None
) -> MemberProfile:
    """The owner corrects their details and chooses what is public."""
    if by.pk != profile.user_id:
        raise PermissionDenied
    user = profile.user
    if user.full_name != full_name:
        user.full_name = full_name
        user.save(update_fields=["full_name"])
    changed = ["search_name"]
    profile.search_name = fold(full_name)
    for field in PROFILE_FIELDS + VISIBILITY_FIELDS:
        if field in values:
            value = values[field]
            if field in ("phone", "occupation", "affiliation") and value is None:
                value = ""
            setattr(profile, field, value)
            changed.append(field)
    if avatar is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.avatar.save(avatar.name, avatar, save=False)
        changed.append("avatar")
    profile.save(update_fields=[*changed, "updated_at"])
    return profile


@transaction.atomic
def member_avatar_remove(*, profile: MemberProfile, by) -> None:
    if by.pk != profile.user_id:
        raise PermissionDenied
    if profile.avatar:
        profile.avatar.delete(save=False)
        profile.avatar = ""
        profile.save(update_fields=["avatar", "updated_at"])


@transaction.atomic
def consent_withdraw(*, user) -> None:
    """The person withdraws consent: they leave the directory and organisation pages at once."""
    now = timezone.now()
    Consent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    MemberProfile.objects.filter(user=user, consent_withdrawn_at__isnull=True).update(
        consent_withdrawn_at=now
    )


@transaction.atomic
def consent_give(*, user) -> None:
    """Consent given again (to the current policy version)."""
    Consent.objects.create(
        user=user, policy_version=PRIVACY_POLICY_VERSION, given_at=timezone.now()
    )
    MemberProfile.objects.filter(user=user).update(consent_withdrawn_at=None)


@transaction.atomic
def member_delete(*, user, by) -> None:
    """Delete an account by anonymising it.

    The User row stays (meetings, rosters and reports count it: "1 man attended"), but it
    can no longer log in and holds nothing that identifies the person: name, e-mail,
    password, phone, birth year, occupation, photo, organisation links and consents go.
    Gender and ward stay on the profile, because the counts reports depend on use them.
    """
    if by.pk != user.pk and not permissions.is_site_admin(by):
        raise PermissionDenied
    from allauth.account.models import EmailAddress

    now = timezone.now()
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.avatar = ""
        profile.phone = ""
        profile.birth_year = None
        profile.occupation = ""
        profile.affiliation = ""
        profile.search_name = ""
        profile.in_directory = False
        for flag in VISIBILITY_FIELDS[1:]:
            setattr(profile, flag, False)
        profile.anonymised_at = now
        profile.consent_withdrawn_at = profile.consent_withdrawn_at or now
        profile.save()
    OrganisationMembership.objects.filter(user=user).delete()
    Consent.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.full_name = ""
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.save(
        update_fields=["full_name", "email", "is_active", "is_staff", "is_superuser", "password"]
    )
    user.role_assignments.all().delete()


# --- Organisations --------------------------------------------------------------------------
@transaction.atomic
def organisation_register(*, by, values: dict, logo: ContentFile | None = None) -> Organisation:
    """A member registers an organisation; it waits for a site administrator, and the
    person who registered it is its representative."""
    if not permissions.is_member(by):
        raise PermissionDenied
    organisation = Organisation(
        created_by=by, status=Organisation.Status.PENDING, search_name=fold(values["name"])
    )
    organisation.name = values["name"]
    organisation.kind = values["kind"]
    organisation.in_vietnam = values.get("in_vietnam", True)
    organisation.province = values.get("province") if organisation.in_vietnam else None
    organisation.country = "" if organisation.in_vietnam else values.get("country", "")
    for field in ("website", "contact_email", "contact_phone", "description", "goals"):
        setattr(organisation, field, values.get(field) or "")
    if logo is not None:
        organisation.logo.save(logo.name, logo, save=False)
    organisation.save()
    OrganisationMembership.objects.create(
        organisation=organisation,
        user=by,
        role=OrganisationMembership.Role.REPRESENTATIVE,
        status=OrganisationMembership.Status.APPROVED,
        decided_by=by,
        decided_at=timezone.now(),
    )
    return organisation


@transaction.atomic
def organisation_verify(*, organisation: Organisation, by, accept: bool = True) -> Organisation:
    """A site administrator verifies (or turns down) an organisation before it is listed."""
    if not permissions.is_site_admin(by):
        raise PermissionDenied
    organisation.status = Organisation.Status.VERIFIED if accept else Organisation.Status.REJECTED
    organisation.verified_by = by
    organisation.verified_at = timezone.now()
    organisation.save(update_fields=["status", "verified_by", "verified_at"])
    return organisation


@transaction.atomic
def organisation_join_request(
    *, organisation: Organisation, user, role: str = OrganisationMembership.Role.MEMBER
) -> OrganisationMembership:
    """A member asks to be linked to an organisation; its representative approves."""
    if not permissions.is_member(user) or not organisation.is_verified:
        raise PermissionDenied
    membership, created = OrganisationMembership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"role": role}
    )
    if not created and membership.status == OrganisationMembership.Status.DECLINED:
        membership.status = OrganisationMembership.Status.PENDING
        membership.role = role
        membership.decided_by = None
        membership.decided_at = None
        membership.save(update_fields=["status", "role", "decided_by", "decided_at"])
    return membership


@transaction.atomic
def organisation_membership_decide(
    *, membership: OrganisationMembership, by, approve: bool
) -> OrganisationMembership:
    if not by.has_perm("members.manage_organisation", membership.organisation):
        raise PermissionDenied
    membership.status = (
        OrganisationMembership.Status.APPROVED
        if approve
        else OrganisationMembership.Status.DECLINED
    )
    membership.decided_by = by
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    return membership


@transaction.atomic
def organisation_leave(*, organisation: Organisation, user) -> None:
    OrganisationMembership.objects.filter(organisation=organisation, user=user).delete()
