from io import StringIO

import pytest
from django.core.management import call_command

from network_portal.accounts.models import User
from network_portal.places.models import Block
from network_portal.roles import permissions
from network_portal.roles.models import RoleAssignment

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_it_makes_a_demo_account_for_every_role_and_prints_the_logins():
    output = seed()

    for email in [
        "quantri@example.com",
        "bientap@example.com",
        "canbotinh@example.com",
        "canbophuong@example.com",
        "chunhiem@example.com",
        "thanhvien@example.com",
    ]:
        assert email in output
        assert User.objects.get(email=email).check_password("demo-mang-luoi-2026")
    assert permissions.is_site_admin(User.objects.get(email="quantri@example.com"))
    assert permissions.is_editor(User.objects.get(email="bientap@example.com"))
    assert permissions.is_province_official(User.objects.get(email="canbotinh@example.com"))
    assert permissions.is_ward_official(User.objects.get(email="canbophuong@example.com"))


def test_it_can_run_again_without_duplicating_anything():
    seed()
    counts = (User.objects.count(), RoleAssignment.objects.count(), Block.objects.count())

    seed()

    assert (User.objects.count(), RoleAssignment.objects.count(), Block.objects.count()) == counts


def test_it_uses_vietnamese_names_for_men_and_women():
    seed()

    names = set(User.objects.values_list("full_name", flat=True))
    assert {"Nguyễn Văn An", "Nguyễn Thị Lan", "Hoàng Văn Dũng"} <= names
