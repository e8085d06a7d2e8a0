"""The Mechanism's public pages are kept by the page cache for anonymous
visitors, and a change of a paragraph drops them (a new generation)."""

import pytest
from django.core.cache import caches
from django.db import transaction

from core import pagecache
from tests.factories.mechanism import MechanismParagraphFactory, MechanismVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (the tests' settings keep it off), empty."""
    settings.PAGE_CACHE_SECONDS = 600
    caches[pagecache.CACHE_ALIAS].clear()
    yield
    caches[pagecache.CACHE_ALIAS].clear()


@pytest.mark.parametrize("url", [
    "/ru/operational-mechanism/", "/en/operational-mechanism/?on=2014-01-01",
    "/en/operational-mechanism/versions/", "/ru/operational-mechanism/compare/",
])
def test_second_anonymous_request_is_a_hit(client, page_cache, url):
    MechanismParagraphFactory(version=MechanismVersionFactory())

    first, second = client.get(url), client.get(url)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")


def test_an_unreadable_date_is_not_kept(client, page_cache):
    first = client.get("/en/operational-mechanism/?on=nonsense")
    second = client.get("/en/operational-mechanism/?on=nonsense")

    assert (first.status_code, second["X-Cache"]) == (400, "miss")


def test_a_changed_paragraph_drops_the_pages(page_cache, django_capture_on_commit_callbacks):
    paragraph = MechanismParagraphFactory(version=MechanismVersionFactory())
    before = pagecache.current_generation()
    # The arranged rows' invalidation would have run when they were
    # committed, before the pages were kept: only the change's own counts.
    transaction.get_connection().run_on_commit[:] = []

    with django_capture_on_commit_callbacks(execute=True):
        paragraph.text_en = "Amended wording."
        paragraph.save()

    assert pagecache.current_generation() != before
