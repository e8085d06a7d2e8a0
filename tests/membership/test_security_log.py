"""The security log (membership.SecurityEvent): failed sign-ins, lockouts,
403s, CSRF failures and refused second factors, with who (the claimed
account), when (UTC), the client address and what; kept for
SECURITY_LOG_RETENTION_DAYS; read-only in the admin for the secretariat's
administrators, exportable as CSV without live formulas."""

from __future__ import annotations

import datetime
from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_login_failed
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

from membership import permissions
from membership.enums import SecurityEventKind
from membership.models import SecurityEvent
from membership.services import security_event_record, security_events_purge
from membership.tasks import purge_security_events
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
NOW = datetime.datetime(2026, 3, 10, 8, 30, tzinfo=datetime.UTC)
LOGIN = "/en/accounts/login/"
LOG_ADMIN = "/en/admin/membership/securityevent/"


def _events():
    return list(
        SecurityEvent.objects.order_by("occurred_at", "pk").values_list(
            "kind", "username", "ip_address", "path", "count"
        )
    )


def _in_group(user, name):
    user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


# --- What is recorded ----------------------------------------------------------------


@pytest.mark.dates
def test_security_log_records_a_failed_sign_in_with_who_when_and_where(client, frozen):
    client.post(
        LOGIN, {"username": " Admin@Example.org ", "password": "wrong"},
        REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Probe/1.0",
    )

    event = SecurityEvent.objects.get()
    assert (event.kind, event.username, event.ip_address, event.path, event.method) == (
        SecurityEventKind.LOGIN_FAILED, "admin@example.org", "203.0.113.7", LOGIN, "POST",
    )
    assert event.occurred_at == NOW
    assert event.occurred_at.utcoffset() == timedelta(0)
    assert (event.user_agent, event.user, event.count) == ("Probe/1.0", None, 1)


@pytest.mark.dates
def test_security_log_records_the_lockout_and_each_refusal_during_it(client, settings, frozen):
    user = UserFactory(email="coordinator@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": user.email, "password": "wrong"}, REMOTE_ADDR="203.0.113.7")
    refused = client.post(
        LOGIN, {"username": user.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )

    assert refused.status_code == 429
    assert _events() == [
        (SecurityEventKind.LOGIN_FAILED, user.email, "203.0.113.7", LOGIN, 5),
        (SecurityEventKind.LOCKOUT_STARTED, user.email, "203.0.113.7", LOGIN, 1),
        (SecurityEventKind.LOCKOUT_REFUSAL, user.email, "203.0.113.7", LOGIN, 1),
    ]
    assert SecurityEvent.objects.get(kind=SecurityEventKind.LOCKOUT_STARTED).detail == "failures=5"


@pytest.mark.dates
@pytest.mark.usefixtures("late_evening_utc")
def test_security_log_records_a_coordinator_acting_for_another_state(
    client, kaz_coordinator_user, kgz_coordinator
):
    client.force_login(kaz_coordinator_user)

    response = client.get("/en/states/kgz/coordinator/", REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 403
    event = SecurityEvent.objects.get()
    assert (event.kind, event.username, event.ip_address, event.path, event.user) == (
        SecurityEventKind.PERMISSION_DENIED, "aigerim@example.org", "198.51.100.4",
        "/en/states/kgz/coordinator/", kaz_coordinator_user,
    )


def test_security_log_records_an_admin_page_refused_to_staff(client):
    editor = _in_group(
        StaffUserFactory(email="editor@example.org"), permissions.SECRETARIAT_EDITORS
    )
    client.force_login(editor)

    response = client.get("/en/admin/membership/user/add/", REMOTE_ADDR="192.0.2.5")

    assert response.status_code == 403
    assert _events() == [
        (SecurityEventKind.ADMIN_DENIED, "editor@example.org", "192.0.2.5",
         "/en/admin/membership/user/add/", 1),
    ]


def test_security_log_records_the_admin_refused_to_an_account_not_staff(client):
    client.force_login(UserFactory(email="focal@example.org"))

    response = client.get("/en/admin/membership/", REMOTE_ADDR="192.0.2.6")

    assert response.status_code == 302
    event = SecurityEvent.objects.get()
    assert (event.kind, event.username, event.detail) == (
        SecurityEventKind.ADMIN_DENIED, "focal@example.org", "not staff",
    )


def test_security_log_records_a_csrf_failure():
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        LOGIN, {"username": "someone@example.org", "password": "x"}, REMOTE_ADDR="192.0.2.7"
    )

    assert response.status_code == 403
    assert _events() == [(SecurityEventKind.CSRF_FAILURE, "", "192.0.2.7", LOGIN, 1)]


def test_security_log_leaves_pages_that_answer_alone(client):
    client.force_login(StaffUserFactory())

    client.get("/en/")
    client.get("/en/admin/")
    client.get("/en/no-such-page/")

    assert _events() == []


def test_security_log_records_a_wrong_code_at_the_second_step_as_a_second_factor():
    """The second sign-in step sends user_login_failed itself (axes counts
    wrong codes): the log tells it from a wrong password."""
    request = RequestFactory().post("/en/accounts/login/code/", REMOTE_ADDR="192.0.2.8")

    user_login_failed.send(
        sender="membership.accounts.views", credentials={"username": "Staff@Example.org"},
        request=request,
    )

    assert _events() == [
        (SecurityEventKind.SECOND_FACTOR_FAILED, "staff@example.org", "192.0.2.8",
         "/en/accounts/login/code/", 1),
    ]


def test_security_event_record_for_a_refused_second_factor():
    """The service the second-factor step calls with the account the
    session is signing in as."""
    request = RequestFactory().post("/en/accounts/login/code/", REMOTE_ADDR="192.0.2.8")

    security_event_record(
        kind=SecurityEventKind.SECOND_FACTOR_FAILED, request=request,
        username="staff@example.org", detail="wrong code",
    )

    event = SecurityEvent.objects.get()
    assert (event.kind, event.username, event.ip_address, event.detail) == (
        SecurityEventKind.SECOND_FACTOR_FAILED, "staff@example.org", "192.0.2.8", "wrong code",
    )


def test_security_event_record_bounds_every_value():
    long = "x" * 10_000
    request = RequestFactory().post(
        "/en/" + long, REMOTE_ADDR="not-an-address", HTTP_USER_AGENT=long
    )

    security_event_record(
        kind=SecurityEventKind.LOGIN_FAILED, request=request, username=long, detail=long
    )

    event = SecurityEvent.objects.get()
    assert [len(event.username), len(event.path), len(event.user_agent), len(event.detail)] == [
        254, 255, 255, 500,
    ]
    assert event.ip_address is None


@pytest.mark.dates
def test_security_event_repeats_within_a_minute_add_to_one_row(frozen):
    request = RequestFactory().get("/en/admin/", REMOTE_ADDR="192.0.2.9")
    for _ in range(3):
        security_event_record(kind=SecurityEventKind.PERMISSION_DENIED, request=request)
    frozen.shift(timedelta(seconds=61))
    security_event_record(kind=SecurityEventKind.PERMISSION_DENIED, request=request)
    other = RequestFactory().get("/en/admin/", REMOTE_ADDR="192.0.2.10")
    security_event_record(kind=SecurityEventKind.PERMISSION_DENIED, request=other)

    assert [(e[2], e[4]) for e in _events()] == [
        ("192.0.2.9", 3), ("192.0.2.9", 1), ("192.0.2.10", 1),
    ]
    first = SecurityEvent.objects.order_by("pk").first()
    assert (first.occurred_at, first.last_occurred_at) == (NOW, NOW)


@pytest.mark.dates
def test_security_event_refusals_anyone_can_flood_count_per_address(frozen):
    """Sign-ins refused during a lockout and CSRF failures, whatever the
    account or path they name: one row per address and minute."""
    for n in range(20):
        request = RequestFactory().post(f"/en/page-{n}/", REMOTE_ADDR="192.0.2.11")
        security_event_record(
            kind=SecurityEventKind.LOCKOUT_REFUSAL, request=request, username=f"u{n}@example.org"
        )
        security_event_record(kind=SecurityEventKind.CSRF_FAILURE, request=request)

    assert _events() == [
        (SecurityEventKind.LOCKOUT_REFUSAL, "u0@example.org", "192.0.2.11", "/en/page-0/", 20),
        (SecurityEventKind.CSRF_FAILURE, "", "192.0.2.11", "/en/page-0/", 20),
    ]


# --- Retention -------------------------------------------------------------------------


def _event_at(when, username):
    return SecurityEvent.objects.create(
        kind=SecurityEventKind.LOGIN_FAILED, username=username,
        occurred_at=when, last_occurred_at=when,
    )


@pytest.mark.dates
def test_security_events_purge_keeps_the_retention_period(settings, frozen):
    settings.SECURITY_LOG_RETENTION_DAYS = 365
    _event_at(NOW - timedelta(days=365, seconds=1), "old@example.org")
    _event_at(NOW - timedelta(days=364), "recent@example.org")

    deleted = security_events_purge()

    assert deleted == 1
    assert list(SecurityEvent.objects.values_list("username", flat=True)) == ["recent@example.org"]


@pytest.mark.dates
def test_security_events_purge_by_command_and_by_beat_task(settings, frozen, capsys):
    settings.SECURITY_LOG_RETENTION_DAYS = 30
    _event_at(NOW - timedelta(days=31), "a@example.org")

    call_command("purge_security_events")
    _event_at(NOW - timedelta(days=40), "b@example.org")
    from_task = purge_security_events()

    assert capsys.readouterr().out == "removed 1 security events older than 30 days\n"
    assert from_task == 1
    assert SecurityEvent.objects.count() == 0


def test_security_events_purge_is_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["membership-purge-security-events"]
    assert entry == {"task": "membership.purge_security_events", "schedule": 24 * 3600}


# --- Who sees it, and nobody edits it -----------------------------------------------------


@pytest.fixture
def administrator():
    return _in_group(StaffUserFactory(), permissions.SECRETARIAT_ADMINISTRATORS)


def test_security_log_admin_is_refused_to_editors(client):
    client.force_login(_in_group(StaffUserFactory(), permissions.SECRETARIAT_EDITORS))
    _event_at(timezone.now(), "x@example.org")

    changelist = client.get(LOG_ADMIN)
    index = client.get("/en/admin/")

    assert changelist.status_code == 403
    assert LOG_ADMIN not in index.content.decode()


def test_security_log_admin_lists_filters_and_searches_for_administrators(client, administrator):
    client.force_login(administrator)
    _event_at(timezone.now(), "wanted@example.org")
    _event_at(timezone.now(), "other@example.org")

    index = client.get("/en/admin/")
    listed = client.get(LOG_ADMIN, {"q": "wanted", "kind__exact": "login_failed"})

    assert LOG_ADMIN in index.content.decode()
    assert listed.status_code == 200
    assert [e.username for e in listed.context["cl"].result_list] == ["wanted@example.org"]


@pytest.mark.parametrize("who", ["administrator", "superuser"])
def test_security_log_admin_has_no_add_change_or_delete(client, administrator, who):
    user = administrator if who == "administrator" else StaffUserFactory(is_superuser=True)
    client.force_login(user)
    event = _event_at(timezone.now(), "kept@example.org")
    url = f"{LOG_ADMIN}{event.pk}/change/"

    page = client.get(url)
    change = client.post(url, {"username": "changed@example.org", "kind": "csrf_failure"})
    delete = client.post(f"{LOG_ADMIN}{event.pk}/delete/", {"post": "yes"})
    add = client.get(f"{LOG_ADMIN}add/")
    bulk = client.post(
        LOG_ADMIN, {"action": "delete_selected", "_selected_action": [event.pk], "post": "yes"}
    )

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert (change.status_code, delete.status_code, add.status_code) == (403, 403, 403)
    assert bulk.status_code == 302  # back to the list: there is no such action
    event.refresh_from_db()
    assert (event.username, event.kind) == ("kept@example.org", SecurityEventKind.LOGIN_FAILED)
    # Each refusal is itself in the log.
    assert sorted(SecurityEvent.objects.values_list("kind", flat=True)) == [
        SecurityEventKind.ADMIN_DENIED, SecurityEventKind.ADMIN_DENIED,
        SecurityEventKind.ADMIN_DENIED, SecurityEventKind.LOGIN_FAILED,
    ]


def test_security_log_export_neutralises_formulas(client, administrator):
    client.force_login(administrator)
    event = _event_at(timezone.now(), "=cmd|' /C calc'!A0")

    response = client.post(
        LOG_ADMIN, {"action": "export_csv", "_selected_action": [event.pk]}
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="security-log-{timezone.now().date().isoformat()}.csv"'
    )
    body = response.content.decode("utf-8-sig")
    lines = body.splitlines()
    assert lines[0].startswith("when (UTC),last repeated (UTC),times,what was refused")
    assert "'=cmd|' /C calc'!A0" in lines[1]
    assert ",=cmd" not in body


# --- Lockouts in the admin -------------------------------------------------------------------

LOCKOUT_ADMIN = "/en/admin/axes/accessattempt/"


def _lock_out(client, settings, email, ip="203.0.113.7"):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": email, "password": "wrong"}, REMOTE_ADDR=ip)


def test_lockouts_are_listed_for_administrators_not_editors(client, settings, administrator):
    user = UserFactory(email="locked@example.org")
    _lock_out(Client(), settings, user.email)

    client.force_login(_in_group(StaffUserFactory(), permissions.SECRETARIAT_EDITORS))
    editor_sees = client.get(LOCKOUT_ADMIN)
    client.force_login(administrator)
    listed = client.get(LOCKOUT_ADMIN, {"q": "locked@"})

    assert editor_sees.status_code == 403
    assert listed.status_code == 200
    assert [(a.username, a.failures_since_start) for a in listed.context["cl"].result_list] == [
        ("locked@example.org", settings.AXES_FAILURE_LIMIT),
    ]


@pytest.mark.parametrize("action", ["lift_lockout", "delete_selected"])
def test_lockout_lifted_in_the_admin_lets_the_owner_in(client, settings, administrator, action):
    user = UserFactory(email="locked@example.org")
    visitor = Client()
    _lock_out(visitor, settings, user.email)
    assert visitor.post(
        LOGIN, {"username": user.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    ).status_code == 429
    attempt = AccessAttempt.objects.get(username=user.email)

    client.force_login(administrator)
    lifted = client.post(
        LOCKOUT_ADMIN, {"action": action, "_selected_action": [attempt.pk], "post": "yes"},
    )
    response = visitor.post(
        LOGIN, {"username": user.email, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7"
    )

    assert lifted.status_code == 302
    assert AccessAttempt.objects.count() == 0
    assert response.status_code == 302
    assert visitor.session["_auth_user_id"] == str(user.pk)
