"""Fixtures of core's cache tests (pages and fragments)."""

from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.db import transaction

from core import generations, pagecache


def _page_bump():
    """The one function that sets a new page generation (core.generations)."""
    return generations.bumper(pagecache.GENERATION_KEY)


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (tests settings keep it off), empty."""
    settings.PAGE_CACHE_SECONDS = 600
    caches[pagecache.CACHE_ALIAS].clear()
    yield caches[pagecache.CACHE_ALIAS]
    caches[pagecache.CACHE_ALIAS].clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (the test's own
    transaction never does): its on-commit invalidation runs.

    The rows the test arranged were committed before the cache was warmed:
    their pending invalidation is dropped (it would have run then), else
    the change's own, folded into it (one bump per transaction), never
    would."""

    @contextmanager
    def change():
        connection = transaction.get_connection()
        connection.run_on_commit[:] = [
            entry for entry in connection.run_on_commit if entry[1] is not _page_bump()
        ]
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return change


