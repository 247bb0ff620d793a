import datetime as dt

import pytest

from clubs.reports import periods
from clubs.reports.periods import LOCAL_TZ, Period, Timeliness, timeliness


def test_it_makes_a_quarterly_report_due_ten_days_after_the_quarter():
    assert periods.quarterly_due_date(2026, 1) == dt.date(2026, 4, 10)
    assert periods.quarterly_due_date(2026, 2) == dt.date(2026, 7, 10)
    assert periods.quarterly_due_date(2026, 4) == dt.date(2027, 1, 10)


def test_it_takes_the_number_of_days_from_settings(settings):
    settings.REPORTS_QUARTERLY_DUE_DAYS = 15
    assert periods.quarterly_due_date(2026, 3) == dt.date(2026, 10, 15)


def test_it_makes_the_yearly_report_due_on_10_december():
    assert periods.annual_due_date(2026) == dt.date(2026, 12, 10)


def test_it_locks_the_period_after_the_lock_days(settings):
    settings.REPORTS_LOCK_DAYS = 30
    period = Period(2026, 1)
    assert period.locks_on == dt.date(2026, 5, 11)
    assert not period.is_locked(dt.date(2026, 5, 10))
    assert period.is_locked(dt.date(2026, 5, 11))


def test_it_refuses_a_fifth_quarter():
    with pytest.raises(ValueError):
        periods.quarter_end(2026, 5)


def test_it_lists_the_previous_quarters_oldest_first():
    assert periods.previous_quarters(dt.date(2026, 2, 3), 3) == [(2025, 2), (2025, 3), (2025, 4)]


@pytest.mark.parametrize(
    ("submitted_on", "status", "on", "expected"),
    [
        (dt.date(2026, 4, 10), "submitted", dt.date(2026, 6, 1), Timeliness.ON_TIME),
        (dt.date(2026, 4, 11), "accepted", dt.date(2026, 6, 1), Timeliness.LATE),
        (None, None, dt.date(2026, 4, 11), Timeliness.MISSING),
        (None, "draft", dt.date(2026, 4, 11), Timeliness.MISSING),
        (None, None, dt.date(2026, 4, 10), Timeliness.NOT_DUE),
        (dt.date(2026, 4, 2), "returned", dt.date(2026, 6, 1), Timeliness.RETURNED),
    ],
)
def test_it_tells_on_time_late_missing_and_returned(submitted_on, status, on, expected):
    at = (
        dt.datetime.combine(submitted_on, dt.time(23, 30), tzinfo=LOCAL_TZ)
        if submitted_on
        else None
    )
    due = periods.quarterly_due_date(2026, 1)
    assert timeliness(due=due, first_submitted_at=at, status=status, on=on) == expected
