"""Who may do what with notifications (the questions are answered in roles.permissions)."""

import rules

from network_portal.roles import permissions

rules.add_perm(
    "notifications.view_delivery_log",
    permissions.site_admin | permissions.ward_official | permissions.province_official,
)
