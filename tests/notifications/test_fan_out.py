"""Fan-out: a meeting of a club with 10,000 members with accounts.

The scan's queries do not grow with the number of recipients except by whole batches (one
preference query and the bulk inserts per batch of 500), and each send batch makes the same
number of queries: claim, read, still-holds check, preferences, in-app update, and one
update per e-mail as it leaves (what makes a killed worker's re-run send nobody twice).
"""

import math
import time

from django.core import mail
from django.db import connection

from clubs.models import RosterEntry
from members.choices import Gender
from network_portal.accounts.models import User
from network_portal.notifications import services
from network_portal.notifications.models import Delivery
from network_portal.notifications.occasions import CampaignRules
from tests.clubs.factories import ClubFactory, MeetingFactory
from tests.notifications.factories import at

NOW = at(2026, 12, 7, 7, 0)


def _club_with_members(count: int):
    club = ClubFactory()
    users = User.objects.bulk_create(
        [
            User(email=f"hoivien{i}@example.com", full_name=f"Hội viên {i}", password="!")
            for i in range(count)
        ],
        batch_size=1000,
    )
    if users[0].pk is None:  # databases that do not return ids from bulk inserts
        users = list(User.objects.filter(email__startswith="hoivien").order_by("pk"))
    RosterEntry.objects.bulk_create(
        [
            RosterEntry(club=club, user=user, full_name=user.full_name, gender=Gender.MALE)
            for user in users
        ],
        batch_size=1000,
    )
    MeetingFactory(club=club, starts_at=at(2026, 12, 10, 19, 30))
    return club


def _inserts_per_batch(rows: int) -> int:
    """How many INSERT statements Django needs for `rows` deliveries on this database."""
    fields = [f for f in Delivery._meta.concrete_fields if not f.primary_key]
    size = min(services.BATCH_SIZE, connection.ops.bulk_batch_size(fields, [None] * rows))
    return math.ceil(rows / size)


def _scan_queries(recipients: int) -> int:
    batches = math.ceil(recipients / services.BATCH_SIZE)
    per_batch = 1 + _inserts_per_batch(2 * services.BATCH_SIZE)  # preferences + inserts
    # settings; meetings: meetings, rosters; reports: outstanding yearly reports and the
    # ward officials (7 December: the yearly report's second reminder; the quarters are
    # locked); campaigns: opening and closing on each of the catch-up days.
    fixed = 1 + 2 + 2 + 2 * CampaignRules.CATCH_UP_DAYS
    return fixed + batches * per_batch


def test_it_scans_10000_recipients_in_whole_batches(db, django_assert_num_queries):
    _club_with_members(10_000)
    started = time.monotonic()
    with django_assert_num_queries(_scan_queries(10_000)):
        services.scan(now=NOW)
    assert Delivery.objects.count() == 20_000
    assert time.monotonic() - started < 20


def test_it_scans_a_small_club_with_the_same_queries_per_batch(db, django_assert_num_queries):
    _club_with_members(500)
    with django_assert_num_queries(_scan_queries(500)):
        services.scan(now=NOW)


def test_it_sends_to_10000_members_with_the_same_queries_for_every_batch(
    db, django_assert_num_queries
):
    _club_with_members(10_000)
    services.scan(now=NOW)
    batches = services.pending_batches(now=NOW)
    assert len(batches) == 40
    half = services.BATCH_SIZE // 2  # e-mail and in-app rows alternate
    started = time.monotonic()
    for number, batch in enumerate(batches):
        connection.queries_log.clear()  # the log keeps 9,000 queries; each batch is counted
        with django_assert_num_queries(5 + half):
            services.deliveries_send(ids=batch, claim=f"batch-{number}", now=NOW)
    elapsed = time.monotonic() - started
    assert len(mail.outbox) == 10_000
    assert len({m.to[0] for m in mail.outbox}) == 10_000
    assert Delivery.objects.filter(status="sent").count() == 20_000
    # Building 10,000 MIME messages dominates (≈20–40 s on one core, spread over 40 tasks
    # in production); the bound only catches a regression that grows with the total.
    assert elapsed < 120, f"sending took {elapsed:.1f}s"
