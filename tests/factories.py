"""factory_boy factories for the foundation. Apps add theirs in tests/<app>/factories.py."""

import factory
from allauth.account.models import EmailAddress

from network_portal.accounts.models import User
from network_portal.places.models import Block, Province, Ward
from network_portal.roles.models import Role, RoleAssignment

PASSWORD = "mật-khẩu-thử-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nguoi{n}@example.com")
    full_name = factory.Iterator(
        ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
    )

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: 900 + n)
    name = factory.Sequence(lambda n: f"Tỉnh Thử {n}")
    codename = factory.Sequence(lambda n: f"tinh_thu_{n}")
    division_type = "tỉnh"


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ward
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: 90000 + n)
    province = factory.SubFactory(ProvinceFactory)
    name = factory.Sequence(lambda n: f"Phường Thử {n}")
    codename = factory.Sequence(lambda n: f"phuong_thu_{n}")
    division_type = "phường"


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    ward = factory.SubFactory(WardFactory)
    kind = Block.Kind.RESIDENTIAL_GROUP
    name = factory.Sequence(lambda n: str(n + 1))


def ward_official(ward, **kwargs) -> User:
    user = UserFactory(**kwargs)
    RoleAssignment.objects.create(user=user, role=Role.WARD_OFFICIAL, ward=ward)
    return user


def province_official(province, **kwargs) -> User:
    user = UserFactory(**kwargs)
    RoleAssignment.objects.create(user=user, role=Role.PROVINCE_OFFICIAL, province=province)
    return user


def editor(**kwargs) -> User:
    user = UserFactory(**kwargs)
    RoleAssignment.objects.create(user=user, role=Role.EDITOR)
    return user


def site_admin(**kwargs) -> User:
    return UserFactory(is_staff=True, is_superuser=True, **kwargs)
