"""Run the pipeline the way beat and the worker do, at a frozen moment."""

import itertools

from network_portal.notifications import services
from network_portal.notifications.models import Delivery

_claims = itertools.count()


def run(now):
    """One beat tick: scan, then send every pending batch, at `now`."""
    services.scan(now=now)
    for batch in services.pending_batches(now=now):
        services.deliveries_send(ids=batch, claim=f"test-{next(_claims)}", now=now)


def sent(**filters):
    return Delivery.objects.filter(status=Delivery.Status.SENT, **filters)


def recipients(template, channel="inapp"):
    return set(sent(template=template, channel=channel).values_list("recipient_id", flat=True))
