"""``manage.py archive_import MANIFEST --files DIR [--dry-run]``: bring an
existing archive in (README, "Importing an existing archive"). The same
run as the admin's import page (archive.imports), in this process, with a
progress bar in the terminal; the report is printed row by row and kept
for staff in the admin (Archive › Archive imports)."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from archive.enums import ImportOutcome, ImportStatus
from archive.imports import archive_import_from_command
from archive.imports.report import text

BAR_WIDTH = 30


class Command(BaseCommand):
    help = ("Import documents and their files listed in a manifest (CSV or XLSX); "
            "--dry-run only reports what would be done.")

    def add_arguments(self, parser):
        parser.add_argument("manifest", type=Path, help="The manifest, a .csv or .xlsx file.")
        parser.add_argument("--files", type=Path, required=True,
                            help="The folder the manifest's file paths are relative to.")
        parser.add_argument("--dry-run", action="store_true",
                            help="Report what would be created, updated or refused; write nothing.")

    def handle(self, *args, manifest: Path, files: Path, dry_run: bool, verbosity: int,
               **options):
        if not manifest.is_file():
            raise CommandError(_("The manifest %(path)s does not exist.") % {"path": manifest})
        if not files.is_dir():
            raise CommandError(_("The folder %(path)s does not exist.") % {"path": files})
        self.shown = -1
        archive_import = archive_import_from_command(
            manifest=manifest, files_dir=files, dry_run=dry_run,
            progress=self._bar if verbosity > 0 else None,
        )
        if verbosity > 0 and self.shown >= 0 and sys.stderr.isatty():
            sys.stderr.write("\n")
        for entry in archive_import.report:
            if verbosity > 0 or entry["outcome"] == ImportOutcome.REFUSED:
                self._entry(entry)
        if archive_import.status == ImportStatus.FAILED:
            raise CommandError(archive_import.error)
        summary = (_("Dry run of %(rows)d rows: %(created)d to create, %(updated)d to update, "
                     "%(unchanged)d unchanged, %(refused)d refused; nothing was written.")
                   if dry_run else
                   _("Imported %(rows)d rows: %(created)d created, %(updated)d updated, "
                     "%(unchanged)d unchanged, %(refused)d refused."))
        self.stdout.write(summary % {
            "rows": archive_import.rows_total, "created": archive_import.created_count,
            "updated": archive_import.updated_count,
            "unchanged": archive_import.unchanged_count,
            "refused": archive_import.refused_count,
        })

    def _entry(self, entry: dict) -> None:
        outcome = ImportOutcome(entry["outcome"]).label
        details = " ".join(text(detail) for detail in entry.get("details", []))
        line = _("line %(line)d") % {"line": entry["line"]} if entry["line"] else _("manifest")
        message = f"{line}: {outcome}" + (f" — {details}" if details else "")
        style = self.style.ERROR if entry["outcome"] == ImportOutcome.REFUSED else str
        self.stdout.write(style(message))

    def _bar(self, done: int, total: int) -> None:
        """A bar redrawn in place on a terminal; on a pipe, a line per tenth."""
        percent = done * 100 // total if total else 100
        if sys.stderr.isatty():
            if percent == self.shown and done != total:
                return
            filled = BAR_WIDTH * percent // 100
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
                             f"{percent:3d}% {done}/{total}")
        else:
            if percent // 10 == self.shown // 10 and done != total:
                return
            sys.stderr.write(f"{percent}% {done}/{total}\n")
        sys.stderr.flush()
        self.shown = percent
