"""Secretariat admin of the action plan: versions (RU/EN tabs, audit
history, a new version from the previous one, bulk import from a file),
areas with their items inline, reporting rounds (open, close, endorse,
build the PDF reports) and the states' progress with dated notes. Every
write goes through actionplan.services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .enums import ReportLanguage
from .filters import HasAnswerFilter
from .imports import parse_plan_file
from .models import (
    Action,
    ActionProgress,
    Area,
    DeclarationParagraph,
    ExpectedResult,
    GoodPractice,
    Objective,
    Plan,
    ProgressNote,
    ProgressReport,
    ReportingRound,
)

_SERVICE_ERROR = "_actionplan_service_error"


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("JSON (the whole plan) or CSV (one row per objective, action, result or "
                    "good practice); the format is described in the README."),
    )
    version = forms.IntegerField(label=_("Version"), min_value=1, required=False,
                                 help_text=_("Required for CSV; for JSON, overrides the file's."))
    title_ru = forms.CharField(label=_("Title (Russian)"), required=False, max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), required=False, max_length=300)


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("version", "title", "status", "adopted_on", "adopted_at", "supersedes")
    list_filter = ("status",)
    search_fields = ("title_ru", "title_en")
    list_select_related = ("adopted_at", "supersedes")
    autocomplete_fields = ("adopted_at",)
    readonly_fields = ("supersedes", "created_at")
    fieldsets = (
        (None, {"fields": ("version", "title", "framework_title", "status")}),
        (_("Adoption"), {"fields": ("adopted_on", "adopted_at", "supersedes", "created_at")}),
    )
    actions = ("new_version",)
    change_list_template = "admin/actionplan/plan/change_list.html"

    @admin.action(description=_("Start a new version from the selected plan"))
    def new_version(self, request, queryset):
        for plan in queryset:
            try:
                new = services.plan_create_version(previous=plan)
            except ValidationError as exc:
                self.message_user(request, f"{plan}: {'; '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(request, _("Version %(version)s created.")
                                  % {"version": new.version})

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view),
                 name="actionplan_plan_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = PlanImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data = parse_plan_file(
                    content=upload.read(), filename=upload.name,
                    version=form.cleaned_data["version"],
                    title_ru=form.cleaned_data["title_ru"],
                    title_en=form.cleaned_data["title_en"],
                )
                plan = services.plan_load(data=data)
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                self.message_user(request, _("Plan %(plan)s imported.") % {"plan": plan})
                return redirect(reverse("admin:actionplan_plan_change", args=[plan.pk]))
        context = {**self.admin_site.each_context(request), "form": form,
                   "opts": self.model._meta, "title": _("Import a plan from a file")}
        return TemplateResponse(request, "admin/actionplan/plan/import.html", context)


@admin.register(DeclarationParagraph)
class DeclarationParagraphAdmin(TabbedTranslationAdmin):
    list_display = ("number", "summary")
    list_filter = ()
    search_fields = ("=number", "summary_ru", "summary_en")


class ObjectiveInline(TranslationTabularInline):
    model = Objective
    extra = 0


class ActionInline(TranslationTabularInline):
    model = Action
    extra = 0
    fields = ("order", "heading", "level", "text", "note")


class ExpectedResultInline(TranslationTabularInline):
    model = ExpectedResult
    extra = 0


class GoodPracticeInline(TranslationTabularInline):
    model = GoodPractice
    extra = 0
    fields = ("order", "heading", "text")


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "plan", "number")
    list_filter = ("plan",)
    search_fields = ("title_ru", "title_en")
    list_select_related = ("plan",)
    autocomplete_fields = ("declaration_paragraphs",)
    fieldsets = ((None, {"fields": ("plan", "number", "title", "declaration_paragraphs")}),)
    inlines = (ObjectiveInline, ActionInline, ExpectedResultInline, GoodPracticeInline)


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """For the autocomplete of the progress admin and searching actions."""

    list_display = ("__str__", "area", "order", "level")
    list_filter = ("area__plan", "level")
    search_fields = ("text_ru", "text_en")
    list_select_related = ("area__plan",)
    fieldsets = ((None, {"fields": ("area", "order", "heading", "level", "text", "note")}),)


class RoundForm(forms.ModelForm):
    class Meta:
        model = ReportingRound
        fields = ("plan", "meeting")


@admin.register(ReportingRound)
class ReportingRoundAdmin(SimpleHistoryAdmin):
    list_display = ("meeting", "plan", "status", "opened_on", "closed_on", "endorsed",
                    "endorsed_on")
    list_filter = ("status", "endorsed", "plan")
    search_fields = ("meeting__title_ru", "meeting__title_en")
    list_select_related = ("meeting", "plan")
    autocomplete_fields = ("meeting",)
    actions = ("close_rounds", "endorse_rounds", "build_reports")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """A rule round_open refuses rolls the save back; the form is shown
        again with the service's error and the user's choices."""
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            if request.method != "POST" or hasattr(request, _SERVICE_ERROR):
                raise
            setattr(request, _SERVICE_ERROR, exc)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = RoundForm
        form_class = super().get_form(request, obj, **kwargs)
        error = getattr(request, _SERVICE_ERROR, None)
        if error is None:
            return form_class

        class WithServiceError(form_class):
            def clean(self):
                cleaned = super().clean()
                self.add_error(None, error)
                return cleaned

        return WithServiceError

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return ((None, {"fields": ("plan", "meeting")}),)
        return ((None, {"fields": ("plan", "meeting", "status", "opened_on", "closed_on",
                                   "endorsed", "endorsed_on")}),)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("plan", "meeting", "status", "opened_on", "closed_on", "endorsed",
                "endorsed_on")

    def save_model(self, request, obj, form, change):
        if change:
            return
        opened = services.round_open(plan=obj.plan, meeting=obj.meeting)
        obj.pk = opened.pk

    @admin.action(description=_("Close the selected rounds"))
    def close_rounds(self, request, queryset):
        self._each(request, queryset, lambda r: services.round_close(reporting_round=r))

    @admin.action(description=_(
        "Mark endorsed by the Senior Officials' Meeting (dated today) and publish the progress"))
    def endorse_rounds(self, request, queryset):
        self._each(request, queryset, lambda r: services.round_endorse(
            reporting_round=r, on=timezone.localdate()))

    @admin.action(description=_("Build the PDF progress reports (Russian and English)"))
    def build_reports(self, request, queryset):
        self._each(request, queryset, lambda r: [
            services.progress_report_request(reporting_round=r, language=lang)
            for lang in ReportLanguage.values
        ])

    def _each(self, request, queryset, call):
        for item in queryset:
            try:
                call(item)
            except ValidationError as exc:
                self.message_user(request, f"{item}: {'; '.join(exc.messages)}", messages.ERROR)
            else:
                self.message_user(request, _("%(round)s: done.") % {"round": item})


class ProgressNoteInline(admin.StackedInline):
    model = ProgressNote
    extra = 0
    fields = ("date", "visibility", "text", "documents")
    autocomplete_fields = ("documents",)


@admin.register(ActionProgress)
class ActionProgressAdmin(SimpleHistoryAdmin):
    list_display = ("state", "action_code", "status", "timeline", "responsible_body", "round")
    list_filter = ("round", "state", "status", HasAnswerFilter)
    search_fields = ("action__text_ru", "action__text_en", "responsible_body")
    list_select_related = ("state", "action__area", "round__meeting")
    autocomplete_fields = ("action", "supporting_organisations")
    readonly_fields = ("updated_by", "updated_at")
    fieldsets = ((None, {"fields": ("round", "state", "action", "status", "timeline",
                                    "responsible_body", "supporting_organisations",
                                    "updated_by", "updated_at")}),)
    inlines = (ProgressNoteInline,)

    @admin.display(description=_("action"), ordering="action__order")
    def action_code(self, obj):
        return obj.action.code

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ("round", "language", "status", "progress", "step", "built_at")
    list_filter = ("status", "language")
    search_fields = ("round__meeting__title_ru", "round__meeting__title_en")
    list_select_related = ("round__meeting",)
    readonly_fields = ("round", "language", "status", "progress", "step", "error", "file",
                       "built_at")
    fields = readonly_fields

    def has_add_permission(self, request):
        return False
