"""Secretariat admin for terms and declined turns. Every save goes through
the services, so overlaps, term lengths and departures from the rotation
come back as form errors; the changelist shows the rotation's proposal with a
one-click button to record it (validated again by the service)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from membership.models import ParticipantState

from .models import Chairmanship, TurnDeclination
from .services import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_propose_next,
    chairmanship_update,
    chairmanship_validate,
    turn_declination_update,
    turn_declination_validate,
    turn_decline,
)
from .validators import term_end_for


def _state_autocomplete() -> list[str]:
    """Autocomplete for the state when membership's admin offers a search
    for states (admin.E039/E040 otherwise); a plain select until then."""
    state_admin = admin.site._registry.get(ParticipantState)
    return ["state"] if state_admin is not None and state_admin.search_fields else []


CREATE_FIELDS = (
    "state", "start", "end", "basis",
    "representative_name_ru", "representative_name_en",
    "representative_title_ru", "representative_title_en",
    "decision_note_ru", "decision_note_en", "decided_at_ru", "decided_at_en",
    "notes_ru", "notes_en",
)


class ChairmanshipAdminForm(forms.ModelForm):
    """Leaves the end empty to have it computed (two years less a day) and
    runs every rule of ``chairmanship_validate`` as form errors."""

    class Meta:
        model = Chairmanship
        fields = CREATE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "end" in self.fields:
            self.fields["end"].required = False
            self.fields["end"].help_text = _(
                "Leave empty: two years after the start, less one day."
            )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("end") and cleaned.get("start"):
            cleaned["end"] = term_end_for(cleaned["start"])
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        original = None
        if self.instance.pk is not None:
            original = Chairmanship.objects.filter(pk=self.instance.pk).first()
        check_rotation = original is None or (
            (original.state_id, original.start, original.end, original.basis)
            != (self.instance.state_id, self.instance.start, self.instance.end,
                self.instance.basis)
        )
        try:
            chairmanship_validate(chairmanship=self.instance, check_rotation=check_rotation)
        except ValidationError as exc:
            self._update_errors(exc)


@admin.register(Chairmanship)
class ChairmanshipAdmin(TabbedTranslationAdmin):
    form = ChairmanshipAdminForm
    change_list_template = "chairmanship/admin/chairmanship_change_list.html"
    list_display = ["state", "start", "end", "basis", "representative_name", "decided_at"]
    list_filter = ["basis", "state"]
    list_select_related = ["state"]
    search_fields = [
        "state__name_ru", "state__name_en", "representative_name_ru", "representative_name_en",
        "decided_at_ru", "decided_at_en",
    ]
    date_hierarchy = "start"
    ordering = ["-start"]
    autocomplete_fields = _state_autocomplete()
    readonly_fields = ["created_at", "created_by"]
    fieldsets = (
        (None, {"fields": ("state", "start", "end")}),
        (_("Representative"), {"fields": ("representative_name", "representative_title")}),
        (_("Basis"), {"fields": ("basis", "decision_note", "decided_at")}),
        (_("Notes"), {"fields": ("notes", "created_at", "created_by")}),
    )

    def save_model(self, request, obj, form, change):
        if change:
            chairmanship_update(
                chairmanship=obj,
                data={name: form.cleaned_data[name] for name in form.changed_data},
            )
            return
        created = chairmanship_create(
            created_by=request.user,
            **{name: form.cleaned_data.get(name) or "" for name in CREATE_FIELDS
               if name not in ("state", "start", "end", "basis")},
            state=form.cleaned_data["state"], start=form.cleaned_data["start"],
            end=form.cleaned_data["end"], basis=form.cleaned_data["basis"],
        )
        obj.pk = created.pk
        obj.created_at, obj.created_by = created.created_at, created.created_by

    # --- The rotation's proposal on the changelist -----------------------------

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "create-next/",
                self.admin_site.admin_view(self.create_next_view),
                name="{}_{}_create_next".format(*info),
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra_context = extra_context or {}
        try:
            extra_context["proposal"] = chairmanship_propose_next()
        except ValidationError as exc:
            extra_context["proposal_errors"] = exc.messages
        extra_context["can_create_next"] = self.has_add_permission(request)
        return super().changelist_view(request, extra_context=extra_context)

    def create_next_view(self, request: HttpRequest) -> HttpResponse:
        """POST only: record the proposed term. The form carries the state
        and start the user saw, so a proposal that changed meanwhile is not
        recorded blindly; the service validates everything again."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        changelist = reverse("admin:chairmanship_chairmanship_changelist")
        try:
            proposal = chairmanship_propose_next()
            seen = (request.POST.get("state"), request.POST.get("start"))
            if seen != (str(proposal.state.pk), proposal.start.isoformat()):
                raise ValidationError(
                    _("The proposal changed since the page was shown. "
                      "Check the new proposal and try again."),
                    code="stale_proposal",
                )
            term = chairmanship_create_from_proposal(proposal=proposal, created_by=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(changelist)
        self.log_addition(request, term, [{"added": {}}])
        messages.success(request, _(
            "Recorded the term of %(state)s from %(start)s to %(end)s. "
            "Add its representative now."
        ) % {
            "state": term.state,
            "start": formats.date_format(term.start, "DATE_FORMAT"),
            "end": formats.date_format(term.end, "DATE_FORMAT"),
        })
        return redirect(reverse("admin:chairmanship_chairmanship_change", args=[term.pk]))


class TurnDeclinationAdminForm(forms.ModelForm):
    class Meta:
        model = TurnDeclination
        fields = ("state", "turn_start", "declined_on", "note_ru", "note_en")

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        try:
            turn_declination_validate(declination=self.instance)
        except ValidationError as exc:
            self._update_errors(exc)


@admin.register(TurnDeclination)
class TurnDeclinationAdmin(TabbedTranslationAdmin):
    form = TurnDeclinationAdminForm
    list_display = ["state", "turn_start", "declined_on", "note"]
    list_filter = ["state"]
    list_select_related = ["state"]
    search_fields = ["state__name_ru", "state__name_en", "note_ru", "note_en"]
    date_hierarchy = "turn_start"
    ordering = ["-turn_start"]
    autocomplete_fields = _state_autocomplete()
    readonly_fields = ["created_at"]
    fieldsets = (
        (None, {"fields": ("state", "turn_start", "declined_on")}),
        (_("Notes"), {"fields": ("note", "created_at")}),
    )

    def save_model(self, request, obj, form, change):
        if change:
            turn_declination_update(
                declination=obj,
                data={name: form.cleaned_data[name] for name in form.changed_data},
            )
            return
        created = turn_decline(
            state=form.cleaned_data["state"], turn_start=form.cleaned_data["turn_start"],
            declined_on=form.cleaned_data["declined_on"],
            note_ru=form.cleaned_data.get("note_ru") or "",
            note_en=form.cleaned_data.get("note_en") or "",
        )
        obj.pk, obj.created_at = created.pk, created.created_at

