"""The language a visitor chooses in the switcher is remembered: "/" sends
them to it afterwards, whatever their browser asks for (issue 24, item 16).
The switcher stays plain links; the pages themselves set no cookie, so the
page cache keeps storing them."""

import json
import re
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.test import Client

from core import pagecache
from tests.portal.test_deploy import ROOT, _production_env

pytestmark = pytest.mark.django_db

RUSSIAN_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "ru-RU,ru;q=0.9"}
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


@pytest.fixture
def page_cache(settings):
    """The page cache switched on (the tests' settings keep it off), empty."""
    settings.PAGE_CACHE_SECONDS = 600
    caches[pagecache.CACHE_ALIAS].clear()
    yield
    caches[pagecache.CACHE_ALIAS].clear()


def _switcher_link(client, page: str, name: str, headers: dict) -> str:
    """The address of the switcher's link named ``name`` on ``page``."""
    html = client.get(page, **headers).content.decode()
    switcher = html.split('<nav class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return re.search(rf'<a href="([^"]*)"[^>]*>{name}</a>', switcher).group(1).replace("&amp;", "&")


def _choose(client, page: str, name: str, headers: dict):
    return client.get(_switcher_link(client, page, name, headers), **headers)


def test_root_sends_a_russian_browser_to_russian_without_a_choice(client):
    response = client.get("/", **RUSSIAN_BROWSER)

    assert (response.status_code, response["Location"]) == (302, "/ru/")


def test_root_sends_a_russian_browser_that_chose_english_to_english(client):
    chosen = _choose(client, "/ru/about/", "English", RUSSIAN_BROWSER)
    response = client.get("/", **RUSSIAN_BROWSER)

    assert (chosen.status_code, chosen["Location"]) == (302, "/en/about/")
    assert (response.status_code, response["Location"]) == (302, "/en/")


def test_choosing_russian_back_is_remembered_too(client):
    _choose(client, "/ru/about/", "English", RUSSIAN_BROWSER)
    chosen = _choose(client, "/en/about/", "Русский", RUSSIAN_BROWSER)
    response = client.get("/", **RUSSIAN_BROWSER)

    assert chosen["Location"] == "/ru/about/"
    assert response["Location"] == "/ru/"


def test_an_english_browser_that_chose_russian_goes_to_russian(client):
    _choose(client, "/en/", "Русский", ENGLISH_BROWSER)
    response = client.get("/", **ENGLISH_BROWSER)

    assert response["Location"] == "/ru/"


def test_the_choice_keeps_the_page_and_its_query_string(client):
    chosen = _choose(client, "/ru/archive/?page=1&doc_type=report", "English", RUSSIAN_BROWSER)

    assert chosen["Location"] == "/en/archive/?page=1&doc_type=report"


def test_the_choice_never_leads_to_another_site(client):
    for target in ("https://elsewhere.example/", "//elsewhere.example/en/", "en/about/"):
        response = client.get(f"/language/en/?next={target}", **RUSSIAN_BROWSER)

        assert response["Location"] == "/en/", target
    assert client.get("/", **RUSSIAN_BROWSER)["Location"] == "/en/"


def test_an_unknown_language_is_not_found_and_remembers_nothing(client):
    response = client.get("/language/de/?next=/ru/", **RUSSIAN_BROWSER)

    assert response.status_code == 404
    assert client.get("/", **RUSSIAN_BROWSER)["Location"] == "/ru/"


def test_the_cookie_is_kept_a_year_for_this_site_only(client, settings):
    settings.LANGUAGE_COOKIE_SECURE = True  # as in production (next test)

    response = client.get("/language/en/?next=/en/", **RUSSIAN_BROWSER)

    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie.value, cookie["max-age"], cookie["path"]) == ("en", 31536000, "/")
    assert (cookie["secure"], cookie["samesite"], cookie["httponly"]) == (True, "Lax", True)
    assert "no-store" in response["Cache-Control"]


def test_production_sends_the_language_cookie_over_https_only():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ("
        "'LANGUAGE_COOKIE_SECURE', 'LANGUAGE_COOKIE_SAMESITE', 'LANGUAGE_COOKIE_HTTPONLY')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=_production_env(),
        capture_output=True, text=True, timeout=120, check=False,
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "LANGUAGE_COOKIE_SECURE": True,
        "LANGUAGE_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_HTTPONLY": True,
    }


def test_pages_stay_cached_for_a_visitor_who_chose_a_language(client, page_cache):
    _choose(client, "/ru/about/", "English", RUSSIAN_BROWSER)

    first = client.get("/ru/", **RUSSIAN_BROWSER)
    second = client.get("/ru/", **RUSSIAN_BROWSER)

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert not first.cookies
    assert '<html lang="ru">' in second.content.decode()


def test_root_is_never_given_to_one_visitor_from_anothers_choice(client, page_cache):
    chose_english = client
    _choose(chose_english, "/ru/", "English", RUSSIAN_BROWSER)
    no_choice = Client()

    assert chose_english.get("/", **RUSSIAN_BROWSER)["Location"] == "/en/"
    assert no_choice.get("/", **RUSSIAN_BROWSER)["Location"] == "/ru/"
    assert chose_english.get("/", **RUSSIAN_BROWSER)["Location"] == "/en/"
    assert "Cookie" in no_choice.get("/", **RUSSIAN_BROWSER)["Vary"]


def test_search_engines_are_kept_off_the_switchers_redirects(client):
    assert "Disallow: /language/" in client.get("/robots.txt").content.decode()
