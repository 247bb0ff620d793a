"""Every role × every club, meeting and case page: who is let in and who is refused.

Cases follow the strictest rule: only that club's advisory team and chair, and that ward's own
officials. Editors, province officials, other wards' officials and the site administrator are
refused like anyone else.
"""

import pytest
from django.urls import reverse

from clubs.models import (
    Case,
    CaseAccessLog,
    JoinRequest,
    Meeting,
    RosterEntry,
    RosterRoleChange,
    SteeringGroupMember,
)

ROLES = [
    "anonymous",
    "member",
    "other_club_chair",
    "chair",
    "advisory",
    "ward_official",
    "other_ward_official",
    "province_official",
    "editor",
    "admin",
]
EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
MANAGERS = {"chair", "ward_official", "admin"}
OVERSEERS = MANAGERS | {"province_official"}
CASE_READERS = {"chair", "advisory", "ward_official"}
WARD_MANAGERS = {"ward_official", "admin"}


def _plain_entry(w) -> RosterEntry:
    """A roster entry without an account (most of a real roster)."""
    entry, _ = RosterEntry.objects.get_or_create(
        club=w.club, full_name="Lê Văn Nam", defaults={"gender": "male", "birth_year": 1965}
    )
    return entry


def _steering_person(w) -> SteeringGroupMember:
    person, _ = SteeringGroupMember.objects.get_or_create(
        ward=w.ward, full_name="Ngô Văn Tâm", defaults={"role": SteeringGroupMember.Role.LEADER}
    )
    return person


# (url name, how to build its kwargs, who may GET it, needs login)
PAGES = [
    ("list", lambda w: {}, EVERYONE, False),
    ("detail", lambda w: {"pk": w.club.pk}, EVERYONE, False),
    ("meetings", lambda w: {"pk": w.club.pk}, EVERYONE, False),
    ("meetings_print", lambda w: {"pk": w.club.pk}, EVERYONE, False),
    ("meeting", lambda w: {"pk": w.meeting.pk}, EVERYONE, False),
    ("club_ics", lambda w: {"pk": w.club.pk}, EVERYONE, False),
    ("steering_group", lambda w: {"ward_code": w.ward.code}, EVERYONE, False),
    ("mine", lambda w: {}, SIGNED_IN, True),
    ("join", lambda w: {"pk": w.club.pk}, SIGNED_IN, True),
    ("edit", lambda w: {"pk": w.club.pk}, MANAGERS, True),
    ("requests", lambda w: {"pk": w.club.pk}, MANAGERS, True),
    ("roster", lambda w: {"pk": w.club.pk}, OVERSEERS, True),
    (
        "roster_edit",
        lambda w: {"pk": w.club.pk, "entry_pk": _plain_entry(w).pk},
        MANAGERS,
        True,
    ),
    (
        "steering_member_edit",
        lambda w: {"ward_code": w.ward.code, "person_pk": _steering_person(w).pk},
        WARD_MANAGERS,
        True,
    ),
    ("meetings_plan", lambda w: {"pk": w.club.pk}, MANAGERS, True),
    ("meeting_add", lambda w: {"pk": w.club.pk}, MANAGERS, True),
    (
        "meeting_edit",
        lambda w: {"pk": w.club.pk, "meeting_pk": w.meeting.pk},
        MANAGERS,
        True,
    ),
    ("meeting_record", lambda w: {"pk": w.meeting.pk}, MANAGERS, True),
    ("meeting_sheet", lambda w: {"pk": w.meeting.pk}, OVERSEERS, True),
    ("cases", lambda w: {"pk": w.club.pk}, CASE_READERS, True),
    ("case", lambda w: {"pk": w.case.pk}, CASE_READERS, True),
    ("cases_export", lambda w: {"pk": w.club.pk}, CASE_READERS, True),
    ("case_add", lambda w: {"pk": w.club.pk}, {"advisory"}, True),
    ("case_edit", lambda w: {"pk": w.case.pk}, {"advisory"}, True),
]


def _client(client, world, role):
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name,kwargs,allowed,needs_login", PAGES, ids=[p[0] for p in PAGES])
def test_it_allows_exactly_the_right_roles(client, world, role, name, kwargs, allowed, needs_login):
    url = reverse(f"clubs:{name}", kwargs=kwargs(world))

    response = _client(client, world, role).get(url)

    if role in allowed:
        # Joining redirects people already on the roster back to the club page.
        if name == "join" and role in {"chair", "advisory"}:
            assert response.status_code == 302
        else:
            assert response.status_code == 200, response.content[:300]
    elif role == "anonymous" and needs_login:
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_it_logs_every_case_view_and_refuses_the_rest_without_logging(client, world, role):
    url = reverse("clubs:case", kwargs={"pk": world.case.pk})

    _client(client, world, role).get(url)

    logged = CaseAccessLog.objects.filter(case=world.case, action=CaseAccessLog.Action.VIEW)
    if role in CASE_READERS:
        assert logged.get().user == world.users[role]
    else:
        assert not logged.exists()


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_board_and_ward_officials_approve_a_request(client, world, role):
    join_request = JoinRequest.objects.create(
        club=world.club, user=world.users["member"], gender="male"
    )
    url = reverse("clubs:requests", kwargs={"pk": world.club.pk})

    _client(client, world, role).post(url, {"request": join_request.pk, "decision": "approve"})

    join_request.refresh_from_db()
    approved = join_request.status == JoinRequest.Status.APPROVED
    assert approved == (role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_board_and_ward_officials_change_a_role(client, world, role):
    entry = _plain_entry(world)
    url = reverse("clubs:roster_edit", kwargs={"pk": world.club.pk, "entry_pk": entry.pk})
    data = {"full_name": entry.full_name, "gender": "male", "birth_year": 1965}
    data |= {"role": "advisory", "joined_on": entry.joined_on.isoformat(), "lives_in_ward": "on"}

    _client(client, world, role).post(url, data)

    entry.refresh_from_db()
    changed = entry.role == RosterEntry.Role.ADVISORY
    assert changed == (role in MANAGERS)
    assert RosterRoleChange.objects.filter(entry=entry).exists() == changed


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_wards_officials_edit_the_steering_group(client, world, role):
    person = _steering_person(world)
    url = reverse(
        "clubs:steering_member_edit",
        kwargs={"ward_code": world.ward.code, "person_pk": person.pk},
    )

    _client(client, world, role).post(
        url, {"full_name": "Ngô Văn Tâm", "position": "Phó Chủ tịch UBND", "role": "deputy"}
    )

    person.refresh_from_db()
    assert (person.role == SteeringGroupMember.Role.DEPUTY) == (role in WARD_MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_wards_officials_remove_from_the_steering_group(client, world, role):
    person = _steering_person(world)
    url = reverse(
        "clubs:steering_member_remove",
        kwargs={"ward_code": world.ward.code, "person_pk": person.pk},
    )

    response = _client(client, world, role).post(url)

    removed = not SteeringGroupMember.objects.filter(pk=person.pk).exists()
    assert removed == (role in WARD_MANAGERS)
    if role == "anonymous":
        assert response.status_code == 302
    elif role not in WARD_MANAGERS:
        assert response.status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_managers_record_a_meeting(client, world, role):
    url = reverse("clubs:meeting_record", kwargs={"pk": world.meeting.pk})
    data = {"status": "held", "guests_men": 3, "guests_women": 2, "guests_other": 0}

    _client(client, world, role).post(url, data)

    world.meeting.refresh_from_db()
    assert (world.meeting.status == Meeting.Status.HELD) == (role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_only_the_advisory_team_record_a_case(client, world, role):
    url = reverse("clubs:case_add", kwargs={"pk": world.club.pk})
    data = {
        "opened_on": "2026-01-05",
        "kind": "other",
        "gender": "male",
        "age_band": "30_59",
        "relation": "self",
        "consent_to_help": "on",
        "follow_up_status": "open",
    }

    _client(client, world, role).post(url, data)

    assert (Case.objects.count() == 2) == (role == "advisory")


def test_it_shows_identifying_details_only_to_the_counsellor_holding_the_case(client, world):
    from clubs.models import CaseIdentity

    CaseIdentity.objects.create(case=world.case, full_name="Trần Thị Kim", phone="0905123456")
    url = reverse("clubs:case", kwargs={"pk": world.case.pk})

    for role in ("chair", "ward_official"):
        client.force_login(world.users[role])
        body = client.get(url).content.decode()
        assert "Trần Thị Kim" not in body and "0905123456" not in body
    client.force_login(world.users["advisory"])
    body = client.get(url).content.decode()

    assert "Trần Thị Kim" in body and "0905123456" in body
    assert CaseAccessLog.objects.filter(action=CaseAccessLog.Action.VIEW_IDENTITY).count() == 1


def test_it_keeps_cases_off_every_public_page(client, world):
    world.case.actions_taken = "Chi tiết bí mật của vụ việc"
    world.case.save(update_fields=["actions_taken"])
    for name, kwargs, allowed, _ in PAGES:
        if allowed == EVERYONE:
            body = client.get(reverse(f"clubs:{name}", kwargs=kwargs(world))).content.decode()
            assert world.case.reference not in body
            assert "bí mật" not in body
            assert reverse("clubs:cases", kwargs={"pk": world.club.pk}) not in body
