"""The shared layout (base.html, navigation, language switcher): links in
the page's language, the current section marked, and the parts that are
the same for every request built once per process without a visitor seeing
the difference."""

import re

import pytest

from almaty_portal.templatetags import portal
from tests.factories.archive import DocumentFactory

pytestmark = pytest.mark.django_db


def _nav(html: str) -> str:
    return html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_navigation_links_are_in_the_page_language(client, language):
    nav = _nav(client.get(f"/{language}/about/").content.decode())

    assert f'href="/{language}/archive/"' in nav
    assert f'href="/{language}/states/"' in nav
    other = "en" if language == "ru" else "ru"
    assert f'href="/{other}/' not in nav


def test_navigation_marks_the_section_of_a_page_below_it(client):
    document = DocumentFactory(title_en="Regional Cooperation Framework")

    nav = _nav(client.get(f"/en/archive/{document.slug}/").content.decode())

    assert nav.count('aria-current="page"') == 1
    assert 'href="/en/archive/" aria-current="page">Archive</a>' in nav


def test_navigation_marks_the_home_page_only_on_itself(client):
    home = _nav(client.get("/en/").content.decode())
    about = _nav(client.get("/en/about/").content.decode())

    assert 'href="/en/" aria-current="page">Home</a>' in home
    assert 'href="/en/" aria-current' not in about
    assert 'href="/en/about/" aria-current="page">About</a>' in about


def test_navigation_marks_the_action_plan_on_its_progress_page(client):
    nav = _nav(client.get("/ru/action-plan/progress/").content.decode())

    assert nav.count('aria-current="page"') == 1
    assert 'href="/ru/action-plan/" aria-current="page">' in nav


def test_header_and_footer_links_are_in_the_page_language(client):
    html = client.get("/en/about/").content.decode()

    assert '<a class="site-title" href="/en/">' in html
    assert 'action="/en/search/" role="search"' in html
    assert 'href="/en/accounts/login/?next=/en/about/"' in html


def test_language_switcher_keeps_the_query_string(client):
    html = client.get("/ru/archive/?page=1&doc_type=report").content.decode()

    assert ('href="/language/en/?next=/en/archive/%3Fpage%3D1%26doc_type%3Dreport" hreflang="en"'
            in html)


def test_language_switcher_on_an_unknown_page_swaps_the_prefix(client):
    html = client.get("/en/no-such-page/").content.decode()

    assert 'href="/language/ru/?next=/ru/no-such-page/" hreflang="ru"' in html


# In the order of the grouped menu (issue 24, item 17): the process (About,
# States, Chairmanship, Observers, Partners), Meetings, documents (Archive,
# Action plan), news and projects, Contact.
RU_NAVIGATION = [
    ("/ru/", "Главная"), ("/ru/about/", "О процессе"), ("/ru/states/", "Государства"),
    ("/ru/chairmanship/", "Председательство"),
    ("/ru/operational-mechanism/", "Операционный механизм"), ("/ru/observers/", "Наблюдатели"),
    ("/ru/partners/", "Партнёры"), ("/ru/meetings/", "Совещания"),
    ("/ru/archive/", "Архив"), ("/ru/action-plan/", "План действий"),
    ("/ru/decisions/", "Решения"), ("/ru/work-plans/", "Планы работы"),
    ("/ru/news/", "Новости"), ("/ru/projects/", "Проекты"), ("/ru/contact/", "Контакты"),
]
EN_NAVIGATION = [
    ("/en/", "Home"), ("/en/about/", "About"), ("/en/states/", "States"),
    ("/en/chairmanship/", "Chairmanship"),
    ("/en/operational-mechanism/", "Operational Mechanism"), ("/en/observers/", "Observers"),
    ("/en/partners/", "Partners"), ("/en/meetings/", "Meetings"),
    ("/en/archive/", "Archive"), ("/en/action-plan/", "Action plan"),
    ("/en/decisions/", "Decisions"), ("/en/work-plans/", "Work plans"),
    ("/en/news/", "News"), ("/en/projects/", "Projects"), ("/en/contact/", "Contact"),
]


def _items(nav: str) -> list[tuple[str, str, bool]]:
    """(href, label, marked current) of each navigation item, in order."""
    return [
        (href, label, bool(current)) for href, current, label in
        re.findall(r'<li><a href="([^"]*)"( aria-current="page")?>([^<]*)</a></li>', nav)
    ]


def test_navigation_kept_per_process_is_right_for_each_language_and_section(client, settings):
    """What a visitor sees, with the navigation kept per process as in
    production (DEBUG off): each language's own labels and links, and the
    page's own section marked, however the requests of other languages and
    sections came before (the repeated /ru/states/ is served from the kept
    copy). How often it is rendered is not something a visitor can see, so
    it is not asserted here."""
    settings.DEBUG = False
    portal._cached_navigation.cache_clear()
    pages = ["/ru/states/", "/en/states/", "/ru/archive/", "/ru/states/", "/en/archive/"]

    seen = [(path, _items(_nav(client.get(path).content.decode()))) for path in pages]

    for path, items in seen:
        expected = RU_NAVIGATION if path.startswith("/ru/") else EN_NAVIGATION
        assert items == [(href, label, href == path) for href, label in expected], path


def test_language_switcher_names_each_language_in_itself(client):
    html = client.get("/ru/about/").content.decode()

    assert '<span aria-current="true" lang="ru">Русский</span>' in html
    assert '<a href="/language/en/?next=/en/about/" hreflang="en" lang="en">English</a>' in html
