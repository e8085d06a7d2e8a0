"""/sitemap.xml at archive scale: an index of the sections' pages, each page
at most SITEMAP_PAGE_SIZE addresses (its alternates beside it), so no
response lists the whole archive; every page of every section reachable
from the index, in both languages."""

import pytest

from almaty_portal import sitemaps
from tests.archive.views.conftest import parse_xml
from tests.factories.archive import DocumentFactory
from tests.factories.meetings import MeetingFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SECTIONS = ["pages", "meetings", "states", "archive", "news", "projects", "actionplan",
            "decisions", "mechanism", "workplans"]


def index_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = parse_xml(response.content)
    return [loc.text.removeprefix("http://testserver")
            for loc in root.findall("s:sitemap/s:loc", NS)]


def page_locations(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    root = parse_xml(response.content)
    return [url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)]


@pytest.fixture
def page_size(monkeypatch):
    """Pages of four addresses: two items in two languages."""
    monkeypatch.setattr(sitemaps._PublicAddress, "limit", 4)
    return 4


def test_sitemap_index_names_one_page_of_each_small_section(client):
    assert index_paths(client) == [f"/sitemap-{section}.xml" for section in SECTIONS]


def test_sitemap_index_names_every_page_of_a_long_section(client, page_size):
    DocumentFactory.create_batch(5)

    paths = index_paths(client)

    assert [path for path in paths if path.startswith("/sitemap-archive")] == [
        "/sitemap-archive.xml", "/sitemap-archive.xml?p=2", "/sitemap-archive.xml?p=3",
    ]


def test_sitemap_pages_list_each_document_once_in_both_languages(client, page_size):
    documents = DocumentFactory.create_batch(5)

    pages = [page_locations(client, path) for path in index_paths(client)
             if path.startswith("/sitemap-archive")]

    assert [len(page) for page in pages] == [4, 4, 2]
    assert sorted(loc for page in pages for loc in page) == sorted(
        f"http://testserver/{lang}/archive/{document.slug}/"
        for document in documents for lang in ("ru", "en")
    )


def test_sitemap_page_entries_keep_their_alternates(client, page_size):
    for n in range(3):
        MeetingFactory(slug=f"som-{n}")

    root = parse_xml(client.get("/sitemap-meetings.xml?p=2").content)

    url = root.find("s:url", NS)
    assert url.findtext("s:loc", namespaces=NS) == "http://testserver/ru/meetings/som-2/"
    assert {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)} == {
        "ru": "http://testserver/ru/meetings/som-2/",
        "en": "http://testserver/en/meetings/som-2/",
        "x-default": "http://testserver/meetings/som-2/",
    }


@pytest.mark.parametrize("path", [
    "/sitemap-archive.xml?p=2", "/sitemap-archive.xml?p=x", "/sitemap-unknown.xml",
])
def test_sitemap_page_beyond_the_section_is_not_found(client, path):
    DocumentFactory()

    assert client.get(path).status_code == 404


def test_sitemap_index_is_on_the_configured_public_address(client, settings):
    settings.PORTAL_BASE_URL = "https://almaty-process.example"

    root = parse_xml(client.get("/sitemap.xml").content)

    assert root.findtext("s:sitemap/s:loc", namespaces=NS) == (
        "https://almaty-process.example/sitemap-pages.xml"
    )


def test_robots_txt_points_at_the_sitemap_index(client):
    body = client.get("/robots.txt").content.decode()
    sitemap = next(line.split(": ", 1)[1] for line in body.splitlines()
                   if line.startswith("Sitemap: "))

    root = parse_xml(client.get(sitemap.removeprefix("http://testserver")).content)

    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
