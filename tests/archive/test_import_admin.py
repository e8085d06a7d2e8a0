"""The admin's import page (issue 27, section 1): a manifest and a ZIP, or a
server folder of ARCHIVE_IMPORT_DIRS; the progress page and its report;
"import for real" after a dry run; manifests refused on the form with a
clear message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from archive.enums import ImportStatus, PublicationStatus
from archive.models import ArchiveImport, Document
from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

SEEDS = Path(__file__).resolve().parents[1] / "data" / "archive_import"

pytestmark = pytest.mark.usefixtures("archive_dir", "work_dir", "states")


@pytest.fixture
def states(db):
    for iso2, iso3 in (("KZ", "KAZ"), ("KG", "KGZ"), ("TJ", "TJK")):
        ParticipantStateFactory(iso2=iso2, iso3=iso3)


@pytest.fixture
def work_dir(settings, tmp_path):
    settings.ARCHIVE_IMPORT_WORK_DIR = tmp_path / "imports"
    return settings.ARCHIVE_IMPORT_WORK_DIR


@pytest.fixture
def staff_client(client, db):
    client.force_login(StaffUserFactory(is_superuser=True))
    return client


def url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(f"admin:archive_archiveimport_{name}", args=args)


def manifest_upload(data: bytes | None = None, name="manifest.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data or (SEEDS / "manifest.csv").read_bytes())


def seeds_zip() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((SEEDS / "files").iterdir()):
            archive.write(path, path.name)
        archive.writestr("../escape.txt", "outside")
    return SimpleUploadedFile("files.zip", buffer.getvalue())


def test_dry_run_from_a_manifest_and_a_zip_shows_the_report(
    staff_client, django_capture_on_commit_callbacks, work_dir
):
    with django_capture_on_commit_callbacks(execute=True):
        posted = staff_client.post(url("add"), {
            "manifest": manifest_upload(), "files_zip": seeds_zip(), "dry_run": "on",
        })
    archive_import = ArchiveImport.objects.get()

    assert posted.status_code == 302
    assert posted.url == url("change", archive_import.pk)
    assert archive_import.status == ImportStatus.DONE
    assert archive_import.created_count == 5
    page = staff_client.get(posted.url).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert '<progress max="100" value="100"' in page
    assert page.count('class="import-created"') == 5
    assert "Nothing was written: this was a dry run." in page
    assert Document.objects.count() == 0
    assert not (work_dir / str(archive_import.pk) / "escape.txt").exists()
    assert not (work_dir / "escape.txt").exists()


def test_import_for_real_after_a_dry_run_creates_the_documents(
    staff_client, django_capture_on_commit_callbacks, work_dir
):
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url("add"), {"manifest": manifest_upload(), "files_zip": seeds_zip(),
                                       "dry_run": "on"})
    dry_run = ArchiveImport.objects.get()
    assert 'value="Import for real"' in staff_client.get(url("change", dry_run.pk)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        posted = staff_client.post(url("change", dry_run.pk))
    real = ArchiveImport.objects.exclude(pk=dry_run.pk).get()

    assert posted.url == url("change", real.pk)
    assert (real.dry_run, real.status, real.created_count) == (False, ImportStatus.DONE, 5)
    assert Document.objects.filter(status=PublicationStatus.PUBLISHED).count() == 5
    # Imported: the uploaded files are not kept, and the dry run cannot run again.
    assert not (work_dir / str(dry_run.pk)).exists()
    assert 'value="Import for real"' not in staff_client.get(
        url("change", dry_run.pk)).content.decode()


def test_a_running_import_page_refreshes_itself(staff_client):
    archive_import = ArchiveImport.objects.create(
        source="upload", manifest_name="m.csv", status=ImportStatus.RUNNING, steps_total=10,
        steps_done=4)

    page = staff_client.get(url("change", archive_import.pk)).content.decode()

    assert '<meta http-equiv="refresh" content="2">' in page
    assert '<progress max="100" value="40"' in page


def test_files_from_an_allowed_server_folder(staff_client, settings,
                                             django_capture_on_commit_callbacks):
    settings.ARCHIVE_IMPORT_DIRS = [str(SEEDS / "files")]

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url("add"), {"manifest": manifest_upload(),
                                       "folder": str(SEEDS / "files"), "dry_run": "on"})

    archive_import = ArchiveImport.objects.get()
    assert (archive_import.source, archive_import.created_count) == ("folder", 5)


def test_a_folder_not_in_the_setting_is_refused(staff_client, settings):
    settings.ARCHIVE_IMPORT_DIRS = [str(SEEDS / "files")]

    with translation.override("en"):
        response = staff_client.post(url("add"), {"manifest": manifest_upload(),
                                                  "folder": "/etc", "dry_run": "on"})

    assert response.status_code == 200
    assert "Select a valid choice. /etc is not one of the available choices." in (
        response.content.decode())
    assert not ArchiveImport.objects.exists()


@pytest.mark.parametrize(("data", "message"), [
    (b"symbol,title_ru,type,language,file\nA,B,report,ru,a.txt\n",
     "The manifest has no column date (the first row names the columns)."),
    (b"\x00\x01\x02\xff\xfe", "is not in UTF-8 or Windows-1251"),
])
def test_a_bad_manifest_is_refused_on_the_form_and_keeps_the_choices(staff_client, data,
                                                                      message):
    with translation.override("en"):
        response = staff_client.post(url("add"), {
            "manifest": manifest_upload(data), "files_zip": seeds_zip(),
        })

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "Choose the files again: a browser does not keep them." in page
    # The choices are kept: the dry run was left unticked.
    assert 'id="id_dry_run">' in page
    assert not ArchiveImport.objects.exists()


def test_files_are_required(staff_client):
    with translation.override("en"):
        response = staff_client.post(url("add"), {"manifest": manifest_upload(),
                                                  "dry_run": "on"})

    assert "Give the manifest&#x27;s files: a ZIP, or a folder on the server." in (
        response.content.decode())


def test_a_damaged_zip_is_refused(staff_client):
    with translation.override("en"):
        response = staff_client.post(url("add"), {
            "manifest": manifest_upload(), "files_zip": SimpleUploadedFile("f.zip", b"PK no"),
        })

    assert "The ZIP file cannot be opened: it is damaged or not a ZIP file." in (
        response.content.decode())


def test_the_document_list_links_to_the_import(staff_client):
    with translation.override("en"):
        page = staff_client.get(reverse("admin:archive_document_changelist")).content.decode()

    assert f'href="{url("add")}"' in page


@pytest.mark.parametrize("rows", [1, 300])
def test_the_report_page_costs_the_same_queries_however_long_the_report(
    staff_client, django_assert_num_queries, rows
):
    entry = {"line": 2, "symbol": "A", "language": "ru", "file": "a.txt", "outcome": "refused",
             "document": None, "title": "", "details": [{"ru": "нет", "en": "no"}]}
    archive_import = ArchiveImport.objects.create(
        source="command", manifest_name="m.csv", status=ImportStatus.DONE, dry_run=True,
        report=[{**entry, "line": line} for line in range(2, rows + 2)])
    staff_client.get(url("change", archive_import.pk))  # sessions and permissions warmed

    with django_assert_num_queries(3):  # session, user, the import
        response = staff_client.get(url("change", archive_import.pk))

    assert response.content.decode().count('class="import-refused"') == min(rows, 200)
