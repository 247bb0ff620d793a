from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from clubs.reports import periods
from clubs.reports.models import AnnualReport, Event, QuarterlyReport, Status
from clubs.reports.periods import Period, Timeliness
from network_portal.accounts.models import User

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", stdout=StringIO())


def test_it_seeds_reports_in_every_state_over_the_last_quarters():
    seed()
    seen = set()
    for report in QuarterlyReport.objects.all():
        seen.add(report.status)
        seen.add(
            periods.timeliness(
                due=Period(report.year, report.quarter).due,
                first_submitted_at=report.first_submitted_at,
                status=report.status,
            )
        )
        assert report.events.filter(action=Event.Action.CREATED).exists()
    assert {Status.ACCEPTED, Status.RETURNED, Status.SUBMITTED, Status.DRAFT} <= seen
    assert {Timeliness.ON_TIME, Timeliness.LATE, Timeliness.RETURNED, Timeliness.MISSING} <= seen
    assert QuarterlyReport.objects.count() == 8
    assert AnnualReport.objects.filter(status=Status.DRAFT).count() == 1


def test_it_shows_the_seeded_picture_on_the_dashboards():
    seed()
    client = Client()
    official = User.objects.get(email="canbophuong@example.com")
    client.force_login(official)
    report = QuarterlyReport.objects.filter(club__ward__name__icontains="Hải Châu").first()
    response = client.get(reverse("reports:ward", args=[report.club.ward_id]))
    assert response.status_code == 200
    assert "Đúng hạn" in response.content.decode()
    client.force_login(User.objects.get(email="canbotinh@example.com"))
    response = client.get(reverse("reports:province", args=[report.club.ward.province_id]))
    assert response.status_code == 200
    assert response.context["count"] == 2


def test_it_changes_nothing_when_run_twice():
    seed()
    counts = (QuarterlyReport.objects.count(), Event.objects.count(), AnnualReport.objects.count())
    seed()
    assert (
        QuarterlyReport.objects.count(),
        Event.objects.count(),
        AnnualReport.objects.count(),
    ) == counts
