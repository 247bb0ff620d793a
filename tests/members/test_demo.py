import io

import pytest
from django.core.management import call_command

from members.models import Consent, MemberProfile, Organisation, OrganisationMembership

pytestmark = pytest.mark.django_db


def counts():
    return (
        MemberProfile.objects.count(),
        Consent.objects.count(),
        Organisation.objects.count(),
        OrganisationMembership.objects.count(),
    )


def test_it_seeds_profiles_and_organisations_once(settings):
    settings.DEMO_SEEDERS = ["network_portal.demo.core.seed", "members.demo.seed"]
    call_command("seed_demo", stdout=io.StringIO())
    first = counts()
    call_command("seed_demo", stdout=io.StringIO())

    assert counts() == first
    from network_portal.demo.core import PEOPLE

    assert first[0] == len(PEOPLE) == first[1]
    statuses = dict(Organisation.objects.values_list("kind", "status"))
    assert statuses == {
        "mass_organisation": "verified",
        "network_abroad": "verified",
        "company": "pending",
    }
    assert Organisation.objects.get(kind="network_abroad").country == "Nhật Bản"
    assert OrganisationMembership.objects.filter(status="pending").count() == 2
    an = MemberProfile.objects.get(user__email="thanhvien@example.com")
    assert (an.search_name, an.gender, an.ward.name) == ("nguyen van an", "male", "Phường Hải Châu")
