"""Who may do what in the clubs app.

Club board (chair, vice-chair, board member) and advisory team come from the roster: a
user's current roster roles are read with one query and cached on the user object, the same
way `permissions.scope_of` caches staff roles. Cases follow the strictest rule of the portal:
only that club's advisory team and chair, and that ward's own officials, see a case at all —
not editors, not province officials, not the site administrator (cases are not in the admin
either). Identifying details: only the counsellor holding the case.
"""

from __future__ import annotations

import rules

from network_portal.roles import permissions

from .models import RosterEntry

BOARD_ROLES = frozenset(RosterEntry.BOARD_ROLES)


def club_roles_of(user) -> dict[int, frozenset[str]]:
    """{club id: the user's current roster roles there}, one query, cached on the user."""
    if not permissions.is_member(user):
        return {}
    cached = getattr(user, "_club_roles", None)
    if cached is not None:
        return cached
    roles: dict[int, set[str]] = {}
    for club_id, role in RosterEntry.objects.filter(user=user, left_on__isnull=True).values_list(
        "club_id", "role"
    ):
        roles.setdefault(club_id, set()).add(role)
    result = {club_id: frozenset(r) for club_id, r in roles.items()}
    user._club_roles = result
    return result


def forget_club_roles(user) -> None:
    user.__dict__.pop("_club_roles", None)


def _roles_in(user, club) -> frozenset[str]:
    if club is None:
        return frozenset()
    return club_roles_of(user).get(club.pk, frozenset())


# --- Plain questions ------------------------------------------------------------------------
def is_club_chair(user, club) -> bool:
    return RosterEntry.Role.CHAIR in _roles_in(user, club)


def is_club_board(user, club) -> bool:
    return bool(_roles_in(user, club) & BOARD_ROLES)


def is_advisory_team_member(user, club) -> bool:
    return RosterEntry.Role.ADVISORY in _roles_in(user, club)


def is_on_roster(user, club) -> bool:
    return bool(_roles_in(user, club))


def is_ward_own_official(user, ward) -> bool:
    """A ward official of exactly this ward (not the admin, not the province)."""
    return ward is not None and ward.pk in permissions.scope_of(user).ward_ids


def can_manage_club(user, club) -> bool:
    """Edit the club, its roster and meetings: its board and its ward's officials."""
    if club is None:
        return False
    return is_club_board(user, club) or permissions.can_manage_ward(user, club.ward)


def can_see_club_staff_pages(user, club) -> bool:
    """Roster with phones, join requests, attendance: managers and the ward's overseers."""
    if club is None:
        return False
    return can_manage_club(user, club) or permissions.can_oversee_ward(user, club.ward)


def can_see_cases(user, club) -> bool:
    if club is None or not permissions.is_member(user):
        return False
    return (
        is_club_chair(user, club)
        or is_advisory_team_member(user, club)
        or is_ward_own_official(user, club.ward)
    )


def can_record_case(user, club) -> bool:
    return club is not None and is_advisory_team_member(user, club)


def can_view_case(user, case) -> bool:
    return case is not None and can_see_cases(user, case.club)


def can_change_case(user, case) -> bool:
    return (
        case is not None
        and case.holder_id == getattr(user, "pk", None)
        and can_see_cases(user, case.club)
    )


def can_view_case_identity(user, case) -> bool:
    return can_change_case(user, case)


def can_ask_to_join(user, club) -> bool:
    return permissions.is_member(user) and club is not None and not is_on_roster(user, club)


# --- Predicates and permissions -------------------------------------------------------------
club_chair = rules.predicate(is_club_chair, name="is_club_chair")
club_board = rules.predicate(is_club_board, name="is_club_board")
advisory_team_member = rules.predicate(is_advisory_team_member, name="is_advisory_team_member")
manages_club = rules.predicate(can_manage_club, name="manages_club")
sees_club_staff_pages = rules.predicate(can_see_club_staff_pages, name="sees_club_staff_pages")

rules.add_perm("clubs.change_club", manages_club)
rules.add_perm("clubs.view_roster", sees_club_staff_pages)
rules.add_perm("clubs.manage_roster", manages_club)
rules.add_perm("clubs.manage_meetings", manages_club)
rules.add_perm("clubs.ask_to_join", rules.predicate(can_ask_to_join, name="can_ask_to_join"))
# Cases are deliberately NOT registered as `has_perm` permissions: Django's ModelBackend answers
# `has_perm` with yes for every active superuser, and cases are closed to the site
# administrator. Views, templates and services ask `can_see_cases`, `can_record_case`,
# `can_view_case`, `can_change_case` and `can_view_case_identity` directly.
