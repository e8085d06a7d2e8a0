"""A Redis outage (issue 22, item 2), on real servers: a redis-server of the
test's own (the session's Redis is left alone) is stopped, frozen and
started again under the portal's cache backend (core/cache.py),
the cached_db sessions, the page and dashboard caches, the throttles
(membership/throttle.py) and Celery's broker, whose sends wait in the
database's outbox meanwhile (core/tasking.py)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import time_machine
from django.core.cache import caches
from django.core.signing import TimestampSigner
from django.test import Client
from django.urls import reverse

from almaty_portal.celery import app
from almaty_portal.models import DemoData
from content.forms import ContactForm
from core import tasking
from core.cache import CacheUnavailable, RedisCache
from core.models import OutboxTask
from core.tasking import outbox_send
from membership.throttle import ThrottleUnavailable, throttle_hit
from tests.conftest import ROOT, unavailable

PASSWORD = "correct horse battery staple"


# --- A Redis of the test's own ------------------------------------------------------------

class RedisServer:
    """redis-server on a fixed loopback port, which the test can stop,
    start again (empty: no persistence) and freeze (SIGSTOP: the server
    keeps its data but answers nothing, as behind a broken network)."""

    def __init__(self, directory: Path):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            unavailable("redis-server not found: run `make test`, which installs it")
        self.directory = directory
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(
                ("127.0.0.1", self.port), 0.2
            ):
                return
            time.sleep(0.05)
        pytest.fail("redis-server did not start within 10 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.thaw()
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def freeze(self) -> None:
        os.kill(self.proc.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.proc.pid, signal.SIGCONT)

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)


@pytest.fixture
def own_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


def redis_cache(server: RedisServer, **options) -> dict:
    return {
        "BACKEND": "core.cache.RedisCache",
        "LOCATION": server.url,
        "KEY_PREFIX": f"outage-{uuid.uuid4().hex[:8]}",
        # Short, so that the test does not wait: production keeps the defaults.
        "OPTIONS": {"RETRY_AFTER": 0.5, "socket_timeout": 0.5, **options},
    }


def wait_until_retry(cache: RedisCache) -> None:
    time.sleep(cache.retry_after + 0.05)


# --- The cache backend --------------------------------------------------------------------

def test_cache_answers_as_a_miss_while_redis_is_down(own_redis):
    cache = RedisCache(own_redis.url, redis_cache(own_redis))
    cache.set("kept", "value", 60)
    own_redis.stop()

    started = time.monotonic()
    answers = (
        cache.get("kept"), cache.get("kept", "default"), cache.set("a", 1, 60),
        cache.add("b", 1, 60), cache.get_many(["kept", "a"]), cache.delete("kept"),
        cache.has_key("kept"), cache.touch("kept"), cache.set_many({"c": 1}),
        cache.delete_many(["c"]), cache.get_or_set("d", 4, 60),
    )
    with pytest.raises(CacheUnavailable):
        cache.incr("counter")
    # One connection refused, then no attempt at all until RETRY_AFTER.
    many = time.monotonic()
    for _ in range(200):
        cache.get("kept")
    elapsed_many = time.monotonic() - many

    assert answers == (None, "default", None, False, {}, False, False, False, [], None, 4)
    assert cache.is_available() is False
    assert time.monotonic() - started < 1
    assert elapsed_many < 0.2


def test_cache_is_used_again_once_redis_is_back(own_redis):
    cache = RedisCache(own_redis.url, redis_cache(own_redis))
    own_redis.stop()
    assert cache.get("x") is None
    own_redis.start()
    wait_until_retry(cache)

    cache.set("x", "back", 60)

    assert (cache.get("x"), cache.is_available()) == ("back", True)


def test_a_write_that_failed_leaves_no_stale_value_once_redis_answers_again(own_redis):
    """A server that was unreachable (frozen) comes back with its data: the
    session deleted at sign-out meanwhile must not come back with it."""
    cache = RedisCache(own_redis.url, redis_cache(own_redis))
    cache.set("session", "signed in", 600)
    cache.set("generation", "g1", None)
    own_redis.freeze()

    cache.delete("session")  # times out
    cache.set("generation", "g2", None)  # known down: not even tried
    own_redis.thaw()
    wait_until_retry(cache)

    assert cache.get_many(["session", "generation"]) == {}
    assert own_redis.client().dbsize() == 0


@pytest.mark.django_db
def test_a_session_signed_out_while_redis_was_unreachable_stays_signed_out(own_redis, settings):
    from django.contrib.sessions.backends.cached_db import SessionStore

    from tests.factories.membership import UserFactory

    settings.CACHES = {**settings.CACHES, "default": redis_cache(own_redis)}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    client = Client()
    client.force_login(UserFactory())
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    own_redis.freeze()

    response = client.post("/en/accounts/logout/")  # the cache's copy cannot be deleted
    own_redis.thaw()
    wait_until_retry(caches["default"])

    assert response.status_code == 302
    assert SessionStore(session_key=key).get("_auth_user_id") is None


# --- Throttles ------------------------------------------------------------------------------

def test_throttles_fail_closed_or_open_as_each_caller_decides(own_redis, settings):
    settings.CACHES = {**settings.CACHES, "default": redis_cache(own_redis)}
    assert throttle_hit(scope="t", key="a@example.org", limit=1, period=60,
                        when_unavailable="closed")
    assert not throttle_hit(scope="t", key="a@example.org", limit=1, period=60,
                            when_unavailable="closed")
    own_redis.stop()

    with pytest.raises(ThrottleUnavailable):
        throttle_hit(scope="t", key="a@example.org", limit=1, period=60, when_unavailable="closed")
    assert throttle_hit(scope="t", key="a@example.org", limit=1, period=60,
                        when_unavailable="open")


# --- The outbox -----------------------------------------------------------------------------

@contextlib.contextmanager
def broker_at(url: str):
    """Celery's sends through ``url`` (a broker and result backend), not
    eager, for the block."""
    conf = app.conf
    saved = (conf.broker_url, conf.result_backend, conf.task_always_eager)
    conf.broker_url, conf.result_backend, conf.task_always_eager = url, url, False
    _forget_connections()
    try:
        yield
    finally:
        conf.broker_url, conf.result_backend, conf.task_always_eager = saved
        _forget_connections()


@pytest.fixture(autouse=True)
def _broker_state_forgotten():
    """A failed send makes this process skip the broker for a few seconds
    (core/tasking.py): not for the tests that follow."""
    yield
    tasking._process.update(broker_down_until=0.0, recorded=False, checked_at=0.0)


def _forget_connections() -> None:
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.backend = None


@pytest.mark.django_db
def test_task_queued_while_the_broker_is_down_waits_in_the_outbox_then_is_sent(own_redis):
    with broker_at(own_redis.url):
        own_redis.stop()
        started = time.monotonic()
        result = app.tasks["almaty_portal.ping"].apply_async(countdown=0)
        took = time.monotonic() - started
        [row] = OutboxTask.objects.all()

        assert (row.task_name, row.task_id, row.args, row.kwargs) == (
            "almaty_portal.ping", result.id, [], {},
        )
        assert took < 3
        assert outbox_send() == 0  # still down: kept, one more attempt
        row.refresh_from_db()
        assert row.attempts == 1

        own_redis.start()
        sent = outbox_send()

    [message] = own_redis.client().lrange("celery", 0, -1)
    assert (sent, OutboxTask.objects.count()) == (1, 0)
    assert json.loads(message)["headers"]["id"] == result.id


@pytest.mark.django_db
def test_the_next_send_that_succeeds_sends_the_outbox_first_recorded(own_redis):
    ping = app.tasks["almaty_portal.ping"]
    with broker_at(own_redis.url):
        own_redis.stop()
        waiting = ping.delay()
        own_redis.start()
        tasking._process["broker_down_until"] = 0.0  # as after RETRY_AFTER

        later = ping.delay()

    queued = [json.loads(message)["headers"]["id"]
              for message in own_redis.client().lrange("celery", 0, -1)]
    assert (OutboxTask.objects.count(), sorted(queued)) == (0, sorted([waiting.id, later.id]))


@pytest.mark.django_db
def test_a_broker_that_does_not_answer_costs_one_timeout_not_one_per_send(own_redis):
    ping = app.tasks["almaty_portal.ping"]
    with broker_at(own_redis.url):
        ping.delay()  # connected
        own_redis.freeze()
        try:
            started = time.monotonic()
            ping.delay()
            first = time.monotonic() - started
            started = time.monotonic()
            ping.delay()
            second = time.monotonic() - started
        finally:
            own_redis.thaw()

    # One read timeout (CELERY_BROKER_TRANSPORT_OPTIONS: 2 s), no retry;
    # then no attempt at all for a few seconds.
    assert OutboxTask.objects.count() == 2
    assert (first < 4, second < 0.2) == (True, True)


# --- The whole site through an outage --------------------------------------------------------

class Worker:
    """A `celery worker` on the test's own Redis and the test database."""

    def __init__(self, url: str, log: Path):
        self.url, self.log, self.proc = url, log, None

    def start(self) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "almaty_portal.settings.test",
            "ALMATY_WORKER_USES_TEST_DATABASE": "1",
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "REDIS_URL": self.url,
        }
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "almaty_portal", "worker",
                 "--loglevel=INFO", "--concurrency=1", "--pool=prefork",
                 "--without-gossip", "--without-mingle", "--without-heartbeat",
                 "--hostname=outage@%h"],
                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            )

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def wait_for(condition, what: str, *, seconds: float = 90, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    detail = log.read_text()[-3000:] if log is not None and log.exists() else ""
    pytest.fail(f"Timed out waiting for {what}\n{detail}")


@pytest.fixture
def site(transactional_db):
    """A little of every page type, committed (the worker reads it)."""
    from actionplan.enums import PlanStatus
    from meetings.enums import MeetingStatus
    from tests.factories.actionplan import PlanFactory
    from tests.factories.archive import DocumentFactory
    from tests.factories.briefings import PackDocumentFactory, pdf_file
    from tests.factories.content import NewsItemFactory
    from tests.factories.membership import ParticipantStateFactory, StaffUserFactory
    from tests.meetings.registration.conftest import coordinator_of, open_meeting

    state = ParticipantStateFactory(name_en="Kazakhstan", name_ru="Казахстан", iso2="KZ",
                                    iso3="KAZ", rotation_key="Kazakhstan")
    coordinator = coordinator_of(state)
    coordinator.set_password(PASSWORD)
    coordinator.save()
    staff = StaffUserFactory(is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    meeting = open_meeting(title_en="Senior Officials' Meeting", title_ru="Совещание СДЛ",
                           status=MeetingStatus.REGISTRATION_OPEN)
    document = DocumentFactory(title_en="Refugee report", title_ru="Доклад о беженцах")
    pdf_file(document, pages=1)
    PackDocumentFactory(meeting=meeting, document=document, position=1)
    news = NewsItemFactory()
    PlanFactory(status=PlanStatus.ADOPTED)
    DemoData.objects.create()
    return {"state": state, "coordinator": coordinator, "staff": staff, "meeting": meeting,
            "document": document, "news": news}


def public_pages(site) -> list[str]:
    meeting, document, news = site["meeting"], site["document"], site["news"]
    pages = [
        "/", "/about/", "/search/?q=беженцах", "/archive/", "/archive/?q=report",
        f"/archive/{document.slug}/", "/meetings/", f"/meetings/{meeting.slug}/", "/states/",
        "/states/kaz/", "/chairmanship/", "/news/", f"/news/{news.slug}/", "/action-plan/",
        "/action-plan/progress/", "/contact/", "/accounts/login/",
    ]
    return [f"/{language}{page}" for language in ("ru", "en") for page in pages]


def signed_in_pages(site) -> list[str]:
    slug = site["meeting"].slug
    return ["/ru/", "/en/registration/", f"/en/registration/{slug}/",
            f"/en/registration/{slug}/delegates/add/", "/ru/archive/", "/en/search/?q=report"]


def sign_in(client: Client, user) -> None:
    response = client.post("/en/accounts/login/", {"username": user.email, "password": PASSWORD})
    assert (response.status_code, response.get("Location")) == (302, "/en/"), (
        response.content.decode()[:2000])


def browse(client: Client, urls: list[str]) -> dict[str, int]:
    return {url: client.get(url).status_code for url in urls}


@pytest.mark.celery_worker
@pytest.mark.postgresql
def test_the_site_works_through_a_redis_outage_and_resumes_after_it(
    site, own_redis, settings, tmp_path,
):
    settings.CACHES = {"default": redis_cache(own_redis), "pages": redis_cache(own_redis)}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.PAGE_CACHE_SECONDS = 600
    settings.DASHBOARD_CACHE_SECONDS = 600
    settings.REDIS_URL = own_redis.url
    worker = Worker(own_redis.url, tmp_path / "worker.log")
    anonymous, coordinator, staff = Client(), Client(), Client()
    pages = public_pages(site)

    with broker_at(own_redis.url):
        try:
            # Before: the caches are used.
            assert set(browse(anonymous, pages).values()) == {200}
            assert anonymous.get("/ru/").headers["X-Cache"] == "hit"
            sign_in(coordinator, site["coordinator"])
            assert set(browse(coordinator, signed_in_pages(site)).values()) == {200}

            # During: every page renders from the database.
            own_redis.stop()
            assert browse(anonymous, pages) == dict.fromkeys(pages, 200)
            assert browse(coordinator, signed_in_pages(site)) == dict.fromkeys(
                signed_in_pages(site), 200)
            health = anonymous.get("/healthz")
            assert health.status_code == 503
            assert {key: value[:5] for key, value in json.loads(health.content).items()
                    if key in ("database", "redis", "broker", "status")} == {
                "database": "ok", "redis": "error", "broker": "error", "status": "error"}

            # Signing in, a delegate registered, a pack requested.
            other = Client()
            sign_in(other, site["coordinator"])
            slug = site["meeting"].slug
            from tests.meetings.registration.conftest import delegate_fields

            response = other.post(f"/en/registration/{slug}/delegates/add/",
                                  {**delegate_fields(1), "needs_visa_letter": ""})
            assert (response.status_code, response["Location"]) == (
                302, f"/en/registration/{slug}/")
            assert other.get("/en/registration/").status_code == 200
            sign_in(staff, site["staff"])
            url = reverse("admin:briefings_briefingpack_meeting", args=[site["meeting"].pk])
            response = staff.post(url, {"kind": "briefing", "language": "ru"})
            assert response.status_code == 302
            from briefings.models import BriefingPack

            pack = BriefingPack.objects.get()
            assert list(OutboxTask.objects.values_list("task_name", "task_id")) == [
                ("briefings.build_pack", pack.task_id)]

            # The throttles that fail closed say so, and nothing is sent.
            response = anonymous.post("/en/accounts/password-reset/",
                                      {"email": site["coordinator"].email})
            assert response.status_code == 503
            assert "Password reset is unavailable for a few minutes" in response.content.decode()
            with time_machine.travel(time.time() - 60, tick=False):  # a form filled in a minute
                started = TimestampSigner(salt=ContactForm.SALT).sign("contact")
            response = anonymous.post("/en/contact/", {
                "name": "A visitor", "email": "visitor@example.org", "subject": "Question",
                "message": "When is the next meeting?", "started": started,
            })
            assert response.status_code == 503
            assert "Messages cannot be sent for a few minutes" in response.content.decode()
            anonymous.post("/en/accounts/logout/")

            # After: Redis is back; the caches are used again, and the queued
            # work is sent (by the worker when it is ready) and done.
            own_redis.start()
            time.sleep(0.6)  # RETRY_AFTER
            assert anonymous.get("/healthz").status_code == 200
            assert anonymous.get("/en/meetings/").headers["X-Cache"] == "miss"
            assert anonymous.get("/en/meetings/").headers["X-Cache"] == "hit"
            assert other.get("/en/registration/").status_code == 200
            session_key = other.cookies[settings.SESSION_COOKIE_NAME].value
            assert caches["default"].get(f"django.contrib.sessions.cached_db{session_key}")
            worker.start()
            wait_for(lambda: not OutboxTask.objects.exists(), "the outbox to empty",
                     log=worker.log)
            pack = wait_for(
                lambda: BriefingPack.objects.filter(pk=pack.pk, status="done").first(),
                "the pack to be built", log=worker.log,
            )
            assert pack.file
        finally:
            worker.stop()
            own_redis.stop()
