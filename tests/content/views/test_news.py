import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine

from tests.content.conftest import text_of
from tests.factories.content import NewsItemFactory, png_upload

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends

NOW = datetime.datetime(2026, 5, 31, 23, 30, tzinfo=datetime.UTC)
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (the portal's own feed or sitemap)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ru", ["Семинар в Бишкеке", "Семинар в Алматы"]),
     ("en", ["Seminar in Bishkek", "Seminar in Almaty"])],
)
def test_news_list_shows_public_items_newest_first_in_each_language(client, lang, expected):
    NewsItemFactory(title_ru="Семинар в Алматы", title_en="Seminar in Almaty",
                    date=datetime.date(2025, 3, 1))
    NewsItemFactory(title_ru="Семинар в Бишкеке", title_en="Seminar in Bishkek",
                    date=datetime.date(2025, 6, 1))

    response = client.get(f"/{lang}/news/")

    assert response.status_code == 200
    assert [item.title for item in response.context["listing"]["news"]] == expected


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_news_list_hides_drafts_and_items_scheduled_later(client):
    NewsItemFactory(title_ru="Опубликована")
    NewsItemFactory(title_ru="Черновик", is_published=False, published_at=None)
    NewsItemFactory(title_ru="Завтра", published_at=NOW + datetime.timedelta(minutes=1))

    response = client.get("/ru/news/")

    assert [item.title for item in response.context["listing"]["news"]] == ["Опубликована"]


def test_news_list_is_paginated_by_ten_and_a_stale_page_shows_the_last(client):
    for _ in range(11):
        NewsItemFactory()

    first = client.get("/ru/news/")
    stale = client.get("/ru/news/", {"page": "99"})

    assert len(first.context["listing"]["news"]) == 10
    assert (stale.status_code, len(stale.context["listing"]["news"])) == (200, 1)
    assert "Страница 2 из 2" in text_of(stale)


@pytest.mark.parametrize("count", [1, 3])
def test_news_list_query_count_does_not_grow_with_items(
    client, django_assert_num_queries, count
):
    for _ in range(count):
        NewsItemFactory()

    # The paginator's count and the page's items, whatever their number.
    with django_assert_num_queries(2):
        response = client.get("/en/news/")

    assert len(response.context["listing"]["news"]) == count


def test_news_pages_advertise_rss_and_atom_feeds_in_head(client):
    item = NewsItemFactory()

    for url in ("/ru/news/", f"/ru/news/{item.slug}/"):
        head = client.get(url).content.decode().split("</head>")[0]
        assert '<link rel="alternate" type="application/rss+xml"' in head
        assert 'href="/ru/news/feed/rss/"' in head
        assert 'href="/ru/news/feed/atom/"' in head


@pytest.mark.parametrize(
    ("lang", "title", "body"),
    [("ru", "Семинар в Алматы", "Семинар прошёл в Алматы."),
     ("en", "Seminar in Almaty", "The seminar took place in Almaty.")],
)
def test_news_detail_shows_the_item_in_each_language(client, lang, title, body):
    item = NewsItemFactory(title_ru="Семинар в Алматы", title_en="Seminar in Almaty",
                           date=datetime.date(2025, 9, 17))

    response = client.get(f"/{lang}/news/{item.slug}/")

    assert response.status_code == 200
    page = text_of(response)
    assert title in page
    assert body in page
    assert f"<title>{title} · " in response.content.decode()


def test_news_detail_renders_the_stored_html_once(client):
    item = NewsItemFactory(body_en="<p>IOM &amp; UNHCR</p>")

    response = client.get(f"/en/news/{item.slug}/")

    assert '<div class="news__body" lang="en"><p>IOM &amp; UNHCR</p></div>' in (
        response.content.decode()
    )


def test_news_detail_escapes_markup_typed_into_the_lead(client):
    item = NewsItemFactory(lead_en='<img src=x onerror="alert(1)">')

    response = client.get(f"/en/news/{item.slug}/")

    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in response.content.decode()
    assert "<img src=x" not in response.content.decode()


def test_news_detail_marks_a_text_shown_in_the_other_language(client):
    item = NewsItemFactory(title_en="", lead_en="", body_en="", title_ru="Только по-русски")

    response = client.get(f"/en/news/{item.slug}/")

    assert "Not yet translated: shown in Russian." in text_of(response)
    assert '<h1 id="news-title" lang="ru">Только по-русски</h1>' in response.content.decode()


def test_news_list_marks_a_title_shown_in_the_other_language(client):
    NewsItemFactory(title_ru="", title_en="English only", lead_ru="")

    response = client.get("/ru/news/")

    assert "English only на английском" in text_of(response)


@pytest.mark.dates
@time_machine.travel(NOW, tick=False)
def test_news_detail_of_a_draft_or_scheduled_item_is_404(client):
    draft = NewsItemFactory(is_published=False, published_at=None)
    scheduled = NewsItemFactory(published_at=NOW + datetime.timedelta(hours=1))

    assert client.get(f"/ru/news/{draft.slug}/").status_code == 404
    assert client.get(f"/ru/news/{scheduled.slug}/").status_code == 404


def test_news_detail_query_count(client, django_assert_num_queries):
    item = NewsItemFactory()

    with django_assert_num_queries(1):
        client.get(f"/ru/news/{item.slug}/")


def test_news_image_is_served_with_its_type_and_alt_text(client, media_root):
    from content.services import news_item_save

    item = NewsItemFactory.build(image=png_upload(), image_alt_ru="Участники семинара",
                                 image_alt_en="Seminar participants")
    news_item_save(item=item)

    page = client.get(f"/en/news/{item.slug}/").content.decode()
    image = client.get(f"/en/news/{item.slug}/image/")

    assert 'alt="Seminar participants"' in page
    assert 'width="40" height="30"' in page
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert image["Cache-Control"] == "public, max-age=86400"
    assert image["Content-Security-Policy"] == SANDBOX  # issue 22, item 10
    image.close()


def test_news_image_of_an_unpublished_item_is_404(client, media_root):
    from content.services import news_item_save

    item = NewsItemFactory.build(image=png_upload(), image_alt_ru="Фото",
                                 is_published=False, published_at=None)
    news_item_save(item=item)

    assert client.get(f"/ru/news/{item.slug}/image/").status_code == 404


def test_rss_lists_public_news_with_escaped_text_leads(client):
    NewsItemFactory(title_en="Seminar", lead_en='Lead <img src=x onerror="alert(1)">',
                    slug="seminar")
    NewsItemFactory(title_en="Draft", is_published=False, published_at=None)

    response = client.get("/en/news/feed/rss/")

    channel = parse_xml(response.content).find("channel")
    items = channel.findall("item")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert [(i.findtext("title"), i.findtext("link")) for i in items] == [
        ("Seminar", "http://testserver/en/news/seminar/"),
    ]
    # An RSS description is HTML: the text arrives escaped, shown as typed.
    assert items[0].findtext("description") == (
        "Lead &lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    )


def test_atom_sends_the_lead_as_text(client):
    NewsItemFactory(title_ru="Семинар", lead_ru='Анонс <img src=x onerror="alert(1)">',
                    slug="seminar")

    response = client.get("/ru/news/feed/atom/")

    entries = parse_xml(response.content).findall(f"{ATOM}entry")
    summary = entries[0].find(f"{ATOM}summary")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert (entries[0].findtext(f"{ATOM}title"), summary.get("type"), summary.text) == (
        "Семинар", "text", 'Анонс <img src=x onerror="alert(1)">',
    )


def test_sitemap_lists_public_news_in_both_languages(client):
    NewsItemFactory(slug="seminar")
    NewsItemFactory(slug="draft", is_published=False, published_at=None)

    response = client.get("/sitemap-news.xml")

    root = parse_xml(response.content)
    locations = [
        url.findtext("s:loc", namespaces=SITEMAP) for url in root.findall("s:url", SITEMAP)
    ]
    assert sorted(loc for loc in locations if "/news/s" in loc) == [
        "http://testserver/en/news/seminar/", "http://testserver/ru/news/seminar/",
    ]
