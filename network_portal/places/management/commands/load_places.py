from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from network_portal.places.services import official_divisions, places_import


class Command(BaseCommand):
    help = "Load or update provinces and wards from the vietnam-provinces package (idempotent)."

    def handle(self, *args, **options):
        result = places_import(divisions=official_divisions())
        self.stdout.write(
            _(
                "Provinces: %(pc)d new, %(pu)d updated, %(pr)d retired. "
                "Wards: %(wc)d new, %(wu)d updated, %(wr)d retired."
            )
            % {
                "pc": result.provinces_created,
                "pu": result.provinces_updated,
                "pr": result.provinces_retired,
                "wc": result.wards_created,
                "wu": result.wards_updated,
                "wr": result.wards_retired,
            }
        )
