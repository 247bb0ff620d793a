"""Reads of the notifications app, already scoped to who may see them."""

from __future__ import annotations

from django.db.models import QuerySet

from network_portal.roles import permissions

from .models import Channel, Delivery


def unread_count(user) -> int:
    """The bell's number: one query."""
    if not permissions.is_member(user):
        return 0
    return Delivery.objects.filter(
        recipient=user, channel=Channel.INAPP, status=Delivery.Status.SENT, read_at__isnull=True
    ).count()


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
