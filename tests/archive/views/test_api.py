"""The public documents' metadata as JSON (/api/documents/): the records
the OAI-PMH endpoint gives, a page at a time, public documents only."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core.cache import caches

from archive.enums import DocumentType, FileLanguage
from core import pagecache
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db


def slugs(body) -> list[str]:
    return [item["slug"] for item in body["results"]]


def test_json_gives_a_documents_metadata_in_both_languages(client):
    theme = ThemeFactory(slug="refugee-protection")
    state = ParticipantStateFactory(iso3="KGZ", name_ru="Кыргызстан", name_en="Kyrgyzstan")
    with time_machine.travel(datetime.datetime(2025, 3, 4, 5, 6, 7, tzinfo=datetime.UTC),
                             tick=False):
        document = DocumentFactory(
            slug="almaty-declaration", doc_type=DocumentType.DECLARATION,
            date=datetime.date(2011, 6, 16), reference="AP/2011/1",
            title_ru="Алматинская декларация", title_en="Almaty Declaration",
            summary_ru="Декларация.", summary_en="", themes=[theme], states=[state],
        )
    file = DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN,
                               original_filename="декларация.txt")

    response = client.get("/api/documents/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "count": 1, "page": 1, "pages": 1, "next": None, "previous": None,
        "results": [{
            "identifier": f"oai:testserver:document-{document.pk}",
            "slug": "almaty-declaration",
            "datestamp": "2025-03-04T05:06:07Z",
            "date": "2011-06-16",
            "reference": "AP/2011/1",
            "type": {"value": "declaration", "name": {"ru": "Декларация", "en": "Declaration"}},
            "title": {"ru": "Алматинская декларация", "en": "Almaty Declaration"},
            "summary": {"ru": "Декларация."},
            "themes": [{"slug": "refugee-protection",
                        "name": {"ru": "Защита беженцев", "en": "Refugee protection"}}],
            "states": [{"iso3": "KGZ", "name": {"ru": "Кыргызстан", "en": "Kyrgyzstan"}}],
            "languages": ["ru"],
            "url": {"ru": "http://testserver/ru/archive/almaty-declaration/",
                    "en": "http://testserver/en/archive/almaty-declaration/"},
            "files": [{
                "language": "ru", "mime_type": "text/plain", "size": file.size,
                "filename": "декларация.txt",
                "url": f"http://testserver/ru/archive/almaty-declaration/files/{file.pk}/",
            }],
        }],
    }


def test_json_lists_public_published_documents_only(client, archive_by_access):
    response = client.get("/api/documents/")

    assert response.json()["count"] == 1
    assert [item["title"]["en"] for item in response.json()["results"]] == [
        "Public report on migration"]


def test_json_comes_in_pages_newest_document_first(client, settings):
    settings.OAI_PAGE_SIZE = 2
    for day in range(1, 6):
        DocumentFactory(slug=f"day-{day}", date=datetime.date(2025, 1, day))

    pages = [client.get(f"/api/documents/?page={n}").json() for n in (1, 2, 3)]

    assert [slugs(page) for page in pages] == [["day-5", "day-4"], ["day-3", "day-2"],
                                               ["day-1"]]
    assert [(page["next"], page["previous"]) for page in pages] == [
        ("http://testserver/api/documents/?page=2", None),
        ("http://testserver/api/documents/?page=3", "http://testserver/api/documents/?page=1"),
        (None, "http://testserver/api/documents/?page=2"),
    ]
    assert {page["count"] for page in pages} == {5}


def test_json_of_an_empty_archive_is_an_empty_first_page(client):
    response = client.get("/api/documents/")

    assert response.json() == {"count": 0, "page": 1, "pages": 1, "next": None,
                               "previous": None, "results": []}


@pytest.mark.parametrize("number", ["2", "0", "last", "9" * 40])
def test_json_page_that_does_not_exist_is_a_clear_404(client, number):
    DocumentFactory()

    response = client.get(f"/api/documents/?page={number}", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert response.json() == {"error": f"There is no page {number[:20]} in this list."}


def test_json_error_speaks_the_askers_language(client):
    response = client.get("/api/documents/?page=7", HTTP_ACCEPT_LANGUAGE="ru")

    assert response.json() == {"error": "В этом списке нет страницы 7."}


@pytest.mark.parametrize("count", [1, 3])
def test_json_page_costs_the_same_queries_however_many_documents(
    client, django_assert_num_queries, count
):
    for _n in range(count):
        document = DocumentFactory(themes=[ThemeFactory()],
                                   states=[ParticipantStateFactory(participant_since=False)])
        DocumentFileFactory(document=document)

    # The count, the page, its themes, states and files.
    with django_assert_num_queries(5):
        response = client.get("/api/documents/")

    assert len(response.json()["results"]) == count


def test_json_is_cached_with_an_etag_for_anonymous_clients(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    caches[pagecache.CACHE_ALIAS].clear()
    DocumentFactory()
    etag = client.get("/api/documents/")["ETag"]

    response = client.get("/api/documents/", HTTP_IF_NONE_MATCH=etag)

    caches[pagecache.CACHE_ALIAS].clear()
    assert response.status_code == 304
