import datetime

import pytest
import time_machine
from django.contrib.sites.requests import RequestSite

from archive.sitemaps import DocumentSitemap
from tests.factories.archive import DocumentFactory

from .conftest import ROLES, parse_xml

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def locations(response) -> list[str]:
    root = parse_xml(response.content)
    return [url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)]


@pytest.mark.parametrize("role", ROLES)
def test_sitemap_lists_public_published_documents_in_both_languages(
    client_as, archive_by_access, role
):
    slug = archive_by_access["public"].slug

    response = client_as(role).get("/sitemap-archive.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    # The sitemap also lists the portal's other pages; its documents are
    # the archive's pages below /archive/.
    documents = sorted(
        loc for loc in locations(response)
        if "/archive/" in loc and not loc.endswith("/archive/")
    )
    assert documents == [
        f"http://testserver/en/archive/{slug}/",
        f"http://testserver/ru/archive/{slug}/",
    ]


@pytest.mark.dates
@time_machine.travel(datetime.datetime(2026, 11, 30, 21, 0, tzinfo=datetime.UTC), tick=False)
def test_sitemap_entries_name_their_other_language(client):
    # 21:00 UTC is already the next day in Almaty (UTC+5): lastmod is the
    # portal's date, not the UTC one.
    DocumentFactory(slug="almaty-declaration")

    response = client.get("/sitemap-archive.xml")

    root = parse_xml(response.content)
    url = next(u for u in root.findall("s:url", NS)
               if u.findtext("s:loc", namespaces=NS).endswith("/ru/archive/almaty-declaration/"))
    alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    assert alternates == {
        "ru": "http://testserver/ru/archive/almaty-declaration/",
        "en": "http://testserver/en/archive/almaty-declaration/",
        # Without a language prefix: the portal redirects to the reader's language.
        "x-default": "http://testserver/archive/almaty-declaration/",
    }
    assert url.findtext("s:lastmod", namespaces=NS) == "2026-12-01"


def test_sitemap_default_location_leads_to_the_readers_language(client):
    DocumentFactory(slug="almaty-declaration")

    response = client.get("/archive/almaty-declaration/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == "/en/archive/almaty-declaration/"


@pytest.mark.parametrize("count", [1, 3])
def test_sitemap_query_count_does_not_grow_with_documents(
    rf, django_assert_num_queries, count
):
    DocumentFactory.create_batch(count)
    site = RequestSite(rf.get("/sitemap.xml"))

    # The archive's part of /sitemap.xml (other apps add their own): the
    # public documents, read once for both languages.
    with django_assert_num_queries(1):
        urls = DocumentSitemap().get_urls(site=site, protocol="http")

    assert len(urls) == 2 * count
