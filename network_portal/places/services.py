"""Writes to places: the official list import and the blocks a ward names."""

import json
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from network_portal.roles import permissions

from .models import Block, Province, Ward


@dataclass
class PlacesImportResult:
    provinces_created: int = 0
    provinces_updated: int = 0
    provinces_retired: int = 0
    wards_created: int = 0
    wards_updated: int = 0
    wards_retired: int = 0


WARD_FIELDS = ["province_id", "name", "codename", "division_type", "is_active", "retired_at"]


def official_divisions() -> list[dict]:
    """The official list shipped by `vietnam-provinces`: provinces, each with its wards."""
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    return json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))


@transaction.atomic
def places_import(*, divisions: list[dict]) -> PlacesImportResult:
    """Bring provinces and wards in line with `divisions`; safe to run again and again.

    New units are created, changed names (mergers, renames) are updated, and units missing
    from the list are retired (is_active=False), never deleted: clubs and reports keep them.
    A unit that comes back is reactivated.
    """
    result = PlacesImportResult()
    now = timezone.now()
    provinces = {p.code: p for p in Province.objects.all()}
    wards = {w.code: w for w in Ward.objects.all()}
    seen_provinces, seen_wards = set(), set()
    new_wards: list[Ward] = []
    changed_wards: list[Ward] = []

    for item in divisions:
        code = int(item["code"])
        seen_provinces.add(code)
        values = {
            "name": item["name"],
            "codename": item["codename"],
            "division_type": item["division_type"],
            "is_active": True,
            "retired_at": None,
        }
        province = provinces.get(code)
        if province is None:
            province = Province.objects.create(code=code, **values)
            provinces[code] = province
            result.provinces_created += 1
        elif _differs(province, values):
            _assign(province, values)
            province.save(update_fields=list(values))
            result.provinces_updated += 1

        for ward_item in item.get("wards", []):
            ward_code = int(ward_item["code"])
            seen_wards.add(ward_code)
            ward_values = {
                "province_id": province.pk,
                "name": ward_item["name"],
                "codename": ward_item["codename"],
                "division_type": ward_item["division_type"],
                "is_active": True,
                "retired_at": None,
            }
            ward = wards.get(ward_code)
            if ward is None:
                new_wards.append(Ward(code=ward_code, **ward_values))
            elif _differs(ward, ward_values):
                _assign(ward, ward_values)
                changed_wards.append(ward)

    Ward.objects.bulk_create(new_wards, batch_size=500)
    if changed_wards:
        Ward.objects.bulk_update(changed_wards, fields=WARD_FIELDS, batch_size=500)
    result.wards_created = len(new_wards)
    result.wards_updated = len(changed_wards)

    gone_wards = [c for c, w in wards.items() if c not in seen_wards and w.is_active]
    result.wards_retired = Ward.objects.filter(code__in=gone_wards).update(
        is_active=False, retired_at=now
    )
    gone_provinces = [c for c, p in provinces.items() if c not in seen_provinces and p.is_active]
    result.provinces_retired = Province.objects.filter(code__in=gone_provinces).update(
        is_active=False, retired_at=now
    )
    return result


def _differs(obj, values: dict) -> bool:
    return any(getattr(obj, field) != value for field, value in values.items())


def _assign(obj, values: dict) -> None:
    for field, value in values.items():
        setattr(obj, field, value)


def block_create(*, ward: Ward, kind: str, name: str, by) -> Block:
    """A ward official names a block/hamlet of their ward."""
    if not permissions.can_manage_ward(by, ward):
        raise PermissionError("Only this ward's officials may add its blocks.")
    return Block.objects.create(ward=ward, kind=kind, name=name, created_by=by)
