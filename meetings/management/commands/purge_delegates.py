"""Remove delegates' personal data from meetings older than the retention
period (MEETINGS_PERSONAL_DATA_RETENTION_DAYS), keeping which states and
organisations attended. Run it daily (cron or Celery beat)."""

from django.core.management.base import BaseCommand

from meetings.services.purge import delegates_purge, retention_period


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Say what would be removed, remove nothing.")

    def handle(self, *args, dry_run=False, **options):
        result = delegates_purge(dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(
            f"{verb} {result.delegates} delegates from {result.delegations} delegations "
            f"of meetings that ended more than {retention_period().days} days ago"
        )
