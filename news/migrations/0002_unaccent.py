"""PostgreSQL's `unaccent`, for search that ignores diacritics. Django's CreateExtension does
nothing on other databases (it checks `connection.vendor`), so SQLite skips this step."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [UnaccentExtension()]
