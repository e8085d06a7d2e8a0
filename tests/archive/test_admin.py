"""The secretariat's admin of the archive: RU/EN tabs, language files checked
before anything is saved, publication actions, bulk upload, the translation
backlog and the audit history."""

from __future__ import annotations

import datetime
import html

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from archive.enums import AccessLevel, ExtractionStatus, FileLanguage, PublicationStatus
from archive.models import Document, DocumentFile, DocumentTerm, Theme
from archive.search import document_index
from archive.services import MSG_TITLE_REQUIRED
from archive.uploads import inspect_upload
from tests.archive.conftest import make_pdf, make_text, stored_files, upload
from tests.factories.archive import DocumentFactory, DocumentFileFactory
from tests.factories.membership import StaffUserFactory, UserFactory

pytestmark = pytest.mark.django_db

SANDBOX = "default-src 'none'; sandbox"  # settings.FILE_CONTENT_SECURITY_POLICY, as nginx sends

# A Windows executable renamed to .pdf: an MZ header and its DOS stub.
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8" + b"\x00" * 43
    + b"\x80\x00\x00\x00" + b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21"
    + b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 200
)


@pytest.fixture(autouse=True)
def _russian():
    """Messages computed in the test itself are Russian, whatever language
    an earlier request left active."""
    with translation.override("ru"):
        yield


@pytest.fixture
def superuser():
    return StaffUserFactory(is_superuser=True)


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client


def admin_url(name: str, *args, language: str = "ru") -> str:
    with translation.override(language):
        return reverse(f"admin:archive_document_{name}", args=args)


def inline_data(*rows: dict, initial: int = 0, prefix: str = "files") -> dict:
    """The management form and rows of the language-file inline."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def document_data(**overrides) -> dict:
    data = {
        "title_ru": "Доклад о трудовой миграции", "title_en": "",
        "summary_ru": "Права трудовых мигрантов в регионе.", "summary_en": "",
        "doc_type": "report", "date": "2024-05-15", "reference": "",
        "access": AccessLevel.PUBLIC, "supersedes": "",
    }
    data.update(overrides)
    return data


def error_of(content: bytes, name: str) -> str:
    """The translated message inspect_upload gives for these bytes."""
    with pytest.raises(ValidationError) as raised:
        inspect_upload(upload(name, content))
    return raised.value.messages[0]


# --- Pages ------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["ru", "en"])
def test_changelist_and_change_page_render_with_language_tabs(staff_client, language):
    document = DocumentFactory(title_ru="Алматинская декларация", title_en="Almaty Declaration")
    DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN)

    changelist = staff_client.get(admin_url("changelist", language=language))
    change = staff_client.get(admin_url("change", document.pk, language=language))

    expected_title = "Алматинская декларация" if language == "ru" else "Almaty Declaration"
    assert changelist.status_code == 200
    assert expected_title in changelist.text
    assert "RU&nbsp;✓" in changelist.text
    assert "EN&nbsp;—" in changelist.text
    assert change.status_code == 200
    assert 'name="title_ru"' in change.text
    assert 'name="title_en"' in change.text
    assert "mt-field-title-ru" in change.text
    assert "modeltranslation/js/tabbed_translation_fields.js" in change.text
    assert "document-ru.txt" in change.text


def test_theme_changelist_counts_documents(client, superuser):
    theme = Theme.objects.get(slug="labour-migration")  # reference data (migration)
    DocumentFactory.create_batch(2, themes=[theme])
    client.force_login(superuser)

    with translation.override("ru"):
        response = client.get(reverse("admin:archive_theme_changelist"))

    assert response.status_code == 200
    counts = {t.name: t.document_count for t in response.context["cl"].result_list}
    assert len(counts) == 11
    assert counts["Трудовая миграция"] == 2
    assert counts["Защита беженцев"] == 0


def test_change_page_searches_states_themes_and_superseded_documents(staff_client):
    document = DocumentFactory()

    response = staff_client.get(admin_url("change", document.pk))

    form = response.context["adminform"].form
    for name in ("themes", "states", "supersedes"):
        assert type(form.fields[name].widget.widget).__name__ in {
            "AutocompleteSelect", "AutocompleteSelectMultiple",
        }, name


def test_add_page_offers_a_russian_and_an_english_file_row(staff_client):
    response = staff_client.get(admin_url("add"))

    formset = response.context["inline_admin_formsets"][0].formset
    assert [form.initial.get("language") for form in formset.forms] == ["ru", "en"]


# --- Adding and changing documents with files --------------------------------------

def test_add_document_with_russian_pdf_creates_the_file_row(
    staff_client, superuser, archive_dir, django_capture_on_commit_callbacks
):
    pdf = make_pdf()
    data = {
        **document_data(),
        **inline_data({"file": upload("Доклад.pdf", pdf), "language": "ru"}, {"language": "en"}),
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(admin_url("add"), data)

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title_ru, document.status, document.created_by) == (
        "Доклад о трудовой миграции", PublicationStatus.DRAFT, superuser,
    )
    file = document.files.get()
    assert (file.language, file.original_filename, file.mime_type, file.size) == (
        FileLanguage.RUSSIAN, "Доклад.pdf", "application/pdf", len(pdf),
    )
    assert (file.extraction_status, file.page_count, file.uploaded_by) == (
        ExtractionStatus.DONE, 2, superuser,
    )
    assert "беженцев" in file.extracted_text


def test_add_document_with_renamed_executable_shows_error_and_saves_nothing(
    staff_client, archive_dir
):
    data = {
        **document_data(),
        **inline_data(
            {"file": upload("report_ru.txt", make_text()), "language": "ru"},
            {"file": upload("report.pdf", EXECUTABLE), "language": "en"},
        ),
    }

    response = staff_client.post(admin_url("add"), data)

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    message = error_of(EXECUTABLE, "report.pdf")
    assert formset.errors[1] == {"file": [message]}
    assert html.escape(message) in response.text
    assert any("а" <= char <= "я" for char in message.lower())  # the Russian message
    assert Document.objects.count() == 0
    assert DocumentFile.objects.count() == 0
    assert stored_files(archive_dir) == []


def test_change_with_bad_file_keeps_document_and_other_files_unchanged(
    staff_client, archive_dir
):
    document = DocumentFactory(title_ru="Старое название", title_en="Old title")
    data = {
        **document_data(title_ru="Новое название", title_en="Old title"),
        **inline_data(
            {"file": upload("good_ru.txt", make_text()), "language": "ru"},
            {"file": upload("bad.pdf", EXECUTABLE), "language": "en"},
        ),
    }

    response = staff_client.post(admin_url("change", document.pk), data)

    assert response.status_code == 200
    document.refresh_from_db()
    assert document.title_ru == "Старое название"
    assert DocumentFile.objects.count() == 0
    assert stored_files(archive_dir) == []


def test_add_file_duplicate_of_stored_file_is_refused(staff_client, archive_dir):
    holder = DocumentFactory(title_ru="Исходный документ")
    content = make_text()
    DocumentFileFactory(document=holder, content=content)
    data = {
        **document_data(),
        **inline_data({"file": upload("copy.txt", content), "language": "ru"}),
    }

    response = staff_client.post(admin_url("add"), data)

    assert response.status_code == 200
    assert "Исходный документ" in str(
        response.context["inline_admin_formsets"][0].formset.errors[0]["file"]
    )
    assert Document.objects.count() == 1


def test_add_two_russian_files_is_refused(staff_client, archive_dir):
    data = {
        **document_data(),
        **inline_data(
            {"file": upload("one.txt", b"first file"), "language": "ru"},
            {"file": upload("two.txt", b"second file"), "language": "ru"},
        ),
    }

    response = staff_client.post(admin_url("add"), data)

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert Document.objects.count() == 0


def test_add_document_without_any_title_is_refused(staff_client):
    response = staff_client.post(
        admin_url("add"), {**document_data(title_ru="", title_en=""), **inline_data()}
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [str(MSG_TITLE_REQUIRED)]
    assert "название" in str(MSG_TITLE_REQUIRED)  # the Russian message
    assert Document.objects.count() == 0


def test_english_only_document_can_be_added(staff_client):
    response = staff_client.post(
        admin_url("add"),
        {**document_data(title_ru="", summary_ru="", title_en="Fact sheet"), **inline_data()},
    )

    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title_en, document.title_ru, document.slug) == (
        "Fact sheet", "", "fact-sheet",
    )


def test_deleting_a_file_row_removes_the_row(staff_client, django_capture_on_commit_callbacks):
    file = DocumentFileFactory()
    document = file.document
    data = {
        **document_data(title_ru=document.title_ru, title_en=document.title_en,
                        summary_ru=document.summary_ru, summary_en=document.summary_en),
        **inline_data({"id": str(file.pk), "document": str(document.pk), "DELETE": "on"},
                      initial=1),
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(admin_url("change", document.pk), data)

    assert response.status_code == 302
    assert DocumentFile.objects.count() == 0


def test_staff_download_sends_a_draft_file_with_its_original_name(staff_client):
    file = DocumentFileFactory(
        document=DocumentFactory(status=PublicationStatus.DRAFT,
                                 access=AccessLevel.SECRETARIAT),
        original_filename="доклад.txt", content=b"draft text",
    )

    change = staff_client.get(admin_url("change", file.document.pk))
    url = admin_url("file_download", file.document.pk, file.pk)
    response = staff_client.get(url)

    assert f'href="{url}"' in change.text
    assert response.status_code == 200
    assert response.getvalue() == b"draft text"
    # The same header as the public download (one builder for both).
    assert response["Content-Disposition"] == (
        "attachment; filename=\"doklad.txt\"; "
        "filename*=utf-8''%D0%B4%D0%BE%D0%BA%D0%BB%D0%B0%D0%B4.txt"
    )
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == SANDBOX  # issue 22, item 10


def test_staff_download_needs_staff(client):
    file = DocumentFileFactory()
    client.force_login(UserFactory())

    response = client.get(admin_url("file_download", file.document.pk, file.pk))

    assert response.status_code == 302


def test_deleting_a_document_removes_its_stored_files(
    staff_client, archive_dir, django_capture_on_commit_callbacks
):
    kept = DocumentFileFactory()
    deleted = DocumentFileFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(admin_url("delete", deleted.document.pk), {"post": "yes"})

    assert response.status_code == 302
    assert [path.name for path in stored_files(archive_dir)] == [kept.sha256]


def test_bulk_delete_action_removes_the_stored_files(
    staff_client, archive_dir, django_capture_on_commit_callbacks
):
    files = DocumentFileFactory.create_batch(2)

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(admin_url("changelist"), {
            "action": "delete_selected", "post": "yes",
            "_selected_action": [file.document.pk for file in files],
        })

    assert response.status_code == 302
    assert Document.objects.count() == 0
    assert stored_files(archive_dir) == []


# --- Search -----------------------------------------------------------------------------

def test_changelist_search_finds_other_word_forms_and_file_text(staff_client):
    refugees = DocumentFactory(title_ru="Защита беженцев", summary_ru="", summary_en="",
                               title_en="Protection")
    with_text = DocumentFactory(title_ru="Сборник", title_en="Collection",
                                summary_ru="", summary_en="")
    DocumentFileFactory(document=with_text, content="Трудовые мигранты из Таджикистана".encode())
    DocumentFactory(title_ru="Повестка дня", title_en="Agenda", summary_ru="", summary_en="")
    for document in Document.objects.all():
        document_index(document_id=document.pk)

    def search(term: str) -> set[Document]:
        response = staff_client.get(admin_url("changelist"), {"q": term})
        return set(response.context["cl"].result_list)

    assert search("беженец") == {refugees}
    assert search("ЗАЩИТА") == {refugees}
    assert search("трудовой мигрант") == {with_text}


def test_changelist_search_finds_part_of_a_reference(staff_client):
    document = DocumentFactory(reference="AP/SOM/2024/3")
    DocumentFactory(reference="AP/MC/2023/1")

    response = staff_client.get(admin_url("changelist"), {"q": "SOM/2024"})

    assert list(response.context["cl"].result_list) == [document]


# --- History -------------------------------------------------------------------------

def test_admin_edit_is_recorded_in_history_with_user_and_changed_fields(
    staff_client, superuser
):
    document = DocumentFactory(title_en="Old title", access=AccessLevel.PUBLIC)
    data = {
        **document_data(title_ru=document.title_ru, title_en="New title",
                        summary_ru=document.summary_ru, summary_en=document.summary_en,
                        access=AccessLevel.PARTICIPANTS),
        **inline_data(),
    }

    response = staff_client.post(admin_url("change", document.pk), data)

    assert response.status_code == 302
    latest, previous = document.history.all()[:2]
    changed = set(latest.diff_against(previous).changed_fields)
    assert latest.history_user == superuser
    assert changed - {"updated_at", "updated_by"} == {"title_en", "access"}
    document.refresh_from_db()
    assert document.updated_by == superuser
    history = staff_client.get(admin_url("history", document.pk))
    assert history.status_code == 200
    assert str(superuser) in history.text
    assert "New title" in history.text


def test_reverting_to_an_earlier_version_goes_through_the_service(staff_client, superuser):
    document = DocumentFactory(title_en="First title")
    first = document.history.get()
    staff_client.post(admin_url("change", document.pk), {
        **document_data(title_ru=document.title_ru, title_en="Second title",
                        summary_ru=document.summary_ru, summary_en=document.summary_en),
        **inline_data(),
    })
    url = admin_url("simple_history", document.pk, first.history_id)

    page = staff_client.get(url)
    response = staff_client.post(url, {
        **document_data(title_ru=document.title_ru, title_en="First title",
                        summary_ru=document.summary_ru, summary_en=document.summary_en),
    })

    assert page.status_code == 200
    assert 'value="First title"' in page.text
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title_en, document.updated_by) == ("First title", superuser)
    assert document.history.first().history_user == superuser


def test_history_page_lists_file_changes(staff_client):
    file = DocumentFileFactory(original_filename="plan-ru.txt")

    response = staff_client.get(admin_url("history", file.document.pk))

    assert response.status_code == 200
    assert list(response.context["file_records"]) == list(file.history.all())
    assert "plan-ru.txt" in response.text


# --- Actions ---------------------------------------------------------------------------

def test_publish_action_publishes_drafts(staff_client):
    drafts = DocumentFactory.create_batch(2, status=PublicationStatus.DRAFT)

    response = staff_client.post(
        admin_url("changelist"),
        {"action": "publish", "_selected_action": [d.pk for d in drafts]}, follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["Опубликовано 2 документа."]
    assert set(Document.objects.values_list("status", flat=True)) == {
        PublicationStatus.PUBLISHED
    }
    assert all(document.published_at for document in Document.objects.all())


def test_withdraw_action_withdraws_published_and_reports_drafts(staff_client):
    published = DocumentFactory(title_ru="Опубликованный")
    draft = DocumentFactory(title_ru="Черновик", status=PublicationStatus.DRAFT)

    response = staff_client.post(
        admin_url("changelist"),
        {"action": "withdraw", "_selected_action": [published.pk, draft.pk]}, follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == [
        "«Черновик» не отозван: Снять с публикации можно только опубликованный документ.",
        "Отозван 1 документ.",
    ]
    published.refresh_from_db()
    draft.refresh_from_db()
    assert (published.status, draft.status) == (
        PublicationStatus.WITHDRAWN, PublicationStatus.DRAFT,
    )


def test_retry_extraction_action_extracts_failed_files_again(
    staff_client, django_capture_on_commit_callbacks
):
    file = DocumentFileFactory(
        extraction_status=ExtractionStatus.FAILED, extraction_error="Worker lost",
        extracted_text="",
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            admin_url("changelist"),
            {"action": "retry_extraction", "_selected_action": [file.document.pk]},
            follow=True,
        )

    assert response.status_code == 200
    file.refresh_from_db()
    assert (file.extraction_status, file.extraction_error) == (ExtractionStatus.DONE, "")
    assert "беженцы" in file.extracted_text


def test_failed_extraction_error_is_shown_on_the_change_page(staff_client):
    file = DocumentFileFactory(
        extraction_status=ExtractionStatus.FAILED, extraction_error="The PDF is encrypted.",
    )

    response = staff_client.get(admin_url("change", file.document.pk))

    assert '<ul class="errorlist"><li>The PDF is encrypted.</li></ul>' in response.text


# --- Bulk upload -------------------------------------------------------------------------

def test_bulk_upload_creates_drafts_and_lists_rejected_files(
    staff_client, superuser, archive_dir
):
    files = [
        upload("Доклад_о_миграции_ru.txt", "Доклад о трудовых мигрантах.".encode()),
        upload("Fact sheet (EN).txt", b"Fact sheet on refugee protection."),
        upload("setup.pdf", EXECUTABLE),
        upload("empty.txt", b""),
    ]

    posted = staff_client.post(admin_url("bulk_upload"), {
        "files": files, "doc_type": "fact_sheet", "date": "2025-03-01",
        "access": AccessLevel.PARTICIPANTS, "language": "auto",
    })
    response = staff_client.get(posted.url)

    assert posted.url == admin_url("bulk_upload_results")
    assert response.status_code == 200
    created = response.context["result"].created
    assert sorted((d.title_ru, d.title_en, d.status, d.access) for d in created) == [
        ("", "Fact sheet", PublicationStatus.DRAFT, AccessLevel.PARTICIPANTS),
        ("Доклад о миграции", "", PublicationStatus.DRAFT, AccessLevel.PARTICIPANTS),
    ]
    assert sorted(DocumentFile.objects.values_list("language", "uploaded_by")) == [
        ("en", superuser.pk), ("ru", superuser.pk),
    ]
    for document in created:
        assert f'href="{admin_url("change", document.pk)}"' in response.text
    rejected = dict(response.context["result"].rejected)
    assert set(rejected) == {"setup.pdf", "empty.txt"}
    assert rejected["setup.pdf"] == error_of(EXECUTABLE, "setup.pdf")
    for message in rejected.values():
        assert html.escape(message) in response.text


def test_bulk_upload_results_without_an_upload_go_back_to_the_form(staff_client):
    response = staff_client.get(admin_url("bulk_upload_results"))

    assert response.url == admin_url("bulk_upload")


def test_bulk_upload_without_files_shows_the_form_again(staff_client):
    response = staff_client.post(admin_url("bulk_upload"), {
        "doc_type": "report", "date": "2025-03-01", "access": "public", "language": "auto",
    })

    assert response.status_code == 200
    assert response.context["form"].errors == {"files": ["Обязательное поле."]}
    assert Document.objects.count() == 0


def test_changelist_links_to_bulk_upload_and_translation_status(staff_client):
    response = staff_client.get(admin_url("changelist"))

    assert f'href="{admin_url("bulk_upload")}"' in response.text
    assert f'href="{admin_url("translation_status")}"' in response.text


# --- Translation status -------------------------------------------------------------------

def _complete(title_ru: str) -> Document:
    document = DocumentFactory(title_ru=title_ru)
    DocumentFileFactory(document=document, language=FileLanguage.RUSSIAN)
    DocumentFileFactory(document=document, language=FileLanguage.ENGLISH)
    return document


def test_translation_status_lists_exactly_the_documents_with_gaps(staff_client):
    _complete("Полный")
    no_english_title = DocumentFactory(title_ru="Без английского названия", title_en="")
    DocumentFileFactory(document=no_english_title, language=FileLanguage.RUSSIAN)
    DocumentFileFactory(document=no_english_title, language=FileLanguage.ENGLISH)
    only_russian_file = DocumentFactory(title_ru="Только русский файл")
    DocumentFileFactory(document=only_russian_file, language=FileLanguage.RUSSIAN)
    withdrawn = DocumentFactory(title_ru="Старая версия", title_en="",
                                status=PublicationStatus.WITHDRAWN)

    everything = staff_client.get(admin_url("translation_status"))
    english_files = staff_client.get(admin_url("translation_status") + "?gap=en_file")

    assert {row[0] for row in everything.context["rows"]} == {
        no_english_title, only_russian_file,
    }
    assert withdrawn.title_ru not in everything.text
    assert [(document, [[str(gap) for gap in gaps] for gaps in missing])
            for document, missing in english_files.context["rows"]] == [
        (only_russian_file, [[], ["нет файла"]]),
    ]
    counts = everything.context["counts"]
    assert (counts["any"], counts["en_title"], counts["en_file"], counts["ru_file"]) == (
        2, 1, 1, 0,
    )
    assert f'href="{admin_url("change", only_russian_file.pk)}"' in everything.text


def test_changelist_filter_missing_english_file(staff_client):
    _complete("Полный")
    russian_only = DocumentFactory(title_ru="Только по-русски")
    DocumentFileFactory(document=russian_only, language=FileLanguage.RUSSIAN)

    response = staff_client.get(admin_url("changelist") + "?missing=en_file")

    assert list(response.context["cl"].result_list) == [russian_only]


# --- Access ---------------------------------------------------------------------------------

@pytest.mark.parametrize("view", ["bulk_upload", "bulk_upload_results", "translation_status"])
def test_custom_views_redirect_non_staff_to_login(client, view):
    client.force_login(UserFactory())

    response = client.get(admin_url(view))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("view", ["bulk_upload", "bulk_upload_results", "translation_status"])
def test_custom_views_forbid_staff_without_permission(client, view):
    client.force_login(StaffUserFactory())

    response = client.get(admin_url(view))

    assert response.status_code == 403


def test_staff_with_view_permission_sees_translation_status_not_bulk_upload(client):
    user = StaffUserFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_document"))
    client.force_login(user)

    assert client.get(admin_url("translation_status")).status_code == 200
    assert client.get(admin_url("bulk_upload")).status_code == 403


# --- Query counts ------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [1, 3])
def test_changelist_query_count_does_not_grow_with_documents(
    staff_client, django_assert_num_queries, count
):
    for index in range(count):
        document = DocumentFactory(date=datetime.date(2020 + index, 1, 1))
        DocumentFileFactory(document=document)

    with django_assert_num_queries(7):
        response = staff_client.get(admin_url("changelist"))

    assert len(response.context["cl"].result_list) == count


@pytest.mark.parametrize("count", [1, 3])
def test_translation_status_query_count_does_not_grow_with_documents(
    staff_client, django_assert_num_queries, count
):
    DocumentFactory.create_batch(count, title_en="")

    with django_assert_num_queries(5):
        response = staff_client.get(admin_url("translation_status"))

    assert len(response.context["rows"]) == count


# --- In Chromium ---------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_bulk_upload_of_several_files_in_chromium(live_server, page, archive_dir):
    from playwright.sync_api import expect

    StaffUserFactory(email="secretariat@example.org", is_superuser=True)
    blocked = []
    page.on("console", lambda message: blocked.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.goto(f"{live_server.url}/ru/admin/login/")
    page.locator("#id_username").fill("secretariat@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("input[type=submit]").click()
    page.goto(f"{live_server.url}/ru/admin/archive/document/")
    page.get_by_role("link", name="Загрузить несколько файлов").click()

    page.get_by_label("Файлы").set_input_files([
        {"name": "Доклад_ru.txt", "mimeType": "text/plain",
         "buffer": "Доклад о беженцах.".encode()},
        {"name": "Report_en.txt", "mimeType": "text/plain", "buffer": b"Report on refugees."},
        {"name": "setup.pdf", "mimeType": "application/pdf", "buffer": EXECUTABLE},
    ])
    page.get_by_label("Тип").select_option("report")
    page.get_by_label("Дата").fill("2025-03-01")
    page.get_by_role("button", name="Загрузить").click()

    created = page.locator("#bulk-created")
    expect(created.get_by_role("heading")).to_have_text("Создано 2 черновика документов")
    expect(created.get_by_role("link", name="Доклад")).to_be_visible()
    expect(created.get_by_role("link", name="Report")).to_be_visible()
    expect(page.locator("#bulk-rejected")).to_contain_text("setup.pdf")
    assert blocked == []
    assert sorted(Document.objects.values_list("title_ru", "title_en")) == [
        ("", "Report"), ("Доклад", ""),
    ]


def test_delete_confirmation_leaves_out_the_search_term_weights(staff_client, archive_dir):
    document = DocumentFactory(title_en="Report on remittances")
    DocumentFileFactory(document=document, language=FileLanguage.ENGLISH,
                        content=b"Remittances and remittance costs in the region.")
    document_index(document_id=document.pk)

    response = staff_client.get(admin_url("delete", document.pk))

    assert response.status_code == 200
    assert DocumentTerm.objects.filter(document=document).count() == 3  # remitt, cost, region
    assert "document term" not in response.content.decode().lower()
