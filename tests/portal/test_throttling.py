"""Failed logins lock an account and an address out for a while (django-axes),
on the public login and the admin login alike; password resets are capped per
address and per client without saying whether an address has an account."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOGIN_URLS = ["/ru/accounts/login/", "/ru/admin/login/"]


def _post_login(client, url, email, password, ip="203.0.113.7"):
    return client.post(url, {"username": email, "password": password}, REMOTE_ADDR=ip)


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_login_locks_the_account_out_after_the_failure_limit(client, settings, url):
    user = StaffUserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, url, user.email, "wrong-password")

    response = _post_login(client, url, user.email, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "Слишком много неудачных попыток входа" in html
    assert "15 минут" in html


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_login_locks_the_account_out_from_any_address(client, settings, url):
    user = StaffUserFactory()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, url, user.email, "wrong-password", ip=f"198.51.100.{n + 1}")

    response = _post_login(client, url, user.email, PASSWORD, ip="192.0.2.99")

    assert response.status_code == 429


def test_login_locks_an_address_out_across_accounts(client, settings):
    user = UserFactory()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, LOGIN_URLS[0], f"guess{n}@example.org", "wrong-password")

    response = _post_login(client, LOGIN_URLS[0], user.email, PASSWORD)

    assert response.status_code == 429


def test_login_lockout_counts_the_address_in_any_letter_case(client, settings):
    user = UserFactory(email="coordinator@example.org")
    for n in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, LOGIN_URLS[0], "Coordinator@Example.org", "wrong", ip=f"198.51.100.{n}")

    response = _post_login(client, LOGIN_URLS[0], user.email, PASSWORD, ip="192.0.2.99")

    assert response.status_code == 429


@pytest.mark.dates
@pytest.mark.parametrize("url", LOGIN_URLS)
def test_login_lockout_ends_after_the_cool_off(client, settings, url):
    user = StaffUserFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(settings.AXES_FAILURE_LIMIT):
            _post_login(client, url, user.email, "wrong-password")
        traveller.shift(settings.AXES_COOLOFF_TIME - timedelta(seconds=30))
        still_locked = _post_login(client, url, user.email, PASSWORD)
        traveller.shift(timedelta(seconds=31))

        response = _post_login(client, url, user.email, PASSWORD)

    assert still_locked.status_code == 429
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_failures_below_the_limit_do_not_lock_out(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _post_login(client, LOGIN_URLS[0], user.email, "wrong-password")

    response = _post_login(client, LOGIN_URLS[0], user.email, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_lockout_page_in_english(client, settings):
    user = UserFactory()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _post_login(client, "/en/accounts/login/", user.email, "wrong-password")

    response = _post_login(client, "/en/accounts/login/", user.email, PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()


def test_login_lockout_uses_the_forwarded_address_behind_the_proxies(client, settings):
    settings.PROXY_COUNT = 2
    user = UserFactory()
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The same proxies, a different visitor each time: nobody is locked out by address.
        client.post(
            LOGIN_URLS[0], {"username": f"guess{n}@example.org", "password": "wrong"},
            REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 172.18.0.1",
        )

    response = client.post(
        LOGIN_URLS[0], {"username": user.email, "password": PASSWORD},
        REMOTE_ADDR="172.18.0.5", HTTP_X_FORWARDED_FOR="192.0.2.10, 172.18.0.1",
    )

    assert response.status_code == 302


# --- Password resets ------------------------------------------------------------

RESET_URL = "/ru/accounts/password-reset/"


def _post_reset(client, email, ip="203.0.113.7"):
    return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_emails_are_capped_per_address_and_hour(client, settings):
    user = UserFactory()

    responses = [_post_reset(client, user.email, ip=f"198.51.100.{n}") for n in range(10)]

    assert [r.status_code for r in responses] == [302] * 10
    assert {r["Location"] for r in responses} == {"/ru/accounts/password-reset/sent/"}
    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_ADDRESS


def test_password_reset_cap_counts_the_address_in_any_letter_case(client, settings):
    user = UserFactory(email="focal@example.org")

    for n in range(10):
        _post_reset(client, "Focal@Example.ORG" if n % 2 else user.email, ip=f"198.51.100.{n}")

    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_ADDRESS


@pytest.mark.dates
def test_password_reset_cap_ends_after_an_hour(client, settings):
    user = UserFactory()
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        for _ in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS + 1):
            _post_reset(client, user.email)
        traveller.shift(timedelta(hours=1, seconds=1))

        _post_reset(client, user.email)

    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_ADDRESS + 1


def test_password_reset_answers_the_same_for_unknown_addresses_past_the_cap(client, settings):
    for _ in range(settings.PASSWORD_RESET_LIMIT_PER_ADDRESS + 2):
        response = _post_reset(client, "nobody@example.org")

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_password_reset_from_one_client_is_capped_per_hour(client, settings):
    users = UserFactory.create_batch(settings.PASSWORD_RESET_LIMIT_PER_CLIENT + 1)

    responses = [_post_reset(client, user.email) for user in users]

    assert len(mail.outbox) == settings.PASSWORD_RESET_LIMIT_PER_CLIENT
    assert responses[-1].status_code == 429
    assert "Слишком много запросов" in responses[-1].content.decode()
