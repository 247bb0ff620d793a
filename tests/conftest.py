"""Shared test set-up. Under CI (CI=true) nothing may skip for want of PostgreSQL or a browser."""

import os

import pytest
from django.conf import settings

IN_CI = os.environ.get("CI", "").lower() == "true"


def on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_configure(config):
    if IN_CI and not on_postgres():
        raise pytest.UsageError("CI runs the suite on PostgreSQL: set DATABASE_URL to postgres://…")


def skip_or_fail(reason: str):
    """Skip on a newcomer's machine, fail under CI: a gap there must be seen."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this may not be skipped)")
    pytest.skip(reason)


@pytest.fixture
def requires_postgres():
    if not on_postgres():
        skip_or_fail("needs PostgreSQL (set DATABASE_URL=postgres://…)")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache (cached pages would hide changes between tests)."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _vietnamese_by_default(settings):
    settings.LANGUAGE_CODE = "vi"
    from django.utils import translation

    with translation.override("vi"):
        yield
