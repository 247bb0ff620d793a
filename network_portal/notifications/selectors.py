"""Reads of the notifications app, already scoped to who may see them."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import QuerySet

from network_portal.roles import permissions

from .models import Channel, Delivery

UNREAD_TTL = 60  # seconds; senders and "mark as read" also clear it at once


def unread_cache_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user) -> int:
    """The bell's number: one query at most, none while the cache holds it."""
    if not permissions.is_member(user):
        return 0
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Delivery.objects.filter(
            recipient=user,
            channel=Channel.INAPP,
            status=Delivery.Status.SENT,
            read_at__isnull=True,
        ).count()
        cache.set(key, count, UNREAD_TTL)
    return count


def forget_unread(user_ids) -> None:
    cache.delete_many([unread_cache_key(user_id) for user_id in user_ids])


def inbox(user) -> QuerySet[Delivery]:
    """The user's own in-app notifications, newest first."""
    return Delivery.objects.filter(
        recipient=user, channel=Channel.INAPP, status=Delivery.Status.SENT
    ).order_by("-sent_at", "-pk")


def deliveries_for_staff(user) -> QuerySet[Delivery]:
    """The delivery log: everything for a site administrator, the wards they oversee for an
    official (deliveries with no ward — digests — only for the site administrator)."""
    rows = Delivery.objects.select_related("recipient", "ward").order_by("-created_at", "-pk")
    if permissions.is_site_admin(user):
        return rows
    if not permissions.is_staff_official(user):
        return rows.none()
    return rows.filter(ward__in=permissions.wards_overseen(user))
