"""Who may do what with reports. Asked directly (not through `has_perm`) by views and
services, because Django answers `has_perm` with yes for every superuser, and the rule that
nobody reviews what they submitted holds for the site administrator too.

- Quarterly report of a club: the club's chair and the ward's own officials draft and
  submit; drafts are seen only by them. The ward's officials and the province's officials
  review (accept or return) — never the person who submitted it — and see it once submitted.
- Yearly report of a ward: the ward's officials draft and submit; the province's officials
  review it.
- Dashboards: a ward's dashboard for those who oversee the ward; a province's for its
  province officials. The site administrator may do everything except review own work.
"""

from __future__ import annotations

import rules

from clubs import rules as club_rules
from network_portal.roles import permissions

from .models import Status


def can_draft_quarterly(user, club) -> bool:
    if club is None or not permissions.is_member(user):
        return False
    return club_rules.is_club_chair(user, club) or permissions.can_manage_ward(user, club.ward)


def can_review_ward(user, ward) -> bool:
    return permissions.can_oversee_ward(user, ward)


def can_view_quarterly(user, report) -> bool:
    if report is None:
        return False
    if can_draft_quarterly(user, report.club):
        return True
    return report.first_submitted_at is not None and can_review_ward(user, report.club.ward)


def can_edit_quarterly(user, report) -> bool:
    """Change figures and narrative, attach files, submit: a drafter, while it is open."""
    return (
        report is not None
        and report.is_editable_status
        and not report.is_locked()
        and can_draft_quarterly(user, report.club)
    )


def can_review_quarterly(user, report) -> bool:
    return (
        report is not None
        and report.status == Status.SUBMITTED
        and report.submitted_by_id != getattr(user, "pk", None)
        and can_review_ward(user, report.club.ward)
    )


def can_reopen_ward(user, ward) -> bool:
    return can_review_ward(user, ward)


def can_draft_annual(user, ward) -> bool:
    return permissions.can_manage_ward(user, ward)


def can_review_annual_of(user, ward) -> bool:
    return ward is not None and permissions.can_oversee_province(user, ward.province)


def can_view_annual(user, report) -> bool:
    if report is None:
        return False
    if can_draft_annual(user, report.ward):
        return True
    return report.first_submitted_at is not None and can_review_annual_of(user, report.ward)


def can_edit_annual(user, report) -> bool:
    return (
        report is not None
        and report.is_editable_status
        and not report.is_locked()
        and can_draft_annual(user, report.ward)
    )


def can_review_annual(user, report) -> bool:
    return (
        report is not None
        and report.status == Status.SUBMITTED
        and report.submitted_by_id != getattr(user, "pk", None)
        and can_review_annual_of(user, report.ward)
    )


def can_see_ward_dashboard(user, ward) -> bool:
    return permissions.can_oversee_ward(user, ward)


def can_see_province_dashboard(user, province) -> bool:
    return permissions.can_oversee_province(user, province)


def can_see_any_dashboard(user) -> bool:
    return permissions.is_site_admin(user) or permissions.is_staff_official(user)


rules.add_perm(
    "reports.view_dashboards",
    rules.predicate(can_see_any_dashboard, name="can_see_any_report_dashboard"),
)
rules.add_perm(
    "reports.view_club_reports",
    rules.predicate(
        lambda user, club: (
            club is not None
            and (can_draft_quarterly(user, club) or can_review_ward(user, club.ward))
        ),
        name="can_see_club_reports",
    ),
)
