"""Secretariat admin for terms and declined turns. Every save is one call of
a service from the form's validation, so overlaps, term lengths and
departures from the rotation come back as errors on the form, which keeps
what the user typed; the changelist shows the rotation's proposal with a
one-click button to record it (validated again by the service)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.dates import date_label
from membership.models import ParticipantState

from .enums import ChairmanshipBasis
from .models import Chairmanship, TurnDeclination
from .selectors import (
    CONFIRMATIONS,
    confirming_outcome,
    flagged_term_pks,
    term_membership_flag,
    terms_with_membership_periods,
)
from .services import (
    chairmanship_create,
    chairmanship_create_from_proposal,
    chairmanship_propose_next,
    chairmanship_update,
    turn_declination_update,
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


class ServiceForm(forms.ModelForm):
    """A model form whose validation is the service's one call: the form
    checks its fields, then ``save_through_service`` validates and writes
    (inside the admin's transaction, under the service's lock). An error of
    the service lands on the fields it names and the form is shown again
    with what the user typed; nothing is validated twice and the admin's
    ``save_model`` has nothing left to do. ``user`` is set by the admin."""

    user = None

    def save_through_service(self):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def _post_clean(self):
        # Empty texts are stored as "" (as the services store them), not as
        # the None modeltranslation's nullable fields give: the history then
        # shows only what the user changed.
        for name, value in self.cleaned_data.items():
            if value is None and isinstance(
                self._meta.model._meta.get_field(name), (models.CharField, models.TextField)
            ):
                self.cleaned_data[name] = ""
        # What ModelForm does, less the model's validation: the service runs it.
        try:
            self.instance = forms.models.construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
        except ValidationError as exc:
            self._update_errors(exc)
        if self.errors:
            return
        try:
            self.instance = self.save_through_service()
        except ValidationError as exc:
            self._update_errors(self._on_form_fields(exc))

    def _on_form_fields(self, exc: ValidationError) -> ValidationError:
        """The service's errors keyed by fields the form shows; any other
        goes above the form."""
        if not hasattr(exc, "error_dict"):
            return exc
        errors: dict[str, list] = {}
        for name, field_errors in exc.error_dict.items():
            key = name if name in self.fields else NON_FIELD_ERRORS
            errors.setdefault(key, []).extend(field_errors)
        return ValidationError(errors)

    def save(self, commit=True):
        """The service has saved: return the saved row."""
        if self.errors:
            raise ValueError("The form did not validate.")
        self.save_m2m = lambda: None
        return self.instance

    def changed_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.changed_data}


class ServiceFormAdminMixin:
    """Gives the form the user (``created_by``) and leaves the saving to it.

    With simple_history's admin next in line: its history pages (who, when,
    which fields changed; the user comes from simple_history's request
    middleware, since the form's service call does the saving), listed by
    templates/simple_history/object_history_list.html (no inline style)."""

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def save_model(self, request, obj, form, change):
        """Saved by the form's one call of the service."""


# A query parameter: return to the chairmanship changelist after recording a
# declination from its proposal.
RETURN_TO_PROPOSAL = "from_proposal"

CREATE_FIELDS = (
    "state", "start", "end", "basis",
    "representative_name_ru", "representative_name_en",
    "representative_title_ru", "representative_title_en",
    "decision_note_ru", "decision_note_en",
    "notes_ru", "notes_en", "illustrative",
)


class ChairmanshipAdminForm(ServiceForm):
    """Leave the end empty for a term by rotation or election to have it
    computed (two years less a day); a term by decision needs it. Saved by
    ``chairmanship_create`` or ``chairmanship_update``."""

    class Meta:
        model = Chairmanship
        fields = CREATE_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "end" in self.fields:
            self.fields["end"].required = False
            self.fields["end"].help_text = _(
                "By rotation or election leave it empty: two years after the start, less one "
                "day. By a recorded decision: the end the decision gives."
            )

    def clean(self):
        cleaned = super().clean()
        if (not cleaned.get("end") and cleaned.get("start")
                and cleaned.get("basis") != ChairmanshipBasis.DECISION):
            cleaned["end"] = term_end_for(cleaned["start"])
        return cleaned

    def save_through_service(self) -> Chairmanship:
        if self.instance.pk is not None:
            return chairmanship_update(chairmanship=self.instance, data=self.changed_values())
        cleaned = self.cleaned_data
        return chairmanship_create(
            created_by=self.user,
            **{name: cleaned.get(name) or "" for name in CREATE_FIELDS
               if name not in ("state", "start", "end", "basis", "illustrative")},
            state=cleaned["state"], start=cleaned["start"], end=cleaned.get("end"),
            basis=cleaned["basis"], illustrative=bool(cleaned.get("illustrative")),
        )


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
class ChairmanshipAdmin(
    ServiceFormAdminMixin, StateAutocompleteMixin, SimpleHistoryAdmin, TabbedTranslationAdmin,
):
    form = ChairmanshipAdminForm
    change_list_template = "chairmanship/admin/chairmanship_change_list.html"
    list_display = [
        "state", "start", "end", "basis", "representative_name", "confirmed_at", "membership_check",
        "illustrative",
    ]
    list_filter = [TermPeriodFilter, "basis", MembershipFlagFilter, "illustrative", "state"]
    list_select_related = ["state"]
    search_fields = [
        "state__name_ru", "state__name_en", "representative_name_ru", "representative_name_en",
        "confirming_outcomes__meeting__title_ru", "confirming_outcomes__meeting__title_en",
    ]
    date_hierarchy = "start"
    ordering = ["-start"]
    readonly_fields = ["confirmed_at", "created_at", "created_by"]
    fieldsets = (
        (None, {"fields": ("state", "start", "end")}),
        (_("Representative"), {"fields": ("representative_name", "representative_title")}),
        (_("Basis"), {"fields": ("basis", "decision_note", "confirmed_at")}),
        (_("Notes"), {"fields": ("notes", "illustrative", "created_at", "created_by")}),
    )

    def get_queryset(self, request):
        # The states' membership periods (one query) feed the flag column;
        # the confirming outcomes and their meetings (two) the "confirmed at"
        # column, through the reverse relation (chairmanship imports nothing
        # of meetings).
        return (terms_with_membership_periods().prefetch_related(CONFIRMATIONS)
                .order_by(*self.get_ordering(request)))

    @admin.display(description=_("elected or confirmed at"))
    def confirmed_at(self, obj: Chairmanship) -> str:
        """The meeting whose outcome confirms the term, linked to its admin
        page; recorded in the meeting's outcomes, not here."""
        if obj is None or obj.pk is None:
            return "—"
        outcome = confirming_outcome(obj)
        if outcome is None:
            return "—"
        meeting = outcome.meeting
        return format_html(
            '<a href="{}">{}</a> ({})',
            reverse("admin:meetings_meeting_change", args=[meeting.pk]),
            meeting.title, date_label(outcome.adopted_on),
        )

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
            "start": date_label(term.start),
            "end": date_label(term.end),
        })
        return redirect(reverse("admin:chairmanship_chairmanship_change", args=[term.pk]))


class TurnDeclinationAdminForm(ServiceForm):
    """Saved by ``turn_decline`` or ``turn_declination_update``."""

    class Meta:
        model = TurnDeclination
        fields = ("state", "turn_start", "declined_on", "note_ru", "note_en", "illustrative")

    def save_through_service(self) -> TurnDeclination:
        if self.instance.pk is not None:
            return turn_declination_update(declination=self.instance, data=self.changed_values())
        cleaned = self.cleaned_data
        return turn_decline(
            state=cleaned["state"], turn_start=cleaned["turn_start"],
            declined_on=cleaned["declined_on"], note_ru=cleaned.get("note_ru") or "",
            note_en=cleaned.get("note_en") or "", illustrative=bool(cleaned.get("illustrative")),
        )


@admin.register(TurnDeclination)
class TurnDeclinationAdmin(
    ServiceFormAdminMixin, StateAutocompleteMixin, SimpleHistoryAdmin, TabbedTranslationAdmin,
):
    form = TurnDeclinationAdminForm
    list_display = ["state", "turn_start", "declined_on", "note", "illustrative"]
    list_filter = ["illustrative", "state"]
    list_select_related = ["state"]
    search_fields = ["state__name_ru", "state__name_en", "note_ru", "note_en"]
    date_hierarchy = "turn_start"
    ordering = ["-turn_start"]
    readonly_fields = ["created_at"]
    fieldsets = (
        (None, {"fields": ("state", "turn_start", "declined_on")}),
        (_("Notes"), {"fields": ("note", "illustrative", "created_at")}),
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
            ) % {"state": obj.state, "start": date_label(obj.turn_start)})
            return redirect("admin:chairmanship_chairmanship_changelist")
        return super().response_add(request, obj, post_url_continue)
