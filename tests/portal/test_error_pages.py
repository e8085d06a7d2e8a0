"""Error pages in the site's design, in the reader's language; the server
error page without the database (it may be what failed)."""

import pytest
from django.test import Client

from tests.content.conftest import text_of

pytestmark = pytest.mark.urls("tests.portal.error_urls")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading", "home"),
    [
        ("ru", "Страница не найдена", "Перейти на главную страницу"),
        ("en", "Page not found", "Go to the home page"),
    ],
)
def test_not_found_page_in_the_readers_language(client, lang, heading, home):
    response = client.get(f"/{lang}/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html
    assert f'action="/{lang}/search/"' in html
    assert '<meta name="robots" content="noindex">' in html
    text = text_of(response)
    assert heading in text
    assert home in text


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/ru/no-such-page/", "/en/test-denies/"])
def test_error_page_names_no_canonical_or_other_language_address(client, path):
    response = client.get(path)

    html = response.content.decode()
    assert response.status_code in (403, 404)
    assert 'rel="canonical"' not in html
    assert "rel=\"alternate\" hreflang=" not in html
    assert 'property="og:url"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading"), [("ru", "Доступ запрещён"), ("en", "Access denied")],
)
def test_access_denied_page_in_the_readers_language(client, lang, heading):
    response = client.get(f"/{lang}/test-denies/")

    assert response.status_code == 403
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html
    assert heading in text_of(response)


@pytest.mark.parametrize(
    ("lang", "heading"), [("ru", "Ошибка сервера"), ("en", "Server error")],
)
def test_server_error_page_in_the_readers_language_without_the_database(lang, heading):
    # No django_db mark: any query would fail the test.
    client = Client(raise_request_exception=False)

    response = client.get(f"/{lang}/test-fails/")

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html
    assert f'href="/{lang}/"' in html
    assert heading in text_of(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading", "home"),
    [
        ("ru", "Слишком много запросов", "Перейти на главную страницу"),
        ("en", "Too many requests", "Go to the home page"),
    ],
)
def test_too_many_requests_page_in_the_readers_language(client, settings, lang, heading, home):
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 1
    url = f"/{lang}/accounts/password-reset/"
    client.post(url, {"email": "someone@example.org"})

    response = client.post(url, {"email": "someone@example.org"})

    assert response.status_code == 429
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'class="site-header"' in html
    assert '<meta name="robots" content="noindex">' in html
    text = text_of(response)
    assert heading in text
    assert home in text


def test_server_error_page_without_the_static_files_manifest(settings, tmp_path):
    # A broken deployment (collectstatic not run) fails every page; the
    # server error page must still render, with the stylesheet's plain URL.
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    client = Client(raise_request_exception=False)

    response = client.get("/en/test-fails/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<link rel="stylesheet" href="/static/css/portal.css">' in html
    assert "Server error" in text_of(response)
