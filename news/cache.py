"""Cached fragments of the public pages, for anonymous visitors.

Every fragment key carries a version. Publishing, unpublishing or editing a public article
bumps it (on commit), so the next visitor gets fresh pages. A scheduled article needs no task:
the time of the next scheduled publication is kept beside the version, and the first request
after that time bumps the version itself. The page's CSRF token and messages live outside
the fragments, so cached HTML is the same for everyone.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "news:version"
NEXT_DUE_KEY = "news:next-due"
TIMEOUT = 10 * 60
NONE_DUE = 0.0


def bump() -> None:
    """New content: every cached fragment is stale from now on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(time.time() * 1000), None)
    cache.delete(NEXT_DUE_KEY)


def _next_due() -> float:
    from .models import Article, Status

    due = (
        Article.objects.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    value = due.timestamp() if due else NONE_DUE
    cache.set(NEXT_DUE_KEY, value, None)
    return value


def version() -> int:
    values = cache.get_many([VERSION_KEY, NEXT_DUE_KEY])
    current = values.get(VERSION_KEY)
    if current is None:
        current = int(time.time() * 1000)
        cache.add(VERSION_KEY, current, None)
        current = cache.get(VERSION_KEY, current)
    due = values.get(NEXT_DUE_KEY)
    if due is None:
        due = _next_due()
    if due != NONE_DUE and due <= time.time():
        bump()
        _next_due()
        current = cache.get(VERSION_KEY, current)
    return current


def fragments(request, name: str, build: Callable[[], dict]) -> dict:
    """`build()` for signed-in people (they may see more); cached for anonymous visitors.

    `name` says which page (e.g. "category:suc-khoe:2"); views build it from the URL's slug
    and a normalised page number, so odd query strings cannot fill the cache.
    """
    if request.user.is_authenticated:
        return build()
    key = f"news:page:{version()}:{get_language()}:{name}"
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found, TIMEOUT)
    return found
