"""Object permissions of the members app, built from network_portal.roles.permissions."""

import rules

from network_portal.roles.permissions import is_site_admin, member, site_admin


@rules.predicate
def is_representative(user, organisation) -> bool:
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    return organisation.memberships.filter(
        user=user, role="representative", status="approved"
    ).exists()


@rules.predicate
def is_profile_owner(user, profile) -> bool:
    return profile is not None and profile.user_id == getattr(user, "pk", None)


@rules.predicate
def can_see_profile(user, profile) -> bool:
    """Members see listed profiles; the owner and site administrators see any."""
    if profile is None:
        return False
    if profile.user_id == getattr(user, "pk", None) or is_site_admin(user):
        return True
    return profile.is_listed


rules.add_perm("members.view_directory", member)
rules.add_perm("members.view_profile", member & can_see_profile)
rules.add_perm("members.change_profile", is_profile_owner)
rules.add_perm("members.export_members", site_admin)
rules.add_perm("members.verify_organisation", site_admin)
rules.add_perm("members.register_organisation", member)
rules.add_perm("members.join_organisation", member)
rules.add_perm("members.manage_organisation", site_admin | is_representative)
