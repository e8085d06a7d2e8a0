"""Counting actions per key and window in the cache, to refuse the one too
many: password resets, contact messages and invitations per address and per
hour.

Login failures are django-axes' business (per account and per address, in
the database, with a lockout that ends by itself); this covers the actions
axes does not see. The cache is Redis in production (shared by every
worker); without Redis each process counts for itself, which is what the
embedded default can do.

When the cache cannot count (Redis down: the portal's cache backend then
answers every write as failed, core/cache.py), each caller decides
explicitly with ``when_unavailable`` (issue 22; the README's "Security"
section lists them):

- ``"closed"``: ``ThrottleUnavailable`` is raised and the caller refuses the
  action with a message saying to try again in a few minutes. For what
  anonymous visitors can repeat and what reaches other people's mailboxes:
  password resets (by address and by client) and the contact form. An
  outage must not open a way to flood an address or the secretariat, and a
  visitor loses nothing by trying again after it.
- ``"open"``: the action is allowed (and a warning logged). For staff
  actions, authenticated and audited: invitations. Refusing them would stop
  the secretariat's work for an outage it cannot fix.
"""

from __future__ import annotations

import hashlib
import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

OPEN, CLOSED = "open", "closed"


class ThrottleUnavailable(Exception):  # noqa: N818 (reads as what happened)
    """The counter could not be read (the cache is down) and the caller
    asked to fail closed."""


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{scope}:{digest}"


def _count(cache_key: str, period: int) -> int | None:
    """This action's number in the window; None when the cache cannot count."""
    if cache.add(cache_key, 1, timeout=period):
        return 1
    for _attempt in range(2):
        try:
            return cache.incr(cache_key)
        except ValueError:  # expired between add() and incr(), or the cache is down
            if cache.add(cache_key, 1, timeout=period):
                return 1
    # Neither add() nor incr() worked twice over: nothing is stored.
    return None


def throttle_hit(*, scope: str, key: str, limit: int, period: int, when_unavailable: str) -> bool:
    """Count one action of ``scope`` for ``key`` (an email or IP address);
    False once more than ``limit`` were counted in the current window of
    ``period`` seconds (the window starts with the first action).

    ``when_unavailable`` (``"open"`` or ``"closed"``, no default: each
    caller decides) says what happens when the cache cannot count: allow
    the action, or raise ``ThrottleUnavailable``."""
    if when_unavailable not in (OPEN, CLOSED):
        raise ValueError(f"when_unavailable must be 'open' or 'closed', not {when_unavailable!r}")
    count = _count(_cache_key(scope, key), period)
    if count is None:
        logger.warning("Throttle %s cannot count (cache unavailable): failing %s",
                       scope, when_unavailable)
        if when_unavailable == CLOSED:
            raise ThrottleUnavailable(scope)
        return True
    return count <= limit


def throttle_reset(*, scope: str, key: str) -> None:
    cache.delete(_cache_key(scope, key))
