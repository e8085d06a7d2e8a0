"""The security log: refusals worth keeping (``SecurityEvent``).

- ``security_event_record`` writes one refusal with who (the claimed
  account, bounded), when (UTC), the client address and what was refused.
  The same refusal from the same client, account and path within
  ``SECURITY_LOG_COALESCE_SECONDS`` adds to the last row's ``count``, so a
  flood of requests costs one row a minute, not one per request. Refusals
  anyone can send in bulk without an account (sign-ins refused during a
  lockout, CSRF failures) are counted per client address alone, whatever
  the account or path they name (the row keeps the first). Recording
  never breaks the request it records: a database error is logged and
  swallowed inside its own savepoint.
- ``security_events_purge`` deletes what is older than
  ``SECURITY_LOG_RETENTION_DAYS`` (beat, daily; ``manage.py
  purge_security_events``). Nothing else deletes or changes a row.

The client address is the one django-axes counts (its
``AXES_CLIENT_IP_CALLABLE``, the site's proxy-aware rule), so the log and
the lockouts agree.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from ipaddress import ip_address

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from ..enums import SecurityEventKind
from ..models import SecurityEvent

logger = logging.getLogger(__name__)

_USERNAME_MAX = SecurityEvent._meta.get_field("username").max_length
_PATH_MAX = SecurityEvent._meta.get_field("path").max_length
_AGENT_MAX = SecurityEvent._meta.get_field("user_agent").max_length
_DETAIL_MAX = SecurityEvent._meta.get_field("detail").max_length
_METHOD_MAX = SecurityEvent._meta.get_field("method").max_length


# Kinds counted per client address alone within the window: an attacker
# varying the account or the path must not write a row per request.
_PER_ADDRESS_KINDS = {SecurityEventKind.LOCKOUT_REFUSAL, SecurityEventKind.CSRF_FAILURE}


def _address(request: HttpRequest) -> str | None:
    value = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    try:
        return str(ip_address(value)) if value else None
    except ValueError:
        return None


def _signed_in(request: HttpRequest):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def security_event_record(
    *, kind: SecurityEventKind | str, request: HttpRequest, username: str = "", detail: str = ""
) -> SecurityEvent | None:
    """Record that ``request`` was refused (``kind``). ``username`` is the
    account the request claimed (a login form's email); without it, the
    signed-in account's. Every value is cut to its column. Returns the row
    written or added to, or None if the database refused (logged)."""
    kind = SecurityEventKind(kind)
    user = _signed_in(request)
    if not username and user is not None:
        username = user.get_username()
    values = {
        "kind": kind,
        "username": str(username or "").strip()[:_USERNAME_MAX],
        "ip_address": _address(request),
        "path": (request.path or "")[:_PATH_MAX],
    }
    now = timezone.now()
    try:
        with transaction.atomic():
            window = timedelta(seconds=settings.SECURITY_LOG_COALESCE_SECONDS)
            same = (
                {"kind": kind, "ip_address": values["ip_address"]}
                if kind in _PER_ADDRESS_KINDS
                else values
            )
            recent = (
                SecurityEvent.objects.select_for_update()
                .filter(**same, last_occurred_at__gte=now - window)
                .order_by("-last_occurred_at")
                .first()
            )
            if recent is not None:
                SecurityEvent.objects.filter(pk=recent.pk).update(
                    count=F("count") + 1, last_occurred_at=now
                )
                return recent
            return SecurityEvent.objects.create(
                **values,
                occurred_at=now,
                last_occurred_at=now,
                user=user,
                method=(request.method or "")[:_METHOD_MAX],
                user_agent=request.headers.get("user-agent", "")[:_AGENT_MAX],
                detail=str(detail)[:_DETAIL_MAX],
            )
    except DatabaseError:
        logger.exception("Security log: could not record %s for %s", kind, values["path"])
        return None


def security_events_purge(*, now=None) -> int:
    """Delete the events last seen more than ``SECURITY_LOG_RETENTION_DAYS``
    days ago; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SECURITY_LOG_RETENTION_DAYS)
    deleted, _ = SecurityEvent.objects.filter(last_occurred_at__lt=cutoff).delete()
    return deleted


def login_lockouts_lift(*, attempts) -> int:
    """Forget the given failed sign-in attempts (django-axes'
    ``AccessAttempt`` rows): the lockouts they made end at once, as axes
    counts only the rows there are. Returns how many rows were deleted."""
    deleted, _ = attempts.delete()
    return deleted
