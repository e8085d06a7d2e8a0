import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "title", "nav_about"),
    [("ru", "Алматинский процесс", "О процессе"), ("en", "Almaty Process", "About")],
)
def test_home_page_served_in_each_language(client, lang, title, nav_about):
    response = client.get(f"/{lang}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert title in html
    assert nav_about in html


def test_home_page_heads_the_objectives_plainly(client):
    html = client.get("/en/").content.decode()

    assert '<h2 id="objectives-title">Objectives</h2>' in html


def test_root_redirects_to_russian_by_default(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/ru/"


def test_language_switcher_keeps_the_current_page(client):
    response = client.get("/ru/about/")

    assert 'href="/language/en/?next=/en/about/"' in response.content.decode()


def test_not_found_page_is_translated_and_switchable(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/language/ru/?next=/ru/no-such-page/"' in html


def test_not_found_page_in_russian(client):
    response = client.get("/ru/no-such-page/")

    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/ru/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy


def test_login_page_in_english(client):
    with translation.override("en"):
        url = reverse("login")

    response = client.get(url)

    assert url == "/en/accounts/login/"
    assert "Sign in with your email address" in response.content.decode()


def test_server_error_page_renders_without_request_context():
    from django.template.loader import render_to_string

    with translation.override("ru"):
        html = render_to_string("500.html")

    assert "Ошибка сервера" in html


def test_robots_txt_keeps_crawlers_out_of_admin_and_points_to_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /ru/admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_favicon_redirects_to_the_bundled_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"


@pytest.mark.parametrize(
    ("lang", "links"),
    [
        ("ru", ["Главная", "О процессе", "Государства", "Председательство", "Наблюдатели",
                "Архив"]),
        ("en", ["Home", "About", "States", "Chairmanship", "Observers", "Archive"]),
    ],
)
def test_navigation_links_every_public_section_in_order(client, lang, links):
    html = client.get(f"/{lang}/").content.decode()
    nav = html[html.index('<nav class="site-nav"'):html.index("</nav>", html.index("site-nav"))]

    positions = [nav.index(f">{label}</a>") for label in links]

    assert positions == sorted(positions)


def test_navigation_marks_the_observers_page_as_current(client):
    html = client.get("/en/observers/").content.decode()

    assert 'href="/en/observers/" aria-current="page">Observers</a>' in html
