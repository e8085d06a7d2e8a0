"""Secretariat admin of the Operational Mechanism: its versions (RU/EN tabs,
audit history) with their paragraphs inline. The rules are the model's
(``MechanismVersion.clean``), so a refused version comes back with its
error and everything typed kept; the save goes through mechanism.services."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from core.dates import date_label
from meetings.enums import MeetingKind
from meetings.models import MeetingOutcome

from . import services
from .models import MechanismParagraph, MechanismVersion


class ParagraphInline(TranslationStackedInline):
    model = MechanismParagraph
    extra = 0
    fields = (("position", "kind", "number"), "text")


def _outcome_label(outcome: MeetingOutcome) -> str:
    kind, day = outcome.get_kind_display(), date_label(outcome.adopted_on)
    return f"{outcome.meeting.title} — {kind}, {day}"


class VersionForm(forms.ModelForm):
    copy_from = forms.ModelChoiceField(
        queryset=MechanismVersion.objects.order_by("-in_force_from"), required=False,
        label=_("Start from the text of"),
        help_text=_("For an amendment: the paragraphs of this version are copied into the new "
                    "one when it is saved without paragraphs of its own, to be edited there."),
    )

    class Meta:
        model = MechanismVersion
        fields = ("in_force_from", "illustrative", "outcome", "adopted_on", "adoption_note",
                  "document")


@admin.register(MechanismVersion)
class MechanismVersionAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    form = VersionForm
    list_display = ("__str__", "in_force_from", "adopted_by", "document", "paragraph_count",
                    "illustrative")
    list_filter = ("illustrative",)
    search_fields = ("paragraphs__text_ru", "paragraphs__text_en")
    list_select_related = ("outcome__meeting", "document")
    autocomplete_fields = ("document",)
    inlines = (ParagraphInline,)
    fieldsets = (
        (None, {"fields": ("in_force_from", "illustrative", "copy_from")}),
        (_("Adoption"), {
            "fields": ("outcome", "adopted_on", "adoption_note", "document"),
            "description": _("The original text records its adoption; every later text is an "
                             "amendment, adopted by a Ministerial Conference outcome of the "
                             "kind “Amendment of the Operational Mechanism”."),
        }),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(paragraphs_count=Count("paragraphs"))

    def get_search_results(self, request, queryset, search_term):
        queryset, _duplicates = super().get_search_results(request, queryset, search_term)
        return queryset, True

    @admin.display(description=_("adopted by"))
    def adopted_by(self, obj):
        if obj.outcome_id is None:
            return date_label(obj.adopted_on)
        return _outcome_label(obj.outcome)

    @admin.display(description=_("paragraphs"), ordering="paragraphs_count")
    def paragraph_count(self, obj):
        return obj.paragraphs_count

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "outcome":
            # Only a Ministerial Conference adopts or amends the text.
            kwargs["queryset"] = (
                MeetingOutcome.objects.filter(meeting__kind=MeetingKind.MINISTERIAL)
                .select_related("meeting").order_by("-adopted_on", "position")
            )
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "outcome":
            field.label_from_instance = _outcome_label
        return field

    def save_model(self, request, obj, form, change):
        services.version_save(version=obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        source = form.cleaned_data.get("copy_from")
        if source is not None and source.pk != form.instance.pk:
            copied = services.paragraphs_copy(source=source, target=form.instance)
            if copied:
                self.message_user(request, _("Paragraphs copied from “%(version)s”: %(count)d. "
                                             "Edit them into the amended text.")
                                  % {"count": copied, "version": source}, messages.INFO)
