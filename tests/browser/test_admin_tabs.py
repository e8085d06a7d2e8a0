"""The admin's RU/EN tabs for translated fields work under the strict CSP:
jQuery UI is served from our own static files, not a CDN."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories.membership import StaffUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"  # UserFactory's


def test_translated_fields_show_as_tabs_without_csp_violations(live_server, page: Page):
    StaffUserFactory(email="editor@example.org", is_superuser=True)
    console_errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and console_errors.append(m.text))
    page.goto(f"{live_server.url}/ru/admin/login/")
    page.locator("input[name=username]").fill("editor@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()

    page.goto(f"{live_server.url}/ru/admin/membership/participantstate/add/")

    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs).to_be_visible()
    expect(tabs.get_by_role("tab")).to_have_count(2)
    english_tab = tabs.get_by_role("tab").nth(1)
    english_tab.click()
    expect(page.locator("#id_name_en")).to_be_visible()
    expect(page.locator("#id_name_ru")).to_be_hidden()
    assert console_errors == []
