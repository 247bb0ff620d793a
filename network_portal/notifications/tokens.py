"""Signed one-click unsubscribe links: who and which kinds, no login needed, no expiry."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "notifications.unsubscribe"


def make_token(user_id: int, kinds: list[str]) -> str:
    return signing.dumps({"u": user_id, "k": sorted(kinds)}, salt=SALT, compress=True)


def read_token(token: str) -> tuple[int, list[str]] | None:
    """(user id, kinds) from a token, or None when it was forged or damaged."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    kinds = data.get("k")
    if not isinstance(kinds, list) or not all(isinstance(k, str) for k in kinds):
        return None
    return data["u"], kinds


def unsubscribe_url(user_id: int, kinds: list[str]) -> str:
    path = reverse("notifications:unsubscribe", kwargs={"token": make_token(user_id, kinds)})
    return f"{settings.SITE_URL}{path}"
