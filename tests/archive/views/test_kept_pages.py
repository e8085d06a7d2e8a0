"""The archive's list, its search and a document's page kept per query (or
document), access circle, language, Almaty date and content generation
(issue 25): a signed-in reader's second visit runs fewer queries; a newly
published document is on the next request; what a reader of a higher circle
saw never reaches a reader of a lower one from the kept piece; a query with
other parameters is never kept."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from archive.enums import AccessLevel, FileLanguage
from archive.views import kept_key
from tests.archive.views.conftest import indexed
from tests.factories.archive import DocumentFactory, DocumentFileFactory
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

NOON_UTC = datetime.datetime(2026, 12, 7, 12, tzinfo=datetime.UTC)
SEARCH = "?q=миграция"
RESTRICTED = "Internal report of the Support Unit on migration"


def _get(client, path) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _main(html: str) -> str:
    """The page's <main> (the header's sign-out form has a fresh CSRF
    token on every request)."""
    return html[html.index("<main"):html.index("</main>")]


def _status(client, path) -> int:
    return client.get(path).status_code


@pytest.fixture
def restricted():
    """A secretariat-only document, indexed, beside a public one."""
    indexed(DocumentFactory(title_en="Public report on labour migration", slug="public-report"))
    return indexed(DocumentFactory(title_en=RESTRICTED, slug="internal-report",
                                   access=AccessLevel.SECRETARIAT))


# --- A signed-in reader's second visit ---------------------------------------------

@time_machine.travel(NOON_UTC, tick=False)
@pytest.mark.parametrize("query", ["", SEARCH, "?type=report&year=2024&sort=oldest"])
def test_a_signed_in_readers_second_visit_runs_fewer_queries(client, pieces_cache, query):
    indexed(DocumentFactory(title_en="Report on labour migration in Central Asia"))
    client.force_login(UserFactory())

    first, first_html = _get(client, f"/en/archive/{query}")
    second, second_html = _get(client, f"/en/archive/{query}")

    assert "Report on labour migration in Central Asia" in first_html
    assert _main(second_html) == _main(first_html)
    assert second <= first - 4  # the counts per type, the page, the themes and the states


@time_machine.travel(NOON_UTC, tick=False)
def test_a_document_pages_second_visit_runs_fewer_queries(client, pieces_cache):
    document = DocumentFactory(title_en="Ministerial declaration", slug="declaration")
    DocumentFileFactory(document=document, language=FileLanguage.ENGLISH)
    client.force_login(UserFactory())

    first, first_html = _get(client, "/en/archive/declaration/")
    second, second_html = _get(client, "/en/archive/declaration/")

    assert "Ministerial declaration" in second_html
    assert _main(second_html) == _main(first_html)
    assert second <= first - 4  # the files, versions, themes and states, meetings


# --- A change is on the next request ---------------------------------------------------

@time_machine.travel(NOON_UTC, tick=False)
@pytest.mark.parametrize("query", ["", SEARCH])
def test_a_newly_published_document_shows_at_once(client, pieces_cache, committed_change,
                                                  query):
    indexed(DocumentFactory(title_en="Older report on migration"))
    client.force_login(UserFactory())
    _get(client, f"/en/archive/{query}")

    with committed_change():
        indexed(DocumentFactory(title_en="Fresh report on migration"))

    assert "Fresh report on migration" in _get(client, f"/en/archive/{query}")[1]


@time_machine.travel(NOON_UTC, tick=False)
def test_a_new_file_shows_on_the_document_page_at_once(client, pieces_cache, committed_change):
    document = DocumentFactory(slug="declaration")
    _get(client, "/en/archive/declaration/")

    with committed_change():
        DocumentFileFactory(document=document, language=FileLanguage.ENGLISH,
                            original_filename="declaration-en.txt")

    assert "Download declaration-en.txt" in _get(client, "/en/archive/declaration/")[1]


# --- A higher circle's page never reaches a lower one ----------------------------------

@time_machine.travel(NOON_UTC, tick=False)
@pytest.mark.parametrize("query", ["", SEARCH, "?q=миграция&sort=newest"])
def test_a_restricted_document_seen_by_staff_never_reaches_the_public(
    client, pieces_cache, restricted, query,
):
    client.force_login(StaffUserFactory())
    assert RESTRICTED in _get(client, f"/en/archive/{query}")[1]

    client.logout()

    html = _get(client, f"/en/archive/{query}")[1]
    assert "Public report on labour migration" in html
    assert RESTRICTED not in html


@time_machine.travel(NOON_UTC, tick=False)
def test_a_restricted_document_is_not_found_by_the_public_after_staff_opened_it(
    client, pieces_cache, restricted,
):
    client.force_login(StaffUserFactory())
    assert RESTRICTED in _get(client, "/en/archive/internal-report/")[1]

    client.logout()

    assert _status(client, "/en/archive/internal-report/") == 404
    assert _status(client, f"/en/archive/{restricted.pk}/") == 404  # the alias as well


@time_machine.travel(NOON_UTC, tick=False)
def test_a_document_made_restricted_is_not_found_by_the_public_on_the_next_request(
    client, pieces_cache, committed_change, restricted,
):
    """Who may open a document is kept with the page's pieces per access
    levels: a change of its access is on the very next request."""
    assert _status(client, "/en/archive/public-report/") == 200
    assert _get(client, "/en/archive/public-report/")[0] == 0  # kept: no query at all

    with committed_change():
        from archive.models import Document

        document = Document.objects.get(slug="public-report")
        document.access = AccessLevel.PARTICIPANTS
        document.save()

    assert _status(client, "/en/archive/public-report/") == 404


@time_machine.travel(NOON_UTC, tick=False)
def test_a_restricted_newer_version_never_reaches_the_public_from_the_kept_page(
    client, pieces_cache,
):
    older = DocumentFactory(title_en="Action plan 2019", slug="plan-2019")
    DocumentFactory(title_en="Action plan 2025 (internal draft)", slug="plan-2025",
                    access=AccessLevel.SECRETARIAT, supersedes=older)
    client.force_login(StaffUserFactory())
    assert "Action plan 2025 (internal draft)" in _get(client, "/en/archive/plan-2019/")[1]

    client.logout()

    html = _get(client, "/en/archive/plan-2019/")[1]
    assert "Action plan 2019" in html
    assert "Action plan 2025" not in html


# --- Other parameters are never kept ----------------------------------------------------

@time_machine.travel(NOON_UTC, tick=False)
def test_other_parameters_are_never_kept_for_the_next_visitor(client, pieces_cache):
    DocumentFactory.create_batch(21)  # two pages: the pager keeps the query string

    _, marked = _get(client, "/en/archive/?utm_source=newsletter")
    _, plain = _get(client, "/en/archive/")

    assert "utm_source=newsletter" in marked
    assert "utm_source" not in plain


@pytest.mark.parametrize(
    "query",
    [
        "utm_source=newsletter",
        "q=migration&q=refugees",  # a parameter given twice
        "type=report&type=report",
        "q=" + "migration " * 8,  # a long value
    ],
)
def test_unknown_repeated_or_long_parameters_are_not_kept(query):
    assert kept_key(QueryDict(query)) is None


def test_the_key_follows_the_query_whatever_its_order():
    assert kept_key(QueryDict("")) == "-"
    assert (kept_key(QueryDict("type=report&q=migration&type=agenda"))
            == kept_key(QueryDict("q=migration&type=report&type=agenda")))
    # The types' order is kept: the pager writes them in that order.
    assert (kept_key(QueryDict("type=report&type=agenda"))
            != kept_key(QueryDict("type=agenda&type=report")))


def test_a_search_never_reads_as_another_querys_parameters():
    assert kept_key(QueryDict("q=a%26year%3D2020")) != kept_key(QueryDict("q=a&year=2020"))


@time_machine.travel(NOON_UTC, tick=False)
def test_a_kept_search_keeps_its_title_and_the_link_to_save_it(client, pieces_cache):
    indexed(DocumentFactory(title_en="Report on labour migration in Central Asia"))
    _get(client, "/en/archive/?q=migration&sort=newest")

    second, html = _get(client, "/en/archive/?q=migration&sort=newest")

    assert "<title>Search: migration · Document archive" in html
    assert "?search=q%3Dmigration\"" in html  # the saved search, without the sort
    # An anonymous reader's kept search: no count, page, theme or state read.
    assert second == 0
