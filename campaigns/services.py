"""Writes to campaigns: each checks permission, validates, and runs in one transaction, so
bad input saves nothing half-way. Views, the admin and `seed_demo` call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import selectors
from .images import Renditions
from .models import (
    Activity,
    ActivityEvidence,
    ActivityPhoto,
    Campaign,
    Commendation,
    Pledge,
    PledgeChoice,
    Target,
    action_month_period,
)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- Campaigns ------------------------------------------------------------------------------
def campaign_save(*, campaign: Campaign, targets: dict[str, int | None], by) -> Campaign:
    """Create or update a campaign and its targets (an empty target removes it)."""
    _require(by.has_perm("campaigns.manage_campaign", campaign if campaign.pk else None))
    campaign.full_clean()
    with transaction.atomic():
        if campaign.pk is None:
            campaign.created_by = by
        campaign.save()
        _set_targets(campaign, targets)
    return campaign


def _set_targets(campaign: Campaign, targets: dict[str, int | None]) -> None:
    for indicator, value in targets.items():
        if value:
            Target.objects.update_or_create(
                campaign=campaign, indicator=indicator, defaults={"value": value}
            )
        else:
            Target.objects.filter(campaign=campaign, indicator=indicator).delete()


def next_action_month_title(source: Campaign, year: int) -> str:
    if str(source.year) in source.title:
        return source.title.replace(str(source.year), str(year))
    return f"{source.title} {year}"


def action_month_copy(*, source: Campaign, theme: str, by) -> Campaign:
    """ "Copy last year's Action Month": next year's, with the same scope, goals, issuing
    body and targets, the period 15/11–15/12 of the new year and a new theme. The launching
    plan's number, date and file are left for the new plan."""
    _require(by.has_perm("campaigns.manage_campaign", source))
    if source.kind != Campaign.Kind.ACTION_MONTH:
        raise ValidationError(_("Only an Action Month can be copied to the next year."))
    theme = (theme or "").strip()
    if not theme:
        raise ValidationError({"theme": _("Please give the new year's theme.")})
    year = source.year + 1
    if Campaign.objects.filter(
        kind=Campaign.Kind.ACTION_MONTH,
        year=year,
        scope=source.scope,
        province=source.province,
        ward=source.ward,
    ).exists():
        raise ValidationError(_("The %(year)d Action Month already exists.") % {"year": year})
    starts_on, ends_on = action_month_period(year)
    copy = Campaign(
        kind=source.kind,
        title=next_action_month_title(source, year),
        year=year,
        theme=theme,
        starts_on=starts_on,
        ends_on=ends_on,
        scope=source.scope,
        province=source.province,
        ward=source.ward,
        plan_issuer=source.plan_issuer,
        goals=source.goals,
        copied_from=source,
        created_by=by,
    )
    copy.full_clean()
    with transaction.atomic():
        copy.save()
        Target.objects.bulk_create(
            Target(campaign=copy, indicator=t.indicator, value=t.value)
            for t in source.targets.all()
        )
    return copy


# --- Activities -----------------------------------------------------------------------------
def check_activity_date(*, campaign: Campaign, held_on: dt.date, status: str) -> None:
    """An activity is dated inside its campaign; one marked held cannot be in the future."""
    if held_on is None:
        return
    if not campaign.covers(held_on):
        raise ValidationError(
            {
                "held_on": _("The date must be within the campaign's period, %(start)s – %(end)s.")
                % {
                    "start": formats.date_format(campaign.starts_on, "SHORT_DATE_FORMAT"),
                    "end": formats.date_format(campaign.ends_on, "SHORT_DATE_FORMAT"),
                }
            }
        )
    if status == Activity.Status.HELD and held_on > timezone.localdate():
        raise ValidationError(
            {
                "held_on": _(
                    "This date is still to come: register the activity as planned, and mark it "
                    "held afterwards."
                )
            }
        )


def activity_register(
    *,
    campaign: Campaign,
    by,
    club=None,
    organisation=None,
    photos: Iterable[tuple[Renditions, str]] = (),
    evidence: Iterable = (),
    **fields,
) -> Activity:
    """Register an activity for a club or an organisation in the campaign's scope, with its
    photos (already made into renditions) and evidence files, all in one transaction."""
    from . import rules as campaign_rules

    if (club is None) == (organisation is None):
        raise ValidationError(_("Choose the club or the organisation that held the activity."))
    if club is not None:
        _require(campaign_rules.can_register_for_club(by, club))
        if not selectors.clubs_in_scope(campaign).filter(pk=club.pk).exists():
            raise ValidationError(_("This club is outside the campaign's area."))
    else:
        _require(campaign_rules.can_register_for_organisation(by, organisation))
        if not selectors.organisations_in_scope(campaign).filter(pk=organisation.pk).exists():
            raise ValidationError(_("This organisation is outside the campaign's area."))
    if not campaign.accepts_activities() and not by.is_superuser:
        raise ValidationError(_("This campaign has ended; activities can no longer be added."))
    check_activity_date(
        campaign=campaign,
        held_on=fields.get("held_on"),
        status=fields.get("status", Activity.Status.HELD),
    )
    activity = Activity(campaign=campaign, club=club, organisation=organisation, **fields)
    if club is not None:
        activity.ward = club.ward
        activity.province_id = club.ward.province_id
    else:
        activity.province = organisation.province
    activity.created_by = by
    activity.full_clean()
    with transaction.atomic():
        activity.save()
        _attach(activity, photos, evidence)
    return activity


def _attach(activity: Activity, photos, evidence) -> None:
    for renditions, caption in photos:
        photo = ActivityPhoto(
            activity=activity,
            caption=caption,
            width=renditions.width,
            height=renditions.height,
        )
        photo.image.save(renditions.large.name, renditions.large, save=False)
        photo.thumbnail.save(renditions.thumbnail.name, renditions.thumbnail, save=False)
        photo.save()
    for upload in evidence:
        item = ActivityEvidence(activity=activity, name=upload.name[:255])
        item.file.save(upload.name, upload, save=False)
        item.save()


def activity_update(
    *, activity: Activity, by, changed: list[str], photos=(), evidence=()
) -> Activity:
    """Save the changed fields (e.g. a planned activity now held, or cancelled)."""
    _require(by.has_perm("campaigns.change_activity", activity))
    check_activity_date(
        campaign=activity.campaign, held_on=activity.held_on, status=activity.status
    )
    activity.full_clean()
    with transaction.atomic():
        if changed:
            activity.save(update_fields=changed)
        _attach(activity, photos, evidence)
    return activity


def activity_cancel(*, activity: Activity, by) -> None:
    _require(by.has_perm("campaigns.change_activity", activity))
    activity.status = Activity.Status.CANCELLED
    activity.save(update_fields=["status"])


# --- Pledges --------------------------------------------------------------------------------
def pledge_identity(*, user=None, email: str = "") -> str:
    """The key of "one pledge per person per campaign": the e-mail address, lower-cased —
    the account's for members, the one a visitor gives (never shown) otherwise. Names are not
    a key: many people share a name, even in one ward."""
    address = user.email if user is not None else email
    return (address or "").strip().lower()


def pledge_make(
    *,
    campaign: Campaign,
    user=None,
    name: str = "",
    email: str = "",
    province=None,
    choice: str,
    text: str = "",
) -> Pledge:
    if campaign.has_ended():
        raise ValidationError(_("This campaign has ended; pledges are closed."))
    if user is not None and not user.is_authenticated:
        user = None
    identity = pledge_identity(user=user, email=email)
    if not identity:
        raise ValidationError({"email": _("Please give your e-mail address.")})
    name = (name or (user.full_name if user else "")).strip()
    if not name:
        raise ValidationError({"name": _("Please give the name to show with your pledge.")})
    text = (text or "").strip()
    if choice == PledgeChoice.OWN_WORDS and not text:
        raise ValidationError({"text": _("Please write your pledge in your own words.")})
    if choice != PledgeChoice.OWN_WORDS:
        text = ""
    already = _("You have already made a pledge for this campaign. Thank you!")
    if Pledge.objects.filter(campaign=campaign, identity=identity).exists() or (
        user is not None and Pledge.objects.filter(campaign=campaign, user=user).exists()
    ):
        raise ValidationError(already)
    pledge = Pledge(
        campaign=campaign,
        user=user,
        name=name,
        province=province,
        identity=identity,
        choice=choice,
        text=text,
    )
    pledge.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            pledge.save()
    except IntegrityError as exc:  # two clicks at once: the constraint answers
        raise ValidationError(already) from exc
    return pledge


def pledge_hide(*, pledge: Pledge, by) -> None:
    _require(by.has_perm("campaigns.moderate_pledges", pledge))
    pledge.is_hidden = True
    pledge.save(update_fields=["is_hidden"])


# --- Commendations --------------------------------------------------------------------------
def commendation_record(*, by, **fields) -> Commendation:
    _require(by.has_perm("campaigns.record_commendation"))
    commendation = Commendation(created_by=by, **fields)
    if not commendation.ward_id and commendation.club_id:
        commendation.ward_id = commendation.club.ward_id
    commendation.full_clean()
    with transaction.atomic():
        commendation.save()
    return commendation


def commendation_revoke(*, commendation: Commendation, on: dt.date, by) -> None:
    _require(by.has_perm("campaigns.record_commendation", commendation))
    commendation.revoked_on = on
    commendation.save(update_fields=["revoked_on"])
