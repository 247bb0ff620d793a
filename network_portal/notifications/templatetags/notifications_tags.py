from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The bell's unread count, read once per request (one query)."""
    request = context.get("request")
    user = context.get("user")
    if request is not None:
        cached = getattr(request, "_unread_notifications", None)
        if cached is not None:
            return cached
    count = selectors.unread_count(user)
    if request is not None:
        request._unread_notifications = count
    return count
