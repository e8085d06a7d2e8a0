"""Imports of an existing archive (archive.imports) in the admin: the add
page takes a manifest and its files (a ZIP, or a server folder of
ARCHIVE_IMPORT_DIRS) and queues the run; an import's own page shows its
progress (refreshed by the page itself while it runs: no JavaScript) and
then its report, row by row, with the documents it made. Imports are kept
for staff and never edited."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..enums import ImportOutcome
from ..forms import ArchiveImportForm
from ..imports import archive_import_repeat, archive_import_repeatable, archive_import_request
from ..imports.report import text
from ..models import ArchiveImport

REPORT_PAGE_SIZE = 200
REFRESH_SECONDS = 2


@admin.register(ArchiveImport)
class ArchiveImportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "dry_run", "status", "progress_display", "created_count",
                    "updated_count", "unchanged_count", "refused_count", "created_by"]
    list_filter = ["status", "dry_run", "source"]
    search_fields = ["manifest_name"]
    list_select_related = ["created_by"]
    date_hierarchy = "created_at"
    fieldsets = ((None, {"fields": ("manifest_name", "source", "dry_run", "status")}),)

    @admin.display(description=_("progress"))
    def progress_display(self, obj: ArchiveImport) -> str:
        return f"{obj.progress}%"

    def has_change_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArchiveImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            cleaned = form.cleaned_data
            archive_import = archive_import_request(
                manifest=cleaned["manifest"], zip_file=cleaned.get("files_zip"),
                folder=cleaned.get("folder") or "", dry_run=cleaned["dry_run"], by=request.user,
            )
            self.log_addition(request, archive_import, [{"added": {}}])
            return redirect("admin:archive_archiveimport_change", archive_import.pk)
        return TemplateResponse(request, "admin/archive/archiveimport/import_form.html", {
            **self.admin_site.each_context(request), "opts": self.opts,
            "title": _("Import documents from a manifest"), "form": form, "media": form.media,
        })

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not str(object_id).isdigit():
            return redirect("admin:archive_archiveimport_changelist")
        archive_import = get_object_or_404(
            ArchiveImport.objects.select_related("created_by"), pk=object_id)
        if not self.has_view_permission(request, archive_import):
            raise PermissionDenied
        if request.method == "POST":
            return self._repeat(request, archive_import)
        return TemplateResponse(request, "admin/archive/archiveimport/progress.html", {
            **self.admin_site.each_context(request), "opts": self.opts,
            "title": str(archive_import), "archive_import": archive_import,
            "refresh_seconds": REFRESH_SECONDS if archive_import.busy else None,
            "repeatable": archive_import_repeatable(archive_import)
            and self.has_add_permission(request),
            **self._report(request, archive_import),
        })

    def _repeat(self, request, archive_import: ArchiveImport):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if not archive_import_repeatable(archive_import):
            self.message_user(request, gettext(
                "This import cannot be run again: only a finished dry run whose manifest is "
                "still on the server can."), messages.ERROR)
            return redirect("admin:archive_archiveimport_change", archive_import.pk)
        again = archive_import_repeat(archive_import=archive_import, by=request.user)
        self.log_addition(request, again, [{"added": {}}])
        return redirect("admin:archive_archiveimport_change", again.pk)

    def _report(self, request, archive_import: ArchiveImport) -> dict:
        outcome = request.GET.get("outcome")
        if outcome not in ImportOutcome.values:
            outcome = None
        entries = [entry for entry in archive_import.report
                   if entry.get("line") and (outcome is None or entry["outcome"] == outcome)]
        page = Paginator(entries, REPORT_PAGE_SIZE).get_page(request.GET.get("p"))
        return {
            "outcome": outcome, "outcomes": ImportOutcome.choices, "page": page,
            "rows": [{
                **entry, "outcome_label": ImportOutcome(entry["outcome"]).label,
                "texts": [text(detail) for detail in entry.get("details", [])],
            } for entry in page.object_list],
            "manifest_errors": [text(detail) for entry in archive_import.report
                                if not entry.get("line") for detail in entry["details"]],
        }
