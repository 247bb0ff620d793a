"""Object permissions of the cross-cutting apps (places). Apps register theirs in their own
`rules.py`, built from the predicates in `network_portal.roles.permissions`."""

import rules

from .permissions import manages_ward, oversees_ward

rules.add_perm("places.view_ward_blocks", oversees_ward)
rules.add_perm("places.add_block", manages_ward)
