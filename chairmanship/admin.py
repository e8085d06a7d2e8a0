"""Secretariat admin for terms and declined turns. Every save goes through
the services, so overlaps, term lengths and departures from the rotation
come back as form errors; the changelist shows the rotation's proposal with a
one-click button to record it (validated again by the service)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from membership.models import ParticipantState

from .models import Chairmanship, TurnDeclination
from .selectors import flagged_term_pks, term_membership_flag, terms_with_membership_periods
from .services import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_propose_next,
    chairmanship_terms_lock,
    chairmanship_update,
    chairmanship_validate,
    turn_declination_update,
    turn_declination_validate,
    turn_decline,
)
from .validators import term_end_for


class StateAutocompleteMixin:
    """Autocomplete for the state once membership's admin offers a search
    for states; a plain select otherwise. Decided per request (not as a class
    attribute) so that the admin checks never depend on registration order."""

    def get_autocomplete_fields(self, request):
        state_admin = self.admin_site._registry.get(ParticipantState)
        return ["state"] if state_admin is not None and state_admin.search_fields else []


class ServiceErrorsMixin:
    """The forms validate under the terms' lock, so a save rarely fails; when
    it does (two secretariat users recording the very first term at the same
    moment, caught by the database), say why instead of failing with a 500."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(request.get_full_path())


def _lock_while_validating() -> None:
    """Inside the admin's transaction (every POST to an add or change view),
    take the terms' lock before validating, so that the check and the save
    see the same rows even when two users save at once."""
    if transaction.get_connection().in_atomic_block:
        chairmanship_terms_lock()


# A query parameter: return to the chairmanship changelist after recording a
# declination from its proposal.
RETURN_TO_PROPOSAL = "from_proposal"

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
        _lock_while_validating()
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


class TermPeriodFilter(admin.SimpleListFilter):
    """Past, current or upcoming terms, as of today."""

    title = pgettext_lazy("chair term", "period")
    parameter_name = "period"

    def lookups(self, request, model_admin):
        return [
            ("past", pgettext_lazy("chair term", "Past")),
            ("current", pgettext_lazy("chair term", "Current")),
            ("upcoming", pgettext_lazy("chair term", "Upcoming")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "past":
            return queryset.filter(end__lt=today)
        if self.value() == "current":
            return queryset.filter(start__lte=today, end__gte=today)
        if self.value() == "upcoming":
            return queryset.filter(start__gt=today)
        return queryset


class MembershipFlagFilter(admin.SimpleListFilter):
    """Terms whose state is not a participant for the whole term (withdrawn,
    pending or not yet a member on some day of it): for the secretariat to
    decide. Computed from the membership periods (one term per two years)."""

    title = _("membership during the term")
    parameter_name = "membership"

    def lookups(self, request, model_admin):
        return [
            ("flagged", _("Not a participant for the whole term")),
            ("consistent", _("A participant for the whole term")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "flagged":
            return queryset.filter(pk__in=flagged_term_pks())
        if self.value() == "consistent":
            return queryset.exclude(pk__in=flagged_term_pks())
        return queryset


@admin.register(Chairmanship)
class ChairmanshipAdmin(ServiceErrorsMixin, StateAutocompleteMixin, TabbedTranslationAdmin):
    form = ChairmanshipAdminForm
    change_list_template = "chairmanship/admin/chairmanship_change_list.html"
    list_display = [
        "state", "start", "end", "basis", "representative_name", "decided_at", "membership_check",
    ]
    list_filter = [TermPeriodFilter, "basis", MembershipFlagFilter, "state"]
    list_select_related = ["state"]
    search_fields = [
        "state__name_ru", "state__name_en", "representative_name_ru", "representative_name_en",
        "decided_at_ru", "decided_at_en",
    ]
    date_hierarchy = "start"
    ordering = ["-start"]
    readonly_fields = ["created_at", "created_by"]
    fieldsets = (
        (None, {"fields": ("state", "start", "end")}),
        (_("Representative"), {"fields": ("representative_name", "representative_title")}),
        (_("Basis"), {"fields": ("basis", "decision_note", "decided_at")}),
        (_("Notes"), {"fields": ("notes", "created_at", "created_by")}),
    )

    def get_queryset(self, request):
        # The states' membership periods (one query) feed the flag column.
        return terms_with_membership_periods().order_by(*self.get_ordering(request))

    @admin.display(description=_("membership check"))
    def membership_check(self, obj: Chairmanship) -> str:
        flag = term_membership_flag(obj)
        return flag.short if flag is not None else "—"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """Warns above the form when the term's state is not a participant
        for the whole term: the secretariat decides, nothing is changed."""
        obj = self.get_object(request, object_id) if str(object_id).isdigit() else None
        flag = term_membership_flag(obj) if obj is not None else None
        return super().change_view(request, object_id, form_url, extra_context={
            **(extra_context or {}), "membership_flag": flag,
        })

    def get_changeform_initial_data(self, request):
        """A new term starts out as the rotation's proposal: the secretariat
        adds the representative, or changes the basis to depart from it."""
        initial = super().get_changeform_initial_data(request)
        if not {"state", "start"} & set(initial):
            try:
                proposal = chairmanship_propose_next()
            except ValidationError:
                return initial
            initial.update(state=proposal.state.pk, start=proposal.start)
        return initial

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
        proposal = extra_context.get("proposal")
        declinations = self.admin_site._registry.get(TurnDeclination)
        if proposal is not None and declinations and declinations.has_add_permission(request):
            # The add form of a declination, filled in for the proposed state's turn.
            extra_context["decline_url"] = "{}?{}".format(
                reverse("admin:chairmanship_turndeclination_add"),
                urlencode({
                    "state": proposal.state.pk,
                    "turn_start": proposal.start.isoformat(),
                    "declined_on": min(timezone.localdate(), proposal.start).isoformat(),
                    RETURN_TO_PROPOSAL: "1",
                }),
            )
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
            "Recorded the term from %(start)s to %(end)s: %(state)s chairs. "
            "Now add the representative."
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
        _lock_while_validating()
        try:
            turn_declination_validate(declination=self.instance)
        except ValidationError as exc:
            self._update_errors(exc)


@admin.register(TurnDeclination)
class TurnDeclinationAdmin(ServiceErrorsMixin, StateAutocompleteMixin, TabbedTranslationAdmin):
    form = TurnDeclinationAdminForm
    list_display = ["state", "turn_start", "declined_on", "note"]
    list_filter = ["state"]
    list_select_related = ["state"]
    search_fields = ["state__name_ru", "state__name_en", "note_ru", "note_en"]
    date_hierarchy = "turn_start"
    ordering = ["-turn_start"]
    readonly_fields = ["created_at"]
    fieldsets = (
        (None, {"fields": ("state", "turn_start", "declined_on")}),
        (_("Notes"), {"fields": ("note", "created_at")}),
    )

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop(RETURN_TO_PROPOSAL, None)
        return initial

    def response_add(self, request, obj, post_url_continue=None):
        """Back to the proposal when the declination was recorded from it,
        so the secretariat sees the turn pass to the next state."""
        if request.GET.get(RETURN_TO_PROPOSAL) and not (
            {"_continue", "_addanother", "_popup"} & set(request.POST)
        ):
            messages.success(request, _(
                "Recorded: %(state)s declines the turn from %(start)s, "
                "which passes to the next state."
            ) % {"state": obj.state, "start": formats.date_format(obj.turn_start, "DATE_FORMAT")})
            return redirect("admin:chairmanship_chairmanship_changelist")
        return super().response_add(request, obj, post_url_continue)

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

