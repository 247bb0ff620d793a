"""Factories of the members app."""

import factory
from django.utils import timezone

from members.models import Consent, MemberProfile, Organisation, OrganisationMembership
from members.text import fold
from tests.factories import UserFactory, WardFactory


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    gender = "male"
    birth_year = 1990
    phone = factory.Sequence(lambda n: f"+8491{n:07d}")
    ward = factory.SubFactory(WardFactory)
    province = factory.SelfAttribute("ward.province")
    occupation = "Kỹ sư"
    search_name = factory.LazyAttribute(lambda o: fold(o.user.full_name))

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            Consent.objects.create(user=obj.user, policy_version="2026-01", given_at=timezone.now())


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Hội Phụ nữ phường {n}")
    kind = "mass_organisation"
    province = factory.LazyFunction(lambda: WardFactory().province)
    contact_email = "lienhe@example.com"
    description = "Tổ chức thành viên."
    status = Organisation.Status.VERIFIED
    search_name = factory.LazyAttribute(lambda o: fold(o.name))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMembership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = OrganisationMembership.Role.MEMBER
    status = OrganisationMembership.Status.APPROVED


def member(**kwargs):
    """A user with a profile."""
    return MemberProfileFactory(**kwargs).user
