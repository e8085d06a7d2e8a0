"""The participating states' admin: their membership history (periods
edited on the state's page, saved through the services), the outcome of a
no-objection procedure, and their coordinators over time (read only)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core.dates import date_label

from .. import selectors, services
from ..enums import MembershipStatus
from ..forms import MembershipPeriodFormSet, MembershipPeriodInlineForm, ParticipantStateAdminForm
from ..models import MembershipPeriod, NationalCoordinator, ParticipantState
from .common import HistoryAdmin
from .filters import CurrentStatusFilter, DeadlinePassedFilter


class MembershipPeriodInline(admin.TabularInline):
    model = MembershipPeriod
    form = MembershipPeriodInlineForm
    formset = MembershipPeriodFormSet
    extra = 0
    ordering = ["start"]
    verbose_name_plural = _("membership history")


class NationalCoordinatorHistoryInline(admin.TabularInline):
    """Read-only: terms are added, replaced and ended on the coordinator pages."""

    model = NationalCoordinator
    fields = ["full_name", "agency", "start", "end", "end_reason"]
    readonly_fields = fields
    ordering = ["-start"]
    extra = 0
    show_change_link = True
    can_delete = False
    verbose_name_plural = _("national coordinators over time")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ParticipantState)
class ParticipantStateAdmin(HistoryAdmin, TabbedTranslationAdmin):
    list_display = [
        "name_ru", "name_en", "iso2", "iso3", "current_status", "joined", "active_coordinator",
    ]
    list_filter = [CurrentStatusFilter, DeadlinePassedFilter]
    search_fields = ["name_ru", "name_en", "official_name_ru", "official_name_en", "iso2", "iso3"]
    actions = ["record_no_objection", "record_objection"]
    ordering = ["name_ru"]
    form = ParticipantStateAdminForm
    fieldsets = (
        (None, {"fields": ("name", "official_name", "iso2", "iso3")}),
        (_("Place in the chairmanship rotation"), {
            "fields": ("rotation_key", "confirm_rotation_key_change"),
            "description": _(
                "The rotation of the chairmanship follows the English alphabetical order of "
                "these keys. Changing this state's key moves it in the rotation: every "
                "projected term and the turns of the states around it change."
            ),
        }),
    )
    inlines = [MembershipPeriodInline, NationalCoordinatorHistoryInline]
    object_history_template = "admin/membership/participantstate/object_history.html"

    def get_queryset(self, request):
        return selectors.states_for_listing()

    def history_view(self, request, object_id, extra_context=None):
        """The state's history, and below it that of its membership
        periods (which are edited on the state's page)."""
        records = MembershipPeriod.history.filter(state_id=unquote(object_id)).select_related(
            "history_user"
        )
        return super().history_view(
            request, object_id, extra_context={**(extra_context or {}), "period_records": records},
        )

    @admin.display(description=_("current status"))
    def current_status(self, state: ParticipantState) -> str:
        period = state.current_period
        if period is None:
            return "—"
        if period.objection:
            return _("Objection raised: did not join")
        if period.status == MembershipStatus.PENDING:
            return _("%(status)s (deadline %(date)s)") % {
                "status": period.get_status_display(), "date": date_label(period.deadline),
            }
        return period.get_status_display()

    @admin.display(description=_("participant since"))
    def joined(self, state: ParticipantState) -> str:
        return date_label(state.joined_on)

    @admin.display(description=_("national coordinator"))
    def active_coordinator(self, state: ParticipantState) -> str:
        active = state.active_coordinators
        if not active:
            return "—"
        url = reverse("admin:membership_nationalcoordinator_change", args=[active[0].pk])
        return format_html('<a href="{}">{}</a>', url, active[0].full_name)

    # --- The outcome of a no-objection procedure ------------------------------------

    def _record_outcome(self, request, queryset, *, objection: bool) -> None:
        for state in queryset:
            try:
                period = services.membership_record_pending_outcome(
                    state=state, objection=objection
                )
            except ValidationError as exc:
                for message in exc.messages:
                    self.message_user(request, message, messages.ERROR)
                continue
            if objection:
                message = _("%(state)s: the objection is recorded; the pending period ended on "
                            "%(date)s.") % {"state": state, "date": date_label(period.end)}
            else:
                message = _("%(state)s is a participant from %(date)s.") % {
                    "state": state, "date": date_label(period.start),
                }
            self.log_change(request, state, message)
            self.message_user(request, message, messages.SUCCESS)

    @admin.action(
        permissions=["change"],
        description=_("No-objection deadline passed: no objection, participant from the next "
                      "day"),
    )
    def record_no_objection(self, request, queryset):
        self._record_outcome(request, queryset, objection=False)

    @admin.action(
        permissions=["change"],
        description=_("No-objection deadline passed: an objection was raised"),
    )
    def record_objection(self, request, queryset):
        self._record_outcome(request, queryset, objection=True)

    def save_model(self, request, obj, form, change):
        if change:
            self._warnings(request).extend(services.state_save(state=obj))
        else:
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not MembershipPeriod:
            super().save_formset(request, form, formset, change)
            return
        changed = formset.save(commit=False)
        if changed or formset.deleted_objects:
            self._warnings(request).extend(services.membership_periods_save(
                state=form.instance, changed=changed, deleted=formset.deleted_objects
            ))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # What changed elsewhere because of this save (coordinators' terms
        # ended, chair terms that became inconsistent), once each.
        for warning in dict.fromkeys(self._warnings(request)):
            self.message_user(request, warning, messages.WARNING)

    @staticmethod
    def _warnings(request: HttpRequest) -> list[str]:
        if not hasattr(request, "_membership_warnings"):
            request._membership_warnings = []
        return request._membership_warnings
