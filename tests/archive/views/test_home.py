import datetime

import pytest
from django.utils import timezone

from tests.archive.views.conftest import ROLES, VISIBLE
from tests.factories.archive import DocumentFactory

pytestmark = pytest.mark.django_db


def latest_section(html: str) -> str:
    start = html.index('<section class="latest-documents"')
    return html[start:html.index("</section>", start)]


@pytest.mark.parametrize("role", ROLES)
def test_home_page_lists_latest_documents_the_visitor_may_see(client_as, archive_by_access, role):
    html = latest_section(client_as(role).get("/ru/").content.decode())

    for name, document in archive_by_access.items():
        assert (document.title in html) is (name in VISIBLE[role])


def test_home_page_shows_the_five_most_recently_published(client):
    now = timezone.now()
    for days in range(7):
        DocumentFactory(title_ru=f"Документ {days}", published_at=now - datetime.timedelta(days))

    html = latest_section(client.get("/ru/").content.decode())

    assert html.count("<li>") == 5
    assert html.index("Документ 0") < html.index("Документ 4")
    assert "Документ 5" not in html


def test_home_page_in_english_names_the_section_and_links_the_archive(client):
    DocumentFactory(title_en="Almaty Declaration")

    html = latest_section(client.get("/en/").content.decode())

    assert '<h2 id="latest-documents-title">Latest documents</h2>' in html
    assert "Almaty Declaration" in html
    assert '<a href="/en/archive/">All documents in the archive</a>' in html


def test_home_page_without_documents_says_so(client):
    html = latest_section(client.get("/ru/").content.decode())

    assert "Документы пока не опубликованы." in html
