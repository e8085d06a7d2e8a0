"""Tests: PostgreSQL and Redis come from DATABASE_URL / REDIS_URL, which the
test plugin (tests/plugins/services.py) sets after starting throwaway servers."""

from pathlib import Path

from .base import *
from .base import ARCHIVE_ROOT, DATABASES, VAR_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "test-media")
# Tests do not need collectstatic's manifest.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "archive": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(ARCHIVE_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The storage check (almaty_portal.E001) and /healthz require the storage
# directories: each test run starts with empty ones.
for _storage_dir in (MEDIA_ROOT, ARCHIVE_ROOT):
    Path(_storage_dir).mkdir(parents=True, exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A fixed test database name, so that the Celery worker the tests start
    # (with ALMATY_WORKER_USES_TEST_DATABASE=1) connects to the same one.
    DATABASES["default"]["TEST"] = {"NAME": "test_almaty"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if env.bool("ALMATY_WORKER_USES_TEST_DATABASE", default=False):
        DATABASES["default"]["NAME"] = "test_almaty"

# Unit tests run tasks in-process; tests marked celery_worker switch this off
# and go through Redis and a real worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
CELERY_TASK_EAGER_PROPAGATES = True
# Without Redis, production extracts text in a background thread after the
# response; tests wait for it (those of the background path switch it on).
ARCHIVE_EXTRACTION_IN_BACKGROUND = False
# Bulk indexing at full speed (the pause has its own test).
ARCHIVE_BULK_INDEX_SHARE = 1.0
# Each test starts from an empty cache; Redis is still used as the broker.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# ...and sessions in the database alone, so that query counts are the same on
# both passes (tests/portal/test_sessions.py checks the cached sessions).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# The page cache is off unless a test switches it on (tests/core/
# test_pagecache.py): most tests change rows inside a transaction that is
# rolled back, whose on-commit invalidation never runs.
PAGE_CACHE_SECONDS = 0
# Session limits are off unless a test switches them on (tests/portal/
# test_session_limits.py): many tests travel in time with a signed-in client.
SESSION_IDLE_TIMEOUT_STAFF = 0
SESSION_ABSOLUTE_TIMEOUT_STAFF = 0
SESSION_IDLE_TIMEOUT_USERS = 0
SESSION_ABSOLUTE_TIMEOUT_USERS = 0
