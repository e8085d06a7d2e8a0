"""A demo database says on every public page that its data is illustrative;
a real one (no load_demo) never does."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from almaty_portal.models import DemoData
from almaty_portal.services import demo_data_mark
from tests.factories.archive import DocumentFactory
from tests.factories.content import NewsItemFactory, ProjectFactory
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory, UserFactory

pytestmark = pytest.mark.django_db

NOTICE_RU = "Демонстрационная база данных"
NOTICE_EN = "Demonstration database"


def _public_pages():
    """Every kind of public page, each one that exists: the data a detail
    page needs is made here (a state, a document, a meeting, a news item, a
    project)."""
    state = ParticipantStateFactory()
    document = DocumentFactory()
    meeting = MeetingFactory()
    news = NewsItemFactory()
    project = ProjectFactory()
    return [
        "/ru/", "/ru/about/", "/ru/states/", f"/ru/states/{state.code.lower()}/",
        "/ru/observers/", "/ru/chairmanship/", "/ru/archive/",
        f"/ru/archive/{document.slug}/", "/ru/meetings/", f"/ru/meetings/{meeting.slug}/",
        "/ru/action-plan/", "/ru/action-plan/progress/", "/ru/news/", f"/ru/news/{news.slug}/",
        "/ru/partners/", "/ru/projects/", f"/ru/projects/{project.slug}/", "/ru/contact/",
        "/ru/search/?q=миграция", "/ru/accounts/login/", "/ru/accounts/password-reset/",
    ]


@pytest.fixture
def demo_database(django_capture_on_commit_callbacks):
    """What load_demo leaves: the marker row, and the cache told on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_mark()


def test_fresh_database_pages_carry_no_demo_notice(client):
    cache.clear()  # read from the database, not from a warm cache

    for url in [*_public_pages(), "/ru/no-such-page/"]:
        assert NOTICE_RU not in client.get(url).content.decode(), url


def test_demo_database_every_public_page_carries_the_notice(
    client, django_capture_on_commit_callbacks
):
    urls = _public_pages()
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_mark()

    for url in urls:
        response = client.get(url)
        assert (response.status_code, response.content.decode().count(NOTICE_RU)) == (200, 1), url


def test_demo_database_not_found_page_carries_the_notice(client, demo_database):
    response = client.get("/ru/no-such-page/")

    assert (response.status_code, response.content.decode().count(NOTICE_RU)) == (404, 1)


def test_demo_notice_in_english(client, demo_database):
    html = client.get("/en/about/").content.decode()

    assert NOTICE_EN in html


def test_demo_notice_read_from_the_database_when_the_cache_is_cold(client):
    DemoData.objects.create()
    cache.clear()

    html = client.get("/ru/").content.decode()

    assert NOTICE_RU in html


def test_demo_notice_shows_to_signed_in_users_too(client, demo_database):
    client.force_login(UserFactory())

    assert NOTICE_RU in client.get("/ru/").content.decode()


def test_load_demo_marks_the_database_as_a_demo(client, settings):
    settings.DEBUG = True

    call_command("load_demo", stdout=StringIO())
    cache.clear()

    assert DemoData.objects.count() == 1
    assert NOTICE_RU in client.get("/ru/").content.decode()


def test_demo_data_mark_twice_keeps_one_marker():
    demo_data_mark()
    demo_data_mark()

    assert DemoData.objects.count() == 1
