"""Site-wide search: documents, meetings and news with one box, grouped by
kind, respecting the archive's access levels, in both languages."""

import datetime

import pytest

from archive.enums import AccessLevel
from archive.search import document_index
from tests.factories.archive import DocumentFactory
from tests.factories.content import NewsItemFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db


def indexed_document(**kwargs):
    document = DocumentFactory(**kwargs)
    document_index(document_id=document.pk)
    return document


@pytest.fixture
def border_content():
    indexed_document(
        title_ru="Управление границами: обзор", title_en="Border management review",
    )
    indexed_document(
        title_ru="Границы: закрытый отчёт", title_en="Border report for participants",
        access=AccessLevel.PARTICIPANTS,
    )
    MeetingFactory(
        title_ru="Семинар по управлению границами", title_en="Seminar on border management",
    )
    NewsItemFactory(title_ru="Новости о границах", title_en="News on border management")
    NewsItemFactory(title_ru="О трудовой миграции", title_en="On labour migration")


def _group_counts(response) -> dict:
    return {group.kind: group.count for group in response.context["groups"]}


def test_search_groups_documents_meetings_and_news_with_counts(client, border_content):
    response = client.get("/en/search/", {"q": "border management"})

    assert _group_counts(response) == {"documents": 1, "meetings": 1, "news": 1}
    html = response.content.decode()
    assert "Border management review" in html
    assert "Seminar on border management" in html
    assert "News on border management" in html
    assert "3 results for “border management”" in html


def test_search_hides_documents_the_visitor_may_not_see(client, border_content):
    response = client.get("/en/search/", {"q": "border"})

    assert _group_counts(response)["documents"] == 1
    assert "Border report for participants" not in response.content.decode()


def test_search_in_russian_finds_russian_words(client, border_content):
    response = client.get("/ru/search/", {"q": "границами"})

    assert _group_counts(response) == {"documents": 1, "meetings": 1, "news": 1}
    html = response.content.decode()
    assert "Семинар по управлению границами" in html
    assert "Новости о границах" in html
    assert "3 результата по запросу «границами»" in html


def test_search_full_results_link_per_kind(client, border_content):
    NewsItemFactory.create_batch(5, title_en="Border news")

    html = client.get("/en/search/", {"q": "border"}).content.decode()

    assert 'href="/en/search/?q=border&amp;kind=news"' in html
    assert "All 6 results: News" in html


def test_search_one_kind_lists_every_result(client, border_content):
    NewsItemFactory.create_batch(5, title_en="Border news")

    response = client.get("/en/search/", {"q": "border", "kind": "news"})

    assert response.context["total"] == 6
    assert len(response.context["results"]) == 6


def test_search_without_words_shows_only_the_box(client):
    response = client.get("/ru/search/")

    assert response.status_code == 200
    assert "groups" not in response.context
    assert 'name="q"' in response.content.decode()


def test_search_box_in_every_page_header(client):
    html = client.get("/en/about/").content.decode()

    assert 'action="/en/search/" role="search"' in html


@pytest.mark.parametrize("count", [1, 3])
def test_search_queries_do_not_grow_with_the_results(client, count, django_assert_num_queries):
    for n in range(count):
        indexed_document(title_en=f"Border document {n}")
        MeetingFactory(title_en=f"Border meeting {n}", start=datetime.date(2025, 1, 1 + n))
        NewsItemFactory(title_en=f"Border news {n}")

    # A count and a page of results per kind; the documents' page is ranked
    # as ids first, then read by id; the words' document frequencies are read
    # once per index version (one query, as here after indexing).
    with django_assert_num_queries(8):
        response = client.get("/en/search/", {"q": "border"})

    assert response.status_code == 200
