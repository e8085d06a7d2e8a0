"""`manage.py backup --output DIR`: the database, every stored file and a
manifest (almaty_portal/backup/__init__.py describes the format)."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from almaty_portal.backup import backup_write

from ._errors import errors_as_messages


class Command(BaseCommand):
    help = (
        "Back up the database and every stored file, with a manifest of row counts and "
        "checksums, into a new directory (written as DIR.partial, renamed when complete)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", required=True, type=Path,
                            help="Directory to create; must not exist or be empty.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS,
                            help="Database alias (default: %(default)s).")

    def handle(self, *args, **options):
        with errors_as_messages():
            backup_write(output=options["output"], using=options["database"],
                         progress=self.stdout.write)
