"""Writes to reports: each checks permission, runs in one transaction and keeps the history.

Two people editing the same report never overwrite each other: every write names the
version the writer saw, and the update is conditional on it (`UPDATE … WHERE version = n`).
The second writer's save is refused with `ReportConflict`, whose message says what to do.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import figures
from . import rules as report_rules
from .models import AnnualReport, Attachment, Event, QuarterlyReport, Status
from .periods import Period


class ReportError(Exception):
    """A refusal to show the user as it is (its message is translated)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class ReportConflict(ReportError):
    pass


STALE = _(
    "Someone else saved this report after you opened it, so your changes were not saved. "
    "Open the report again to see their changes, then make yours."
)
LOCKED = _(
    "This reporting period is locked. Ask the ward or province official to reopen it for you."
)
NOT_EDITABLE = _("This report can no longer be changed (it was submitted or accepted).")
NOT_STARTED = _("This period has not started yet.")
COMMENT_NEEDED = _("Write a comment saying what must be fixed.")


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionError("Not allowed by the reports rules.")


def _event(report, action: str, by, comment: str = "") -> None:
    key = "annual" if isinstance(report, AnnualReport) else "quarterly"
    Event.objects.create(**{key: report}, action=action, by=by, comment=comment)


def _can_edit(report, user) -> bool:
    if isinstance(report, AnnualReport):
        return report_rules.can_draft_annual(user, report.ward)
    return report_rules.can_draft_quarterly(user, report.club)


def _can_review(report, user) -> bool:
    if isinstance(report, AnnualReport):
        return report_rules.can_review_annual(user, report)
    return report_rules.can_review_quarterly(user, report)


def _conditional_update(report, *, version: int, expect_status=None, **fields) -> None:
    """Write `fields` only if nobody wrote since `version`; bump the version; refresh."""
    rows = type(report).objects.filter(pk=report.pk, version=version)
    if expect_status is not None:
        rows = rows.filter(status__in=expect_status)
    now = timezone.now()
    changed = rows.update(**fields, version=F("version") + 1, updated_at=now)
    if not changed:
        raise ReportConflict(STALE)
    report.refresh_from_db()


def _check_open(report, by) -> None:
    _require(_can_edit(report, by))
    if report.status == Status.ACCEPTED or report.status == Status.SUBMITTED:
        raise ReportError(NOT_EDITABLE)
    if report.is_locked():
        raise ReportError(LOCKED)


# --- Quarterly reports ----------------------------------------------------------------------
def quarterly_report_start(*, club, year: int, quarter: int, by) -> QuarterlyReport:
    """The club's report on the quarter, created and prefilled if there is none yet."""
    period = Period(year, quarter)
    existing = QuarterlyReport.objects.filter(club=club, year=year, quarter=quarter).first()
    if existing:
        return existing
    _require(report_rules.can_draft_quarterly(by, club))
    if not period.has_started():
        raise ReportError(NOT_STARTED)
    if period.is_locked():
        raise ReportError(LOCKED)
    return _create_quarterly(club=club, period=period, by=by, place_name=club.ward.province.name)


def _create_quarterly(*, club, period: Period, by, **extra) -> QuarterlyReport:
    try:
        with transaction.atomic():
            report = QuarterlyReport.objects.create(
                club=club,
                year=period.year,
                quarter=period.quarter,
                created_by=by,
                signer_title="Chủ nhiệm câu lạc bộ",
                recipients="UBND phường (để báo cáo);\nLưu: CLB.",
                **figures.quarter_figures(club, period),
                **extra,
            )
            _event(report, Event.Action.CREATED, by)
    except IntegrityError:  # someone created it at the same moment: use theirs
        return QuarterlyReport.objects.get(club=club, year=period.year, quarter=period.quarter)
    return report


def quarterly_report_refill(*, report: QuarterlyReport, version: int, by) -> QuarterlyReport:
    """Recompute the prefilled figures from the clubs data (the narrative is kept)."""
    _check_open(report, by)
    with transaction.atomic():
        _conditional_update(
            report, version=version, **figures.quarter_figures(report.club, report.period)
        )
        _event(report, Event.Action.SAVED, by, comment=str(_("Figures taken again from the data.")))
    return report


def report_update(*, report, version: int, by, fields: dict) -> None:
    """Save figures and narrative of a draft or returned report (quarterly or yearly)."""
    _check_open(report, by)
    with transaction.atomic():
        _conditional_update(
            report, version=version, expect_status=[Status.DRAFT, Status.RETURNED], **fields
        )
        _event(report, Event.Action.SAVED, by)


def report_submit(*, report, version: int, by) -> None:
    _check_open(report, by)
    now = timezone.now()
    resubmission = report.first_submitted_at is not None
    with transaction.atomic():
        _conditional_update(
            report,
            version=version,
            expect_status=[Status.DRAFT, Status.RETURNED],
            status=Status.SUBMITTED,
            submitted_at=now,
            submitted_by=by,
            first_submitted_at=report.first_submitted_at or now,
        )
        _event(report, Event.Action.RESUBMITTED if resubmission else Event.Action.SUBMITTED, by)


def report_return(*, report, by, comment: str) -> None:
    _require(_can_review(report, by))
    comment = (comment or "").strip()
    if not comment:
        raise ReportError(COMMENT_NEEDED)
    with transaction.atomic():
        _conditional_update(
            report,
            version=report.version,
            expect_status=[Status.SUBMITTED],
            status=Status.RETURNED,
            reviewed_at=timezone.now(),
            reviewed_by=by,
            review_comment=comment,
        )
        _event(report, Event.Action.RETURNED, by, comment=comment)


def report_accept(*, report, by, comment: str = "") -> None:
    _require(_can_review(report, by))
    with transaction.atomic():
        _conditional_update(
            report,
            version=report.version,
            expect_status=[Status.SUBMITTED],
            status=Status.ACCEPTED,
            reviewed_at=timezone.now(),
            reviewed_by=by,
            review_comment=(comment or "").strip(),
        )
        _event(report, Event.Action.ACCEPTED, by, comment=comment)


def quarterly_report_reopen(*, club, year: int, quarter: int, by, reason: str) -> QuarterlyReport:
    """Open a locked period (or an accepted report) again for one club; recorded."""
    _require(report_rules.can_reopen_ward(by, club.ward))
    reason = (reason or "").strip()
    if not reason:
        raise ReportError(_("Write the reason for reopening."))
    period = Period(year, quarter)
    report = QuarterlyReport.objects.filter(club=club, year=year, quarter=quarter).first()
    if report is None:
        report = _create_quarterly(club=club, period=period, by=by)
    return _reopen(report, by=by, reason=reason)


def _reopen(report, *, by, reason: str):
    with transaction.atomic():
        fields = {"reopened_at": timezone.now()}
        if report.status == Status.ACCEPTED:
            fields.update(status=Status.RETURNED, review_comment=reason, reviewed_by=by)
        _conditional_update(report, version=report.version, **fields)
        _event(report, Event.Action.REOPENED, by, comment=reason)
    return report


def attachment_add(*, report, by, title: str, file) -> Attachment:
    _check_open(report, by)
    key = "annual" if isinstance(report, AnnualReport) else "quarterly"
    with transaction.atomic():
        attachment = Attachment.objects.create(
            **{key: report}, title=title, file=file, uploaded_by=by
        )
        _event(report, Event.Action.ATTACHED, by, comment=title)
    return attachment


# --- Yearly reports -------------------------------------------------------------------------
def annual_report_start(*, ward, year: int, by) -> AnnualReport:
    period = Period(year)
    existing = AnnualReport.objects.filter(ward=ward, year=year).first()
    if existing:
        return existing
    _require(report_rules.can_draft_annual(by, ward))
    if not period.has_started():
        raise ReportError(NOT_STARTED)
    if period.is_locked():
        raise ReportError(LOCKED)
    return _create_annual(ward=ward, year=year, by=by)


def _create_annual(*, ward, year: int, by) -> AnnualReport:
    try:
        with transaction.atomic():
            report = AnnualReport.objects.create(
                ward=ward,
                year=year,
                created_by=by,
                place_name=ward.province.name,
                signer_title="TM. Ủy ban nhân dân",
                recipients="UBND tỉnh/thành phố (để báo cáo);\nLưu: VT, VHXH.",
            )
            _event(report, Event.Action.CREATED, by)
    except IntegrityError:
        return AnnualReport.objects.get(ward=ward, year=year)
    return report


def annual_report_reopen(*, ward, year: int, by, reason: str) -> AnnualReport:
    _require(report_rules.can_review_annual_of(by, ward))
    reason = (reason or "").strip()
    if not reason:
        raise ReportError(_("Write the reason for reopening."))
    report = AnnualReport.objects.filter(ward=ward, year=year).first()
    if report is None:
        report = _create_annual(ward=ward, year=year, by=by)
    return _reopen(report, by=by, reason=reason)
