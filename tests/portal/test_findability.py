"""What search engines and link previews read: <html lang>, the canonical
URL and hreflang alternates as absolute URLs, titles, descriptions and Open
Graph per page and language, the sitemap (both languages, static pages
too), robots.txt and the feeds advertised in <head>."""

import datetime
from html.parser import HTMLParser

import pytest

from tests.archive.views.conftest import parse_xml
from tests.factories.content import NewsItemFactory, png_upload
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class HeadParser(HTMLParser):
    """The <html lang>, <title>, <meta> and <link> of a page."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.meta = {}
        self.links = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs.get("property")] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(response) -> HeadParser:
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def alternates(head: HeadParser) -> dict:
    return {link["hreflang"]: link["href"] for link in head.links
            if link.get("rel") == "alternate" and "hreflang" in link}


def canonical(head: HeadParser) -> str:
    return next(link["href"] for link in head.links if link.get("rel") == "canonical")


@pytest.mark.parametrize(
    ("path", "lang", "title", "description_start"),
    [
        ("/ru/about/", "ru", "О процессе · Алматинский процесс", "Алматинский процесс: цели"),
        ("/en/about/", "en", "About the process · Almaty Process", "The Almaty Process: its"),
        ("/en/", "en", "Almaty Process", "The Almaty Process: the regional consultative"),
        ("/en/search/", "en", "Search the portal · Almaty Process", "Search the documents"),
    ],
)
def test_page_head_has_language_title_and_description(
    client, path, lang, title, description_start,
):
    head = head_of(client.get(path))

    assert head.lang == lang
    assert head.title == title
    assert head.meta["description"].startswith(description_start)
    assert head.meta["og:description"] == head.meta["description"]


def test_page_head_canonical_and_alternates_are_absolute(client):
    head = head_of(client.get("/en/about/", {"utm_source": "x"}))

    assert canonical(head) == "http://testserver/en/about/"
    assert alternates(head) == {
        "ru": "http://testserver/ru/about/",
        "en": "http://testserver/en/about/",
        "x-default": "http://testserver/about/",
    }
    assert head.meta["og:url"] == "http://testserver/en/about/"
    assert head.meta["og:title"] == "About the process"
    assert head.meta["og:locale"] == "en_GB"
    assert head.meta["og:locale:alternate"] == "ru_RU"
    assert head.meta["og:type"] == "website"


def test_page_head_default_alternate_leads_to_the_readers_language(client):
    head = head_of(client.get("/ru/about/"))

    response = client.get(
        alternates(head)["x-default"].removeprefix("http://testserver"),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/about/"


def test_page_head_uses_the_configured_public_address(client, settings):
    settings.PORTAL_BASE_URL = "https://almaty-process.example"

    head = head_of(client.get("/ru/news/", {"page": "2"}))

    assert canonical(head) == "https://almaty-process.example/ru/news/?page=2"
    assert alternates(head)["en"] == "https://almaty-process.example/en/news/?page=2"
    assert alternates(head)["x-default"] == "https://almaty-process.example/news/?page=2"


def test_page_head_of_another_apps_page_describes_it_by_its_title(client):
    head = head_of(client.get("/en/states/"))

    assert head.meta["description"].startswith("Participant states. The regional consultative")


def test_news_item_head_is_an_article(client):
    item = NewsItemFactory(title_en="Seminar on reintegration")

    head = head_of(client.get(f"/en/news/{item.slug}/"))

    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == "Seminar on reintegration · News"


def test_news_item_head_shares_its_image_by_absolute_url(client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    item = NewsItemFactory(
        title_en="Seminar", image=png_upload(), image_alt_en="Officials at the seminar",
    )

    head = head_of(client.get(f"/en/news/{item.slug}/"))

    assert head.meta["og:image"] == f"http://testserver/en/news/{item.slug}/image/"
    assert head.meta["og:image:alt"] == "Officials at the seminar"


def test_home_head_advertises_the_news_documents_and_meetings_feeds(client):
    head = head_of(client.get("/ru/"))

    feeds = {link["href"] for link in head.links if link.get("rel") == "alternate"
             and link.get("type") in ("application/rss+xml", "application/atom+xml")}
    assert feeds == {"/ru/news/feed/rss/", "/ru/news/feed/atom/", "/ru/archive/feed/rss/",
                     "/ru/archive/feed/atom/", "/ru/meetings/feed/rss/", "/ru/meetings/feed/atom/"}


def test_robots_txt_names_the_absolute_sitemap_of_the_public_address(client, settings):
    settings.PORTAL_BASE_URL = "https://almaty-process.example"

    body = client.get("/robots.txt").content.decode()

    assert "Sitemap: https://almaty-process.example/sitemap.xml" in body


def _sitemap(client) -> dict:
    """Every entry of every page the sitemap index names."""
    index = parse_xml(client.get("/sitemap.xml").content)
    entries = {}
    for location in index.findall("s:sitemap/s:loc", NS):
        path = location.text.split("://", 1)[1].split("/", 1)[1]
        root = parse_xml(client.get(f"/{path}").content)
        entries.update({
            url.findtext("s:loc", namespaces=NS): {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            for url in root.findall("s:url", NS)
        })
    return entries


@pytest.mark.parametrize(
    "path",
    ["", "about/", "news/", "partners/", "projects/", "contact/", "meetings/", "states/",
     "observers/", "chairmanship/", "archive/"],
)
def test_sitemap_lists_each_static_page_in_both_languages(client, path):
    entries = _sitemap(client)

    assert entries[f"http://testserver/ru/{path}"] == {
        "ru": f"http://testserver/ru/{path}",
        "en": f"http://testserver/en/{path}",
        "x-default": f"http://testserver/{path}",
    }
    assert f"http://testserver/en/{path}" in entries


def test_sitemap_lists_meetings_and_states_in_both_languages(client):
    meeting = MeetingFactory(slug="som-2024", start=datetime.date(2024, 10, 15))
    ParticipantStateFactory(iso3="KAZ")

    entries = _sitemap(client)

    assert meeting.get_absolute_url() == "/ru/meetings/som-2024/"
    for lang in ("ru", "en"):
        assert f"http://testserver/{lang}/meetings/som-2024/" in entries
        assert f"http://testserver/{lang}/states/kaz/" in entries


def test_feeds_advertised_on_the_home_page_parse_and_list_their_items(client):
    NewsItemFactory(title_en="Seminar on reintegration")
    head = head_of(client.get("/en/"))
    feeds = [link for link in head.links if link.get("rel") == "alternate" and link.get("type")]

    titles = {}
    for link in feeds:
        root = parse_xml(client.get(link["href"]).content)
        if link["type"] == "application/rss+xml":
            titles[link["href"]] = [item.findtext("title") for item in root.iter("item")]
        else:
            atom = "{http://www.w3.org/2005/Atom}"
            titles[link["href"]] = [
                entry.findtext(f"{atom}title") for entry in root.iter(f"{atom}entry")
            ]

    assert titles == {
        "/en/news/feed/rss/": ["Seminar on reintegration"],
        "/en/news/feed/atom/": ["Seminar on reintegration"],
        "/en/archive/feed/rss/": [],
        "/en/archive/feed/atom/": [],
        "/en/meetings/feed/rss/": [],
        "/en/meetings/feed/atom/": [],
    }


def test_sitemap_uses_the_configured_public_address(client, settings):
    settings.PORTAL_BASE_URL = "https://almaty-process.example"

    entries = _sitemap(client)

    assert entries["https://almaty-process.example/ru/about/"] == {
        "ru": "https://almaty-process.example/ru/about/",
        "en": "https://almaty-process.example/en/about/",
        "x-default": "https://almaty-process.example/about/",
    }
