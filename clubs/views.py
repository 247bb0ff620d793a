from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from network_portal.places.models import Ward
from network_portal.roles import permissions

from . import ical, selectors, services
from . import rules as club_rules
from .filters import ClubFilter
from .forms import (
    CaseForm,
    ClubForm,
    DeclineForm,
    JoinRequestForm,
    MeetingForm,
    OutcomeForm,
    PlanYearForm,
    ReferralForm,
    ReferralStatusForm,
    RosterEntryEditForm,
    RosterEntryForm,
    SteeringMemberForm,
)
from .models import (
    CalendarToken,
    Case,
    CaseIdentity,
    Club,
    JoinRequest,
    Meeting,
    Referral,
    RosterEntry,
    SteeringGroupMember,
)


def _club_or_404(pk: int) -> Club:
    return selectors.club_for_page(pk)


def _require_perm(user, perm: str, obj) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def _require(allowed: bool) -> None:
    """For cases: asked of the rules directly, never `has_perm`, because Django answers
    `has_perm` with yes for every superuser and cases are closed to the site administrator."""
    if not allowed:
        raise PermissionDenied


def _page(request, queryset):
    return Paginator(queryset, settings.PAGE_SIZE).get_page(request.GET.get("page"))


# --- Clubs ----------------------------------------------------------------------------------
def club_list(request):
    club_filter = ClubFilter(request.GET or None, queryset=selectors.clubs_for_list())
    page = _page(request, club_filter.qs)
    query = request.GET.copy()
    query.pop("page", None)
    ward_ids = permissions.scope_of(request.user).ward_ids
    my_wards = Ward.objects.filter(pk__in=ward_ids).order_by("name") if ward_ids else []
    return render(
        request,
        "clubs/club_list.html",
        {"filter": club_filter, "page": page, "query": query.urlencode(), "my_wards": my_wards},
    )


def club_detail(request, pk: int):
    club = _club_or_404(pk)
    user = request.user
    return render(
        request,
        "clubs/club_detail.html",
        {
            "club": club,
            "composition": club.composition,
            "leaders": selectors.board_and_advisory(club),
            "upcoming": selectors.upcoming_meetings(club),
            "can_manage": user.has_perm("clubs.change_club", club),
            "can_view_roster": user.has_perm("clubs.view_roster", club),
            "can_ask_to_join": user.has_perm("clubs.ask_to_join", club),
            "can_view_cases": club_rules.can_see_cases(user, club),
            "pending_request": (
                JoinRequest.objects.filter(
                    club=club, user=user, status=JoinRequest.Status.PENDING
                ).exists()
                if user.is_authenticated
                else False
            ),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def club_edit(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    _require_perm(request.user, "clubs.change_club", club)
    form = ClubForm(request.POST or None, request.FILES or None, instance=club)
    if request.method == "POST" and form.is_valid():
        services.club_update(form=form, by=request.user)
        messages.success(request, _("The club's details were saved."))
        return redirect(club)
    return render(request, "clubs/club_edit.html", {"club": club, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def club_add(request, ward_code: int):
    ward = get_object_or_404(Ward.objects.select_related("province"), code=ward_code)
    if not permissions.can_manage_ward(request.user, ward):
        raise PermissionDenied
    form = ClubForm(request.POST or None, request.FILES or None, instance=Club(ward=ward))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        club = services.club_create(
            ward=ward, by=request.user, blocks=data.pop("blocks", ()), **data
        )
        messages.success(request, _("The club was created. Now add its board and members."))
        return redirect("clubs:roster", pk=club.pk)
    return render(request, "clubs/club_edit.html", {"ward": ward, "form": form})


# --- Joining --------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def club_join(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    if not request.user.has_perm("clubs.ask_to_join", club):
        messages.info(request, _("You are already on this club's roster."))
        return redirect(club)
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.join_request_create(club=club, user=request.user, **form.cleaned_data)
        messages.success(
            request, _("Your request was sent. The club's board will answer you by e-mail.")
        )
        return redirect(club)
    return render(request, "clubs/club_join.html", {"club": club, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def club_requests(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    _require_perm(request.user, "clubs.manage_roster", club)
    decline_form = DeclineForm()
    if request.method == "POST":
        join_request = get_object_or_404(
            JoinRequest, pk=request.POST.get("request"), club=club, status="pending"
        )
        if request.POST.get("decision") == "approve":
            services.join_request_approve(join_request=join_request, by=request.user)
            messages.success(
                request, _("%(name)s is now on the roster.") % {"name": join_request.user}
            )
            return redirect("clubs:requests", pk=club.pk)
        decline_form = DeclineForm(request.POST)
        if decline_form.is_valid():
            services.join_request_decline(
                join_request=join_request,
                reason=decline_form.cleaned_data["reason"],
                by=request.user,
            )
            messages.success(request, _("The request was declined and the member told why."))
            return redirect("clubs:requests", pk=club.pk)
    return render(
        request,
        "clubs/club_requests.html",
        {
            "club": club,
            "requests": selectors.pending_requests(club),
            "decline_form": decline_form,
        },
    )


# --- Roster ---------------------------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def roster(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward__province"), pk=pk)
    _require_perm(request.user, "clubs.view_roster", club)
    can_manage = request.user.has_perm("clubs.manage_roster", club)
    form = RosterEntryForm(request.POST or None, club=club)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            entry = services.roster_entry_add(club=club, by=request.user, **form.cleaned_data)
            messages.success(request, _("%(name)s was added to the roster.") % {"name": entry})
            return redirect("clubs:roster", pk=club.pk)
    return render(
        request,
        "clubs/roster.html",
        {
            "club": club,
            "page": _page(request, selectors.current_roster(club)),
            "form": form,
            "can_manage": can_manage,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def roster_entry_edit(request, pk: int, entry_pk: int):
    """The board (or the ward's officials) corrects a person's details or changes their role."""
    entry = get_object_or_404(
        RosterEntry.objects.select_related("club__ward__province", "block"),
        pk=entry_pk,
        club_id=pk,
        left_on__isnull=True,
    )
    club = entry.club
    _require_perm(request.user, "clubs.manage_roster", club)
    form = RosterEntryEditForm(request.POST or None, instance=entry, club=club)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.roster_entry_update(
                entry=entry, by=request.user, **form.update_kwargs()
            )
        except ValueError:
            messages.error(
                request, _("This person has left the club; the entry cannot be changed.")
            )
            return redirect("clubs:roster", pk=club.pk)
        messages.success(request, _("The details of %(name)s were saved.") % {"name": entry})
        return redirect("clubs:roster", pk=club.pk)
    return render(
        request,
        "clubs/roster_entry_edit.html",
        {
            "club": club,
            "entry": entry,
            "form": form,
            "history": entry.role_changes.select_related("changed_by").order_by(
                "-changed_on", "-pk"
            ),
        },
    )


@login_required
@require_POST
def roster_leave(request, pk: int, entry_pk: int):
    """History is kept: someone who leaves gets a leaving date, the row stays."""
    entry = get_object_or_404(
        RosterEntry.objects.select_related("club__ward"), pk=entry_pk, club_id=pk
    )
    _require_perm(request.user, "clubs.manage_roster", entry.club)
    services.roster_entry_leave(entry=entry, left_on=timezone.localdate(), by=request.user)
    messages.success(request, _("%(name)s has left the club.") % {"name": entry})
    return redirect("clubs:roster", pk=pk)


@require_http_methods(["GET", "POST"])
def steering_group(request, ward_code: int):
    """A ward's steering group: public; its officials add people."""
    ward = get_object_or_404(Ward.objects.select_related("province"), code=ward_code)
    can_manage = permissions.can_manage_ward(request.user, ward)
    form = SteeringMemberForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            services.steering_member_add(ward=ward, by=request.user, **form.cleaned_data)
            messages.success(request, _("Added to the steering group."))
            return redirect("clubs:steering_group", ward_code=ward.code)
    return render(
        request,
        "clubs/steering_group.html",
        {
            "ward": ward,
            "people": SteeringGroupMember.objects.filter(ward=ward).order_by("role", "full_name"),
            "clubs": Club.objects.filter(ward=ward).order_by("name"),
            "form": form,
            "can_manage": can_manage,
        },
    )


def _steering_person_or_404(ward_code: int, person_pk: int) -> SteeringGroupMember:
    return get_object_or_404(
        SteeringGroupMember.objects.select_related("ward__province"),
        pk=person_pk,
        ward__code=ward_code,
    )


@login_required
@require_http_methods(["GET", "POST"])
def steering_member_edit(request, ward_code: int, person_pk: int):
    """The ward's officials correct a steering group person's name, position or role."""
    person = _steering_person_or_404(ward_code, person_pk)
    if not permissions.can_manage_ward(request.user, person.ward):
        raise PermissionDenied
    form = SteeringMemberForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        services.steering_member_update(person=person, by=request.user, **form.cleaned_data)
        messages.success(request, _("The steering group was updated."))
        return redirect("clubs:steering_group", ward_code=ward_code)
    return render(
        request,
        "clubs/steering_member_edit.html",
        {"ward": person.ward, "person": person, "form": form},
    )


@login_required
@require_POST
def steering_member_remove(request, ward_code: int, person_pk: int):
    person = _steering_person_or_404(ward_code, person_pk)
    if not permissions.can_manage_ward(request.user, person.ward):
        raise PermissionDenied
    name = person.full_name
    services.steering_member_remove(person=person, by=request.user)
    messages.success(request, _("%(name)s was taken off the steering group.") % {"name": name})
    return redirect("clubs:steering_group", ward_code=ward_code)


# --- Meetings -------------------------------------------------------------------------------
def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


def meetings_year(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward__province"), pk=pk)
    year = _year(request)
    return render(
        request,
        "clubs/meetings_year.html",
        {
            "club": club,
            "year": year,
            "meetings": selectors.meetings_of_year(club, year),
            "coverage": selectors.topic_coverage(club, year),
            "can_manage": request.user.has_perm("clubs.manage_meetings", club),
        },
    )


def meetings_year_print(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward__province"), pk=pk)
    year = _year(request)
    return render(
        request,
        "clubs/print/year_plan.html",
        {"club": club, "year": year, "meetings": selectors.meetings_of_year(club, year)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meetings_plan(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    _require_perm(request.user, "clubs.manage_meetings", club)
    form = PlanYearForm(
        request.POST or None,
        initial={"year": timezone.localdate().year, "place": club.meeting_place},
    )
    if request.method == "POST" and form.is_valid():
        created = services.meetings_plan_year(club=club, by=request.user, **form.cleaned_data)
        messages.success(request, _("%(n)d meetings were added to the plan.") % {"n": len(created)})
        return redirect(f"{club.get_absolute_url()}meetings/?year={form.cleaned_data['year']}")
    return render(request, "clubs/meetings_plan.html", {"club": club, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk: int, meeting_pk: int | None = None):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    _require_perm(request.user, "clubs.manage_meetings", club)
    meeting = (
        get_object_or_404(Meeting, pk=meeting_pk, club=club) if meeting_pk else Meeting(club=club)
    )
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_save(meeting=form.instance, by=request.user)
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    return render(request, "clubs/meeting_edit.html", {"club": club, "form": form})


def meeting_detail(request, pk: int):
    meeting = selectors.meeting_for_page(pk)
    club = meeting.club
    can_view_roster = request.user.has_perm("clubs.view_roster", club)
    return render(
        request,
        "clubs/meeting_detail.html",
        {
            "meeting": meeting,
            "club": club,
            "counts": selectors.attendance_counts(meeting)
            if meeting.status == Meeting.Status.HELD
            else None,
            "attendees": meeting.attendees.order_by("full_name") if can_view_roster else None,
            "photos": meeting.photos.all() if can_view_roster else None,
            "can_manage": request.user.has_perm("clubs.manage_meetings", club),
            "can_view_roster": can_view_roster,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_record(request, pk: int):
    meeting = selectors.meeting_for_page(pk)
    _require_perm(request.user, "clubs.manage_meetings", meeting.club)
    initial = {
        "status": meeting.status if meeting.status != Meeting.Status.PLANNED else "held",
        "minutes": meeting.minutes,
        "attendees": list(meeting.attendees.values_list("pk", flat=True)),
        "guests_men": meeting.guests_men,
        "guests_women": meeting.guests_women,
        "guests_other": meeting.guests_other,
    }
    form = OutcomeForm(
        request.POST or None, request.FILES or None, meeting=meeting, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.meeting_record_outcome(
            meeting=meeting,
            status=data["status"],
            minutes=data["minutes"],
            attendees=list(data["attendees"]),
            guests_men=data["guests_men"],
            guests_women=data["guests_women"],
            guests_other=data["guests_other"],
            photo=data.get("photo"),
            photo_caption=data.get("photo_caption", ""),
            by=request.user,
        )
        messages.success(request, _("The meeting's outcome was saved."))
        return redirect(meeting)
    return render(
        request,
        "clubs/meeting_record.html",
        {"meeting": meeting, "club": meeting.club, "form": form},
    )


@login_required
def meeting_sheet(request, pk: int):
    """Printable sign-in sheet: the roster with a signature column."""
    meeting = selectors.meeting_for_page(pk)
    _require_perm(request.user, "clubs.view_roster", meeting.club)
    return render(
        request,
        "clubs/print/sign_in_sheet.html",
        {
            "meeting": meeting,
            "club": meeting.club,
            "roster": selectors.current_roster(meeting.club),
        },
    )


# --- Calendars ------------------------------------------------------------------------------
def club_ics(request, pk: int):
    club = get_object_or_404(Club, pk=pk)
    meetings = selectors.upcoming_meetings(club, limit=50)
    return _ics_response(ical.calendar(meetings, name=club.name), f"club-{club.pk}.ics")


def member_ics(request, token: str):
    calendar_token = CalendarToken.objects.select_related("user").filter(token=token).first()
    if calendar_token is None or not calendar_token.user.is_active:
        raise Http404
    meetings = selectors.upcoming_meetings_of_user(calendar_token.user, limit=100)
    return _ics_response(ical.calendar(meetings, name=_("My club meetings")), "my-clubs.ics")


def _ics_response(body: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# --- The member's own page ------------------------------------------------------------------
@login_required
def my_clubs(request):
    token, _created = CalendarToken.objects.get_or_create(user=request.user)
    return render(
        request,
        "clubs/my_clubs.html",
        {
            "entries": selectors.clubs_of_user(request.user),
            "meetings": selectors.upcoming_meetings_of_user(request.user),
            "join_requests": selectors.my_join_requests(request.user),
            "feed_url": request.build_absolute_uri(f"/clubs/calendar/{token.token}.ics"),
        },
    )


# --- Confidential cases ---------------------------------------------------------------------
def _no_store(response):
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@login_required
def case_list(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward__province"), pk=pk)
    _require(club_rules.can_see_cases(request.user, club))
    cases = selectors.cases_of_club(club=club, user=request.user)
    return _no_store(
        render(
            request,
            "clubs/case_list.html",
            {
                "club": club,
                "page": _page(request, cases),
                "can_add": club_rules.can_record_case(request.user, club),
            },
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_add(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    _require(club_rules.can_record_case(request.user, club))
    form = CaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in CaseForm.IDENTITY_FIELDS}
        case = services.case_create(club=club, by=request.user, identity=form.identity(), **data)
        messages.success(request, _("The case was recorded."))
        return redirect(case)
    return _no_store(render(request, "clubs/case_edit.html", {"club": club, "form": form}))


@login_required
def case_detail(request, pk: int):
    case = selectors.case_for_view(pk=pk, user=request.user)
    return _no_store(
        render(
            request,
            "clubs/case_detail.html",
            {
                "case": case,
                "club": case.club,
                "identity": selectors.case_identity_for(case=case, user=request.user),
                "referrals": case.referrals.all(),
                "can_change": club_rules.can_change_case(request.user, case),
                "can_refer": club_rules.can_change_case(request.user, case)
                or club_rules.is_club_chair(request.user, case.club),
                "referral_form": ReferralForm(),
                "status_form": ReferralStatusForm(),
            },
        )
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request, pk: int):
    case = selectors.case_for_edit(pk=pk, user=request.user)
    identity = CaseIdentity.objects.filter(case=case).first()
    form = CaseForm(request.POST or None, instance=case, identity=identity)
    if request.method == "POST" and form.is_valid():
        changed = [f for f in form.changed_data if f not in CaseForm.IDENTITY_FIELDS]
        identity_changed = any(f in form.changed_data for f in CaseForm.IDENTITY_FIELDS)
        services.case_update(
            case=form.instance,
            by=request.user,
            changed=changed,
            identity=form.identity() if identity_changed else None,
        )
        messages.success(request, _("The case was saved."))
        return redirect(case)
    return _no_store(
        render(request, "clubs/case_edit.html", {"club": case.club, "form": form, "case": case})
    )


@login_required
@require_POST
def referral_add(request, pk: int):
    case = get_object_or_404(Case.objects.select_related("club__ward"), pk=pk)
    _require(club_rules.can_view_case(request.user, case))
    form = ReferralForm(request.POST)
    if form.is_valid():
        try:
            services.referral_create(
                case=case,
                body=form.cleaned_data["body"],
                override_reason=form.cleaned_data["override_reason"],
                by=request.user,
            )
        except PermissionError as error:
            raise PermissionDenied from error
        except ValueError:
            messages.error(
                request,
                _(
                    "The person did not agree to share the case with another body. Only the "
                    "club's chair can refer it anyway, with a reason."
                ),
            )
        else:
            messages.success(request, _("The referral was recorded."))
    return redirect(case)


@login_required
@require_POST
def referral_status(request, pk: int):
    referral = get_object_or_404(Referral.objects.select_related("case__club__ward"), pk=pk)
    _require(club_rules.can_change_case(request.user, referral.case))
    form = ReferralStatusForm(request.POST)
    if form.is_valid():
        try:
            services.referral_set_status(
                referral=referral,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValueError:
            messages.error(
                request,
                _(
                    "This change is not possible: a declined or closed referral needs a "
                    "reason or outcome, and a finished referral cannot change again."
                ),
            )
        else:
            messages.success(request, _("The referral was updated."))
    return redirect(referral.case)


@login_required
def case_export(request, pk: int):
    club = get_object_or_404(Club.objects.select_related("ward"), pk=pk)
    _require(club_rules.can_see_cases(request.user, club))
    body = services.cases_export_csv(club=club, by=request.user)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cases-club-{club.pk}.csv"'
    return _no_store(response)
