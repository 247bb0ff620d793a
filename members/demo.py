"""This app's part of `seed_demo`: a profile for every demo person, and member organisations
(verified and waiting) with linked people. Idempotent: running it twice changes nothing."""

from django.utils import timezone

from .models import (
    PRIVACY_POLICY_VERSION,
    Consent,
    MemberProfile,
    Organisation,
    OrganisationMembership,
)
from .text import fold

# People who chose to show more than the default (name, ward, clubs).
OPEN_PEOPLE = {"chair", "vice_chair", "counsellor", "ward_official", "p17", "member"}

AFFILIATIONS = {
    "ward_official": "womens_union",
    "counsellor": "health_collaborator",
    "p11": "block_security_team",
    "p12": "womens_union",
    "p15": "farmers_association",
    "p10": "elderly_association",
    "p17": "youth_union",
    "vice_chair": "fatherland_front",
}

ORGANISATIONS = [
    {
        "key": "womens_union",
        "name": "Hội Liên hiệp Phụ nữ phường Hải Châu",
        "kind": "mass_organisation",
        "province": "da_nang",
        "country": "",
        "website": "https://phunu-haichau.example.vn",
        "contact_email": "phunu.haichau@example.com",
        "contact_phone": "0236 3822 111",
        "description": "Chi hội phụ nữ của phường Hải Châu, phối hợp với câu lạc bộ nam giới "
        "tiên phong trong tuyên truyền phòng ngừa bạo lực gia đình.",
        "goals": "Bình đẳng giới trong gia đình; an toàn cho phụ nữ và trẻ em gái.",
        "status": Organisation.Status.VERIFIED,
        "people": [
            ("ward_official", "representative", "approved"),
            ("counsellor", "member", "approved"),
            ("p12", "member", "approved"),
            ("p14", "member", "pending"),
        ],
    },
    {
        "key": "youth_abroad",
        "name": "Mạng lưới Thanh niên Việt Nam vì bình đẳng giới tại Nhật Bản",
        "kind": "network_abroad",
        "province": None,
        "country": "Nhật Bản",
        "website": "https://thanhnien-nhatban.example.org",
        "contact_email": "lienhe@thanhnien-nhatban.example.org",
        "contact_phone": "",
        "description": "Kết nối du học sinh và người lao động trẻ Việt Nam tại Nhật Bản quan "
        "tâm đến nam tính tích cực và bình đẳng giới.",
        "goals": "Chia sẻ kinh nghiệm, hỗ trợ các câu lạc bộ trong nước tổ chức hoạt động.",
        "status": Organisation.Status.VERIFIED,
        "people": [
            ("p17", "representative", "approved"),
            ("member", "member", "approved"),
        ],
    },
    {
        "key": "company",
        "name": "Công ty TNHH Xây dựng Sông Hàn",
        "kind": "company",
        "province": "da_nang",
        "country": "",
        "website": "",
        "contact_email": "nhansu@songhan.example.vn",
        "contact_phone": "0236 3654 321",
        "description": "Doanh nghiệp xây dựng muốn tham gia mạng lưới, tổ chức nói chuyện chuyên "
        "đề về chia sẻ việc nhà cho công nhân nam.",
        "goals": "Nơi làm việc an toàn, không phân biệt đối xử.",
        "status": Organisation.Status.PENDING,
        "people": [
            ("member", "representative", "approved"),
            ("p13", "member", "pending"),
        ],
    },
]


def seed(ctx) -> None:
    now = timezone.now()
    for index, (person, user) in enumerate(ctx.people):
        ward = ctx.wards[person.ward]
        shows = person.key in OPEN_PEOPLE
        MemberProfile.objects.get_or_create(
            user=user,
            defaults={
                "gender": person.gender,
                "birth_year": person.birth_year,
                "phone": f"+8490{5550000 + index:07d}",
                "province": ward.province,
                "ward": ward,
                "occupation": person.occupation,
                "affiliation": AFFILIATIONS.get(person.key, ""),
                "search_name": fold(person.full_name),
                "show_gender": shows,
                "show_occupation": shows,
                "show_affiliation": shows,
                "show_phone": person.key in {"chair", "counsellor"},
                "show_organisations": shows or person.key in {"p12"},
            },
        )
        Consent.objects.get_or_create(
            user=user, policy_version=PRIVACY_POLICY_VERSION, defaults={"given_at": now}
        )

    organisations = {}
    for spec in ORGANISATIONS:
        people = spec["people"]
        values = {k: v for k, v in spec.items() if k not in ("key", "people", "province")}
        province = ctx.provinces[spec["province"]] if spec["province"] else None
        representative = ctx.users[people[0][0]]
        organisation, created = Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={
                **values,
                "in_vietnam": province is not None,
                "province": province,
                "search_name": fold(spec["name"]),
                "created_by": representative,
                "verified_by": ctx.users["admin"] if spec["status"] == "verified" else None,
                "verified_at": now if spec["status"] == "verified" else None,
            },
        )
        organisations[spec["key"]] = organisation
        for key, role, status in people:
            OrganisationMembership.objects.get_or_create(
                organisation=organisation,
                user=ctx.users[key],
                defaults={
                    "role": role,
                    "status": status,
                    "decided_by": representative if status == "approved" else None,
                    "decided_at": now if status == "approved" else None,
                },
            )
    ctx.extra["organisations"] = organisations
