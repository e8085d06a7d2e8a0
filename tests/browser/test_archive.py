"""Searching the archive in Chromium, in Russian and in English: the words
typed in one grammatical form find documents written in another, and the
page around the results is in the language of the URL."""

import pytest
from playwright.sync_api import Page, expect

from archive import search
from tests.factories.archive import DocumentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive_documents():
    made = [
        DocumentFactory(
            title_ru="Беженцы и лица без гражданства в Центральной Азии",
            title_en="Refugees and stateless persons in Central Asia",
            summary_ru="Обзор национального законодательства.",
            summary_en="A review of national legislation.",
        ),
        DocumentFactory(
            title_ru="Статистика трудовой миграции",
            title_en="Labour migration statistics",
            summary_ru="Данные о денежных переводах.",
            summary_en="Data on remittances.",
        ),
    ]
    for document in made:
        search.document_index(document_id=document.pk)
    return made


def test_search_in_russian_finds_other_word_forms(live_server, page: Page, archive_documents):
    page.goto(f"{live_server.url}/ru/archive/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Архив документов")
    expect(page.get_by_role("group", name="Тип документа")).to_be_visible()
    expect(page.get_by_label("Год")).to_be_visible()
    expect(page.get_by_label("Тема")).to_be_visible()
    expect(page.get_by_label("Языковая версия")).to_be_visible()

    page.get_by_role("searchbox", name="Поиск").fill("беженцев")
    page.locator("main").get_by_role("button", name="Найти").click()

    results = page.locator(".document-list")
    expect(results.get_by_role("link")).to_have_count(1)
    expect(results.get_by_role("link")).to_have_text(
        "Беженцы и лица без гражданства в Центральной Азии"
    )
    expect(results.locator("mark").first).to_have_text("Беженцы")
    expect(page.get_by_role("heading", level=2, name="найден 1 документ")).to_be_visible()
    assert "q=%D0%B1%D0%B5%D0%B6%D0%B5%D0%BD%D1%86%D0%B5%D0%B2" in page.url


def test_search_in_english_finds_other_word_forms(live_server, page: Page, archive_documents):
    page.goto(f"{live_server.url}/en/archive/")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Document archive")
    expect(page.get_by_role("group", name="Document type")).to_be_visible()
    expect(page.get_by_label("Year")).to_be_visible()
    expect(page.get_by_label("Theme")).to_be_visible()
    expect(page.get_by_label("Language version")).to_be_visible()

    page.get_by_role("searchbox", name="Search").fill("refugee")
    page.locator("main").get_by_role("button", name="Search", exact=True).click()

    results = page.locator(".document-list")
    expect(results.get_by_role("link")).to_have_count(1)
    expect(results.get_by_role("link")).to_have_text(
        "Refugees and stateless persons in Central Asia"
    )
    expect(page.get_by_role("heading", level=2)).to_contain_text(
        ["1 document found for “refugee”"]
    )


def test_opening_a_result_shows_both_language_versions(
    live_server, page: Page, archive_documents
):
    page.goto(f"{live_server.url}/ru/archive/?q=статистика")

    page.get_by_role("link", name="Статистика трудовой миграции").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Статистика трудовой миграции")
    expect(page.get_by_text("Labour migration statistics")).to_be_visible()
    expect(page.get_by_role("heading", name="О документе")).to_be_visible()
