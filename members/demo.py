"""This app's part of `seed_demo` (see network_portal/demo/core.py for `ctx`)."""


def seed(ctx) -> None:
    """Nothing yet: the app's issue adds its demo here."""
