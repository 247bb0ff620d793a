"""What the beat queues: each waiting batch once per lease, again if the broker refused it."""

import datetime as dt

import pytest
from django.utils import timezone

from network_portal.notifications import services, tasks
from tests.notifications.factories import at

NOW = at(2026, 12, 7, 7, 0)


class Published(list):
    broker_down = False


@pytest.fixture
def published(monkeypatch):
    calls = Published()

    def fake_apply_async(args=(), retry=True, **kwargs):
        if calls.broker_down:
            raise ConnectionRefusedError("broker down")
        calls.append(args)

    monkeypatch.setattr(tasks.send_deliveries, "apply_async", fake_apply_async)
    monkeypatch.setattr(tasks.send_digests, "apply_async", lambda *a, **k: None)
    return calls


def _tick(monkeypatch, when, capture):
    monkeypatch.setattr(timezone, "now", lambda: when)
    with capture(execute=True):
        tasks.scan_and_send.apply()


def test_it_queues_a_waiting_batch_once_per_lease(
    world, published, monkeypatch, django_capture_on_commit_callbacks
):
    _tick(monkeypatch, NOW, django_capture_on_commit_callbacks)
    assert len(published) == 1
    _tick(monkeypatch, NOW + dt.timedelta(minutes=1), django_capture_on_commit_callbacks)
    assert len(published) == 1  # the worker is busy: not queued again
    later = NOW + services.LEASE + dt.timedelta(minutes=1)
    _tick(monkeypatch, later, django_capture_on_commit_callbacks)
    assert len(published) == 2  # still waiting after the lease: queued again
    assert published[0] == published[1]


def test_it_queues_again_on_the_next_tick_when_the_broker_refused(
    world, published, monkeypatch, django_capture_on_commit_callbacks
):
    published.broker_down = True
    _tick(monkeypatch, NOW, django_capture_on_commit_callbacks)
    assert published == []
    published.broker_down = False
    _tick(monkeypatch, NOW + dt.timedelta(minutes=1), django_capture_on_commit_callbacks)
    assert len(published) == 1
