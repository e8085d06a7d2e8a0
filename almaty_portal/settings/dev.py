"""Development: the embedded defaults (SQLite, in-process tasks, console email)."""

from pathlib import Path

from .base import *
from .base import ARCHIVE_ROOT, MEDIA_ROOT, VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
# The demo serves on 127.0.0.1:8000 without HTTPS.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The embedded SQLite database and uploads live under var/.
VAR_DIR.mkdir(exist_ok=True)
# ...and the storage directories, which the storage check (almaty_portal.E001)
# requires: production never creates them (a missing volume must show).
for _storage_dir in (MEDIA_ROOT, ARCHIVE_ROOT):
    Path(_storage_dir).mkdir(parents=True, exist_ok=True)
