"""Secretariat admin of briefing packs: a page per meeting with its packs
(build, progress bar, download, what each included) and the pack's
document selection; the packs list; and a "build briefing packs" action
on the meetings list, attached here so that meetings never imports
briefings. The meeting's change form links to the page (its template
includes admin/briefings/_meeting_button.html)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from archive.models import Document
from meetings.models import Meeting

from . import selectors
from .enums import STEP_LABELS, EntryOutcome, PackKind, PackLanguage, PackStatus
from .models import BriefingPack, PackDocument
from .services import pack_documents_set, pack_request


def step_label(pack: BriefingPack) -> str:
    return str(STEP_LABELS.get(pack.step, pack.step))


@admin.register(BriefingPack)
class BriefingPackAdmin(admin.ModelAdmin):
    list_display = ["meeting", "kind", "language", "status", "progress", "stale", "version",
                    "page_count", "finished_at"]
    list_filter = ["status", "kind", "language", "stale", "restricted"]
    list_select_related = ["meeting"]
    search_fields = ["meeting__title_ru", "meeting__title_en", "meeting__slug"]
    readonly_fields = [
        "meeting", "kind", "language", "status", "progress", "step", "error", "file",
        "page_count", "size", "sha256", "version", "contents", "stale", "requested_by",
        "requested_at", "started_at", "finished_at", "attempts",
    ]
    fieldsets = (
        (None, {"fields": ("meeting", "kind", "language", "restricted")}),
        (_("Latest build"), {"fields": (
            "status", "progress", "step", "error", "stale", "requested_by", "requested_at",
            "started_at", "finished_at", "attempts",
        )}),
        (_("File"), {"fields": ("file", "version", "page_count", "size", "sha256", "contents")}),
    )

    def has_add_permission(self, request):
        return False  # packs are made by building them from the meeting's page

    def change_view(self, request, object_id, form_url="", extra_context=None):
        pack = self.get_object(request, object_id)
        if pack is None:
            raise Http404
        return HttpResponseRedirect(self._meeting_url(pack.meeting_id))

    # --- The meeting's packs page -------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        view = self.admin_site.admin_view
        return [
            path("meeting/<int:meeting_id>/", view(self.meeting_view),
                 name="{}_{}_meeting".format(*info)),
            path("<int:pk>/progress.json", view(self.progress_view),
                 name="{}_{}_progress".format(*info)),
            *super().get_urls(),
        ]

    @staticmethod
    def _meeting_url(meeting_id: int) -> str:
        return reverse("admin:briefings_briefingpack_meeting", args=[meeting_id])

    def meeting_view(self, request, meeting_id: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        inline = PackDocumentInline(Meeting, self.admin_site)
        formset = inline.get_formset(request, meeting)(
            request.POST if "save_selection" in request.POST else None,
            instance=meeting, queryset=PackDocument.objects.filter(meeting=meeting)
            .select_related("document").order_by("position", "pk"),
        )
        if request.method == "POST":
            if not self.has_change_permission(request):
                raise PermissionDenied
            if "save_selection" in request.POST:
                if formset.is_valid():
                    pack_documents_set(meeting=meeting, documents=_chosen_documents(formset))
                    messages.success(request, _("The pack's documents were saved."))
                    return HttpResponseRedirect(self._meeting_url(meeting.pk))
            else:
                kind = request.POST.get("kind")
                language = request.POST.get("language")
                if kind not in PackKind.values or language not in PackLanguage.values:
                    raise Http404
                restricted = (
                    request.POST.get("restricted") == "on" if kind == PackKind.PROCEEDINGS
                    else True
                )
                pack_request(meeting=meeting, language=language, kind=kind, user=request.user,
                             restricted=restricted)
                messages.info(request, _("The pack is being built."))
                return HttpResponseRedirect(self._meeting_url(meeting.pk))
        [selection] = self.get_inline_formsets(request, [formset], [inline], meeting)
        packs = {(p.kind, p.language): p for p in selectors.packs_for_admin(meeting=meeting)}
        rows = []
        for kind in PackKind:
            for language in PackLanguage:
                pack = packs.get((kind.value, language.value))
                rows.append({
                    "kind": kind, "language": language, "pack": pack,
                    "step": step_label(pack) if pack else "",
                    "busy": bool(pack and pack.status in (PackStatus.QUEUED, PackStatus.RUNNING)),
                    "contents": _contents_rows(pack) if pack else [],
                })
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts, "meeting": meeting, "rows": rows,
            "title": _("Briefing packs: %(meeting)s") % {"meeting": meeting.title},
            "selection": selection, "media": self.media + selection.media,
            "rebuild_minutes": max(1, round(settings.BRIEFING_REBUILD_DEBOUNCE / 60)),
            "any_busy": any(row["busy"] for row in rows),
            # Nothing chosen: the meeting's own documents make the pack.
            "documents": [] if formset.initial_forms else selectors.pack_documents(
                meeting=meeting, kind=PackKind.BRIEFING),
        }
        return TemplateResponse(request, "admin/briefings/meeting_packs.html", context)

    def progress_view(self, request, pk: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        pack = selectors.pack_progress(pk=pk)
        if pack is None:
            raise Http404
        return JsonResponse({
            "status": pack.status, "status_label": str(PackStatus(pack.status).label),
            "progress": pack.progress, "step": step_label(pack), "error": pack.error,
            "download": pack.get_absolute_url() if pack.file else "",
            "pages": pack.page_count,
        })


def _contents_rows(pack: BriefingPack) -> list[dict]:
    labels = dict(EntryOutcome.choices)
    return [{**row, "outcome_label": labels.get(row.get("outcome"), row.get("outcome"))}
            for row in pack.contents or []]


class _RowAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete, which shows a row's chosen document from the
    row (the selection is loaded with its documents) rather than with one
    query per row: the page's queries do not grow with the selection."""

    document = None

    def optgroups(self, name, value, attr=None):
        chosen = self.document
        if chosen is None or [str(v) for v in value if v not in ("", None)] != [str(chosen.pk)]:
            return super().optgroups(name, value, attr)
        options = [] if self.is_required else [self.create_option(name, "", "", False, 0)]
        options.append(self.create_option(
            name, chosen.pk, self.choices.field.label_from_instance(chosen), True, len(options)))
        return [(None, options, 0)]


class PackDocumentForm(forms.ModelForm):
    """A row of the selection: a position left empty puts the document
    after the numbered ones."""

    class Meta:
        model = PackDocument
        fields = ["document", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["position"].initial = None
        if self.instance._state.adding:
            self.initial.pop("position", None)
        elif "document" in self.instance._state.fields_cache:
            widget = self.fields["document"].widget
            getattr(widget, "widget", widget).document = self.instance.document


class PackDocumentInline(admin.TabularInline):
    """The pack's documents on the meeting's packs page (not on a change
    form): chosen by title, reference or slug (the archive's autocomplete),
    in the order of their positions."""

    model = PackDocument
    form = PackDocumentForm
    fields = ["document", "position"]
    autocomplete_fields = ["document"]
    extra = 3
    verbose_name = _("document")
    verbose_name_plural = _("Documents in the briefing pack")

    def has_delete_permission(self, request, obj=None):
        # Taking a document out of the pack edits the selection (the
        # document stays in the archive): the editors, who delete nothing,
        # may do it as they could in the former text box.
        return self.has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "document":
            kwargs["widget"] = _RowAutocompleteSelect(db_field, self.admin_site,
                                                      using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _chosen_documents(formset) -> list[Document]:
    """The documents of the rows kept, by position (then as listed; rows
    without a position last), each once."""
    rows = [
        (form.cleaned_data.get("position") is None, form.cleaned_data.get("position") or 0,
         index, form.cleaned_data["document"])
        for index, form in enumerate(formset.forms)
        if form.cleaned_data.get("document") and not form.cleaned_data.get("DELETE")
    ]
    documents = []
    for *_order, document in sorted(rows, key=lambda row: row[:3]):
        if document not in documents:
            documents.append(document)
    return documents


# --- The action on the meetings list ----------------------------------------------------

@admin.action(description=_("Build briefing packs (Russian and English)"),
              permissions=["change"])
def build_briefing_packs(modeladmin, request, queryset):
    meetings = list(queryset)
    for meeting in meetings:
        for language in PackLanguage.values:
            pack_request(meeting=meeting, language=language, kind=PackKind.BRIEFING,
                         user=request.user)
    modeladmin.message_user(request, ngettext(
        "The briefing packs of %(count)d meeting are being built.",
        "The briefing packs of %(count)d meetings are being built.", len(meetings),
    ) % {"count": len(meetings)}, messages.INFO)
    if len(meetings) == 1:
        return HttpResponseRedirect(BriefingPackAdmin._meeting_url(meetings[0].pk))
    return None


def _attach_action() -> None:
    meeting_admin = admin.site._registry.get(Meeting)
    if meeting_admin is not None and build_briefing_packs not in (meeting_admin.actions or ()):
        meeting_admin.actions = [*(meeting_admin.actions or ()), build_briefing_packs]


_attach_action()
