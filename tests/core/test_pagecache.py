"""The anonymous page cache (core/pagecache.py): a second anonymous
request is served from the cache; a change of what the page shows is on
the very next request; a signed-in visitor never receives a cached page,
nor is their page ever given to anyone else."""

from __future__ import annotations

import datetime
import os
import uuid

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from archive.enums import PublicationStatus
from archive.models import Document
from archive.search import document_index
from chairmanship.enums import ChairmanshipBasis
from chairmanship.services.terms import chairmanship_create
from core import pagecache
from core.cache import RedisCache
from tests.conftest import unavailable
from tests.core.conftest import _page_bump
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.content import NewsItemFactory
from tests.factories.membership import (
    NationalCoordinatorFactory,
    ParticipantStateFactory,
    StaffUserFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response


@pytest.mark.parametrize("url", [
    "/ru/", "/en/", "/ru/about/", "/en/states/", "/ru/chairmanship/", "/en/archive/",
    "/ru/archive/feed/rss/", "/en/news/", "/sitemap.xml",
])
def test_second_anonymous_request_is_a_hit_with_the_same_body(client, page_cache, url):
    first = _get(client, url)
    second = _get(client, url)

    assert first["X-Cache"] == "miss"
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]


def test_hit_keeps_the_language_and_security_headers(client, page_cache):
    first = _get(client, "/en/about/")
    second = _get(client, "/en/about/")

    assert second["Content-Language"] == "en"
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"
    assert int(second["Age"]) >= 0


def _reads_filter_lists(queries) -> bool:
    return any('ORDER BY "archive_theme"."position"' in q["sql"]
               or 'FROM "membership_participantstate" ORDER BY' in q["sql"] for q in queries)


def test_archive_filter_lists_are_read_once_per_content_generation(client, page_cache, committed):
    theme = ThemeFactory(name_en="Readmission workshops", name_ru="Семинары по возвращению")
    ParticipantStateFactory(name_en="Kyrgyz Republic", name_ru="Кыргызская Республика")
    # (Each request resets the connection's query log: read it at once.)
    with CaptureQueriesContext(connection) as first:
        _get(client, "/en/archive/")
    first_reads = _reads_filter_lists(first)
    with CaptureQueriesContext(connection) as other_page:
        english = _get(client, "/en/archive/?year=2020").content.decode()
    other_page_reads = _reads_filter_lists(other_page)
    russian = _get(client, "/ru/archive/?year=2020").content.decode()

    assert first_reads
    assert not other_page_reads
    assert "Readmission workshops" in english
    assert "Kyrgyz Republic" in english
    assert "Семинары по возвращению" in russian
    assert "Кыргызская Республика" in russian

    with committed():
        theme.name_en = "Reintegration workshops"
        theme.save()

    renamed = _get(client, "/en/archive/?year=2021").content.decode()
    assert "Reintegration workshops" in renamed
    assert "Readmission workshops" not in renamed


def test_signed_in_archive_page_reads_the_filter_lists(client, page_cache):
    ThemeFactory(name_en="Readmission workshops")
    _get(client, "/en/archive/")
    client.force_login(UserFactory())

    with CaptureQueriesContext(connection) as queries:
        _get(client, "/en/archive/?year=2020")

    assert _reads_filter_lists(queries)


def test_hit_needs_no_database_query(client, page_cache, django_assert_num_queries):
    _get(client, "/ru/states/")

    with django_assert_num_queries(0):
        response = _get(client, "/ru/states/")

    assert response["X-Cache"] == "hit"


def test_page_leaves_in_one_chunk(client, page_cache):
    NewsItemFactory.create_batch(3)

    miss = _get(client, "/ru/news/feed/rss/")
    hit = _get(client, "/ru/news/feed/rss/")

    assert len(miss._container) == 1
    assert len(hit._container) == 1


def test_russian_and_english_are_cached_apart(client, page_cache):
    russian = _get(client, "/ru/about/")
    english = _get(client, "/en/about/")

    assert english["X-Cache"] == "miss"
    assert english["Content-Language"] == "en"
    assert russian["Content-Language"] == "ru"
    assert _get(client, "/en/about/").content == english.content


def test_query_string_variants_are_cached_apart(client, page_cache):
    NewsItemFactory(title_en="Border management workshop")
    _get(client, "/en/news/")

    variant = _get(client, "/en/news/?page=1")

    assert variant["X-Cache"] == "miss"
    assert _get(client, "/en/news/?page=1")["X-Cache"] == "hit"


@pytest.mark.parametrize("url", [
    "/ru/news/?q=семинар", "/en/archive/?q=migration", "/ru/search/?q=беженцы",
])
def test_searches_are_stored(client, page_cache, url):
    _get(client, url)

    assert _get(client, url)["X-Cache"] == "hit"


def test_text_indexed_after_the_save_is_found_by_the_next_search(client, page_cache, committed):
    # A file's text is extracted and indexed after its document was saved,
    # with no model signal: the index's own signal drops the cached search.
    document = DocumentFactory(title_en="Annual review", summary_en="")
    document_index(document_id=document.pk)
    url = "/en/archive/?q=remittances"
    assert "Annual review" not in _get(client, url).content.decode()

    with committed():
        Document.objects.filter(pk=document.pk).update(summary_en="Remittances of labour migrants")
        document_index(document_id=document.pk)

    response = _get(client, url)
    assert response["X-Cache"] == "miss"
    assert "Annual review" in response.content.decode()


def test_head_is_answered_from_the_cache_without_a_body(client, page_cache):
    body = _get(client, "/ru/about/").content

    response = client.head("/ru/about/")

    assert response.status_code == 200
    assert response["X-Cache"] == "hit"
    assert response.content == b""
    assert response["Content-Length"] == str(len(body))


def test_head_miss_is_not_stored_for_a_later_get(client, page_cache):
    client.head("/ru/about/")

    response = _get(client, "/ru/about/")

    assert response["X-Cache"] == "miss"
    assert b"<html" in response.content


def test_repeated_request_with_the_etag_is_not_modified(client, page_cache):
    etag = _get(client, "/ru/about/")["ETag"]

    response = client.get("/ru/about/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_post_is_never_answered_from_the_cache(client, page_cache):
    _get(client, "/ru/about/")

    response = client.post("/ru/about/")

    assert response.status_code == 405
    assert "X-Cache" not in response


def test_document_published_in_the_admin_is_on_the_next_request(client, page_cache, committed):
    document = DocumentFactory(
        title_ru="Доклад о смешанной миграции", status=PublicationStatus.DRAFT,
    )
    assert "Доклад о смешанной миграции" not in _get(client, "/ru/archive/").content.decode()
    editor = StaffUserFactory(is_superuser=True)
    admin_client = type(client)()
    admin_client.force_login(editor)

    with committed():
        admin_client.post("/ru/admin/archive/document/", {
            "action": "publish", "_selected_action": [document.pk],
        })

    response = _get(client, "/ru/archive/")
    assert response["X-Cache"] == "miss"
    assert "Доклад о смешанной миграции" in response.content.decode()


def test_document_published_by_the_service_is_on_the_next_request(client, page_cache, committed):
    from archive.services.documents import document_publish

    document = DocumentFactory(title_en="Mixed migration review", status=PublicationStatus.DRAFT)
    assert _get(client, "/en/archive/").status_code == 200

    with committed():
        document_publish(document=document, by=StaffUserFactory())

    assert "Mixed migration review" in _get(client, "/en/archive/").content.decode()


@pytest.mark.dates
def test_chair_term_recorded_is_on_the_next_request(client, page_cache, committed):
    state = ParticipantStateFactory(participant_since=datetime.date(2013, 1, 1))
    with time_machine.travel(datetime.datetime(2026, 3, 1, 6, 0, tzinfo=datetime.UTC)):
        assert "Алия Сапарова" not in _get(client, "/ru/chairmanship/").content.decode()

        with committed():
            chairmanship_create(
                state=state, start=datetime.date(2025, 6, 5), basis=ChairmanshipBasis.ELECTED,
                representative_name_ru="Алия Сапарова", representative_name_en="Aliya Saparova",
            )

        assert "Алия Сапарова" in _get(client, "/ru/chairmanship/").content.decode()


def test_english_title_of_a_news_item_edited_is_on_the_next_request(
    client, page_cache, committed
):
    item = NewsItemFactory(title_en="Seminar on return", title_ru="Семинар о возвращении")
    _get(client, "/en/news/")
    _get(client, "/ru/news/")

    with committed():
        item.title_en = "Seminar on voluntary return"
        item.save()

    assert "Seminar on voluntary return" in _get(client, "/en/news/").content.decode()
    assert _get(client, "/ru/news/")["X-Cache"] == "miss"


def test_state_name_translation_edited_is_on_the_next_request(client, page_cache, committed):
    state = ParticipantStateFactory(name_en="Kyrgyz Republic")
    assert "Kyrgyz Republic" in _get(client, "/en/states/").content.decode()

    with committed():
        state.name_en = "Kyrgyzstan"
        state.save()

    html = _get(client, "/en/states/").content.decode()
    assert "Kyrgyzstan" in html
    assert "Kyrgyz Republic" not in html


def test_change_rolled_back_keeps_the_cache(client, page_cache, django_capture_on_commit_callbacks):
    _get(client, "/en/states/")

    with django_capture_on_commit_callbacks(execute=False):
        ParticipantStateFactory(name_en="Never committed")

    assert _get(client, "/en/states/")["X-Cache"] == "hit"


def test_private_rows_leave_the_cache_alone(client, page_cache, committed):
    _get(client, "/en/about/")

    with committed():
        UserFactory()

    assert _get(client, "/en/about/")["X-Cache"] == "hit"


def test_rows_of_an_app_that_registers_nothing_leave_the_cache_alone(
    client, page_cache, committed,
):
    from django.contrib.auth.models import Group

    _get(client, "/en/about/")

    with committed():
        Group.objects.create(name="Not public content")

    assert _get(client, "/en/about/")["X-Cache"] == "hit"


def _coordinator_client(client_class):
    user = UserFactory()
    NationalCoordinatorFactory(user=user, start=datetime.date(2020, 1, 1))
    signed_in = client_class()
    signed_in.force_login(user)
    return signed_in


def test_coordinator_never_receives_the_cached_anonymous_page(client, page_cache):
    _get(client, "/en/")
    assert _get(client, "/en/")["X-Cache"] == "hit"
    coordinator = _coordinator_client(type(client))

    response = _get(coordinator, "/en/")

    assert "X-Cache" not in response
    assert "My state" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_coordinator_page_is_never_given_to_an_anonymous_visitor(client, page_cache):
    coordinator = _coordinator_client(type(client))
    assert "My state" in _get(coordinator, "/en/").content.decode()
    assert "My state" in _get(coordinator, "/en/").content.decode()

    response = _get(client, "/en/")

    assert response["X-Cache"] == "miss"
    assert "My state" not in response.content.decode()


def test_visitor_with_only_a_csrf_cookie_is_served_from_the_cache(client, page_cache, settings):
    _get(client, "/ru/about/")
    client.cookies[settings.CSRF_COOKIE_NAME] = "x" * 32

    assert _get(client, "/ru/about/")["X-Cache"] == "hit"


def test_visitor_with_pending_messages_is_not_served_from_the_cache(client, page_cache):
    _get(client, "/ru/about/")
    client.cookies["messages"] = "pending"

    assert "X-Cache" not in _get(client, "/ru/about/")


def test_page_with_a_form_setting_the_csrf_cookie_is_not_stored(client, page_cache):
    first = _get(client, "/ru/contact/")
    client.cookies.clear()

    second = _get(client, "/ru/contact/")

    assert first.cookies
    assert second["X-Cache"] == "miss"


def test_response_setting_a_cookie_is_not_stored():
    request = RequestFactory().get("/ru/about/")
    request.resolver_match = resolve("/ru/about/")
    response = HttpResponse("page")
    response.set_cookie("django_language", "en")

    assert pagecache.may_store(request, response) is False


@pytest.mark.parametrize("header", ["private", "no-store", "no-cache"])
def test_response_marked_private_is_not_stored(header):
    request = RequestFactory().get("/ru/about/")
    request.resolver_match = resolve("/ru/about/")
    response = HttpResponse("page", headers={"Cache-Control": header})

    assert pagecache.may_store(request, response) is False


def test_response_varying_on_another_header_is_not_stored():
    request = RequestFactory().get("/ru/about/")
    request.resolver_match = resolve("/ru/about/")
    response = HttpResponse("page", headers={"Vary": "Cookie, User-Agent"})

    assert pagecache.may_store(request, response) is False


@pytest.mark.parametrize("url", [
    "/ru/accounts/login/", "/ru/registration/", "/ru/contact/", "/healthz",
    "/ru/admin/", "/ru/accounts/password-reset/",
])
def test_private_and_form_pages_are_not_on_the_allow_list(url):
    assert resolve(url).view_name not in pagecache.public_views()


def test_login_page_is_never_served_from_the_cache(client, page_cache):
    _get(client, "/ru/accounts/login/")

    assert _get(client, "/ru/accounts/login/")["X-Cache"] == "miss"


@pytest.mark.dates
def test_almaty_midnight_starts_new_entries(client, page_cache):
    # 18:59 UTC is 23:59 in Almaty (UTC+5); two minutes later it is the next day.
    with time_machine.travel(datetime.datetime(2026, 6, 1, 18, 59, tzinfo=datetime.UTC)):
        _get(client, "/ru/chairmanship/")
        assert _get(client, "/ru/chairmanship/")["X-Cache"] == "hit"

    with time_machine.travel(datetime.datetime(2026, 6, 1, 19, 1, tzinfo=datetime.UTC)):
        assert _get(client, "/ru/chairmanship/")["X-Cache"] == "miss"


@pytest.mark.dates
def test_entry_expires_after_page_cache_seconds(client, page_cache, settings):
    settings.PAGE_CACHE_SECONDS = 60
    with time_machine.travel(datetime.datetime(2026, 6, 1, 6, 0, tzinfo=datetime.UTC)) as clock:
        _get(client, "/ru/about/")
        clock.shift(61)

        assert _get(client, "/ru/about/")["X-Cache"] == "miss"


def test_page_cache_seconds_zero_turns_it_off(client, page_cache, settings):
    settings.PAGE_CACHE_SECONDS = 0
    _get(client, "/ru/about/")

    assert "X-Cache" not in _get(client, "/ru/about/")


def test_invalidation_in_a_transaction_bumps_once_on_commit(page_cache, committed):
    before = pagecache.current_generation()

    with committed() as callbacks:
        NewsItemFactory.create_batch(3)

    assert [c for c in callbacks if c is _page_bump()] == [_page_bump()]
    assert pagecache.current_generation() != before


@pytest.fixture
def redis_page_cache(settings):
    """The page cache on the tests' Redis, under a prefix of its own."""
    url = os.environ.get("REDIS_URL")
    if not url:
        unavailable("needs Redis (the test plugin starts it)")
    prefix = f"test-pages-{uuid.uuid4().hex}"
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {
        **settings.CACHES,
        pagecache.CACHE_ALIAS: {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": url, "KEY_PREFIX": prefix,
        },
    }
    other_process = RedisCache(url, {"KEY_PREFIX": prefix})
    yield other_process
    client = other_process._cache.get_client(write=True)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_redis_hit_and_invalidation_from_another_client(client, redis_page_cache):
    first = _get(client, "/en/about/")
    assert _get(client, "/en/about/")["X-Cache"] == "hit"
    assert caches[pagecache.CACHE_ALIAS].__class__ is RedisCache

    # Another process (a worker, `manage.py load_demo`) bumps the generation.
    redis_page_cache.set(pagecache.GENERATION_KEY, "from-another-process", None)

    again = _get(client, "/en/about/")
    assert again["X-Cache"] == "miss"
    assert again.content == first.content
    assert _get(client, "/en/about/")["X-Cache"] == "hit"


def test_redis_change_is_on_the_next_request(client, redis_page_cache, committed):
    state = ParticipantStateFactory(name_en="Turkmenistan")
    _get(client, "/en/states/")

    with committed():
        state.name_en = "Turkmenistan (observer)"
        state.save()

    assert "Turkmenistan (observer)" in _get(client, "/en/states/").content.decode()


def test_delegate_registered_while_registration_is_open_leaves_the_cache(
    client, page_cache, committed
):
    from meetings.enums import MeetingStatus
    from tests.factories.meetings import DelegateFactory, DelegationFactory, MeetingFactory

    meeting = MeetingFactory(
        status=MeetingStatus.REGISTRATION_OPEN, start=datetime.date(2099, 10, 15),
        registration_opens=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        registration_closes=datetime.datetime(2099, 9, 1, tzinfo=datetime.UTC),
    )
    delegation = DelegationFactory(meeting=meeting)
    _get(client, meeting.get_absolute_url())

    with committed():
        DelegateFactory(delegation=delegation)
        delegation.save()

    assert _get(client, meeting.get_absolute_url())["X-Cache"] == "hit"


def test_delegation_submitted_after_registration_closed_is_on_the_next_request(
    client, page_cache, committed
):
    from tests.factories.meetings import DelegationFactory, MeetingFactory

    meeting = MeetingFactory()  # held: the page names the participants
    state = ParticipantStateFactory(name_ru="Республика Таджикистан")
    _get(client, meeting.get_absolute_url())

    with committed():
        DelegationFactory(meeting=meeting, state=state)

    assert "Республика Таджикистан" in _get(client, meeting.get_absolute_url()).content.decode()


def test_invalidation_from_another_process_reaches_the_embedded_file_cache(
    client, page_cache, settings
):
    """The embedded default (no Redis): `manage.py load_demo` or an admin
    save in another process invalidates what runserver serves, through
    the files under var/cache/pages that both read."""
    import subprocess
    import sys

    location = settings.VAR_DIR / "cache" / "pages"
    settings.CACHES = {
        **settings.CACHES,
        pagecache.CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(location),
        },
    }
    _get(client, "/en/about/")
    assert _get(client, "/en/about/")["X-Cache"] == "hit"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    env["DJANGO_SETTINGS_MODULE"] = "almaty_portal.settings.dev"

    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from core.pagecache import invalidate; invalidate()"],
        cwd=settings.BASE_DIR, env=env, check=True, capture_output=True, timeout=120,
    )

    assert _get(client, "/en/about/")["X-Cache"] == "miss"
