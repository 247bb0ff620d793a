"""Reads of the members app: querysets already joined and scoped to what the viewer may see."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Consent, MemberProfile, Organisation, OrganisationMembership


def directory_members() -> QuerySet[MemberProfile]:
    return (
        MemberProfile.objects.listed()
        .select_related("user", "ward__province", "province")
        .order_by("search_name", "pk")
    )


def directory_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.verified().select_related("province").order_by("search_name", "pk")


def pending_organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(status=Organisation.Status.PENDING)
        .select_related("province", "created_by")
        .order_by("created_at")
    )


def profile_of(user) -> MemberProfile | None:
    return (
        MemberProfile.objects.select_related("user", "ward__province", "province")
        .filter(user=user)
        .first()
    )


def visible_fields(profile: MemberProfile, viewer) -> dict:
    """What `viewer` may see of `profile`: the owner sees everything; everyone else only
    the name, the ward and what the owner made public."""
    owner = getattr(viewer, "pk", None) == profile.user_id
    fields = {"full_name": profile.user.full_name, "ward": profile.ward}

    def shown(name):
        return owner or profile.shows(name)

    if shown("gender"):
        fields["gender"] = profile.get_gender_display()
    if shown("birth_year"):
        fields["birth_year"] = profile.birth_year
    if shown("phone"):
        fields["phone"] = profile.phone
    if shown("email"):
        fields["email"] = profile.user.email
    if shown("occupation"):
        fields["occupation"] = profile.occupation
    if shown("affiliation") and profile.affiliation:
        fields["affiliation"] = profile.get_affiliation_display()
    if shown("avatar") and profile.avatar:
        fields["avatar"] = profile.avatar
    return fields


def my_memberships(user) -> QuerySet[OrganisationMembership]:
    return (
        OrganisationMembership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__search_name")
    )


def organisation_people(organisation: Organisation) -> QuerySet[OrganisationMembership]:
    """The approved people of an organisation who allow being shown on its page."""
    return (
        OrganisationMembership.objects.filter(
            organisation=organisation,
            status=OrganisationMembership.Status.APPROVED,
            user__member_profile__show_organisations=True,
            user__member_profile__in_directory=True,
            user__member_profile__consent_withdrawn_at__isnull=True,
            user__member_profile__anonymised_at__isnull=True,
            user__is_active=True,
        )
        .select_related("user__member_profile__ward__province")
        .order_by("-role", "user__member_profile__search_name")
    )


def organisation_requests(organisation: Organisation) -> QuerySet[OrganisationMembership]:
    return (
        OrganisationMembership.objects.filter(
            organisation=organisation, status=OrganisationMembership.Status.PENDING
        )
        .select_related("user")
        .order_by("created_at")
    )


def my_data(user) -> dict:
    """Everything the portal keeps about the person (the "download my data" right)."""
    profile = profile_of(user)
    memberships = my_memberships(user)
    data = {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": None,
        "consents": [
            {
                "policy_version": c.policy_version,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in Consent.objects.filter(user=user).order_by("given_at")
        ],
        "organisations": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "status": m.status,
                "requested_at": m.created_at.isoformat(),
            }
            for m in memberships
        ],
    }
    if profile is not None:
        data["profile"] = {
            "gender": profile.gender,
            "birth_year": profile.birth_year,
            "phone": profile.phone,
            "province": profile.province.name if profile.province_id else None,
            "ward": profile.ward.name if profile.ward_id else None,
            "occupation": profile.occupation,
            "affiliation": profile.affiliation,
            "photo": profile.avatar.name if profile.avatar else None,
            "public": {
                flag: getattr(profile, flag)
                for flag in ("in_directory", *MemberProfile.PRIVATE_FIELDS.values())
            }
            | {"show_organisations": profile.show_organisations},
            "consent_withdrawn_at": profile.consent_withdrawn_at.isoformat()
            if profile.consent_withdrawn_at
            else None,
        }
    return data


def export_rows(profiles) -> list[list]:
    """Rows of the staff export. A field the member kept private is left empty."""
    rows = []
    for p in profiles:
        rows.append(
            [
                p.user.full_name,
                p.province.name if p.province_id else "",
                p.ward.name if p.ward_id else "",
                p.get_gender_display() if p.show_gender else "",
                p.birth_year if p.show_birth_year and p.birth_year else "",
                p.phone if p.show_phone else "",
                p.user.email if p.show_email else "",
                p.occupation if p.show_occupation else "",
                p.get_affiliation_display() if p.show_affiliation and p.affiliation else "",
                p.created_at.date().isoformat(),
            ]
        )
    return rows


def export_profiles() -> QuerySet[MemberProfile]:
    return (
        MemberProfile.objects.filter(anonymised_at__isnull=True, consent_withdrawn_at__isnull=True)
        .select_related("user", "province", "ward")
        .order_by("search_name", "pk")
    )
