"""Writes to clubs: each checks permission, runs in one transaction and queues work on commit.

Status changes of meetings go through `meeting_record_outcome` so the reminders (a later
issue) can hook in at one place.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from network_portal.roles import permissions

from . import rules as club_rules
from .models import (
    Case,
    CaseAccessLog,
    CaseIdentity,
    Club,
    JoinRequest,
    Meeting,
    MeetingPhoto,
    Referral,
    RosterEntry,
    RosterRoleChange,
    SteeringGroupMember,
    Topic,
)

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionError(message)


# --- Joining --------------------------------------------------------------------------------
def join_request_create(
    *, club: Club, user, gender: str, birth_year: int | None, phone: str, message: str
) -> JoinRequest:
    _require(club_rules.can_ask_to_join(user, club), "Already on the roster or not signed in.")
    with transaction.atomic():
        existing = JoinRequest.objects.filter(
            club=club, user=user, status=JoinRequest.Status.PENDING
        ).first()
        if existing:
            return existing
        return JoinRequest.objects.create(
            club=club,
            user=user,
            gender=gender,
            birth_year=birth_year,
            phone=phone,
            message=message,
        )


def join_request_approve(*, join_request: JoinRequest, by) -> RosterEntry:
    club = join_request.club
    _require(club_rules.can_manage_club(by, club), "Only the club's board may approve.")
    with transaction.atomic():
        claimed = JoinRequest.objects.filter(
            pk=join_request.pk, status=JoinRequest.Status.PENDING
        ).update(status=JoinRequest.Status.APPROVED, decided_by=by, decided_at=timezone.now())
        if not claimed:
            raise ValueError("This request was already decided.")
        user = join_request.user
        entry = RosterEntry.objects.filter(club=club, user=user, left_on__isnull=True).first()
        if entry is None:
            entry = RosterEntry.objects.create(
                club=club,
                user=user,
                full_name=user.full_name or user.email,
                gender=join_request.gender,
                birth_year=join_request.birth_year,
                phone=join_request.phone,
                role=RosterEntry.Role.MEMBER,
            )
        transaction.on_commit(lambda: _notify_decision(join_request.pk))
    join_request.refresh_from_db()
    return entry


def join_request_decline(*, join_request: JoinRequest, reason: str, by) -> None:
    _require(club_rules.can_manage_club(by, join_request.club), "Only the board may decline.")
    if not reason.strip():
        raise ValueError("A reason is required.")
    with transaction.atomic():
        claimed = JoinRequest.objects.filter(
            pk=join_request.pk, status=JoinRequest.Status.PENDING
        ).update(
            status=JoinRequest.Status.DECLINED,
            decline_reason=reason.strip(),
            decided_by=by,
            decided_at=timezone.now(),
        )
        if not claimed:
            raise ValueError("This request was already decided.")
        transaction.on_commit(lambda: _notify_decision(join_request.pk))
    join_request.refresh_from_db()


def _notify_decision(join_request_id: int) -> None:
    """Tell the member by e-mail (in Vietnamese) what the board decided."""
    request = JoinRequest.objects.select_related("club", "user").get(pk=join_request_id)
    with override("vi"):
        if request.status == JoinRequest.Status.APPROVED:
            subject = _("You are now a member of %(club)s") % {"club": request.club.name}
            body = _(
                "The board of %(club)s approved your request. Your clubs and the next "
                "meetings are on %(url)s"
            ) % {"club": request.club.name, "url": f"{settings.SITE_URL}/clubs/mine/"}
        else:
            subject = _("Your request to join %(club)s") % {"club": request.club.name}
            body = _("The board of %(club)s declined your request. Reason: %(reason)s") % {
                "club": request.club.name,
                "reason": request.decline_reason,
            }
    send_mail(subject, body, None, [request.user.email])


# --- Roster ---------------------------------------------------------------------------------
def roster_entry_add(*, club: Club, by, **fields) -> RosterEntry:
    _require(club_rules.can_manage_club(by, club), "Only the board may edit the roster.")
    with transaction.atomic():
        return RosterEntry.objects.create(club=club, **fields)


def roster_entry_leave(*, entry: RosterEntry, left_on: dt.date, by) -> None:
    _require(club_rules.can_manage_club(by, entry.club), "Only the board may edit the roster.")
    entry.left_on = left_on
    entry.save(update_fields=["left_on"])


ROSTER_EDITABLE_FIELDS = (
    "full_name",
    "gender",
    "birth_year",
    "phone",
    "affiliation",
    "block",
    "lives_in_ward",
    "joined_on",
)


def roster_entry_update(
    *, entry: RosterEntry, by, role: str, role_changed_on: dt.date | None = None, **fields
) -> RosterEntry:
    """Correct a current roster entry's details and change its role.

    A change of role is kept as a `RosterRoleChange` (from, to, date, who), the way the roster
    keeps joined/left dates; the composition check reads the current roles, so it follows.
    """
    _require(club_rules.can_manage_club(by, entry.club), "Only the board may edit the roster.")
    unknown = set(fields) - set(ROSTER_EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not editable: {', '.join(sorted(unknown))}")
    if role not in RosterEntry.Role.values:
        raise ValueError("Unknown role.")
    changed_on = role_changed_on or timezone.localdate()
    with transaction.atomic():
        # Compare with the stored row: a bound ModelForm has already copied its data onto
        # the instance it was given.
        stored = RosterEntry.objects.select_for_update().get(pk=entry.pk)
        if not stored.is_current:
            raise ValueError("This person has left the club.")
        changed = [name for name, value in fields.items() if getattr(stored, name) != value]
        for name in changed:
            setattr(stored, name, fields[name])
        if role != stored.role:
            RosterRoleChange.objects.create(
                entry=stored,
                from_role=stored.role,
                to_role=role,
                changed_on=changed_on,
                changed_by=by,
            )
            stored.role = role
            changed.append("role")
        if changed:
            stored.save(update_fields=changed)
    if stored.user_id == getattr(by, "pk", None):
        club_rules.forget_club_roles(by)
    return stored


def club_create(*, ward, by, blocks=(), **fields) -> Club:
    """A ward official founds a club in their ward."""
    _require(permissions.can_manage_ward(by, ward), "Only the ward's officials.")
    with transaction.atomic():
        club = Club.objects.create(ward=ward, **fields)
        if blocks:
            club.blocks.set(blocks)
    return club


def club_update(*, form, by) -> Club:
    """Save a validated `ClubForm` (the board or the ward's officials)."""
    _require(club_rules.can_manage_club(by, form.instance), "Only the board or the ward.")
    with transaction.atomic():
        return form.save()


def steering_member_add(*, ward, by, **fields) -> SteeringGroupMember:
    """A ward official names a person of the ward's steering group."""
    _require(permissions.can_manage_ward(by, ward), "Only the ward's officials.")
    with transaction.atomic():
        return SteeringGroupMember.objects.create(ward=ward, **fields)


def steering_member_update(*, person: SteeringGroupMember, by, **fields) -> SteeringGroupMember:
    """A ward official corrects a steering group person's name, position or role."""
    _require(permissions.can_manage_ward(by, person.ward), "Only the ward's officials.")
    allowed = {"full_name", "position", "role"}
    if set(fields) - allowed:
        raise TypeError("Only name, position and role can be changed.")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(person, name, value)
        person.save(update_fields=list(fields))
    return person


def steering_member_remove(*, person: SteeringGroupMember, by) -> None:
    """A ward official takes a person off the ward's steering group."""
    _require(permissions.can_manage_ward(by, person.ward), "Only the ward's officials.")
    with transaction.atomic():
        person.delete()


# --- Meetings -------------------------------------------------------------------------------
def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The nth (1–4; -1 = last) given weekday (0 = Monday) of a month."""
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    return days[-1] if nth == -1 else days[nth - 1]


def meetings_plan_year(
    *,
    club: Club,
    year: int,
    weekday: int,
    nth: int,
    start_time: dt.time,
    duration_minutes: int,
    place: str,
    by,
) -> list[Meeting]:
    """A year of monthly meetings from a rule ("the second Sunday, 19:30").

    Months that already have a monthly meeting are left alone, so planning twice adds nothing.
    Topics of the catalogue are assigned in turn.
    """
    _require(club_rules.can_manage_club(by, club), "Only the board may plan meetings.")
    topics = list(Topic.objects.filter(is_core=True))
    with transaction.atomic():
        taken = set(
            Meeting.objects.filter(
                club=club, kind=Meeting.Kind.REGULAR, starts_at__year=year
            ).values_list("starts_at", flat=True)
        )
        taken_months = {timezone.localtime(at, LOCAL_TZ).month for at in taken}
        created = []
        for month in range(1, 13):
            if month in taken_months:
                continue
            day = nth_weekday(year, month, weekday, nth)
            starts = dt.datetime.combine(day, start_time, tzinfo=LOCAL_TZ)
            created.append(
                Meeting(
                    club=club,
                    kind=Meeting.Kind.REGULAR,
                    topic=topics[(month - 1) % len(topics)] if topics else None,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=duration_minutes),
                    place=place or club.meeting_place,
                )
            )
        return Meeting.objects.bulk_create(created)


def meeting_save(*, meeting: Meeting, by) -> Meeting:
    """Create or edit a meeting's plan (from a validated form's instance)."""
    _require(club_rules.can_manage_club(by, meeting.club), "Only the board may plan meetings.")
    with transaction.atomic():
        meeting.save()
    return meeting


def meeting_record_outcome(
    *,
    meeting: Meeting,
    status: str,
    minutes: str,
    attendees: list[RosterEntry],
    guests_men: int,
    guests_women: int,
    guests_other: int,
    by,
    photo=None,
    photo_caption: str = "",
) -> Meeting:
    """Afterwards: held / postponed / cancelled, minutes, attendance and a photo."""
    _require(club_rules.can_manage_club(by, meeting.club), "Only the board may record meetings.")
    if any(entry.club_id != meeting.club_id for entry in attendees):
        raise ValueError("Attendance only from the club's roster.")
    with transaction.atomic():
        meeting.status = status
        meeting.minutes = minutes
        meeting.guests_men = guests_men
        meeting.guests_women = guests_women
        meeting.guests_other = guests_other
        meeting.save(
            update_fields=["status", "minutes", "guests_men", "guests_women", "guests_other"]
        )
        meeting.attendees.set(attendees if status == Meeting.Status.HELD else [])
        if photo is not None:
            MeetingPhoto.objects.create(
                meeting=meeting, image=photo, caption=photo_caption, uploaded_by=by
            )
    return meeting


# --- Confidential cases ---------------------------------------------------------------------
def _log(case: Case | None, club: Club, user, action: str, detail: str = "") -> None:
    CaseAccessLog.objects.create(case=case, club=club, user=user, action=action, detail=detail)


def case_create(*, club: Club, by, identity: dict | None = None, **fields) -> Case:
    _require(club_rules.can_record_case(by, club), "Only the advisory team records cases.")
    if fields.get("follow_up_status") == Case.FollowUp.CLOSED and not fields.get("closed_on"):
        fields["closed_on"] = timezone.localdate()
    with transaction.atomic():
        case = Case.objects.create(club=club, holder=by, **fields)
        if identity and any(identity.values()):
            CaseIdentity.objects.create(case=case, **identity)
        _log(case, club, by, CaseAccessLog.Action.CREATE)
    return case


def case_update(*, case: Case, by, changed: list[str], identity: dict | None = None) -> Case:
    """Save the fields a validated form changed on `case`; only the holder may change it."""
    _require(club_rules.can_change_case(by, case), "Only the counsellor holding it.")
    changed = list(changed)
    # The closing date follows the follow-up status: set when it becomes closed, cleared when
    # the case is reopened.
    closed = case.follow_up_status == Case.FollowUp.CLOSED
    if closed and case.closed_on is None:
        case.closed_on = timezone.localdate()
        changed.append("closed_on")
    elif not closed and case.closed_on is not None:
        case.closed_on = None
        changed.append("closed_on")
    with transaction.atomic():
        if changed:
            case.save(update_fields=changed)
        if identity is not None:
            CaseIdentity.objects.update_or_create(case=case, defaults=identity)
        _log(case, case.club, by, CaseAccessLog.Action.CHANGE, ", ".join(changed)[:255])
    return case


def referral_create(*, case: Case, body: str, by, override_reason: str = "") -> Referral:
    """A referral needs the sharing consent; only the chair may override, and it is logged."""
    may_refer = club_rules.can_change_case(by, case) or club_rules.is_club_chair(by, case.club)
    _require(may_refer, "Only the holder or the chair may refer a case.")
    override_used = False
    if not case.consent_to_share:
        if not club_rules.is_club_chair(by, case.club) or not override_reason.strip():
            raise ValueError("No sharing consent.")
        override_used = True
    with transaction.atomic():
        referral = Referral.objects.create(
            case=case,
            body=body,
            made_by=by,
            consent_override=override_used,
            override_reason=override_reason.strip() if override_used else "",
        )
        _log(case, case.club, by, CaseAccessLog.Action.REFERRAL, body)
        if override_used:
            _log(case, case.club, by, CaseAccessLog.Action.OVERRIDE, override_reason[:255])
    return referral


REFERRAL_NEXT = {
    Referral.Status.MADE: {
        Referral.Status.ACCEPTED,
        Referral.Status.DECLINED,
        Referral.Status.WITHDRAWN,
    },
    Referral.Status.ACCEPTED: {Referral.Status.CLOSED, Referral.Status.WITHDRAWN},
}


def referral_set_status(*, referral: Referral, status: str, reason: str, by) -> Referral:
    case = referral.case
    _require(club_rules.can_change_case(by, case), "Only the counsellor holding it.")
    if status not in REFERRAL_NEXT.get(referral.status, set()):
        raise ValueError("This change of status is not possible.")
    if status in (Referral.Status.DECLINED, Referral.Status.CLOSED) and not reason.strip():
        raise ValueError("A reason or outcome is required.")
    with transaction.atomic():
        referral.status = status
        referral.status_reason = reason.strip()
        referral.save(update_fields=["status", "status_reason"])
        _log(case, case.club, by, CaseAccessLog.Action.CHANGE, f"referral {referral.pk}: {status}")
    return referral


EXPORT_COLUMNS = [
    "reference",
    "opened_on",
    "kind",
    "gender",
    "age_band",
    "relation",
    "consent_to_help",
    "consent_to_share",
    "follow_up_status",
    "referrals",
]


def cases_export_csv(*, club: Club, by) -> str:
    """The club's cases without any identifying detail or counsellor name; logged per case."""
    _require(club_rules.can_see_cases(by, club), "Not allowed to see these cases.")
    cases = list(
        Case.objects.filter(club=club).prefetch_related("referrals").order_by("opened_on", "pk")
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for case in cases:
        writer.writerow(
            [
                case.reference,
                case.opened_on.isoformat(),
                case.kind,
                case.gender,
                case.age_band,
                case.relation,
                int(case.consent_to_help),
                int(case.consent_to_share),
                case.follow_up_status,
                ";".join(f"{r.body}:{r.status}" for r in case.referrals.all()),
            ]
        )
    with transaction.atomic():
        CaseAccessLog.objects.bulk_create(
            [
                CaseAccessLog(case=case, club=club, user=by, action=CaseAccessLog.Action.EXPORT)
                for case in cases
            ]
        )
    return out.getvalue()
