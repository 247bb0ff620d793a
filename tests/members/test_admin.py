import pytest
from django.urls import reverse

from members.models import Organisation
from tests.factories import UserFactory, site_admin
from tests.members.factories import MemberProfileFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["memberprofile", "consent", "organisation", "organisationmembership"]
)
def test_it_gives_site_admins_searchable_filterable_lists(client, model):
    MemberProfileFactory(user__full_name="Nguyễn Văn An")
    MembershipFactory()
    client.force_login(site_admin())

    url = reverse(f"admin:members_{model}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "an"}).status_code == 200


def test_it_keeps_members_out_of_the_admin(client):
    client.force_login(UserFactory())

    response = client.get(reverse("admin:members_memberprofile_changelist"))

    assert response.status_code == 302


def test_it_verifies_organisations_with_an_admin_action(client):
    organisation = OrganisationFactory(status="pending")
    admin = site_admin()
    client.force_login(admin)

    client.post(
        reverse("admin:members_organisation_changelist"),
        {"action": "verify", "_selected_action": [organisation.pk]},
    )

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.VERIFIED
    assert organisation.verified_by == admin
