"""The coordinator's dashboard from the dashboard cache
(meetings/dashboard_cache.py): a second request asks the database for the
session and the user only; whatever the dashboard shows that changes
(a delegation, a delegate, an accreditation, a meeting, a briefing pack, a
coordinator's term, a registration window opening or closing by the clock)
is on the very next request; no coordinator ever sees another state's
dashboard; no CSRF token or user is ever stored; what no dashboard shows
(a document published) leaves the entries alone."""

from __future__ import annotations

import datetime
import html
import os
import re
import uuid
from contextlib import contextmanager

import pytest
import time_machine
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, pgettext_lazy

from archive.enums import PublicationStatus
from briefings.enums import PackStatus
from briefings.models import BriefingPack
from core import generations, pagecache
from meetings.enums import Accreditation, DelegationStatus
from meetings.services.accreditation import delegate_decide_accreditation
from meetings.services.registration import (
    delegate_register,
    delegation_attach_credentials,
    delegation_open,
    delegation_submit,
)
from tests.conftest import unavailable
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import DelegationFactory

from .conftest import coordinator_of, delegate_fields, open_meeting

pytestmark = pytest.mark.django_db

LANGUAGES = ["ru", "en"]


@pytest.fixture
def dashboard_cache(settings):
    """The dashboard cache switched on (the tests' settings keep it off),
    empty."""
    settings.DASHBOARD_CACHE_SECONDS = 600
    cache = caches[pagecache.CACHE_ALIAS]
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if its transaction committed (the test's own never
    does): its on-commit bumps run. The arranged rows' pending bumps are
    dropped first (they would have run before the dashboard was warmed),
    else the change's own, folded into them, never would."""

    @contextmanager
    def change():
        connection = transaction.get_connection()
        bumps = set(generations._bumpers.values())
        connection.run_on_commit[:] = [
            entry for entry in connection.run_on_commit if entry[1] not in bumps
        ]
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return change


def dashboard(client, language="en", **params) -> str:
    response = client.get(f"/{language}/registration/", params)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def headings(page: str) -> list[str]:
    """The meetings in hand (a card each)."""
    return re.findall(r'<h3 id="meeting-\d+"><a href="[^"]*">([^<]*)</a></h3>', page)


def heading(page: str) -> str:
    return re.search(r"<h1>([^<]*)</h1>", page).group(1)


def without_csrf_token(page: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def stored_entries(cache) -> list[tuple]:
    """The dashboard entries in the (local-memory) cache."""
    keys = [key.split(":", 2)[2] for key in list(cache._cache)]  # ":<version>:<key>"
    return [cache.get(key) for key in keys if key.startswith("dashboard:1:")]


def in_language(language: str, text) -> str:
    with translation.override(language):
        return str(text)


# --- Hits -----------------------------------------------------------------------------

@pytest.mark.parametrize("meetings", [1, 3])
def test_dashboard_second_request_asks_only_for_session_and_user(
    client, dashboard_cache, kazakhstan, coordinator, meetings,
    django_assert_max_num_queries, django_assert_num_queries,
):
    for number in range(meetings):
        delegation = delegation_open(meeting=open_meeting(title_en=f"Meeting {number}"),
                                     state=kazakhstan, user=coordinator)
        delegate_register(delegation=delegation, user=coordinator,
                          **delegate_fields(number, email=f"p{number}@example.kz"))
    client.force_login(coordinator)

    # session, user, roles (2), meetings, delegates, earlier delegations
    # (count; no page when there are none), briefing packs, the next
    # registration boundary; the other apps' panels (decisions, contributions
    # (2), workplans, alerts) and the next outcome to enter the register
    # (a clock change)
    with django_assert_max_num_queries(15):
        first = dashboard(client)
    with django_assert_num_queries(2):  # session, user
        second = dashboard(client)

    assert without_csrf_token(second) == without_csrf_token(first)
    assert headings(second) == [f"Meeting {number}" for number in range(meetings)]


def test_dashboard_entry_holds_no_csrf_token_and_no_user(
    client, dashboard_cache, coordinator, meeting,
):
    client.force_login(coordinator)

    page = dashboard(client)
    [(_generations, roles, body)] = stored_entries(dashboard_cache)

    assert ("csrfmiddlewaretoken" in page, "csrfmiddlewaretoken" in body) == (True, False)
    assert (str(coordinator) in page, str(coordinator) in body) == (True, False)
    assert (roles.state.name_en, meeting.title_en in html.unescape(body)) == ("Kazakhstan", True)


def test_dashboard_stays_cached_when_a_document_is_published(
    client, dashboard_cache, committed, coordinator, meeting, django_assert_num_queries,
):
    client.force_login(coordinator)
    dashboard(client)

    with committed():
        DocumentFactory(status=PublicationStatus.PUBLISHED)
    with django_assert_num_queries(2):  # session, user
        dashboard(client)


# --- A change is on the next request -------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_delegate_added_shows_on_the_next_request(
    client, dashboard_cache, committed, kazakhstan, coordinator, meeting, language,
):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    client.force_login(coordinator)
    before = dashboard(client, language)

    with committed():
        delegate_register(delegation=delegation, user=coordinator,
                          **delegate_fields(1, surname_latin="Nurlanov"))
    after = dashboard(client, language)

    assert ("Nurlanov" in before, "Nurlanov" in after) == (False, True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_delegation_submitted_shows_on_the_next_request(
    client, dashboard_cache, committed, kazakhstan, coordinator, meeting, language,
    note_verbale, credentials_dir,
):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate_register(delegation=delegation, user=coordinator,
                      **delegate_fields(1, role="head"))
    delegation_attach_credentials(delegation=delegation, upload=note_verbale, user=coordinator)
    client.force_login(coordinator)
    submit = in_language(language, pgettext_lazy("delegation", "Submit the delegation."))
    submitted = in_language(language, DelegationStatus.SUBMITTED.label)
    before = dashboard(client, language)

    with committed():
        delegation_submit(delegation=delegation, user=coordinator)
    after = dashboard(client, language)

    assert (submit in before, submitted in before) == (True, False)
    assert (submit in after, submitted in after) == (False, True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_accreditation_declined_shows_on_the_next_request(
    client, dashboard_cache, committed, kazakhstan, coordinator, meeting, staff, language,
):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    delegate = delegate_register(delegation=delegation, user=coordinator, **delegate_fields(1))
    client.force_login(coordinator)
    before = dashboard(client, language)

    with committed():
        delegate_decide_accreditation(delegate=delegate, decision=Accreditation.DECLINED,
                                      user=staff, reason="Passport expired")
    after = dashboard(client, language)

    assert ("Passport expired" in before, "Passport expired" in after) == (False, True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_meeting_renamed_shows_on_the_next_request(
    client, dashboard_cache, committed, coordinator, meeting, language,
):
    client.force_login(coordinator)
    dashboard(client, language)

    with committed():
        meeting.title_ru = meeting.title_en = "Renamed meeting"
        meeting.save()
    after = dashboard(client, language)

    assert headings(after) == ["Renamed meeting"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_briefing_pack_ready_shows_on_the_next_request(
    client, dashboard_cache, committed, kazakhstan, coordinator, meeting, language,
):
    DelegationFactory(meeting=meeting, state=kazakhstan)
    pack = BriefingPack.objects.create(meeting=meeting, language="ru", status=PackStatus.RUNNING)
    client.force_login(coordinator)
    before = dashboard(client, language)

    with committed():
        pack.status, pack.file, pack.version = PackStatus.DONE, "briefings/ready.pdf", 1
        pack.finished_at = timezone.now()
        pack.save()
    after = dashboard(client, language)

    assert (pack.get_absolute_url() in before, pack.get_absolute_url() in after) == (False, True)


def test_dashboard_coordinator_term_ended_is_refused_on_the_next_request(
    client, dashboard_cache, committed, coordinator, meeting,
):
    client.force_login(coordinator)
    dashboard(client)
    term = coordinator.coordinator_terms.get()

    with committed():
        term.end = timezone.localdate() - datetime.timedelta(days=1)
        term.save()

    assert client.get("/en/registration/").status_code == 403


# --- The clock: an entry lives DASHBOARD_CACHE_SECONDS (10 minutes here) unless
# the next registration boundary comes sooner -------------------------------------

MOMENT = datetime.datetime(2031, 3, 14, 9, 30, tzinfo=datetime.UTC)


@pytest.mark.dates
@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_registration_closing_shows_on_time(
    client, dashboard_cache, kazakhstan, language,
):
    with time_machine.travel(MOMENT, tick=False) as clock:
        coordinator = coordinator_of(kazakhstan)
        open_meeting(title_en="Closing soon", title_ru="Closing soon",
                     registration_closes=MOMENT + datetime.timedelta(minutes=2))
        client.force_login(coordinator)
        before = dashboard(client, language)
        dashboard(client, language)  # a hit

        clock.move_to(MOMENT + datetime.timedelta(minutes=2))
        after = dashboard(client, language)

    assert (headings(before), headings(after)) == (["Closing soon"], [])


@pytest.mark.dates
@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_registration_opening_shows_on_time(
    client, dashboard_cache, kazakhstan, language,
):
    with time_machine.travel(MOMENT, tick=False) as clock:
        coordinator = coordinator_of(kazakhstan)
        open_meeting(title_en="Opening soon", title_ru="Opening soon",
                     registration_opens=MOMENT + datetime.timedelta(minutes=2))
        client.force_login(coordinator)
        before = dashboard(client, language)
        dashboard(client, language)  # a hit

        clock.move_to(MOMENT + datetime.timedelta(minutes=2))
        after = dashboard(client, language)

    assert (headings(before), headings(after)) == ([], ["Opening soon"])


@pytest.mark.dates
def test_dashboard_coordinator_term_ending_today_is_refused_tomorrow(
    client, dashboard_cache, kazakhstan,
):
    with time_machine.travel(MOMENT, tick=False) as clock:
        coordinator = coordinator_of(kazakhstan)
        coordinator.coordinator_terms.update(end=timezone.localdate())
        open_meeting()
        client.force_login(coordinator)
        today = client.get("/en/registration/").status_code

        clock.move_to(MOMENT + datetime.timedelta(days=1))
        tomorrow = client.get("/en/registration/").status_code

    assert (today, tomorrow) == (200, 403)


# --- Nobody else's dashboard ---------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_dashboard_coordinators_of_two_states_each_see_their_own(
    client, dashboard_cache, kazakhstan, kyrgyzstan, coordinator, other_coordinator, meeting,
    language,
):
    DelegationFactory(meeting=meeting, state=kazakhstan, status=DelegationStatus.DRAFT)
    with translation.override(language):
        name = {state.pk: str(state.name) for state in (kazakhstan, kyrgyzstan)}
    pages = {}
    for _round in range(2):  # the second round from the cache
        for user in (coordinator, other_coordinator):
            client.force_login(user)
            pages[user.pk, _round] = dashboard(client, language)

    mine = in_language(language, gettext_lazy("My state"))
    for _round in range(2):
        ours, theirs = pages[coordinator.pk, _round], pages[other_coordinator.pk, _round]
        draft = in_language(language, DelegationStatus.DRAFT.label)
        assert (heading(ours), heading(theirs)) == (
            f"{mine}: {name[kazakhstan.pk]}", f"{mine}: {name[kyrgyzstan.pk]}",
        )
        assert (draft in ours, draft in theirs) == (True, False)


# --- Redis (production's store) ---------------------------------------------------------------

@pytest.fixture
def redis_dashboard_cache(settings):
    """The dashboard cache on the tests' Redis, under a prefix of its own."""
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable("needs Redis (the test plugin starts it)")
    prefix = f"test-dashboards-{uuid.uuid4().hex}"
    settings.DASHBOARD_CACHE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        pagecache.CACHE_ALIAS: {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": url, "KEY_PREFIX": prefix,
        },
    }
    yield
    client = caches[pagecache.CACHE_ALIAS]._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_dashboard_on_redis_hits_and_shows_a_change_on_the_next_request(
    client, redis_dashboard_cache, committed, kazakhstan, coordinator, meeting,
    django_assert_num_queries,
):
    delegation = delegation_open(meeting=meeting, state=kazakhstan, user=coordinator)
    client.force_login(coordinator)
    first = dashboard(client)
    with django_assert_num_queries(2):  # session, user
        second = dashboard(client)

    with committed():
        delegate_register(delegation=delegation, user=coordinator,
                          **delegate_fields(1, surname_latin="Nurlanov"))
    third = dashboard(client)

    assert without_csrf_token(second) == without_csrf_token(first)
    assert ("Nurlanov" in second, "Nurlanov" in third) == (False, True)


# --- Keys (issue 22, item 12) ---------------------------------------------------------

def test_dashboard_unknown_parameters_share_one_entry(
    client, dashboard_cache, coordinator, meeting, django_assert_num_queries,
):
    client.force_login(coordinator)

    dashboard(client, x="1")
    with django_assert_num_queries(2):  # session, user: the entry of ?x=1
        dashboard(client, x="2", utm_source="mail")
    dashboard(client)

    [(_generation, _roles, body)] = stored_entries(dashboard_cache)
    assert ("x=1" in body, meeting.title_en in html.unescape(body)) == (False, True)


def test_dashboard_pages_past_the_last_or_malformed_are_not_stored(
    client, dashboard_cache, coordinator, meeting,
):
    client.force_login(coordinator)

    for page in ("2", "999", "02", "abc", "-1", "1" * 20):
        dashboard(client, page=page)

    # Only one page of earlier delegations exists: every request above shows
    # it, and none of them is kept under another number.
    assert stored_entries(dashboard_cache) == []
    dashboard(client, page="1")
    assert len(stored_entries(dashboard_cache)) == 1


def test_dashboard_pager_links_keep_only_the_page(rf, coordinator):
    from meetings.dashboard_cache import DashboardCache

    request = rf.get("/en/registration/", {"page": "2", "x": "1"})

    body_request = DashboardCache.body_request(request)

    assert (dict(body_request.GET.lists()), request.GET["x"]) == ({"page": ["2"]}, "1")
