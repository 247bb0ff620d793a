"""`manage.py seed_demo`: a living demo in Vietnamese, safe to run again and again.

Each app adds its part as a `seed(ctx)` function listed in settings.DEMO_SEEDERS; they run
in order in one transaction and share `ctx` (the demo people and places made before them).
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from network_portal.demo.core import DemoContext


class Command(BaseCommand):
    help = "Create or refresh the Vietnamese demo data and print the demo logins."

    def handle(self, *args, **options):
        ctx = DemoContext(stdout=self.stdout)
        with transaction.atomic():
            for path in settings.DEMO_SEEDERS:
                import_string(path)(ctx)
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Dữ liệu minh họa đã sẵn sàng. Tài khoản demo:"))
        width = max(len(label) for label, _email in ctx.logins)
        for label, email in ctx.logins:
            self.stdout.write(f"  {label.ljust(width)}  {email}")
        self.stdout.write(f"  Mật khẩu chung: {settings.DEMO_PASSWORD}")
