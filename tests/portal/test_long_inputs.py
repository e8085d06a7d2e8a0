"""10,000-character values in every sign-in, reset and set-password form,
on PostgreSQL (whose columns, unlike SQLite's, refuse a value longer than
they are): a form error or the normal failure, never a 500.

A 10,000-character login name once reached django-axes' 255-character
username column and answered 500; axes now gets the name cut to 254
characters (core.throttling.login_username), and the security log
cuts every value to its column."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from membership.enums import SecurityEventKind
from membership.models import SecurityEvent
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]

LONG = "a" * 10_000
LONG_EMAIL = "a" * 9_988 + "@example.org"
HEADERS = {
    "REMOTE_ADDR": "203.0.113.7",
    "HTTP_USER_AGENT": LONG,
    "HTTP_ACCEPT": LONG,
    "HTTP_X_FORWARDED_FOR": LONG,
}
WRONG_LOGIN = "Please enter a correct email address and password."


@pytest.mark.parametrize("url", ["/en/accounts/login/", "/en/admin/login/"])
@pytest.mark.parametrize("username", [LONG, LONG_EMAIL, " " + LONG_EMAIL.upper()])
def test_login_with_a_10000_character_name_is_the_normal_failure(client, url, username):
    response = client.post(url, {"username": username, "password": LONG}, **HEADERS)

    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    attempt = AccessAttempt.objects.get()
    assert (len(attempt.username), len(attempt.user_agent)) == (254, 255)
    assert attempt.username == username.strip().lower()[:254]
    event = SecurityEvent.objects.get()
    assert (event.kind, len(event.username), len(event.user_agent)) == (
        SecurityEventKind.LOGIN_FAILED, 254, 255,
    )


def test_login_with_a_10000_character_password_is_the_normal_failure(client):
    user = StaffUserFactory()

    response = client.post(
        "/en/accounts/login/", {"username": user.email, "password": LONG}, **HEADERS
    )

    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()


def test_login_lockout_of_a_10000_character_name(client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/accounts/login/", {"username": LONG, "password": "x"}, **HEADERS)

    response = client.post("/en/accounts/login/", {"username": LONG, "password": "x"}, **HEADERS)

    assert response.status_code == 429
    assert sorted(SecurityEvent.objects.values_list("kind", flat=True)) == [
        SecurityEventKind.LOCKOUT_REFUSAL, SecurityEventKind.LOCKOUT_STARTED,
        SecurityEventKind.LOGIN_FAILED,
    ]


@pytest.mark.parametrize("email", [LONG, LONG_EMAIL])
def test_password_reset_with_a_10000_character_address_is_a_form_error(client, email):
    response = client.post("/en/accounts/password-reset/", {"email": email}, **HEADERS)

    assert response.status_code == 200
    assert "Ensure this value has at most 254 characters" in response.content.decode()


def _set_password_page(client, prefix, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(f"{prefix}{uid}/{token}/")
    assert response.status_code == 302
    return response["Location"]


@pytest.mark.parametrize("prefix", ["/en/accounts/reset/", "/en/accounts/welcome/"])
@pytest.mark.parametrize(
    ("first", "second", "status"), [(LONG, LONG, 302), (LONG, LONG + "b", 200)]
)
def test_set_password_with_10000_characters(client, prefix, first, second, status):
    """A reset link and an invitation: a long password is a password (the
    hasher takes any length); two that differ are the form's error."""
    user = UserFactory()
    page = _set_password_page(client, prefix, user)

    response = client.post(
        page, {"new_password1": first, "new_password2": second}, **HEADERS
    )

    assert response.status_code == status
    if status == 200:
        assert "The two password fields" in response.content.decode()


def test_password_change_with_10000_characters(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        "/en/accounts/password-change/",
        {"old_password": LONG, "new_password1": LONG, "new_password2": LONG},
        **HEADERS,
    )

    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in response.content.decode()


def test_contact_form_with_10000_character_fields_is_a_form_error(client):
    page = client.get("/en/contact/")
    data = {
        name: LONG for name in page.context["form"].fields if name not in {"email"}
    } | {"email": LONG_EMAIL}

    response = client.post("/en/contact/", data, **HEADERS)

    assert response.status_code == 200
    assert "Ensure this value has at most" in response.content.decode()
