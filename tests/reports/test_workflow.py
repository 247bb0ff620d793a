"""Draft → submitted → returned → resubmitted → accepted; who may do each step; history;
conflicting saves; locks and reopening."""

import datetime as dt

import pytest

from clubs.reports import services
from clubs.reports.models import Event, QuarterlyReport, Status


@pytest.fixture
def report(world, today):
    today(dt.date(2026, 4, 5))
    return services.quarterly_report_start(
        club=world.club, year=2026, quarter=1, by=world.users["ward_official"]
    )


def test_it_starts_a_prefilled_draft_once(world, report):
    again = services.quarterly_report_start(
        club=world.club, year=2026, quarter=1, by=world.users["chair"]
    )
    assert again.pk == report.pk
    assert report.status == Status.DRAFT
    assert list(report.events.values_list("action", flat=True)) == [Event.Action.CREATED]


def test_it_refuses_a_member_and_another_wards_official(world, today):
    today(dt.date(2026, 4, 5))
    for key in ("member", "club_member", "other_ward_official", "province_official", "editor"):
        with pytest.raises(PermissionError):
            services.quarterly_report_start(
                club=world.club, year=2026, quarter=1, by=world.users[key]
            )


def test_it_refuses_a_quarter_that_has_not_started(world, today):
    today(dt.date(2026, 4, 5))
    with pytest.raises(services.ReportError):
        services.quarterly_report_start(
            club=world.club, year=2026, quarter=3, by=world.users["chair"]
        )


def test_it_runs_the_whole_workflow_and_keeps_every_step(world, report):
    official, chair = world.users["ward_official"], world.users["chair"]
    reviewer = world.users["province_official"]
    services.report_update(
        report=report,
        version=report.version,
        by=official,
        fields={"results": "Tốt", "meetings_held": 3},
    )
    services.report_submit(report=report, version=report.version, by=official)
    assert report.status == Status.SUBMITTED
    services.report_return(report=report, by=reviewer, comment="Bổ sung khó khăn.")
    assert report.status == Status.RETURNED
    services.report_update(
        report=report, version=report.version, by=chair, fields={"difficulties": "Kinh phí"}
    )
    services.report_submit(report=report, version=report.version, by=chair)
    services.report_accept(report=report, by=official)
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    assert report.is_locked()
    assert list(report.events.values_list("action", "by")) == [
        ("created", official.pk),
        ("saved", official.pk),
        ("submitted", official.pk),
        ("returned", reviewer.pk),
        ("saved", chair.pk),
        ("resubmitted", chair.pk),
        ("accepted", official.pk),
    ]
    with pytest.raises(services.ReportError):
        services.report_update(
            report=report, version=report.version, by=chair, fields={"results": "x"}
        )


def test_it_keeps_the_first_submission_date(world, report, today):
    official = world.users["ward_official"]
    services.report_submit(report=report, version=report.version, by=official)
    first = report.first_submitted_at
    services.report_return(report=report, by=world.users["province_official"], comment="Sửa")
    services.report_submit(report=report, version=report.version, by=official)
    assert report.first_submitted_at == first


def test_it_refuses_review_by_the_submitter_even_the_site_admin(world, report):
    admin = world.users["admin"]
    services.report_submit(report=report, version=report.version, by=admin)
    with pytest.raises(PermissionError):
        services.report_accept(report=report, by=admin)
    with pytest.raises(PermissionError):
        services.report_return(report=report, by=admin, comment="x")


def test_it_refuses_review_by_drafters_outside_the_rule(world, report):
    services.report_submit(report=report, version=report.version, by=world.users["ward_official"])
    for key in ("chair", "other_ward_official", "far_province_official", "editor", "member"):
        with pytest.raises(PermissionError):
            services.report_accept(report=report, by=world.users[key])


def test_it_needs_a_comment_to_return(world, report):
    services.report_submit(report=report, version=report.version, by=world.users["chair"])
    with pytest.raises(services.ReportError):
        services.report_return(report=report, by=world.users["ward_official"], comment="  ")
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


def test_it_refuses_the_second_of_two_saves_from_the_same_version(world, report):
    seen = report.version
    first = QuarterlyReport.objects.get(pk=report.pk)
    second = QuarterlyReport.objects.get(pk=report.pk)
    services.report_update(
        report=first, version=seen, by=world.users["chair"], fields={"results": "Bản của chủ nhiệm"}
    )
    with pytest.raises(services.ReportConflict) as refused:
        services.report_update(
            report=second,
            version=seen,
            by=world.users["ward_official"],
            fields={"results": "Bản của cán bộ"},
        )
    assert "Người khác đã lưu báo cáo này" in str(refused.value.message)
    report.refresh_from_db()
    assert report.results == "Bản của chủ nhiệm"


def test_it_locks_the_period_and_reopens_it_for_one_club(world, today):
    today(dt.date(2026, 6, 1))  # Q1 locked since 11/5
    with pytest.raises(services.ReportError):
        services.quarterly_report_start(
            club=world.club, year=2026, quarter=1, by=world.users["chair"]
        )
    with pytest.raises(PermissionError):
        services.quarterly_report_reopen(
            club=world.club, year=2026, quarter=1, by=world.users["chair"], reason="Quên"
        )
    report = services.quarterly_report_reopen(
        club=world.club,
        year=2026,
        quarter=1,
        by=world.users["province_official"],
        reason="Cán bộ ốm",
    )
    assert not report.is_locked()
    services.report_submit(report=report, version=report.version, by=world.users["chair"])
    event = report.events.get(action=Event.Action.REOPENED)
    assert event.comment == "Cán bộ ốm"
    assert event.by == world.users["province_official"]
    other = QuarterlyReport.objects.filter(club=world.other_club).exists()
    assert not other


def test_it_reopens_a_locked_quarter_from_the_clubs_page(client, world, today):
    from django.urls import reverse

    today(dt.date(2026, 6, 1))
    url = reverse("reports:reopen", args=[world.club.pk, 2026, 1])
    client.force_login(world.users["chair"])
    assert client.post(url, {"reason": "Quên nộp"}).status_code == 403
    client.force_login(world.users["ward_official"])
    page = client.get(reverse("reports:club", args=[world.club.pk]) + "?year=2026")
    assert "Mở lại cho câu lạc bộ này" in page.content.decode()
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Hãy viết lý do mở lại." in response.content.decode()
    assert not QuarterlyReport.objects.exists()
    response = client.post(url, {"reason": "Cán bộ ốm, nộp bù"})
    report = QuarterlyReport.objects.get(club=world.club, year=2026, quarter=1)
    assert response["Location"] == report.get_absolute_url()
    assert report.events.get(action=Event.Action.REOPENED).comment == "Cán bộ ốm, nộp bù"
    assert not report.is_locked()
