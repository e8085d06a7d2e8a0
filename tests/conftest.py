"""Fixtures shared by the whole suite: the real Celery worker, Chromium,
and the rule that a missing server or browser never skips silently."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.http import HttpRequest
from django.test import Client as DjangoClient

from tests.plugins.clock import travel_to_utc_clock
from tests.plugins.services import IN_CI

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def unavailable(reason: str):
    """Skip for a missing server or browser, except under CI where it fails."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing dependency is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _test_clock():
    """With ALMATY_TEST_CLOCK=HH:MM (make test's third pass, for the tests
    marked `dates`), every test runs on today's UTC date at that UTC time,
    the clock ticking: 23:30 UTC is already tomorrow in Almaty (UTC+5), when
    a UTC date and a local one differ. A test that freezes its own time
    (time_machine.travel inside) still wins."""
    clock = os.environ.get("ALMATY_TEST_CLOCK")
    if not clock:
        yield
        return
    with travel_to_utc_clock(clock):
        yield


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts and ends in the default language (Russian), like a
    new visitor: a request to an /en/ page leaves English active in the
    thread (LocaleMiddleware never deactivates it)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


class _Client(DjangoClient):
    """Django's test client, whose ``login()`` passes a request like every
    login form does: django-axes' backend (first in AUTHENTICATION_BACKENDS)
    refuses to authenticate without one, and checks lockouts with it."""

    def login(self, **credentials):
        request = HttpRequest()
        request.META["REMOTE_ADDR"] = "127.0.0.1"
        return super().login(request=request, **credentials)


@pytest.fixture
def client():
    return _Client()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts from an empty cache: throttling counters (password
    resets, invitations) must not leak from one test into the next. Only the
    "is this a demo database" flag starts warm and false, as in a running
    server (where it costs one query an hour): pages' query counts stay
    those of a steady state; tests/portal/test_demo_notice.py covers the
    cold read."""
    from django.core.cache import cache

    from almaty_portal.selectors import DEMO_DATA_CACHE_KEY

    cache.clear()
    cache.set(DEMO_DATA_CACHE_KEY, False, None)
    yield
    cache.clear()


@pytest.fixture
def pieces_cache(settings):
    """Pieces of pages kept ({% fragment %}, core.fragments) and users'
    roles left to the database (so that a count of queries counts the
    pieces alone); the pages' store empty before and after."""
    from django.core.cache import caches

    from core import generations

    settings.FRAGMENT_CACHE_SECONDS = 600
    settings.ROLES_CACHE_SECONDS = 0
    store = caches[generations.CACHE_ALIAS]
    store.clear()
    yield store
    store.clear()


@pytest.fixture
def committed_change(django_capture_on_commit_callbacks):
    """``with committed_change(): ...`` runs a change as if its transaction
    committed: its generation bumps (core.generations) run. The arranged
    rows' pending bumps are dropped first: they would have run when those
    rows were committed, before any cache was warmed, and a transaction
    bumps each generation once, so the change's own would be folded into
    them."""
    from contextlib import contextmanager

    from django.db import transaction

    from core import generations

    @contextmanager
    def change():
        bumps = set(map(id, generations._bumpers.values()))
        pending = transaction.get_connection().run_on_commit
        pending[:] = [entry for entry in pending if id(entry[1]) not in bumps]
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return change


@pytest.fixture
def postgresql_only(settings):
    """For tests of PostgreSQL-only behaviour (exclusion constraints, full-text search)."""
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        unavailable("needs PostgreSQL")


# --- Celery -----------------------------------------------------------------

@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker):
    """A real `celery worker` subprocess on the test Redis and the test database."""
    if not os.environ.get("REDIS_URL"):
        unavailable("needs Redis")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "almaty_portal.settings.test",
        "ALMATY_WORKER_USES_TEST_DATABASE": "1",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    log = Path(os.environ["MEDIA_ROOT"]).parent / "celery-worker.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "almaty_portal", "worker",
             "--loglevel=INFO", "--concurrency=1", "--pool=prefork",
             "--without-gossip", "--without-mingle", "--hostname=test@%h"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    from almaty_portal.celery import app

    deadline = time.monotonic() + 60
    try:
        while not app.control.ping(timeout=0.5):
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Celery worker did not start:\n{log.read_text()[-3000:]}")
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def celery_worker(celery_worker_process, settings, transactional_db):
    """Send tasks through Redis to the real worker for this test; the test's
    rows are committed (transactional_db) so the worker can see them."""
    from almaty_portal.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    yield app
    app.conf.task_always_eager = True


# --- Chromium -----------------------------------------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM}: run `make test`, which installs it")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Chromium asks for English by default; the portal's public is Russian first.
    return {**browser_context_args, "locale": "ru-RU"}


@pytest.fixture(scope="session")
def base_url():
    """Replaces pytest-base-url's fixture (its class-based form warns under
    pytest 9); tests build URLs from live_server.url."""
    return


def pytest_collection_modifyitems(config, items):
    """A test that is not marked ``browser`` must not pull in Playwright's
    fixtures (a parameter named ``page`` or ``context`` does so): it gets
    the session's browser parameter, pytest then runs it with the browser
    tests, and those (a transactional database, emptied after each) move
    before the other database tests, which then miss the reference data
    the migrations loaded (69 failures the one time it happened)."""
    wrong = [item.nodeid for item in items
             if "browser_name" in getattr(getattr(item, "callspec", None), "params", {})
             and item.get_closest_marker("browser") is None]
    if wrong:
        raise pytest.UsageError(
            "Not browser tests, yet they use Playwright's fixtures (rename a parameter "
            "called page or context, or mark the test 'browser'): " + ", ".join(wrong))


@pytest.fixture(autouse=True)
def _dropped_redis_caches_disconnected():
    """A test that swaps CACHES (settings) drops the Redis caches it used
    when the settings come back; their sockets are closed here, at once,
    rather than by the garbage collector at some later moment, where the
    socket's ResourceWarning would fail whichever test was running."""
    yield
    from django.core.cache import caches

    from core import cache as redis_cache

    current = {id(cache) for cache in caches.all(initialized_only=True)}
    for cache in redis_cache.instances():
        if id(cache) not in current:
            cache.disconnect()
