"""List pages keep the same number of queries however many rows they show."""

import pytest
from django.urls import reverse

from clubs.models import RosterEntry
from tests.clubs.factories import (
    CaseFactory,
    ClubFactory,
    MeetingFactory,
    fill_roster,
    on_roster,
)
from tests.factories import WardFactory

pytestmark = pytest.mark.django_db


def clubs_queries(client, url) -> tuple[int, int]:
    """(queries on the clubs tables, all queries) for one GET.

    Signed-in pages also pay for the site layout (session, user, the header's own queries, which
    other apps add to); the clubs part is what this app owns and is pinned exactly, whatever
    the number of rows.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('"clubs_' in q["sql"] for q in queries.captured_queries), len(queries)


def _clubs(n):
    for _ in range(n):
        club = ClubFactory(ward=WardFactory())
        fill_roster(club, men=3, women=2, board_men=1)


@pytest.mark.parametrize("rows", [1, 8])
def test_it_lists_clubs_in_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    _clubs(rows)
    # session-less anonymous visit: count + page + 2 filter choice lists
    with django_assert_num_queries(4):
        response = client.get(reverse("clubs:list"), {"status": "active"})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 8])
def test_it_shows_a_roster_in_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    club = ClubFactory()
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    fill_roster(club, men=rows, women=rows)
    client.force_login(chair)
    url = reverse("clubs:roster", kwargs={"pk": club.pk})
    client.get(url)  # warm the session

    # club, club roles, count, page (blocks joined)
    own, _total = clubs_queries(client, url)
    assert own == 4


@pytest.mark.parametrize("rows", [1, 8])
def test_it_lists_the_year_of_meetings_in_a_constant_number_of_queries(
    client, django_assert_num_queries, rows
):
    club = ClubFactory()
    for _ in range(rows):
        MeetingFactory(club=club)

    with django_assert_num_queries(3):
        client.get(reverse("clubs:meetings", kwargs={"pk": club.pk}), {"year": 2030})


@pytest.mark.parametrize("rows", [1, 8])
def test_it_lists_cases_in_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    club = ClubFactory()
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    for _ in range(rows):
        CaseFactory(club=club, holder=counsellor)
    client.force_login(counsellor)
    url = reverse("clubs:cases", kwargs={"pk": club.pk})
    client.get(url)

    # club, club roles, count, page (holders joined)
    own, _total = clubs_queries(client, url)
    assert own == 4


@pytest.mark.parametrize("rows", [1, 8])
def test_it_shows_my_clubs_in_a_constant_number_of_queries(client, django_assert_num_queries, rows):
    member = None
    for _ in range(rows):
        club = ClubFactory()
        member = member or on_roster(club)
        RosterEntry.objects.create(club=club, user=member, full_name="A", gender="male") if (
            not RosterEntry.objects.filter(club=club, user=member).exists()
        ) else None
        MeetingFactory(club=club)
    client.force_login(member)
    client.get(reverse("clubs:mine"))

    # calendar token, entries, meetings, join requests
    own, _total = clubs_queries(client, reverse("clubs:mine"))
    assert own == 4


@pytest.mark.parametrize("rows", [1, 6])
def test_it_renders_the_profile_sections_in_two_queries(django_assert_num_queries, rows):
    from django.template import Context, Template

    member = None
    for _ in range(rows):
        club = ClubFactory()
        if member is None:
            member = on_roster(club)
        else:
            RosterEntry.objects.create(club=club, user=member, full_name="A", gender="male")
        MeetingFactory(club=club)
    template = Template(
        '{% include "clubs/includes/profile_section.html" %}'
        '{% include "clubs/includes/profile_meetings.html" %}'
    )

    with django_assert_num_queries(2):
        html = template.render(Context({"profile_user": member, "user": member}))
    assert html.count("/clubs/meetings/") == min(rows, 5)
    assert html.count('href="/clubs/') - html.count("/clubs/meetings/") >= rows


@pytest.mark.parametrize("rows", [1, 8])
def test_it_shows_a_steering_group_with_edit_links_in_a_constant_number_of_queries(client, rows):
    from clubs.models import SteeringGroupMember
    from tests.factories import ward_official

    ward = WardFactory()
    SteeringGroupMember.objects.bulk_create(
        SteeringGroupMember(ward=ward, full_name=f"Thành viên {n}") for n in range(rows)
    )
    client.force_login(ward_official(ward))
    url = reverse("clubs:steering_group", kwargs={"ward_code": ward.code})
    client.get(url)

    # the steering group and the ward's clubs
    own, _total = clubs_queries(client, url)
    assert own == 2
    assert client.get(url).content.decode().count("/steering-group/") >= rows


@pytest.mark.parametrize("changes", [0, 6])
def test_it_shows_a_roster_entrys_edit_page_in_a_constant_number_of_queries(client, changes):
    from clubs import services

    club = ClubFactory()
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    fill_roster(club, men=1, women=0)
    entry = RosterEntry.objects.get(club=club, full_name="Nam 0")
    roles = [RosterEntry.Role.BOARD, RosterEntry.Role.MEMBER] * 3
    for role in roles[:changes]:
        services.roster_entry_update(entry=entry, by=chair, role=role)
    client.force_login(chair)
    url = reverse("clubs:roster_edit", kwargs={"pk": club.pk, "entry_pk": entry.pk})
    client.get(url)

    # the entry with club, ward and block; club roles; the history with who changed it
    own, _total = clubs_queries(client, url)
    assert own == 3
