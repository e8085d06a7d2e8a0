"""Background work of membership: the security log's retention."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="membership.purge_security_events")
def purge_security_events() -> int:
    """Daily (Celery beat): security events past SECURITY_LOG_RETENTION_DAYS.
    Idempotent."""
    from .services import security_events_purge

    return security_events_purge()
