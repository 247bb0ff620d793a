"""Every role against every report page and dashboard: drafts stay in their ward, province
officials see their province only, nobody reviews their own submission."""

import datetime as dt

import pytest
from django.urls import reverse

from clubs.reports import services
from clubs.reports.models import Status

ALL = [
    "anonymous",
    "member",
    "club_member",
    "chair",
    "other_club_chair",
    "ward_official",
    "second_ward_official",
    "other_ward_official",
    "province_official",
    "far_province_official",
    "editor",
    "admin",
]


def status_for(client, user, url, method="get"):
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url)
    client.logout()
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return response.status_code


def check(client, world, url, allowed, method="get"):
    results = {key: status_for(client, world.users[key], url, method) for key in ALL}
    expected = {
        key: (200 if key in allowed else ("login" if key == "anonymous" else 403)) for key in ALL
    }
    assert results == expected


@pytest.fixture
def draft(world, today):
    today(dt.date(2026, 4, 5))
    return services.quarterly_report_start(
        club=world.club, year=2026, quarter=1, by=world.users["chair"]
    )


DRAFTERS = {"chair", "ward_official", "second_ward_official", "admin"}
OVERSEERS = {"ward_official", "second_ward_official", "province_official", "admin"}


@pytest.mark.parametrize("name", ["quarterly", "quarterly_xlsx", "quarterly_print"])
def test_it_shows_a_draft_only_to_the_chair_and_the_wards_own_officials(client, world, draft, name):
    check(client, world, reverse(f"reports:{name}", args=[draft.pk]), DRAFTERS)


@pytest.mark.parametrize("name", ["quarterly", "quarterly_xlsx", "quarterly_print"])
def test_it_shows_a_submitted_report_to_the_province_official_too(client, world, draft, name):
    services.report_submit(report=draft, version=draft.version, by=world.users["chair"])
    check(client, world, reverse(f"reports:{name}", args=[draft.pk]), DRAFTERS | OVERSEERS)


def test_it_lets_only_drafters_open_the_edit_page(client, world, draft):
    url = reverse("reports:quarterly_edit", args=[draft.pk])
    results = {key: status_for(client, world.users[key], url) for key in ALL}
    assert {k for k, v in results.items() if v == 200} == DRAFTERS


def test_it_shows_the_clubs_report_list_to_drafters_and_overseers(client, world, today):
    check(client, world, reverse("reports:club", args=[world.club.pk]), DRAFTERS | OVERSEERS)


@pytest.mark.parametrize("suffix", ["", "?format=xlsx"])
def test_it_shows_the_ward_dashboard_to_the_wards_and_provinces_officials(
    client, world, today, suffix
):
    check(client, world, reverse("reports:ward", args=[world.ward.pk]) + suffix, OVERSEERS)


@pytest.mark.parametrize("suffix", ["", "?format=xlsx"])
def test_it_shows_the_province_dashboard_to_its_province_officials_only(
    client, world, today, suffix
):
    check(
        client,
        world,
        reverse("reports:province", args=[world.province.pk]) + suffix,
        {"province_official", "admin"},
    )


def test_it_links_a_draft_on_the_ward_dashboard_only_for_the_wards_own_officials(
    client, world, draft
):
    url = reverse("reports:ward", args=[world.ward.pk]) + "?year=2026"
    link = reverse("reports:quarterly", args=[draft.pk])
    client.force_login(world.users["ward_official"])
    assert link in client.get(url).content.decode()
    client.force_login(world.users["province_official"])
    assert link not in client.get(url).content.decode()


def test_it_shows_the_reports_home_to_officials_and_chairs(client, world, today):
    check(
        client,
        world,
        reverse("reports:home"),
        {
            "chair",
            "other_club_chair",
            "ward_official",
            "second_ward_official",
            "other_ward_official",
            "province_official",
            "far_province_official",
            "admin",
        },
    )


def test_it_lets_no_one_accept_their_own_submission(client, world, draft):
    official = world.users["ward_official"]
    services.report_submit(report=draft, version=draft.version, by=official)
    url = reverse("reports:quarterly_step", args=[draft.pk, "accept"])
    client.force_login(official)
    assert client.post(url).status_code == 403
    client.force_login(world.users["chair"])
    assert client.post(url).status_code == 403
    client.force_login(world.users["far_province_official"])
    assert client.post(url).status_code == 403
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    client.force_login(world.users["second_ward_official"])
    assert client.post(url).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.ACCEPTED


def test_it_lets_only_the_ward_start_a_report(client, world, today):
    today(dt.date(2026, 4, 5))
    url = reverse("reports:start", args=[world.club.pk, 2026, 1])
    for key in ("member", "club_member", "other_ward_official", "province_official", "editor"):
        assert status_for(client, world.users[key], url, "post") == 403
    assert status_for(client, world.users["chair"], url, "post") == 302


def test_it_shows_the_yearly_report_of_a_ward_to_its_officials_and_province(client, world, today):
    today(dt.date(2026, 11, 20))
    report = services.annual_report_start(
        ward=world.ward, year=2026, by=world.users["ward_official"]
    )
    url = reverse("reports:annual", args=[report.pk])
    check(client, world, url, {"ward_official", "second_ward_official", "admin"})
    services.report_submit(report=report, version=report.version, by=world.users["ward_official"])
    check(
        client, world, url, {"ward_official", "second_ward_official", "admin", "province_official"}
    )
    # The yearly report is reviewed by the province, not by the ward itself.
    client.force_login(world.users["second_ward_official"])
    assert (
        client.post(reverse("reports:annual_step", args=[report.pk, "accept"])).status_code == 403
    )
    client.force_login(world.users["province_official"])
    assert (
        client.post(reverse("reports:annual_step", args=[report.pk, "accept"])).status_code == 302
    )
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
