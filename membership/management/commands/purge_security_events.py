"""Delete the security log's events last seen more than
SECURITY_LOG_RETENTION_DAYS days ago. Celery beat runs it daily
(membership.purge_security_events); this is the same for cron or by hand."""

from django.conf import settings
from django.core.management.base import BaseCommand

from membership.services import security_events_purge


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        deleted = security_events_purge()
        self.stdout.write(
            f"removed {deleted} security events older than "
            f"{settings.SECURITY_LOG_RETENTION_DAYS} days"
        )
