"""Time the report dashboards at national scale, in a transaction that is rolled back.

    python manage.py benchmark_reports --clubs 10000 --wards 100

Creates a throwaway province with `--wards` wards and `--clubs` clubs spread over them,
a small roster and the year's monthly meetings per club, and quarterly reports for most
clubs and quarters; then requests the province dashboard (cold and cached), one ward's
dashboard and the province XLSX as a site administrator, printing the time and number of
queries of each. Nothing is kept.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from clubs.models import Club, Meeting, RosterEntry
from clubs.reports.models import QuarterlyReport, Status
from clubs.reports.periods import LOCAL_TZ, Period
from members.choices import Gender
from network_portal.accounts.models import User
from network_portal.places.models import Province, Ward


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time the report dashboards with N clubs (in a transaction that is rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--clubs", type=int, default=10_000)
        parser.add_argument("--wards", type=int, default=100)
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--roster", type=int, default=6, help="roster entries per club")

    def handle(self, *args, clubs: int, wards: int, year: int, roster: int, **options):
        if "testserver" not in settings.ALLOWED_HOSTS:
            settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        try:
            with transaction.atomic():
                self._run(clubs=clubs, wards=wards, year=year, roster=roster)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: nothing was kept.")

    def _run(self, *, clubs: int, wards: int, year: int, roster: int) -> None:
        rng = random.Random(5)  # noqa: S311 - made-up figures, not secrets
        started = time.perf_counter()
        province = Province.objects.create(
            code=99_999, name="Tỉnh Đo Thử", codename="tinh_do_thu", division_type="tỉnh"
        )
        ward_rows = Ward.objects.bulk_create(
            Ward(
                code=9_900_000 + i,
                province=province,
                name=f"Phường Đo Thử {i + 1}",
                codename=f"phuong_do_thu_{i}",
                division_type="phường",
            )
            for i in range(wards)
        )
        club_rows = Club.objects.bulk_create(
            Club(name=f"CLB Đo Thử {i + 1}", ward=ward_rows[i % wards], status=Club.Status.ACTIVE)
            for i in range(clubs)
        )
        admin = User.objects.create(
            email="benchmark.admin@example.invalid", is_staff=True, is_superuser=True
        )
        RosterEntry.objects.bulk_create(
            (
                RosterEntry(
                    club=club,
                    full_name=f"Hội viên {j}",
                    gender=Gender.MALE if j % 3 else Gender.FEMALE,
                    joined_on=dt.date(year - 1, 6, 1),
                )
                for club in club_rows
                for j in range(roster)
            ),
            batch_size=5000,
        )
        meetings = []
        for club in club_rows:
            for month in range(1, 13):
                starts = dt.datetime(year, month, 15, 19, 30, tzinfo=LOCAL_TZ)
                meetings.append(
                    Meeting(
                        club=club,
                        starts_at=starts,
                        ends_at=starts + dt.timedelta(minutes=90),
                        status=Meeting.Status.HELD
                        if rng.random() < 0.8
                        else Meeting.Status.PLANNED,
                    )
                )
        Meeting.objects.bulk_create(meetings, batch_size=5000)
        reports = []
        for club in club_rows:
            for quarter in (1, 2, 3, 4):
                if rng.random() < 0.2:
                    continue  # missing
                due = Period(year, quarter).due
                submitted = dt.datetime.combine(
                    due + dt.timedelta(days=rng.randint(-8, 6)), dt.time(10), tzinfo=LOCAL_TZ
                )
                reports.append(
                    QuarterlyReport(
                        club=club,
                        year=year,
                        quarter=quarter,
                        created_by=admin,
                        status=rng.choice([Status.SUBMITTED, Status.ACCEPTED, Status.RETURNED]),
                        first_submitted_at=submitted,
                        submitted_at=submitted,
                        meetings_planned=3,
                        meetings_held=rng.randint(1, 3),
                        attendance_men=rng.randint(20, 80),
                        attendance_women=rng.randint(10, 40),
                    )
                )
        QuarterlyReport.objects.bulk_create(reports, batch_size=5000)
        self.stdout.write(
            f"Created {wards} wards, {clubs} clubs, {clubs * roster} roster entries, "
            f"{len(meetings)} meetings, {len(reports)} reports in "
            f"{time.perf_counter() - started:.1f}s ({connection.vendor})."
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        client = Client()
        client.force_login(admin)
        province_url = reverse("reports:province", args=[province.pk]) + f"?year={year}"
        ward_url = reverse("reports:ward", args=[ward_rows[0].pk]) + f"?year={year}"
        cache.clear()
        self._time(client, "Province dashboard (cold)", province_url)
        self._time(client, "Province dashboard (cached)", province_url)
        self._time(client, "Province dashboard, page 4 (cold)", province_url + "&page=4")
        self._time(
            client,
            f"Ward dashboard ({clubs // wards} clubs)",
            ward_url,
        )
        self._time(client, "Ward dashboard, page 2", ward_url + "&page=2")
        self._time(client, "Province XLSX (all wards)", province_url + "&format=xlsx")
        self._time(client, "Ward XLSX (all clubs)", ward_url + "&format=xlsx")
        cache.clear()

    def _time(self, client, label: str, url: str) -> None:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"{label}: HTTP {response.status_code}")
        self.stdout.write(
            f"{label:45} {elapsed * 1000:8.0f} ms  {len(queries):3d} queries  "
            f"{len(response.content) // 1024:5d} KB"
        )
