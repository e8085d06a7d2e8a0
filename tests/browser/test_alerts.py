"""The alerts' subscription flow in Chromium: from an archive search to
"save this search", the confirmation by the emailed link, the list of
one's subscriptions, deleting one after being asked, and unsubscribing,
with no console error (the strict CSP holds)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from alerts.models import Subscription
from archive import search
from tests.factories.archive import DocumentFactory, ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def emailed_link(name: str) -> str:
    found = re.search(rf"https?://\S+?(/en/alerts/{name}/\S+?/)(?:\s|$)", mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(1)


def test_subscribe_confirm_manage_and_unsubscribe(live_server, page: Page):
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    ThemeFactory(slug="border-management", name_en="Border management")
    document = DocumentFactory(title_en="Border management in Central Asia")
    search.document_index(document_id=document.pk)

    page.goto(f"{live_server.url}/en/archive/?q=border")
    page.get_by_role("link", name="Save this search: receive an email when new documents "
                                   "match it").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Email alerts")
    expect(page.get_by_label("This archive search")).to_be_checked()
    page.get_by_label("Your email address").fill("reader@example.org")
    page.get_by_role("group", name="Themes").get_by_label("Border management").check()
    page.get_by_role("group", name="How often").get_by_label("Daily").check()
    page.get_by_role("button", name="Subscribe").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert Subscription.objects.filter(confirmed_at__isnull=True).count() == 2

    page.goto(live_server.url + emailed_link("confirm"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your subscription")
    assert Subscription.objects.filter(confirmed_at__isnull=True).count() == 2
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subscription confirmed")
    assert Subscription.objects.filter(confirmed_at__isnull=False).count() == 2

    page.get_by_role("link", name="Your subscriptions").click()
    rows = page.locator("main tbody tr")
    expect(rows).to_have_count(2)
    rows.filter(has_text="Theme: Border management").get_by_role("link", name="Delete").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Delete this subscription?")
    page.get_by_role("button", name="Delete").click()
    expect(page.locator("main tbody tr")).to_have_count(1)
    expect(page.locator("main")).to_contain_text("Archive search: «border»")

    page.get_by_role("link", name="Unsubscribe from all").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribe?")
    assert Subscription.objects.count() == 1
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Unsubscribed")
    assert Subscription.objects.count() == 0
    assert errors == []


@pytest.mark.parametrize(("lang", "heading"), [("en", "Email alerts"),
                                               ("ru", "Оповещения по электронной почте")])
def test_subscribe_page_in_both_languages(live_server, page: Page, lang, heading):
    page.goto(f"{live_server.url}/{lang}/alerts/")

    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
