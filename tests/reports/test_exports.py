"""The XLSX files hold the numbers the pages show."""

import datetime as dt
import io

from django.urls import reverse
from openpyxl import load_workbook

from tests.clubs.factories import fill_roster
from tests.reports.factories import QuarterlyReportFactory, submitted


def rows_of(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [row for row in sheet.iter_rows(values_only=True) if any(row)]


def test_it_exports_the_ward_dashboard_as_the_page_shows_it(client, world, today):
    fill_roster(world.club, men=31, women=10, board_men=2)
    submitted(club=world.club, quarter=1, on=dt.date(2026, 4, 9))
    submitted(club=world.club, quarter=2, on=dt.date(2026, 7, 12))
    QuarterlyReportFactory(club=world.club, quarter=3)
    client.force_login(world.users["ward_official"])
    url = reverse("reports:ward", args=[world.ward.pk]) + "?year=2026"
    page = client.get(url)
    row = next(r for r in rows_of(client.get(url + "&format=xlsx")) if r[0] == "CLB Hải Châu")
    assert row[1:5] == ("Đúng hạn", "Muộn", "Chưa đến hạn", "Chưa đến hạn")
    assert row[5:9] == (33, 10, 3, "Có")  # + the chair and a member of the world
    cells = page.context["rows"][0].cells
    assert [str(c["label"]) for c in cells] == list(row[1:5])


def test_it_exports_the_province_dashboard_rates(client, world, today):
    submitted(club=world.club, quarter=1, on=dt.date(2026, 4, 9))
    submitted(club=world.other_club, quarter=1, on=dt.date(2026, 4, 19))
    client.force_login(world.users["province_official"])
    url = reverse("reports:province", args=[world.province.pk]) + "?year=2026&format=xlsx"
    rows = {r[0]: r for r in rows_of(client.get(url))}
    assert rows["Phường Hải Châu"][1:6] == (1, 1, 1, 100, 100)
    assert rows["Phường Thanh Khê"][1:6] == (1, 1, 0, 100, 0)
    assert "Phường Hoàn Kiếm" not in rows  # another province


def test_it_draws_the_trend_chart_with_numbers_svg_understands(client, world, today):
    import re

    submitted(club=world.club, quarter=1, on=dt.date(2026, 4, 9))
    client.force_login(world.users["province_official"])
    html = client.get(reverse("reports:province", args=[world.province.pk])).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert not re.search(r'(x|y|width|height)="[0-9]+,[0-9]', svg)  # no Vietnamese decimal comma
    assert svg.count("<rect") == 16  # eight quarters × two rates
    assert 'value="2026"' in html  # the filter shows the year it is showing
