"""Development: the embedded defaults (SQLite, in-process tasks, console email)."""

from .base import *
from .base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
# The demo serves on 127.0.0.1:8000 without HTTPS.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The embedded SQLite database and uploads live under var/.
VAR_DIR.mkdir(exist_ok=True)
