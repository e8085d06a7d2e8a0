"""Bulk import of an existing archive (issue 27, section 1): the manifest of
the five seed documents (tests/data/archive_import/), dry runs and their
reasons, idempotent real runs keyed on the symbol or the checksum, a
document imported whole or not at all, duplicates, manifests that cannot be
used, the command and its progress bar."""

from __future__ import annotations

import datetime
import io
import shutil
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from archive.enums import ImportOutcome, ImportStatus, PublicationStatus
from archive.imports import (
    ManifestError,
    archive_import_from_command,
    archive_import_request,
    manifest_read,
)
from archive.imports.report import text
from archive.models import ArchiveImport, Document, DocumentFile
from archive.search import documents_search
from tests.factories.archive import DocumentFactory, ThemeFactory
from tests.factories.meetings import MeetingFactory
from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

from .conftest import make_text, upload

SEEDS = Path(__file__).resolve().parents[1] / "data" / "archive_import"
COLUMNS = ("symbol,title_ru,title_en,summary_ru,summary_en,date,type,access,status,themes,"
           "states,meeting,language,file")
TODAY = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=datetime.UTC)

pytestmark = pytest.mark.usefixtures("archive_dir")


@pytest.fixture
def seed_states(db):
    for iso2, iso3 in (("KZ", "KAZ"), ("KG", "KGZ"), ("TJ", "TJK")):
        ParticipantStateFactory(iso2=iso2, iso3=iso3)
    for slug in ("refugee-protection", "labour-migration", "mass-influx",
                 "migration-development", "border-management"):
        ThemeFactory(slug=slug)


@pytest.fixture
def files(tmp_path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


def write_manifest(folder: Path, *rows: str, header: str = COLUMNS) -> Path:
    path = folder.parent / "manifest.csv"
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def run(manifest: Path, files: Path, *, dry_run=False, capture=None) -> ArchiveImport:
    if capture is None:
        return archive_import_from_command(manifest=manifest, files_dir=files, dry_run=dry_run)
    with capture(execute=True):
        return archive_import_from_command(manifest=manifest, files_dir=files, dry_run=dry_run)


def outcomes(archive_import: ArchiveImport) -> list[tuple[int, str]]:
    return [(entry["line"], entry["outcome"]) for entry in archive_import.report]


def reasons(archive_import: ArchiveImport, line: int) -> list[str]:
    with translation.override("en"):
        return [text(detail) for entry in archive_import.report if entry["line"] == line
                for detail in entry["details"]]


# --- The seeds' manifest ------------------------------------------------------------------

def test_seed_manifest_dry_run_reports_five_creations_and_writes_nothing(seed_states):
    archive_import = run(SEEDS / "manifest.csv", SEEDS / "files", dry_run=True)

    assert archive_import.status == ImportStatus.DONE
    assert outcomes(archive_import) == [(line, "created") for line in range(2, 7)]
    assert (archive_import.created_count, archive_import.refused_count) == (5, 0)
    assert Document.objects.count() == 0
    assert DocumentFile.objects.count() == 0


def test_seed_manifest_imports_published_documents_found_by_search(
    seed_states, django_capture_on_commit_callbacks
):
    archive_import = run(SEEDS / "manifest.csv", SEEDS / "files",
                         capture=django_capture_on_commit_callbacks)

    assert archive_import.created_count == 5
    assert Document.objects.filter(status=PublicationStatus.PUBLISHED).count() == 5
    mechanism = Document.objects.get(title_en="Almaty Process: Operational Mechanism")
    assert sorted(mechanism.states.values_list("iso2", flat=True)) == ["KG", "KZ", "TJ"]
    assert mechanism.files.get().extraction_status == "done"
    found = documents_search(Document.objects.all(), "семинар БОМКА")
    assert found[0].title_en == "Best ways of reintegrating migrants discussed at a BOMCA seminar"
    framework = documents_search(Document.objects.all(), "рамочная программа сотрудничества")
    assert Document.objects.get(reference="AP/RCF/2012") in list(framework)
    prague = documents_search(Document.objects.all(), "Prague Process")
    assert "The Prague Process: a strategic dialogue on migration" in [
        document.title_en for document in prague]


def test_seed_manifest_second_run_changes_nothing(seed_states, django_capture_on_commit_callbacks):
    run(SEEDS / "manifest.csv", SEEDS / "files", capture=django_capture_on_commit_callbacks)
    history = Document.history.count()

    again = run(SEEDS / "manifest.csv", SEEDS / "files", capture=django_capture_on_commit_callbacks)

    assert outcomes(again) == [(line, "unchanged") for line in range(2, 7)]
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 5)
    assert Document.objects.count() == 5
    assert DocumentFile.objects.count() == 5
    assert Document.history.count() == history


# --- Dry run: what would be refused and why ----------------------------------------------

def test_dry_run_reports_each_refusal_with_its_line_and_writes_nothing(db, files):
    ThemeFactory(slug="labour-migration")
    (files / "a.txt").write_bytes(make_text("utf-8"))
    (files / "b.txt").write_bytes("Другой текст о миграции.".encode())
    (files / "c.txt").write_bytes(b"A third text on migration.")
    (files / "page.html").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    manifest = write_manifest(
        files,
        "S/1,Доклад,,,,2024-01-10,report,public,,no-such-theme,,,ru,a.txt",
        "S/2,Доклад,,,,2024-01-10,report,public,,,,,ru,missing.pdf",
        "S/3,Доклад,,,,2024-01-10,report,public,,,,,ru,page.html",
        "S/4,Доклад,,,,2026-04-01,report,public,,,,,ru,b.txt",
        "S/5,Доклад,,,,2024-01-10,report,public,,labour-migration,,,en,c.txt",
        "S/5,Доклад,,,,2024-01-10,report,public,,,,,en,../outside.txt",
    )

    with time_machine.travel(TODAY, tick=False):
        archive_import = run(manifest, files, dry_run=True)

    assert [line for line, outcome in outcomes(archive_import) if outcome == "refused"] == [
        2, 3, 4, 5, 6, 7]
    assert reasons(archive_import, 2) == [
        ("Unknown theme “no-such-theme”: themes are named by their slug (border-management, "
        "climate, data-exchange, differentiated-procedures, gender, health, labour-migration, "
        "mass-influx, migrant-smuggling, migration-development, refugee-protection).")]
    assert reasons(archive_import, 3) == ["The file “missing.pdf” is not in the folder of files."]
    assert reasons(archive_import, 4)[0].startswith("“page.html” is not a PDF, Word (DOCX)")
    assert reasons(archive_import, 5) == ["The date 2026-04-01 is in the future."]
    assert reasons(archive_import, 7) == [
        "The file path “../outside.txt” leads outside the folder of files.",
        "Line 6 already gives the English file of the document “S/5”.",
    ]
    assert reasons(archive_import, 6) == [
        "Refused with line 7 of the same document: a document is imported whole or not at all."]
    assert Document.objects.count() == 0
    assert archive_import.refused_count == 5


def test_two_rows_with_the_same_file_are_refused(db, files):
    (files / "a.txt").write_bytes(make_text("utf-8"))
    shutil.copy(files / "a.txt", files / "copy.txt")
    manifest = write_manifest(files, "A/1,Первый,,,,2024-01-10,report,,,,,,ru,a.txt",
                              "A/2,Второй,,,,2024-01-10,report,,,,,,ru,copy.txt")

    archive_import = run(manifest, files, dry_run=True)

    assert outcomes(archive_import) == [(2, "created"), (3, "refused")]
    assert reasons(archive_import, 3) == ["The same file (by its checksum) as on line 2."]


def test_manifest_values_checked_row_by_row(db, files):
    (files / "a.txt").write_bytes(make_text("utf-8"))
    manifest = write_manifest(files, "X,,,,,10 March,memo,everyone,maybe,,ZZ,,fr,a.txt")

    archive_import = run(manifest, files, dry_run=True)

    assert reasons(archive_import, 2) == [
        "Unknown language “fr”: write ru, en or other.",
        "“10 March” is not a date: write it as YYYY-MM-DD (for example 2024-09-17).",
        ("Unknown document type “memo”: write one of declaration, operational_mechanism, "
        "action_plan, agenda, concept_note, report, conclusions, statement, presentation, "
        "study, fact_sheet, press_release, news, other."),
        ("Unknown access level “everyone”: write one of public, observers, participants, "
        "secretariat."),
        "Unknown status “maybe”: write published or draft.",
        "Unknown state “ZZ”: states are named by their ISO code (for example KZ or KAZ).",
        "Give the document a title in Russian or in English.",
        "A new document needs a date.",
        "A new document needs a type.",
    ]


# --- Real runs: idempotent, updates, whole documents -----------------------------------

def test_second_run_updates_what_changed_and_creates_nothing_twice(db, files):
    ThemeFactory(slug="labour-migration")
    (files / "ru.txt").write_bytes(make_text("utf-8"))
    row = "AP/1,Доклад,Report,,,2024-01-10,report,public,,,,,ru,ru.txt"
    run(write_manifest(files, row), files)
    (files / "en.txt").write_bytes(b"Report on labour migration in English.")

    archive_import = run(write_manifest(
        files, row.replace("Report,", "Annual report,").replace(",,,,ru", ",labour-migration,,,ru"),
        "AP/1,,,,,,,,,,,,en,en.txt"), files)

    assert outcomes(archive_import) == [(2, "updated"), (3, "updated")]
    assert reasons(archive_import, 2) == ["The Russian file “ru.txt” is already there.",
                                          "Changed: title [en], themes."]
    assert reasons(archive_import, 3) == ["New English file “en.txt”."]
    document = Document.objects.get()
    assert document.title_en == "Annual report"
    assert sorted(document.files.values_list("language", flat=True)) == ["en", "ru"]
    assert list(document.themes.values_list("slug", flat=True)) == ["labour-migration"]


def test_without_a_symbol_the_checksum_finds_the_document_again(db, files):
    (files / "a.txt").write_bytes(make_text("utf-8"))
    manifest = write_manifest(files, ",Доклад,,,,2024-01-10,report,,,,,,ru,a.txt")
    run(manifest, files)

    again = run(write_manifest(files, ",Доклад о миграции,,,,2024-01-10,report,,,,,,ru,a.txt"),
                files)

    assert outcomes(again) == [(2, "updated")]
    assert Document.objects.get().title_ru == "Доклад о миграции"


def test_a_bad_row_never_leaves_half_a_document(db, files):
    (files / "ru.txt").write_bytes(make_text("utf-8"))
    (files / "en.exe").write_bytes(b"MZ\x90\x00" + bytes(200))
    manifest = write_manifest(files, "AP/2,Доклад,Report,,,2024-01-10,report,,,,,,ru,ru.txt",
                              "AP/2,,,,,,,,,,,,en,en.exe")

    archive_import = run(manifest, files)

    assert outcomes(archive_import) == [(2, "refused"), (3, "refused")]
    assert Document.objects.count() == 0
    assert DocumentFile.objects.count() == 0


def test_a_file_already_under_another_document_is_reported_duplicate(db, files):
    content = make_text("utf-8")
    staff = StaffUserFactory()
    other = DocumentFactory(title_en="Older copy", reference="OLD/1")
    from archive.services import document_file_add

    document_file_add(document=other, upload=upload("old.txt", content), language="ru",
                      uploaded_by=staff)
    (files / "a.txt").write_bytes(content)

    archive_import = run(write_manifest(files, "NEW/1,Доклад,,,,2024-01-10,report,,,,,,ru,a.txt"),
                         files)

    assert reasons(archive_import, 2) == [
        ("The same file (by its checksum) is already in the archive under the document "
        "“Older copy (OLD/1)”.")]
    assert not Document.objects.filter(reference="NEW/1").exists()


def test_a_rows_meeting_gets_the_document_among_its_documents(db, files):
    """Meetings applies the column (meetings/imports.py): by the meeting's
    address, once however often the manifest is run."""
    meeting = MeetingFactory(slug="senior-officials-meeting-2024")
    (files / "a.txt").write_bytes(make_text("utf-8"))
    manifest = write_manifest(
        files, "AP/3,Доклад,,,,2024-01-10,report,,,,,/ru/meetings/senior-officials-meeting-2024/,"
        "ru,a.txt")

    assert outcomes(run(manifest, files)) == [(2, "created")]
    assert outcomes(run(manifest, files)) == [(2, "unchanged")]

    document = Document.objects.get(reference="AP/3")
    assert list(meeting.document_links.values_list("document", flat=True)) == [document.pk]


def test_a_meeting_that_does_not_exist_refuses_the_row(db, files):
    (files / "a.txt").write_bytes(make_text("utf-8"))
    manifest = write_manifest(files, "AP/3,Доклад,,,,2024-01-10,report,,draft,,,SOM-2024,ru,a.txt")

    archive_import = run(manifest, files)

    assert outcomes(archive_import) == [(2, "refused")]
    assert ("There is no meeting at the address “SOM-2024”: give the meeting's address as in "
            "/meetings/<address>/.") in reasons(archive_import, 2)
    assert not Document.objects.exists()


# --- Manifests ---------------------------------------------------------------------------

def test_xlsx_manifest_with_date_cells(db, files):
    (files / "a.txt").write_bytes(make_text("utf-8"))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS.split(","))
    sheet.append(["AP/4", "Доклад", "", "", "", datetime.datetime(2024, 1, 10), "report",
                  "public", "", "", "", "", "ru", "a.txt"])
    path = files.parent / "manifest.xlsx"
    workbook.save(path)

    archive_import = run(path, files)

    assert outcomes(archive_import) == [(2, "created")]
    assert Document.objects.get().date == datetime.date(2024, 1, 10)


def test_semicolon_separated_windows_1251_csv_is_read():
    data = "symbol;title_ru;date;type;language;file\nAP/5;Доклад;2024-01-10;report;ru;a.txt\n"

    rows = manifest_read(data=data.encode("windows-1251"), name="m.csv")

    assert [(row.line, row.get("title_ru")) for row in rows] == [(2, "Доклад")]


@pytest.mark.parametrize(("data", "message"), [
    (b"symbol,title_ru,type,language,file\nA,B,report,ru,a.txt\n",
     "The manifest has no column date (the first row names the columns)."),
    (b"symbol,title_ru,date,type,language,file,colour\n",
     ("The manifest has columns this import does not know: colour. The columns are: symbol, "
     "title_ru, title_en, summary_ru, summary_en, date, type, access, status, themes, "
     "states, meeting, language, file.")),
    (b"symbol,title_ru,date,type,language,file\n\n",
     "The manifest has no rows below its column names."),
    (b"symbol,date,type,language,file\nA,2024-01-01,report,ru,a\n",
     "The manifest needs a title_ru or a title_en column, or both."),
    (b"PK\x03\x04garbage", ("The manifest “m.xlsx” is neither a CSV file nor an Excel "
                           "workbook (XLSX).")),
])
def test_unusable_manifest_gets_a_clear_error(data, message):
    with translation.override("en"):
        with pytest.raises(ManifestError) as error:
            manifest_read(data=data, name="m.xlsx")
        messages = [str(text) for text in error.value.messages]  # lazy: read in English

    assert messages == [message]


def test_unusable_manifest_fails_the_import_with_the_reason(db, files):
    manifest = write_manifest(files, "A,B,report,ru,a.txt",
                              header="symbol,title_ru,type,language,file")

    archive_import = run(manifest, files)

    assert archive_import.status == ImportStatus.FAILED
    assert reasons(archive_import, 0) == [
        "The manifest has no column date (the first row names the columns)."]


# --- The command ---------------------------------------------------------------------------

def test_command_dry_run_prints_row_by_row_and_a_progress_bar(seed_states, capsys):
    stdout = io.StringIO()
    with translation.override("en"):
        call_command("archive_import", str(SEEDS / "manifest.csv"), "--files",
                     str(SEEDS / "files"), "--dry-run", stdout=stdout)

    lines = stdout.getvalue().splitlines()
    assert lines[0].startswith("line 2: Created — New Russian file “operational-mechanism-ru.txt”.")
    assert lines[-1] == ("Dry run of 5 rows: 5 to create, 0 to update, 0 unchanged, 0 refused; "
                         "nothing was written.")
    assert capsys.readouterr().err.splitlines()[-1] == "100% 5/5"
    assert Document.objects.count() == 0
    assert ArchiveImport.objects.get().dry_run is True


def test_command_refuses_a_missing_folder(db, tmp_path):
    with translation.override("en"), pytest.raises(CommandError) as error:
        call_command("archive_import", str(SEEDS / "manifest.csv"), "--files",
                     str(tmp_path / "nowhere"))

    assert str(error.value) == f"The folder {tmp_path / 'nowhere'} does not exist."


def test_the_import_report_keeps_refusals_in_both_languages(db, files):
    manifest = write_manifest(files, "A,Доклад,,,,2024-01-10,report,,,,,,ru,missing.txt")

    archive_import = run(manifest, files)

    [detail] = archive_import.report[0]["details"]
    assert sorted(detail) == ["en", "ru"]
    assert detail["en"] == "The file “missing.txt” is not in the folder of files."
    assert ImportOutcome(archive_import.report[0]["outcome"]) == ImportOutcome.REFUSED


# --- Through the real worker -------------------------------------------------------------

@pytest.mark.celery_worker
def test_an_import_requested_from_the_admin_runs_in_the_worker(celery_worker, seed_states):
    """The request stores the manifest and the ZIP in the work folder the
    worker reads too; the worker's run writes its progress and report."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((SEEDS / "files").iterdir()):
            archive.write(path, path.name)
    archive_import = archive_import_request(
        manifest=SimpleUploadedFile("manifest.csv", (SEEDS / "manifest.csv").read_bytes()),
        zip_file=SimpleUploadedFile("files.zip", buffer.getvalue()), dry_run=True,
        by=StaffUserFactory())

    deadline = time.monotonic() + 60
    while archive_import.busy and time.monotonic() < deadline:
        time.sleep(0.3)
        archive_import.refresh_from_db()
    assert (archive_import.status, archive_import.progress) == (ImportStatus.DONE, 100)
    assert archive_import.created_count == 5
    assert Document.objects.count() == 0
