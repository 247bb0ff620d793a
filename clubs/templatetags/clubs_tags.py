from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("clubs/includes/profile_section.html")
def my_clubs_section(user):
    """The member's clubs and next meetings, for the profile page (three queries in all)."""
    if not getattr(user, "is_authenticated", False):
        return {"entries": [], "meetings": []}
    return {
        "entries": list(selectors.clubs_of_user(user)),
        "meetings": list(selectors.upcoming_meetings_of_user(user, limit=5)),
    }
