"""The archive: documents (bilingual metadata) and their language files.

The archive knows nothing of meetings: meetings link to documents from their
side (STYLE.md, "Imports flow one way")."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import TimeStampedModel
from membership.models import ParticipantState

from .enums import (
    AccessLevel,
    DocumentType,
    ExtractionStatus,
    FileLanguage,
    ImportSource,
    ImportStatus,
    PublicationStatus,
)


class Theme(models.Model):
    """A thematic area of the process (an open list, kept by the secretariat)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.name


class Document(TimeStampedModel):
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    doc_type = models.CharField(_("type"), max_length=30, choices=DocumentType.choices)
    date = models.DateField(_("date"))
    reference = models.CharField(
        _("reference symbol"), max_length=100, blank=True,
        help_text=_("For example AP/SOM/2024/3. Unique when given."),
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="documents",
                                    verbose_name=_("themes"))
    states = models.ManyToManyField(ParticipantState, blank=True, related_name="documents",
                                    verbose_name=_("states concerned"))
    access = models.CharField(_("access"), max_length=20, choices=AccessLevel.choices,
                              default=AccessLevel.PUBLIC)
    status = models.CharField(_("status"), max_length=20, choices=PublicationStatus.choices,
                              default=PublicationStatus.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    supersedes = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="superseded_by", verbose_name=_("supersedes"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("created by"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("updated by"),
    )
    # Full-text search, kept up to date by archive.search (not edited by hand):
    # PostgreSQL tsvectors per language, and a case-folded plain text for the
    # SQLite fallback.
    search_ru = SearchVectorField(null=True, editable=False)
    search_en = SearchVectorField(null=True, editable=False)
    search_plain = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"], condition=~models.Q(reference=""),
                name="archive_document_reference_unique_when_given",
                violation_error_message=_("Another document already has this reference symbol."),
            ),
            models.CheckConstraint(
                condition=~models.Q(supersedes=models.F("pk")),
                name="archive_document_does_not_supersede_itself",
                violation_error_message=_("A document cannot supersede itself."),
            ),
        ]
        indexes = [
            models.Index(fields=["status", "access", "-date"], name="archive_doc_visible_idx"),
            models.Index(fields=["doc_type", "-date"], name="archive_doc_type_date_idx"),
            # The newest published documents (home page, feeds): read from
            # the top of this index instead of sorting every published row.
            models.Index(
                fields=["-published_at", "-id"], name="archive_doc_published_idx",
                condition=models.Q(status="published"),
            ),
            # The list's counts per type (COUNT of the key per type): an
            # index-only scan of the visible rows, not the whole table.
            models.Index(
                fields=["status", "access", "doc_type", "id"], name="archive_doc_type_counts_idx",
            ),
            # OAI-PMH lists (archive.oai): published documents in datestamp
            # order, each page read from where the last one ended.
            models.Index(
                fields=["updated_at", "id"], name="archive_doc_datestamp_idx",
                condition=models.Q(status="published"),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("archive:document_detail", kwargs={"slug": self.slug})


def archive_storage():
    """Private storage of archive files (settings.STORAGES["archive"]): not
    under MEDIA_URL; files leave only through the download view."""
    return storages["archive"]


def document_file_path(instance: "DocumentFile", filename: str) -> str:
    """Stored under a name derived from the content hash, never the upload
    name: the original (sanitised) filename lives in the database."""
    return f"archive/{instance.sha256[:2]}/{instance.sha256}"


class DocumentFile(models.Model):
    """One language version of a document: the file as uploaded, with what
    was learnt from its content (type, size, hash, pages, text)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files",
                                 verbose_name=_("document"))
    language = models.CharField(_("language"), max_length=5, choices=FileLanguage.choices)
    file = models.FileField(
        _("file"), upload_to=document_file_path, storage=archive_storage, max_length=200
    )
    original_filename = models.CharField(_("original filename"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    mime_type = models.CharField(_("MIME type"), max_length=120)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"), max_length=20, choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
    )
    extraction_error = models.TextField(_("extraction error"), blank=True)
    extraction_attempts = models.PositiveSmallIntegerField(
        _("extraction attempts"), default=0, editable=False,
        help_text=_("How many times extraction started; after three it is marked failed."),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("uploaded by"),
    )

    class Meta:
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                condition=~models.Q(language=FileLanguage.OTHER),
                name="archive_one_file_per_language",
                violation_error_message=_("This document already has a file in this language."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.original_filename} ({self.get_language_display()})"


class DocumentTerm(models.Model):
    """What a document's text is about, for the search rank (written by
    archive.search.indexing, never edited; not in the admin): the
    ``TERMS_PER_LANGUAGE`` most frequent words of its files' text in each
    script (Cyrillic, Latin), each with its BM25 term-frequency weight
    (saturating with frequency, normalised by the text's length). ``term``
    is the word as ``archive.search.words.plain_text`` writes it: the
    pymorphy3 lemma of a Russian word, the Snowball stem of an English one.
    See "Ranking" in archive/search/__init__.py."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=60)
    weight = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "document"],
                                    name="archive_documentterm_term_document"),
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.weight:.2f})"


class ArchiveImport(models.Model):
    """One bulk import of an existing archive (archive.imports): where its
    manifest and files were, how far it got, and its report, kept for staff.
    Written by the import itself (its progress on this row, so the admin's
    page shows it whatever becomes of Celery's result backend); read-only in
    the admin."""

    source = models.CharField(_("source"), max_length=20, choices=ImportSource.choices)
    manifest_name = models.CharField(_("manifest"), max_length=255)
    # Server paths: the manifest, and the folder its file paths are read
    # from (a folder of ARCHIVE_IMPORT_DIRS, the command's --files, or the
    # ZIP's unpacked copy under ARCHIVE_IMPORT_WORK_DIR).
    manifest_path = models.CharField(max_length=500, editable=False)
    files_dir = models.CharField(_("files folder"), max_length=500, blank=True)
    zip_path = models.CharField(max_length=500, blank=True, editable=False)
    dry_run = models.BooleanField(
        _("dry run"), default=True,
        help_text=_("Only report what an import would do; nothing is written."),
    )
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices,
                              default=ImportStatus.PENDING)
    rows_total = models.PositiveIntegerField(_("manifest rows"), default=0)
    steps_total = models.PositiveIntegerField(default=0, editable=False)
    steps_done = models.PositiveIntegerField(default=0, editable=False)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    refused_count = models.PositiveIntegerField(_("refused"), default=0)
    # One entry per manifest row (archive.imports.report): line, symbol,
    # language, file, outcome and reasons in Russian and English.
    report = models.JSONField(_("report"), default=list, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("requested by"),
    )

    class Meta:
        verbose_name = _("archive import")
        verbose_name_plural = _("archive imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.manifest_name} ({self.created_at:%Y-%m-%d %H:%M})" if self.created_at \
            else self.manifest_name

    @property
    def progress(self) -> int:
        """Per cent done (0-100)."""
        if self.status == ImportStatus.DONE:
            return 100
        if not self.steps_total:
            return 0
        return min(100, self.steps_done * 100 // self.steps_total)

    @property
    def busy(self) -> bool:
        return self.status in {ImportStatus.PENDING, ImportStatus.RUNNING}
