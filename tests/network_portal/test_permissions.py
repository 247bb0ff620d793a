import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from network_portal.roles import permissions
from network_portal.roles.models import Role, RoleAssignment
from tests.factories import (
    UserFactory,
    WardFactory,
    editor,
    province_official,
    site_admin,
    ward_official,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def wards():
    here = WardFactory()
    same_province = WardFactory(province=here.province)
    elsewhere = WardFactory()
    return here, same_province, elsewhere


def test_it_lets_a_ward_official_manage_only_their_wards(wards):
    here, same_province, elsewhere = wards
    official = ward_official(here)

    assert permissions.can_manage_ward(official, here)
    assert not permissions.can_manage_ward(official, same_province)
    assert not permissions.can_manage_ward(official, elsewhere)
    assert permissions.can_oversee_ward(official, here)
    assert not permissions.can_oversee_ward(official, elsewhere)
    assert set(permissions.wards_managed(official)) == {here}


def test_it_lets_an_official_hold_several_wards(wards):
    here, same_province, _elsewhere = wards
    official = ward_official(here)
    RoleAssignment.objects.create(user=official, role=Role.WARD_OFFICIAL, ward=same_province)
    permissions.forget_roles(official)

    assert set(permissions.wards_managed(official)) == {here, same_province}


def test_it_lets_a_province_official_oversee_but_not_manage_their_province(wards):
    here, same_province, elsewhere = wards
    official = province_official(here.province)

    assert permissions.can_oversee_ward(official, here)
    assert permissions.can_oversee_ward(official, same_province)
    assert not permissions.can_oversee_ward(official, elsewhere)
    assert not permissions.can_manage_ward(official, here)
    assert set(permissions.wards_overseen(official)) == {here, same_province}


@pytest.mark.parametrize(
    "make_user",
    [lambda: AnonymousUser(), lambda: UserFactory(), lambda: editor()],
    ids=["anonymous", "member", "editor"],
)
def test_it_refuses_ward_work_to_people_without_a_ward_role(wards, make_user):
    here, _same, _elsewhere = wards
    user = make_user()

    assert not permissions.can_manage_ward(user, here)
    assert not permissions.can_oversee_ward(user, here)
    assert list(permissions.wards_overseen(user)) == []


def test_it_lets_a_site_administrator_do_everything(wards):
    here, _same, elsewhere = wards
    admin = site_admin()

    assert permissions.can_manage_ward(admin, elsewhere)
    assert permissions.is_editor(admin)


def test_it_ignores_inactive_roles_and_inactive_users(wards):
    here, _same, _elsewhere = wards
    official = ward_official(here)
    RoleAssignment.objects.filter(user=official).update(is_active=False)
    permissions.forget_roles(official)
    assert not permissions.can_manage_ward(official, here)

    blocked = ward_official(here, is_active=False)
    assert not permissions.can_manage_ward(blocked, here)


def test_it_reads_roles_once_per_user(wards, django_assert_num_queries):
    here, same_province, elsewhere = wards
    official = ward_official(here)

    with django_assert_num_queries(1):
        for ward in (here, same_province, elsewhere, here):
            permissions.can_manage_ward(official, ward)
            permissions.can_oversee_ward(official, ward)


def test_it_answers_the_same_through_has_perm(wards):
    here, _same, elsewhere = wards
    official = ward_official(here)

    assert official.has_perm("places.add_block", here)
    assert not official.has_perm("places.add_block", elsewhere)


@pytest.mark.parametrize(
    ("role", "scope", "field"),
    [
        (Role.WARD_OFFICIAL, {}, "ward"),
        (Role.PROVINCE_OFFICIAL, {}, "province"),
    ],
)
def test_it_requires_the_scope_a_role_needs(role, scope, field):
    assignment = RoleAssignment(user=UserFactory(), role=role, **scope)

    with pytest.raises(ValidationError) as error:
        assignment.full_clean()

    assert field in error.value.message_dict


def test_it_drops_a_scope_an_editor_does_not_have(wards):
    here, _same, _elsewhere = wards
    assignment = RoleAssignment(user=UserFactory(), role=Role.EDITOR, ward=here)

    assignment.full_clean()

    assert assignment.ward is None
