"""The admin's import page in Chromium (issue 27, section 1): a dry run of
the five seed documents' manifest and its ZIP, its report, "Import for
real", and the documents found by the archive's search."""

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.factories.membership import ParticipantStateFactory, StaffUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"  # UserFactory's
SEEDS = Path(__file__).resolve().parents[1] / "data" / "archive_import"


@pytest.fixture(autouse=True)
def thematic_areas():
    """The themes the manifest names, as `migrate` loads them: a browser
    test's database is flushed after each test, so an earlier test may have
    taken them away, and the rows would be refused as naming unknown themes."""
    import importlib

    from django.apps import apps

    importlib.import_module("archive.migrations.0004_thematic_areas").load_thematic_areas(
        apps, None)


@pytest.fixture
def seeds_zip(tmp_path) -> Path:
    path = tmp_path / "files.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted((SEEDS / "files").iterdir()):
            archive.write(file, file.name)
    return path


def test_admin_imports_the_seed_manifest_after_a_dry_run(
    live_server, page: Page, settings, tmp_path, seeds_zip
):
    settings.ARCHIVE_IMPORT_WORK_DIR = tmp_path / "imports"
    for iso2, iso3 in (("KZ", "KAZ"), ("KG", "KGZ"), ("TJ", "TJK")):
        ParticipantStateFactory(iso2=iso2, iso3=iso3)
    StaffUserFactory(email="editor@example.org", is_superuser=True)
    page.goto(f"{live_server.url}/en/admin/login/")
    page.locator("input[name=username]").fill("editor@example.org")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("input[type=submit]").click()

    page.goto(f"{live_server.url}/en/admin/archive/document/")
    page.get_by_role("link", name="Import from a manifest").click()
    page.get_by_label("Manifest").set_input_files(str(SEEDS / "manifest.csv"))
    page.get_by_label("ZIP of the files").set_input_files(str(seeds_zip))
    expect(page.get_by_label("Dry run")).to_be_checked()
    page.get_by_role("button", name="Start").click()

    expect(page.locator("#import-status h2")).to_have_text("Dry run · Finished")
    expect(page.locator("#import-report tbody tr.import-created")).to_have_count(5)
    expect(page.get_by_text("Nothing was written: this was a dry run.")).to_be_visible()

    page.get_by_role("button", name="Import for real").click()

    expect(page.locator("#import-status h2")).to_have_text("Import · Finished")
    expect(page.get_by_role("row", name="Created 5")).to_be_visible()
    page.locator("#import-report tbody tr", has_text="bomca-reintegration-seminar-ru.txt") \
        .get_by_role("link", name="Created").click()
    expect(page.locator("#id_title_en")).to_have_value(
        "Best ways of reintegrating migrants discussed at a BOMCA seminar")

    page.goto(f"{live_server.url}/en/archive/?q=BOMCA+seminar")
    expect(page.get_by_role("link", name="Best ways of reintegrating migrants discussed at a "
                                        "BOMCA seminar")).to_be_visible()
