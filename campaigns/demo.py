"""This app's part of `seed_demo`: the emulation movement of Plan 65/KH-BCĐ (2021–2025) and
its certificates of merit; the 2025 Action Month with its real theme, its activities (with
photos), pledges and commendations; the 2026 Action Month made with "copy last year's", now
running, with its first activities and pledges. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from . import services
from .images import photo_renditions
from .models import Activity, Campaign, Commendation, Pledge, Target, action_month_period

THEME_2025 = "Bình đẳng giới và an toàn cho phụ nữ, trẻ em gái trong kỷ nguyên số"
THEME_2026 = "Nam giới chung tay xây dựng gia đình bình đẳng, cộng đồng không bạo lực"
NETWORK = "Ban Điều phối Mạng lưới nam giới vì bình đẳng giới"
ACTION_MONTH_TITLE = (
    "Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
    "năm {year}"
)
GOALS = (
    "Nâng cao nhận thức, thay đổi hành vi của nam giới về bình đẳng giới; huy động nam giới "
    "tham gia phòng ngừa, ứng phó với bạo lực trên cơ sở giới, chia sẻ việc nhà và chăm sóc "
    "gia đình; tôn vinh những tấm gương nam giới tích cực."
)
TARGETS = {
    "activities": 12,
    "participants": 800,
    "men": 450,
    "people_reached": 5000,
    "clubs_founded": 1,
    "pledges": 30,
}

# (club key, kind, title, day, place, men, women, other, reached, status, description)
ACTIVITIES_2025 = [
    (
        "hai_chau",
        "talk",
        "Nói chuyện chuyên đề “An toàn cho phụ nữ, trẻ em gái trên không gian mạng”",
        dt.date(2025, 11, 18),
        "Hội trường UBND phường Hải Châu",
        46,
        38,
        0,
        0,
        "held",
        "Cán bộ công an phường hướng dẫn nhận diện lừa đảo, quấy rối trực tuyến và cách hỗ "
        "trợ con em khi gặp nguy cơ trên mạng.",
    ),
    (
        "hai_chau",
        "cooking_contest",
        "Hội thi “Bữa cơm gia đình – Nam giới vào bếp”",
        dt.date(2025, 11, 23),
        "Nhà văn hóa tổ dân phố 5",
        32,
        15,
        0,
        150,
        "held",
        "Tám đội nam giới của các tổ dân phố thi nấu ăn; vợ con cùng chấm điểm.",
    ),
    (
        "hai_chau",
        "radio",
        "Phát thanh chuyên mục bình đẳng giới trên đài phường",
        dt.date(2025, 11, 25),
        "Đài truyền thanh phường Hải Châu",
        2,
        1,
        0,
        3000,
        "held",
        "Ba số phát thanh giới thiệu tổ tư vấn của câu lạc bộ và đường dây nóng 111.",
    ),
    (
        "hai_chau",
        "skit_contest",
        "Hội diễn tiểu phẩm “Nói không với bạo lực gia đình”",
        dt.date(2025, 12, 6),
        "Sân khấu Công viên Bạch Đằng",
        40,
        44,
        0,
        400,
        "held",
        "Năm tiểu phẩm do thành viên câu lạc bộ tự dàn dựng.",
    ),
    (
        "thanh_khe",
        "leaflets",
        "Phát tờ rơi và treo băng rôn hưởng ứng Tháng hành động",
        dt.date(2025, 11, 16),
        "Các tổ dân phố phường Thanh Khê",
        12,
        6,
        0,
        1200,
        "held",
        "Phát 1.200 tờ rơi, treo 10 băng rôn tại các tuyến đường chính.",
    ),
    (
        "thanh_khe",
        "performance_contest",
        "Liên hoan văn nghệ “Gia đình bình đẳng, hạnh phúc”",
        dt.date(2025, 12, 13),
        "Nhà văn hóa phường Thanh Khê",
        35,
        52,
        0,
        200,
        "held",
        "",
    ),
    (
        "thanh_khe",
        "talk",
        "Tọa đàm “Người cha trong gia đình hiện đại”",
        dt.date(2025, 12, 10),
        "Trường THCS Nguyễn Huệ",
        0,
        0,
        0,
        0,
        "cancelled",
        "Hoãn vì mưa lũ; sẽ tổ chức trong quý I/2026.",
    ),
]

ACTIVITIES_2026 = [
    (
        "hai_chau",
        "talk",
        "Lễ phát động Tháng hành động năm 2026 tại phường Hải Châu",
        dt.date(2026, 11, 15),
        "Hội trường UBND phường Hải Châu",
        58,
        41,
        0,
        0,
        "held",
        "Câu lạc bộ ra mắt kế hoạch hoạt động trong Tháng hành động và ký cam kết tập thể.",
    ),
    (
        "thanh_khe",
        "online",
        "Chuỗi bài đăng “Mỗi ngày một hành động” trên trang của phường",
        dt.date(2026, 11, 17),
        "Trang thông tin điện tử phường Thanh Khê",
        3,
        2,
        0,
        2500,
        "held",
        "",
    ),
    (
        "hai_chau",
        "cooking_contest",
        "Hội thi “Bố vào bếp” năm 2026",
        dt.date(2026, 11, 22),
        "Nhà văn hóa tổ dân phố 3",
        28,
        12,
        0,
        90,
        "held",
        "",
    ),
    (
        "hai_chau",
        "skit_contest",
        "Hội diễn tiểu phẩm về phòng ngừa bạo lực trên cơ sở giới",
        dt.date(2026, 12, 6),
        "Công viên Bạch Đằng",
        0,
        0,
        0,
        0,
        "planned",
        "",
    ),
]

# (person key or None, name shown, e-mail for visitors, choice, own words)
PLEDGES_2025 = [
    ("chair", None, "", "no_violence", ""),
    ("vice_chair", None, "", "housework", ""),
    ("member", None, "", "online_safety", ""),
    ("p10", None, "", "raise_equal", ""),
    ("p13", None, "", "speak_up", ""),
    (None, "Anh Tuấn, phường Hải Châu", "tuan.hc@example.net", "housework", ""),
    (
        None,
        "Chị Hương",
        "huong.tk@example.net",
        "own_words",
        "Tôi sẽ dạy con gái cách giữ an toàn trên mạng và luôn lắng nghe con.",
    ),
]
PLEDGES_2026 = [
    ("chair", None, "", "housework", ""),
    ("p13", None, "", "no_violence", ""),
    ("p17", None, "", "online_safety", ""),
    (
        None,
        "Ông Lê Văn Tám",
        "tam.le@example.net",
        "own_words",
        "Tôi sẽ cùng vợ nấu cơm mỗi tối và đưa cháu đi học.",
    ),
    (None, "Bạn Minh Khôi", "khoi.minh@example.net", "speak_up", ""),
]

DECISION_65 = "1520/QĐ-UBND"
AUTHORITY_65 = "Ủy ban nhân dân thành phố Đà Nẵng"
DECISION_2025 = "45/QĐ-MLNG"


def seed(ctx) -> None:
    admin = ctx.users["admin"]
    clubs = ctx.extra.get("clubs", {})
    organisations = ctx.extra.get("organisations", {})

    movement = _movement(admin)
    month_2025 = _action_month_2025(admin)
    for spec in ACTIVITIES_2025:
        _activity(month_2025, clubs, spec, by=admin)
    org = organisations.get("womens_union")
    if org is not None and org.is_verified:
        _activity(
            month_2025,
            {"org": org},
            (
                "org",
                "banner",
                "Treo băng rôn, áp phích tại chợ Hàn và các trường học",
                dt.date(2025, 11, 20),
                "Chợ Hàn, phường Hải Châu",
                4,
                12,
                0,
                2000,
                "held",
                "",
            ),
            by=admin,
        )
    _pledges(month_2025, ctx, PLEDGES_2025)

    month_2026 = Campaign.objects.filter(
        kind=Campaign.Kind.ACTION_MONTH, scope=Campaign.Scope.NATIONAL, year=2026
    ).first()
    if month_2026 is None:
        month_2026 = services.action_month_copy(source=month_2025, theme=THEME_2026, by=admin)
        month_2026.plan_number = "112/KH-MLNG"
        month_2026.plan_date = dt.date(2026, 10, 30)
        month_2026.save(update_fields=["plan_number", "plan_date"])
    for spec in ACTIVITIES_2026:
        _activity(month_2026, clubs, spec, by=admin)
    _pledges(month_2026, ctx, PLEDGES_2026)

    _commendations(movement, month_2025, ctx, clubs, organisations, admin)
    ctx.extra["campaigns"] = {"movement": movement, "2025": month_2025, "2026": month_2026}


def _movement(admin) -> Campaign:
    movement, _created = Campaign.objects.get_or_create(
        kind=Campaign.Kind.EMULATION,
        plan_number="65/KH-BCĐ",
        defaults={
            "title": (
                "Phong trào thi đua thực hiện Chiến lược quốc gia về bình đẳng giới giai đoạn "
                "2021–2030 và Chương trình phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
                "giai đoạn 2021–2025"
            ),
            "year": 2021,
            "starts_on": dt.date(2021, 6, 1),
            "ends_on": dt.date(2025, 12, 31),
            "plan_date": dt.date(2021, 5, 20),
            "plan_issuer": "Ban Chỉ đạo thực hiện Chiến lược quốc gia về bình đẳng giới",
            "goals": (
                "Thi đua thực hiện các mục tiêu của Chiến lược quốc gia về bình đẳng giới; xây "
                "dựng và nhân rộng mô hình “Nam giới tiên phong phòng ngừa, ứng phó với bạo lực "
                "trên cơ sở giới” ở tất cả các khối, tổ dân phố."
            ),
            "created_by": admin,
        },
    )
    return movement


def _action_month_2025(admin) -> Campaign:
    starts_on, ends_on = action_month_period(2025)
    month, created = Campaign.objects.get_or_create(
        kind=Campaign.Kind.ACTION_MONTH,
        scope=Campaign.Scope.NATIONAL,
        year=2025,
        defaults={
            "title": ACTION_MONTH_TITLE.format(year=2025),
            "theme": THEME_2025,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "plan_number": "98/KH-MLNG",
            "plan_date": dt.date(2025, 10, 28),
            "plan_issuer": NETWORK,
            "goals": GOALS,
            "created_by": admin,
        },
    )
    if created:
        Target.objects.bulk_create(
            Target(campaign=month, indicator=indicator, value=value)
            for indicator, value in TARGETS.items()
        )
    return month


def _photo(title: str, colour: tuple[int, int, int]) -> SimpleUploadedFile:
    """A simple drawn picture standing in for a real photo (the demo has no camera)."""
    image = Image.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, 800, 80):
        draw.ellipse((100 + step, 200, 400 + step, 500), outline=(255, 255, 255), width=6)
    draw.rectangle((0, 680, 1200, 800), fill=(40, 20, 60))
    draw.text((40, 720), title[:60], fill=(255, 255, 255))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return SimpleUploadedFile("anh.jpg", out.getvalue(), content_type="image/jpeg")


COLOURS = [(74, 37, 116), (179, 71, 0), (30, 107, 52), (40, 90, 150)]


def _activity(campaign, organisers, spec, *, by) -> None:
    key, kind, title, day, place, men, women, other, reached, status, description = spec
    if Activity.objects.filter(campaign=campaign, title=title).exists():
        return
    organiser = organisers.get(key)
    if organiser is None:
        return
    if status == Activity.Status.HELD and day > timezone.localdate():
        status = Activity.Status.PLANNED
    photos = []
    if status == Activity.Status.HELD:
        photos = [
            (photo_renditions(_photo(title, COLOURS[(day.day + n) % len(COLOURS)])), title)
            for n in range(2 if kind in ("cooking_contest", "skit_contest") else 1)
        ]
    is_club = key != "org"
    services.activity_register(
        campaign=campaign,
        by=by,
        club=organiser if is_club else None,
        organisation=None if is_club else organiser,
        photos=photos,
        kind=kind,
        title=title,
        held_on=day,
        place=place,
        men=men,
        women=women,
        other_gender=other,
        people_reached=reached,
        status=status,
        description=description,
    )


def _pledges(campaign, ctx, specs) -> None:
    for key, name, email, choice, text in specs:
        user = ctx.users.get(key) if key else None
        if key and user is None:
            continue
        identity = services.pledge_identity(user=user, email=email)
        if Pledge.objects.filter(campaign=campaign, identity=identity).exists():
            continue
        # Written directly: pledges of a campaign that has ended are closed to the service.
        Pledge.objects.create(
            campaign=campaign,
            user=user,
            name=name or user.full_name,
            identity=identity,
            province=ctx.provinces.get("da_nang"),
            choice=choice,
            text=text,
        )


def _commendations(movement, month_2025, ctx, clubs, organisations, admin) -> None:
    wards = ctx.wards
    hai_chau, thanh_khe = clubs.get("hai_chau"), clubs.get("thanh_khe")
    womens_union = organisations.get("womens_union")
    movement_reason = (
        "Đã có thành tích xuất sắc trong Phong trào thi đua thực hiện Chiến lược quốc gia về "
        "bình đẳng giới giai đoạn 2021–2025"
    )
    month_reason = "Đã có thành tích xuất sắc trong Tháng hành động năm 2025"
    specs = [
        # collectives under the movement (Plan 65/KH-BCĐ)
        {
            "recipient_kind": "collective",
            "recipient_name": "Ủy ban nhân dân phường Hải Châu",
            "ward": wards["hai_chau"],
            "campaign": movement,
        },
        {
            "recipient_kind": "collective",
            "recipient_name": hai_chau.name if hai_chau else "",
            "club": hai_chau,
            "campaign": movement,
        },
        {
            "recipient_kind": "collective",
            "recipient_name": womens_union.name if womens_union else "",
            "organisation": womens_union,
            "campaign": movement,
        },
        # individuals under the movement
        {
            "recipient_kind": "individual",
            "recipient_name": ctx.users["chair"].full_name,
            "recipient_detail": "Chủ nhiệm CLB, phường Hải Châu",
            "campaign": movement,
        },
        {
            "recipient_kind": "individual",
            "recipient_name": ctx.users["counsellor"].full_name,
            "recipient_detail": "Thành viên tổ tư vấn, phường Hải Châu",
            "campaign": movement,
        },
        {
            "recipient_kind": "individual",
            "recipient_name": ctx.users["ward_official"].full_name,
            "recipient_detail": "Công chức văn hóa – xã hội, phường Hải Châu",
            "campaign": movement,
        },
        # the network's commendations for the 2025 Action Month
        {
            "kind": "giay_khen",
            "recipient_kind": "collective",
            "recipient_name": thanh_khe.name if thanh_khe else "",
            "club": thanh_khe,
            "campaign": month_2025,
        },
        {
            "kind": "giay_khen",
            "recipient_kind": "individual",
            "recipient_name": ctx.users["vice_chair"].full_name,
            "recipient_detail": "Phó Chủ nhiệm CLB, phường Hải Châu",
            "campaign": month_2025,
        },
    ]
    for spec in specs:
        if not spec["recipient_name"]:
            continue
        for_month = spec["campaign"] == month_2025
        decision = DECISION_2025 if for_month else DECISION_65
        authority = NETWORK if for_month else AUTHORITY_65
        if Commendation.objects.filter(
            decision_number=decision,
            issuing_authority=authority,
            recipient_name=spec["recipient_name"],
        ).exists():
            continue
        services.commendation_record(
            by=admin,
            kind=spec.pop("kind", "bang_khen"),
            decision_number=decision,
            issuing_authority=authority,
            decided_on=dt.date(2025, 12, 20) if for_month else dt.date(2025, 12, 26),
            reason=month_reason if for_month else movement_reason,
            **spec,
        )
