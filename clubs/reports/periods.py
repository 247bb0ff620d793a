"""Reporting periods and their dates: the one module that knows when a report is due, when
it is late or missing, and when its period locks.

Plain functions on dates so other code (the reminders of issue 8, the dashboards, the
services) asks the same question the same way:

- a quarterly report is due `REPORTS_QUARTERLY_DUE_DAYS` days after the quarter ends
  (default 10: the report on Q1 is due 10 April);
- the ward's yearly report is due on 10 December of its year (`REPORTS_ANNUAL_DUE`,
  month and day);
- a period locks `REPORTS_LOCK_DAYS` days after it is due (default 30), like the expiry days
  of a health information system; a reviewer can reopen it for one club or ward.

A report counts as *on time* when it was first submitted on or before its due date (a return
and resubmission does not make it late), *late* when first submitted after it, and *missing*
when the due date has passed and it was never submitted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def quarterly_due_days() -> int:
    return int(getattr(settings, "REPORTS_QUARTERLY_DUE_DAYS", 10))


def lock_days() -> int:
    return int(getattr(settings, "REPORTS_LOCK_DAYS", 30))


def quarter_start(year: int, quarter: int) -> dt.date:
    _check_quarter(quarter)
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    _check_quarter(quarter)
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def quarterly_due_date(year: int, quarter: int) -> dt.date:
    """The last day a quarterly report is on time."""
    return quarter_end(year, quarter) + dt.timedelta(days=quarterly_due_days())


def annual_due_date(year: int) -> dt.date:
    """The ward's yearly report is due before 10 December: 10 December is the last day."""
    month, day = getattr(settings, "REPORTS_ANNUAL_DUE", (12, 10))
    return dt.date(year, month, day)


def lock_date(due: dt.date) -> dt.date:
    """The first day the period is locked."""
    return due + dt.timedelta(days=lock_days() + 1)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def previous_quarters(today: dt.date, count: int) -> list[tuple[int, int]]:
    """The `count` quarters before the one `today` is in, oldest first."""
    year, quarter = quarter_of(today)
    result = []
    for _i in range(count):
        quarter -= 1
        if quarter == 0:
            year, quarter = year - 1, 4
        result.append((year, quarter))
    return list(reversed(result))


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=LOCAL_TZ)


def end_of_day(day: dt.date) -> dt.datetime:
    """The first instant after `day` (local time): compare with `<`."""
    return start_of_day(day + dt.timedelta(days=1))


def today() -> dt.date:
    return timezone.localdate()


def _check_quarter(quarter: int) -> None:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"A quarter is 1 to 4, not {quarter!r}.")


class Timeliness:
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    RETURNED = "returned"
    NOT_DUE = "not_due"

    LABELS = {
        ON_TIME: _("On time"),
        LATE: _("Late"),
        MISSING: _("Missing"),
        RETURNED: _("Returned"),
        NOT_DUE: _("Not due yet"),
    }


@dataclass(frozen=True)
class Period:
    """A quarter (`quarter` 1–4) or a year (`quarter` None)."""

    year: int
    quarter: int | None = None

    @property
    def due(self) -> dt.date:
        if self.quarter is None:
            return annual_due_date(self.year)
        return quarterly_due_date(self.year, self.quarter)

    @property
    def start(self) -> dt.date:
        return (
            dt.date(self.year, 1, 1)
            if self.quarter is None
            else quarter_start(self.year, self.quarter)
        )

    @property
    def end(self) -> dt.date:
        return (
            dt.date(self.year, 12, 31)
            if self.quarter is None
            else quarter_end(self.year, self.quarter)
        )

    @property
    def locks_on(self) -> dt.date:
        return lock_date(self.due)

    def is_locked(self, on: dt.date | None = None) -> bool:
        return (on or today()) >= self.locks_on

    def has_started(self, on: dt.date | None = None) -> bool:
        return (on or today()) >= self.start

    def __str__(self) -> str:
        if self.quarter is None:
            return str(_("Year %(year)d") % {"year": self.year})
        return str(_("Quarter %(quarter)d/%(year)d") % {"quarter": self.quarter, "year": self.year})


def timeliness(
    *, due: dt.date, first_submitted_at: dt.datetime | None, status: str | None, on=None
) -> str:
    """On time / late / missing / returned / not due, for one report (or none: status None)."""
    if status == "returned":
        return Timeliness.RETURNED
    if first_submitted_at is not None:
        submitted_day = timezone.localtime(first_submitted_at, LOCAL_TZ).date()
        return Timeliness.ON_TIME if submitted_day <= due else Timeliness.LATE
    if (on or today()) > due:
        return Timeliness.MISSING
    return Timeliness.NOT_DUE
