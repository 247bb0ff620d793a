"""The ward's yearly report: aggregates its clubs' quarters; the province reviews it."""

import datetime as dt

import pytest
from django.urls import reverse

from clubs.reports import services
from clubs.reports.models import Status
from clubs.reports.selectors import annual_totals
from tests.clubs.factories import ClubFactory
from tests.reports.factories import QuarterlyReportFactory, submitted


def test_it_sums_the_submitted_and_accepted_quarters_of_the_wards_clubs(world):
    submitted(
        club=world.club,
        quarter=1,
        on=dt.date(2026, 4, 2),
        meetings_held=3,
        attendance_men=40,
        radio_broadcasts=2,
    )
    submitted(
        club=world.club,
        quarter=2,
        on=dt.date(2026, 7, 2),
        meetings_held=2,
        attendance_men=10,
        status=Status.ACCEPTED,
    )
    second = ClubFactory(ward=world.ward)
    submitted(club=second, quarter=1, on=dt.date(2026, 4, 20), meetings_held=1, attendance_men=5)
    QuarterlyReportFactory(club=second, quarter=2, meetings_held=50)  # a draft: not counted
    submitted(club=world.other_club, quarter=1, on=dt.date(2026, 4, 2), meetings_held=9)
    totals = annual_totals(world.ward, 2026)
    assert totals["reports"] == 3
    assert totals["clubs"] == 2
    assert totals["meetings_held"] == 6
    assert totals["attendance_men"] == 55
    assert totals["radio_broadcasts"] == 2
    assert [q["reports"] for q in totals["quarters"]] == [2, 1, 0, 0]


def test_it_runs_the_yearly_report_from_draft_to_accepted(client, world, today):
    today(dt.date(2026, 11, 20))
    official = world.users["ward_official"]
    client.force_login(official)
    url = reverse("reports:annual_for_ward", args=[world.ward.pk, 2026])
    assert client.get(url).status_code == 200
    response = client.post(url)
    report = world.ward.annual_reports.get(year=2026)
    assert response["Location"] == reverse("reports:annual_edit", args=[report.pk])
    response = client.post(
        reverse("reports:annual_edit", args=[report.pk]),
        {
            "version": report.version,
            "results": "Tốt",
            "difficulties": "",
            "proposals": "",
            "lessons": "Gắn với sự kiện khu dân cư",
            "replication_plan": "Thêm 3 tổ",
            "blocks_planned": 3,
            "document_number": "15/BC-UBND",
            "place_name": "Đà Nẵng",
            "signer_title": "Phó Chủ tịch",
            "signer_name": "Lê Văn Tâm",
            "recipients": "UBND TP",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    services.report_submit(report=report, version=report.version, by=official)
    services.report_return(report=report, by=world.users["province_official"], comment="Bổ sung")
    services.report_submit(report=report, version=report.version, by=official)
    services.report_accept(report=report, by=world.users["province_official"])
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    assert report.blocks_planned == 3
    assert client.get(reverse("reports:annual_print", args=[report.pk])).status_code == 200
    response = client.get(reverse("reports:annual_xlsx", args=[report.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_it_locks_the_yearly_report_and_the_province_reopens_it(world, today):
    today(dt.date(2027, 2, 1))  # 10/12 + 30 days has passed
    with pytest.raises(services.ReportError):
        services.annual_report_start(ward=world.ward, year=2026, by=world.users["ward_official"])
    with pytest.raises(PermissionError):
        services.annual_report_reopen(
            ward=world.ward, year=2026, by=world.users["ward_official"], reason="x"
        )
    report = services.annual_report_reopen(
        ward=world.ward, year=2026, by=world.users["province_official"], reason="Bổ sung muộn"
    )
    assert not report.is_locked()
