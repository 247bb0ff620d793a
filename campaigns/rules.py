"""Who may do what in the campaigns app, built from network_portal.roles.permissions and the
clubs and members rules.

- Campaigns and commendations: the site administrator.
- Activities: a club's board (and its ward's officials, who do the ward's data entry)
  register them for the club; an approved representative of a verified member organisation
  registers them for the organisation.
- Pledges, the progress pages, the honour roll and certificate verification are public.
"""

from __future__ import annotations

import rules

from clubs import rules as club_rules
from network_portal.roles.permissions import is_member, is_site_admin, site_admin


def can_register_for_club(user, club) -> bool:
    return club is not None and club_rules.can_manage_club(user, club)


def can_register_for_organisation(user, organisation) -> bool:
    if organisation is None or not is_member(user) or not organisation.is_verified:
        return False
    if is_site_admin(user):
        return True
    return organisation.memberships.filter(
        user=user, role="representative", status="approved"
    ).exists()


def can_add_activity(user, campaign) -> bool:
    """Any club or organisation in the campaign's scope this user may register for."""
    if campaign is None or not is_member(user) or not campaign.accepts_activities():
        return False
    from . import selectors

    clubs, organisations = selectors.organisers_for(user, campaign)
    return clubs.exists() or organisations.exists()


def can_change_activity(user, activity) -> bool:
    if activity is None:
        return False
    if activity.club_id:
        return can_register_for_club(user, activity.club)
    return can_register_for_organisation(user, activity.organisation)


add_activity = rules.predicate(can_add_activity, name="can_add_activity")
change_activity = rules.predicate(can_change_activity, name="can_change_activity")

rules.add_perm("campaigns.manage_campaign", site_admin)
rules.add_perm("campaigns.record_commendation", site_admin)
rules.add_perm("campaigns.moderate_pledges", site_admin)
rules.add_perm("campaigns.add_activity", add_activity)
rules.add_perm("campaigns.change_activity", change_activity)
