"""`manage.py restore DIR`: a backup made by `manage.py backup`, restored
into an empty instance and verified against its manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from almaty_portal.backup import backup_restore

from ._errors import errors_as_messages

# Differences printed in full; beyond, a count (the manifest has them all).
SHOWN = 50


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty instance (database "
        "and stored files), then verify row counts and checksums against its manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="The backup directory.")
        parser.add_argument(
            "--force", action="store_true",
            help="Replace the database and the stored files even if they hold data.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS,
                            help="Database alias (default: %(default)s).")

    def handle(self, *args, **options):
        with errors_as_messages():
            report = backup_restore(source=options["source"], using=options["database"],
                                    force=options["force"], progress=self.stdout.write)
        for difference in report.differences[:SHOWN]:
            self.stderr.write(f"  {difference}")
        if len(report.differences) > SHOWN:
            self.stderr.write(f"  ... and {len(report.differences) - SHOWN} more")
        if report.differences:
            raise CommandError(
                f"Restored, but {len(report.differences)} differences from the manifest "
                "(above): do not put this instance in service before they are explained."
            )
        self.stdout.write(self.style.SUCCESS(
            f"Restored and verified: {report.tables} tables, {report.rows} rows, "
            f"{report.files} files ({report.bytes} bytes) match the manifest."
        ))
