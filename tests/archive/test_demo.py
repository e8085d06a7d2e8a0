"""The archive's demo data: idempotent, realistic, and searchable. The demo
is loaded twice in this module only (it renders two dozen PDFs)."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from archive import demo
from archive.enums import AccessLevel, ExtractionStatus, PublicationStatus
from archive.models import Document, DocumentFile, Theme
from archive.search import documents_search

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(archive_dir, django_capture_on_commit_callbacks) -> str:
    """The demo, with its extraction and indexing tasks run (as after the
    commit of load_demo)."""
    with django_capture_on_commit_callbacks(execute=True):
        return demo.load()


def snapshot() -> dict:
    return {
        "themes": list(Theme.objects.values_list("slug", "name_ru", "name_en", "position")),
        "documents": list(Document.objects.values_list(
            "slug", "status", "access", "title_ru", "title_en", "published_at", "updated_at",
            "search_plain",
        ).order_by("slug")),
        "files": list(DocumentFile.objects.values_list("sha256", "extraction_status")
                      .order_by("sha256")),
        "history": (Document.history.count(), DocumentFile.history.count()),
    }


def test_demo_load_twice_changes_nothing(loaded, django_capture_on_commit_callbacks):
    before = snapshot()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        summary = demo.load()

    assert snapshot() == before
    assert callbacks == []
    assert summary == "archive: 11 themes, 13 documents (12 published, 0 added now)"


def test_demo_load_adds_searchable_documents_with_pdf_files(loaded):
    assert loaded == "archive: 11 themes, 13 documents (12 published, 13 added now)"
    languages = {
        document.slug: sorted(document.files.values_list("language", flat=True))
        for document in Document.objects.all()
    }
    assert languages["reintegration-seminar-concept-note"] == ["ru"]
    assert languages["border-management-fact-sheet"] == ["en"]
    assert sum(files == ["en", "ru"] for files in languages.values()) == 11
    assert list(Document.objects.filter(status=PublicationStatus.DRAFT)
                .values_list("slug", flat=True)) == ["som-2025-draft-agenda"]
    assert sorted(Document.objects.exclude(access=AccessLevel.PUBLIC)
                  .values_list("slug", "access")) == [
        ("ministerial-conclusions-2023", AccessLevel.PARTICIPANTS),
        ("som-report-2019", AccessLevel.PARTICIPANTS),
        ("support-unit-activity-report-2024", AccessLevel.SECRETARIAT),
    ]
    newer = Document.objects.get(slug="operational-mechanism-2016")
    assert newer.supersedes.slug == "operational-mechanism-2013"
    assert set(DocumentFile.objects.values_list("mime_type", "extraction_status")) == {
        ("application/pdf", ExtractionStatus.DONE),
    }
    assert Theme.objects.get(slug="labour-migration").documents.count() == 7

    # Search finds other word forms, in both languages.
    for query, expected in [
        ("беженец", "almaty-declaration"),  # the text says «беженцев», «беженцы»
        ("трудовой мигрант", "labour-migrants-families-study"),
        ("remittance", "som-report-2019"),
        ("reintegration", "reintegration-seminar-news"),
    ]:
        found = documents_search(Document.objects.all(), query).values_list("slug", flat=True)
        assert expected in set(found), query


def test_demo_pdfs_embed_only_the_bundled_font(loaded):
    file = DocumentFile.objects.get(document__slug="almaty-declaration", language="ru")

    with file.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))

    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }
    assert len(fonts) == 1
    assert fonts.pop().endswith("+Noto-Sans-Bundled")
    assert (file.page_count, file.original_filename) == (1, "almaty-declaration-ru.pdf")
    assert "беженцев" in file.extracted_text


def test_demo_pdf_renderer_refuses_files_outside_static():
    fetcher = demo._url_fetcher()

    with pytest.raises(ValueError, match="only static files"):
        fetcher.fetch("file:///etc/passwd")


def test_demo_documents_count_as_published_on_their_date(loaded):
    """So "Latest documents" and the feeds list the demo in a believable order."""
    published = Document.objects.filter(status=PublicationStatus.PUBLISHED)

    assert published.exists()
    assert all(
        timezone.localtime(document.published_at).date() == document.date
        for document in published
    )
