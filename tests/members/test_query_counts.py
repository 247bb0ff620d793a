"""The profile page and the verification list do not grow in queries with their rows."""

import pytest
from django.urls import reverse

from tests.factories import site_admin
from tests.members.factories import MemberProfileFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_it_shows_my_profile_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, layout_queries, monkeypatch
):
    # The sections other apps provide (clubs, pledges) pin their own queries in their tests.
    monkeypatch.setattr("members.views.PROFILE_SECTIONS", [])
    profile = MemberProfileFactory()
    MembershipFactory.create_batch(2, user=profile.user)
    client.force_login(profile.user)
    url = reverse("members:my_profile")
    client.get(url)
    layout = layout_queries()

    # the layout, then: my profile (joined), my organisations (joined)
    with django_assert_num_queries(layout + 2):
        client.get(url)
    MembershipFactory.create_batch(10, user=profile.user)
    with django_assert_num_queries(layout + 2):
        response = client.get(url)
    assert response.content.decode().count('href="/members/organisations/') >= 12


def test_it_lists_pending_organisations_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, layout_queries
):
    client.force_login(site_admin())
    OrganisationFactory.create_batch(2, status="pending")
    url = reverse("members:organisations_pending")
    client.get(url)
    layout = layout_queries()

    # the layout, then: count, one page of organisations with province and registrant joined
    with django_assert_num_queries(layout + 2):
        client.get(url)
    OrganisationFactory.create_batch(10, status="pending")
    with django_assert_num_queries(layout + 2):
        response = client.get(url)
    assert response.content.decode().count("Xác minh và đưa vào danh sách") == 12
