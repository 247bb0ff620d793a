import csv
import io

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from clubs import services
from clubs.models import Case, CaseAccessLog, CaseIdentity, Referral, RosterEntry
from clubs.selectors import suppress_small
from tests.clubs.factories import CaseFactory, ClubFactory, on_roster
from tests.factories import site_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def club():
    return ClubFactory()


@pytest.mark.parametrize(
    "count,shown", [(0, "0"), (None, "0"), (1, "<5"), (4, "<5"), (5, "5"), (27, "27")]
)
def test_it_suppresses_small_cells(count, shown):
    assert suppress_small(count) == shown


def test_it_exports_cases_without_names_and_logs_each_one(client, club):
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY, full_name="Bùi Thị Hạnh")
    case = CaseFactory(club=club, holder=counsellor, consent_to_share=True)
    CaseIdentity.objects.create(case=case, full_name="Trần Thị Kim", phone="0905123456")
    client.force_login(counsellor)

    response = client.get(reverse("clubs:cases_export", kwargs={"pk": club.pk}))
    body = response.content.decode()

    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][0] == "reference" and rows[1][0] == case.reference
    for secret in ("Trần Thị Kim", "0905123456", "Bùi Thị Hạnh", counsellor.email):
        assert secret not in body
    assert CaseAccessLog.objects.filter(action="export", case=case).count() == 1
    assert response["Cache-Control"] == "no-store, private"


def test_it_refuses_a_referral_without_the_sharing_consent(club):
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=counsellor, consent_to_share=False)

    with pytest.raises(ValueError):
        services.referral_create(case=case, body="police", by=counsellor)
    assert not Referral.objects.exists()


def test_it_lets_only_the_chair_override_with_a_reason_and_logs_it(club):
    chair = on_roster(club, RosterEntry.Role.CHAIR)
    case = CaseFactory(club=club, holder=on_roster(club, RosterEntry.Role.ADVISORY))

    with pytest.raises(ValueError):
        services.referral_create(case=case, body="police", by=chair, override_reason=" ")
    referral = services.referral_create(
        case=case, body="police", by=chair, override_reason="Trẻ em đang gặp nguy hiểm"
    )

    assert referral.consent_override
    assert CaseAccessLog.objects.filter(case=case, action="override", user=chair).exists()


def test_it_follows_a_referral_through_its_life(club):
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=counsellor, consent_to_share=True)
    referral = services.referral_create(case=case, body="legal_aid", by=counsellor)

    services.referral_set_status(referral=referral, status="accepted", reason="", by=counsellor)
    with pytest.raises(ValueError):
        services.referral_set_status(referral=referral, status="closed", reason="", by=counsellor)
    services.referral_set_status(
        referral=referral, status="closed", reason="Đã được hỗ trợ pháp lý", by=counsellor
    )

    assert referral.status == Referral.Status.CLOSED
    with pytest.raises(ValueError):
        services.referral_set_status(referral=referral, status="made", reason="", by=counsellor)


def test_it_logs_a_change_made_by_the_holder(client, club):
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=counsellor)
    client.force_login(counsellor)

    client.post(
        reverse("clubs:case_edit", kwargs={"pk": case.pk}),
        {
            "opened_on": "2026-02-01",
            "kind": case.kind,
            "gender": case.gender,
            "age_band": case.age_band,
            "relation": case.relation,
            "consent_to_help": "on",
            "follow_up_status": "following",
            "full_name": "Nguyễn Thị Y",
        },
    )

    case.refresh_from_db()
    assert case.follow_up_status == "following"
    assert case.identity.full_name == "Nguyễn Thị Y"
    assert CaseAccessLog.objects.filter(case=case, action="change", user=counsellor).exists()


def test_it_keeps_the_access_log_append_only(club):
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = services.case_create(
        club=club,
        by=counsellor,
        kind="other",
        gender="male",
        age_band="30_59",
        relation="self",
        consent_to_help=True,
    )
    entry = CaseAccessLog.objects.get(case=case)

    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_it_gives_the_site_admin_no_way_to_edit_the_log_or_see_cases():
    request = RequestFactory().get("/")
    request.user = site_admin()
    log_admin = admin.site._registry[CaseAccessLog]

    assert not log_admin.has_add_permission(request)
    assert not log_admin.has_change_permission(request)
    assert not log_admin.has_delete_permission(request)
    assert Case not in admin.site._registry
    assert CaseIdentity not in admin.site._registry


def test_it_stops_counting_a_counsellor_who_left_the_team(client, club):
    import datetime as dt

    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=counsellor)
    RosterEntry.objects.filter(user=counsellor).update(left_on=dt.date(2026, 5, 1))
    client.force_login(counsellor)

    assert client.get(reverse("clubs:case", kwargs={"pk": case.pk})).status_code == 403


def test_it_logs_opening_the_edit_form_as_a_view(client, club):
    counsellor = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=counsellor)
    client.force_login(counsellor)

    client.get(reverse("clubs:case_edit", kwargs={"pk": case.pk}))

    assert CaseAccessLog.objects.filter(case=case, action="view", detail="edit").count() == 1


def test_it_does_not_let_has_perm_open_cases_to_the_site_admin(club):
    """Case permissions are not `has_perm` permissions (superusers pass every has_perm)."""
    import rules

    from clubs import rules as club_rules

    admin_user = site_admin()

    assert not club_rules.can_see_cases(admin_user, club)
    assert not any(
        name.startswith("clubs.") and "case" in name for name in rules.permissions.permissions
    )


def test_it_sets_the_closing_date_when_a_case_is_closed_and_clears_it_when_reopened(db):
    from django.utils import timezone

    from clubs import services
    from clubs.models import Case, RosterEntry
    from tests.clubs.factories import CaseFactory, ClubFactory, on_roster

    club = ClubFactory()
    adviser = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=adviser)
    assert case.closed_on is None

    case.follow_up_status = Case.FollowUp.CLOSED
    services.case_update(case=case, by=adviser, changed=["follow_up_status"])
    case.refresh_from_db()
    assert case.closed_on == timezone.localdate()

    case.follow_up_status = Case.FollowUp.FOLLOWING
    services.case_update(case=case, by=adviser, changed=["follow_up_status"])
    case.refresh_from_db()
    assert case.closed_on is None


def test_it_dates_a_case_recorded_as_already_closed(db):
    from django.utils import timezone

    from clubs import services
    from clubs.models import RosterEntry
    from tests.clubs.factories import ClubFactory, on_roster

    club = ClubFactory()
    adviser = on_roster(club, RosterEntry.Role.ADVISORY)

    case = services.case_create(
        club=club,
        by=adviser,
        kind="other",
        gender="male",
        age_band="30_59",
        relation="self",
        follow_up_status="closed",
    )

    assert case.closed_on == timezone.localdate()


def test_it_shows_the_closing_date_on_the_case_page(client, db):
    from django.urls import reverse
    from django.utils import timezone

    from clubs import services
    from clubs.models import Case, RosterEntry
    from tests.clubs.factories import CaseFactory, ClubFactory, on_roster

    club = ClubFactory()
    adviser = on_roster(club, RosterEntry.Role.ADVISORY)
    case = CaseFactory(club=club, holder=adviser)
    case.follow_up_status = Case.FollowUp.CLOSED
    services.case_update(case=case, by=adviser, changed=["follow_up_status"])
    client.force_login(adviser)

    page = client.get(reverse("clubs:case", kwargs={"pk": case.pk})).content.decode()

    assert f"ngày đóng {timezone.localdate():%d/%m/%Y}" in page
