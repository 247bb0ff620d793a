import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded photos and logos go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def layout_queries(client):
    """The queries every page makes for its layout (session, user, menu roles, whatever the
    shared header adds) for the logged-in client: a page's own queries are pinned on top of it,
    so a change in the shared header does not move this app's pins."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    def count() -> int:
        client.get(reverse("members:privacy_policy"))  # a page with no queries of its own
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("members:privacy_policy"))
        return len(captured)

    return count
