"""The content pages in Chromium: they load under the strict CSP without a
single console error, in both languages; the contact form's honeypot is out
of sight, and a person who takes their time gets the message through."""

import datetime

import pytest
from playwright.sync_api import Page, expect

from content.models import ContactMessage
from tests.factories.content import NewsItemFactory, ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def console_errors(page: Page):
    """Console errors of the page (a CSP violation is one)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_content_pages_load_without_console_errors(live_server, page: Page, console_errors, lang):
    item = NewsItemFactory(title_ru="Семинар в Алматы", title_en="Seminar in Almaty")
    project = ProjectFactory(name_ru="Программа БОМКА", name_en="BOMCA programme")

    for path in ("news/", f"news/{item.slug}/", "partners/", "projects/",
                 f"projects/{project.slug}/", "contact/"):
        page.goto(f"{live_server.url}/{lang}/{path}")
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.get_by_role("heading", level=1)).to_be_visible()

    assert console_errors == []


def test_news_list_leads_to_the_item_and_its_other_language(live_server, page: Page):
    item = NewsItemFactory(title_ru="Семинар в Алматы", title_en="Seminar in Almaty")

    page.goto(f"{live_server.url}/ru/news/")
    page.get_by_role("link", name="Семинар в Алматы").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Семинар в Алматы")
    page.get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_server.url}/en/news/{item.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Seminar in Almaty")


def test_project_filter_form_makes_a_readable_url(live_server, page: Page):
    ProjectFactory(name_en="Ended", start=datetime.date(2018, 1, 1),
                   end=datetime.date(2020, 12, 31))
    ProjectFactory(name_en="Open-ended", start=datetime.date(2021, 1, 1), end=None)

    page.goto(f"{live_server.url}/en/projects/")
    page.get_by_label("Status").select_option("completed")
    page.get_by_role("button", name="Show").click()

    assert "status=completed" in page.url
    expect(page.locator(".project-list").get_by_role("link")).to_have_text(["Ended"])


def test_contact_form_sends_a_message_written_at_a_persons_pace(live_server, page: Page):
    page.goto(f"{live_server.url}/en/contact/")

    expect(page.locator("#id_website")).not_to_be_in_viewport()
    page.get_by_label("Your name").fill("Aigerim Saparova")
    page.get_by_label("Your email").fill("a.saparova@example.org")
    page.get_by_label("Subject").fill("Next seminar")
    page.get_by_label("Message").fill("When is the next seminar on reintegration?")
    page.wait_for_timeout(3200)  # the form refuses what comes back within 3 s
    page.get_by_role("button", name="Send the message").click()

    expect(page.get_by_text("your message has been sent to the Support Unit")).to_be_visible()
    assert list(ContactMessage.objects.values_list("subject", flat=True)) == ["Next seminar"]
