"""Secretariat admin of the archive.

Documents are edited with RU/EN tabs (modeltranslation) and keep an audit
history of every change (django-simple-history: who, when, which fields).
Language files are added in an inline whose uploads are checked from their
content before anything is saved; saving goes through the services, which
store the file, extract its text and reindex the document. Two extra pages
hang off the changelist: a bulk upload of several files (one draft per file)
and the translation backlog (documents lacking a title, summary or file in
one language)."""

from __future__ import annotations

import functools
import operator
from pathlib import PurePath
from urllib.parse import quote

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_sendfile import sendfile
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from membership.models import ParticipantState

from .enums import ExtractionStatus, FileLanguage, PublicationStatus
from .forms import (
    BulkUploadForm,
    DocumentAdminForm,
    DocumentFileInlineForm,
    DocumentFileInlineFormSet,
)
from .models import Document, DocumentFile, Theme, archive_storage
from .search import documents_search
from .services import (
    UPDATABLE_FIELDS,
    BulkUploadResult,
    document_create,
    document_file_add,
    document_publish,
    document_update,
    document_withdraw,
    documents_bulk_upload,
)
from .tasks import extract_file, index_document

BULK_RESULT_SESSION_KEY = "archive_bulk_upload_result"


def _file_in(language: str) -> Exists:
    return Exists(DocumentFile.objects.filter(document=OuterRef("pk"), language=language))


def _blank(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


# What may be missing in one language: key (language_item) -> (label, what
# the table says is missing in that language's column, condition on Document).
# Shared by the changelist filter and the translation status page.
GAPS: dict[str, tuple] = {
    "ru_title": (_("No Russian title"), _("no title"), lambda: _blank("title_ru")),
    "en_title": (_("No English title"), _("no title"), lambda: _blank("title_en")),
    "ru_summary": (_("No Russian summary"), _("no summary"), lambda: _blank("summary_ru")),
    "en_summary": (_("No English summary"), _("no summary"), lambda: _blank("summary_en")),
    "ru_file": (_("No Russian file"), _("no file"), lambda: ~_file_in(FileLanguage.RUSSIAN)),
    "en_file": (_("No English file"), _("no file"), lambda: ~_file_in(FileLanguage.ENGLISH)),
}


def gap_condition(key: str) -> Q:
    return Q(GAPS[key][2]())


def any_gap_condition() -> Q:
    return functools.reduce(operator.or_, (gap_condition(key) for key in GAPS))


def document_gaps(document: Document) -> list[str]:
    """The gap keys of a document annotated with has_ru_file/has_en_file."""
    present = {
        "ru_title": document.title_ru, "en_title": document.title_en,
        "ru_summary": document.summary_ru, "en_summary": document.summary_en,
        "ru_file": document.has_ru_file, "en_file": document.has_en_file,
    }
    return [key for key in GAPS if not (present[key] and str(present[key]).strip())]


def with_language_files(queryset: QuerySet[Document]) -> QuerySet[Document]:
    return queryset.annotate(
        has_ru_file=_file_in(FileLanguage.RUSSIAN), has_en_file=_file_in(FileLanguage.ENGLISH)
    )


class YearListFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Document.objects.dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("missing language version")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _heading, _condition) in GAPS.items()]

    def queryset(self, request, queryset):
        if self.value() in GAPS:
            return queryset.filter(gap_condition(self.value()))
        return queryset


@admin.register(Theme)
class ThemeAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "position", "document_count"]
    list_editable = ["position"]
    search_fields = ["name_ru", "name_en", "slug"]
    prepopulated_fields = {"slug": ("name_en",)}
    ordering = ["position", "slug"]
    fieldsets = ((None, {"fields": ("name", "slug", "position")}),)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_count=Count("documents"))

    @admin.display(description=_("documents"), ordering="document_count")
    def document_count(self, obj: Theme) -> int:
        return obj.document_count


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    form = DocumentFileInlineForm
    formset = DocumentFileInlineFormSet
    fields = [
        "file", "language", "stored_file", "size_display", "mime_type", "page_count",
        "extraction",
    ]
    readonly_fields = ["stored_file", "size_display", "mime_type", "page_count", "extraction"]
    verbose_name = _("language file")
    verbose_name_plural = _("language files")

    def get_extra(self, request, obj=None, **kwargs):
        """Room for the Russian and the English file that are still missing."""
        if obj is None:
            return 2
        taken = obj.files.exclude(language=FileLanguage.OTHER).count()
        return max(1, 2 - taken)

    @admin.display(description=_("original filename"))
    def stored_file(self, obj: DocumentFile) -> str:
        """The original filename, linked to the staff download (which works
        for drafts and every access level, unlike the public one)."""
        if obj.pk is None:
            return "—"
        url = reverse("admin:archive_document_file_download", args=[obj.document_id, obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_filename)

    @admin.display(description=_("size"))
    def size_display(self, obj: DocumentFile) -> str:
        return filesizeformat(obj.size) if obj.pk else "—"

    @admin.display(description=_("text extraction"))
    def extraction(self, obj: DocumentFile) -> str:
        if obj.pk is None:
            return "—"
        if obj.extraction_status == ExtractionStatus.FAILED:
            return format_html(
                '<strong>{}</strong><ul class="errorlist"><li>{}</li></ul>',
                obj.get_extraction_status_display(),
                obj.extraction_error or gettext("No error was recorded."),
            )
        return obj.get_extraction_status_display()


def _state_autocomplete() -> bool:
    """States are searched when membership's admin offers a search for them
    (admin.E039/E040 otherwise); a two-box selector until then."""
    state_admin = admin.site._registry.get(ParticipantState)
    return state_admin is not None and bool(state_admin.search_fields)


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """simple_history's admin first: its history views, URLs and the user
    stamping of historical records; modeltranslation's (further along the
    MRO) patches the form and fieldsets into RU/EN tabs. Neither overrides
    what the other one does, and both call super()."""

    form = DocumentAdminForm
    inlines = [DocumentFileInline]
    list_display = ["title", "doc_type", "date", "status", "access", "language_versions"]
    list_filter = [
        "doc_type", YearListFilter, "status", "access", "themes", MissingLanguageFilter,
    ]
    search_fields = ["title_ru", "title_en", "summary_ru", "summary_en", "reference", "slug"]
    list_select_related = False  # nothing related is shown; see get_queryset
    list_per_page = 50
    autocomplete_fields = ["supersedes", "themes", *(["states"] if _state_autocomplete() else [])]
    filter_horizontal = [] if _state_autocomplete() else ["states"]
    readonly_fields = [
        "status", "published_at", "superseded_by_link", "slug",
        "created_at", "created_by", "updated_at", "updated_by",
    ]
    fieldsets = (
        (None, {"fields": ("title", "summary")}),
        (_("Classification"), {"fields": ("doc_type", "date", "reference", "themes", "states")}),
        (_("Publication"), {"fields": (
            "access", "status", "published_at", "supersedes", "superseded_by_link",
        )}),
        (_("Record"), {"classes": ("collapse",), "fields": (
            "slug", "created_at", "created_by", "updated_at", "updated_by",
        )}),
    )
    actions = ["publish", "withdraw", "retry_extraction"]
    history_list_display = ["status"]
    object_history_template = "admin/archive/document/object_history.html"

    def get_queryset(self, request):
        return with_language_files(super().get_queryset(request))

    def get_search_results(self, request, queryset, search_term):
        """The admin's substring search (reference symbols, slugs, parts of
        words) or the archive's full-text search, which also reads the files'
        text, finds other word forms (беженец → беженцев) and folds Cyrillic
        case on SQLite too. The autocomplete of "supersedes" uses it as well."""
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if not search_term.strip():
            return found, may_have_duplicates
        full_text = documents_search(Document.objects.all(), search_term)
        return queryset.filter(
            Q(pk__in=found.values("pk")) | Q(pk__in=full_text.values("pk"))
        ), False

    # --- Deleting: the stored files go too --------------------------------------

    def delete_model(self, request, obj):
        names = _stored_names(DocumentFile.objects.filter(document=obj))
        super().delete_model(request, obj)
        _delete_stored_on_commit(names)

    def delete_queryset(self, request, queryset):
        names = _stored_names(DocumentFile.objects.filter(document__in=queryset))
        super().delete_queryset(request, queryset)
        _delete_stored_on_commit(names)

    # --- Columns ----------------------------------------------------------------

    @admin.display(description=_("languages"))
    def language_versions(self, obj: Document) -> str:
        """RU/EN with ✓ when the language's file is there, — when not; the
        tooltip says what else is missing."""
        parts = []
        for code, has_file, title in (
            ("RU", obj.has_ru_file, obj.title_ru), ("EN", obj.has_en_file, obj.title_en),
        ):
            missing = []
            if not has_file:
                missing.append(gettext("no file"))
            if not (title or "").strip():
                missing.append(gettext("no title"))
            tooltip = ", ".join(missing) if missing else gettext("file and title")
            parts.append((tooltip, code, "✓" if has_file else "—"))
        return format_html_join(" ", '<span title="{}">{}&nbsp;{}</span>', parts)

    @admin.display(description=_("superseded by"))
    def superseded_by_link(self, obj: Document) -> str:
        newer = getattr(obj, "superseded_by", None) if obj.pk else None
        if newer is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:archive_document_change", args=[newer.pk]), newer
        )

    # --- Saving through the services ----------------------------------------

    def save_model(self, request, obj, form, change):
        if change:
            # Compared with the stored row rather than the form's initial
            # data: a revert from the history starts from the old version.
            stored = Document.objects.get(pk=obj.pk)
            data = {
                name: value for name, value in form.cleaned_data.items()
                if name in UPDATABLE_FIELDS and getattr(stored, name) != value
            }
            document_update(document=obj, data=data, updated_by=request.user)
            return
        cleaned = form.cleaned_data
        created = document_create(
            created_by=request.user,
            doc_type=cleaned["doc_type"], date=cleaned["date"],
            title_ru=cleaned.get("title_ru") or "", title_en=cleaned.get("title_en") or "",
            summary_ru=cleaned.get("summary_ru") or "",
            summary_en=cleaned.get("summary_en") or "",
            reference=cleaned.get("reference") or "", access=cleaned["access"],
            themes=cleaned.get("themes") or (), states=cleaned.get("states") or (),
            supersedes=cleaned.get("supersedes"),
        )
        # The admin goes on with ``obj`` (many-to-many, inlines, messages).
        obj.pk = created.pk
        obj._state.adding = False
        obj.refresh_from_db()

    def save_formset(self, request, form, formset, change):
        if formset.model is not DocumentFile:
            super().save_formset(request, form, formset, change)
            return
        document = form.instance
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for file_form in formset.deleted_forms:
            if file_form.instance.pk is not None:
                _file_delete(file_form.instance)
                formset.deleted_objects.append(file_form.instance)
        for file_form in formset.forms:
            if (
                file_form in formset.deleted_forms
                or file_form.instance.pk is not None
                or not file_form.has_changed()
            ):
                continue
            upload = file_form.cleaned_data["file"]
            upload.seek(0)
            formset.new_objects.append(document_file_add(
                document=document, upload=upload,
                language=file_form.cleaned_data["language"], uploaded_by=request.user,
            ))

    # --- Actions --------------------------------------------------------------

    def _run_service(self, request, queryset, service, done_message, error_message):
        done = 0
        for document in queryset:
            try:
                service(document=document, by=request.user)
            except ValidationError as exc:
                self.message_user(request, error_message % {
                    "document": document, "error": " ".join(exc.messages),
                }, messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)

    @admin.action(description=_("Publish the selected documents"), permissions=["change"])
    def publish(self, request, queryset):
        self._run_service(
            request, queryset, document_publish,
            lambda n: ngettext("Published %(count)d document.",
                               "Published %(count)d documents.", n),
            gettext("«%(document)s» was not published: %(error)s"),
        )

    @admin.action(description=_("Withdraw the selected documents"), permissions=["change"])
    def withdraw(self, request, queryset):
        self._run_service(
            request, queryset, document_withdraw,
            lambda n: ngettext("Withdrew %(count)d document.",
                               "Withdrew %(count)d documents.", n),
            gettext("«%(document)s» was not withdrawn: %(error)s"),
        )

    @admin.action(description=_("Retry text extraction of failed files"),
                  permissions=["change"])
    def retry_extraction(self, request, queryset):
        files = list(DocumentFile.objects.filter(
            document__in=queryset, extraction_status=ExtractionStatus.FAILED,
        ))
        for file in files:
            file.extraction_status = ExtractionStatus.PENDING
            file.extraction_error = ""
            file.save(update_fields=["extraction_status", "extraction_error"])
            transaction.on_commit(functools.partial(extract_file.delay, file.pk))
        if files:
            self.message_user(request, ngettext(
                "Text extraction of %(count)d file was queued again.",
                "Text extraction of %(count)d files was queued again.", len(files),
            ) % {"count": len(files)}, messages.SUCCESS)
        else:
            self.message_user(request, gettext(
                "None of the selected documents has a file whose text extraction failed."
            ), messages.WARNING)

    # --- History: the document's changes and its files' -----------------------

    def history_view(self, request, object_id, extra_context=None):
        file_records = (
            DocumentFile.history.filter(document_id=object_id)
            .select_related("history_user").order_by("-history_date", "-history_id")[:200]
            if str(object_id).isdigit() else []
        )
        return super().history_view(
            request, object_id, extra_context={**(extra_context or {}),
                                               "file_records": file_records},
        )

    # --- Bulk upload and translation status -----------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("bulk-upload/", self.admin_site.admin_view(self.bulk_upload_view),
                 name="{}_{}_bulk_upload".format(*info)),
            path("bulk-upload/results/",
                 self.admin_site.admin_view(self.bulk_upload_results_view),
                 name="{}_{}_bulk_upload_results".format(*info)),
            path("<int:document_id>/files/<int:file_id>/download/",
                 self.admin_site.admin_view(self.file_download_view),
                 name="{}_{}_file_download".format(*info)),
            path("translation-status/",
                 self.admin_site.admin_view(self.translation_status_view),
                 name="{}_{}_translation_status".format(*info)),
            *super().get_urls(),
        ]

    def _view_context(self, request, title, **context):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts, "title": title, **context,
        }

    def bulk_upload_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = BulkUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            cleaned = form.cleaned_data
            result = documents_bulk_upload(
                uploads=cleaned["files"], uploaded_by=request.user,
                doc_type=cleaned["doc_type"], date=cleaned["date"], access=cleaned["access"],
                language=cleaned["language"],
            )
            for document in result.created:
                self.log_addition(request, document, [{"added": {}}])
            # Post/redirect/get: reloading the results must not upload again.
            request.session[BULK_RESULT_SESSION_KEY] = {
                "created": [document.pk for document in result.created],
                "rejected": [[name, str(message)] for name, message in result.rejected],
            }
            return redirect("admin:archive_document_bulk_upload_results")
        return TemplateResponse(
            request, "admin/archive/document/bulk_upload.html",
            self._view_context(request, _("Upload several files"), form=form,
                               media=form.media),
        )

    def bulk_upload_results_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_add_permission(request):
            raise PermissionDenied
        stored = request.session.get(BULK_RESULT_SESSION_KEY)
        if stored is None:
            return redirect("admin:archive_document_bulk_upload")
        by_pk = Document.objects.in_bulk(stored["created"])
        result = BulkUploadResult(
            created=[by_pk[pk] for pk in stored["created"] if pk in by_pk],
            rejected=[tuple(pair) for pair in stored["rejected"]],
        )
        return TemplateResponse(
            request, "admin/archive/document/bulk_upload_results.html",
            self._view_context(request, _("Bulk upload: results"), result=result),
        )

    def file_download_view(self, request: HttpRequest, document_id: int, file_id: int):
        document_file = get_object_or_404(
            DocumentFile.objects.select_related("document"), pk=file_id, document_id=document_id
        )
        if not self.has_view_permission(request, document_file.document):
            raise PermissionDenied
        response = sendfile(
            request, document_file.file.path, attachment=True,
            attachment_filename=document_file.original_filename,
            mimetype=document_file.mime_type,
        )
        response["Content-Disposition"] = _attachment(document_file)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def translation_status_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        gap = request.GET.get("gap")
        if gap not in GAPS:
            gap = None
        documents = with_language_files(
            Document.objects.exclude(status=PublicationStatus.WITHDRAWN)
        )
        counts = documents.aggregate(
            any=Count("pk", filter=any_gap_condition()),
            **{key: Count("pk", filter=gap_condition(key)) for key in GAPS},
        )
        listed = documents.filter(gap_condition(gap) if gap else any_gap_condition())
        page = Paginator(listed.order_by("-date", "-pk"), 100).get_page(request.GET.get("p"))
        rows = [(document, document_gaps(document)) for document in page.object_list]
        gap_filters = [(key, label, counts[key]) for key, (label, _missing, _c) in GAPS.items()]
        return TemplateResponse(
            request, "admin/archive/document/translation_status.html",
            self._view_context(
                request, _("Translation status"),
                gap=gap, gap_label=GAPS[gap][0] if gap else None,
                counts=counts, gap_filters=gap_filters,
                rows=[
                    (document, [
                        [GAPS[key][1] for key in gaps if key.startswith(f"{language}_")]
                        for language in ("ru", "en")
                    ])
                    for document, gaps in rows
                ],
                page=page,
            ),
        )


def _attachment(document_file: DocumentFile) -> str:
    """The original filename in UTF-8 (RFC 5987) and an ASCII fallback that
    keeps the extension (a Cyrillic name would otherwise become ".pdf")."""
    name = document_file.original_filename
    fallback = name if name.isascii() else f"document-{document_file.pk}{PurePath(name).suffix}"
    fallback = fallback.replace("\\", "_").replace('"', "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"


def _stored_names(files: QuerySet[DocumentFile]) -> list[str]:
    return [name for name in files.values_list("file", flat=True) if name]


def _delete_stored_on_commit(names: list[str]) -> None:
    """Remove stored files once their rows are gone for good (a rolled-back
    deletion keeps them). Missing files are no error."""
    storage = archive_storage()
    for name in names:
        transaction.on_commit(functools.partial(storage.delete, name))


def _file_delete(file: DocumentFile) -> None:
    """Delete a language file: the row now, the stored bytes and the
    reindexing once the transaction has committed."""
    name, document_id = file.file.name, file.document_id
    file.delete()
    _delete_stored_on_commit([name])
    transaction.on_commit(functools.partial(index_document.delay, document_id))

