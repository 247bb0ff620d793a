"""What is due and overdue (the reminders of issue 8 read these)."""

import datetime as dt

from clubs.models import Club
from clubs.reports.selectors import outstanding_annual, outstanding_quarterly, reports_due
from tests.clubs.factories import ClubFactory
from tests.reports.factories import QuarterlyReportFactory, submitted


def test_it_lists_clubs_that_have_not_submitted(world):
    submitted(club=world.club, quarter=1, on=dt.date(2026, 4, 2))
    QuarterlyReportFactory(club=world.other_club, quarter=1)  # a draft is still outstanding
    ClubFactory(ward=world.ward, status=Club.Status.PREPARING)  # not expected to report
    assert set(outstanding_quarterly(2026, 1)) == {world.other_club, world.far_club}


def test_it_lists_wards_whose_yearly_report_is_outstanding(world):
    assert set(outstanding_annual(2026)) == {world.ward, world.other_ward, world.far_ward}


def test_it_tells_due_from_overdue(world):
    due = reports_due(dt.date(2026, 4, 5))
    assert [(d["period"].year, d["period"].quarter, d["overdue"]) for d in due] == [
        (2026, 1, False)
    ]
    due = reports_due(dt.date(2026, 12, 1))
    labels = [(d["period"].year, d["period"].quarter, d["overdue"]) for d in due]
    assert (2026, 3, True) not in labels  # locked since 10/11
    assert (2026, None, False) in labels
