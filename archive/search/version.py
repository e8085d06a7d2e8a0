"""The search index's version: a counter in the default cache, bumped
whenever documents are indexed (``archive.signals.documents_indexed``), so
that what is cached from the index (the terms' document frequencies) is
keyed by it and never outlives a change."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

KEY = "archive:index-version"


def index_version() -> int:
    version = cache.get(KEY)
    if version is None:
        # add() so that two processes starting at once agree on one value.
        cache.add(KEY, 1, timeout=None)
        version = cache.get(KEY, 1)
    return version


def bump_index_version(**kwargs) -> None:
    """Receiver of documents_indexed: a new version now (the indexing
    transaction's own reads see its writes) and again once it commits (a
    reader that cached the old figures in between is left behind)."""
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # not set, or evicted
        cache.add(KEY, 1, timeout=None)
