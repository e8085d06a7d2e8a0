"""Staff build a briefing pack from the meeting's admin in Chromium, watch
the progress bar (polled by static/briefings/progress.js under the strict
CSP) reach done, and download the pack. The build goes through the real
worker, so the bar moves while the page is open."""

import contextlib
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from tests.factories.archive import DocumentFactory
from tests.factories.briefings import PackDocumentFactory, pdf_file
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import StaffUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.celery_worker,
              pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"  # UserFactory's


def test_staff_build_a_pack_watch_its_progress_and_download_it(
    celery_worker, live_server, page: Page
):
    StaffUserFactory(email="editor@example.org", is_superuser=True)
    meeting = MeetingFactory(title_ru="Совещание в Ташкенте", slug="som-tashkent")
    for position in range(40):  # a build of a few seconds
        document = DocumentFactory()
        pdf_file(document, pages=3)
        PackDocumentFactory(meeting=meeting, document=document, position=position)
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.goto(f"{live_server.url}/ru/admin/login/")
    page.locator("input[name=username]").fill("editor@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()

    page.goto(f"{live_server.url}/ru/admin/meetings/meeting/{meeting.pk}/change/")
    page.locator("#content-main").get_by_role("link", name="Информационные пакеты").click()
    row = page.get_by_role("row", name="Информационный пакет · Русский")
    row.get_by_role("button", name="Собрать").click()

    seen = set()
    download_link = page.get_by_role("link", name="Скачать")
    deadline = time.monotonic() + 90
    while not download_link.is_visible() and time.monotonic() < deadline:
        # One read of the bars as they are now: the page reloads itself when
        # the build is done, and a locator would wait for a bar that is gone.
        # (A reload destroying the context mid-read raises: skip that read.)
        with contextlib.suppress(PlaywrightError):
            seen.update(int(value) for value in page.evaluate(
                "() => [...document.querySelectorAll('[data-progress-url] progress')]"
                ".map(bar => bar.value)"
            ))
        time.sleep(0.1)
    expect(download_link).to_be_visible()
    assert any(0 < value < 100 for value in seen), seen
    expect(row.locator(".pack-progress__status")).to_have_text("Готов")
    expect(row.locator("progress")).to_have_attribute("value", "100")

    with page.expect_download() as info:
        download_link.click()
    assert info.value.suggested_filename == "som-tashkent-briefing-ru.pdf"
    assert console_errors == []
