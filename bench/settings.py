"""Production settings for the benchmark only: almaty_portal.settings.prod
with the environment it needs filled in (the runner sets the real values)
and a URLconf that adds /bench/bare/. Never used by the portal itself."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "False")

from almaty_portal.settings.prod import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
