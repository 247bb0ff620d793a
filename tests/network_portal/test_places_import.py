import pytest

from network_portal.places.models import Block, Province, Ward
from network_portal.places.services import official_divisions, places_import

pytestmark = pytest.mark.django_db


def divisions(*wards_by_province):
    """A tiny official list: [(province_code, province_name, [(ward_code, ward_name), …]), …]."""
    return [
        {
            "code": code,
            "name": name,
            "codename": f"p{code}",
            "division_type": "tỉnh",
            "wards": [
                {"code": wc, "name": wn, "codename": f"w{wc}", "division_type": "phường"}
                for wc, wn in wards
            ],
        }
        for code, name, wards in wards_by_province
    ]


def test_it_loads_the_official_list_with_codes():
    result = places_import(divisions=official_divisions())

    assert Province.objects.count() == 34
    assert Ward.objects.count() == 3321
    assert (result.provinces_created, result.wards_created) == (34, 3321)
    assert Ward.objects.get(code=20242).name == "Phường Hải Châu"
    assert Ward.objects.get(code=20242).province.name == "Thành phố Đà Nẵng"


def test_it_changes_nothing_when_run_again():
    data = divisions((1, "Hà Nội", [(70, "Phường Hoàn Kiếm"), (4, "Phường Ba Đình")]))
    places_import(divisions=data)

    again = places_import(divisions=data)

    assert (again.provinces_created, again.provinces_updated, again.provinces_retired) == (0, 0, 0)
    assert (again.wards_created, again.wards_updated, again.wards_retired) == (0, 0, 0)
    assert Ward.objects.count() == 2


def test_it_renames_and_retires_after_a_merger_without_deleting():
    places_import(
        divisions=divisions((1, "Hà Nội", [(70, "Phường Hoàn Kiếm"), (73, "Phường Cửa Nam")]))
    )
    gone = Ward.objects.get(code=73)
    Block.objects.create(ward=gone, name="5")  # something still points at the merged ward

    # Cửa Nam merges into Hoàn Kiếm, which takes a new name.
    result = places_import(divisions=divisions((1, "Hà Nội", [(70, "Phường Hoàn Kiếm Mới")])))

    assert result.wards_updated == 1
    assert result.wards_retired == 1
    assert Ward.objects.get(code=70).name == "Phường Hoàn Kiếm Mới"
    gone.refresh_from_db()
    assert gone.is_active is False
    assert gone.retired_at is not None
    assert Block.objects.filter(ward=gone).exists()
    assert list(Ward.objects.current().values_list("code", flat=True)) == [70]


def test_it_brings_back_a_unit_that_returns():
    places_import(divisions=divisions((1, "Hà Nội", [(70, "A"), (73, "B")])))
    places_import(divisions=divisions((1, "Hà Nội", [(70, "A")])))

    places_import(divisions=divisions((1, "Hà Nội", [(70, "A"), (73, "B")])))

    ward = Ward.objects.get(code=73)
    assert ward.is_active is True
    assert ward.retired_at is None


def test_it_retires_a_province_that_leaves_the_list():
    places_import(divisions=divisions((1, "Hà Nội", [(70, "A")]), (2, "Hà Giang", [(80, "B")])))

    result = places_import(divisions=divisions((1, "Hà Nội", [(70, "A"), (80, "B")])))

    assert result.provinces_retired == 1
    assert Province.objects.get(code=2).is_active is False
    assert Ward.objects.get(code=80).province.code == 1  # the ward moved to its new province
