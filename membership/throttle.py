"""Counting actions per key and window in the cache, to refuse the one too
many: password resets and invitations per address and per hour.

Login failures are django-axes' business (per account and per address, with
a lockout that ends by itself); this covers the actions axes does not see.
The cache is Redis in production (shared by every worker); without Redis each
process counts for itself, which is what the embedded default can do.
"""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def _cache_key(scope: str, key: str) -> str:
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{scope}:{digest}"


def throttle_hit(*, scope: str, key: str, limit: int, period: int) -> bool:
    """Count one action of ``scope`` for ``key`` (an email or IP address);
    False once more than ``limit`` were counted in the current window of
    ``period`` seconds (the window starts with the first action)."""
    cache_key = _cache_key(scope, key)
    if cache.add(cache_key, 1, timeout=period):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add() and incr()
        cache.add(cache_key, 1, timeout=period)
        count = 1
    return count <= limit


def throttle_reset(*, scope: str, key: str) -> None:
    cache.delete(_cache_key(scope, key))
