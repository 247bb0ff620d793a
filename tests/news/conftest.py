import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded photos go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def layout_queries(client, django_assert_num_queries):
    """Queries the shared layout costs a signed-in person (session, user, roles, menu …),
    measured on the about page, which reads nothing itself. Newsroom pins add their own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def measure() -> int:
        client.get("/about/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/about/")
        return len(queries)

    return measure
