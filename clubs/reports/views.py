"""Report pages, workflow steps, dashboards, XLSX and printable pages.

Permissions are asked of `reports.rules` directly (see its docstring for why)."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clubs.models import Club
from clubs.selectors import club_for_page
from network_portal.places.models import Province, Ward
from network_portal.roles import permissions

from . import exports, periods, selectors, services
from . import rules as report_rules
from .figures import cases_rows
from .forms import (
    AnnualReportForm,
    AttachmentForm,
    DashboardFilterForm,
    QuarterlyReportForm,
    ReopenForm,
    ReviewForm,
    SubmitForm,
)
from .models import AnnualReport, Attachment, QuarterlyReport
from .periods import Period, Timeliness

PROVINCE_CACHE_SECONDS = 60


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _valid_period(year: int, quarter: int | None = None) -> None:
    """Years and quarters come from the URL: anything outside the portal's range is a 404."""
    if not 2000 <= year <= 2100 or quarter not in (None, 1, 2, 3, 4):
        raise Http404


def _page(request, items):
    return Paginator(items, settings.PAGE_SIZE).get_page(request.GET.get("page"))


def _year(request) -> int:
    form = DashboardFilterForm(request.GET or None)
    if form.is_valid() and form.cleaned_data.get("year"):
        return form.cleaned_data["year"]
    return periods.today().year


def _filters(request) -> tuple[DashboardFilterForm, int, str]:
    year, name = periods.today().year, ""
    form = DashboardFilterForm(request.GET or None, initial={"year": year})
    if form.is_valid():
        year = form.cleaned_data.get("year") or year
        name = form.cleaned_data.get("name") or ""
    return form, year, name


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=exports.XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Home -----------------------------------------------------------------------------------
@login_required
def home(request):
    user = request.user
    from clubs.selectors import clubs_of_user

    chair_clubs = [e.club for e in clubs_of_user(user) if e.role == "chair"]
    wards = permissions.wards_managed(user) if not permissions.is_site_admin(user) else None
    scope = permissions.scope_of(user)
    provinces = (
        Province.objects.filter(pk__in=scope.province_ids)
        if not permissions.is_site_admin(user)
        else Province.objects.all()
    )
    if not (chair_clubs or report_rules.can_see_any_dashboard(user)):
        raise PermissionDenied
    return render(
        request,
        "reports/home.html",
        {
            "chair_clubs": chair_clubs,
            "wards": wards.select_related("province").order_by("name")
            if wards is not None
            else None,
            "provinces": provinces.order_by("name"),
            "waiting": selectors.waiting_for_review(user)[:50],
            "annual_waiting": selectors.annual_waiting_for_review(user)[:50],
            "is_admin": permissions.is_site_admin(user),
        },
    )


# --- A club's reports -----------------------------------------------------------------------
@login_required
def club_reports(request, pk: int):
    club = club_for_page(pk)
    user = request.user
    can_draft = report_rules.can_draft_quarterly(user, club)
    can_review = report_rules.can_review_ward(user, club.ward)
    _require(can_draft or can_review)
    year = _year(request)
    rows = selectors.club_reports_of_year(club, year)
    today = periods.today()
    for row in rows:
        period, report = row["period"], row["report"]
        row["visible"] = report is not None and report_rules.can_view_quarterly(user, report)
        row["can_start"] = (
            report is None
            and can_draft
            and period.has_started(today)
            and not period.is_locked(today)
        )
        row["locked"] = period.is_locked(today) and (report is None or report.is_locked(today))
        row["can_reopen"] = can_review and row["locked"]
        row["timeliness_label"] = Timeliness.LABELS[row["timeliness"]]
    return render(
        request,
        "reports/club_reports.html",
        {
            "club": club,
            "year": year,
            "rows": rows,
            "reopen_form": ReopenForm(),
            "years": range(today.year, today.year - 4, -1),
        },
    )


@login_required
@require_POST
def quarterly_start(request, pk: int, year: int, quarter: int):
    _valid_period(year, quarter)
    club = get_object_or_404(Club.objects.select_related("ward__province"), pk=pk)
    _require(report_rules.can_draft_quarterly(request.user, club))
    try:
        report = services.quarterly_report_start(
            club=club, year=year, quarter=quarter, by=request.user
        )
    except services.ReportError as error:
        messages.error(request, error.message)
        return redirect("reports:club", pk=club.pk)
    return redirect("reports:quarterly_edit", pk=report.pk)


@login_required
@require_POST
def quarterly_reopen(request, pk: int, year: int, quarter: int):
    _valid_period(year, quarter)
    club = get_object_or_404(Club.objects.select_related("ward__province"), pk=pk)
    _require(report_rules.can_reopen_ward(request.user, club.ward))
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reason for reopening."))
        return redirect("reports:club", pk=club.pk)
    report = services.quarterly_report_reopen(
        club=club,
        year=year,
        quarter=quarter,
        by=request.user,
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("The period was reopened for this club."))
    return redirect(report)


# --- One quarterly report -------------------------------------------------------------------
def _report_context(request, report, *, review_form=None, attachment_form=None):
    user = request.user
    if isinstance(report, AnnualReport):
        can_edit = report_rules.can_edit_annual(user, report)
        can_review = report_rules.can_review_annual(user, report)
        can_reopen = report_rules.can_review_annual_of(user, report.ward) and report.is_locked()
    else:
        can_edit = report_rules.can_edit_quarterly(user, report)
        can_review = report_rules.can_review_quarterly(user, report)
        can_reopen = report_rules.can_reopen_ward(user, report.club.ward) and report.is_locked()
    return {
        "report": report,
        "history": selectors.history(report),
        "attachments": selectors.attachments(report),
        "can_edit": can_edit,
        "can_review": can_review,
        "can_reopen": can_reopen,
        "review_form": review_form or ReviewForm(),
        "reopen_form": ReopenForm(),
        "attachment_form": attachment_form or AttachmentForm(),
        "submit_form": SubmitForm(initial={"version": report.version}),
        "timeliness": Timeliness.LABELS[
            periods.timeliness(
                due=report.period.due,
                first_submitted_at=report.first_submitted_at,
                status=report.status,
            )
        ],
    }


def _quarterly_or_403(request, pk: int) -> QuarterlyReport:
    report = selectors.quarterly_for_page(pk)
    _require(report_rules.can_view_quarterly(request.user, report))
    return report


@login_required
def quarterly_detail(request, pk: int):
    report = _quarterly_or_403(request, pk)
    kinds, statuses = cases_rows(report.cases_summary)
    context = _report_context(request, report)
    context.update(case_kinds=kinds, case_statuses=statuses, figures=_figure_rows(report))
    return render(request, "reports/quarterly_detail.html", context)


def _figure_rows(report):
    def rows(names):
        return [
            (str(QuarterlyReport._meta.get_field(n).verbose_name), getattr(report, n))
            for n in names
        ]

    groups = QuarterlyReportForm.FIGURE_GROUPS
    return [(title, rows(names)) for title, names in groups]


@login_required
@require_http_methods(["GET", "POST"])
def quarterly_edit(request, pk: int):
    report = _quarterly_or_403(request, pk)
    if not report_rules.can_edit_quarterly(request.user, report):
        messages.error(request, _("This report cannot be changed now."))
        return redirect(report)
    initial = {"version": report.version}
    form = QuarterlyReportForm(request.POST or None, instance=report, initial=initial)
    if request.method == "POST":
        if "refill" in request.POST:
            try:
                services.quarterly_report_refill(
                    report=report,
                    version=int(request.POST.get("version") or 0),
                    by=request.user,
                )
                messages.success(request, _("The figures were taken again from the data."))
            except (services.ReportError, ValueError) as error:
                messages.error(request, getattr(error, "message", _("Try again.")))
            return redirect("reports:quarterly_edit", pk=report.pk)
        if form.is_valid():
            saved = _save_report(request, report, form)
            if saved is not None:
                return saved
    kinds, statuses = cases_rows(report.cases_summary)
    return render(
        request,
        "reports/quarterly_edit.html",
        {"report": report, "form": form, "case_kinds": kinds, "case_statuses": statuses},
    )


def _save_report(request, report, form):
    version = form.cleaned_data["version"]
    fields = form.changed_fields()
    # The form validated into `report`; reload so a refusal leaves nothing half-set.
    fresh = type(report).objects.get(pk=report.pk)
    try:
        services.report_update(report=fresh, version=version, by=request.user, fields=fields)
    except services.ReportError as error:
        # Shown above the form, which keeps what they typed so nothing is lost from the screen.
        messages.error(request, error.message)
        return None
    messages.success(request, _("The report was saved."))
    return redirect(fresh)


STEPS = ("submit", "accept", "return", "attach")


def _workflow(request, report, step: str):
    if step not in STEPS:
        raise Http404
    user = request.user
    try:
        if step == "submit":
            form = SubmitForm(request.POST)
            if not form.is_valid():
                raise services.ReportError(_("Open the report again and submit it."))
            services.report_submit(report=report, version=form.cleaned_data["version"], by=user)
            messages.success(request, _("The report was submitted for review."))
        elif step in ("accept", "return"):
            form = ReviewForm(request.POST)
            comment = form.cleaned_data["comment"] if form.is_valid() else ""
            if step == "accept":
                services.report_accept(report=report, by=user, comment=comment)
                messages.success(request, _("The report was accepted."))
            else:
                services.report_return(report=report, by=user, comment=comment)
                messages.success(request, _("The report was returned with your comment."))
        elif step == "attach":
            form = AttachmentForm(request.POST, request.FILES)
            if not form.is_valid():
                errors = "; ".join(str(e) for errs in form.errors.values() for e in errs)
                raise services.ReportError(errors)
            services.attachment_add(report=report, by=user, **form.cleaned_data)
            messages.success(request, _("The file was attached."))
    except PermissionError as error:
        raise PermissionDenied from error
    except services.ReportError as error:
        messages.error(request, error.message)
    return redirect(report)


@login_required
@require_POST
def quarterly_step(request, pk: int, step: str):
    report = _quarterly_or_403(request, pk)
    return _workflow(request, report, step)


@login_required
def quarterly_xlsx(request, pk: int):
    report = _quarterly_or_403(request, pk)
    return _xlsx(
        exports.quarterly_report_xlsx(report),
        f"bao-cao-quy-{report.quarter}-{report.year}-clb-{report.club_id}.xlsx",
    )


@login_required
def quarterly_print(request, pk: int):
    report = _quarterly_or_403(request, pk)
    kinds, statuses = cases_rows(report.cases_summary)
    return render(
        request,
        "reports/print_quarterly.html",
        {
            "report": report,
            "figures": _figure_rows(report),
            "case_kinds": kinds,
            "case_statuses": statuses,
            "doc_date": _doc_date(report),
        },
    )


@login_required
def attachment_download(request, pk: int):
    """Attached files are served only to those who may read their report (never public)."""
    attachment = get_object_or_404(
        Attachment.objects.select_related("quarterly__club__ward", "annual__ward__province"),
        pk=pk,
    )
    if attachment.quarterly_id:
        _require(report_rules.can_view_quarterly(request.user, attachment.quarterly))
    else:
        _require(report_rules.can_view_annual(request.user, attachment.annual))
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.file.name.split("/")[-1]
    )
    response["Cache-Control"] = "private, no-store"
    return response


# --- Yearly reports of a ward ---------------------------------------------------------------
@login_required
@require_http_methods(["GET", "POST"])
def annual_for_ward(request, ward_pk: int, year: int):
    _valid_period(year)
    ward = get_object_or_404(Ward.objects.select_related("province"), pk=ward_pk)
    user = request.user
    report = AnnualReport.objects.filter(ward=ward, year=year).first()
    if report is not None and report_rules.can_view_annual(user, report):
        return redirect(report)
    _require(report_rules.can_draft_annual(user, ward))
    if request.method == "POST":
        try:
            report = services.annual_report_start(ward=ward, year=year, by=user)
        except services.ReportError as error:
            messages.error(request, error.message)
            return redirect("reports:ward", pk=ward.pk)
        return redirect("reports:annual_edit", pk=report.pk)
    return render(
        request,
        "reports/annual_start.html",
        {
            "ward": ward,
            "year": year,
            "period": Period(year),
            "totals": selectors.annual_totals(ward, year),
        },
    )


def _annual_or_403(request, pk: int) -> AnnualReport:
    report = selectors.annual_for_page(pk)
    _require(report_rules.can_view_annual(request.user, report))
    return report


@login_required
def annual_detail(request, pk: int):
    report = _annual_or_403(request, pk)
    cases = selectors.annual_cases(report.ward, report.year)
    kinds, statuses = cases_rows(cases)
    context = _report_context(request, report)
    context.update(
        totals=selectors.annual_totals(report.ward, report.year),
        case_kinds=kinds,
        case_statuses=statuses,
        cases_total=cases["total"],
    )
    return render(request, "reports/annual_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def annual_edit(request, pk: int):
    report = _annual_or_403(request, pk)
    if not report_rules.can_edit_annual(request.user, report):
        messages.error(request, _("This report cannot be changed now."))
        return redirect(report)
    form = AnnualReportForm(
        request.POST or None, instance=report, initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        saved = _save_report(request, report, form)
        if saved is not None:
            return saved
    return render(
        request,
        "reports/annual_edit.html",
        {
            "report": report,
            "form": form,
            "totals": selectors.annual_totals(report.ward, report.year),
        },
    )


@login_required
@require_POST
def annual_step(request, pk: int, step: str):
    report = _annual_or_403(request, pk)
    return _workflow(request, report, step)


@login_required
@require_POST
def annual_reopen(request, pk: int):
    report = _annual_or_403(request, pk)
    _require(report_rules.can_review_annual_of(request.user, report.ward))
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the reason for reopening."))
        return redirect(report)
    services.annual_report_reopen(
        ward=report.ward, year=report.year, by=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, _("The report was reopened."))
    return redirect(report)


@login_required
def annual_xlsx(request, pk: int):
    report = _annual_or_403(request, pk)
    totals = selectors.annual_totals(report.ward, report.year)
    cases = selectors.annual_cases(report.ward, report.year)
    return _xlsx(
        exports.annual_report_xlsx(report, totals, cases),
        f"bao-cao-nam-{report.year}-phuong-{report.ward_id}.xlsx",
    )


@login_required
def annual_print(request, pk: int):
    report = _annual_or_403(request, pk)
    cases = selectors.annual_cases(report.ward, report.year)
    kinds, statuses = cases_rows(cases)
    return render(
        request,
        "reports/print_annual.html",
        {
            "report": report,
            "totals": selectors.annual_totals(report.ward, report.year),
            "case_kinds": kinds,
            "case_statuses": statuses,
            "cases_total": cases["total"],
            "doc_date": _doc_date(report),
        },
    )


def _doc_date(report):
    from django.utils import timezone

    if report.submitted_at:
        return timezone.localtime(report.submitted_at).date()
    return periods.today()


# --- Dashboards -----------------------------------------------------------------------------
@login_required
def ward_dashboard(request, pk: int):
    ward = get_object_or_404(Ward.objects.select_related("province"), pk=pk)
    _require(report_rules.can_see_ward_dashboard(request.user, ward))
    form, year, name = _filters(request)
    clubs = selectors.ward_dashboard_clubs(ward, year, name=name)
    if request.GET.get("format") == "xlsx":
        rows = selectors.ward_dashboard_rows(clubs, year)
        return _xlsx(
            exports.ward_dashboard_xlsx(ward, year, rows),
            f"bao-cao-clb-phuong-{ward.pk}-{year}.xlsx",
        )
    page = _page(request, clubs)
    rows = selectors.ward_dashboard_rows(page.object_list, year)
    annual = AnnualReport.objects.filter(ward=ward, year=year).only("pk", "status").first()
    return render(
        request,
        "reports/ward_dashboard.html",
        {
            "ward": ward,
            "year": year,
            "form": form,
            "page": page,
            "rows": rows,
            "query": _query_without_page(request),
            "dues": [Period(year, q).due for q in (1, 2, 3, 4)],
            "annual": annual,
            "can_draft_annual": report_rules.can_draft_annual(request.user, ward),
            "can_open_drafts": permissions.can_manage_ward(request.user, ward),
        },
    )


def _province_data(province, year: int, name: str, page_number) -> dict:
    """The province dashboard's numbers, cached briefly (they are read far more than written)."""
    digest = hashlib.sha256(f"{name}|{page_number}".encode()).hexdigest()[:16]
    key = f"reports:province:{province.pk}:{year}:{digest}:{periods.today()}"
    data = cache.get(key)
    if data is not None:
        return data
    wards = selectors.province_wards(province, year, name=name)
    page = Paginator(wards, settings.PAGE_SIZE).get_page(page_number)
    quarters = [(year, q) for q in (1, 2, 3, 4)]
    trend_quarters = [(year - 1, q) for q in (1, 2, 3, 4)] + quarters
    data = {
        "rows": selectors.ward_rows(page.object_list, year),
        "number": page.number,
        "num_pages": page.paginator.num_pages,
        "count": page.paginator.count,
        "trend": selectors.province_trend(province, trend_quarters),
    }
    cache.set(key, data, PROVINCE_CACHE_SECONDS)
    return data


class _CachedPage:
    """Enough of a Page for the pagination include, rebuilt from cached numbers."""

    def __init__(self, number: int, num_pages: int):
        self.number = number
        self.paginator = type("P", (), {"num_pages": num_pages})()

    def has_other_pages(self):
        return self.paginator.num_pages > 1

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.paginator.num_pages

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


@login_required
def province_dashboard(request, pk: int):
    province = get_object_or_404(Province, pk=pk)
    _require(report_rules.can_see_province_dashboard(request.user, province))
    form, year, name = _filters(request)
    if request.GET.get("format") == "xlsx":
        wards = selectors.province_wards(province, year, name=name)
        rows = selectors.ward_rows(wards, year)
        trend = selectors.province_trend(
            province, [(year - 1, q) for q in (1, 2, 3, 4)] + [(year, q) for q in (1, 2, 3, 4)]
        )
        return _xlsx(
            exports.province_dashboard_xlsx(province, year, rows, trend),
            f"ty-le-bao-cao-tinh-{province.pk}-{year}.xlsx",
        )
    data = _province_data(province, year, name, request.GET.get("page"))
    this_year = [point for point in data["trend"] if point["year"] == year]
    return render(
        request,
        "reports/province_dashboard.html",
        {
            "province": province,
            "year": year,
            "form": form,
            "rows": data["rows"],
            "page": _CachedPage(data["number"], data["num_pages"]),
            "count": data["count"],
            "trend": data["trend"],
            "this_year": this_year,
            "chart": _chart(data["trend"]),
            "query": _query_without_page(request),
        },
    )


def _chart(trend: list[dict]) -> dict:
    """Geometry of the server-side SVG bar chart (reporting and on-time rate per quarter)."""
    width, height, left, bottom, top = 640, 220, 36, 28, 10
    plot_h = height - bottom - top
    slot = (width - left) / max(len(trend), 1)
    bar = slot * 0.35
    bars = []
    for index, point in enumerate(trend):
        x = left + index * slot + slot * 0.1
        for offset, key, css in (
            (0, "reporting_rate", "bar-rate"),
            (bar, "on_time_rate", "bar-on-time"),
        ):
            value = point[key]
            h = plot_h * value / 100
            bars.append(
                {
                    "x": round(x + offset, 1),
                    "y": round(top + plot_h - h, 1),
                    "w": round(bar, 1),
                    "h": round(h, 1),
                    "css": css,
                    "value": value,
                    "label": point["label"],
                }
            )
    labels = [
        {"x": round(left + i * slot + slot / 2, 1), "text": p["label"]} for i, p in enumerate(trend)
    ]
    grid = [{"y": round(top + plot_h - plot_h * v / 100, 1), "value": v} for v in (0, 50, 100)]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "grid": grid,
        "label_y": height - 8,
        "left": left,
    }
