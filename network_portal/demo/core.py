"""The foundation's part of the demo: places, the demo accounts of every role, people, blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command

from network_portal.accounts.models import User
from network_portal.places.models import Block, Province, Ward
from network_portal.roles.models import Role, RoleAssignment

HA_NOI, DA_NANG = 1, 48
WARD_CODES = {
    "hai_chau": 20242,  # Phường Hải Châu, Đà Nẵng
    "thanh_khe": 20209,  # Phường Thanh Khê, Đà Nẵng
    "hoa_vang": 20320,  # Xã Hòa Vang, Đà Nẵng
    "hoan_kiem": 70,  # Phường Hoàn Kiếm, Hà Nội
    "ba_dinh": 4,  # Phường Ba Đình, Hà Nội
}


@dataclass(frozen=True)
class Person:
    key: str
    full_name: str
    gender: str  # "male" / "female": the members app turns this into the profile's gender
    birth_year: int
    ward: str  # a key of WARD_CODES
    occupation: str
    email: str = ""  # a login only for the demo accounts and a few others


# The demo accounts, one for each role (see ctx.logins), then people without a role.
PEOPLE = [
    Person(
        "admin",
        "Trần Minh Quân",
        "male",
        1980,
        "hai_chau",
        "Chuyên viên công nghệ thông tin",
        "quantri@example.com",
    ),
    Person("editor", "Lê Thu Hà", "female", 1992, "hai_chau", "Phóng viên", "bientap@example.com"),
    Person(
        "province_official",
        "Phạm Văn Hùng",
        "male",
        1975,
        "thanh_khe",
        "Chuyên viên Sở Y tế",
        "canbotinh@example.com",
    ),
    Person(
        "ward_official",
        "Nguyễn Thị Lan",
        "female",
        1986,
        "hai_chau",
        "Công chức văn hóa – xã hội",
        "canbophuong@example.com",
    ),
    Person(
        "chair",
        "Hoàng Văn Dũng",
        "male",
        1968,
        "hai_chau",
        "Cựu chiến binh",
        "chunhiem@example.com",
    ),
    Person(
        "member",
        "Nguyễn Văn An",
        "male",
        1990,
        "hai_chau",
        "Kỹ sư xây dựng",
        "thanhvien@example.com",
    ),
    Person(
        "hn_official",
        "Đỗ Thị Mai",
        "female",
        1983,
        "hoan_kiem",
        "Công chức văn hóa – xã hội",
        "canbo.hoankiem@example.com",
    ),
    Person(
        "vice_chair",
        "Võ Đức Thắng",
        "male",
        1972,
        "hai_chau",
        "Tổ trưởng tổ dân phố",
        "phochunhiem@example.com",
    ),
    Person(
        "counsellor",
        "Bùi Thị Hạnh",
        "female",
        1979,
        "hai_chau",
        "Cộng tác viên dân số",
        "tuvan@example.com",
    ),
    Person("p10", "Lê Quang Minh", "male", 1958, "hai_chau", "Hưu trí"),
    Person("p11", "Trương Văn Phúc", "male", 1966, "hai_chau", "Bảo vệ dân phố"),
    Person("p12", "Ngô Thị Hồng", "female", 1970, "hai_chau", "Buôn bán nhỏ"),
    Person("p13", "Huỳnh Văn Tài", "male", 1995, "thanh_khe", "Công nhân"),
    Person("p14", "Phan Thị Thu", "female", 1988, "thanh_khe", "Giáo viên mầm non"),
    Person("p15", "Đặng Văn Lực", "male", 1962, "hoa_vang", "Nông dân"),
    Person("p16", "Mai Thị Ngọc", "female", 1999, "hoa_vang", "Sinh viên"),
    Person(
        "p17", "Vũ Minh Tuấn", "male", 2001, "hoan_kiem", "Tình nguyện viên", "tuan.vu@example.com"
    ),
    Person("p18", "Trịnh Văn Khải", "male", 1977, "ba_dinh", "Lái xe"),
    Person("p19", "Lý Thị Bích", "female", 1984, "ba_dinh", "Kế toán"),
    Person("p20", "Cao Văn Sơn", "male", 1969, "hoan_kiem", "Thợ điện"),
]

LOGIN_LABELS = [
    ("admin", "Quản trị viên"),
    ("editor", "Biên tập viên"),
    ("province_official", "Cán bộ tỉnh (Đà Nẵng)"),
    ("ward_official", "Cán bộ phường (Hải Châu, Thanh Khê)"),
    ("chair", "Chủ nhiệm CLB"),
    ("member", "Thành viên"),
]

BLOCKS = {
    "hai_chau": [(Block.Kind.RESIDENTIAL_GROUP, str(n)) for n in range(1, 10)],
    "thanh_khe": [(Block.Kind.RESIDENTIAL_GROUP, str(n)) for n in range(1, 6)],
    "hoa_vang": [(Block.Kind.HAMLET, name) for name in ("Phú Sơn", "Dương Lâm", "An Ngãi Tây")],
    "hoan_kiem": [(Block.Kind.RESIDENTIAL_GROUP, str(n)) for n in range(1, 5)],
}


@dataclass
class DemoContext:
    """What each app's seeder builds on; later seeders add their own keys to `extra`."""

    stdout: object
    users: dict[str, User] = field(default_factory=dict)
    people: list[tuple[Person, User]] = field(default_factory=list)
    wards: dict[str, Ward] = field(default_factory=dict)
    provinces: dict[str, Province] = field(default_factory=dict)
    logins: list[tuple[str, str]] = field(default_factory=list)
    extra: dict = field(default_factory=dict)


def seed(ctx: DemoContext) -> None:
    if not Ward.objects.filter(code=WARD_CODES["hai_chau"]).exists():
        call_command("load_places", stdout=ctx.stdout)
    ctx.provinces = {
        "ha_noi": Province.objects.get(code=HA_NOI),
        "da_nang": Province.objects.get(code=DA_NANG),
    }
    ctx.wards = {key: Ward.objects.get(code=code) for key, code in WARD_CODES.items()}

    for person in PEOPLE:
        ctx.users[person.key] = user = _demo_user(person)
        ctx.people.append((person, user))

    _grant(ctx.users["ward_official"], Role.WARD_OFFICIAL, ward=ctx.wards["hai_chau"])
    _grant(ctx.users["ward_official"], Role.WARD_OFFICIAL, ward=ctx.wards["thanh_khe"])
    _grant(ctx.users["hn_official"], Role.WARD_OFFICIAL, ward=ctx.wards["hoan_kiem"])
    _grant(
        ctx.users["province_official"], Role.PROVINCE_OFFICIAL, province=ctx.provinces["da_nang"]
    )
    _grant(ctx.users["editor"], Role.EDITOR)

    for ward_key, blocks in BLOCKS.items():
        for kind, name in blocks:
            Block.objects.get_or_create(
                ward=ctx.wards[ward_key],
                kind=kind,
                name=name,
                defaults={"created_by": ctx.users["ward_official"]},
            )

    ctx.logins = [(label, ctx.users[key].email) for key, label in LOGIN_LABELS]


def _demo_user(person: Person) -> User:
    email = person.email or f"{person.key}.demo@example.com"
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": person.full_name,
            "is_staff": person.key == "admin",
            "is_superuser": person.key == "admin",
        },
    )
    if created:
        if person.email:
            user.set_password(settings.DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
    if person.email:
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user


def _grant(user: User, role: str, *, ward=None, province=None) -> None:
    RoleAssignment.objects.get_or_create(user=user, role=role, ward=ward, province=province)
