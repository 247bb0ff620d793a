"""Campaigns: the boards of the clubs in scope, when it opens and a week before it closes.
The 2026 Action Month runs 15/11–15/12/2026."""

import datetime as dt

import pytest
from django.core import mail

from campaigns.models import Campaign
from network_portal.notifications.models import Delivery
from tests.campaigns.factories import CampaignFactory
from tests.clubs.factories import ClubFactory, on_roster
from tests.factories import WardFactory
from tests.notifications.factories import at
from tests.notifications.helpers import run


@pytest.fixture
def action_month(world):
    return CampaignFactory(year=2026)


def reminded(step, channel="inapp"):
    return set(
        Delivery.objects.filter(
            template="campaign", occasion__contains=f":{step}:", channel=channel, status="sent"
        ).values_list("recipient_id", flat=True)
    )


def test_it_tells_the_boards_in_scope_when_the_action_month_opens(world, action_month):
    run(at(2026, 11, 15, 6, 59))
    assert not Delivery.objects.filter(template="campaign").exists()
    run(at(2026, 11, 15, 7, 0))
    assert reminded("open") == world.board_accounts
    assert reminded("open", "email") == world.board_accounts
    subject = next(m.subject for m in mail.outbox if m.to == [world.chair.email])
    assert subject.endswith("bắt đầu từ hôm nay")
    assert "CLB Hải Châu" in next(m.body for m in mail.outbox if m.to == [world.chair.email])


def test_it_reminds_a_week_before_it_closes(world, action_month):
    run(at(2026, 12, 8, 6, 0))
    assert reminded("close") == set()
    run(at(2026, 12, 8, 7, 0))
    assert reminded("close") == world.board_accounts
    body = next(m.body for m in mail.outbox if m.subject.endswith("kết thúc ngày 15/12/2026"))
    assert "trước ngày 15/12/2026" in body


def test_it_sends_each_once(world, action_month):
    for hour in (7, 8, 12):
        run(at(2026, 11, 15, hour, 0))
    run(at(2026, 11, 16, 7, 0))
    assert Delivery.objects.filter(template="campaign", channel="email").count() == 2


def test_it_catches_up_when_the_beat_was_down_on_the_day(world, action_month):
    run(at(2026, 11, 17, 9, 0))
    assert reminded("open") == world.board_accounts


def test_it_does_not_announce_an_opening_long_past(world, action_month):
    run(at(2026, 11, 20, 9, 0))
    assert reminded("open") == set()


def test_it_leaves_out_clubs_outside_a_ward_campaign(world):
    other = ClubFactory(ward=WardFactory(province=world.club.ward.province))
    other_chair = on_roster(other, "chair")
    CampaignFactory(
        kind=Campaign.Kind.EMULATION,
        year=2026,
        title="Phong trào của phường",
        scope=Campaign.Scope.WARD,
        ward=other.ward,
        starts_on=dt.date(2026, 11, 20),
        ends_on=dt.date(2026, 11, 30),
    )
    run(at(2026, 11, 20, 7, 0))
    assert reminded("open") == {other_chair.pk}


def test_it_drops_a_waiting_reminder_when_the_campaign_dates_change(world, action_month):
    from network_portal.notifications import services

    services.scan(now=at(2026, 11, 15, 7, 0))
    Campaign.objects.filter(pk=action_month.pk).update(starts_on=dt.date(2026, 11, 16))
    for batch in services.pending_batches(now=at(2026, 11, 15, 7, 1)):
        services.deliveries_send(ids=batch, claim="c", now=at(2026, 11, 15, 7, 1))
    assert not [m for m in mail.outbox if "bắt đầu" in m.subject]
    run(at(2026, 11, 16, 7, 0))
    assert reminded("open") == world.board_accounts
