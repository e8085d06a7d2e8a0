"""The document admin: RU/EN tabs, audit history, the language-file
inline, actions calling the services, and the full-text search."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from membership.models import ParticipantState

from ..enums import ExtractionStatus, FileLanguage
from ..forms import DocumentAdminForm, DocumentFileInlineForm, DocumentFileInlineFormSet
from ..models import Document, DocumentFile, DocumentTerm
from ..search import documents_matching
from ..services import (
    UPDATABLE_FIELDS,
    document_create,
    document_file_add,
    document_file_delete,
    document_files_retry_extraction,
    document_publish,
    document_update,
    document_withdraw,
    documents_delete,
)
from .gaps import MissingLanguageFilter, YearListFilter, with_language_files
from .pages import DocumentPagesMixin


def _without_terms(nested: list) -> list:
    prefix = f"{DocumentTerm._meta.verbose_name.capitalize()}: "
    kept = []
    for item in nested:
        if isinstance(item, list):
            item = _without_terms(item)
            if item:
                kept.append(item)
        elif not str(item).startswith(prefix):
            kept.append(item)
    return kept


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
class DocumentAdmin(DocumentPagesMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    """The pages mixin only adds URLs and views. simple_history's admin
    comes next: its history views and URLs, and the user stamping of
    historical records; modeltranslation's (further along the MRO) patches
    the form and fieldsets into RU/EN tabs. Neither overrides what the other
    one does, and both call super()."""

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
        full_text = documents_matching(Document.objects.all(), search_term)
        return queryset.filter(
            Q(pk__in=found.values("pk")) | Q(pk__in=full_text.values("pk"))
        ), False

    # --- Deleting: the stored files go too --------------------------------------

    def delete_model(self, request, obj):
        documents_delete(documents=Document.objects.filter(pk=obj.pk))

    def get_deleted_objects(self, objs, request):
        """The confirmation page leaves out the search's term weights
        (DocumentTerm, dozens a document), which go with their document."""
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(
            objs, request
        )
        model_count.pop(DocumentTerm._meta.verbose_name_plural, None)
        return _without_terms(to_delete), model_count, perms_needed, protected

    def delete_queryset(self, request, queryset):
        documents_delete(documents=queryset)

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
                document_file_delete(document_file=file_form.instance, by=request.user)
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
            gettext("“%(document)s” was not published: %(error)s"),
        )

    @admin.action(description=_("Withdraw the selected documents"), permissions=["change"])
    def withdraw(self, request, queryset):
        self._run_service(
            request, queryset, document_withdraw,
            lambda n: ngettext("Withdrew %(count)d document.",
                               "Withdrew %(count)d documents.", n),
            gettext("“%(document)s” was not withdrawn: %(error)s"),
        )

    @admin.action(description=_("Retry text extraction of failed files"),
                  permissions=["change"])
    def retry_extraction(self, request, queryset):
        queued = document_files_retry_extraction(documents=queryset)
        if queued:
            self.message_user(request, ngettext(
                "Text extraction of %(count)d file was queued again.",
                "Text extraction of %(count)d files was queued again.", queued,
            ) % {"count": queued}, messages.SUCCESS)
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
