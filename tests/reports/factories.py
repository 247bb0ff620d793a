"""Factories for reports (clubs' and the foundation's are reused)."""

import datetime as dt

import factory

from clubs.reports.models import QuarterlyReport, Status
from clubs.reports.periods import LOCAL_TZ
from tests.clubs.factories import ClubFactory
from tests.factories import UserFactory


class QuarterlyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuarterlyReport

    club = factory.SubFactory(ClubFactory)
    year = 2026
    quarter = 1
    created_by = factory.SubFactory(UserFactory)
    status = Status.DRAFT


def submitted(report_or_kwargs=None, *, on: dt.date, by=None, **kwargs) -> QuarterlyReport:
    """A report first submitted on `on` (local date, noon)."""
    at = dt.datetime.combine(on, dt.time(12), tzinfo=LOCAL_TZ)
    by = by or UserFactory()
    return QuarterlyReportFactory(
        status=kwargs.pop("status", Status.SUBMITTED),
        first_submitted_at=at,
        submitted_at=at,
        submitted_by=by,
        **kwargs,
    )
