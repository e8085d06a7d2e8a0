"""Sessions end after their idle and absolute limits (staff: 30 minutes idle,
12 hours in all; coordinators and focal points: 8 hours idle), and "sign out
everywhere" ends a person's other sessions, on the database and the cached
session engines alike."""

import datetime as dt

import pytest
import time_machine

from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

PASSWORD = "correct-horse-battery"
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
ACCOUNT = "/en/accounts/"


@pytest.fixture(autouse=True)
def _production_limits(settings):
    """The defaults of base settings (tests switch the limits off)."""
    settings.SESSION_IDLE_TIMEOUT_STAFF = 30 * 60
    settings.SESSION_ABSOLUTE_TIMEOUT_STAFF = 12 * 3600
    settings.SESSION_IDLE_TIMEOUT_USERS = 8 * 3600
    settings.SESSION_ABSOLUTE_TIMEOUT_USERS = 0


def _sign_in(client, user):
    response = client.post(
        "/en/accounts/login/", {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def _signed_in(client) -> bool:
    response = client.get(ACCOUNT)
    if response.status_code == 200:
        return True
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    return False


def test_staff_session_idle_29_minutes_stays(client):
    user = StaffUserFactory()
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client, user)
        clock.shift(dt.timedelta(minutes=29))
        assert _signed_in(client) is True


def test_staff_session_idle_31_minutes_ends(client):
    user = StaffUserFactory()
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client, user)
        clock.shift(dt.timedelta(minutes=31))
        response = client.get(ACCOUNT)
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session
        follow = client.get(response["Location"])
        assert "Your session has ended. Please sign in again." in follow.content.decode()


def test_staff_activity_keeps_the_session_until_12_hours(client):
    user = StaffUserFactory()
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client, user)
        for _ in range(11 * 3 + 2):  # a request every 20 minutes for 11h40
            clock.shift(dt.timedelta(minutes=20))
            assert _signed_in(client) is True
        clock.shift(dt.timedelta(minutes=21))  # 12h01 after signing in
        assert _signed_in(client) is False


def test_coordinator_session_idle_8_hours(client):
    user = UserFactory()
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client, user)
        clock.shift(dt.timedelta(hours=7, minutes=59))
        assert _signed_in(client) is True
        clock.shift(dt.timedelta(hours=8, minutes=1))
        assert _signed_in(client) is False


def test_coordinator_session_active_for_a_day_stays(client):
    user = UserFactory()
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client, user)
        for _ in range(6):
            clock.shift(dt.timedelta(hours=4))
            assert _signed_in(client) is True


def test_last_activity_is_written_at_most_once_a_minute(client):
    """Within a minute of the last write a request leaves the session as it
    was (no write); after a minute it records the request."""
    user = UserFactory()
    with time_machine.travel(START, tick=False) as clock:
        _sign_in(client, user)
        seen = client.session["_session_seen_at"]
        clock.shift(dt.timedelta(seconds=59))
        assert _signed_in(client) is True
        assert client.session["_session_seen_at"] == seen
        clock.shift(dt.timedelta(seconds=2))
        assert _signed_in(client) is True
        assert client.session["_session_seen_at"] == seen + 61


@pytest.mark.parametrize(
    "engine",
    ["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"],
)
def test_sign_out_everywhere_ends_the_other_session_and_keeps_this_one(
    settings, client, django_user_model, engine
):
    from tests.conftest import _Client

    settings.SESSION_ENGINE = engine
    user = UserFactory()
    other = _Client()
    _sign_in(client, user)
    _sign_in(other, user)

    page = client.get("/en/accounts/sign-out-everywhere/")
    assert page.status_code == 200
    response = client.post("/en/accounts/sign-out-everywhere/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == ACCOUNT
    assert _signed_in(client) is True
    assert _signed_in(other) is False
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_sign_out_everywhere_with_a_wrong_password_changes_nothing(client):
    from tests.conftest import _Client

    user = UserFactory()
    other = _Client()
    _sign_in(client, user)
    _sign_in(other, user)

    response = client.post("/en/accounts/sign-out-everywhere/", {"password": "wrong"})

    assert response.status_code == 200
    assert "Your password was entered incorrectly." in response.content.decode()
    assert _signed_in(other) is True
