"""Thin views: check permission, read through selectors, write through services."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import progress, selectors, services
from .forms import ActivityForm, CampaignForm, CommendationForm, CopyActionMonthForm, PledgeForm
from .models import Campaign

# Pledge attempts an hour from one address: generous, because a whole ward meeting may pledge
# over one Wi-Fi; the honeypot stops the simple robots, this stops a flood.
PLEDGES_PER_HOUR = 20
TOP = 10


def _page(request, queryset, per_page: int | None = None):
    return Paginator(queryset, per_page or settings.PAGE_SIZE).get_page(request.GET.get("page"))


def _require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _form_errors_from(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


# --- Campaigns ------------------------------------------------------------------------------
def campaign_list(request):
    page = _page(request, selectors.campaigns_for_list())
    return render(
        request,
        "campaigns/campaign_list.html",
        {
            "page": page,
            "today": timezone.localdate(),
            "can_manage": request.user.has_perm("campaigns.manage_campaign"),
        },
    )


def campaign_detail(request, pk: int):
    campaign = selectors.campaign_for_page(pk)
    user = request.user
    values = progress.achieved(campaign)
    return render(
        request,
        "campaigns/campaign_detail.html",
        {
            "campaign": campaign,
            "targets": progress.target_progress(campaign.targets.all(), values),
            "values": values,
            "latest": selectors.activity_timeline(campaign)[:6],
            "my_pledge": selectors.pledge_of(user, campaign),
            "can_manage": user.has_perm("campaigns.manage_campaign", campaign),
            "can_add_activity": user.has_perm("campaigns.add_activity", campaign),
            "is_running": campaign.is_running(),
            "has_ended": campaign.has_ended(),
        },
    )


def campaign_progress(request, pk: int):
    campaign = selectors.campaign_for_page(pk)
    values = progress.achieved(campaign)
    totals = progress.activity_totals(campaign)
    return render(
        request,
        "campaigns/campaign_progress.html",
        {
            "campaign": campaign,
            "targets": progress.target_progress(campaign.targets.all(), values),
            "totals": totals,
            "values": values,
            "provinces": list(progress.by_province(campaign)),
            "wards": list(progress.ward_ranking(campaign)[:TOP]),
            "clubs": list(progress.club_ranking(campaign)[:TOP]),
        },
    )


def campaign_ranking(request, pk: int, what: str):
    campaign = selectors.campaign_for_page(pk)
    by = request.GET.get("by", "activities")
    if by not in progress.RANK_ORDERS:
        by = "activities"
    if what == "wards":
        rows = progress.ward_ranking(campaign, by=by)
    elif what == "clubs":
        rows = progress.club_ranking(campaign, by=by)
    else:
        raise Http404
    page = _page(request, rows)
    return render(
        request,
        "campaigns/campaign_ranking.html",
        {
            "campaign": campaign,
            "what": what,
            "by": by,
            "page": page,
            "first_rank": page.start_index(),
            "query": f"by={by}",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def campaign_create(request):
    _require_perm(request.user, "campaigns.manage_campaign")
    return _campaign_form(request, Campaign(created_by=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def campaign_edit(request, pk: int):
    campaign = selectors.campaign_for_page(pk)
    _require_perm(request.user, "campaigns.manage_campaign", campaign)
    return _campaign_form(request, campaign)


def _campaign_form(request, campaign: Campaign):
    form = CampaignForm(request.POST or None, request.FILES or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_save(
                campaign=form.instance, targets=form.targets(), by=request.user
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(campaign)
    return render(request, "campaigns/campaign_form.html", {"form": form, "campaign": campaign})


@login_required
@require_http_methods(["GET", "POST"])
def campaign_copy(request, pk: int):
    source = selectors.campaign_for_page(pk)
    _require_perm(request.user, "campaigns.manage_campaign", source)
    if source.kind != Campaign.Kind.ACTION_MONTH:
        raise Http404
    form = CopyActionMonthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            copy = services.action_month_copy(
                source=source, theme=form.cleaned_data["theme"], by=request.user
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(
                request,
                _("The %(year)d Action Month is created. Add its launching plan when it is signed.")
                % {"year": copy.year},
            )
            return redirect(copy)
    return render(
        request,
        "campaigns/campaign_copy.html",
        {
            "form": form,
            "source": source,
            "new_year": source.year + 1,
            "targets": source.targets.all(),
        },
    )


# --- Activities -----------------------------------------------------------------------------
def activity_list(request, pk: int):
    campaign = selectors.campaign_for_page(pk)
    page = _page(request, selectors.activity_timeline(campaign))
    return render(request, "campaigns/activity_list.html", {"campaign": campaign, "page": page})


def activity_detail(request, pk: int):
    activity = selectors.activity_for_page(pk)
    return render(
        request,
        "campaigns/activity_detail.html",
        {
            "activity": activity,
            "campaign": activity.campaign,
            "can_change": request.user.has_perm("campaigns.change_activity", activity),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request, pk: int):
    campaign = selectors.campaign_for_page(pk)
    _require_perm(request.user, "campaigns.add_activity", campaign)
    clubs, organisations = selectors.organisers_for(request.user, campaign)
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        campaign=campaign,
        clubs=list(clubs),
        organisations=list(organisations),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {name: data[name] for name in form._meta.fields}
        try:
            activity = services.activity_register(
                campaign=campaign,
                by=request.user,
                club=data["club"],
                organisation=data["organisation"],
                photos=form.photo_items(),
                evidence=data["evidence"],
                **fields,
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("The activity is registered. Thank you!"))
            return redirect(activity)
    return render(request, "campaigns/activity_form.html", {"form": form, "campaign": campaign})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request, pk: int):
    activity = selectors.activity_for_page(pk)
    _require_perm(request.user, "campaigns.change_activity", activity)
    form = ActivityForm(
        request.POST or None, request.FILES or None, instance=activity, campaign=activity.campaign
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(
                activity=form.instance,
                by=request.user,
                changed=[f for f in form.changed_data if f in form._meta.fields],
                photos=form.photo_items(),
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect(activity)
    return render(
        request,
        "campaigns/activity_form.html",
        {"form": form, "campaign": activity.campaign, "activity": activity},
    )


# --- Pledges --------------------------------------------------------------------------------
def _client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def _over_pledge_limit(request) -> bool:
    """At most PLEDGES_PER_HOUR pledge attempts an hour from one address (in the cache)."""
    key = f"campaigns:pledge-rate:{_client_address(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count > PLEDGES_PER_HOUR


@require_http_methods(["GET", "POST"])
def pledge_wall(request, pk: int):
    campaign = selectors.campaign_for_page(pk)
    user = request.user
    my_pledge = selectors.pledge_of(user, campaign)
    form = PledgeForm(request.POST or None, user=user)
    if request.method == "POST":
        if form.is_spam:
            # Say thank you and save nothing: a robot learns nothing from the answer.
            messages.success(request, _("Thank you for your pledge!"))
            return redirect("campaigns:pledges", pk=campaign.pk)
        if _over_pledge_limit(request):
            form.add_error(
                None,
                _("Too many pledges were sent from your connection. Please try again in an hour."),
            )
        elif form.is_valid():
            data = form.cleaned_data
            try:
                services.pledge_make(
                    campaign=campaign,
                    user=user if user.is_authenticated else None,
                    name=data["name"],
                    email=data.get("email", ""),
                    province=data.get("province"),
                    choice=data["choice"],
                    text=data.get("text", ""),
                )
            except ValidationError as exc:
                _form_errors_from(form, exc)
            else:
                messages.success(request, _("Thank you for your pledge!"))
                return redirect(reverse("campaigns:pledges", kwargs={"pk": campaign.pk}) + "#wall")
    wall = selectors.pledge_wall(campaign)
    page = _page(request, wall)
    return render(
        request,
        "campaigns/pledge_wall.html",
        {
            "campaign": campaign,
            "form": form,
            "page": page,
            "pledge_count": page.paginator.count,
            "my_pledge": my_pledge,
            "is_open": not campaign.has_ended(),
        },
    )


# --- Commendations --------------------------------------------------------------------------
def honour_roll(request, year: int | None = None):
    years = selectors.honour_years()
    if year is None:
        year = years[0] if years else timezone.localdate().year
    page = _page(request, selectors.honour_roll(year))
    return render(
        request,
        "campaigns/honour_roll.html",
        {
            "year": year,
            "years": years,
            "page": page,
            "can_record": request.user.has_perm("campaigns.record_commendation"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def commendation_create(request):
    _require_perm(request.user, "campaigns.record_commendation")
    initial = {}
    if request.GET.get("campaign", "").isdigit():
        initial["campaign"] = request.GET["campaign"]
    form = CommendationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form._meta.fields}
        fields["ward"] = form.cleaned_data.get("ward")
        try:
            commendation = services.commendation_record(by=request.user, **fields)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("The commendation is recorded."))
            return redirect(commendation)
    return render(request, "campaigns/commendation_form.html", {"form": form})


def certificate_verify(request, code: str):
    commendation = selectors.commendation_by_code(code)
    return render(request, "campaigns/certificate_verify.html", {"commendation": commendation})


def certificate_print(request, code: str):
    from .qr import qr_svg

    commendation = selectors.commendation_by_code(code)
    verify_url = settings.SITE_URL.rstrip("/") + commendation.get_absolute_url()
    return render(
        request,
        "campaigns/certificate_print.html",
        {"commendation": commendation, "verify_url": verify_url, "qr": qr_svg(verify_url)},
    )
