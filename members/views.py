"""Pages of the members app. Thin: permission check → selector/form → service."""

from __future__ import annotations

import csv
import io
import json

import rules
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import select_template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .filters import MemberFilter, OrganisationFilter
from .forms import DeleteAccountForm, JoinOrganisationForm, OrganisationForm, ProfileForm
from .models import PRIVACY_POLICY_VERSION, MemberProfile, Organisation, OrganisationMembership

# The places other apps fill on the profile page (each is optional until its app provides it).
PROFILE_SECTIONS = [
    "clubs/includes/profile_section.html",
    "clubs/includes/profile_meetings.html",
    "campaigns/includes/profile_section.html",
]


MEMBER_CLUBS_SECTION = "clubs/includes/member_clubs.html"


def _available(names: list[str]) -> list[str]:
    found = []
    for name in names:
        try:
            select_template([name])
        except TemplateDoesNotExist:
            continue
        found.append(name)
    return found


def _page(request, queryset):
    return Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))


def privacy_policy(request):
    return render(request, "members/privacy_policy.html", {"version": PRIVACY_POLICY_VERSION})


# --- My profile -----------------------------------------------------------------------------
@login_required
def my_profile(request):
    profile = selectors.profile_of(request.user)
    return render(
        request,
        "members/my_profile.html",
        {
            "profile": profile,
            "fields": selectors.visible_fields(profile, request.user) if profile else {},
            "memberships": selectors.my_memberships(request.user),
            "sections": _available(PROFILE_SECTIONS),
            "profile_user": request.user,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = selectors.profile_of(request.user)
    if profile is None:
        # Accounts made before the members app (or by an administrator) start a profile here.
        profile = MemberProfile(user=request.user, gender="undisclosed")
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, profile=profile)
        if form.is_valid():
            data = form.cleaned_data
            if profile.pk is None:
                services.member_profile_create(
                    user=request.user, profile=data, consent_given=data["consent"]
                )
                profile = selectors.profile_of(request.user)
            services.member_profile_update(
                profile=profile,
                by=request.user,
                full_name=data["full_name"],
                values={k: v for k, v in data.items() if k not in ("full_name", "avatar")},
                avatar=data.get("avatar"),
            )
            messages.success(request, _("Your profile is saved."))
            return redirect("members:my_profile")
    else:
        form = ProfileForm(profile=profile)
    return render(request, "members/profile_edit.html", {"form": form, "profile": profile})


@login_required
@require_POST
def avatar_remove(request):
    profile = selectors.profile_of(request.user)
    if profile is not None:
        services.member_avatar_remove(profile=profile, by=request.user)
        messages.success(request, _("Your photo is removed."))
    return redirect("members:profile_edit")


@login_required
def privacy(request):
    profile = selectors.profile_of(request.user)
    return render(request, "members/privacy.html", {"profile": profile})


@login_required
def my_data(request):
    data = selectors.my_data(request.user)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="du-lieu-cua-toi-{stamp}.json"'
    return response


@login_required
@require_POST
def consent_withdraw(request):
    services.consent_withdraw(user=request.user)
    messages.success(
        request,
        _(
            "You have withdrawn your consent. You no longer appear in the directory or on "
            "organisation pages."
        ),
    )
    return redirect("members:privacy")


@login_required
@require_POST
def consent_give(request):
    services.consent_give(user=request.user)
    messages.success(request, _("Thank you: your consent is recorded."))
    return redirect("members:privacy")


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.member_delete(user=request.user, by=request.user)
        logout(request)
        messages.success(request, _("Your account is deleted. Thank you for being with us."))
        return redirect("home")
    return render(request, "members/account_delete.html", {"form": form})


# --- Directory ------------------------------------------------------------------------------
@login_required
def member_directory(request):
    if not request.user.has_perm("members.view_directory"):
        raise PermissionDenied
    filterset = MemberFilter(request.GET or None, queryset=selectors.directory_members())
    page = _page(request, filterset.qs)
    return render(
        request,
        "members/member_directory.html",
        {
            "filter": filterset,
            "page": page,
            # rules' own check: no query for Django's model permissions
            "can_export": rules.has_perm("members.export_members", request.user),
        },
    )


@login_required
def member_detail(request, pk: int):
    profile = get_object_or_404(
        MemberProfile.objects.select_related("user", "ward__province"), pk=pk
    )
    if not request.user.has_perm("members.view_profile", profile):
        raise PermissionDenied
    return render(
        request,
        "members/member_detail.html",
        {
            "profile": profile,
            "fields": selectors.visible_fields(profile, request.user),
            "memberships": selectors.my_memberships(profile.user).filter(
                status=OrganisationMembership.Status.APPROVED,
                organisation__status=Organisation.Status.VERIFIED,
            )
            if profile.show_organisations
            else [],
            # Another member's clubs (the clubs app may provide it; "My clubs" is for my page).
            "sections": _available([MEMBER_CLUBS_SECTION]),
            "profile_user": profile.user,
        },
    )


# --- Organisations --------------------------------------------------------------------------
def organisation_directory(request):
    filterset = OrganisationFilter(
        request.GET or None, queryset=selectors.directory_organisations()
    )
    page = _page(request, filterset.qs)
    return render(
        request,
        "members/organisation_directory.html",
        {
            "filter": filterset,
            "page": page,
            "can_verify": rules.has_perm("members.verify_organisation", request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_register(request):
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_register(
            by=request.user, values=form.cleaned_data, logo=form.cleaned_data.get("logo")
        )
        messages.success(
            request,
            _(
                "Thank you. %(name)s is registered and will be listed once a site "
                "administrator has verified it."
            )
            % {"name": organisation.name},
        )
        return redirect(organisation)
    return render(request, "members/organisation_form.html", {"form": form})


def organisation_detail(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.select_related("province"), pk=pk)
    user = request.user
    can_manage = user.has_perm("members.manage_organisation", organisation)
    if not organisation.is_verified and not can_manage:
        raise PermissionDenied
    membership = None
    if user.is_authenticated:
        membership = organisation.memberships.filter(user=user).first()
    people = selectors.organisation_people(organisation) if user.is_authenticated else []
    return render(
        request,
        "members/organisation_detail.html",
        {
            "organisation": organisation,
            "people": people,
            "membership": membership,
            "can_manage": can_manage,
            "can_verify": user.has_perm("members.verify_organisation", organisation),
            "requests": selectors.organisation_requests(organisation) if can_manage else [],
            "join_form": JoinOrganisationForm(),
            "sections": _available(["clubs/includes/organisation_section.html"]),
        },
    )


@login_required
@require_POST
def organisation_join(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.verified(), pk=pk)
    form = JoinOrganisationForm(request.POST)
    if form.is_valid():
        services.organisation_join_request(
            organisation=organisation, user=request.user, role=form.cleaned_data["role"]
        )
        messages.success(
            request, _("Your request is sent. The organisation's representative will approve it.")
        )
    else:
        messages.error(request, _("Please choose how you are linked to the organisation."))
    return redirect(organisation)


@login_required
@require_POST
def organisation_leave(request, pk: int):
    organisation = get_object_or_404(Organisation, pk=pk)
    services.organisation_leave(organisation=organisation, user=request.user)
    messages.success(request, _("You are no longer linked to %(name)s.") % {"name": organisation})
    return redirect("members:my_profile")


@login_required
@require_POST
def membership_decide(request, pk: int, membership_pk: int):
    membership = get_object_or_404(
        OrganisationMembership.objects.select_related("organisation", "user"),
        pk=membership_pk,
        organisation_id=pk,
    )
    if not request.user.has_perm("members.manage_organisation", membership.organisation):
        raise PermissionDenied
    approve = request.POST.get("decision") == "approve"
    services.organisation_membership_decide(membership=membership, by=request.user, approve=approve)
    if approve:
        messages.success(request, _("%(name)s is now linked.") % {"name": membership.user})
    else:
        messages.success(request, _("The request is declined."))
    return redirect(membership.organisation)


@login_required
def organisations_pending(request):
    if not request.user.has_perm("members.verify_organisation"):
        raise PermissionDenied
    page = _page(request, selectors.pending_organisations())
    return render(request, "members/organisations_pending.html", {"page": page})


@login_required
@require_POST
def organisation_verify(request, pk: int):
    organisation = get_object_or_404(Organisation, pk=pk)
    if not request.user.has_perm("members.verify_organisation", organisation):
        raise PermissionDenied
    accept = request.POST.get("decision") != "reject"
    services.organisation_verify(organisation=organisation, by=request.user, accept=accept)
    if accept:
        messages.success(request, _("%(name)s is verified and listed.") % {"name": organisation})
    else:
        messages.success(request, _("%(name)s is not accepted.") % {"name": organisation})
    return redirect("members:organisations_pending")


# --- Staff export ---------------------------------------------------------------------------
EXPORT_HEADER = [
    "Họ và tên",
    "Tỉnh/thành phố",
    "Xã/phường",
    "Giới tính",
    "Năm sinh",
    "Điện thoại",
    "Email",
    "Nghề nghiệp",
    "Đơn vị/tổ chức",
    "Ngày tham gia",
]


@login_required
def member_export(request, fmt: str):
    if not request.user.has_perm("members.export_members"):
        raise PermissionDenied
    if fmt not in ("csv", "xlsx"):
        raise Http404
    rows = selectors.export_rows(selectors.export_profiles().iterator(chunk_size=2000))
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Thành viên")
        sheet.append(EXPORT_HEADER)
        for row in rows:
            sheet.append([_safe_cell(v) for v in row])
        out = io.BytesIO()
        workbook.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="thanh-vien-{stamp}.xlsx"'
        return response
    out = io.StringIO()
    out.write("\ufeff")  # Excel opens UTF-8 with diacritics correctly only with the BOM
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    for row in rows:
        writer.writerow([_safe_cell(v) for v in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="thanh-vien-{stamp}.csv"'
    return response


def _safe_cell(value):
    """No spreadsheet formula injection: text starting with = + - @ is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not value.startswith("+84"):
        return "'" + value
    return value
