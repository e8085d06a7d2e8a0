"""The document admin's own pages: bulk upload (with its results page),
translation status, and the staff download of a stored file. Mixed into
``DocumentAdmin``; each page goes through ``admin_site.admin_view`` (staff
only) and checks the model permission it needs."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from ..downloads import file_response
from ..enums import PublicationStatus
from ..forms import BulkUploadForm
from ..models import Document, DocumentFile
from ..services import BulkUploadResult, documents_bulk_upload
from .gaps import GAPS, any_gap_condition, document_gaps, gap_condition, with_language_files

BULK_RESULT_SESSION_KEY = "archive_bulk_upload_result"


class DocumentPagesMixin:
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
        # Drafts and every access level: never kept by a shared cache.
        return file_response(request, document_file, private=True)

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
