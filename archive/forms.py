"""Secretariat forms of the archive: the document form (at least one title),
the language-file inline form (uploads checked from their content before
anything is saved), the bulk upload form (several files at once) and the
import form (a manifest and its files)."""

from __future__ import annotations

import zipfile

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from .enums import AccessLevel, DocumentType, FileLanguage
from .imports.manifest import MAX_MANIFEST_SIZE, manifest_read
from .imports.sources import MSG_BAD_ZIP, allowed_folders
from .models import Document, DocumentFile
from .services import MSG_TITLE_REQUIRED, document_file_duplicate_error
from .uploads import inspect_upload


class DocumentAdminForm(forms.ModelForm):
    """A document may exist in one language only: neither title is required
    on its own (modeltranslation would make the Russian one required), but
    one of them is."""

    class Meta:
        model = Document
        fields = (
            "title_ru", "title_en", "summary_ru", "summary_en", "doc_type", "date",
            "reference", "themes", "states", "access", "supersedes",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title_ru", "title_en"):
            if name in self.fields:
                self.fields[name].required = False

    def clean(self):
        cleaned = super().clean()
        if {"title_ru", "title_en"} <= set(self.fields) and not (
            (cleaned.get("title_ru") or "").strip() or (cleaned.get("title_en") or "").strip()
        ):
            raise ValidationError(MSG_TITLE_REQUIRED, code="title_required")
        return cleaned


class _StoredFileWidget(forms.Widget):
    """Stands in for the upload field of a file already stored: a stored
    file is replaced by deleting its row and uploading a new one, and its
    private storage has no URL to link to."""

    def render(self, name, value, attrs=None, renderer=None):
        return ""

    def value_from_datadict(self, data, files, name):
        return None


class DocumentFileInlineForm(forms.ModelForm):
    """A new language file: the upload is inspected (type from the content,
    size, SHA-256) in ``clean`` so a bad file is reported on its row and the
    whole change form, document included, is left unsaved. Stored files are
    read-only here."""

    class Meta:
        model = DocumentFile
        fields = ("file", "language")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.upload_info = None
        if self.instance.pk is not None:
            for name in ("file", "language"):
                self.fields[name].disabled = True
                self.fields[name].required = False
            self.fields["file"].widget = _StoredFileWidget()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if self.instance.pk is not None or not isinstance(upload, UploadedFile):
            return upload
        self.upload_info = inspect_upload(upload)
        upload.seek(0)
        duplicate = document_file_duplicate_error(
            sha256=self.upload_info.sha256, name=self.upload_info.filename
        )
        if duplicate is not None:
            raise duplicate
        return upload



class DocumentFileInlineFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The empty rows offer the languages the document still lacks.
        taken = (
            set(self.instance.files.values_list("language", flat=True))
            if self.instance.pk is not None else set()
        )
        self.initial_extra = [
            {"language": language} for language in (FileLanguage.RUSSIAN, FileLanguage.ENGLISH)
            if language not in taken
        ] or None

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        seen: set[str] = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            language = form.cleaned_data.get("language") or form.instance.language
            if form.instance.pk is None and not form.cleaned_data.get("file"):
                continue
            if language == FileLanguage.OTHER:
                continue
            if language in seen:
                raise ValidationError(
                    _("A document has at most one file in each of Russian and English: "
                      "delete the old %(language)s file to replace it.")
                    % {"language": FileLanguage(language).label},
                    code="language_taken",
                )
            seen.add(language)


# --- Bulk upload --------------------------------------------------------------

class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Cleans to a list of uploads. Each file is judged later, on its own, by
    the bulk upload service: one empty or unsupported file must not reject
    the others, so only "no file at all" is an error here."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]

    def clean(self, data, initial=None):
        uploads = self.to_python(data)
        if self.required and not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        return uploads


BULK_LANGUAGE_CHOICES = [
    ("auto", _("Guess from the filename (_ru, -en, (RU)…), otherwise Russian")),
    (FileLanguage.RUSSIAN.value, FileLanguage.RUSSIAN.label),
    (FileLanguage.ENGLISH.value, FileLanguage.ENGLISH.label),
]


class BulkUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Files"),
        help_text=_("PDF, DOCX, XLSX, PPTX, ODT or plain text. Each file becomes a draft "
                    "document titled after its filename."),
    )
    doc_type = forms.ChoiceField(label=_("type"), choices=DocumentType.choices)
    date = forms.DateField(
        label=_("date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    access = forms.ChoiceField(label=_("access"), choices=AccessLevel.choices,
                               initial=AccessLevel.PUBLIC)
    language = forms.ChoiceField(label=_("language"), choices=BULK_LANGUAGE_CHOICES,
                                 initial="auto")


# --- Import of an existing archive -----------------------------------------------------

class ArchiveImportForm(forms.Form):
    """A manifest, and its files: a ZIP, or a server folder of
    ARCHIVE_IMPORT_DIRS. The manifest is read here, so that one that cannot
    be used at all (a column missing, not a CSV or XLSX) is reported on the
    form before anything is queued; each row is judged by the import."""

    manifest = forms.FileField(
        label=_("Manifest"),
        help_text=_("A CSV or Excel (XLSX) file, one row per language file of a document; "
                    "its columns are described in the README."),
    )
    files_zip = forms.FileField(
        label=_("ZIP of the files"), required=False,
        help_text=_("The files the manifest names, with the same folders."),
    )
    folder = forms.ChoiceField(
        label=_("Or a folder on the server"), required=False,
        help_text=_("Folders the site's administrator opened for imports "
                    "(the ARCHIVE_IMPORT_DIRS setting)."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"), required=False, initial=True,
        help_text=_("Only report, row by row, what would be created, updated or refused; "
                    "nothing is written. The report offers to import for real afterwards."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        folders = [str(folder) for folder in allowed_folders()]
        self.fields["folder"].choices = [("", "—"), *((folder, folder) for folder in folders)]
        if not folders:
            self.fields["folder"].widget = forms.HiddenInput()

    def clean_manifest(self):
        upload = self.cleaned_data["manifest"]
        upload.seek(0)
        manifest_read(data=upload.read(MAX_MANIFEST_SIZE + 1), name=upload.name or "")
        upload.seek(0)
        return upload

    def clean_files_zip(self):
        upload = self.cleaned_data.get("files_zip")
        if upload and not zipfile.is_zipfile(upload):
            raise ValidationError(MSG_BAD_ZIP, code="bad_zip")
        if upload:
            upload.seek(0)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("files_zip") and cleaned.get("folder"):
            raise ValidationError(_("Give either a ZIP of the files or a folder, not both."),
                                  code="both")
        if "files_zip" in cleaned and "folder" in cleaned and not (
            cleaned.get("files_zip") or cleaned.get("folder")
        ):
            raise ValidationError(_("Give the manifest's files: a ZIP, or a folder on the "
                                    "server."), code="no_files")
        return cleaned
