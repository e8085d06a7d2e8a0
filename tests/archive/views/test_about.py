"""The About page lists the thematic areas from the database (reference data
loaded by archive's migration), in the reader's language."""

import pytest

from archive.models import Theme
from tests.archive.test_migrations import THEMATIC_AREAS

pytestmark = pytest.mark.django_db


def themes_section(html: str) -> str:
    start = html.index('<section aria-labelledby="themes-title">')
    return html[start:html.index("</section>", start)]


@pytest.mark.parametrize(("language", "index"), [("ru", 1), ("en", 2)])
def test_about_lists_the_thematic_areas_in_order_in_the_readers_language(
    client, language, index
):
    html = themes_section(client.get(f"/{language}/about/").content.decode())

    items = [area[index] for area in THEMATIC_AREAS]
    assert [html.index(f"<li>{name}</li>") for name in items] == sorted(
        html.index(f"<li>{name}</li>") for name in items
    )
    assert html.count("<li>") == 11


def test_about_shows_a_theme_the_secretariat_added(client):
    Theme.objects.create(name_ru="Безгражданство", name_en="Statelessness", slug="statelessness",
                         position=12)

    html = themes_section(client.get("/en/about/").content.decode())

    assert "<li>Statelessness</li>" in html
