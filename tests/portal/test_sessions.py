"""Sessions in production: read from Redis, written through to the
database, so a signed-in page spends no query on its session; without Redis
(the embedded default) they stay in the database alone."""

import os
import subprocess
import sys

import pytest
from django.contrib.sessions.backends.cached_db import SessionStore
from django.test import Client

from tests.conftest import ROOT, unavailable
from tests.factories.membership import UserFactory

PRINT_SESSION_ENGINE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.SESSION_ENGINE)"
)


def _session_engine(redis_url: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "almaty_portal.settings.dev", "REDIS_URL": redis_url})
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SESSION_ENGINE],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )
    return result.stdout.strip()


def test_sessions_come_from_redis_when_it_is_configured():
    assert _session_engine("redis://127.0.0.1:6379/0") == (
        "django.contrib.sessions.backends.cached_db"
    )


def test_sessions_stay_in_the_database_without_redis():
    assert _session_engine("") == "django.contrib.sessions.backends.db"


@pytest.fixture
def redis_sessions(settings):
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable("needs Redis (the test plugin starts it)")
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "core.cache.RedisCache",
                    "LOCATION": url, "KEY_PREFIX": "test-sessions"},
    }


@pytest.mark.django_db
def test_signed_in_page_reads_its_session_from_redis(redis_sessions, django_assert_num_queries):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    key = client.cookies["sessionid"].value

    with django_assert_num_queries(0):
        signed_in_as = SessionStore(session_key=key).get("_auth_user_id")

    assert signed_in_as == str(user.pk)


@pytest.mark.django_db
def test_signing_out_ends_the_cached_session(redis_sessions):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    key = client.cookies["sessionid"].value

    client.post("/ru/accounts/logout/")

    assert SessionStore(session_key=key).get("_auth_user_id") is None
