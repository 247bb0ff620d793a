from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("clubs/includes/_my_clubs.html")
def my_clubs_section(user):
    """The member's clubs, for the profile page (one query)."""
    if not getattr(user, "is_authenticated", False):
        return {"entries": []}
    return {"entries": list(selectors.clubs_of_user(user))}


@register.inclusion_tag("clubs/includes/_member_clubs.html")
def member_clubs_section(user):
    """Another member's clubs on their public profile (one query; nothing when unlisted)."""
    if user is None or not getattr(user, "pk", None):
        return {"entries": []}
    return {"entries": list(selectors.public_clubs_of_member(user))}


@register.inclusion_tag("clubs/includes/_my_meetings.html")
def my_meetings_section(user):
    """The member's next meetings, for the profile page (one query)."""
    if not getattr(user, "is_authenticated", False):
        return {"meetings": []}
    return {"meetings": list(selectors.upcoming_meetings_of_user(user, limit=5))}
