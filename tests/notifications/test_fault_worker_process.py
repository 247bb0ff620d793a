"""Fault, with real processes: a Celery worker is SIGKILLed in the middle of a batch; a second
worker takes the task back from Redis (acks_late: it was never acknowledged) and finishes it.
Every recipient has exactly one e-mail.

Needs PostgreSQL (the worker process reads the test database) and Redis (REDIS_URL), as CI
has; elsewhere it skips and says why.
"""

import os
import signal
import subprocess
import sys
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from django.db import connection

from clubs.models import RosterEntry
from network_portal.notifications import services, tasks
from network_portal.notifications.models import Delivery
from tests.clubs.factories import on_roster
from tests.conftest import on_postgres, skip_or_fail
from tests.notifications.factories import ClubWorld, at
from tests.notifications.test_fault_broker import _redis_test_url, broker

ROOT = Path(__file__).resolve().parents[2]
NOW = at(2026, 12, 7, 7, 0)


def _start_worker(mail_dir: Path, redis_url: str, log: Path) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.notifications.worker_settings",
        "DATABASE_URL": (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}"
        ),
        "CELERY_BROKER_URL": redis_url,
        "NOTIFICATIONS_TEST_MAIL_DIR": str(mail_dir),
        "PYTHONPATH": str(ROOT),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "network_portal",
        "worker",
        "--pool=solo",
        "--without-heartbeat",
        "--without-mingle",
        "--without-gossip",
        "--loglevel=INFO",
    ]
    return subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
        command, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT
    )


def _sent(mail_dir: Path) -> list[str]:
    return [message_from_bytes(p.read_bytes())["To"] for p in mail_dir.glob("*.eml")]


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.mark.django_db(transaction=True)
def test_it_sends_each_mail_once_when_a_real_worker_is_killed_mid_batch(tmp_path):
    if not on_postgres():
        skip_or_fail("needs PostgreSQL (the worker process reads the test database)")
    redis_url = _redis_test_url()
    world = ClubWorld()
    for _ in range(16):
        on_roster(world.club, RosterEntry.Role.MEMBER)
    expected = sorted(
        RosterEntry.objects.filter(
            club=world.club, left_on__isnull=True, user__isnull=False, user__is_active=True
        ).values_list("user__email", flat=True)
    )
    services.scan(now=NOW)
    [batch] = services.pending_batches(now=NOW)
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    log = tmp_path / "worker.log"
    with broker(redis_url):
        from network_portal.celery import app

        with app.connection_for_write() as conn:
            conn.SimpleQueue("celery").clear()
        tasks.send_deliveries.apply_async(args=[batch], task_id="killed-mid-batch")
    first = _start_worker(mail_dir, redis_url, log)
    second = None
    try:
        assert _wait(lambda: len(_sent(mail_dir)) >= 4, 60), log.read_text()
        os.kill(first.pid, signal.SIGKILL)
        first.wait(10)
        after_kill = len(_sent(mail_dir))
        assert 4 <= after_kill < len(expected), "the kill came too late to prove anything"
        second = _start_worker(mail_dir, redis_url, log)
        assert _wait(lambda: len(_sent(mail_dir)) >= len(expected), 90), log.read_text()
        time.sleep(2)  # anything sent twice would arrive now
    finally:
        for worker in (first, second):
            if worker is not None and worker.poll() is None:
                worker.terminate()
                worker.wait(10)
    assert sorted(_sent(mail_dir)) == expected
    assert Delivery.objects.filter(channel="email", status="sent").count() == len(expected)
    assert "killed-mid-batch" in log.read_text()
