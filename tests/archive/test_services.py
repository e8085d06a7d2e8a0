"""Archive services: documents, files (nothing half-saved), publication,
bulk upload, and text extraction in-process and through the real worker."""

import datetime
import os
import threading
import time
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction

from archive import services, tasks
from archive.enums import AccessLevel, DocumentType, ExtractionStatus, PublicationStatus
from archive.models import Document, DocumentFile
from archive.search import documents_search
from tests.factories.archive import DocumentFactory, DocumentFileFactory, ThemeFactory
from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

from .conftest import MIME, RU_TEXT, stored_files, upload

# The messages asserted are the Russian ones (the default language).

DAY = datetime.date(2024, 5, 15)
DOCX_NAME = "Доклад_о_миграции_ru.docx"


@pytest.fixture
def staff(db):
    return StaffUserFactory()


def create(staff, **kwargs) -> Document:
    values = {"created_by": staff, "doc_type": DocumentType.REPORT, "date": DAY, **kwargs}
    return services.document_create(**values)


def add(document, staff, name="доклад.txt", content=b"", language="ru"):
    return services.document_file_add(
        document=document, upload=upload(name, content), language=language, uploaded_by=staff,
    )


# --- document_create / document_update -------------------------------------------

def test_document_create_makes_draft_with_slug_from_english_title(staff):
    document = create(staff, title_ru="Доклад о миграции", title_en="Migration report")

    assert document.status == PublicationStatus.DRAFT
    assert document.published_at is None
    assert document.slug == "migration-report"
    assert document.created_by == staff


def test_document_create_transliterates_russian_title_for_slug(staff):
    document = create(staff, title_ru="Щит и жёлтая вьюга")

    assert document.slug == "shchit-i-zheltaia-viuga"


def test_document_create_makes_slug_unique(staff):
    first = create(staff, title_en="Action plan")
    second = create(staff, title_en="Action plan")

    assert (first.slug, second.slug) == ("action-plan", "action-plan-2")


def test_document_create_avoids_numeric_slug(staff):
    assert create(staff, title_en="2024").slug == "2024-2"


def test_document_create_refuses_numeric_slug_given(staff):
    with pytest.raises(ValidationError) as caught:
        create(staff, title_en="Plan", slug="2024")

    assert caught.value.message_dict == {"slug": [
        "Адрес не может состоять из одних цифр: /archive/<номер>/ — это номер документа."
    ]}


def test_document_create_without_title_is_refused(staff):
    with pytest.raises(ValidationError) as caught:
        create(staff, title_ru="  ", title_en="")

    assert caught.value.messages == ["Укажите название документа на русском или английском языке."]
    assert Document.objects.count() == 0


def test_document_create_refuses_taken_reference(staff):
    create(staff, title_en="First", reference="AP/SOM/2024/3")

    with pytest.raises(ValidationError) as caught:
        create(staff, title_en="Second", reference="AP/SOM/2024/3")

    assert caught.value.messages == ["Это условное обозначение уже есть у другого документа."]


def test_document_create_sets_relations_and_records_who(staff):
    theme = ThemeFactory()
    state = ParticipantStateFactory()

    document = create(staff, title_en="Plan", themes=[theme], states=[state],
                      access=AccessLevel.PARTICIPANTS)

    assert list(document.themes.all()) == [theme]
    assert list(document.states.all()) == [state]
    assert document.access == AccessLevel.PARTICIPANTS
    assert {entry.history_user for entry in document.history.all()} == {staff}


def test_document_create_indexes_for_search_on_commit(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = create(staff, title_ru="Защита беженцев")

    assert list(documents_search(Document.objects.all(), "беженец")) == [document]


def test_document_update_changes_fields_and_reindexes(staff, django_capture_on_commit_callbacks):
    document = create(staff, title_en="Draft title")
    editor = StaffUserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.document_update(
            document=document, updated_by=editor,
            data={"title_ru": "Права мигрантов", "summary_en": "Rights.", "themes": []},
        )

    document.refresh_from_db()
    assert (document.title_ru, document.title_en, document.summary_en) == (
        "Права мигрантов", "Draft title", "Rights.",
    )
    assert document.updated_by == editor
    assert document.created_by == staff
    assert document.history.first().history_user == editor
    assert list(documents_search(Document.objects.all(), "мигрант")) == [document]


def test_document_update_refuses_removing_both_titles(staff):
    document = create(staff, title_en="Plan")

    with pytest.raises(ValidationError) as caught:
        services.document_update(document=document, data={"title_en": ""}, updated_by=staff)

    assert caught.value.code == "title_required"
    document.refresh_from_db()
    assert document.title_en == "Plan"


def test_document_update_refuses_status_change(staff):
    document = create(staff, title_en="Plan")

    with pytest.raises(TypeError):
        services.document_update(document=document, data={"status": "published"},
                                 updated_by=staff)


# --- document_file_add -------------------------------------------------------------

def test_document_file_add_stores_file_under_its_hash(staff, archive_dir, samples):
    document = create(staff, title_ru="Доклад")

    document_file = add(document, staff, name="C:\\docs\\доклад.PDF", content=samples["pdf"])

    assert document_file.original_filename == "доклад.PDF"
    assert document_file.mime_type == MIME["pdf"]
    assert document_file.size == len(samples["pdf"])
    assert document_file.extraction_status == ExtractionStatus.PENDING
    assert document_file.file.name == f"archive/{document_file.sha256[:2]}/{document_file.sha256}"
    assert stored_files(archive_dir) == [archive_dir / document_file.file.name]
    assert (archive_dir / document_file.file.name).read_bytes() == samples["pdf"]


def test_document_file_add_extracts_text_after_commit(
    staff, archive_dir, samples, django_capture_on_commit_callbacks
):
    document = create(staff, title_en="Labour migration")

    with django_capture_on_commit_callbacks(execute=True):
        document_file = add(document, staff, name=DOCX_NAME, content=samples["docx"])

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.page_count == 3
    assert RU_TEXT in document_file.extracted_text
    assert list(documents_search(Document.objects.all(), "беженцы")) == [document]


def test_document_file_add_rejects_renamed_executable_leaving_nothing(staff, archive_dir):
    document = create(staff, title_ru="Доклад")

    with pytest.raises(ValidationError) as caught:
        add(document, staff, name="report.pdf", content=Path("/bin/true").read_bytes())

    assert caught.value.code == "file_type"
    assert DocumentFile.objects.count() == 0
    assert stored_files(archive_dir) == []


def test_document_file_add_rejects_duplicate_naming_the_holder(staff, archive_dir, samples):
    holder = create(staff, title_ru="Первый доклад")
    add(holder, staff, content=samples["txt"])
    other = create(staff, title_ru="Второй доклад")

    with pytest.raises(ValidationError) as caught:
        add(other, staff, name="копия.txt", content=samples["txt"])

    assert caught.value.code == "duplicate"
    assert caught.value.messages == [
        ("Файл «копия.txt» уже есть в архиве: такой же файл прикреплён к документу "
        "«Первый доклад».")
    ]
    assert DocumentFile.objects.count() == 1
    assert len(stored_files(archive_dir)) == 1


def test_document_file_add_rejects_second_file_in_same_language(staff, archive_dir, samples):
    document = create(staff, title_ru="Доклад")
    add(document, staff, content=samples["txt"])

    with pytest.raises(ValidationError) as caught:
        add(document, staff, name="доклад.odt", content=samples["odt"])

    assert caught.value.code == "language_taken"
    assert caught.value.messages == [
        ("У документа «Доклад» уже есть файл на этом языке (Русский): "
        "чтобы заменить его, сначала удалите прежний файл.")
    ]
    assert len(stored_files(archive_dir)) == 1


def test_document_file_add_accepts_both_languages_and_several_others(staff, archive_dir, samples):
    document = create(staff, title_ru="Доклад")

    for sample, language in (("pdf", "ru"), ("docx", "en"), ("xlsx", "other"), ("pptx", "other")):
        add(document, staff, name=f"file.{sample}", content=samples[sample], language=language)

    assert sorted(document.files.values_list("language", flat=True)) == [
        "en", "other", "other", "ru",
    ]
    assert len(stored_files(archive_dir)) == 4


def test_document_file_add_records_who_uploaded(staff, archive_dir, samples):
    document_file = add(create(staff, title_ru="Доклад"), staff, content=samples["txt"])

    assert document_file.uploaded_by == staff
    assert document_file.history.get().history_user == staff


def _wait_for_lock_waiter(timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the second upload never waited for the first")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_document_file_add_concurrent_duplicate_becomes_duplicate_error(
    postgresql_only, archive_dir, samples
):
    staff = StaffUserFactory()
    first = create(staff, title_ru="Первый доклад")
    second = create(staff, title_ru="Второй доклад")
    first_inserted, release = threading.Event(), threading.Event()
    outcome = {}

    def first_upload():
        try:
            with transaction.atomic():
                add(first, staff, content=samples["txt"])
                first_inserted.set()
                release.wait(10)
        finally:
            connection.close()

    def second_upload():
        try:
            add(second, staff, name="копия.txt", content=samples["txt"])
        except ValidationError as exc:
            outcome["error"] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=first_upload), threading.Thread(target=second_upload)]
    threads[0].start()
    assert first_inserted.wait(10)
    # The second upload does not see the uncommitted row: it passes the
    # duplicate check and waits on the unique index until the first commits.
    threads[1].start()
    _wait_for_lock_waiter()
    release.set()
    for thread in threads:
        thread.join(20)

    assert outcome["error"].code == "duplicate"
    assert outcome["error"].messages == [
        ("Файл «копия.txt» уже есть в архиве: такой же файл прикреплён к документу "
        "«Первый доклад».")
    ]
    assert list(DocumentFile.objects.values_list("document_id", flat=True)) == [first.pk]
    assert stored_files(archive_dir) == [archive_dir / DocumentFile.objects.get().file.name]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_document_create_concurrent_same_title_gets_next_slug(postgresql_only):
    staff = StaffUserFactory()
    first_inserted, release = threading.Event(), threading.Event()
    created = {}

    def first_create():
        try:
            with transaction.atomic():
                created["first"] = create(staff, title_en="Action plan")
                first_inserted.set()
                release.wait(10)
        finally:
            connection.close()

    def second_create():
        try:
            created["second"] = create(staff, title_en="Action plan")
        finally:
            connection.close()

    threads = [threading.Thread(target=first_create), threading.Thread(target=second_create)]
    threads[0].start()
    assert first_inserted.wait(10)
    threads[1].start()
    _wait_for_lock_waiter()
    release.set()
    for thread in threads:
        thread.join(20)

    assert (created["first"].slug, created["second"].slug) == ("action-plan", "action-plan-2")
    assert sorted(Document.objects.values_list("slug", flat=True)) == [
        "action-plan", "action-plan-2",
    ]


# --- publication -----------------------------------------------------------------

def test_document_publish_sets_published_at_once(staff):
    document = create(staff, title_ru="Доклад")

    services.document_publish(document=document, by=staff)
    document.refresh_from_db()
    first_published = document.published_at
    services.document_withdraw(document=document, by=staff)
    services.document_publish(document=document, by=staff)
    document.refresh_from_db()

    assert document.status == PublicationStatus.PUBLISHED
    assert first_published is not None
    assert document.published_at == first_published
    assert document.updated_by == staff


def test_document_publish_without_title_is_refused(staff):
    document = DocumentFactory(status=PublicationStatus.DRAFT, title_ru="", title_en="")

    with pytest.raises(ValidationError) as caught:
        services.document_publish(document=document, by=staff)

    assert caught.value.code == "title_required"
    document.refresh_from_db()
    assert document.status == PublicationStatus.DRAFT


def test_document_withdraw_keeps_record_and_files(staff):
    document_file = DocumentFileFactory()
    document = document_file.document

    services.document_withdraw(document=document, by=staff)

    document.refresh_from_db()
    assert document.status == PublicationStatus.WITHDRAWN
    assert list(document.files.all()) == [document_file]
    assert document.history.first().history_user == staff


def test_document_withdraw_of_draft_is_refused(staff):
    document = create(staff, title_ru="Доклад")

    with pytest.raises(ValidationError) as caught:
        services.document_withdraw(document=document, by=staff)

    assert caught.value.messages == ["Снять с публикации можно только опубликованный документ."]


# --- bulk upload ----------------------------------------------------------------

def test_documents_bulk_upload_creates_drafts_and_reports_bad_files(staff, archive_dir, samples):
    uploads = [
        upload(DOCX_NAME, samples["docx"]),
        upload("Action_plan-EN.pdf", samples["pdf"]),
        upload("virus.pdf", Path("/bin/true").read_bytes()),
        upload("пусто.txt", b""),
        upload("копия (RU).docx", samples["docx"]),
        upload("Записка.odt", samples["odt"]),
    ]

    result = services.documents_bulk_upload(
        uploads=uploads, uploaded_by=staff, doc_type=DocumentType.REPORT, date=DAY,
        access=AccessLevel.PUBLIC, language="auto",
    )

    assert [(d.title_ru, d.title_en) for d in result.created] == [
        ("Доклад о миграции", ""), ("", "Action plan"), ("Записка", ""),
    ]
    assert [d.files.get().language for d in result.created] == ["ru", "en", "ru"]
    assert {d.status for d in result.created} == {PublicationStatus.DRAFT}
    assert [name for name, _ in result.rejected] == ["virus.pdf", "пусто.txt", "копия (RU).docx"]
    assert result.rejected[1][1] == "Файл «пусто.txt» пуст."
    assert result.rejected[2][1] == (
        "Файл «копия (RU).docx» уже есть в архиве: такой же файл прикреплён к документу "
        "«Доклад о миграции»."
    )
    assert Document.objects.count() == 3
    assert len(stored_files(archive_dir)) == 3


def test_documents_bulk_upload_uses_the_given_language(staff, archive_dir, samples):
    result = services.documents_bulk_upload(
        uploads=[upload("Plan_ru.txt", samples["txt"])], uploaded_by=staff,
        doc_type=DocumentType.ACTION_PLAN, date=DAY, access=AccessLevel.SECRETARIAT,
        language="en",
    )

    document = result.created[0]
    assert (document.title_en, document.doc_type, document.access) == (
        "Plan", DocumentType.ACTION_PLAN, AccessLevel.SECRETARIAT,
    )
    assert document.files.get().language == "en"


@pytest.mark.parametrize(
    ("name", "language", "title"),
    [
        ("report_ru.pdf", "ru", "report"),
        ("Report-EN.pdf", "en", "Report"),
        ("Доклад (EN).docx", "en", "Доклад"),
        ("plan.eng.txt", "en", "plan"),
        ("Итоги_встречи.pdf", "ru", "Итоги встречи"),
        ("en.pdf", "ru", "en"),
        ("Green_plan.pdf", "ru", "Green plan"),
        ("Garden.pdf", "ru", "Garden"),
        ("Доклад(en).pdf", "en", "Доклад"),
    ],
)
def test_filename_gives_language_and_title(name, language, title):
    assert services.language_from_filename(name) == language
    assert services.title_from_filename(name) == title


# --- text extraction ----------------------------------------------------------------

def test_document_file_extract_records_failure_of_corrupt_pdf(staff, archive_dir, samples):
    # A corrupt PDF is refused at upload (archive.pdf_safety): here the
    # stored file is damaged afterwards, on disk.
    document_file = add(create(staff, title_ru="Доклад"), staff, name="broken.pdf",
                        content=samples["pdf"])
    (archive_dir / document_file.file.name).write_bytes(b"%PDF-1.4\n" + b"\x8f garbage " * 200)

    services.document_file_extract(file_id=document_file.pk)

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert document_file.extraction_error != ""
    assert document_file.extracted_text == ""
    assert document_file.page_count is None


def test_document_file_extract_records_missing_file(staff, archive_dir, samples):
    document_file = add(create(staff, title_ru="Доклад"), staff, content=samples["txt"])
    (archive_dir / document_file.file.name).unlink()

    services.document_file_extract(file_id=document_file.pk)

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.FAILED
    assert "No such file" in document_file.extraction_error


def test_document_file_extract_is_idempotent_once_done(staff, archive_dir, samples):
    document_file = add(create(staff, title_ru="Доклад"), staff, content=samples["txt"])
    services.document_file_extract(file_id=document_file.pk)
    DocumentFile.objects.filter(pk=document_file.pk).update(extracted_text="kept")

    services.document_file_extract(file_id=document_file.pk)

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extracted_text == "kept"


def test_document_file_extract_retries_a_failed_file(staff, archive_dir, samples):
    document_file = add(create(staff, title_ru="Доклад"), staff, content=samples["txt"])
    DocumentFile.objects.filter(pk=document_file.pk).update(
        extraction_status=ExtractionStatus.FAILED, extraction_error="earlier failure"
    )

    services.document_file_extract(file_id=document_file.pk)

    document_file.refresh_from_db()
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.extraction_error == ""
    assert document_file.extracted_text.startswith(RU_TEXT)


def test_extract_file_task_of_deleted_file_returns_missing(db):
    assert tasks.extract_file.delay(987654).get() == "missing"


def test_index_document_task_indexes_document(db):
    document = DocumentFactory(title_ru="Беженцы и мигранты")

    assert tasks.index_document.delay(document.pk).get() == "indexed"
    assert list(documents_search(Document.objects.all(), "беженец")) == [document]


# --- storage housekeeping -------------------------------------------------------

def test_archive_orphan_files_delete_removes_old_files_without_row(staff, archive_dir, samples):
    kept = add(create(staff, title_ru="Доклад"), staff, content=samples["txt"])
    storage = kept.file.storage
    old = storage.save("archive/ab/old-orphan", ContentFile(b"old"))
    day_ago = time.time() - 24 * 3600
    os.utime(archive_dir / old, (day_ago, day_ago))
    recent = storage.save("archive/ab/recent-orphan", ContentFile(b"recent"))

    deleted = services.archive_orphan_files_delete()

    assert deleted == [old]
    assert stored_files(archive_dir) == sorted([archive_dir / kept.file.name,
                                                archive_dir / recent])
    assert tasks.delete_orphan_files.delay().get() == 0


def test_file_of_a_rolled_back_outer_transaction_is_swept(staff, archive_dir, samples):
    document = create(staff, title_ru="Доклад")

    def upload_then_fail():
        with transaction.atomic():
            add(document, staff, content=samples["txt"])
            raise RuntimeError("the caller fails after the upload")

    with pytest.raises(RuntimeError):
        upload_then_fail()

    assert DocumentFile.objects.count() == 0
    assert len(stored_files(archive_dir)) == 1
    services.archive_orphan_files_delete(older_than=datetime.timedelta(0))
    assert stored_files(archive_dir) == []


@pytest.mark.celery_worker
def test_uploaded_file_text_is_extracted_by_the_worker(celery_worker, samples):
    staff = StaffUserFactory()
    document = create(staff, title_en="Labour migration in Central Asia")

    # No surrounding transaction: the commit hook sends the task to Redis at once.
    document_file = add(document, staff, name=DOCX_NAME, content=samples["docx"])

    def extracted_and_indexed() -> bool:
        # The worker marks the file done, then indexes the document.
        document_file.refresh_from_db()
        return document_file.extraction_status == ExtractionStatus.FAILED or (
            documents_search(Document.objects.all(), "беженец").exists()
        )

    deadline = time.monotonic() + 60
    while not extracted_and_indexed() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert document_file.extraction_status == ExtractionStatus.DONE
    assert document_file.page_count == 3
    assert RU_TEXT in document_file.extracted_text
    assert list(documents_search(Document.objects.all(), "беженец")) == [document]
    document_file.file.delete(save=False)


# --- Deleting -----------------------------------------------------------------

def test_document_file_delete_removes_the_row_then_the_stored_file(
    staff, archive_dir, samples, django_capture_on_commit_callbacks
):
    document = create(staff, title_en="Report")
    document_file = services.document_file_add(
        document=document, upload=upload("report.pdf", samples["pdf"]), language="ru",
        uploaded_by=staff,
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.document_file_delete(document_file=document_file, by=staff)

    assert not DocumentFile.objects.filter(document=document).exists()
    assert stored_files(archive_dir) == []
    assert DocumentFile.history.filter(history_type="-").get().history_user == staff


def test_document_file_delete_rolled_back_keeps_the_stored_file(staff, archive_dir, samples):
    document = create(staff, title_en="Report")
    document_file = services.document_file_add(
        document=document, upload=upload("report.pdf", samples["pdf"]), language="ru",
        uploaded_by=staff,
    )
    pk, stored = document_file.pk, archive_dir / document_file.file.name

    def delete_then_fail():
        with transaction.atomic():
            services.document_file_delete(document_file=document_file, by=staff)
            raise RuntimeError

    with pytest.raises(RuntimeError):
        delete_then_fail()

    assert DocumentFile.objects.filter(pk=pk).exists()
    assert stored_files(archive_dir) == [stored]


def test_documents_delete_removes_documents_files_and_stored_bytes(
    staff, archive_dir, samples, django_capture_on_commit_callbacks
):
    kept = create(staff, title_en="Kept")
    gone = create(staff, title_en="Gone")
    services.document_file_add(
        document=gone, upload=upload("gone.pdf", samples["pdf"]), language="ru",
        uploaded_by=staff,
    )

    with django_capture_on_commit_callbacks(execute=True):
        count = services.documents_delete(documents=Document.objects.filter(pk=gone.pk))

    assert count == 1
    assert list(Document.objects.all()) == [kept]
    assert stored_files(archive_dir) == []
