"""The board edits a roster entry's details and role; a role change is kept with its date."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from clubs import services
from clubs.models import Club, RosterEntry, RosterRoleChange, SteeringGroupMember
from members.choices import Gender
from tests.clubs.factories import ClubFactory, RosterEntryFactory, fill_roster, on_roster
from tests.factories import WardFactory, ward_official

pytestmark = pytest.mark.django_db


@pytest.fixture
def club():
    return ClubFactory(ward=WardFactory(name="Phường Hải Châu"))


@pytest.fixture
def chair(club):
    return on_roster(club, RosterEntry.Role.CHAIR, full_name="Hoàng Văn Dũng")


@pytest.fixture
def entry(club):
    return RosterEntryFactory(
        club=club, full_name="Lê Văn Nam", joined_on=dt.date(2024, 3, 1), birth_year=1965
    )


def _form_data(entry, **changes):
    data = {
        "full_name": entry.full_name,
        "gender": entry.gender,
        "birth_year": entry.birth_year or "",
        "phone": entry.phone,
        "affiliation": entry.affiliation,
        "role": entry.role,
        "joined_on": entry.joined_on.isoformat(),
        "lives_in_ward": "on",
    }
    data.update(changes)
    return data


def test_it_records_a_role_change_with_its_date_and_author(club, chair, entry):
    services.roster_entry_update(
        entry=entry, by=chair, role=RosterEntry.Role.ADVISORY, role_changed_on=dt.date(2025, 6, 1)
    )

    entry.refresh_from_db()
    change = RosterRoleChange.objects.get(entry=entry)
    assert entry.role == RosterEntry.Role.ADVISORY
    assert (change.from_role, change.to_role) == (RosterEntry.Role.MEMBER, "advisory")
    assert change.changed_on == dt.date(2025, 6, 1)
    assert change.changed_by == chair
    assert entry.joined_on == dt.date(2024, 3, 1)  # the joining date is kept


def test_it_dates_a_role_change_today_when_no_date_is_given(club, chair, entry):
    services.roster_entry_update(entry=entry, by=chair, role=RosterEntry.Role.BOARD)

    assert RosterRoleChange.objects.get(entry=entry).changed_on == timezone.localdate()


def test_it_records_no_history_when_only_details_change(club, chair, entry):
    services.roster_entry_update(
        entry=entry, by=chair, role=entry.role, phone="+84905123456", birth_year=1966
    )

    entry.refresh_from_db()
    assert (entry.phone, entry.birth_year) == ("+84905123456", 1966)
    assert not RosterRoleChange.objects.exists()


def test_it_refuses_a_member_who_is_not_on_the_board(club, entry):
    member = on_roster(club, RosterEntry.Role.MEMBER)

    with pytest.raises(PermissionError):
        services.roster_entry_update(entry=entry, by=member, role=RosterEntry.Role.CHAIR)

    entry.refresh_from_db()
    assert entry.role == RosterEntry.Role.MEMBER


def test_it_refuses_to_change_someone_who_left(club, chair, entry):
    entry.left_on = timezone.localdate()
    entry.save(update_fields=["left_on"])

    with pytest.raises(ValueError):
        services.roster_entry_update(entry=entry, by=chair, role=RosterEntry.Role.BOARD)
    assert not RosterRoleChange.objects.exists()


def test_it_updates_the_composition_check_when_roles_change(club, chair):
    fill_roster(club, men=30, women=10, board_men=0)
    before = Club.objects.get(pk=club.pk).composition
    assert before.board_men_count == 1 and not before.meets_rule
    someone = RosterEntry.objects.filter(club=club, full_name="Nam 3").get()

    services.roster_entry_update(entry=someone, by=chair, role=RosterEntry.Role.VICE_CHAIR)

    assert Club.objects.get(pk=club.pk).composition.meets_rule


def test_it_moves_a_member_to_the_advisory_team_through_the_page(client, club, chair, entry):
    client.force_login(chair)
    url = reverse("clubs:roster_edit", kwargs={"pk": club.pk, "entry_pk": entry.pk})

    response = client.post(url, _form_data(entry, role="advisory", role_changed_on="2025-01-10"))

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.role == RosterEntry.Role.ADVISORY
    page = client.get(url).content.decode()
    assert "10/01/2025" in page  # the history is shown on the edit page
    detail = client.get(club.get_absolute_url()).content.decode()
    assert "Lê Văn Nam – Thành viên tổ tư vấn" in detail or "Lê Văn Nam – Advisory" in detail


@pytest.mark.parametrize(
    "changes,field,message",
    [
        ({"full_name": ""}, "full_name", "Vui lòng nhập họ và tên."),
        ({"gender": "robot"}, "gender", None),
        ({"role": "king"}, "role", "Vui lòng chọn một vai trò trong danh sách."),
        ({"birth_year": "1800"}, "birth_year", None),
        ({"joined_on": "hôm qua"}, "joined_on", "Vui lòng nhập ngày, ví dụ 15/03/2026."),
        ({"joined_on": "2999-01-01"}, "joined_on", "Ngày tham gia không thể ở tương lai."),
        (
            {"role": "board", "role_changed_on": "2999-01-01"},
            "role_changed_on",
            "Ngày thay đổi không thể ở tương lai.",
        ),
        (
            {"role": "board", "role_changed_on": "2020-01-01"},
            "role_changed_on",
            "Ngày thay đổi không thể trước ngày người này tham gia câu lạc bộ.",
        ),
    ],
)
def test_it_explains_bad_input_in_vietnamese_and_saves_nothing(
    client, club, chair, entry, changes, field, message
):
    client.force_login(chair)
    url = reverse("clubs:roster_edit", kwargs={"pk": club.pk, "entry_pk": entry.pk})

    response = client.post(url, _form_data(entry, **changes), HTTP_ACCEPT_LANGUAGE="vi")

    assert response.status_code == 200
    assert field in response.context["form"].errors
    if message:
        assert message in response.content.decode()
    entry.refresh_from_db()
    assert (entry.full_name, entry.role, entry.joined_on) == (
        "Lê Văn Nam",
        RosterEntry.Role.MEMBER,
        dt.date(2024, 3, 1),
    )
    assert not RosterRoleChange.objects.exists()


def test_it_does_not_edit_an_entry_of_another_club_through_this_club(client, club, chair):
    other = RosterEntryFactory(club=ClubFactory(), full_name="Người khác")
    client.force_login(chair)

    response = client.get(
        reverse("clubs:roster_edit", kwargs={"pk": club.pk, "entry_pk": other.pk})
    )

    assert response.status_code == 404


def test_it_lets_the_ward_official_edit_and_remove_a_steering_group_person(client, club):
    official = ward_official(club.ward)
    person = SteeringGroupMember.objects.create(ward=club.ward, full_name="Ngô Văn Tâm")
    client.force_login(official)
    kwargs = {"ward_code": club.ward.code, "person_pk": person.pk}

    client.post(
        reverse("clubs:steering_member_edit", kwargs=kwargs),
        {"full_name": "Ngô Văn Tâm", "position": "Chủ tịch UBND phường", "role": "leader"},
    )
    person.refresh_from_db()
    assert (person.position, person.role) == ("Chủ tịch UBND phường", "leader")

    response = client.post(
        reverse("clubs:steering_member_edit", kwargs=kwargs),
        {"full_name": "", "role": "leader"},
        HTTP_ACCEPT_LANGUAGE="vi",
    )
    assert "Vui lòng nhập họ và tên." in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Ngô Văn Tâm"

    client.post(reverse("clubs:steering_member_remove", kwargs=kwargs))
    assert not SteeringGroupMember.objects.filter(pk=person.pk).exists()


def test_it_keeps_the_men_count_when_a_woman_becomes_an_adviser(club, chair):
    woman = RosterEntryFactory(club=club, full_name="Trần Thị Hoa", gender=Gender.FEMALE)

    services.roster_entry_update(entry=woman, by=chair, role=RosterEntry.Role.ADVISORY)

    composition = Club.objects.get(pk=club.pk).composition
    assert (composition.women_count, composition.advisory_outside_count) == (1, 0)
