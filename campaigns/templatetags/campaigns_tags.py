from django import template
from django.utils import timezone

from .. import selectors

register = template.Library()


@register.inclusion_tag("campaigns/includes/banner.html")
def campaign_banner():
    """The campaign running today (the national Action Month first), with its counters:
    one query, whatever the number of activities and pledges."""
    return {"campaign": selectors.running_campaigns(timezone.localdate()).first()}


@register.inclusion_tag("campaigns/includes/my_pledges.html")
def my_pledges_section(user):
    """The member's pledges for the profile page (two queries)."""
    if not getattr(user, "is_authenticated", False):
        return {"pledges": [], "running": None}
    pledges = list(selectors.pledges_of_user(user)[:10])
    running = None
    if not pledges:
        running = selectors.running_campaigns(timezone.localdate()).first()
    return {"pledges": pledges, "running": running}
