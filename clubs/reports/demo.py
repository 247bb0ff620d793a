"""This app's part of `seed_demo`: reports of the two demo clubs over the last four quarters
in every state the dashboards know — accepted on time, accepted late, returned with a
comment, submitted and waiting for review, a draft past its due date and nothing at all
(missing) — plus Hải Châu's yearly report in draft. Idempotent.

The reports are dated in the past, so they are written directly (the services would refuse
a locked period); each row's history says who did what and when, like the services would.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from . import figures, periods
from .models import AnnualReport, Event, QuarterlyReport, Status
from .periods import LOCAL_TZ, Period

NARRATIVE = {
    "results": (
        "Duy trì sinh hoạt định kỳ hàng tháng với các chủ đề: Luật Bình đẳng giới, phòng "
        "chống bạo lực gia đình, nam giới chia sẻ việc nhà và chăm sóc con. Tổ tư vấn tiếp "
        "nhận và kết nối hỗ trợ các vụ việc trên địa bàn."
    ),
    "difficulties": "Kinh phí hoạt động còn hạn chế; một số hội viên nam đi làm xa, ít tham gia.",
    "proposals": "Đề nghị UBND phường hỗ trợ kinh phí in tờ rơi và tập huấn cho tổ tư vấn.",
}

# (days after the due date it was first submitted — None: never; final status; comment)
PLAN = {
    "hai_chau": [
        (-3, Status.ACCEPTED, ""),
        (-1, Status.ACCEPTED, ""),
        (6, Status.ACCEPTED, ""),
        (-2, Status.SUBMITTED, ""),
    ],
    "thanh_khe": [
        (9, Status.ACCEPTED, ""),
        (-4, Status.RETURNED, "Số lượt tham dự chưa khớp với sổ điểm danh, đề nghị kiểm tra lại."),
        (0, Status.SUBMITTED, ""),
        (None, Status.DRAFT, ""),
    ],
}


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LOCAL_TZ)


def _file_quarter(club, period: Period, plan, *, drafter, reviewer, index: int) -> None:
    if QuarterlyReport.objects.filter(club=club, year=period.year, quarter=period.quarter).exists():
        return
    delay, status, comment = plan
    created_on = period.end + dt.timedelta(days=1)
    report = QuarterlyReport.objects.create(
        club=club,
        year=period.year,
        quarter=period.quarter,
        created_by=drafter,
        document_number=f"{index + 1:02d}/BC-CLB",
        place_name="Đà Nẵng",
        recipients="UBND phường (để báo cáo);\nBan Chỉ đạo phường;\nLưu: CLB.",
        signer_title="Chủ nhiệm câu lạc bộ",
        signer_name="Hoàng Văn Dũng" if "Hải Châu" in club.ward.name else "Huỳnh Văn Tài",
        radio_broadcasts=2 + index,
        talks=1,
        leaflets=150 + 25 * index,
        posters=2,
        **(NARRATIVE if delay is not None else {"results": NARRATIVE["results"]}),
        **figures.quarter_figures(club, period),
    )
    history = [(Event.Action.CREATED, drafter, _at(created_on), "")]
    fields: dict = {"status": status}
    if delay is not None:
        submitted = _at(period.due + dt.timedelta(days=delay), 15)
        fields.update(first_submitted_at=submitted, submitted_at=submitted, submitted_by=drafter)
        history.append((Event.Action.SUBMITTED, drafter, submitted, ""))
        if status in (Status.ACCEPTED, Status.RETURNED):
            reviewed = submitted + dt.timedelta(days=2)
            fields.update(reviewed_at=reviewed, reviewed_by=reviewer, review_comment=comment)
            action = Event.Action.ACCEPTED if status == Status.ACCEPTED else Event.Action.RETURNED
            history.append((action, reviewer, reviewed, comment))
    QuarterlyReport.objects.filter(pk=report.pk).update(**fields)
    for action, by, at, text in history:
        event = Event.objects.create(quarterly=report, action=action, by=by, comment=text)
        Event.objects.filter(pk=event.pk).update(at=at)


def seed(ctx) -> None:
    clubs = ctx.extra.get("clubs", {})
    if not clubs:
        return
    official = ctx.users["ward_official"]
    chair = ctx.users["chair"]
    reviewer = ctx.users["province_official"]
    quarters = periods.previous_quarters(timezone.localdate(), 4)
    for key, plans in PLAN.items():
        club = clubs[key]
        drafter = chair if key == "hai_chau" else official
        for index, ((year, quarter), plan) in enumerate(zip(quarters, plans, strict=True)):
            _file_quarter(
                club, Period(year, quarter), plan, drafter=drafter, reviewer=reviewer, index=index
            )
    ward = clubs["hai_chau"].ward
    year = timezone.localdate().year
    if not AnnualReport.objects.filter(ward=ward, year=year).exists():
        report = AnnualReport.objects.create(
            ward=ward,
            year=year,
            created_by=official,
            document_number="15/BC-UBND",
            place_name="Đà Nẵng",
            recipients="UBND thành phố Đà Nẵng (để báo cáo);\nSở Y tế;\nLưu: VT, VHXH.",
            signer_title="TM. Ủy ban nhân dân – Phó Chủ tịch",
            results=NARRATIVE["results"],
            lessons="Sinh hoạt gắn với sự kiện của khu dân cư thu hút nam giới tham gia đông hơn.",
            replication_plan="Nhân rộng mô hình ra thêm 3 tổ dân phố trong năm tới.",
            blocks_planned=3,
        )
        Event.objects.create(annual=report, action=Event.Action.CREATED, by=official)
    ctx.extra["reports"] = {"quarters": quarters}
