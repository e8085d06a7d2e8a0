import datetime

import pytest
from django.utils import timezone

from tests.archive.views.conftest import ROLES, parse_xml
from tests.factories.archive import DocumentFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response) -> list[dict]:
    channel = parse_xml(response.content).find("channel")
    return [
        {"title": item.findtext("title"), "link": item.findtext("link")}
        for item in channel.findall("item")
    ]


@pytest.mark.parametrize("role", ROLES)
def test_rss_lists_public_published_documents_only_whoever_asks(
    client_as, archive_by_access, role
):
    response = client_as(role).get("/ru/archive/feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert [item["title"] for item in rss_items(response)] == [archive_by_access["public"].title]


@pytest.mark.parametrize("role", ROLES)
def test_atom_lists_public_published_documents_only_whoever_asks(
    client_as, archive_by_access, role
):
    response = client_as(role).get("/en/archive/feed/atom/")

    entries = parse_xml(response.content).findall(f"{ATOM}entry")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Public report on migration"
    ]


def test_rss_in_russian_has_russian_titles_and_links(client):
    DocumentFactory(title_ru="Алматинская декларация", title_en="Almaty Declaration",
                    slug="almaty-declaration")

    response = client.get("/ru/archive/feed/rss/")

    channel = parse_xml(response.content).find("channel")
    assert channel.findtext("title") == "Алматинский процесс: новые документы в архиве"
    assert channel.findtext("language") == "ru"
    assert rss_items(response) == [
        {"title": "Алматинская декларация",
         "link": "http://testserver/ru/archive/almaty-declaration/"},
    ]


def test_atom_in_english_has_english_titles_and_links(client):
    DocumentFactory(title_ru="Алматинская декларация", title_en="Almaty Declaration",
                    slug="almaty-declaration")

    response = client.get("/en/archive/feed/atom/")

    feed = parse_xml(response.content)
    entry = feed.find(f"{ATOM}entry")
    assert feed.findtext(f"{ATOM}title") == "Almaty Process: new documents in the archive"
    assert entry.findtext(f"{ATOM}title") == "Almaty Declaration"
    assert entry.find(f"{ATOM}link").get("href") == (
        "http://testserver/en/archive/almaty-declaration/"
    )


def test_feed_has_the_twenty_most_recently_published(client):
    now = timezone.now()
    for days in range(22):
        DocumentFactory(title_ru=f"Документ {days}",
                        published_at=now - datetime.timedelta(days=days))

    items = rss_items(client.get("/ru/archive/feed/rss/"))

    assert [item["title"] for item in items] == [f"Документ {days}" for days in range(20)]


# --- Summaries are plain text, never markup -------------------------------------

SCRIPTED = "Итоги совещания <img src=x onerror=alert(1)> и выводы."


def test_atom_sends_the_summary_as_text_not_html(client):
    DocumentFactory(summary_ru=SCRIPTED)

    response = client.get("/ru/archive/feed/atom/")

    summary = parse_xml(response.content).find(f"{ATOM}entry").find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == SCRIPTED


def test_rss_escapes_the_summary_so_readers_show_it_as_text(client):
    # An RSS description is HTML by convention: the text goes in escaped.
    DocumentFactory(summary_ru=SCRIPTED)

    response = client.get("/ru/archive/feed/rss/")

    item = parse_xml(response.content).find("channel").find("item")
    assert item.findtext("description") == (
        "Итоги совещания &lt;img src=x onerror=alert(1)&gt; и выводы."
    )


# --- Queries --------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/ru/archive/feed/rss/", "/en/archive/feed/atom/"])
@pytest.mark.parametrize("count", [1, 3])
def test_feed_query_count_does_not_grow_with_documents(
    client, django_assert_num_queries, url, count
):
    DocumentFactory.create_batch(count)

    # The feed's documents, in one query.
    with django_assert_num_queries(1):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.count(b"<title>") - 1 == count
