"""This app's part of `seed_demo`: a club in Hải Châu that meets the composition rule and one
in Thanh Khê one man short of it, rosters with and without accounts, the 2026 meetings (those
already past are held, with attendance) and a few confidential cases. Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from members.choices import Affiliation, Gender

from . import rules as club_rules
from . import services
from .models import Case, Club, Meeting, RosterEntry

YEAR = 2026
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
MEN_MIDDLE = ["Văn", "Hữu", "Đức", "Minh", "Quốc", "Công"]
MEN_GIVEN = ["Hải", "Long", "Nam", "Bình", "Hòa", "Trung", "Thành", "Phong", "Khánh", "Lộc"]
WOMEN_MIDDLE = ["Thị", "Ngọc", "Thu", "Minh"]
WOMEN_GIVEN = ["Hoa", "Lan", "Mai", "Hương", "Trang", "Yến", "Nhung", "Loan", "Thảo", "Vân"]
AFFILIATIONS = [a for a, _ in Affiliation.choices]


def _names(rng: random.Random, count: int, middles, givens) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(SURNAMES)} {rng.choice(middles)} {rng.choice(givens)}"
        if name not in names:
            names.append(name)
    return names


def _club(ward, name: str, place: str, decision: str) -> Club:
    club, _created = Club.objects.get_or_create(
        ward=ward,
        name=name,
        defaults={
            "status": Club.Status.ACTIVE,
            "meeting_place": place,
            "decision_number": decision,
            "decision_date": dt.date(2025, 9, 15),
            "description": (
                "Câu lạc bộ “Nam giới tiên phong phòng ngừa, ứng phó với bạo lực trên cơ sở "
                "giới” sinh hoạt định kỳ hàng tháng, tư vấn và kết nối các vụ việc liên quan "
                "đến bất bình đẳng giới trong cộng đồng."
            ),
        },
    )
    return club


def _entry(club, *, full_name, gender, birth_year, role, user=None, block=None, phone=""):
    return RosterEntry(
        club=club,
        user=user,
        full_name=full_name,
        gender=gender,
        birth_year=birth_year,
        role=role,
        block=block,
        phone=phone,
        joined_on=dt.date(2025, 10, 1),
    )


def _fill_roster(club, *, rng, accounts, men: int, women: int, vice_chairs: int = 0) -> None:
    """`accounts`: (user, person, role) linked to portal accounts; the rest have no account."""
    if club.roster.exists():
        return
    blocks = list(club.ward.blocks.all())
    entries = []
    for user, person, role in accounts:
        entries.append(
            _entry(
                club,
                user=user,
                full_name=person.full_name,
                gender=person.gender,
                birth_year=person.birth_year,
                role=role,
                block=rng.choice(blocks) if blocks else None,
            )
        )
    have_men = sum(1 for e in entries if e.gender == Gender.MALE)
    have_women = sum(1 for e in entries if e.gender == Gender.FEMALE)
    for index, name in enumerate(_names(rng, men - have_men, MEN_MIDDLE, MEN_GIVEN)):
        entries.append(
            _entry(
                club,
                full_name=name,
                gender=Gender.MALE,
                birth_year=rng.randint(1950, 2002),
                role=RosterEntry.Role.VICE_CHAIR
                if index < vice_chairs
                else RosterEntry.Role.MEMBER,
                block=rng.choice(blocks) if blocks else None,
                phone=f"09{rng.randint(10000000, 99999999)}",
            )
        )
    for name in _names(rng, women - have_women, WOMEN_MIDDLE, WOMEN_GIVEN):
        entries.append(
            _entry(
                club,
                full_name=name,
                gender=Gender.FEMALE,
                birth_year=rng.randint(1955, 2003),
                role=RosterEntry.Role.MEMBER,
                block=rng.choice(blocks) if blocks else None,
            )
        )
    for entry in entries:
        entry.affiliation = rng.choice(AFFILIATIONS)
    RosterEntry.objects.bulk_create(entries)


def _hold_past_meetings(club, *, rng, by) -> None:
    now = timezone.now()
    roster = list(club.roster.filter(left_on__isnull=True))
    for meeting in club.meetings.filter(status=Meeting.Status.PLANNED, ends_at__lt=now):
        services.meeting_record_outcome(
            meeting=meeting,
            status=Meeting.Status.HELD,
            minutes="Triển khai chủ đề, thảo luận nhóm, giải đáp thắc mắc của hội viên.",
            attendees=rng.sample(roster, k=min(len(roster), rng.randint(18, 32))),
            guests_men=rng.randint(0, 3),
            guests_women=rng.randint(0, 3),
            guests_other=0,
            by=by,
        )


CASES = [
    {
        "kind": Case.Kind.DOMESTIC_VIOLENCE,
        "gender": Gender.FEMALE,
        "age_band": Case.AgeBand.ADULT,
        "relation": Case.Relation.SPOUSE,
        "consent_to_help": True,
        "consent_to_share": True,
        "actions_taken": "Tư vấn an toàn, hòa giải cùng tổ dân phố, giới thiệu trợ giúp pháp lý.",
        "opened_on": dt.date(2026, 3, 12),
        "identity": {"full_name": "Trần Thị Kim", "phone": "0905123456", "address": "Tổ 4"},
    },
    {
        "kind": Case.Kind.CHILD_MARRIAGE,
        "gender": Gender.FEMALE,
        "age_band": Case.AgeBand.YOUTH,
        "relation": Case.Relation.CHILD,
        "consent_to_help": True,
        "consent_to_share": False,
        "actions_taken": "Gặp gỡ gia đình, giải thích quy định về độ tuổi kết hôn.",
        "opened_on": dt.date(2026, 6, 3),
    },
    {
        "kind": Case.Kind.DISCRIMINATION,
        "gender": Gender.MALE,
        "age_band": Case.AgeBand.YOUNG_ADULT,
        "relation": Case.Relation.SELF,
        "consent_to_help": True,
        "consent_to_share": False,
        "actions_taken": "Tư vấn về quyền nghỉ chăm con và chia sẻ việc nhà.",
        "opened_on": dt.date(2026, 9, 20),
        "follow_up_status": Case.FollowUp.CLOSED,
    },
]


def seed(ctx) -> None:
    users = ctx.users
    persons = {person.key: person for person, _user in ctx.people}
    official = users["ward_official"]
    rng = random.Random(2026)

    hai_chau = _club(
        ctx.wards["hai_chau"],
        "CLB Nam giới tiên phong phòng ngừa, ứng phó với BLTCSG phường Hải Châu",
        "Hội trường tổ dân phố 3, phường Hải Châu",
        "125/QĐ-UBND",
    )
    _fill_roster(
        hai_chau,
        rng=rng,
        accounts=[
            (users["chair"], persons["chair"], RosterEntry.Role.CHAIR),
            (users["vice_chair"], persons["vice_chair"], RosterEntry.Role.VICE_CHAIR),
            (users["counsellor"], persons["counsellor"], RosterEntry.Role.ADVISORY),
            (users["member"], persons["member"], RosterEntry.Role.MEMBER),
            (users["p10"], persons["p10"], RosterEntry.Role.ADVISORY),
            (users["p11"], persons["p11"], RosterEntry.Role.BOARD),
            (users["p12"], persons["p12"], RosterEntry.Role.MEMBER),
        ],
        men=32,
        women=12,
    )
    thanh_khe = _club(
        ctx.wards["thanh_khe"],
        "CLB Nam giới tiên phong phòng ngừa, ứng phó với BLTCSG phường Thanh Khê",
        "Nhà văn hóa tổ dân phố 2, phường Thanh Khê",
        "88/QĐ-UBND",
    )
    _fill_roster(
        thanh_khe,
        rng=rng,
        accounts=[
            (users["p13"], persons["p13"], RosterEntry.Role.CHAIR),
            (users["p14"], persons["p14"], RosterEntry.Role.ADVISORY),
        ],
        men=29,  # one short of the rule's 30 men
        women=10,
        vice_chairs=1,
    )

    for club, nth in ((hai_chau, 2), (thanh_khe, 3)):
        services.meetings_plan_year(
            club=club,
            year=YEAR,
            weekday=6,
            nth=nth,
            start_time=dt.time(19, 30),
            duration_minutes=90,
            place=club.meeting_place,
            by=official,
        )
        _hold_past_meetings(club, rng=rng, by=official)

    counsellor = users["counsellor"]
    club_rules.forget_club_roles(counsellor)
    if not hai_chau.cases.exists():
        for item in CASES:
            fields = dict(item)
            identity = fields.pop("identity", None)
            services.case_create(club=hai_chau, by=counsellor, identity=identity, **fields)

    ctx.extra["clubs"] = {"hai_chau": hai_chau, "thanh_khe": thanh_khe}
