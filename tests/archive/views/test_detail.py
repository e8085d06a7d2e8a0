import datetime

import pytest

from archive.enums import AccessLevel, DocumentType, FileLanguage, PublicationStatus
from tests.archive.views.conftest import DOCUMENTS, ROLES, VISIBLE
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db


def page_url(document, lang: str = "ru") -> str:
    return f"/{lang}/archive/{document.slug}/"


# --- Access ---------------------------------------------------------------------

@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_detail_is_shown_only_to_those_who_may_see_it(client_as, archive_by_access, role, name):
    response = client_as(role).get(page_url(archive_by_access[name]))

    visible = name in VISIBLE[role] or name == "withdrawn"
    assert response.status_code == (200 if visible else 404)


def test_hidden_document_is_not_found_rather_than_forbidden(client, archive_by_access):
    response = client.get(page_url(archive_by_access["secretariat"]))

    assert response.status_code == 404
    assert archive_by_access["secretariat"].title not in response.content.decode()


# --- Old links by id ---------------------------------------------------------------

def test_numeric_id_redirects_to_the_slug(client):
    document = DocumentFactory(slug="almaty-declaration")

    response = client.get(f"/ru/archive/{document.pk}/")

    assert response.status_code == 302
    assert response["Location"] == "/ru/archive/almaty-declaration/"


def test_numeric_id_of_a_hidden_document_is_not_found(client):
    document = DocumentFactory(access=AccessLevel.SECRETARIAT)

    response = client.get(f"/ru/archive/{document.pk}/")

    assert response.status_code == 404


# --- Both language versions -----------------------------------------------------------

def test_detail_in_russian_shows_the_english_title_too(client):
    document = DocumentFactory(
        title_ru="Алматинская декларация", title_en="Almaty Declaration",
        summary_ru="Итоговый документ.", summary_en="The outcome document.",
    )

    response = client.get(page_url(document))

    html = response.content.decode()
    assert '<h1 id="document-title" lang="ru">Алматинская декларация</h1>' in html
    assert 'Также на английском:</span> <span lang="en">Almaty Declaration</span>' in html
    assert "Итоговый документ." in html
    assert "The outcome document." in html


def test_detail_in_english_shows_the_russian_title_too(client):
    document = DocumentFactory(title_ru="Алматинская декларация", title_en="Almaty Declaration")

    response = client.get(page_url(document, "en"))

    html = response.content.decode()
    assert '<h1 id="document-title" lang="en">Almaty Declaration</h1>' in html
    assert 'Also in Russian:</span> <span lang="ru">Алматинская декларация</span>' in html


def test_document_in_russian_only_is_shown_in_russian_on_the_english_page(client):
    document = DocumentFactory(title_ru="Только по-русски", title_en="",
                               summary_ru="Краткое содержание.", summary_en="")

    response = client.get(page_url(document, "en"))

    html = response.content.decode()
    assert ('<h1 id="document-title" lang="ru">Только по-русски <span class="badge badge--warn'
            ' fallback-marker" lang="en">in Russian</span></h1>') in html
    assert '<div class="document__summary" lang="ru"><p>Краткое содержание.</p></div> <span' in html
    assert "Also in Russian" not in html


# --- Metadata -------------------------------------------------------------------------

def test_detail_shows_the_metadata(client):
    theme = ThemeFactory(slug="labour-migration", name_ru="Трудовая миграция")
    state = ParticipantStateFactory(iso3="KAZ", iso2="KZ", name_ru="Казахстан")
    document = DocumentFactory(
        doc_type=DocumentType.DECLARATION, date=datetime.date(2013, 6, 5),
        reference="AP/MC/2013/1", themes=[theme], states=[state],
    )

    response = client.get(page_url(document))

    html = response.content.decode()
    assert "<dd>Декларация</dd>" in html
    assert '<time datetime="2013-06-05">5 июня 2013</time>' in html
    assert "<dd>AP/MC/2013/1</dd>" in html
    assert '<a href="/ru/archive/?theme=labour-migration">Трудовая миграция</a>' in html
    assert '<a href="/ru/states/kaz/">Казахстан</a>' in html


@pytest.mark.parametrize(
    ("languages", "text"),
    [
        ([FileLanguage.RUSSIAN, FileLanguage.ENGLISH], "Русская и английская"),
        ([FileLanguage.RUSSIAN], "Только русская"),
        ([FileLanguage.ENGLISH], "Только английская"),
        ([], "Файлы пока не опубликованы."),
    ],
)
def test_detail_says_which_language_versions_exist(client, languages, text):
    document = DocumentFactory()
    for language in languages:
        DocumentFileFactory(document=document, language=language)

    response = client.get(page_url(document))

    assert f"<dt>Языковые версии</dt>\n      <dd>{text}</dd>" in response.content.decode()


def test_detail_lists_files_with_language_size_pages_type_and_link(client):
    document = DocumentFactory(slug="report")
    document_file = DocumentFileFactory(
        document=document, language=FileLanguage.ENGLISH, original_filename="report-en.txt",
        content=b"x" * 2048, page_count=3,
    )

    response = client.get(page_url(document))

    html = response.content.decode()
    assert '<th scope="row">Английский</th>' in html
    assert (
        f'<a href="/ru/archive/report/files/{document_file.pk}/" download>'
        "Скачать report-en.txt</a>"
    ) in html
    assert "<code>text/plain</code>" in html
    assert "2,0\xa0КБ" in html
    assert "<td>3</td>" in html


# --- Versions -------------------------------------------------------------------------

def test_versions_are_linked_on_both_ends(client):
    old = DocumentFactory(title_ru="План действий 2019", slug="plan-2019")
    new = DocumentFactory(title_ru="План действий 2024", slug="plan-2024", supersedes=old)

    old_html = client.get(page_url(old)).content.decode()
    new_html = client.get(page_url(new)).content.decode()

    assert '<a href="/ru/archive/plan-2024/">План действий 2024</a>' in old_html
    assert "<dt>Заменён документом</dt>" in old_html
    assert '<a href="/ru/archive/plan-2019/">План действий 2019</a>' in new_html
    assert "<dt>Заменяет</dt>" in new_html


@pytest.mark.parametrize("role", ROLES)
def test_version_links_only_to_documents_the_visitor_may_see(client_as, role):
    old = DocumentFactory(title_ru="Старая редакция", slug="old")
    DocumentFactory(title_ru="Новая редакция", slug="new", supersedes=old,
                    access=AccessLevel.PARTICIPANTS)

    html = client_as(role).get(page_url(old)).content.decode()

    shown = "participants" in VISIBLE[role]
    assert ('<a href="/ru/archive/new/">Новая редакция</a>' in html) is shown
    assert ("<dt>Заменён документом</dt>" in html) is shown


def test_draft_successor_is_not_linked(client):
    old = DocumentFactory(slug="old")
    DocumentFactory(slug="new", supersedes=old, status=PublicationStatus.DRAFT)

    html = client.get(page_url(old)).content.decode()

    assert "/ru/archive/new/" not in html


# --- Withdrawn --------------------------------------------------------------------------

def test_withdrawn_document_shows_a_notice(client):
    document = DocumentFactory(status=PublicationStatus.WITHDRAWN)

    response = client.get(page_url(document))

    assert response.status_code == 200
    assert "Этот документ отозван." in response.content.decode()


@pytest.mark.parametrize(
    ("options", "indexed"),
    [
        ({}, True),
        ({"status": PublicationStatus.WITHDRAWN}, False),
        ({"access": AccessLevel.PARTICIPANTS}, False),
    ],
)
def test_only_public_published_pages_are_open_to_search_engines(
    client, coordinator_user, options, indexed
):
    document = DocumentFactory(**options)
    client.force_login(coordinator_user)

    html = client.get(page_url(document)).content.decode()

    assert ('<meta name="robots" content="noindex">' not in html) is indexed


def test_published_document_has_no_withdrawal_notice(client):
    document = DocumentFactory()

    response = client.get(page_url(document))

    assert "Этот документ отозван." not in response.content.decode()


def test_detail_in_english_chrome(client):
    document = DocumentFactory(doc_type=DocumentType.AGENDA)

    html = client.get(page_url(document, "en")).content.decode()

    assert '<h2 id="details-title">About this document</h2>' in html
    assert "<dd>Agenda</dd>" in html


@pytest.mark.parametrize(("count", "files"), [(3, 1), (30, 3)])
def test_detail_query_count_does_not_grow_with_files_themes_and_states(
    client, django_assert_num_queries, count, files
):
    document = DocumentFactory(
        themes=ThemeFactory.create_batch(count), states=ParticipantStateFactory.create_batch(count)
    )
    for language in [FileLanguage.RUSSIAN, FileLanguage.ENGLISH, FileLanguage.OTHER][:files]:
        DocumentFileFactory(document=document, language=language)

    # Document, files, themes and states (one UNION), versions, the meetings
    # it belongs to.
    with django_assert_num_queries(5):
        response = client.get(page_url(document))

    assert len(response.context["body"]["files"]) == files
    assert len(response.context["body"]["themes"]) == count
    assert len(response.context["body"]["states"]) == count
