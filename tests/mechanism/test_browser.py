"""The Mechanism's pages with an amendment (which the demo has not): the
text today and on a date, an unreadable date (400), a date before the
first text, the versions, a comparison with additions, deletions and
changes, and a version compared with itself (400), with a paragraph shown
in the other language: axe, the Nu checker and a 360 px screen, in both
languages."""

import pytest
from playwright.sync_api import Page

from tests.browser.test_quality import (
    NARROW,
    _checker_problems,
    _findability_gaps,
    _horizontal_overflow,
    _violations,
    axe_source,  # noqa: F401 (fixture)
    vnu_command,  # noqa: F401 (fixture)
)
from tests.factories.mechanism import MechanismParagraphFactory, original_with_amendment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "operational-mechanism/": 200,
    "operational-mechanism/?on=2014-01-01": 200,
    "operational-mechanism/?on=2014-13-01": 400,
    "operational-mechanism/?on=2001-01-01": 200,
    "operational-mechanism/versions/": 200,
    "operational-mechanism/compare/": 200,
    "operational-mechanism/compare/?from=2013-06-04&to=2013-06-04": 400,
}


def test_mechanism_pages_pass_axe_the_html_checker_and_a_narrow_screen(
    live_server, page: Page, axe_source, vnu_command, tmp_path,  # noqa: F811
):
    _original, amended = original_with_amendment()
    MechanismParagraphFactory(version=amended, position=50, text_ru="Только по-русски.",
                              text_en="")
    problems: dict[str, list[str]] = {}
    html_files: dict[str, str] = {}
    page.set_viewport_size({"width": NARROW, "height": 800})
    for lang in ("ru", "en"):
        for index, (path, status) in enumerate(PAGES.items()):
            url = f"/{lang}/{path}"
            response = page.goto(f"{live_server.url}{url}")
            assert response is not None
            assert response.status == status, url
            found = _violations(page, axe_source)
            if status == 200:
                found += _findability_gaps(page, live_server.url)
            overflow = _horizontal_overflow(page)
            if overflow > 0:
                found.append(f"scrolls sideways by {overflow}px at {NARROW}px")
            if found:
                problems[url] = found
            saved = tmp_path / f"mechanism-{lang}-{index:02d}.html"
            saved.write_text(response.text(), encoding="utf-8")
            html_files[str(saved)] = url

    for url, messages in _checker_problems(vnu_command, html_files).items():
        problems.setdefault(url, []).extend(messages)

    assert problems == {}
