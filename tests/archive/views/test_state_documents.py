"""A state's page (/states/<code>/) lists the archive's documents concerning
that state, within the visitor's access, and links to all of them."""

import pytest

from tests.archive.views.conftest import ROLES, VISIBLE
from tests.factories.archive import DocumentFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db


def documents_section(html: str) -> str:
    start = html.index('<section class="state-documents"')
    return html[start:html.index("</section>", start)]


@pytest.fixture
def kazakhstan():
    return ParticipantStateFactory(iso2="KZ", iso3="KAZ", name_ru="Казахстан", name_en="Kazakhstan")


@pytest.mark.parametrize("role", ROLES)
def test_state_page_lists_documents_concerning_it_the_visitor_may_see(
    client_as, archive_by_access, kazakhstan, role
):
    for document in archive_by_access.values():
        document.states.add(kazakhstan)

    html = documents_section(client_as(role).get("/ru/states/kaz/").content.decode())

    for name, document in archive_by_access.items():
        assert (document.title_ru in html) is (name in VISIBLE[role])


def test_state_page_leaves_out_documents_about_other_states(client, kazakhstan):
    kyrgyzstan = ParticipantStateFactory(iso2="KG", iso3="KGZ")
    DocumentFactory(title_ru="Доклад по Кыргызстану", states=[kyrgyzstan])

    html = documents_section(client.get("/ru/states/kaz/").content.decode())

    assert "Доклад по Кыргызстану" not in html
    assert "В архиве пока нет документов, касающихся этого государства." in html


def test_state_page_links_to_all_its_documents_in_the_archive(client, kazakhstan):
    for number in range(12):
        DocumentFactory(title_en=f"Report {number}", states=[kazakhstan])

    html = documents_section(client.get("/en/states/kaz/").content.decode())

    assert html.count("<li>") == 10
    assert '<a href="/en/archive/?state=kaz">All 12 documents concerning Kazakhstan' in html
