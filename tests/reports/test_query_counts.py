"""Dashboards and lists cost the same number of queries with 3 clubs or 30."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.clubs.factories import ClubFactory, fill_roster
from tests.factories import WardFactory
from tests.reports.factories import QuarterlyReportFactory, submitted


def grow_ward(ward, clubs: int):
    for i in range(clubs):
        club = ClubFactory(ward=ward)
        fill_roster(club, men=3, women=2, board_men=1)
        submitted(club=club, quarter=1, on=dt.date(2026, 4, 2 + i % 20))
        QuarterlyReportFactory(club=club, quarter=2)


def grow_province(province, wards: int, clubs_each: int):
    for _i in range(wards):
        grow_ward(WardFactory(province=province), clubs_each)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


WARD_DASHBOARD_QUERIES = 9
PROVINCE_DASHBOARD_QUERIES = 9
CLUB_REPORTS_QUERIES = 7


def test_it_pins_the_ward_dashboard(client, world, today, django_assert_num_queries):
    client.force_login(world.users["ward_official"])
    url = reverse("reports:ward", args=[world.ward.pk]) + "?year=2026"
    grow_ward(world.ward, 3)
    cache.clear()  # every measure starts cold (the layout caches a few things too)
    with django_assert_num_queries(WARD_DASHBOARD_QUERIES):
        client.get(url)
    grow_ward(world.ward, 20)
    cache.clear()  # every measure starts cold (the layout caches a few things too)
    with django_assert_num_queries(WARD_DASHBOARD_QUERIES):
        response = client.get(url)
    assert response.context["page"].paginator.count == 24


def test_it_pins_the_province_dashboard_and_caches_it(
    client, world, today, django_assert_num_queries
):
    client.force_login(world.users["province_official"])
    url = reverse("reports:province", args=[world.province.pk]) + "?year=2026"
    grow_province(world.province, 2, 2)
    with django_assert_num_queries(PROVINCE_DASHBOARD_QUERIES):
        client.get(url)
    cache.clear()
    grow_province(world.province, 6, 4)
    with django_assert_num_queries(PROVINCE_DASHBOARD_QUERIES):
        response = client.get(url)
    assert response.context["count"] == 10  # 2 + 6 new wards + Hải Châu + Thanh Khê
    # Cached: the dashboard's own queries are skipped the second time.
    assert count(client, url) < PROVINCE_DASHBOARD_QUERIES


def test_it_pins_the_clubs_report_list(client, world, today, django_assert_num_queries):
    client.force_login(world.users["chair"])
    url = reverse("reports:club", args=[world.club.pk]) + "?year=2026"
    cache.clear()
    with django_assert_num_queries(CLUB_REPORTS_QUERIES):
        client.get(url)
    submitted(club=world.club, quarter=1, on=dt.date(2026, 4, 3))
    QuarterlyReportFactory(club=world.club, quarter=2)
    cache.clear()
    with django_assert_num_queries(CLUB_REPORTS_QUERIES):
        client.get(url)


@pytest.mark.parametrize("extra", [0, 12])
def test_it_pins_the_reports_home(client, world, today, extra, django_assert_num_queries):
    grow_ward(world.ward, extra)
    client.force_login(world.users["ward_official"])
    cache.clear()
    with django_assert_num_queries(7):
        client.get(reverse("reports:home"))


def test_it_pins_a_report_page_as_its_history_grows(client, world, today):
    from clubs.reports import services
    from clubs.reports.models import Event

    today(dt.date(2026, 4, 5))
    report = services.quarterly_report_start(
        club=world.club, year=2026, quarter=1, by=world.users["chair"]
    )
    client.force_login(world.users["ward_official"])
    url = reverse("reports:quarterly", args=[report.pk])
    cache.clear()
    before = count(client, url)
    for _i in range(6):
        Event.objects.create(quarterly=report, action=Event.Action.SAVED, by=world.users["chair"])
    cache.clear()
    assert count(client, url) == before == 8
