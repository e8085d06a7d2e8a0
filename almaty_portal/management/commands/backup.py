"""`manage.py backup --output DIR`: the database, every stored file and a
manifest (almaty_portal/backup.py describes the format)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError

from almaty_portal.backup import BackupError, backup_write


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
        try:
            backup_write(output=options["output"], using=options["database"],
                         progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        except DatabaseError as exc:
            raise CommandError(f"Database error: {exc}".strip()) from exc
        except OSError as exc:
            raise CommandError(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from exc
