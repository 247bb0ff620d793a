from django.conf import settings

from network_portal.roles import permissions


def portal(request):
    """What the base layout needs on every page: the user's roles for the menu."""
    user = getattr(request, "user", None)
    return {
        "SITE_URL": settings.SITE_URL,
        "is_site_admin": permissions.is_site_admin(user) if user else False,
        "is_editor": permissions.is_editor(user) if user else False,
        "is_official": permissions.is_staff_official(user) if user else False,
    }
