"""Who may do what, answered in one place.

Every view, template, selector and test asks these functions (or the `rules` permissions
built from them in each app's `rules.py`), so "may this user see/edit this object" has one
answer. A user's role rows are read once and kept on the user object for the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import rules

from .models import Role, RoleAssignment


@dataclass(frozen=True)
class RoleScope:
    ward_ids: frozenset[int] = field(default_factory=frozenset)
    province_ids: frozenset[int] = field(default_factory=frozenset)
    is_editor: bool = False


_EMPTY = RoleScope()


def scope_of(user) -> RoleScope:
    """The user's staff roles, read with one query and cached on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return _EMPTY
    cached = getattr(user, "_portal_role_scope", None)
    if cached is not None:
        return cached
    ward_ids, province_ids, editor = set(), set(), False
    for role, ward_id, province_id in (
        RoleAssignment.objects.current()
        .filter(user=user)
        .values_list("role", "ward_id", "province_id")
    ):
        if role == Role.WARD_OFFICIAL:
            ward_ids.add(ward_id)
        elif role == Role.PROVINCE_OFFICIAL:
            province_ids.add(province_id)
        elif role == Role.EDITOR:
            editor = True
    scope = RoleScope(frozenset(ward_ids), frozenset(province_ids), editor)
    user._portal_role_scope = scope
    return scope


def forget_roles(user) -> None:
    """Drop the cached scope (after roles change within one request, and in tests)."""
    user.__dict__.pop("_portal_role_scope", None)


# --- Plain questions ------------------------------------------------------------------------
def is_site_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def is_member(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def is_editor(user) -> bool:
    return is_site_admin(user) or scope_of(user).is_editor


def is_ward_official(user) -> bool:
    return bool(scope_of(user).ward_ids)


def is_province_official(user) -> bool:
    return bool(scope_of(user).province_ids)


def is_staff_official(user) -> bool:
    return is_ward_official(user) or is_province_official(user)


def can_manage_ward(user, ward) -> bool:
    """Work inside a ward: its blocks, its clubs' data entry. The ward's own officials."""
    if ward is None:
        return False
    return is_site_admin(user) or ward.pk in scope_of(user).ward_ids


def can_oversee_ward(user, ward) -> bool:
    """Read a ward's staff pages and review its work: its officials and its province's."""
    if ward is None:
        return False
    return can_manage_ward(user, ward) or ward.province_id in scope_of(user).province_ids


def can_oversee_province(user, province) -> bool:
    if province is None:
        return False
    return is_site_admin(user) or province.pk in scope_of(user).province_ids


# --- Scoped querysets -----------------------------------------------------------------------
def wards_overseen(user):
    """The wards whose staff pages the user may read (managed or in an overseen province)."""
    from network_portal.places.models import Ward

    if is_site_admin(user):
        return Ward.objects.all()
    scope = scope_of(user)
    if not scope.ward_ids and not scope.province_ids:
        return Ward.objects.none()
    from django.db.models import Q

    return Ward.objects.filter(Q(pk__in=scope.ward_ids) | Q(province_id__in=scope.province_ids))


def wards_managed(user):
    from network_portal.places.models import Ward

    if is_site_admin(user):
        return Ward.objects.all()
    return Ward.objects.filter(pk__in=scope_of(user).ward_ids)


# --- `rules` predicates, for `has_perm` in views and templates ------------------------------
member = rules.predicate(is_member)
site_admin = rules.predicate(is_site_admin)
editor = rules.predicate(is_editor)
ward_official = rules.predicate(is_ward_official)
province_official = rules.predicate(is_province_official)
manages_ward = rules.predicate(can_manage_ward, name="manages_ward")
oversees_ward = rules.predicate(can_oversee_ward, name="oversees_ward")
oversees_province = rules.predicate(can_oversee_province, name="oversees_province")
