"""Hardening headers: Permissions-Policy everywhere, private (never stored)
pages for signed-in users, and __Host- cookies in production."""

import json
import subprocess
import sys

import pytest

from tests.factories.membership import StaffUserFactory, UserFactory
from tests.portal.test_deploy import ROOT, _production_env

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/ru/", "/en/about/", "/ru/states/", "/ru/archive/", "/ru/accounts/login/"]


@pytest.mark.parametrize("url", [*PUBLIC_PAGES, "/healthz", "/robots.txt", "/ru/no-such-page/",
                                 "/ru/admin/login/"])
def test_every_response_sends_a_permissions_policy(client, url):
    response = client.get(url)

    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_pages_for_a_signed_in_user_are_private_and_never_stored(client, url):
    client.force_login(UserFactory())

    response = client.get(url)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
    assert "Cookie" in [v.strip() for v in response["Vary"].split(",")]


def test_admin_pages_are_private_and_never_stored(client):
    client.force_login(StaffUserFactory(is_superuser=True))

    response = client.get("/ru/admin/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= {p.strip() for p in response["Cache-Control"].split(",")}


def test_sign_in_response_is_private(client):
    user = UserFactory()

    response = client.post("/ru/accounts/login/",
                           {"username": user.email, "password": "correct-horse-battery"})

    assert response.status_code == 302
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/ru/", "/en/about/", "/ru/states/", "/ru/archive/"])
def test_anonymous_pages_keep_their_caching(client, url):
    response = client.get(url)

    assert "private" not in response.get("Cache-Control", "")
    assert "no-store" not in response.get("Cache-Control", "")


def test_production_cookies_use_the_host_prefix():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'SESSION_COOKIE_NAME', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_PATH', "
        "'SESSION_COOKIE_DOMAIN', 'CSRF_COOKIE_NAME', 'CSRF_COOKIE_SECURE', "
        "'CSRF_COOKIE_PATH', 'CSRF_COOKIE_DOMAIN')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_production_env(),
        capture_output=True, text=True, timeout=120, check=False,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_PATH": "/",
        "SESSION_COOKIE_DOMAIN": None,
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_PATH": "/",
        "CSRF_COOKIE_DOMAIN": None,
    }


def test_host_prefixed_session_cookie_keeps_a_user_signed_in(client, settings):
    settings.SESSION_COOKIE_NAME = "__Host-sessionid"
    settings.CSRF_COOKIE_NAME = "__Host-csrftoken"
    user = UserFactory()

    client.post(
        "/ru/accounts/login/", {"username": user.email, "password": "correct-horse-battery"}
    )
    response = client.get("/ru/")

    assert "__Host-sessionid" in client.cookies
    assert response.context["user"] == user
