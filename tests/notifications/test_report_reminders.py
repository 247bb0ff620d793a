"""Report deadlines, with a frozen clock. Q3/2026 is due 10/10/2026 (quarter end + 10 days,
from clubs.reports.periods); the yearly report is due 10/12/2026."""

import pytest
from django.core import mail

from clubs.models import Club
from clubs.reports.models import AnnualReport, Status
from network_portal.notifications.models import Delivery, ReminderSettings
from tests.factories import WardFactory, province_official, ward_official
from tests.notifications.factories import at
from tests.notifications.helpers import run
from tests.reports.factories import QuarterlyReportFactory, submitted


@pytest.fixture
def staff(world):
    ward = world.club.ward
    world.official = ward_official(ward, full_name="Nguyễn Thị Lan")
    world.reviewer = province_official(ward.province, full_name="Phạm Văn Hùng")
    world.stranger = ward_official(WardFactory(province=ward.province))
    return world


def reminded(suffix, channel="inapp"):
    return set(
        Delivery.objects.filter(
            template="report_due", occasion__endswith=suffix, channel=channel, status="sent"
        ).values_list("recipient_id", flat=True)
    )


def test_it_reminds_the_chair_and_ward_officials_seven_days_before(staff):
    run(at(2026, 10, 3, 6, 59))
    assert not Delivery.objects.filter(template="report_due").exists()
    run(at(2026, 10, 3, 7, 0))
    assert reminded(":before") == {staff.chair.pk, staff.official.pk}
    assert reminded(":before", "email") == {staff.chair.pk, staff.official.pk}
    subject = next(m.subject for m in mail.outbox if m.to == [staff.chair.email])
    assert subject == "Hạn 10/10/2026: báo cáo quý 3/2026 của CLB Hải Châu"


def test_it_reminds_again_on_the_due_date(staff):
    run(at(2026, 10, 3, 7, 0))
    run(at(2026, 10, 10, 7, 0))
    assert reminded(":due") == {staff.chair.pk, staff.official.pk}
    run(at(2026, 10, 10, 22, 0))
    assert Delivery.objects.filter(template="report_due", channel="email").count() == 4


def test_it_tells_the_reviewer_too_when_overdue_then_weekly(staff):
    run(at(2026, 10, 11, 6, 59))
    assert not Delivery.objects.filter(occasion__contains="overdue").exists()
    run(at(2026, 10, 11, 7, 0))
    everyone = {staff.chair.pk, staff.official.pk, staff.reviewer.pk}
    assert reminded(":overdue0") == everyone
    assert any(m.subject.startswith("Quá hạn: ") for m in mail.outbox)
    for day in range(12, 18):
        run(at(2026, 10, day, 9, 0))
    assert reminded(":overdue1") == set()
    run(at(2026, 10, 18, 7, 0))
    assert reminded(":overdue1") == everyone
    run(at(2026, 10, 25, 7, 0))
    assert reminded(":overdue2") == everyone
    assert staff.stranger.pk not in reminded("")


def test_it_stops_once_the_period_is_locked(staff):
    run(at(2026, 11, 10, 7, 0))
    assert not Delivery.objects.filter(template="report_due").exists()


def test_it_stops_reminding_a_submitted_report(staff):
    run(at(2026, 10, 3, 7, 0))
    submitted(club=staff.club, year=2026, quarter=3, on=at(2026, 10, 5).date())
    run(at(2026, 10, 10, 7, 0))
    run(at(2026, 10, 11, 7, 0))
    assert reminded(":due") == set()
    assert reminded(":overdue0") == set()


def test_it_keeps_reminding_while_the_report_is_only_a_draft(staff):
    QuarterlyReportFactory(club=staff.club, year=2026, quarter=3, status=Status.DRAFT)
    run(at(2026, 10, 10, 7, 0))
    assert reminded(":due") == {staff.chair.pk, staff.official.pk}


def test_it_drops_a_waiting_reminder_when_the_report_is_submitted_meanwhile(staff):
    from network_portal.notifications import services

    services.scan(now=at(2026, 10, 10, 7, 0))
    submitted(club=staff.club, year=2026, quarter=3, on=at(2026, 10, 10).date())
    for batch in services.pending_batches(now=at(2026, 10, 10, 7, 1)):
        services.deliveries_send(ids=batch, claim="c", now=at(2026, 10, 10, 7, 1))
    assert mail.outbox == []
    assert set(Delivery.objects.values_list("status", flat=True)) == {"obsolete"}


def test_it_reminds_nothing_for_a_club_not_expected_to_report(staff):
    Club.objects.filter(pk=staff.club.pk).update(status=Club.Status.PREPARING)
    run(at(2026, 10, 10, 7, 0))
    assert not Delivery.objects.filter(template="report_due").exists()


def test_it_crosses_the_quarter_and_year_end(staff):
    run(at(2026, 12, 31, 23, 59))
    assert not Delivery.objects.filter(occasion__contains="2026Q4").exists()
    run(at(2027, 1, 3, 7, 0))  # Q4/2026 is due 10/01/2027
    assert {d.params["quarter"] for d in Delivery.objects.filter(occasion__contains="2026Q4")} == {
        4
    }
    assert reminded(":before") == {staff.chair.pk, staff.official.pk}


def test_it_follows_the_offsets_the_administrator_set(staff):
    ReminderSettings.objects.create(report_days_before=3, overdue_every_days=3)
    run(at(2026, 10, 3, 7, 0))
    assert not Delivery.objects.filter(template="report_due").exists()
    run(at(2026, 10, 7, 7, 0))
    assert reminded(":before")
    run(at(2026, 10, 14, 7, 0))
    assert reminded(":overdue1")


# --- The yearly report ----------------------------------------------------------------------
def test_it_reminds_ward_officials_of_the_yearly_report_on_1_and_7_december(staff):
    run(at(2026, 11, 30, 23, 0))
    assert not Delivery.objects.filter(occasion__startswith="report:y:").exists()
    run(at(2026, 12, 1, 7, 0))
    assert reminded(":first") == {staff.official.pk}
    run(at(2026, 12, 6, 7, 0))
    assert reminded(":second") == set()
    run(at(2026, 12, 7, 7, 0))
    assert reminded(":second") == {staff.official.pk}
    subject = [m.subject for m in mail.outbox if m.to == [staff.official.email]][-1]
    assert subject == f"Hạn 10/12/2026: báo cáo năm 2026 của {staff.club.ward.name}"


def test_it_sends_the_yearly_reminder_on_10_december_if_the_7th_was_missed(staff):
    run(at(2026, 12, 10, 23, 0))
    assert reminded(":second") == {staff.official.pk}


def test_it_sends_no_yearly_reminder_after_10_december(staff):
    run(at(2026, 12, 11, 0, 0))
    assert not Delivery.objects.filter(occasion__startswith="report:y:").exists()


def test_it_sends_no_yearly_reminder_once_submitted(staff):
    run(at(2026, 12, 1, 7, 0))
    AnnualReport.objects.create(
        ward=staff.club.ward,
        year=2026,
        created_by=staff.official,
        status=Status.SUBMITTED,
        first_submitted_at=at(2026, 12, 3, 9, 0),
        submitted_at=at(2026, 12, 3, 9, 0),
        submitted_by=staff.official,
    )
    run(at(2026, 12, 7, 7, 0))
    assert reminded(":second") == set()
