"""Django messages whose shipped Vietnamese is unclear; listing them here puts them in our
catalogue (locale/vi), which Django reads before its own. Never imported."""

from django.utils.translation import gettext_noop as _

OVERRIDDEN = [
    # Django's vi says "Nhập địa chỉ email." ("enter an e-mail"): it does not say what is wrong.
    _("Enter a valid email address."),
]


def _plural_overrides(n):
    """Django ships no Vietnamese for these plurals (seen on the sign-up form)."""
    from django.utils.translation import ngettext

    return [
        ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            n,
        ),
    ]
