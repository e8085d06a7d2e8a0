"""Secretariat admin of meetings: RU/EN tabs, audit history, the agenda,
outcomes and documents inline, and the cadence panel linked from the
changelist. Every write goes through meetings.services; a rule the service
refuses comes back on the form with the user's input kept."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
)
from simple_history.admin import SimpleHistoryAdmin

from membership.models import ParticipantState

from ..cadence import meeting_cadence
from ..enums import WorkingLanguage
from ..models import AgendaItem, Meeting, MeetingDocument, MeetingOutcome
from ..services import (
    agenda_item_save,
    meeting_check_consistency,
    meeting_document_save,
    meeting_part_delete,
    meeting_save,
    outcome_save,
)

_SERVICE_ERROR = "_meetings_service_error"


class ServiceErrorsMixin:
    """A rule a service refuses at save time (after the forms validated)
    rolls the whole save back; the form is then shown again with the
    service's error and everything the user typed."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            if request.method != "POST" or hasattr(request, _SERVICE_ERROR):
                raise
            setattr(request, _SERVICE_ERROR, exc)
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        error = getattr(request, _SERVICE_ERROR, None)
        if error is None:
            return form_class

        class WithServiceError(form_class):
            def clean(self):
                cleaned = super().clean()
                if hasattr(error, "error_dict"):
                    for name, errors in error.error_dict.items():
                        self.add_error(name if name in self.fields else None, errors)
                else:
                    self.add_error(None, error)
                return cleaned

        return WithServiceError


class StateAutocompleteMixin:
    """Autocomplete for states once membership's admin searches them (as
    in chairmanship.admin); plain selects otherwise."""

    state_fields: tuple[str, ...] = ()

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        state_admin = self.admin_site._registry.get(ParticipantState)
        if state_admin is not None and state_admin.search_fields:
            fields += list(self.state_fields)
        return fields


REGISTRATION_MOMENTS = ("registration_opens", "registration_closes")


class MeetingAdminForm(forms.ModelForm):
    """Registration moments are typed and shown in the meeting's own time
    zone (the one chosen on the form), not the portal's."""

    working_languages = forms.MultipleChoiceField(
        label=_("working languages"), choices=WorkingLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Meeting
        # The admin passes the fields of its fieldsets; these are the ones
        # this form changes.
        fields = ("slug", "working_languages")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REGISTRATION_MOMENTS:
            if name in self.fields:
                self.fields[name].help_text = _("In the meeting's time zone.")
            value = self.initial.get(name)
            if self.instance.pk and value is not None:
                # Naive values are shown as they are: the meeting's local time.
                self.initial[name] = timezone.make_naive(value, self.instance.zone)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            if not self.instance.pk:
                self.fields["slug"].help_text = _(
                    "Leave empty: made from the English title and the year."
                )


    def clean(self):
        cleaned = super().clean()
        try:
            zone = zoneinfo.ZoneInfo(cleaned.get("time_zone") or "")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return cleaned  # the field's own error says so
        for name in REGISTRATION_MOMENTS:
            if cleaned.get(name) is not None:
                # The form read it in the portal's time zone: re-read the
                # same wall-clock time in the meeting's.
                cleaned[name] = timezone.make_aware(timezone.make_naive(cleaned[name]), zone)
        return cleaned


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
    fields = [("position", "day", "start_time", "end_time"), "title", "description", "speakers"]
    verbose_name = _("agenda item")
    verbose_name_plural = _("agenda")


class OutcomeInline(StateAutocompleteMixin, TranslationStackedInline):
    model = MeetingOutcome
    extra = 0
    state_fields = ("states",)
    fields = [("position", "kind", "adopted_on"), "text", "confirms_chairmanship",
              # What the decisions register shows of it.
              ("access", "published_at"), "themes", "states", "documents"]
    autocomplete_fields = ["confirms_chairmanship", "themes", "documents"]


class MeetingDocumentInline(admin.TabularInline):
    model = MeetingDocument
    extra = 0
    fields = ["position", "document", "role"]
    autocomplete_fields = ["document"]


# Which service saves which inline row.
_PART_SAVERS = {
    AgendaItem: lambda part: agenda_item_save(item=part),
    MeetingOutcome: lambda part: outcome_save(outcome=part),
    MeetingDocument: lambda part: meeting_document_save(link=part),
}


@admin.register(Meeting)
class MeetingAdmin(ServiceErrorsMixin, StateAutocompleteMixin, SimpleHistoryAdmin,
                   TabbedTranslationAdmin):
    form = MeetingAdminForm
    inlines = [AgendaItemInline, OutcomeInline, MeetingDocumentInline]
    list_display = ["title", "kind", "start", "end", "city", "host_state", "status"]
    list_filter = ["kind", "status", "host_state", "themes"]
    list_select_related = ["host_state"]
    search_fields = ["title_ru", "title_en", "city_ru", "city_en", "venue_ru", "venue_en", "slug"]
    date_hierarchy = "start"
    ordering = ["-start"]
    autocomplete_fields = ["themes"]
    state_fields = ("host_state", "chair_override")
    readonly_fields = ["created_at", "created_by", "updated_at", "updated_by"]
    history_list_display = ["status"]
    fieldsets = (
        (None, {"fields": ("kind", "title", "description", "slug", "status", "themes")}),
        (_("Dates and place"), {"fields": (
            ("start", "end"), "time_zone", "host_state", "city", "venue",
        )}),
        (pgettext_lazy("meeting", "Chair"), {"fields": (
            "chair_override", "chair_override_reason",
        )}),
        (_("Registration of delegations"), {"fields": (
            ("registration_opens", "registration_closes"), "max_delegation_size",
        )}),
        (_("Observers"), {"fields": (
            "observers_excluded", "observers_excluded_reason", "max_observer_delegation_size",
        )}),
        (_("Languages"), {"fields": (
            "working_languages", "interpretation", "interpretation_note",
        )}),
        (_("Record"), {"classes": ("collapse",), "fields": (
            "created_at", "created_by", "updated_at", "updated_by",
        )}),
    )

    # --- Saving through the services ----------------------------------------

    def save_model(self, request, obj, form, change):
        # The inlines are saved after this: the agenda and outcomes are
        # checked against the meeting's dates and kind once they are.
        meeting_save(meeting=obj, user=request.user, check_consistency=False)

    def save_formset(self, request, form, formset, change):
        parts = formset.save(commit=False)
        for part in formset.deleted_objects:
            meeting_part_delete(part=part)
        for part in parts:
            _PART_SAVERS[type(part)](part)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        meeting_check_consistency(meeting=form.instance)

    # --- The cadence panel ----------------------------------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("cadence/", self.admin_site.admin_view(self.cadence_view),
                 name="{}_{}_cadence".format(*info)),
            *super().get_urls(),
        ]

    def cadence_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Cadence of meetings"),
            "years": meeting_cadence(),
            "today": timezone.localdate(),
        }
        return TemplateResponse(request, "admin/meetings/meeting/cadence.html", context)
