"""A demo database says on every public page that its data is illustrative;
a real one (no load_demo) never does."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from almaty_portal.models import DemoData
from almaty_portal.services import demo_data_mark
from tests.factories.archive import DocumentFactory
from tests.factories.membership import ParticipantStateFactory, UserFactory

pytestmark = pytest.mark.django_db

NOTICE_RU = "Демонстрационная база данных"
NOTICE_EN = "Demonstration database"


def _public_pages():
    state = ParticipantStateFactory()
    document = DocumentFactory()
    return [
        "/ru/", "/ru/about/", "/ru/states/", f"/ru/states/{state.code.lower()}/",
        "/ru/observers/", "/ru/chairmanship/", "/ru/archive/",
        f"/ru/archive/{document.slug}/", "/ru/meetings/", "/ru/accounts/login/",
        "/ru/accounts/password-reset/", "/ru/no-such-page/",
    ]


@pytest.fixture
def demo_database(django_capture_on_commit_callbacks):
    """What load_demo leaves: the marker row, and the cache told on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_mark()


def test_fresh_database_pages_carry_no_demo_notice(client):
    cache.clear()  # read from the database, not from a warm cache

    for url in _public_pages():
        assert NOTICE_RU not in client.get(url).content.decode(), url


def test_demo_database_every_public_page_carries_the_notice(
    client, django_capture_on_commit_callbacks
):
    urls = _public_pages()
    with django_capture_on_commit_callbacks(execute=True):
        demo_data_mark()

    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert response.content.decode().count(NOTICE_RU) == 1, url


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
